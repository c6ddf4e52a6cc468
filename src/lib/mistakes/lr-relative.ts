/**
 * The learning rate referenced relatively (B1 rather than $B$1), so filling
 * the update formula down moves the reference off the learning-rate cell.
 * No formula variant shows it: the evidence is the reference itself, or,
 * in a sheet of values, a rate the weights imply that is not the learning rate.
 */
import { WEIGHT_NAMES, isWeight, type WeightName } from '../backprop';
import { matches } from './compare';
import { evaluateExpr, updateOf, type Getter } from '../quantities/definitions';
import { list } from './words';
import { cellEvidenceRule, type Facts, type TableView } from './rule';

/**
 * The rows of the workbook this site exports (export.ts, EXPORT_LAYOUT), as the drifting
 * reference meets them: the learning rate in B1, a line of text in A2 (B2 empty), the header
 * in row 3 (B3 holds the text "t1"), epoch 1 in row 4, and column B holding t1 from there on.
 * tests/mistake-notes.test.ts holds these against the export and a spreadsheet engine.
 */
const LAYOUT = { lrRow: 1, headerRow: 3, firstDataRow: 4 } as const;

/**
 * The learning rate the update into `epoch` reads when "B1" was typed relative in the first
 * update (row 5) and filled down: row r reads B(r − 4), so epoch e (row e + 3) reads B(e − 1).
 * An empty cell counts as 0; text makes the formula #VALUE! (NaN here).
 */
function driftedRate(epoch: number, lr: number, get: Getter): number {
  const firstUpdateRow = LAYOUT.firstDataRow + 1;
  const row = LAYOUT.firstDataRow + epoch - 1;
  const read = LAYOUT.lrRow + row - firstUpdateRow;
  if (read === LAYOUT.lrRow) return lr;
  if (read < LAYOUT.headerRow) return 0;
  if (read === LAYOUT.headerRow) return Number.NaN;
  return get('t1', true) ?? Number.NaN;
}

const NOTE_EPOCH = 3;

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
  note: {
    column: 'w1',
    epoch: NOTE_EPOCH,
    lrTex: '\\mathrm{B2}',
    words:
      'The learning rate sits in one cell, B1 in the workbook this site exports. Typed as B1 rather than $B$1 in the first update and filled down the rows, ' +
      'the reference moves down with them. The second update reads B2, which is empty and counts as 0, so the weights stand still for an epoch; ' +
      'the third reads B3, the header “t1”, and from there on every cell of the table is #VALUE!.',
  },
  // The formulas read as written; only the cell they take the learning rate from moves.
  wrongFormula: (column) => (isWeight(column) ? updateOf(column) : null),
  rateInto: driftedRate,
  mistakenValue: (column, get, lr) => (isWeight(column) ? evaluateExpr(updateOf(column), get, driftedRate(NOTE_EPOCH, lr, get)) : Number.NaN),
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
