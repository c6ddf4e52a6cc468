/**
 * Gradient descent on the network: one update, whole training runs,
 * learning-rate sweeps, and a finite-difference check of the gradients.
 */
import { evaluate, gradientName, WEIGHT_NAMES, type Params, type Snapshot, type WeightName } from './network';

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

/** E_total per epoch (index 0 = epoch 1) for a run of `epochs` rows, without keeping the rest. */
export function lossCurve(p: Params, epochs: number): Float64Array {
  const loss = new Float64Array(epochs);
  let current = p;
  for (let n = 0; n < epochs; n++) {
    const s = evaluate(current);
    loss[n] = s.E_total;
    current = step(current, s);
  }
  return loss;
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
  let current: Params = lr === p.lr ? p : { ...p, lr };
  for (let n = 1; n < epoch; n++) current = step(current);
  return evaluate(current);
}

/** Central finite difference of E_total with respect to one weight. */
export function numericalGradient(p: Params, w: WeightName, h = 1e-6): number {
  const plus = evaluate({ ...p, [w]: p[w] + h }).E_total;
  const minus = evaluate({ ...p, [w]: p[w] - h }).E_total;
  return (plus - minus) / (2 * h);
}
