/**
 * The weight update written w + LR·∂E/∂w: a step up the gradient instead of
 * down it.
 */
import { WEIGHT_NAMES } from '../backprop';
import { add } from '../quantities/expr';
import { list } from './words';
import { formulaRule } from './rule';

/** next w = w + LR·∂E/∂w in place of w − LR·∂E/∂w. */
export const plusNotMinus = formulaRule({
  id: 'plus-not-minus',
  title: 'Weights updated with + instead of −',
  short: '+ instead of −',
  columns: WEIGHT_NAMES,
  // The update is always "w above − LR·∂E/∂w above"; only its operator changes.
  variants: [{ rewrite: (correct) => (correct.k === 'op' && correct.op === '-' ? add(correct.a, correct.b) : correct) }],
  note: {
    column: 'w1',
    epoch: 2,
    words:
      'The gradient points the way the error grows, so gradient descent steps against it: w − η·∂E/∂w. ' +
      'With + every step points up the slope of the error instead of down it.',
  },
  explain: (seen) =>
    `Gradient descent steps against the gradient: next w = w − LR × ∂E/∂w. ${list(seen.cells)} add LR × ∂E/∂w instead, ` +
    'so each step goes uphill and E_total grows instead of shrinking.',
});
