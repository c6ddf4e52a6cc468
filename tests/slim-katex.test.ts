/**
 * Fewer elements for the same typeset look (src/integrations/slim-katex.mjs). That the pixels stay the
 * same is checked by comparing screenshots of the built pages (docs/benchmark.md); here, that the rules
 * only ever remove what they name: every style, every live number and every character stays, in order.
 */
import { describe, expect, test } from 'vitest';
import katex from 'katex';
import { slimMathml, slimPage } from '../src/integrations/slim-katex.mjs';
import { QUANTITY_NAMES } from '../src/lib/backprop';
import { typesetAtArticleValues } from '../src/lib/live-tex';
import { liveEquation } from '../src/lib/quantities/registry';

/** Every equation form the tutorial typesets: each quantity's live equation, and static math of each kind it uses. */
const EQUATIONS: readonly string[] = [
  ...QUANTITY_NAMES.map((q) => typesetAtArticleValues(liveEquation(q, 1), { display: true })),
  ...[
    String.raw`\frac{\partial E_{\mathrm{total}}}{\partial w_5} = \frac{\partial E_1}{\partial a_{o1}} \cdot \frac{\partial a_{o1}}{\partial o_1}`,
    String.raw`E_2 = \tfrac{1}{2}(t_2 - \boxed{a_{o1}})^2`,
    String.raw`\begin{aligned} h_1 &= w_1 i_1 + w_2 i_2 \\ a_{h1} &= \sigma(h_1) = \frac{1}{1 + e^{-h_1}} \end{aligned}`,
    String.raw`\sum_{k=1}^{2} w_k^{(t+1)} = w^{+}_{h1}`,
  ].map((tex) => katex.renderToString(tex, { displayMode: true, output: 'htmlAndMathml' })),
];

const VISUAL = /<span class="katex-html" aria-hidden="true">[\s\S]*$/;
const MATHML = /<math\b[\s\S]*<\/math>/;

function parts(equation: string): { visual: string; mathml: string } {
  return { visual: VISUAL.exec(equation)?.[0] ?? '', mathml: MATHML.exec(equation)?.[0] ?? '' };
}

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1] ?? m[0]);
const text = (html: string) => html.replace(/<[^>]*>/g, '');
const classTokens = (html: string) => all(html, /\sclass="([^"]*)"/g).flatMap((c) => c.split(' ')).sort();
const elements = (html: string) => all(html, /<[a-z][^>]*>/g).length;

/** What `before` has that `after` lacks, token by token. */
function removed(before: readonly string[], after: readonly string[]): string[] {
  const left = [...after];
  return before.filter((t) => {
    const i = left.indexOf(t);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

describe('the visual HTML', () => {
  test.each(EQUATIONS.map((e, i) => [i, e] as const))('equation %i keeps every character, style and live number, in order', (_i, equation) => {
    const { visual } = parts(equation);
    const slim = parts(slimPage(equation)).visual;
    expect(text(slim).replaceAll('\u200b', '')).toBe(text(visual).replaceAll('\u200b', ''));
    expect(all(slim, /\sstyle="([^"]*)"/g)).toEqual(all(visual, /\sstyle="([^"]*)"/g));
    expect(all(slim, /<[^>]*\sdata-q="[^"]*"[^>]*>/g)).toEqual(all(visual, /<[^>]*\sdata-q="[^"]*"[^>]*>/g));
    // Only the classes the rules name go (msupsub moves onto its table, so it stays).
    expect(removed(classTokens(visual), classTokens(slim)).every((c) => ['vlist-s', 'vlist-t2', 'mord', 'mtight'].includes(c))).toBe(true);
    expect(classTokens(slim).filter((c) => !classTokens(visual).includes(c))).toEqual([]);
    expect(slimPage(slimPage(equation)), 'a second pass changes nothing').toBe(slimPage(equation));
  });

  test('a subscript: no 2 px cell, no cancelling margin, no empty depth span, no msupsub wrapper, its text straight in the sizing span', () => {
    const equation = katex.renderToString('w_5', { output: 'htmlAndMathml' });
    const { visual } = parts(equation);
    expect(visual).toContain('class="vlist-s"');
    const slim = parts(slimPage(equation)).visual;
    expect(slim).not.toContain('vlist-s');
    expect(slim).not.toContain('vlist-t2');
    expect(slim).not.toContain('<span></span>');
    expect(slim).not.toContain('<span class="msupsub">');
    expect(slim).toContain('class="vlist-t msupsub"');
    expect(slim).toMatch(/<span class="sizing [^"]*">5<\/span>/);
    expect(elements(slim)).toBe(elements(visual) - 4);
  });

  test('across the tutorial’s equations, at least an eighth of the visual elements go', () => {
    const before = EQUATIONS.reduce((n, e) => n + elements(parts(e).visual), 0);
    const after = EQUATIONS.reduce((n, e) => n + elements(parts(slimPage(e)).visual), 0);
    expect(after).toBeLessThan(before * (7 / 8));
  });
});

describe('the MathML', () => {
  test.each(EQUATIONS.map((e, i) => [i, e] as const))('equation %i reads the same tokens, without the TeX annotation', (_i, equation) => {
    const { mathml } = parts(equation);
    const slim = slimMathml(mathml);
    expect(slim).not.toContain('<annotation');
    expect(slim).not.toContain('<semantics>');
    // Every token (identifier, number, operator, text) with its attributes (data-q among them), in order.
    const tokens = (m: string) => [...m.matchAll(/<(?:mi|mn|mo|mtext)\b[^>]*>[^<]*<\/(?:mi|mn|mo|mtext)>/g)].map((t) => t[0]);
    expect(tokens(slim).length).toBeGreaterThan(0);
    expect(tokens(slim)).toEqual(tokens(mathml));
    expect(slim.match(/^<math[^>]*>/)?.[0]).toBe(mathml.match(/^<math[^>]*>/)?.[0]);
    expect(parts(slimPage(equation)).mathml).toBe(slim);
  });
});

describe('a built page', () => {
  test('only its equations change; scripts, styles and text around them stay byte for byte', () => {
    const equation = EQUATIONS[0] ?? '';
    const around = ['<!doctype html><script>const s = "<math><semantics>";</script><p>Before ', ' between ', ' after.</p><style>.a{}</style>'];
    const page = around.join(equation);
    const slim = slimPage(page);
    expect(slim.length).toBeLessThan(page.length);
    expect(slim.startsWith(`${around[0]}<span class="katex">`)).toBe(true);
    for (const piece of around) expect(slim).toContain(piece);
    expect(slimPage(slim), 'a second pass changes nothing').toBe(slim);
  });
});
