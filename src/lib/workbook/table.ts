/**
 * Stage 2 of the check: find a sheet's epoch table. The header row is found by
 * its names, inputs and targets may sit in single labelled cells instead of
 * columns, the epoch rows run down from the header while the w1 column holds
 * something, and the learning rate is the cell the weight updates read (or a
 * labelled cell, or what the first update implies). Also the ways the later
 * stages read the table's cells by the article's names.
 */
import { WEIGHT_NAMES, type ParamName, type QuantityName, type WeightName } from '../backprop';
import { address, columnLetters, formulaRefs, refText, type FormulaRef } from '../xlsx/cells';
import { definitionOf } from '../quantities/definitions';
import { directRefs, type Expr } from '../quantities/expr';
import { ROW_INPUTS, type PrintContext } from './formulas';
import { headerQuantity, isLearningRateLabel, normaliseLabel } from './headers';
import type { LrSource } from '../mistakes';
import type { LearningRate, SheetResult } from './result';
import { cellAt, type ReadCell, type ReadSheet } from '../xlsx/read';

/** The header row and the column of each quantity it names. */
export interface Header {
  readonly row: number;
  readonly columns: ReadonlyMap<QuantityName, { col: number; text: string }>;
}

/** A quantity kept in one labelled cell instead of a column. */
export interface Constant {
  readonly value: number;
  /** Its cell with `$` signs, for formulas: "$J$1". */
  readonly ref: string;
}

/** Where a table's cells are: enough to read any quantity in any epoch row. */
interface Layout {
  readonly sheet: ReadSheet;
  /** Every sheet of the workbook: a formula may read another sheet. */
  readonly all: readonly ReadSheet[];
  readonly header: Header;
  /** The sheet rows of the epochs, top to bottom. Later stages name a row by its index in this list. */
  readonly rows: readonly number[];
  readonly constants: ReadonlyMap<ParamName, Constant>;
}

/** A sheet's epoch table. */
export interface EpochTable extends Layout {
  readonly lr: LearningRate | undefined;
  /** The columns to check (all but inputs and targets), left to right. */
  readonly checked: readonly QuantityName[];
  /** How the table was read, for the reader: where the learning rate came from, which columns are missing. */
  readonly notes: readonly string[];
}

/** A sheet with no table to check, and why. */
export type NoTable = Pick<SheetResult, 'headerRow' | 'message'> & { readonly status: 'no-header' | 'no-rows' | 'missing-columns' };

/** The row that names the most known quantities, if it names w1…w8 and at least 12 in all. */
export function findHeader(sheet: ReadSheet): Header | null {
  let best: Header | null = null;
  for (const [row, cells] of sheet.rows) {
    const columns = new Map<QuantityName, { col: number; text: string }>();
    for (const [col, cell] of [...cells.entries()].sort((a, b) => a[0] - b[0])) {
      if (cell.type !== 's' || typeof cell.value !== 'string' || cell.value.length > 40) continue;
      const q = headerQuantity(cell.value);
      if (q && !columns.has(q)) columns.set(q, { col, text: cell.value.trim() });
    }
    if (columns.size < 12 || !WEIGHT_NAMES.every((w) => columns.has(w))) continue;
    if (!best || columns.size > best.columns.size) best = { row, columns };
  }
  return best;
}

/** A number written beside (right of, or under) a cell whose text passes `label`, outside `skipRow`. */
function labelledNumber(sheet: ReadSheet, label: (text: string) => boolean, skipRow: number): { value: number; col: number; row: number } | null {
  for (const [row, cells] of [...sheet.rows.entries()].sort((a, b) => a[0] - b[0])) {
    if (row === skipRow) continue;
    for (const [col, cell] of [...cells.entries()].sort((a, b) => a[0] - b[0])) {
      if (cell.type !== 's' || typeof cell.value !== 'string' || !label(cell.value)) continue;
      const candidates: [number, number][] = [[col + 1, row], [col + 2, row], [col, row + 1]];
      for (const [c, r] of candidates) {
        const v = cellAt(sheet, c, r);
        if (v?.type === 'n' && typeof v.value === 'number') return { value: v.value, col: c, row: r };
        if (v && v.type !== 'empty' && c === col + 1) break;
      }
    }
  }
  return null;
}

/** Inputs and targets without a column, read from labelled cells; those found nowhere are `missing`. */
function findConstants(sheet: ReadSheet, header: Header): { constants: Map<ParamName, Constant>; missing: ParamName[] } {
  const constants = new Map<ParamName, Constant>();
  const missing: ParamName[] = [];
  for (const p of ROW_INPUTS) {
    if (header.columns.has(p)) continue;
    const found = labelledNumber(sheet, (text) => normaliseLabel(text) === normaliseLabel(p), header.row);
    if (found) constants.set(p, { value: found.value, ref: `$${columnLetters(found.col)}$${found.row}` });
    else missing.push(p);
  }
  return { constants, missing };
}

