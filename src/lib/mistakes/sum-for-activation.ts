/**
 * A neuron's sum where its activation belongs: h1 for a_h1 (and o1 for a_o1),
 * the number before the sigmoid where the one after it is meant. By hand it
 * shows in ∂E/∂w5 = ∂E/∂o1 · h1, and in slopes written h1·(1 − h1).
 */
import { mul, n, q, sub } from '../quantities/expr';
import type { QuantityName } from '../backprop';
import { list, names } from './words';
import { formulaRule } from './rule';

const slopeOf = (sum: QuantityName) => mul(q(sum), sub(n(1), q(sum)));

/** h1, h2 in place of a_h1, a_h2 in the gradients: the last link ∂o/∂w of w5 … w8, and the hidden slopes of w1 … w4. */
export const sumForActivation = formulaRule({
  id: 'sum-for-activation',
  title: 'The sum h1 used where the activation a_h1 belongs',
  short: 'sum for activation',
  columns: ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'],
  variants: [
    { replace: { a_h1: q('h1'), a_h2: q('h2') } },
    // The outputs' sums for their activations, in the error and the slope.
    { replace: { a_o1: q('o1'), a_o2: q('o2') } },
    // Only the slopes taken at the sums.
    { replace: { da_o1_do1: slopeOf('o1'), da_o2_do2: slopeOf('o2'), da_h1_dh1: slopeOf('h1'), da_h2_dh2: slopeOf('h2') } },
    // Only the error taken from the sums.
    { replace: { dE_da_o1: sub(q('o1'), q('t1')), dE_da_o2: sub(q('o2'), q('t2')) } },
  ],
  note: {
    column: 'dE_dw5',
    epoch: 1,
    words:
      'A neuron has two numbers: its sum h1 = w1·i1 + w2·i2, and its activation a_h1 = σ(h1), the sum passed through the sigmoid. ' +
      'The next layer reads the activation, so o1 = w5·a_h1 + w6·a_h2 and ∂o1/∂w5 = a_h1. Written h1 there, ∂E/∂w5 is off by the ratio h1/a_h1; ' +
      'the same slip writes a slope h1·(1 − h1) instead of a_h1·(1 − a_h1), or o1 − t1 for the output error.',
  },
  explain: (seen) =>
    `The chain rule reads each neuron’s activation, the value after the sigmoid: ∂E/∂w5 = ∂E/∂o1 · a_h1, and the slope a_h1·(1 − a_h1). ` +
    `${list(seen.cells)} (${names(seen.columns)}) use the sum before the sigmoid instead (h1 for a_h1, or o1 for a_o1), ` +
    'so these gradients are off and every update with them.',
});
