/**
 * The learning rate referenced relatively (B1 rather than $B$1), so filling
 * the update formula down moves the reference off the learning-rate cell.
 * No formula variant shows it: the evidence is the reference itself, or,
 * in a sheet of values, a rate the weights imply that is not the learning rate.
 */
import { WEIGHT_NAMES, type WeightName } from '../../backprop';
import { matches } from '../compare';
import { isWeight } from '../formulas';
import { list } from './words';
import { cellEvidenceRule, type Facts, type TableView } from './rule';

/** The update's learning-rate reference points elsewhere than the first update's did. */
function movedReference(view: TableView, w: WeightName, index: number): Facts | null {
  const now = view.lrSource(w, index);
  const then = view.lrSource(w, 1);
  if (!now || !then || now.at === then.at) return null;
  return { formula: view.formula(w, index) ?? '', now: now.at, then: then.at, absolute: then.absolute, nowValue: now.holds };
}

/** (w above − w) / ∂E/∂w above: the same for every weight of the row, but not the learning rate. */
function impliedRate(view: TableView, index: number): Facts | null {
  const implied: number[] = [];
  for (const v of WEIGHT_NAMES) {
    const before = view.value(v, index - 1);
    const after = view.value(v, index);
    const g = view.value(`dE_d${v}`, index - 1);
    if (before === undefined || after === undefined || !g) continue;
    implied.push((before - after) / g);
  }
  if (implied.length < 2 || view.lr === undefined) return null;
  const [lo, hi] = [Math.min(...implied), Math.max(...implied)];
  const mid = (lo + hi) / 2;
  const consistent = hi - lo <= 1e-6 * Math.max(Math.abs(mid), 1e-12);
  if (!consistent || matches(mid, view.lr) || matches(mid, -view.lr)) return null;
  return { implied: String(Number(mid.toPrecision(6))), lr: String(view.lr) };
}

/** A weight update that reads its learning rate from a cell that moved down the rows. */
export const lrRelative = cellEvidenceRule({
  id: 'lr-relative',
  title: 'The learning-rate reference drifts down the rows',
  short: 'learning rate drifts',
  columns: WEIGHT_NAMES,
  evidence(view, column, index) {
    if (!isWeight(column) || index === 0) return null;
    return movedReference(view, column, index) ?? impliedRate(view, index);
  },
  explain(seen) {
    const cells = list(seen.cells);
    const { then, now, nowValue, absolute, implied, lr } = seen.facts;
    if (now !== undefined) {
      return (
        `The first weight update reads the learning rate from ${then}, but ${cells} read${seen.cells.length === 1 ? 's' : ''} it from ${now} ` +
        `(which holds ${nowValue}): the reference was relative, so filling the formula down moved it. ` +
        `Write it as ${absolute} so every row uses the one learning-rate cell.`
      );
    }
    return (
      `From ${cells} the weights change as if the learning rate were ${implied} instead of ${lr}. ` +
      'That is what a relative learning-rate reference does once the formula is filled down: make it absolute (with $ signs) so every row uses the same cell.'
    );
  },
});
