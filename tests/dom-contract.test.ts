/**
 * The DOM contract's owner (src/lib/dom-contract/): attribute maps written and read back, and
 * numbers rendered, on a small stand-in for an element (attributes, text, ancestors), since the
 * module only ever calls those.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ARTICLE_PARAMS, DERIVED_NAMES, PARAM_NAMES, createResolver, foldedTerm, formatQuantity, type QuantityRef } from '../src/lib/backprop';
import {
  NOTE_NUMBER_SELECTOR,
  NOTE_SEPARATOR,
  bindNumbers,
  foldAttributes,
  numberAttributes,
  quantityRef,
  readNumberRef,
  readRef,
  refFromAttributes,
  renderNumber,
  renderQuantities,
  restoreName,
  setAside,
  shown,
  writeRef,
} from '../src/lib/dom-contract';
import { SEPARATOR, agreeName, mistakenName } from '../src/lib/mistakes/notes/quantities';

/** An element as far as the contract uses one: attributes, text, a parent; `closest` on `[attr]` selectors. */
class FakeElement {
  readonly attributes = new Map<string, string>();
  textContent = '';
  firstChild = null;
  writes = 0;
  constructor(
    attrs: Record<string, string> = {},
    readonly parent?: FakeElement,
  ) {
    for (const [k, v] of Object.entries(attrs)) this.attributes.set(k, v);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.writes++;
    this.attributes.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  closest(selector: string): FakeElement | null {
    const name = /^\[([\w-]+)\]$/.exec(selector)?.[1];
    for (let at: FakeElement | undefined = this; at; at = at.parent) if (name && at.attributes.has(name)) return at;
    return null;
  }
}
const el = (attrs?: Record<string, string>, parent?: FakeElement): FakeElement & Element => new FakeElement(attrs, parent) as FakeElement & Element;

const NAMES = [...PARAM_NAMES, ...DERIVED_NAMES];
const anyRef = fc.record(
  { name: fc.constantFrom(...NAMES), epoch: fc.integer({ min: 1, max: 400 }), lr: fc.constantFrom(0.1, 0.5, 1, 2) },
  { requiredKeys: ['name'] },
) as fc.Arbitrary<QuantityRef>;

describe('attribute maps', () => {
  test('a number carries its name, its value as String() gives it, and its epoch and rate when given', () => {
    expect(numberAttributes({ name: 'E_total', epoch: 300, lr: 2 }, 1e-7)).toEqual({
      'data-q': 'E_total',
      'data-value': '1e-7',
      'data-epoch': '300',
      'data-lr': '2',
    });
    expect(Object.keys(numberAttributes({ name: 'w1' }, 0.15, true))).toEqual(['data-q', 'data-value', 'data-bind']);
  });

  test('content names leave out epoch 1, the default', () => {
    expect(quantityRef('a_o1', 1)).toEqual({ name: 'a_o1' });
    expect(quantityRef('a_o1', 2, 0.5)).toEqual({ name: 'a_o1', epoch: 2, lr: 0.5 });
    expect(numberAttributes(quantityRef('a_o1', 1), 0.6)).not.toHaveProperty('data-epoch');
  });

  test("an island's number is the attributes and the math module's text", () => {
    fc.assert(
      fc.property(anyRef, (ref) => {
        const value = createResolver(ARTICLE_PARAMS)(ref);
        expect(shown(ref, value, 4)).toEqual({ ...numberAttributes(ref, value), children: formatQuantity(ref, value, 4) });
      }),
    );
  });

  test('what is written is read back as the same place', () => {
    fc.assert(
      fc.property(anyRef, (ref) => {
        const written = numberAttributes(ref, 1);
        const read = refFromAttributes((name) => written[name] ?? null);
        expect(read).toEqual(quantityRef(ref.name, ref.epoch, ref.lr));
        const target = el({ 'data-epoch': '7', 'data-lr': '9' });
        writeRef(target, ref);
        expect(readRef(target)).toEqual(read);
      }),
    );
  });

  test("readRef knows the math module's quantities only; a note's number is read by readNumberRef", () => {
    const note = mistakenName('dE_dw3', 'slope-a-h1');
    expect(readRef(el({ 'data-q': 'nonsense' }))).toBeUndefined();
    expect(readRef(el({ 'data-q': note }))).toBeUndefined();
    expect(readRef(el())).toBeUndefined();
    expect(readNumberRef(el({ 'data-q': note, 'data-epoch': '300' }))).toEqual({ name: note, epoch: 300 });
    expect(readNumberRef(el({ 'data-pending': note }))).toEqual({ name: note });
  });

  test("the notes' names are the ones the selector finds", () => {
    expect(SEPARATOR).toBe(NOTE_SEPARATOR);
    expect(NOTE_NUMBER_SELECTOR).toBe(`[data-q*="${NOTE_SEPARATOR}"]`);
    expect(agreeName('E_total', 'x')).toContain(NOTE_SEPARATOR);
    expect(NAMES.some((n) => n.includes(NOTE_SEPARATOR))).toBe(false);
  });

  test('a folding term and its operator are paired by index and carry the sign', () => {
    expect(foldAttributes(3, '−')).toEqual({ term: { 'data-fold': '3' }, operator: { 'data-fold-op': '3', 'data-sign': '−' } });
  });
});

describe('rendering', () => {
  test("writes a number's value and text, each only when it changed", () => {
    const n = el({ 'data-q': 'a_o1' });
    renderNumber(n, 0.5, '0.5');
    expect([n.getAttribute('data-value'), n.textContent, (n as FakeElement).writes]).toEqual(['0.5', '0.5', 1]);
    renderNumber(n, 0.5, '0.5');
    expect((n as FakeElement).writes).toBe(1);
  });

  test("a folding term's sign goes into its operator", () => {
    const op = el({ 'data-sign': '+' });
    const term = el({ 'data-q': 'dE_dw5', 'data-fold': '0' });
    renderNumber(term, -0.03, '−0.03', op);
    const folded = foldedTerm('+', '−0.03');
    expect([term.textContent, op.textContent]).toEqual([folded.text, folded.operator]);
  });

  test("bound numbers follow the parameters, at the page's precision or more where the content fixes more", () => {
    const erratum = el({ 'data-digits': '7' });
    const plain = el({ 'data-q': 'a_o1' });
    const fixed = el({ 'data-q': 'a_o1' }, erratum);
    const later = el({ 'data-q': 'E_total', 'data-epoch': '300' });
    const stranger = el({ 'data-q': 'a_o1--nonsense' });
    const bound = bindNumbers([plain, fixed, later, stranger], readRef);
    expect(bound.map((b) => b.el)).toEqual([plain, fixed, later]);
    const params = { ...ARTICLE_PARAMS, w1: 0.3 };
    renderQuantities(bound, params, 4);
    const resolve = createResolver(params);
    const a = resolve({ name: 'a_o1' });
    const e = resolve({ name: 'E_total', epoch: 300 });
    expect(plain.textContent).toBe(formatQuantity({ name: 'a_o1' }, a, 4));
    expect(fixed.textContent).toBe(formatQuantity({ name: 'a_o1' }, a, 7));
    expect(later.getAttribute('data-value')).toBe(String(e));
    renderQuantities(bound, params, 9);
    expect(fixed.textContent).toBe(formatQuantity({ name: 'a_o1' }, a, 9));
  });

  test('a number its renderer alone writes is rewritten only when its value or precision changed, without reading the page', () => {
    const n = el({ 'data-q': 'a_o1' });
    const reads = { count: 0 };
    const getAttribute = n.getAttribute.bind(n);
    n.getAttribute = (name: string) => (reads.count++, getAttribute(name));
    const [sole] = bindNumbers([n], readRef, true);
    const params = { ...ARTICLE_PARAMS, w1: 0.3 };
    renderQuantities([sole!], params, 4);
    expect(n.textContent).toBe(formatQuantity({ name: 'a_o1' }, createResolver(params)({ name: 'a_o1' }), 4));
    reads.count = 0;
    // w8 plays no part in a_o1: unchanged, not even read.
    renderQuantities([sole!], { ...params, w8: 0.9 }, 4);
    expect(reads.count).toBe(0);
    renderQuantities([sole!], params, 6);
    expect(n.textContent).toBe(formatQuantity({ name: 'a_o1' }, createResolver(params)({ name: 'a_o1' }), 6));
    renderQuantities([sole!], { ...params, w5: 0.1 }, 6);
    expect(n.getAttribute('data-value')).toBe(String(createResolver({ ...params, w5: 0.1 })({ name: 'a_o1' })));
    // A number not bound as sole is read each time, so whatever else wrote it is put right.
    const [shared] = bindNumbers([n], readRef);
    n.textContent = 'stale';
    renderQuantities([shared!], { ...params, w5: 0.1 }, 6);
    expect(n.textContent).toBe(formatQuantity({ name: 'a_o1' }, createResolver({ ...params, w5: 0.1 })({ name: 'a_o1' }), 6));
  });

  test("a note's number set aside shows … under data-pending, and comes back under its name", () => {
    const note = agreeName('dE_dw3', 'slope-a-h1');
    const n = el({ 'data-q': note, 'data-value': '17' });
    n.textContent = 'Identical';
    setAside(n);
    expect([n.getAttribute('data-q'), n.getAttribute('data-pending'), n.textContent]).toEqual([null, note, '…']);
    restoreName(n, note);
    expect([n.getAttribute('data-q'), n.getAttribute('data-pending')]).toEqual([note, null]);
  });
});
