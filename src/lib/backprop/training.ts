/**
 * Gradient descent on the network: one update, whole training runs,
 * learning-rate sweeps, and a finite-difference check of the gradients.
 */
import { evaluate, gradientName, sigmoid, WEIGHT_NAMES, type Params, type Snapshot, type WeightName } from './network';

/** The learning rates of the article's workbook, one tab each. */
export const ARTICLE_LEARNING_RATES = [0.1, 0.2, 0.5, 0.8, 1, 2] as const;

/** The number of epochs the article's workbook trains for. */
export const ARTICLE_EPOCHS = 300;

/**
 * One gradient-descent step: every weight becomes w − lr · ∂E_total/∂w, with all
 * eight gradients taken at the same (old) weights.
 */
export function step(p: Params, s: Snapshot = evaluate(p)): Params {
  const next: Record<string, number> = { ...p };
  for (const w of WEIGHT_NAMES) next[w] = p[w] - p.lr * s[gradientName(w)];
  return Object.freeze(next) as Params;
}

/**
 * A training run of `epochs` rows. Row 1 is the starting parameters; row n holds
 * the parameters after n − 1 updates and everything computed from them.
 */
export function train(p: Params, epochs: number): readonly Snapshot[] {
  const rows: Snapshot[] = [];
  let current = p;
  for (let n = 1; n <= epochs; n++) {
    const s = evaluate(current);
    rows.push(s);
    current = step(current, s);
  }
  return Object.freeze(rows);
}

/**
 * Gradient descent unrolled into local numbers: `updates` steps from `p`, writing
 * each epoch's E_total into `loss` when given. The same operations in the same
 * order as `evaluate` and `step` (the tests hold it to bit-for-bit equality with
 * `train`), but no object per epoch: the chart asks for seven 300-epoch curves on
 * an edit, and a page for values 300 epochs on at six rates.
 */
function descend(p: Params, updates: number, loss?: Float64Array): Params {
  const { i1, i2, t1, t2, lr } = p;
  let { w1, w2, w3, w4, w5, w6, w7, w8 } = p;
  for (let n = 0; n < updates; n++) {
    const a_h1 = sigmoid(w1 * i1 + w2 * i2);
    const a_h2 = sigmoid(w3 * i1 + w4 * i2);
    const a_o1 = sigmoid(w5 * a_h1 + w6 * a_h2);
    const a_o2 = sigmoid(w7 * a_h1 + w8 * a_h2);
    if (loss) loss[n] = 0.5 * (t1 - a_o1) ** 2 + 0.5 * (t2 - a_o2) ** 2;
    const dE_do1 = (a_o1 - t1) * (a_o1 * (1 - a_o1));
    const dE_do2 = (a_o2 - t2) * (a_o2 * (1 - a_o2));
    const dE_dh1 = (dE_do1 * w5 + dE_do2 * w7) * (a_h1 * (1 - a_h1));
    const dE_dh2 = (dE_do1 * w6 + dE_do2 * w8) * (a_h2 * (1 - a_h2));
    // Every gradient above used this epoch's weights; only now do they change.
    w1 -= lr * (dE_dh1 * i1);
    w2 -= lr * (dE_dh1 * i2);
    w3 -= lr * (dE_dh2 * i1);
    w4 -= lr * (dE_dh2 * i2);
    w5 -= lr * (dE_do1 * a_h1);
    w6 -= lr * (dE_do1 * a_h2);
    w7 -= lr * (dE_do2 * a_h1);
    w8 -= lr * (dE_do2 * a_h2);
  }
  return Object.freeze({ ...p, w1, w2, w3, w4, w5, w6, w7, w8 });
}

/** E_total per epoch (index 0 = epoch 1) for a run of `epochs` rows, without keeping the rest. */
export function lossCurve(p: Params, epochs: number): Float64Array {
  const loss = new Float64Array(Math.max(0, epochs));
  descend(p, loss.length, loss);
  return loss;
}

/** The parameters after `updates` gradient-descent steps (0 = `p` itself), exactly as `train` reaches them. */
export function advance(p: Params, updates: number): Params {
  return updates > 0 ? descend(p, updates) : p;
}

/** Loss curves for several learning rates from the same starting point. */
export function sweep(
  p: Params,
  learningRates: readonly number[],
  epochs: number,
): { lr: number; loss: Float64Array }[] {
  return learningRates.map((lr) => ({ lr, loss: lossCurve({ ...p, lr }, epochs) }));
}

/** The snapshot of a given epoch (1 = the parameters themselves) at a learning rate. */
export function atEpoch(p: Params, epoch: number, lr: number = p.lr): Snapshot {
  // Object.is: a rate of −0 is not the rate 0 (=== says it is), and the snapshot carries the one asked for.
  return evaluate(advance(Object.is(lr, p.lr) ? p : { ...p, lr }, epoch - 1));
}

/** Central finite difference of E_total with respect to one weight. */
export function numericalGradient(p: Params, w: WeightName, h = 1e-6): number {
  const plus = evaluate({ ...p, [w]: p[w] + h }).E_total;
  const minus = evaluate({ ...p, [w]: p[w] - h }).E_total;
  return (plus - minus) / (2 * h);
}
