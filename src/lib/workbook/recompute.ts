/**
 * Stage 3 of the check: recompute every epoch row from its own inputs,
 * targets and weights with the math module, and compare each checked cell
 * with it. A row's weights are also compared with one update of the row
 * above. Checking stops at the first row that cannot be recomputed.
 */
import { WEIGHT_NAMES, evaluate, isWeight, step, type Params, type QuantityName, type Snapshot } from '../backprop';
import { address } from '../xlsx/cells';
import { matches } from '../mistakes/compare';
import { ROW_INPUTS } from './formulas';
import { cellIn, columnOf, describeCell, numeric, type EpochTable } from './table';
import type { ReadCell } from '../xlsx/read';

/** How one column compared, row by row (rows by index). */
export interface Tally {
  readonly checked: number;
  readonly matched: number;
  /** The rows where it disagrees. */
  readonly wrong: ReadonlySet<number>;
  /** The first of them. */
  readonly first: number | undefined;
}

/** Every checked row recomputed, and how each column compared. */
export interface Recomputed {
  /** The parameters read from each recomputed row, with the table's learning rate. */
  readonly params: readonly Params[];
  /** The math module's values for each of those rows. */
  readonly snapshots: readonly Snapshot[];
  readonly tallies: ReadonlyMap<QuantityName, Tally>;
  readonly rowsChecked: number;
  /** Why checking stopped early, and cells holding text where numbers belong. */
  readonly problems: readonly string[];
}

type MutableTally = { checked: number; matched: number; wrong: Set<number>; first: number | undefined };

/** Does a cell hold the expected value? Numbers typed by hand are judged by the digits written. */
function cellMatches(cell: ReadCell | undefined, expected: number): boolean {
  const v = numeric(cell);
  return v !== undefined && matches(v, expected, cell?.raw, cell?.formula === undefined);
}

/** The parameters of one row, or the first of its cells that cannot be read as one. */
function readRow(table: EpochTable, index: number, lr: number, textCells: string[]): { params: Params } | { unreadable: string } {
  const row = table.rows[index] as number;
  const values: Record<string, number> = { lr };
  let unreadable: string | null = null;
  for (const p of ROW_INPUTS) {
    const constant = table.constants.get(p);
    const cell = cellIn(table, p, index);
    const v = constant ? constant.value : numeric(cell);
    if (v !== undefined) {
      values[p] = v;
      continue;
    }
    const at = address(columnOf(table, p) ?? 0, row);
    unreadable ??= `${at} (${p}) holds ${describeCell(cell)} where a number belongs`;
    if (cell?.type === 's') textCells.push(at);
  }
  return unreadable ? { unreadable } : { params: Object.freeze(values) as unknown as Params };
}

function textCellsProblem(textCells: readonly string[]): string {
  const n = textCells.length;
  return (
    `${n === 1 ? 'Cell' : 'Cells'} ${textCells.slice(0, 5).join(', ')}${n > 5 ? ` and ${n - 5} more` : ''} ${n === 1 ? 'holds' : 'hold'} text where a number belongs. ` +
    'Spreadsheets do not calculate with text: retype the value as a number (without a leading apostrophe or spaces).'
  );
}

/** Recomputes the table row by row, tallying each checked column. */
export function recomputeRows(table: EpochTable): Recomputed {
  const lr = table.lr?.value ?? Number.NaN;
  const tallies = new Map<QuantityName, MutableTally>(table.checked.map((q) => [q, { checked: 0, matched: 0, wrong: new Set(), first: undefined }]));
  const record = (q: QuantityName, index: number, ok: boolean) => {
    const t = tallies.get(q);
    if (!t) return;
    t.checked++;
    if (ok) t.matched++;
    else {
      t.wrong.add(index);
      t.first ??= index;
    }
  };
  const params: Params[] = [];
  const snapshots: Snapshot[] = [];
  const problems: string[] = [];
  const textCells: string[] = [];
  for (let index = 0; index < table.rows.length; index++) {
    // The weights should be one update of the row above: its weights and the math module's gradients.
    const above = params[index - 1];
    const aboveSnap = snapshots[index - 1];
    const stepped = above && aboveSnap && Number.isFinite(lr) ? step({ ...above, lr }, aboveSnap) : null;
    for (const w of WEIGHT_NAMES) {
      if (stepped && columnOf(table, w) !== undefined) record(w, index, cellMatches(cellIn(table, w, index), stepped[w]));
    }
    const read = readRow(table, index, lr, textCells);
    if ('unreadable' in read) {
      problems.push(`Checking stopped at row ${table.rows[index]}: ${read.unreadable}, so this row cannot be recomputed.`);
      break;
    }
    const snap = evaluate(read.params);
    params.push(read.params);
    snapshots.push(snap);
    for (const q of table.checked) {
      if (isWeight(q)) continue;
      const cell = cellIn(table, q, index);
      if (cell?.type === 's') textCells.push(address(columnOf(table, q) as number, table.rows[index] as number));
      record(q, index, cellMatches(cell, snap[q]));
    }
  }
  if (textCells.length > 0) problems.unshift(textCellsProblem(textCells));
  return { params, snapshots, tallies, rowsChecked: params.length, problems };
}
