/**
 * Figure-only math, built on the math module's `evaluate`: the error along one weight with
 * everything else held, and gradient descent in which only two weights learn. Pure.
 */
import { ARTICLE_EPOCHS, evaluate, gradientName, WEIGHT_NAMES, type Params, type WeightName } from '../backprop';

/** Two different weights, the axes of the contour map (horizontal first). */
export type WeightPair = readonly [WeightName, WeightName];

/** Every pair of two different weights, in the article's order (w1 w2, w1 w3, …, w7 w8). */
export const WEIGHT_PAIRS: readonly WeightPair[] = WEIGHT_NAMES.flatMap((a, i) =>
  WEIGHT_NAMES.slice(i + 1).map((b) => [a, b] as const),
);

/** E_total with weight `w` set to each of `values`, every other parameter as in `p`. */
export function errorAlong(p: Params, w: WeightName, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  // One copy of the parameters, the weight overwritten in place: an object spread with a computed key
  // per point was most of the slope figure's time in a drag.
  const at: Record<keyof Params, number> = { ...p };
  for (let i = 0; i < values.length; i++) {
    at[w] = values[i] as number;
    out[i] = evaluate(at).E_total;
  }
  return out;
}

/** E_total with the two weights of `pair` set to `a` and `b`, every other parameter as in `p`. */
export function errorAt(p: Params, pair: WeightPair, a: number, b: number): number {
  return evaluate({ ...p, [pair[0]]: a, [pair[1]]: b }).E_total;
}

/** A gradient-descent run in which only two weights learn: their values and E_total, epoch by epoch. */
export interface PairPath {
  /** Index n − 1 holds epoch n (1 = the starting weights, n = after n − 1 updates). */
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly loss: Float64Array;
}

/**
 * `epochs` epochs of gradient descent at `p.lr` in which only the weights of `pair` change, each by
 * −lr·∂E_total/∂w from `evaluate`; every other weight, the inputs and the targets stay as in `p`.
 */
export function pairDescent(p: Params, pair: WeightPair, epochs: number = ARTICLE_EPOCHS): PairPath {
  const n = Math.max(0, Math.floor(epochs));
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const loss = new Float64Array(n);
  const [wa, wb] = pair;
  let current = p;
  for (let k = 0; k < n; k++) {
    const s = evaluate(current);
    a[k] = current[wa];
    b[k] = current[wb];
    loss[k] = s.E_total;
    current = {
      ...current,
      [wa]: current[wa] - current.lr * s[gradientName(wa)],
      [wb]: current[wb] - current.lr * s[gradientName(wb)],
    };
  }
  return { a, b, loss };
}

/** How far a path's last point lies from its first, in weight units. */
export function pathReach(path: PairPath): number {
  const last = path.a.length - 1;
  if (last < 0) return 0;
  return Math.hypot((path.a[last] as number) - (path.a[0] as number), (path.b[last] as number) - (path.b[0] as number));
}

/** The pair whose two-weight path reaches furthest in `epochs` epochs from `p` (the first such pair on a tie). */
export function furthestPair(p: Params, epochs: number = ARTICLE_EPOCHS): WeightPair {
  let best = WEIGHT_PAIRS[0] as WeightPair;
  let bestReach = -1;
  for (const pair of WEIGHT_PAIRS) {
    const reach = pathReach(pairDescent(p, pair, epochs));
    if (reach > bestReach) [best, bestReach] = [pair, reach];
  }
  return best;
}

/** Which output a weight of the output layer feeds (w5, w6 → o1; w7, w8 → o2); undefined for w1 … w4. */
export function outputFed(w: WeightName): 'o1' | 'o2' | undefined {
  return w === 'w5' || w === 'w6' ? 'o1' : w === 'w7' || w === 'w8' ? 'o2' : undefined;
}

/** Why the contour map opens on its pair: the facts its sentence quotes, computed from `p`. */
export function defaultPairFacts(p: Params, epochs: number = ARTICLE_EPOCHS) {
  const pair = furthestPair(p, epochs);
  const s = evaluate(p);
  const hidden: WeightPair = ['w1', 'w2'];
  return {
    pair,
    reach: pathReach(pairDescent(p, pair, epochs)),
    hiddenPair: hidden,
    hiddenReach: pathReach(pairDescent(p, hidden, epochs)),
    /** Each weight of the pair feeds a different output. */
    bothOutputs: outputFed(pair[0]) !== undefined && outputFed(pair[1]) !== undefined && outputFed(pair[0]) !== outputFed(pair[1]),
    /** The smallest output-layer gradient over the largest hidden-layer one, in size. */
    gradientRatio:
      Math.min(...(['w5', 'w6', 'w7', 'w8'] as const).map((w) => Math.abs(s[gradientName(w)]))) /
      Math.max(...(['w1', 'w2', 'w3', 'w4'] as const).map((w) => Math.abs(s[gradientName(w)]))),
  };
}

/** How many times a weight's path changes direction in its first `epochs` epochs (a zigzag turns every epoch). */
export function turns(values: ArrayLike<number>, epochs: number = values.length): number {
  let count = 0;
  for (let k = 2; k < Math.min(epochs, values.length); k++) {
    const before = (values[k - 1] as number) - (values[k - 2] as number);
    const now = (values[k] as number) - (values[k - 1] as number);
    if (before * now < 0) count++;
  }
  return count;
}

/** The zigzag of a hidden and an output weight at rate `lr`: how often each turns in the first `epochs` epochs. */
export function zigzagFacts(p: Params, lr: number, pair: WeightPair = ['w1', 'w5'], epochs = 40) {
  const path = pairDescent({ ...p, lr }, pair, epochs);
  return { pair, lr, epochs, turns: [turns(path.a), turns(path.b)] as const };
}
