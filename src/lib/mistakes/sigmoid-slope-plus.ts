/**
 * The sigmoid's slope written σ·(1 + σ) instead of σ·(1 − σ): a sign slip in
 * the derivative of 1/(1 + e^−x), made once and then written in every slope
 * of the chain rule.
 */
import type { QuantityName } from '../backprop';
import type { Replacements } from '../quantities/definitions';
import { add, mul, n, q } from '../quantities/expr';
import { list, names } from './words';
import { formulaRule } from './rule';

const plusSlope = (a: QuantityName) => mul(q(a), add(n(1), q(a)));
const SLOPES_WITH_PLUS: Replacements = {
  da_o1_do1: plusSlope('a_o1'),
  da_o2_do2: plusSlope('a_o2'),
  da_h1_dh1: plusSlope('a_h1'),
  da_h2_dh2: plusSlope('a_h2'),
};

/** a·(1 + a) in place of a·(1 − a) for every neuron's slope, in all eight gradients. */
export const sigmoidSlopePlus = formulaRule({
  id: 'sigmoid-slope-plus',
  title: 'The sigmoid’s slope written σ·(1 + σ) instead of σ·(1 − σ)',
  short: 'slope σ·(1 + σ)',
  columns: ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'],
  variants: [{ replace: SLOPES_WITH_PLUS }],
  note: {
    column: 'dE_dw5',
    epoch: 1,
    words:
      'The sigmoid’s slope is σ·(1 − σ), with a minus: it comes from differentiating 1/(1 + e^−x), and it is never more than ¼. ' +
      'Written σ·(1 + σ), the slope is (1 + σ)/(1 − σ) times too large, and every gradient of the chain rule, all eight, is multiplied by such factors.',
  },
  explain: (seen) =>
    `The sigmoid’s slope is σ·(1 − σ): a_o1·(1 − a_o1) for the first output, a_h1·(1 − a_h1) for the first hidden neuron, and so on, never more than 0.25. ` +
    `${list(seen.cells)} (${names(seen.columns)}) multiply by σ·(1 + σ) instead, several times as much (for σ = 0.6, 0.96 instead of 0.24), ` +
    'so these gradients come out several times too large and every update moves the weights too far. The derivative of 1/(1 + e^−x) is σ·(1 − σ), with a minus.',
});
