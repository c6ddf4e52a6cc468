/**
 * The DOM contract of a live number (docs/dom-contract.md), read and written in this folder only: `data-q`
 * names the quantity, `data-value` holds its value (`String(value)`), `data-epoch` and `data-lr`
 * say where it stands in training, a `data-digits` ancestor fixes a precision, and a term with
 * `data-fold` folds its sign into the operator before it (`data-fold-op`, `data-sign`). The page
 * script, the explanations, the mistake notes and the islands all go through these functions;
 * course tools and the browser tests read the same attributes.
 */
import { createResolver, foldedTerm, formatQuantity, isQuantityName, type Params, type QuantityRef } from '../backprop';

export const Q = 'data-q';
export const VALUE = 'data-value';
export const EPOCH = 'data-epoch';
export const LR = 'data-lr';
const DIGITS = 'data-digits';
export const FOLD = 'data-fold';
export const FOLD_OPERATOR = 'data-fold-op';
export const FOLD_SIGN = 'data-sign';
export const PENDING = 'data-pending';

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
export const BOUND = 'data-bind';

/** Selects every live number. */
export const NUMBER_SELECTOR = `[${Q}]`;
/** Selects the numbers the page script keeps (outside islands). */
export const BOUND_SELECTOR = `[${BOUND}]`;
/** An exercise block: the numbers inside it hold the exercise's dealt configuration, not the page's state. */
export const EXERCISE = '[data-exercise]';
/** Every number that shows the page's state: all but those inside exercises. */
export const PAGE_NUMBERS = `${NUMBER_SELECTOR}:not(${EXERCISE} ${NUMBER_SELECTOR})`;

/** Whether `el` is inside an exercise block (its numbers are the exercise's, not the page's). */
export function inExercise(el: Element): boolean {
  return el.closest(EXERCISE) !== null;
}
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

/** The quantity of the math module an element shows, or undefined (no `data-q`, a note's name, or an exercise's number). */
export function readRef(el: Element): QuantityRef | undefined {
  if (inExercise(el)) return undefined;
  const ref = refFromAttributes((a) => el.getAttribute(a));
  return ref && isQuantityName(ref.name) ? (ref as QuantityRef) : undefined;
}

/** The page's live number an element is or is inside (an exercise's numbers are not the page's). */
export function numberAt(target: EventTarget | Node | null): Element | undefined {
  const el = target instanceof Element ? target.closest(NUMBER_SELECTOR) : null;
  return el && !inExercise(el) ? el : undefined;
}

/** The page's live numbers inside `root` (exercises' left out); with `self`, `root` alone when it is one. */
export function numbersIn(root: ParentNode, self = false): Element[] {
  return self && root instanceof Element && root.matches(PAGE_NUMBERS) ? [root] : [...root.querySelectorAll(PAGE_NUMBERS)];
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
  /**
   * Only on a number its renderer alone writes (`bindNumbers`' `sole`; `null` until first written):
   * the value and precision it last showed, so that an unchanged number costs no read of the page.
   */
  shows?: { readonly value: number; readonly digits: number } | null;
}

/** Binds the numbers among `elements` that `read` recognises; `sole` when the caller is the only one ever to write them. */
export function bindNumbers<R extends NumberRef>(elements: Iterable<Element>, read: (el: Element) => R | undefined, sole = false): BoundNumber<R>[] {
  const bound: BoundNumber<R>[] = [];
  for (const el of elements) {
    const ref = read(el);
    if (ref) bound.push({ el, ref, fixedDigits: fixedDigitsOf(el), operator: operatorOf(el), ...(sole ? { shows: null } : {}) });
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
  for (const number of numbers) {
    const { el, ref, fixedDigits, operator } = number;
    const value = valueOf(ref);
    if (typeof value !== 'number') continue;
    const digits = digitsFor(fixedDigits, pageDigits);
    if (number.shows !== undefined) {
      if (number.shows && Object.is(number.shows.value, value) && number.shows.digits === digits) continue;
      number.shows = { value, digits };
    }
    renderNumber(el, value, textOf(ref, value, digits), operator);
  }
}

/** Rewrites the bound quantities of the math module for `params`, at `pageDigits` or the content's precision. */
export function renderQuantities(numbers: Iterable<BoundNumber>, params: Params, pageDigits: number): void {
  renderNumbers(numbers, createResolver(params), formatQuantity, pageDigits);
}

/** Rewrites the text in place: an island's renderer keeps the text node it made, and a write into it costs less. */
function setText(el: Node, text: string): void {
  const only = el.firstChild;
  if (only && only.nodeType === 3 && !only.nextSibling) (only as Text).data = text;
  else el.textContent = text;
}
