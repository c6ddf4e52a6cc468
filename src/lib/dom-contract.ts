/**
 * The DOM contract of a live number (docs/dom-contract.md), read and written here only: `data-q`
 * names the quantity, `data-value` holds its value (`String(value)`), `data-epoch` and `data-lr`
 * say where it stands in training, a `data-digits` ancestor fixes a precision, and a term with
 * `data-fold` folds its sign into the operator before it (`data-fold-op`, `data-sign`). The page
 * script, the explanations, the mistake notes and the islands all go through these functions;
 * course tools and the browser tests read the same attributes.
 */
import { createResolver, foldedTerm, formatQuantity, isQuantityName, type Params, type QuantityRef } from './backprop';

const Q = 'data-q';
const VALUE = 'data-value';
const EPOCH = 'data-epoch';
const LR = 'data-lr';
const DIGITS = 'data-digits';
const FOLD = 'data-fold';
const FOLD_OPERATOR = 'data-fold-op';
const FOLD_SIGN = 'data-sign';
const PENDING = 'data-pending';

/** The attributes of the contract, by what they hold. */
export const ATTRIBUTES = {
  quantity: Q,
  value: VALUE,
  epoch: EPOCH,
  lr: LR,
  digits: DIGITS,
  fold: FOLD,
  foldOperator: FOLD_OPERATOR,
  foldSign: FOLD_SIGN,
  /** A note's number set aside until its arithmetic has loaded: its name, out of `data-q`. */
  pending: PENDING,
} as const;

/** Marks a number written into the built page outside any island: the page script finds these once. */
const BOUND = 'data-bind';

/** Selects every live number. */
export const NUMBER_SELECTOR = `[${Q}]`;
/** Selects the numbers the page script keeps (outside islands). */
export const BOUND_SELECTOR = `[${BOUND}]`;
/**
 * Joins a quantity, a mistake and a measure in the name of a mistake note's number:
 * `dE_dw3--slope-a-h1`, `dE_dw3--slope-a-h1--agree` (src/lib/mistakes/notes/quantities.ts).
 */
export const NOTE_SEPARATOR = '--';
/** Selects the mistake notes' numbers. */
export const NOTE_NUMBER_SELECTOR = `[${Q}*="${NOTE_SEPARATOR}"]`;
/** Selects numbers set aside as pending. */
export const PENDING_SELECTOR = `[${PENDING}]`;

/** A number's place: a name (a quantity's, or a note's), an epoch (1 when absent) and a learning rate (the page's when absent). */
export interface NumberRef {
  readonly name: string;
  readonly epoch?: number;
  readonly lr?: number;
}

/** Reads an element's attributes (an Element, or a plain map in tests). */
export type ReadAttribute = (name: string) => string | null;

/** The place the attributes describe, if they name one; an epoch of 1 or less is left out (it is the default). */
export function refFromAttributes(get: ReadAttribute, name: string | null = get(Q)): NumberRef | undefined {
  if (!name) return undefined;
  const epoch = Number(get(EPOCH) ?? 1);
  const lr = get(LR);
  return { name, ...(epoch > 1 ? { epoch } : {}), ...(lr !== null ? { lr: Number(lr) } : {}) };
}

/**
 * The attributes that make an element show `value` as `ref`, in the contract's order; `bound` for a
 * number of the built page that the page script keeps true. `data-epoch` is written whenever `ref`
 * has an epoch; build `ref` with `quantityRef` to leave out epoch 1.
 */
export function numberAttributes(ref: NumberRef, value: number, bound = false): Record<string, string> {
  const out: Record<string, string> = { [Q]: ref.name, [VALUE]: String(value) };
  if (bound) out[BOUND] = '';
  if (ref.epoch !== undefined) out[EPOCH] = String(ref.epoch);
  if (ref.lr !== undefined) out[LR] = String(ref.lr);
  return out;
}

/**
 * The attributes of a typeset term whose sign folds into the operator before it ("0.01 + −0.03"
 * reads "0.01 − 0.03"), and of that operator; `index` pairs the two within one equation.
 */
export function foldAttributes(index: number, sign: string): { term: Record<string, string>; operator: Record<string, string> } {
  return { term: { [FOLD]: String(index) }, operator: { [FOLD_OPERATOR]: String(index), [FOLD_SIGN]: sign } };
}

/** A place as content names it: epoch 1 (the default) and no learning rate are left out. */
export function quantityRef<N extends string>(name: N, epoch?: number, lr?: number): { name: N; epoch?: number; lr?: number } {
  return { name, ...(epoch && epoch !== 1 ? { epoch } : {}), ...(lr !== undefined ? { lr } : {}) };
}

/** What an island spreads on an element to show a quantity: its attributes and, as `children`, its text. */
export type Shown = Readonly<Record<string, string>>;

/** Everything an element needs to show `value` as the quantity `ref`: `<td {...shown(ref, v, digits)} />`. */
export function shown(ref: QuantityRef, value: number, digits: number): Shown {
  return { ...numberAttributes(ref, value), children: formatQuantity(ref, value, digits) };
}

/** The quantity of the math module an element shows, or undefined (no `data-q`, or a note's name). */
export function readRef(el: Element): QuantityRef | undefined {
  const ref = refFromAttributes((a) => el.getAttribute(a));
  return ref && isQuantityName(ref.name) ? (ref as QuantityRef) : undefined;
}

