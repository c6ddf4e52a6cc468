/**
 * The hidden layer's gradients taken through the output weights after their
 * update (the next row's w5 … w8) instead of the weights that produced this
 * row's outputs.
 */
import { updateOf, type Replacements } from '../quantities/definitions';
import { mapQuantities, q } from '../quantities/expr';
import { list, names } from './words';
import { formulaRule } from './rule';

/** A weight as the next row holds it: its update, read from this row. */
const updated = (w: 'w5' | 'w6' | 'w7' | 'w8') => mapQuantities(updateOf(w), (node) => q(node.q));
const UPDATED: Replacements = { w5: updated('w5'), w6: updated('w6'), w7: updated('w7'), w8: updated('w8') };

/** w − LR·∂E/∂w in place of w5 … w8 inside ∂E/∂w1 … ∂E/∂w4. */
export const updatedW5W8 = formulaRule({
  id: 'updated-w5-w8',
  title: 'Hidden-layer gradients use the already-updated w5 … w8',
  short: 'uses updated w5…w8',
  columns: ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4'],
  variants: [{ replace: UPDATED }],
  note: {
    column: 'dE_dw1',
    epoch: 1,
    words:
      '∂E/∂w1 … ∂E/∂w4 carry the output errors back through w5 … w8. In a spreadsheet the updated weights sit one row down, and it is easy to point at them: ' +
      'w − η·∂E/∂w instead of w. But the output errors were made by this epoch’s weights, so the hidden gradients must go back through the same ones: take all eight gradients first, then update.',
  },
  explain: (seen) =>
    `∂E/∂w1 … ∂E/∂w4 carry the output errors back through w5 … w8 as they were in this epoch — the weights that produced this row’s outputs. ` +
    `${list(seen.cells)} (${names(seen.columns)}) use the updated weights (w − LR × ∂E/∂w, the next row’s values) instead. ` +
    'Take all eight gradients at the same, old weights; only then update.',
});
