/**
 * Stage 4 of the check: classify each column's first disagreement. Either the
 * cell's own formula is right and it only takes a wrong value from another
 * wrong cell (it inherits), or its own formula is wrong, and the known
 * mistakes (`../mistakes/`) are asked which one it is: the formula rules by
 * recomputing their wrong formulas from the row's own values, then the
 * evidence rules. Last, the sheet-wide rules look for mistakes that change
 * no number at all.
 */
import { isWeight, step, type Params, type QuantityName, type Snapshot } from '../backprop';
import { address, columnLetters } from '../xlsx/cells';
import { agreeingDigits, matches } from '../mistakes/compare';
import { columnFormula, evaluateExpr, type Getter } from '../quantities/definitions';
import type { Expr } from '../quantities/expr';
import { printFormula } from './formulas';
import { CELL_EVIDENCE_RULES, SHEET_EVIDENCE_RULES, wrongVersions, type Facts, type MistakeId, type TableView } from '../mistakes';
import type { Recomputed } from './recompute';
import type { ColumnResult, FirstWrong, Mistake } from './result';
import {
  cellIn,
  columnOf,
  describeCell,
  lrSource,
  neededCells,
  numeric,
  printContext,
  readsInRow,
  valueIn,
  type EpochTable,
} from './table';

/** A column's verdict before stage 5 counts the later rows it spreads to. */
export type ColumnVerdict = Omit<ColumnResult, 'laterWrong'>;

/** Every column's verdict and the mistakes named, in the order first seen. */
export interface Judged {
  readonly columns: readonly ColumnVerdict[];
  readonly mistakes: readonly Mistake[];
  /** Mistakes that cannot be seen in this sheet, and why. */
  readonly notes: readonly string[];
}

/** The mistakes named so far: one entry per mistake, gathering its cells, columns and facts. */
class Sightings {
  private readonly byId = new Map<MistakeId, { cells: string[]; columns: QuantityName[]; facts: Record<string, string> }>();

  add(id: MistakeId, cell: string, column: QuantityName, facts: Facts = {}): void {
    const m = this.byId.get(id) ?? { cells: [], columns: [], facts: {} };
    if (!m.cells.includes(cell)) m.cells.push(cell);
    if (!m.columns.includes(column)) m.columns.push(column);
    Object.assign(m.facts, facts);
    this.byId.set(id, m);
  }

  list(): Mistake[] {
    return [...this.byId.entries()].map(([id, m]) => ({ id, cells: m.cells, columns: m.columns, facts: m.facts }));
  }
}

/** One row's values as the sheet has them (`prev`: the row above's). */
function rowGetter(table: EpochTable, index: number): Getter {
  return (q, prev) => valueIn(table, q, prev ? index - 1 : index);
}

/** The right value of a column in a row: the math module's, for weights one update of the row above. */
function expectedAt(rows: Recomputed, lr: number, q: QuantityName, index: number): number {
  if (!isWeight(q)) return (rows.snapshots[index] as Snapshot)[q];
  return step({ ...(rows.params[index - 1] as Params), lr }, rows.snapshots[index - 1] as Snapshot)[q] ?? Number.NaN;
}

function firstWrong(table: EpochTable, rows: Recomputed, q: QuantityName, index: number, expr: Expr | null): FirstWrong {
  const row = table.rows[index] as number;
  const cell = cellIn(table, q, index);
  const expected = expectedAt(rows, table.lr?.value ?? Number.NaN, q, index);
  const foundValue = numeric(cell);
  return {
    cell: address(columnOf(table, q) as number, row),
    row,
    expected,
    found: describeCell(cell),
    foundValue,
    foundFormula: cell?.formula,
    formula: expr ? printFormula(expr, printContext(table, row)) : '',
    agreeingDigits: foundValue === undefined ? 0 : agreeingDigits(foundValue, expected),
  };
}

/** The wrong cell a right formula takes its wrong value from, if there is one. */
function inheritedFrom(table: EpochTable, rows: Recomputed, q: QuantityName, index: number, expr: Expr | null): string | undefined {
  const cell = cellIn(table, q, index);
  const found = numeric(cell);
  if (!expr || found === undefined) return undefined;
  const local = evaluateExpr(expr, rowGetter(table, index), table.lr?.value ?? Number.NaN);
  if (!matches(found, local, cell?.raw, cell?.formula === undefined)) return undefined;
  const isWrongAt = (name: QuantityName, i: number) => rows.tallies.get(name)?.wrong.has(i) ?? false;
  const source = neededCells(table, expr).find((ref) => isWrongAt(ref.q, ref.prev ? index - 1 : index));
  if (!source) return undefined;
  return address(columnOf(table, source.q) as number, table.rows[source.prev ? index - 1 : index] as number);
}

