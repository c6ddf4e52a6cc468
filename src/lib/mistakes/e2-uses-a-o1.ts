/**
 * E2 computed from the first output, a_o1, instead of the second: the
 * article's own text has the slip, so students copy it.
 */
import { q } from '../quantities/expr';
import { list } from './words';
import { formulaRule } from './rule';

/** ½(t2 − a_o1)², or ½(t1 − a_o1)², in place of E2 = ½(t2 − a_o2)². */
export const e2UsesAo1 = formulaRule({
  id: 'e2-uses-a-o1',
  title: 'E2 computed with a_o1',
  short: 'uses a_o1',
  columns: ['E2'],
  variants: [{ replace: { a_o2: q('a_o1') } }, { replace: { a_o2: q('a_o1'), t2: q('t1') } }],
  note: {
    column: 'E2',
    epoch: 1,
    words:
      'E2 compares the second output with its target: ½(t2 − a_o2)². The article writes a_o1 there, and a spreadsheet that follows it measures the first output a second time. ' +
      'No gradient reads the E2 cell, so the weights train exactly as they should; but the E2 and E_total columns, and the loss curve drawn from them, are not the network’s error.',
  },
  explain: (seen) =>
    `E2 is the second output’s error, ½(t2 − a_o2)². ${list(seen.cells)} use a_o1, the first output (the article’s text has the same slip), ` +
    'so E2 and E_total are off. The gradients do not read E2’s cell, so they can still be right.',
});
