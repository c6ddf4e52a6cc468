/** Where formulas may break on a narrow screen: lib/math-breaks. */
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, test } from 'vitest';
import { BREAKABLE_BRACKET_EM, estimateEm, groupBrackets, listPieces, widestUnbreakableEm } from '../src/lib/math-breaks';
import { rehypeWrappingDisplayMath } from '../src/integrations/rehype-wrapping-display-math.mjs';
import { QUANTITY_NAMES } from '../src/lib/backprop';
import { liveEquation } from '../src/lib/quantities/registry';
import { parseSlots } from '../src/lib/live-tex';

/** KaTeX's inline HTML split at the places a line may break, with the brackets open after each part. */
function breaks(tex: string): { text: string; open: string }[] {
  const html = katex.renderToString(tex, { output: 'html', throwOnError: true, strict: 'error' });
  const parts = html.split('<span class="base">').slice(1);
  const open: string[] = [];
  return parts.map((part) => {
    for (const m of part.matchAll(/class="(mopen|mclose)[^"]*">(?:<span[^>]*>)*([()[\]])</g)) {
      if (m[1] === 'mopen') open.push(m[2] ?? '');
      else open.pop();
    }
    return { text: part.replace(/<[^>]*>/g, ''), open: open.join('') };
  });
}

/** Every formula of the content (`$…$`, `$$…$$`, `tex="…"`) and the registry's live equations. */
function formulas(): string[] {
  const out: string[] = [];
  for (const file of ['1-1-introduction', '1-2-the-network', '1-3-forward-propagation', '1-4-backpropagation', '1-5-weight-update']) {
    const mdx = readFileSync(`content/${file}.mdx`, 'utf8');
    for (const m of mdx.matchAll(/\$\$([\s\S]*?)\$\$|\$([^$\n]+)\$|tex="([^"]+)"/g)) out.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  }
  for (const name of QUANTITY_NAMES) out.push(liveEquation(name));
  return out.map((tex) => parseSlots(tex).tex).filter((tex) => !/\\begin\{aligned\}/.test(tex));
}

describe('groupBrackets', () => {
  test('a bracket and its power become one unbreakable group', () => {
    expect(groupBrackets('E_1 = \\tfrac{1}{2}(t_1 - a_{o1})^2')).toBe('E_1 = \\tfrac{1}{2}{(t_1 - a_{o1})^2}');
    expect(groupBrackets('\\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)')).toBe('\\sigma{(x)}\\,{\\bigl(1 - \\sigma{(x)}\\bigr)}');
    expect(breaks(groupBrackets('a_{o1}(1 - a_{o1}) = 0.6064 \\cdot (1 - 0.6064) = 0.2386')).every((p) => p.open === '')).toBe(true);
  });

  test('\\left … \\right and \\sqrt[n] are left alone', () => {
    expect(groupBrackets('\\left(a + b\\right) + \\sqrt[3]{x}')).toBe('\\left(a + b\\right) + \\sqrt[3]{x}');
  });

  test('the issue’s bad breaks cannot happen: “(1 − ⏎ 0.5068)”, “−(t1 − ⏎ a_o1)”', () => {
    for (const tex of ['\\frac{\\partial a_{h1}}{\\partial h_1} = 0.5068 \\cdot (1 - 0.5068) = 0.2499', '= -(t_1 - a_{o1}) = a_{o1} - t_1']) {
      expect(breaks(tex).some((p) => p.open !== ''), `ungrouped ${tex} breaks inside`).toBe(true);
      expect(breaks(groupBrackets(tex)).map((p) => p.open)).toEqual(breaks(groupBrackets(tex)).map(() => ''));
    }
  });

  test('a bracketed sum too wide for a phone breaks only after the + or − between its terms', () => {
    const tex = '\\bigl[(a_{o1} - t_1)\\, a_{o1}(1 - a_{o1})\\, w_5 + (a_{o2} - t_2)\\, a_{o2}(1 - a_{o2})\\, w_7\\bigr]\\; a_{h1}(1 - a_{h1})\\; i_1';
    expect(estimateEm(tex)).toBeGreaterThan(BREAKABLE_BRACKET_EM);
    const inside = breaks(groupBrackets(tex)).filter((p) => p.open !== '');
    expect(inside.length).toBe(1);
    expect(inside[0]?.open).toBe('[');
    expect(inside[0]?.text.trim().endsWith('+')).toBe(true);
  });

  test('every formula of the content and the registry still typesets, to the same glyphs, and breaks inside no narrow bracket', () => {
    const all = formulas();
    expect(all.length).toBeGreaterThan(60);
    for (const tex of all) {
      const grouped = groupBrackets(tex);
      const glyphs = (t: string) => katex.renderToString(t, { output: 'html', strict: 'error' }).replace(/<[^>]*>/g, '');
      expect(glyphs(grouped), tex).toBe(glyphs(tex));
      for (const p of breaks(grouped)) if (p.open) expect(p.text.trim(), `${tex}: a break inside ${p.open}`).toMatch(/[+−]$/);
    }
  });
});

describe('estimateEm', () => {
  test('grows with what is written, and sets scripts and text-style fractions smaller', () => {
    expect(estimateEm('a + b')).toBeGreaterThan(estimateEm('a'));
    expect(estimateEm('a_{123}')).toBeLessThan(estimateEm('a123'));
    expect(estimateEm('\\tfrac{1}{2}')).toBeLessThan(estimateEm('\\frac{1}{2}'));
    expect(estimateEm('\\frac{abcdef}{x}')).toBeCloseTo(estimateEm('abcdef') + 0.25, 5);
  });

  test('the widest unbreakable part of a formula is narrower than the formula, and no wider than a bracket that cannot break', () => {
    const tex = 'a = (1 - x) + (1 - y) + (1 - z)';
    expect(widestUnbreakableEm(tex)).toBeLessThan(estimateEm(tex));
    expect(widestUnbreakableEm(tex)).toBeGreaterThanOrEqual(estimateEm('(1 - x) +'));
  });
});

describe('listPieces', () => {
  test('a list splits at each outer \\qquad, the punctuation staying with the formula before it', () => {
    expect(listPieces('h_1 = w_1 i_1, \\qquad h_2 = w_3 i_1')).toEqual(['h_1 = w_1 i_1,', 'h_2 = w_3 i_1']);
    expect(listPieces('a, \\qquad b, \\qquad c')).toEqual(['a,', 'b,', 'c']);
  });

  test('a formula without a gap, or with one only inside braces, is one piece', () => {
    expect(listPieces('a = b + c')).toEqual(['a = b + c']);
    expect(listPieces('x = {a \\qquad b}')).toEqual(['x = {a \\qquad b}']);
  });
});

describe('display math on the page (rehype-wrapping-display-math)', () => {
  /** The element the plugin makes of one `$$…$$` block. */
  function block(tex: string): { properties: { className: string[] }; children: { properties: { className: string[] }; children: { children: { value: string }[] }[] }[] } {
    const tree = { type: 'root', children: [{ type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value: tex }] }] }] };
    rehypeWrappingDisplayMath()(tree);
    return tree.children[0] as never;
  }

  test('a list of short formulas becomes one unbreakable piece per formula', () => {
    const list = block('a_{h1} = \\sigma(h_1), \\qquad a_{h2} = \\sigma(h_2)');
    expect(list.properties.className).toEqual(['math-block', 'math-list']);
    expect(list.children.map((piece) => piece.properties.className)).toEqual([['math-piece'], ['math-piece']]);
    expect(list.children.map((piece) => piece.children[0]?.children[0]?.value)).toEqual(['\\displaystyle a_{h1} = \\sigma{(h_1)},', '\\displaystyle a_{h2} = \\sigma{(h_2)}']);
  });

  test('a list with a formula too long for a phone\u2019s line stays one formula that breaks', () => {
    const long = 'E = w_1 i_1 + w_2 i_2 + w_3 i_1 + w_4 i_2 + w_5 a_{h1} + w_6 a_{h2} + w_7 a_{h1} + w_8 a_{h2}';
    expect(block(`${long}, \\qquad x = 1`).properties.className).toEqual(['math-block']);
    expect(block('a = b + c').properties.className).toEqual(['math-block']);
  });
});