/** The place of a number of any kind (a note's too), read from `data-q`, or from `data-pending` when set aside. */
export function readNumberRef(el: Element): NumberRef | undefined {
  const get = (a: string): string | null => el.getAttribute(a);
  return refFromAttributes(get, get(Q) ?? get(PENDING));
}

/** Makes `el` show `ref` (its value and text follow with `renderNumbers`). */
export function writeRef(el: Element, ref: NumberRef): void {
  el.setAttribute(Q, ref.name);
  if (ref.epoch && ref.epoch > 1) el.setAttribute(EPOCH, String(ref.epoch));
  else el.removeAttribute(EPOCH);
  if (ref.lr !== undefined) el.setAttribute(LR, String(ref.lr));
  else el.removeAttribute(LR);
}

/** Whether an element is, or is inside, a live number. */
export function numberAt(target: EventTarget | Node | null): Element | undefined {
  return (target instanceof Element ? target.closest(NUMBER_SELECTOR) : null) ?? undefined;
}

/** The live numbers inside `root`; with `self`, `root` alone when it is one. */
export function numbersIn(root: ParentNode, self = false): Element[] {
  return self && root instanceof Element && root.matches(NUMBER_SELECTOR) ? [root] : [...root.querySelectorAll(NUMBER_SELECTOR)];
}

/**
 * Sets a note's number aside until its arithmetic loads: its name moves to `data-pending` and its
 * text becomes "…", so that every `data-q` on the page holds the state in force.
 */
export function setAside(el: Element): void {
  const name = el.getAttribute(Q);
  if (name === null) return;
  el.setAttribute(PENDING, name);
  el.removeAttribute(Q);
  el.textContent = '…';
}

/** The precision fixed by the content around a number (an erratum quoting 7 digits), if any. */
export function fixedDigitsOf(el: Element): number | undefined {
  const fixed = el.closest(`[${DIGITS}]`)?.getAttribute(DIGITS);
  return fixed ? Number(fixed) : undefined;
}

/** The operator a folding term's sign joins: in the same typeset copy (picture or MathML) as the term. */
export function operatorOf(el: Element): Element | undefined {
  const fold = el.getAttribute(FOLD);
  return fold === null ? undefined : (el.closest('.katex-html, math')?.querySelector(`[${FOLD_OPERATOR}="${fold}"]`) ?? undefined);
}

/** The precision a number shows: the page's, or more where the content fixes more. */
export function digitsFor(fixedDigits: number | undefined, pageDigits: number): number {
  return fixedDigits ? Math.max(fixedDigits, pageDigits) : pageDigits;
}

/** A number found on the page, with what its rendering needs looked up once. */
export interface BoundNumber<R extends NumberRef = QuantityRef> {
  readonly el: Element;
  readonly ref: R;
  /** A precision fixed by the content, if any. */
  readonly fixedDigits: number | undefined;
  /** The operator before a term whose sign folds into it. */
  readonly operator: Element | undefined;
}

/** Binds the numbers among `elements` that `read` recognises. */
export function bindNumbers<R extends NumberRef>(elements: Iterable<Element>, read: (el: Element) => R | undefined): BoundNumber<R>[] {
  const bound: BoundNumber<R>[] = [];
  for (const el of elements) {
    const ref = read(el);
    if (ref) bound.push({ el, ref, fixedDigits: fixedDigitsOf(el), operator: operatorOf(el) });
  }
  return bound;
}

/**
 * Writes a number's value and text, each only when it changed (a drag rewrites the page some
 * sixty times a second); a folding term's sign goes into its operator: "+ −0.03" reads "− 0.03".
 */
export function renderNumber(el: Element, value: number, text: string, operator?: Element): void {
  const raw = String(value);
  if (el.getAttribute(VALUE) !== raw) el.setAttribute(VALUE, raw);
  const folded = operator ? foldedTerm(operator.getAttribute(FOLD_SIGN) ?? '+', text) : { text, operator: '' };
  if (el.textContent !== folded.text) setText(el, folded.text);
  if (operator && operator.textContent !== folded.operator) setText(operator, folded.operator);
}

/** Rewrites every bound number from `valueOf` (a number not known there is left as it is) and `textOf`. */
export function renderNumbers<R extends NumberRef>(
  numbers: Iterable<BoundNumber<R>>,
  valueOf: (ref: R) => number | undefined,
  textOf: (ref: R, value: number, digits: number) => string,
  pageDigits: number,
): void {
  for (const { el, ref, fixedDigits, operator } of numbers) {
    const value = valueOf(ref);
    if (typeof value !== 'number') continue;
    renderNumber(el, value, textOf(ref, value, digitsFor(fixedDigits, pageDigits)), operator);
  }
}

/** Rewrites the bound quantities of the math module for `params`, at `pageDigits` or the content's precision. */
export function renderQuantities(numbers: Iterable<BoundNumber>, params: Params, pageDigits: number): void {
  renderNumbers(numbers, createResolver(params), formatQuantity, pageDigits);
}

/** Brings back a number set aside (`setAside`) under its name, once it is rendered again. */
export function restoreName(el: Element, name: string): void {
  if (el.getAttribute(Q) !== name) el.setAttribute(Q, name);
  el.removeAttribute(PENDING);
}

/** Rewrites the text in place: an island's renderer keeps the text node it made, and a write into it costs less. */
function setText(el: Node, text: string): void {
  const only = el.firstChild;
  if (only && only.nodeType === 3 && !only.nextSibling) (only as Text).data = text;
  else el.textContent = text;
}
