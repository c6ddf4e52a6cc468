/**
 * The numbers inside an explanation: which quantity an element shows (its `data-q`,
 * `data-epoch`, `data-lr`), and rewriting them from the state in force, as the page script
 * does for the page's own numbers. Explanations are built after the page script has gathered
 * its numbers, so they keep their own true.
 */
import { createResolver, formatQuantity, isQuantityName, type Params, type QuantityRef } from '../../lib/backprop';
import { inExercise } from '../../lib/exercise-scope';
import { operatorOf, writeNumber } from '../write-number';

/** The page's quantity an element shows under the DOM contract, or undefined (an exercise's numbers are not the page's). */
export function refOf(el: Element): QuantityRef | undefined {
  const name = el.getAttribute('data-q');
  if (!name || !isQuantityName(name) || inExercise(el)) return undefined;
  const epoch = Number(el.getAttribute('data-epoch') ?? 1);
  const lr = el.getAttribute('data-lr');
  return { name, ...(epoch > 1 ? { epoch } : {}), ...(lr !== null ? { lr: Number(lr) } : {}) };
}

/** Makes `el` show `ref` under the DOM contract (its text follows with `renderNumbers`). */
export function pointAt(el: Element, ref: QuantityRef): void {
  el.setAttribute('data-q', ref.name);
  if (ref.epoch && ref.epoch > 1) el.setAttribute('data-epoch', String(ref.epoch));
  else el.removeAttribute('data-epoch');
  if (ref.lr !== undefined) el.setAttribute('data-lr', String(ref.lr));
  else el.removeAttribute('data-lr');
}

/** Rewrites the value and text of every number inside `root` for `params` at `digits`. */
export function renderNumbers(root: ParentNode, params: Params, digits: number): void {
  const resolve = createResolver(params);
  for (const el of root.querySelectorAll('[data-q]')) {
    const ref = refOf(el);
    if (!ref) continue;
    const value = resolve(ref);
    const raw = String(value);
    const text = formatQuantity(ref, value, digits);
    if (el.getAttribute('data-value') !== raw) el.setAttribute('data-value', raw);
    writeNumber(el, text, operatorOf(el));
  }
}
