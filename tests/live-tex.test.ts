/**
 * Live equations: KaTeX typesets at build time, and every slot becomes an
 * element carrying data-q/data-value in BOTH the visual HTML and the MathML.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  ARTICLE_PARAMS,
  QUANTITY_NAMES,
  createResolver,
  foldedTerm,
  formatQuantity,
  type QuantityName,
} from '../src/lib/backprop';
import { parseSlots, quantityAttributes, typesetLive, type Slot } from '../src/lib/live-tex';

const resolve = createResolver(ARTICLE_PARAMS);

/** The build-time value and text of a slot, as Eq.astro computes them. */
function articleValue(slot: Slot): { value: number; text: string } {
  const value = resolve(slot);
  return { value, text: formatQuantity(slot, value, 4) };
}

/** A live element found in the output. */
interface Found {
  name: string;
  value: string;
  epoch: string | undefined;
  lr: string | undefined;
  text: string;
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
}

function collect(html: string, pattern: RegExp): Found[] {
  return [...html.matchAll(pattern)].map((m) => {
    const attrs = m[1] ?? '';
    return {
      name: attr(attrs, 'data-q') ?? '',
      value: attr(attrs, 'data-value') ?? '',
      epoch: attr(attrs, 'data-epoch'),
      lr: attr(attrs, 'data-lr'),
      text: m[2] ?? '',
    };
  });
}

