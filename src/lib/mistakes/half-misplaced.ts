/**
 * The ½ of E = ½(t − a)² in the wrong place: dropped from E (the sum of
 * squares), or kept in its derivative, ½(a − t), when the exponent's 2 that
 * cancels it is forgotten. Written ½(a − t) here: students derive
 * ½(t − a)² by the chain rule, bring down the inner −1 and keep the ½
 * they were meant to cancel, so (a − t)/2 is what their sheets hold.
 */
import type { QuantityName } from '../backprop';
import { definitionOf } from '../quantities/definitions';
import { mapQuantities, mul, n, q, sub, type Expr } from '../quantities/expr';
import { list, names } from './words';
import { formulaRule } from './rule';

/** An expression with every ½·x written x. */
function withoutHalf(e: Expr): Expr {
  if (e.k === 'op' && e.op === '*' && e.a.k === 'n' && e.a.v === 0.5) return withoutHalf(e.b);
  if (e.k === 'op') return { ...e, a: withoutHalf(e.a), b: withoutHalf(e.b) };
  if (e.k === 'sigmoid') return { ...e, a: withoutHalf(e.a) };
  return e;
}

/** E1 and E2 opened up where a column reads them (E_total written out in full), so that their ½ can go. */
const openErrors = (e: Expr): Expr => mapQuantities(e, (node) => ((node.q === 'E1' || node.q === 'E2') && definitionOf(node.q)) || node);

const outputError = (factor: number) => ({
  dE_da_o1: mul(n(factor), sub(q('a_o1'), q('t1'))),
  dE_da_o2: mul(n(factor), sub(q('a_o2'), q('t2'))),
});

/** (t − a)² in place of ½(t − a)² in the errors; ½(a − t) in place of a − t in the gradients. */
export const halfMisplaced = formulaRule({
  id: 'half-misplaced',
  title: 'The ½ of E dropped from E, or kept in its derivative',
  short: '½ misplaced',
  columns: ['E1', 'E2', 'E_total', 'dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'],
  variants: [
    { rewrite: (correct) => withoutHalf(openErrors(correct)) },
    { replace: outputError(0.5) },
    // The derivative of the sum of squares (t − a)²: the ½ dropped from E, then 2(a − t).
    { replace: outputError(2) },
  ],
  note: {
    column: 'dE_dw5',
    epoch: 1,
    words:
      'E1 = ½(t1 − a_o1)² carries its ½ for one reason: differentiating brings down the exponent 2, and the two cancel, so ∂E1/∂a_o1 = a_o1 − t1 with no ½ left. ' +
      'Kept there, ½(a_o1 − t1), every gradient is half what it should be and the weights move at half the pace. ' +
      'Dropped from E instead, E_total = (t1 − a_o1)² + (t2 − a_o2)² comes out twice as large. A workbook with both, as below, shows twice the error of a network trained at half the rate.',
  },
  explain(seen) {
    const isError = (c: QuantityName) => c === 'E1' || c === 'E2' || c === 'E_total';
    const inE = seen.columns.filter(isError);
    const inGradients = seen.columns.filter((c) => !isError(c));
    const parts = [
      inE.length > 0 ? `${names(inE)} leave out the ½ of E = ½(t − a)², so the error is twice as large (training is not affected)` : '',
      inGradients.length > 0
        ? `${names(inGradients)} write ∂E/∂a as ½(a − t) (or 2(a − t), the derivative of E without its ½) where a − t belongs: the ½ of E and the 2 its derivative brings down cancel, so these gradients are off by that factor and so is every update`
        : '',
    ].filter(Boolean);
    return `${list(seen.cells)}: ${parts.join('; ')}.`;
  },
});
