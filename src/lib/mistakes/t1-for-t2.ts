/**
 * The second output's error written a_o2 − t1: t1 where t2 belongs, in every
 * gradient that carries the second output's error back.
 */
import { q, sub } from '../quantities/expr';
import { list, names } from './words';
import { formulaRule } from './rule';

/** a_o2 − t1 in place of ∂E/∂a_o2 = a_o2 − t2. */
export const t1ForT2 = formulaRule({
  id: 't1-for-t2',
  title: 't1 used where t2 belongs',
  short: 'uses t1 for t2',
  columns: ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw7', 'dE_dw8'],
  variants: [{ replace: { dE_da_o2: sub(q('a_o2'), q('t1')) } }],
  note: {
    column: 'dE_dw7',
    epoch: 1,
    words:
      'The second output’s error is a_o2 − t2, measured against its own target. Written a_o2 − t1, it pulls the second output toward the first output’s target: ' +
      '∂E/∂w7, ∂E/∂w8 and the second output’s share of ∂E/∂w1 … ∂E/∂w4 all change with it.',
  },
  explain: (seen) =>
    `The second output’s error is a_o2 − t2; it starts ∂E/∂w7, ∂E/∂w8 and the second output’s share of ∂E/∂w1 … ∂E/∂w4. ` +
    `${list(seen.cells)} (${names(seen.columns)}) use a_o2 − t1 instead, which only gives the right number when t1 = t2.`,
});