function hasContent(cell: ReadCell | undefined): boolean {
  return cell !== undefined && (cell.type !== 'empty' || cell.formula !== undefined);
}

/** Epoch rows: from just under the header (skipping up to two blank rows) while the w1 column holds something. */
function findEpochRows(sheet: ReadSheet, header: Header): number[] {
  const w1Col = header.columns.get('w1')?.col ?? 0;
  const rows: number[] = [];
  let r = header.row + 1;
  while (r <= header.row + 3 && !hasContent(cellAt(sheet, w1Col, r))) r++;
  for (; hasContent(cellAt(sheet, w1Col, r)) && rows.length < 100_000; r++) rows.push(r);
  return rows;
}

/** A cell's number, if it holds one. */
export function numeric(cell: ReadCell | undefined): number | undefined {
  return cell?.type === 'n' && typeof cell.value === 'number' ? cell.value : undefined;
}

/** What a cell holds, for messages: its number as stored, text, an error or "(empty)". */
export function describeCell(cell: ReadCell | undefined): string {
  if (!cell || cell.type === 'empty') return '(empty)';
  if (cell.type === 's') return `text “${String(cell.value).slice(0, 40)}”`;
  if (cell.type === 'e') return `the error ${String(cell.value)}`;
  if (cell.type === 'b') return cell.value ? 'TRUE' : 'FALSE';
  return cell.raw;
}

/** The 0-based column of a quantity, if the table has one. */
export function columnOf(table: Layout, q: QuantityName): number | undefined {
  return table.header.columns.get(q)?.col;
}

/** A quantity's cell in an epoch row. */
export function cellIn(table: Layout, q: QuantityName, index: number): ReadCell | undefined {
  const col = columnOf(table, q);
  const row = table.rows[index];
  return col === undefined || row === undefined ? undefined : cellAt(table.sheet, col, row);
}

/** A quantity's number in an epoch row: its labelled cell, or its column's cell. */
export function valueIn(table: Layout, q: QuantityName, index: number): number | undefined {
  const constant = table.constants.get(q as ParamName);
  return constant ? constant.value : numeric(cellIn(table, q, index));
}

/** A weight update's references other than the weight and gradient above it: its learning-rate cell. */
function lrRefs(table: Layout, w: WeightName, row: number): FormulaRef[] {
  const own = columnOf(table, w);
  const formula = cellAt(table.sheet, own ?? -1, row)?.formula;
  if (!formula) return [];
  const grad = columnOf(table, `dE_d${w}`);
  return formulaRefs(formula).filter((r) => r.sheet !== undefined || !((r.col === own || r.col === grad) && r.row === row - 1));
}

function refValue(table: Layout, ref: FormulaRef): number | undefined {
  const sheet = ref.sheet === undefined ? table.sheet : table.all.find((s) => s.name.toLowerCase() === ref.sheet?.toLowerCase());
  return sheet ? numeric(cellAt(sheet, ref.col, ref.row)) : undefined;
}

function refName(ref: FormulaRef, absolute = false): string {
  const text = absolute ? refText({ ...ref, colAbsolute: true, rowAbsolute: true }) : address(ref.col, ref.row);
  return ref.sheet === undefined ? text : `'${ref.sheet}'!${text}`;
}

/** The cell a weight's update in an epoch row reads its learning rate from. */
export function lrSource(table: Layout, w: WeightName, index: number): LrSource | undefined {
  const row = table.rows[index];
  const ref = row === undefined ? undefined : lrRefs(table, w, row)[0];
  if (!ref) return undefined;
  const value = refValue(table, ref);
  // What a non-number holds is looked up on the table's own sheet, as the message has always said.
  const holds = value === undefined ? describeCell(cellAt(table.sheet, ref.col, ref.row)) : String(value);
  return { at: refName(ref), absolute: refName(ref, true), holds };
}

/** The learning rate: the one cell the first updates read, a labelled cell, or the rate the first update implies. */
function findLearningRate(table: Layout): LearningRate | null {
  const second = table.rows[1];
  if (second !== undefined) {
    for (const w of WEIGHT_NAMES) {
      const refs = lrRefs(table, w, second);
      const value = refs.length === 1 ? refValue(table, refs[0] as FormulaRef) : undefined;
      if (value !== undefined) return { value, cell: refName(refs[0] as FormulaRef, true), source: 'formula' };
    }
  }
  const labelled = labelledNumber(table.sheet, isLearningRateLabel, table.header.row);
  if (labelled) return { value: labelled.value, cell: `$${columnLetters(labelled.col)}$${labelled.row}`, source: 'label' };
  if (second === undefined) return null;
  // Last resort: the rate the first update implies, from the weights and the student's own gradients.
  const implied: number[] = [];
  for (const w of WEIGHT_NAMES) {
    const before = valueIn(table, w, 0);
    const after = valueIn(table, w, 1);
    const g = valueIn(table, `dE_d${w}`, 0);
    if (before !== undefined && after !== undefined && g) implied.push((before - after) / g);
  }
  if (implied.length === 0) return null;
  implied.sort((a, b) => a - b);
  const median = implied[Math.floor(implied.length / 2)] ?? Number.NaN;
  return Number.isFinite(median) ? { value: Number(median.toPrecision(12)), cell: undefined, source: 'values' } : null;
}

