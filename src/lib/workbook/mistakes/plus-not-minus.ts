/**
 * The weight update written w + LR·∂E/∂w: a step up the gradient instead of
 * down it.
 */
import { WEIGHT_NAMES } from '../../backprop';
import { build } from '../formulas';
import { list } from './words';
import { formulaRule } from './rule';

/** next w = w + LR·∂E/∂w in place of w − LR·∂E/∂w. */
export const plusNotMinus = formulaRule({
  id: 'plus-not-minus',
  title: 'Weights updated with + instead of −',
  short: '+ instead of −',
  columns: WEIGHT_NAMES,
  // The update is always "w above − LR·∂E/∂w above"; only its operator changes.
  variants: [{ rewrite: (correct) => (correct.k === 'op' && correct.op === '-' ? build.add(correct.a, correct.b) : correct) }],
  explain: (seen) =>
    `Gradient descent steps against the gradient: next w = w − LR × ∂E/∂w. ${list(seen.cells)} add LR × ∂E/∂w instead, ` +
    'so each step goes uphill and E_total grows instead of shrinking.',
});
