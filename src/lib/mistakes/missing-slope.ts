/**
 * A gradient without its neuron's slope: the chain rule stopped one link
 * short, ∂E/∂a taken for ∂E/∂(sum). By hand it is the factor a·(1 − a) left
 * out of ∂E/∂w5 at the output, or of ∂E/∂w1 in the hidden layer.
 */
import type { Replacements } from '../quantities/definitions';
import { replaceQuantities } from '../quantities/definitions';
import { q } from '../quantities/expr';
import { list, names } from './words';
import { formulaRule } from './rule';

const OUTPUT: Replacements = { dE_do1: q('dE_da_o1'), dE_do2: q('dE_da_o2') };
const HIDDEN: Replacements = { dE_dh1: q('dE_da_h1'), dE_dh2: q('dE_da_h2') };

/** ∂E/∂a in place of ∂E/∂(sum) = ∂E/∂a · a(1 − a): each gradient without the slope of the neuron its weight feeds. */
export const missingSlope = formulaRule({
  id: 'missing-slope',
  title: 'A gradient without the sigmoid’s slope a·(1 − a)',
  short: 'slope left out',
  columns: ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'],
  variants: [
    // The weight's own neuron's slope left out (the output slope inside ∂E/∂a_h1 kept).
    { replace: { ...OUTPUT, ...HIDDEN } },
    // The output slopes left out everywhere, the hidden ones kept.
    { replace: OUTPUT },
    // No slope at all, as if the network had no sigmoids.
    { rewrite: (correct) => replaceQuantities(replaceQuantities(correct, HIDDEN), OUTPUT) },
  ],
  note: {
    column: 'dE_dw5',
    epoch: 1,
    words:
      'The chain from E1 to w5 has three links, and the middle one is the sigmoid’s slope a_o1·(1 − a_o1): how much a_o1 moves when o1 does. ' +
      'Left out, ∂E/∂w5 is (a_o1 − t1)·a_h1, at least four times too large, since the slope is never more than ¼. ' +
      'The hidden layer has the same link, a_h1·(1 − a_h1) in ∂E/∂w1 and ∂E/∂w2, a_h2·(1 − a_h2) in ∂E/∂w3 and ∂E/∂w4, and it is as easily forgotten.',
  },
  explain: (seen) =>
    `Each gradient passes through the sigmoid of the neuron its weight feeds, so it carries that neuron’s slope: a_o1·(1 − a_o1) in ∂E/∂w5 and ∂E/∂w6, ` +
    `a_h1·(1 − a_h1) in ∂E/∂w1 and ∂E/∂w2, and so on. ${list(seen.cells)} (${names(seen.columns)}) leave it out, ` +
    'so these gradients come out at least four times too large (the slope is never more than 0.25) and every update moves the weights too far.',
});