/** The visual (HTML) live numbers. */
const visualLive = (html: string) => collect(html, /<span class="mord live"((?:\s[\w-]+="[^"]*")*)>([^<]*)<\/span>/g);
/** The MathML live numbers. */
const mathmlLive = (html: string) => collect(html, /<mn((?:\s[\w-]+="[^"]*")*\sdata-q="[^"]*"(?:\s[\w-]+="[^"]*")*)>([^<]*)<\/mn>/g);

/** The MathML part of KaTeX's output. */
function mathml(html: string): string {
  return /<math[\s\S]*<\/math>/.exec(html)?.[0] ?? '';
}

const PLACEHOLDER = /7\d{3}919193/;

describe('typesetLive', () => {
  const html = typesetLive('a_{o1} = \\sigma({{o1}}) = {{a_o1}}', articleValue);

  test('each slot is an element with data-q and data-value in the visual HTML', () => {
    const found = visualLive(html);
    expect(found.map((f) => f.name)).toEqual(['o1', 'a_o1']);
    const aO1 = found[1];
    expect(aO1?.value).toBe(String(resolve({ name: 'a_o1' })));
    expect(aO1?.text).toBe('0.6064');
    expect(found[0]?.text).toBe(formatQuantity({ name: 'o1' }, resolve({ name: 'o1' }), 4));
  });

  test('and the same in the MathML (<mn data-q=…>)', () => {
    const math = mathml(html);
    expect(math).not.toBe('');
    const found = mathmlLive(math);
    expect(found.map((f) => f.name)).toEqual(['o1', 'a_o1']);
    expect(found[1]?.value).toBe(String(resolve({ name: 'a_o1' })));
    expect(found[1]?.text).toBe('0.6064');
    expect(math).toContain('<mn data-q="a_o1"');
  });

  test('no placeholder and no stale TeX annotation remain', () => {
    expect(html).not.toMatch(PLACEHOLDER);
    expect(html).not.toContain('application/x-tex');
    expect(html).not.toContain('katex-error');
  });

  test('later epochs and other learning rates carry data-epoch and data-lr', () => {
    const out = typesetLive('E = {{E_total}} \\to {{E_total@2}} \\to {{E_total@300:lr=2}}', articleValue);
    const [now, next, far] = visualLive(out);
    expect(now?.epoch).toBeUndefined();
    expect(now?.lr).toBeUndefined();
    expect(now?.text).toBe('0.01418');
    expect(next?.epoch).toBe('2');
    expect(next?.text).toBe('0.01410');
    expect(far?.epoch).toBe('300');
    expect(far?.lr).toBe('2');
    expect(far?.value).toBe(String(resolve({ name: 'E_total', epoch: 300, lr: 2 })));
    expect(mathmlLive(mathml(out)).map((f) => [f.epoch, f.lr])).toEqual([
      [undefined, undefined],
      ['2', undefined],
      ['300', '2'],
    ]);
  });

  test('unknown names throw instead of printing nothing', () => {
    expect(() => typesetLive('x = {{a_o3}}', articleValue)).toThrow(/a_o3/);
    expect(() => parseSlots('{{NaN}}')).toThrow();
    expect(() => parseSlots('{{constructor}}')).toThrow();
  });

  test('inline mode is not a display equation', () => {
    expect(typesetLive('{{a_o1}}', articleValue, false)).not.toContain('katex-display');
    expect(typesetLive('{{a_o1}}', articleValue, true)).toContain('katex-display');
  });

  test('text is escaped, attributes are quoted', () => {
    const out = typesetLive('x = {{w1}}', () => ({ value: 1, text: '<b>&' }));
    expect(out).not.toContain('<b>');
    expect(out).toContain('&lt;b&gt;&amp;');
    expect(quantityAttributes({ name: 'w1', epoch: 3, lr: 0.5 }, -1e-7)).toBe(
      'data-q="w1" data-value="-1e-7" data-bind="" data-epoch="3" data-lr="0.5"',
    );
  });

  /** TeX around a slot as the content writes it. */
  const contexts: readonly ((slot: string) => string)[] = [
    (s) => s,
    (s) => `\\sigma(${s})`,
    (s) => `\\frac{${s}}{2}`,
    (s) => `\\tfrac{1}{2}(0.5 - ${s})^2`,
    (s) => `\\left(${s}\\right)`,
    (s) => `1 - ${s}`,
    (s) => `${s} \\cdot ${s.replace('}}', '@2}}')}`,
  ];

  const slotArb = fc.record({
    name: fc.constantFrom(...QUANTITY_NAMES),
    epoch: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
    lr: fc.option(fc.constantFrom('0.1', '0.2', '0.5', '0.8', '1', '2'), { nil: undefined }),
    context: fc.integer({ min: 0, max: contexts.length - 1 }),
  });

  test('property: every slot appears once in each form, in order, and no placeholder survives', () => {
    fc.assert(
      fc.property(fc.array(slotArb, { minLength: 1, maxLength: 6 }), (slots) => {
        const parts = slots.map(({ name, epoch, lr, context }) => {
          const slot = `{{${name}${epoch !== undefined ? `@${epoch}` : ''}${lr !== undefined ? `:lr=${lr}` : ''}}}`;
          return (contexts[context] ?? ((s: string) => s))(slot);
        });
        const template = parts.join(' + ');
        const { slots: parsed } = parseSlots(template);
        const out = typesetLive(template, articleValue);
        expect(out).not.toMatch(PLACEHOLDER);
        const expectedNames: QuantityName[] = parsed.map((s) => s.name);
        const visual = visualLive(out);
        const math = mathmlLive(mathml(out));
        expect(visual.map((f) => f.name)).toEqual(expectedNames);
        expect(math.map((f) => f.name)).toEqual(expectedNames);
        for (const [i, slot] of parsed.entries()) {
          const { value, text } = articleValue(slot);
          for (const found of [visual[i], math[i]]) {
            expect(found?.value).toBe(String(value));
            expect(found?.text).toBe(slot.fold ? foldedTerm(slot.fold, text).text : text);
            expect(found?.epoch).toBe(slot.epoch !== undefined && slot.epoch !== 1 ? String(slot.epoch) : undefined);
            expect(found?.lr).toBe(slot.lr !== undefined ? String(slot.lr) : undefined);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a negative term after "+" or "−" folds its sign into the operator', () => {
  /** Values for a template: `x` negative, everything else the article's. */
  const negativeX = (slot: Slot) => (slot.name === 'dE2_da_h1' ? { value: -0.031268, text: '−0.03126' } : articleValue(slot));
  const template = '({{dE1_da_h1}} + {{dE2_da_h1}}) \\cdot {{i1}} - {{w2}}^2 - {{lr}}';

  test('the slots after "+" and "−" fold; a slot raised to a power does not', () => {
    const { slots } = parseSlots(template);
    expect(slots.map((s) => s.fold)).toEqual([undefined, '+', undefined, undefined, '−']);
  });

  test('the number shows its magnitude and the operator before it flips, in the picture and the MathML, data-value signed', () => {
    const html = typesetLive(template, negativeX);
    const math = mathml(html);
    const visual = html.slice(html.indexOf('katex-html'));
    for (const part of [visual, math]) {
      expect(part).not.toMatch(/[+−]<\/(span|mo)>(?:<[^>]*>)*−/);
      expect(part).toMatch(/data-fold-op="1" data-sign="\+">−</);
      expect(part).toMatch(/data-q="dE2_da_h1" data-value="-0.031268"[^>]*data-fold="1">0\.03126</);
    }
    // The learning rate after "−" is positive: its operator stays.
    expect(visual).toMatch(/data-fold-op="4" data-sign="−">−</);
  });
});