/** Which known mistake a wrong cell shows: a formula rule's wrong version (alone or in a pair), else an evidence rule. */
function nameMistake(view: TableView, table: EpochTable, q: QuantityName, index: number, expr: Expr | null, seen: Sightings): MistakeId {
  const at = view.address(q, index);
  const found = numeric(cellIn(table, q, index));
  if (found !== undefined && expr) {
    const getter = rowGetter(table, index);
    const version = wrongVersions(q, expr).find((v) => matches(found, evaluateExpr(v.expr, getter, view.lr ?? Number.NaN)));
    if (version) {
      for (const id of version.ids) seen.add(id, at, q);
      return version.ids[0] as MistakeId;
    }
  }
  for (const rule of CELL_EVIDENCE_RULES) {
    const facts = rule.columns.includes(q) ? rule.evidence(view, q, index) : null;
    if (facts) {
      seen.add(rule.id, at, q, facts);
      return rule.id;
    }
  }
  seen.add('unrecognised', at, q);
  return 'unrecognised';
}

function judgeColumn(view: TableView, table: EpochTable, rows: Recomputed, q: QuantityName, seen: Sightings): ColumnVerdict {
  const tally = rows.tallies.get(q);
  const col = columnOf(table, q) as number;
  const common = {
    name: q,
    header: table.header.columns.get(q)?.text ?? q,
    letter: columnLetters(col),
    checked: tally?.checked ?? 0,
    matched: tally?.matched ?? 0,
  };
  const index = tally?.first;
  if (index === undefined) return { ...common, status: 'match' };
  const expr = columnFormula(q, index === 0);
  const first = firstWrong(table, rows, q, index, expr);
  const inheritsFrom = inheritedFrom(table, rows, q, index, expr);
  if (inheritsFrom) return { ...common, status: 'inherits', first, inheritsFrom };
  return { ...common, status: 'wrong', first, mistake: nameMistake(view, table, q, index, expr, seen) };
}

/** The table as evidence rules read it; `verdicts` fills in as the columns are judged. */
function tableView(table: EpochTable, rows: Recomputed, verdicts: readonly ColumnVerdict[]): TableView {
  return {
    lr: table.lr?.value,
    params: (index) => rows.params[index],
    value: (q, index) => valueIn(table, q, index),
    formula: (q, index) => cellIn(table, q, index)?.formula,
    address: (q, index) => address(columnOf(table, q) ?? 0, table.rows[index] ?? 0),
    readsInRow: (q, index) => readsInRow(table, q, index),
    lrSource: (w, index) => lrSource(table, w, index),
    hasColumn: (q) => columnOf(table, q) !== undefined,
    matchesEverywhere: (q) => verdicts.find((c) => c.name === q)?.status === 'match',
  };
}

/** A formula as written, without "=", spaces or "$", in capitals: two spellings of one formula compare equal. */
function plainFormula(formula: string): string {
  return formula.replace(/^=/, '').replace(/[\s$]/g, '').toUpperCase();
}

/**
 * The first cell (left to right, at each column's first disagreement) whose formula is the right
 * one, as the site writes it, yet whose stored value is not what that formula gives from the
 * row's own stored cells: the file was saved without being recalculated after an edit, so its
 * values are out of date and say nothing about its formulas. Undefined when there is none.
 */
export function outOfDateCell(table: EpochTable, rows: Recomputed, columns: readonly ColumnVerdict[]): string | undefined {
  for (const column of columns) {
    const index = rows.tallies.get(column.name)?.first;
    if (index === undefined || column.status === 'match') continue;
    const cell = cellIn(table, column.name, index);
    const expr = columnFormula(column.name, index === 0);
    const found = numeric(cell);
    if (!cell?.formula || !expr || found === undefined) continue;
    const row = table.rows[index] as number;
    const strict = { ...printContext(table, row), loose: false };
    const written = plainFormula(cell.formula);
    if (written !== plainFormula(printFormula(expr, printContext(table, row))) && written !== plainFormula(printFormula(expr, strict))) continue;
    const own = evaluateExpr(expr, rowGetter(table, index), table.lr?.value ?? Number.NaN);
    if (Number.isFinite(own) && !matches(found, own, cell.raw, false)) return address(columnOf(table, column.name) as number, row);
  }
  return undefined;
}

/** Judges every checked column left to right, then lets the sheet-wide rules look. */
export function classifyColumns(table: EpochTable, rows: Recomputed): Judged {
  const seen = new Sightings();
  const columns: ColumnVerdict[] = [];
  const view = tableView(table, rows, columns);
  for (const q of table.checked) columns.push(judgeColumn(view, table, rows, q, seen));
  const notes: string[] = [];
  for (const rule of SHEET_EVIDENCE_RULES) {
    const evidence = rule.evidence(view);
    if (evidence && 'note' in evidence) notes.push(evidence.note);
    else if (evidence) for (const { cell, column } of evidence.cells) seen.add(rule.id, cell, column, evidence.facts);
  }
  return { columns, mistakes: seen.list(), notes };
}
