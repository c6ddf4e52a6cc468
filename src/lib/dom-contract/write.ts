/**
 * Writing the DOM contract (./core.ts): the attributes a number carries, as a map the build and the
 * islands spread on an element (`shown`), and re-pointing an element at another quantity.
 */
import { formatQuantity, type QuantityRef } from '../backprop';
import { BOUND, EPOCH, FOLD, FOLD_OPERATOR, FOLD_SIGN, LR, Q, VALUE, type NumberRef } from './core';

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

/** Makes `el` show `ref` (its value and text follow with `renderNumbers`). */
export function writeRef(el: Element, ref: NumberRef): void {
  el.setAttribute(Q, ref.name);
  if (ref.epoch && ref.epoch > 1) el.setAttribute(EPOCH, String(ref.epoch));
  else el.removeAttribute(EPOCH);
  if (ref.lr !== undefined) el.setAttribute(LR, String(ref.lr));
  else el.removeAttribute(LR);
}
