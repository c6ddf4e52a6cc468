/**
 * How an explanation walks the chain across epochs: what a quantity at an epoch and learning
 * rate is made from, what is made from it, and how a typeset template's slots are moved to the
 * epoch being explained. Pure; the explanation island and the tests use it, with the ingredient
 * lists the registry gives (src/lib/quantities/registry.ts).
 */
import { WEIGHT_NAMES, isWeight, type QuantityName, type QuantityRef, type WeightName } from '../backprop';
import { symbolText } from '../labels';

/** The epoch an explanation's equation is typeset at, at build time (the island moves its slots from there). */
export const EQUATION_EPOCH = 1;
/** The epoch the update rule of a weight is typeset at: the weight after one update. */
export const UPDATE_EPOCH = 2;

/** Inputs, targets and the learning rate never change during training; weights and everything computed do. */
export function changesWithEpochs(name: QuantityName): boolean {
  return !/^(i\d|t\d|lr)$/.test(name);
}

/**
 * How a quantity is explained: by its formula at the same epoch; a weight at a later epoch by
 * the update rule; an input, target or learning rate at a later epoch as unchanged; a
 * parameter at epoch 1 as the reader's own value.
 */
export type ExplanationKind = 'formula' | 'update' | 'unchanged' | 'parameter';

/** The epoch of a reference (1 when absent). */
export function epochOf(ref: QuantityRef): number {
  return ref.epoch ?? 1;
}

/** `name` at `epoch` in the run at `lr`, written the one way the page writes it (epoch 1 and unchanging quantities without an epoch). */
export function refAt(name: QuantityName, epoch: number, lr?: number): QuantityRef {
  const e = changesWithEpochs(name) ? epoch : 1;
  return { name, ...(e > 1 ? { epoch: e } : {}), ...(lr !== undefined ? { lr } : {}) };
}

/** Which way `ref` is explained, given whether its name has a formula. */
export function kindOf(ref: QuantityRef, hasFormula: boolean): ExplanationKind {
  if (hasFormula) return 'formula';
  if (epochOf(ref) === 1) return 'parameter';
  return isWeight(ref.name) ? 'update' : 'unchanged';
}

/** What `ref` is made from, each at its own epoch and in the same run. */
export function ingredientRefs(ref: QuantityRef, ingredients: readonly QuantityName[], hasFormula: boolean): QuantityRef[] {
  const epoch = epochOf(ref);
  switch (kindOf(ref, hasFormula)) {
    case 'formula':
      return ingredients.map((n) => refAt(n, epoch, ref.lr));
    case 'update': {
      const w = ref.name as WeightName;
      return [refAt(w, epoch - 1, ref.lr), refAt('lr', 1, ref.lr), refAt(`dE_d${w}`, epoch - 1, ref.lr)];
    }
    case 'unchanged':
      return [refAt(ref.name, 1, ref.lr)];
    case 'parameter':
      return [];
  }
}

/**
 * What is made from `ref`, one level: the quantities of the same epoch whose formula reads it,
 * and, for what the update rule reads (a weight, its gradient, the learning rate), the weight
 * one epoch on.
 */
export function consumerRefs(ref: QuantityRef, consumers: readonly QuantityName[]): QuantityRef[] {
  const epoch = epochOf(ref);
  const out = consumers.map((n) => refAt(n, epoch, ref.lr));
  const grad = /^dE_d(w\d)$/.exec(ref.name)?.[1] as WeightName | undefined;
  const next = ref.name === 'lr' ? WEIGHT_NAMES : isWeight(ref.name) ? [ref.name] : grad ? [grad] : [];
  for (const w of next) out.push(refAt(w, epoch + 1, ref.lr));
  return out;
}

/**
 * A slot of a template typeset at `baseEpoch`, moved to the epoch of `target` (by the same
 * number of epochs) and into `target`'s run. Unchanging quantities stay at epoch 1.
 */
export function retarget(slot: QuantityRef, baseEpoch: number, target: QuantityRef): QuantityRef {
  return refAt(slot.name, epochOf(slot) + epochOf(target) - baseEpoch, target.lr);
}

/** Are two references the same number on the page? */
export function sameRef(a: QuantityRef, b: QuantityRef): boolean {
  return a.name === b.name && epochOf(a) === epochOf(b) && a.lr === b.lr;
}

/** A short label in symbols, for readers: `w₅`, `w₅ at epoch 3`, `Eₜₒₜₐₗ at epoch 300, η = 2`. */
export function describeRef(ref: QuantityRef): string {
  const epoch = epochOf(ref);
  const parts: string[] = [symbolText(ref.name)];
  if (epoch > 1) parts.push(` at epoch ${epoch}`);
  if (ref.lr !== undefined) parts.push(`${epoch > 1 ? ',' : ' with'} η = ${ref.lr}`);
  return parts.join('');
}