const MAIN_COLUMNS: readonly QuantityName[] = [
  'h1', 'a_h1', 'h2', 'a_h2', 'o1', 'a_o1', 'o2', 'a_o2', 'E1', 'E2', 'E_total',
  'dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8',
];

/** Where the learning rate came from, and the assignment's columns the table lacks. */
function readingNotes(lr: LearningRate | null, header: Header): string[] {
  const notes: string[] = [];
  if (lr?.source === 'label') notes.push(`Learning rate ${lr.value}, read from the labelled cell ${lr.cell}.`);
  if (lr?.source === 'formula') notes.push(`Learning rate ${lr.value}, from ${lr.cell}, the cell the weight updates refer to.`);
  if (lr?.source === 'values') notes.push(`No learning-rate cell found; the weights’ first update implies a learning rate of about ${lr.value}.`);
  if (!lr) notes.push('No learning rate found (no labelled cell and no weight update to infer it from), so the weight updates were not checked.');
  const absent = MAIN_COLUMNS.filter((q) => !header.columns.has(q));
  if (absent.length > 0) notes.push(`No column for ${absent.join(', ')}; the rest was checked.`);
  return notes;
}

/** The sheet's epoch table, or why it has none. */
export function findEpochTable(sheet: ReadSheet, all: readonly ReadSheet[]): EpochTable | NoTable {
  const header = findHeader(sheet);
  if (!header) {
    return {
      status: 'no-header',
      message: `No epoch table found in “${sheet.name}”: no row names the columns w1 … w8 together with at least four of t1, t2, i1, i2, h1, a_h1, …, E_total, ∂E/∂w1 …`,
    };
  }
  const { constants, missing } = findConstants(sheet, header);
  if (missing.length > 0) {
    return {
      status: 'missing-columns',
      headerRow: header.row,
      message: `The header in row ${header.row} of “${sheet.name}” has no column (and no labelled cell) for ${missing.join(', ')}; every row needs t1, t2, i1, i2 and w1 … w8 to be recomputed.`,
    };
  }
  const rows = findEpochRows(sheet, header);
  if (rows.length === 0) {
    return {
      status: 'no-rows',
      headerRow: header.row,
      message: `The header is in row ${header.row} of “${sheet.name}”, but there are no epoch rows under it (the w1 column is empty).`,
    };
  }
  const layout: Layout = { sheet, all, header, rows, constants };
  const lr = findLearningRate(layout);
  const checked = [...header.columns.keys()].filter((q) => !['t1', 't2', 'i1', 'i2'].includes(q));
  return { ...layout, lr: lr ?? undefined, checked, notes: readingNotes(lr, header) };
}

/** The assignment asks for 300 epochs. */
export function epochCountNote(table: EpochTable): string[] {
  const { rows } = table;
  return rows.length === 300 ? [] : [`${rows.length} epoch rows (rows ${rows[0]}–${rows.at(-1)}); the assignment asks for 300.`];
}

/** The quantities of a column's formula in its row that the sheet has columns for. */
export function readsInRow(table: Layout, q: QuantityName, index: number): Set<QuantityName> {
  const row = table.rows[index];
  const formula = cellIn(table, q, index)?.formula;
  const reads = new Set<QuantityName>();
  if (!formula || row === undefined) return reads;
  for (const ref of formulaRefs(formula)) {
    if (ref.sheet !== undefined || ref.row !== row) continue;
    for (const [name, { col }] of table.header.columns) if (col === ref.col) reads.add(name);
  }
  return reads;
}

/** Every quantity an expression needs from the sheet, looking through the definitions of those it has no cell for. */
export function neededCells(table: Layout, e: Expr): { q: QuantityName; prev: boolean }[] {
  const out: { q: QuantityName; prev: boolean }[] = [];
  for (const ref of directRefs(e)) {
    if (columnOf(table, ref.q) !== undefined || table.constants.has(ref.q as ParamName)) {
      out.push(ref);
    } else {
      const def = definitionOf(ref.q);
      if (def) {
        for (const inner of neededCells(table, def)) out.push({ q: inner.q, prev: inner.prev || ref.prev });
      }
    }
  }
  return out;
}

/** How the correct formula is written in an epoch row of this table: its own column letters and labelled cells. */
export function printContext(table: EpochTable, row: number): PrintContext {
  const { lr } = table;
  return {
    lr: lr?.cell ?? (lr ? String(lr.value) : 'LR'),
    loose: true,
    ref(name, prev) {
      const col = columnOf(table, name);
      if (col !== undefined) return address(col, prev ? row - 1 : row);
      const constant = table.constants.get(name as ParamName);
      return constant ? constant.ref : null;
    },
  };
}
