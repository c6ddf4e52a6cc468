/**
 * Resolving a quantity shown on the page (a name, optionally at a later epoch
 * or another learning rate) to its number and its text.
 */
import { DERIVED_NAMES, PARAM_NAMES, evaluate, type ParamName, type Params, type QuantityName, type Snapshot } from './network';
import { advance } from './training';
import { formatParameter, formatTruncated } from './format';

/** Where a shown value comes from: `name` at `epoch` (1 = the parameters in force), trained at `lr`. */
export interface QuantityRef {
  readonly name: QuantityName;
  readonly epoch?: number;
  readonly lr?: number;
}

/** Every name a page may put in `data-q`. */
export const QUANTITY_NAMES: readonly QuantityName[] = [...PARAM_NAMES, ...DERIVED_NAMES];

/** Is `name` a quantity the math module computes? */
export function isQuantityName(name: string): name is QuantityName {
  return (QUANTITY_NAMES as readonly string[]).includes(name);
}

/** Is `name` one the reader sets directly? */
export function isParameter(name: QuantityName): name is ParamName {
  return (PARAM_NAMES as readonly string[]).includes(name);
}

/**
 * Looks quantities up for one set of parameters. Each (learning rate, epoch) is
 * evaluated once; later epochs continue from the furthest one reached at that
 * rate, without building a row for every epoch in between.
 */
export function createResolver(params: Params): (ref: QuantityRef) => number {
  const snapshots = new Map<string, Snapshot>();
  const furthest = new Map<number, { readonly epoch: number; readonly params: Params }>();
  return ({ name, epoch = 1, lr = params.lr }) => {
    const key = `${lr} ${epoch}`;
    let snapshot = snapshots.get(key);
    if (!snapshot) {
      if (!Number.isInteger(epoch) || epoch < 1) return Number.NaN;
      const reached = furthest.get(lr);
      const from = reached && reached.epoch <= epoch ? reached : { epoch: 1, params: lr === params.lr ? params : { ...params, lr } };
      const at = advance(from.params, epoch - from.epoch);
      if (!reached || epoch > reached.epoch) furthest.set(lr, { epoch, params: at });
      snapshot = evaluate(at);
      snapshots.set(key, snapshot);
    }
    return snapshot[name];
  };
}

/**
 * Text for a quantity: parameters at epoch 1 as the reader entered them, every
 * computed value cut to `digits` significant digits.
 */
export function formatQuantity(ref: QuantityRef, value: number, digits: number): string {
  return isParameter(ref.name) && (ref.epoch ?? 1) === 1 ? formatParameter(value, digits) : formatTruncated(value, digits);
}
