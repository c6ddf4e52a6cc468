/**
 * The output error written t − a instead of a − t: the inner derivative's −1
 * of ½(t − a)² forgotten, so every gradient points the other way.
 */
import { q, sub } from '../quantities/expr';
import { list, names } from './words';
import { formulaRule } from './rule';

/** t − a_o in place of ∂E/∂a_o = a_o − t, in every gradient. */
export const tMinusA = formulaRule({
  id: 't-minus-a',
  title: 'The output error written t − a instead of a − t',
  short: 't − a for a − t',
  columns: ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'],
  variants: [
    { replace: { dE_da_o1: sub(q('t1'), q('a_o1')), dE_da_o2: sub(q('t2'), q('a_o2')) } },
    // One output's error turned round, the other's right (they meet in ∂E/∂w1 … ∂E/∂w4).
    { replace: { dE_da_o1: sub(q('t1'), q('a_o1')) } },
    { replace: { dE_da_o2: sub(q('t2'), q('a_o2')) } },
  ],
  note: {
    column: 'dE_dw5',
    epoch: 1,
    words:
      'E1 = ½(t1 − a_o1)² is a square, so it reads the same with t1 − a_o1 or a_o1 − t1; its derivative does not. ' +
      'The inner derivative of t1 − a_o1 with respect to a_o1 is −1, which turns it into a_o1 − t1. ' +
      'Forgotten, every gradient has the wrong sign, and an update against it climbs the error instead of descending it.',
  },
  explain: (seen) =>
    `∂E/∂a_o1 is a_o1 − t1: differentiating ½(t1 − a_o1)² brings a factor −1 from the inner t1 − a_o1. ` +
    `${list(seen.cells)} (${names(seen.columns)}) use t − a instead, so these gradients point the wrong way (where both outputs’ errors meet, the wrong mix of them) ` +
    'and the updates move the weights up the error instead of down it.',
});
