/**
 * Resolving a quantity shown on the page (a name, optionally at a later epoch
 * or another learning rate) to its number and its text.
 */
import { DERIVED_NAMES, PARAM_NAMES, type ParamName, type Params, type QuantityName, type Snapshot } from './network';
import { atEpoch } from './training';
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
 * Looks quantities up for one set of parameters, evaluating each (learning rate,
 * epoch) once. A later epoch is reached by `advance`, which builds no row for
 * the epochs in between (a page asks for epoch 300 at six rates on every edit).
 */
export function createResolver(params: Params): (ref: QuantityRef) => number {
  const snapshots = new Map<string, Snapshot>();
  return ({ name, epoch = 1, lr = params.lr }) => {
    if (!Number.isInteger(epoch) || epoch < 1) return Number.NaN;
    // String(−0) is "0": −0 gets a key of its own, as atEpoch keeps the two rates apart.
    const key = `${Object.is(lr, -0) ? '-0' : lr} ${epoch}`;
    let snapshot = snapshots.get(key);
    if (!snapshot) snapshots.set(key, (snapshot = atEpoch(params, epoch, lr)));
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
