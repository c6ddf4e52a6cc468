/**
 * ∂E/∂w3 and ∂E/∂w4 multiplied by a_h1's slope where a_h2's belongs: w3 and w4
 * feed the second hidden neuron. One of the real course workbooks has it.
 */
import { q } from '../quantities/expr';
import { list } from './words';
import { formulaRule } from './rule';

/** a_h1·(1 − a_h1) in place of a_h2·(1 − a_h2) in ∂E/∂w3 and ∂E/∂w4. */
export const slopeAh1 = formulaRule({
  id: 'slope-a-h1',
  title: '∂E/∂w3 and ∂E/∂w4 use a_h1’s slope instead of a_h2’s',
  short: 'uses a_h1’s slope',
  columns: ['dE_dw3', 'dE_dw4'],
  variants: [{ replace: { da_h2_dh2: q('da_h1_dh1') } }],
  note: {
    column: 'dE_dw3',
    epoch: 1,
    words:
      'w3 and w4 feed the second hidden neuron, so their gradients pass through that neuron’s slope, a_h2·(1 − a_h2). ' +
      'A spreadsheet that copies the ∂E/∂w1 and ∂E/∂w2 formulas across keeps a_h1·(1 − a_h1) there instead. ' +
      'The two slopes differ only as much as a_h1 and a_h2 do, so the wrong gradient can share its first digits with the right one, and nothing looks amiss.',
  },
  explain(seen, sheet) {
    const digits = Math.min(...seen.columns.map((q) => sheet.agreeingDigits(q)));
    return (
      `w3 and w4 feed h2, so the chain rule goes through the second hidden neuron: ∂E/∂w3 = ∂E/∂a_h2 · a_h2·(1−a_h2) · i1 (and i2 for w4). ` +
      `${list(seen.cells)} multiply by a_h1·(1−a_h1) instead. Both hidden neurons sit close to 0.5, so the two slopes are nearly equal` +
      (digits > 0 ? ` and the values still agree to ${digits} significant digit${digits === 1 ? '' : 's'}` : '') +
      ': easy to miss, but every update of w3 and w4 is off.'
    );
  },
});
