/**
 * Checks a student's assignment workbook against the math module. For every
 * sheet with an epoch table it finds the header row by its names, recomputes
 * each row from that row's own inputs, targets and weights, and reports per
 * column whether it matches, the first wrong cell (expected, found, the formula
 * that belongs there in the student's own letters), whether that cell is
 * wrong itself or only inherits an error from another cell, which known
 * mistake explains it, and which later rows inherit it through the weights.
 */
import {
  WEIGHT_NAMES,
  evaluate,
  step,
  train,
  type ParamName,
  type Params,
  type QuantityName,
  type Snapshot,
  type WeightName,
} from '../backprop';
import { address, columnLetters, formulaRefs, refText, type FormulaRef } from './cells';
import {
  DEFINITIONS,
  ROW_INPUTS,
  build,
  columnFormula,
  directRefs,
  evaluateExpr,
  isWeight,
  printFormula,
  substitute,
  type Expr,
  type Getter,
  type PrintContext,
} from './formulas';
import { agreeingDigits, matches } from './compare';
import { headerQuantity, isLearningRateLabel, normaliseLabel } from './headers';
import { cellAt, cellText, type ReadCell, type ReadSheet } from './xlsx-read';

export { RELATIVE_TOLERANCE, agreeingDigits, matches, writtenDigits } from './compare';

/** The mistakes the checker can name. */
export type MistakeId =
  | 'slope-a-h1'
  | 't1-for-t2'
  | 't1-for-t2-hidden'
  | 'e2-uses-a-o1'
  | 'updated-w5-w8'
  | 'lr-relative'
  | 'plus-not-minus'
  | 'unrecognised';

/** A named mistake and where it first shows. */
export interface Mistake {
  readonly id: MistakeId;
  /** First wrong cells, one per affected column, e.g. ["Z19", "AA19"]. */
  readonly cells: readonly string[];
  readonly columns: readonly QuantityName[];
  /** Extra facts for the explanation (e.g. the learning rate the weights imply). */
  readonly facts: Readonly<Record<string, string>>;
}

/** The first wrong cell of a column. */
export interface FirstWrong {
  readonly cell: string;
  readonly row: number;
  readonly expected: number;
  /** What the cell holds, as text (number as stored, text, error or "(empty)"). */
  readonly found: string;
  readonly foundValue: number | undefined;
  readonly foundFormula: string | undefined;
  /** The correct formula in the sheet's own column letters. */
  readonly formula: string;
  /** How many leading significant digits agree (0 when not comparable). */
  readonly agreeingDigits: number;
}

/** The verdict on one column. */
export interface ColumnResult {
  readonly name: QuantityName;
  readonly header: string;
  readonly letter: string;
  /** match: every row right; wrong: this column's own formula is wrong; inherits: right formula, wrong inputs. */
  readonly status: 'match' | 'wrong' | 'inherits';
  readonly checked: number;
  readonly matched: number;
  readonly first?: FirstWrong;
  /** For `inherits`: the wrong cell it takes its error from. */
  readonly inheritsFrom?: string;
  readonly mistake?: MistakeId;
  /** Later rows of this column that are wrong too. */
  readonly laterWrong: number;
}

/** Rows whose weights have left the correct training run, and where the run ends. */
export interface Drift {
  readonly fromRow: number;
  readonly toRow: number;
  readonly lastFound: number;
  readonly lastExpected: number;
  readonly column: string;
}

/** Where the learning rate came from. */
export interface LearningRate {
  readonly value: number;
  readonly cell: string | undefined;
  readonly source: 'formula' | 'label' | 'values';
}

/** The verdict on one sheet. */
export interface SheetResult {
  readonly name: string;
  readonly status: 'checked' | 'no-header' | 'no-rows' | 'missing-columns';
  readonly message?: string;
  readonly headerRow?: number;
  readonly firstRow?: number;
  readonly lastRow?: number;
  readonly rowsChecked: number;
  readonly lr?: LearningRate;
  readonly columns: readonly ColumnResult[];
  readonly mistakes: readonly Mistake[];
  readonly drift?: Drift;
  /** Cells that stopped the check or hold text/errors where numbers belong. */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
  readonly clean: boolean;
}

interface Header {
  readonly row: number;
  readonly columns: ReadonlyMap<QuantityName, { col: number; text: string }>;
}

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

function numeric(cell: ReadCell | undefined): number | undefined {
  return cell?.type === 'n' && typeof cell.value === 'number' ? cell.value : undefined;
}

function describeCell(cell: ReadCell | undefined): string {
  if (!cell || cell.type === 'empty') return '(empty)';
  if (cell.type === 's') return `text “${String(cell.value).slice(0, 40)}”`;
  if (cell.type === 'e') return `the error ${String(cell.value)}`;
  if (cell.type === 'b') return cell.value ? 'TRUE' : 'FALSE';
  return cell.raw;
}

interface SheetContext {
  readonly sheet: ReadSheet;
  readonly all: readonly ReadSheet[];
  readonly header: Header;
  readonly rows: readonly number[];
  readonly constants: ReadonlyMap<ParamName, { value: number; ref: string }>;
}

/** Weight-update formula references other than the weight itself and its gradient: the learning-rate cell. */
function lrRefs(ctx: SheetContext, w: WeightName, row: number): FormulaRef[] {
  const formula = cellAt(ctx.sheet, colOf(ctx, w) ?? -1, row)?.formula;
  if (!formula) return [];
  const own = colOf(ctx, w);
  const grad = colOf(ctx, `dE_d${w}`);
  return formulaRefs(formula).filter(
    (r) => r.sheet !== undefined || !((r.col === own || r.col === grad) && r.row === row - 1),
  );
}

function colOf(ctx: SheetContext, name: QuantityName): number | undefined {
  return ctx.header.columns.get(name)?.col;
}

function refValue(ctx: SheetContext, ref: FormulaRef): number | undefined {
  const sheet = ref.sheet === undefined ? ctx.sheet : ctx.all.find((s) => s.name.toLowerCase() === ref.sheet?.toLowerCase());
  return sheet ? numeric(cellAt(sheet, ref.col, ref.row)) : undefined;
}

function refName(ref: FormulaRef, absolute = false): string {
  const text = absolute ? refText({ ...ref, colAbsolute: true, rowAbsolute: true }) : address(ref.col, ref.row);
  return ref.sheet === undefined ? text : `'${ref.sheet}'!${text}`;
}

function findLearningRate(ctx: SheetContext): LearningRate | null {
  const second = ctx.rows[1];
  if (second !== undefined) {
    for (const w of WEIGHT_NAMES) {
      const refs = lrRefs(ctx, w, second);
      if (refs.length !== 1) continue;
      const ref = refs[0] as FormulaRef;
      const value = refValue(ctx, ref);
      if (value !== undefined) return { value, cell: refName(ref, true), source: 'formula' };
    }
  }
  const labelled = labelledNumber(ctx.sheet, isLearningRateLabel, ctx.header.row);
  if (labelled) return { value: labelled.value, cell: `$${columnLetters(labelled.col)}$${labelled.row}`, source: 'label' };
  // Last resort: the rate the first update implies, from the weights and the student's own gradients.
  const first = ctx.rows[0];
  if (first === undefined || second === undefined) return null;
  const implied: number[] = [];
  for (const w of WEIGHT_NAMES) {
    const before = numeric(cellAt(ctx.sheet, colOf(ctx, w) ?? -1, first));
    const after = numeric(cellAt(ctx.sheet, colOf(ctx, w) ?? -1, second));
    const g = numeric(cellAt(ctx.sheet, colOf(ctx, `dE_d${w}`) ?? -1, first));
    if (before !== undefined && after !== undefined && g) implied.push((before - after) / g);
  }
  if (implied.length === 0) return null;
  implied.sort((a, b) => a - b);
  const median = implied[Math.floor(implied.length / 2)] ?? Number.NaN;
  return Number.isFinite(median) ? { value: Number(median.toPrecision(12)), cell: undefined, source: 'values' } : null;
}

/** Every quantity an expression needs from the sheet, looking through definitions of columns it does not have. */
function neededCells(ctx: SheetContext, e: Expr): { q: QuantityName; prev: boolean }[] {
  const out: { q: QuantityName; prev: boolean }[] = [];
  for (const ref of directRefs(e)) {
    if (colOf(ctx, ref.q) !== undefined || ctx.constants.has(ref.q as ParamName)) {
      out.push(ref);
    } else {
      const def = (DEFINITIONS as Readonly<Record<string, Expr>>)[ref.q];
      if (def) {
        for (const inner of neededCells(ctx, def)) out.push({ q: inner.q, prev: inner.prev || ref.prev });
      }
    }
  }
  return out;
}

function printContext(ctx: SheetContext, row: number, lr: LearningRate | undefined): PrintContext {
  return {
    lr: lr?.cell ?? (lr ? String(lr.value) : 'LR'),
    loose: true,
    ref(name, prev) {
      const col = colOf(ctx, name);
      if (col !== undefined) return address(col, prev ? row - 1 : row);
      const constant = ctx.constants.get(name as ParamName);
      return constant ? constant.ref : null;
    },
  };
}

interface Variant {
  /** The mistakes this wrong version contains (one, or two made together). */
  readonly ids: readonly MistakeId[];
  readonly expr: Expr;
}

type Swap = (node: { q: QuantityName; prev: boolean }) => Expr | null;

const SLOPE_SWAP: Swap = (node) => (node.q === 'da_h2_dh2' ? build.q('da_h1_dh1', node.prev) : null);
const T1_SWAP: Swap = (node) =>
  node.q === 'dE_da_o2' ? build.sub(build.q('a_o2', node.prev), build.q('t1', node.prev)) : null;
const UPDATED_SWAP: Swap = (node) => {
  if (!/^w[5-8]$/.test(node.q)) return null;
  const w = node.q as WeightName;
  return build.sub(build.q(w, node.prev), build.mul(build.lr, build.q(`dE_d${w}`, node.prev)));
};

const HIDDEN_GRADIENTS: readonly QuantityName[] = ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4'];

/** The known wrong versions of a column: each mistake alone, then each pair (students often make two at once). */
function variantsFor(name: QuantityName, index: number): Variant[] {
  if (isWeight(name)) {
    if (index === 0) return [];
    return [{ ids: ['plus-not-minus'], expr: build.add(build.q(name, true), build.mul(build.lr, build.q(`dE_d${name}`, true))) }];
  }
  if (name === 'E2') {
    const half = (t: 't1' | 't2') => build.mul(build.n(0.5), build.pow(build.sub(build.q(t), build.q('a_o1')), build.n(2)));
    return [
      { ids: ['e2-uses-a-o1'], expr: half('t2') },
      { ids: ['e2-uses-a-o1'], expr: half('t1') },
    ];
  }
  const def = (DEFINITIONS as Readonly<Record<string, Expr>>)[name];
  if (!def) return [];
  const hidden = HIDDEN_GRADIENTS.includes(name);
  const swaps: [MistakeId, Swap][] = [];
  if (name === 'dE_dw3' || name === 'dE_dw4') swaps.push(['slope-a-h1', SLOPE_SWAP]);
  if (hidden || name === 'dE_dw7' || name === 'dE_dw8') swaps.push(['t1-for-t2', T1_SWAP]);
  if (hidden) swaps.push(['updated-w5-w8', UPDATED_SWAP]);
  const out: Variant[] = swaps.map(([id, swap]) => ({ ids: [id], expr: substitute(def, swap) }));
  swaps.forEach(([a, sa], i) =>
    swaps.slice(i + 1).forEach(([b, sb]) => out.push({ ids: [a, b], expr: substitute(substitute(def, sa), sb) })),
  );
  return out;
}

/** Checks one sheet; sheets without an epoch table get a status and a message instead. */
export function checkSheet(sheet: ReadSheet, all: readonly ReadSheet[] = [sheet]): SheetResult {
  const base = { name: sheet.name, rowsChecked: 0, columns: [], mistakes: [], problems: [], notes: [], clean: false } as const;
  const header = findHeader(sheet);
  if (!header) {
    return {
      ...base,
      status: 'no-header',
      message: `No epoch table found in “${sheet.name}”: no row names the columns w1 … w8 together with at least four of t1, t2, i1, i2, h1, a_h1, …, E_total, ∂E/∂w1 …`,
    };
  }

  // Inputs and targets may sit in single labelled cells instead of columns.
  const constants = new Map<ParamName, { value: number; ref: string }>();
  const missing: string[] = [];
  for (const p of ROW_INPUTS) {
    if (header.columns.has(p)) continue;
    const found = labelledNumber(sheet, (text) => normaliseLabel(text) === normaliseLabel(p), header.row);
    if (found) constants.set(p, { value: found.value, ref: `$${columnLetters(found.col)}$${found.row}` });
    else missing.push(p);
  }
  if (missing.length > 0) {
    return {
      ...base,
      status: 'missing-columns',
      headerRow: header.row,
      message: `The header in row ${header.row} of “${sheet.name}” has no column (and no labelled cell) for ${missing.join(', ')}; every row needs t1, t2, i1, i2 and w1 … w8 to be recomputed.`,
    };
  }

  // Epoch rows: from just under the header while the w1 column holds something.
  const w1Col = header.columns.get('w1')?.col ?? 0;
  const rows: number[] = [];
  let r = header.row + 1;
  while (r <= header.row + 3 && !hasContent(cellAt(sheet, w1Col, r))) r++;
  for (; hasContent(cellAt(sheet, w1Col, r)) && rows.length < 100_000; r++) rows.push(r);
  if (rows.length === 0) {
    return {
      ...base,
      status: 'no-rows',
      headerRow: header.row,
      message: `The header is in row ${header.row} of “${sheet.name}”, but there are no epoch rows under it (the w1 column is empty).`,
    };
  }

  const ctx: SheetContext = { sheet, all, header, rows, constants };
  const lr = findLearningRate(ctx);
  const notes: string[] = [];
  const problems: string[] = [];
  if (lr?.source === 'label') notes.push(`Learning rate ${lr.value}, read from the labelled cell ${lr.cell}.`);
  if (lr?.source === 'formula') notes.push(`Learning rate ${lr.value}, from ${lr.cell}, the cell the weight updates refer to.`);
  if (lr?.source === 'values') notes.push(`No learning-rate cell found; the weights’ first update implies a learning rate of about ${lr.value}.`);
  if (!lr) notes.push('No learning rate found (no labelled cell and no weight update to infer it from), so the weight updates were not checked.');

  const checkedNames = [...header.columns.keys()].filter(
    (q) => !['t1', 't2', 'i1', 'i2'].includes(q),
  );
  const uncheckedMain = (['h1', 'a_h1', 'h2', 'a_h2', 'o1', 'a_o1', 'o2', 'a_o2', 'E1', 'E2', 'E_total', 'dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'] as QuantityName[]).filter(
    (q) => !header.columns.has(q),
  );
  if (uncheckedMain.length > 0) notes.push(`No column for ${uncheckedMain.join(', ')}; the rest was checked.`);

  // Row by row: read the parameters, recompute, compare.
  const paramRows: Params[] = [];
  const snapshots: Snapshot[] = [];
  const wrong = new Map<QuantityName, Set<number>>(); // row indexes where a column is wrong
  const stats = new Map<QuantityName, { checked: number; matched: number; first?: number }>();
  for (const q of checkedNames) {
    wrong.set(q, new Set());
    stats.set(q, { checked: 0, matched: 0 });
  }
  const lrValue = lr?.value ?? Number.NaN;

  const valueAt = (q: QuantityName, index: number): number | undefined => {
    const constant = constants.get(q as ParamName);
    if (constant) return constant.value;
    const col = colOf(ctx, q);
    const row = rows[index];
    return col === undefined || row === undefined ? undefined : numeric(cellAt(sheet, col, row));
  };
  const getterAt = (index: number): Getter => (q, prev) => valueAt(q, prev ? index - 1 : index);

  const record = (q: QuantityName, index: number, ok: boolean) => {
    const s = stats.get(q);
    if (!s) return;
    s.checked++;
    if (ok) s.matched++;
    else {
      wrong.get(q)?.add(index);
      if (s.first === undefined) s.first = index;
    }
  };

  let stoppedAt: number | undefined;
  const textCells: string[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as number;
    // Weight updates from the row above (its weights and the math module's gradients).
    const prevParams = paramRows[index - 1];
    const prevSnap = snapshots[index - 1];
    const stepped = index > 0 && prevParams && prevSnap && Number.isFinite(lrValue) ? step({ ...prevParams, lr: lrValue }, prevSnap) : null;
    const values: Record<string, number> = { lr: lrValue };
    let unreadable: string | null = null;
    for (const p of ROW_INPUTS) {
      const constant = constants.get(p);
      const col = colOf(ctx, p);
      const cell = col === undefined ? undefined : cellAt(sheet, col, row);
      const v = constant ? constant.value : numeric(cell);
      if (isWeight(p) && stepped && col !== undefined) {
        const ok = v !== undefined && matches(v, stepped[p], cell?.raw, cell?.formula === undefined);
        record(p, index, ok);
      }
      if (v === undefined) {
        unreadable ??= `${address(col ?? 0, row)} (${p}) holds ${describeCell(cell)} where a number belongs`;
        if (cell?.type === 's') textCells.push(address(col ?? 0, row));
      } else {
        values[p] = v;
      }
    }
    if (unreadable) {
      problems.push(`Checking stopped at row ${row}: ${unreadable}, so this row cannot be recomputed.`);
      stoppedAt = index;
      break;
    }
    const params = Object.freeze(values) as unknown as Params;
    const snap = evaluate(params);
    paramRows.push(params);
    snapshots.push(snap);
    for (const q of checkedNames) {
      if (isWeight(q)) continue;
      const col = colOf(ctx, q) as number;
      const cell = cellAt(sheet, col, row);
      const v = numeric(cell);
      if (cell?.type === 's') textCells.push(address(col, row));
      record(q, index, v !== undefined && matches(v, snap[q], cell?.raw, cell?.formula === undefined));
    }
  }
  const rowsChecked = stoppedAt ?? rows.length;
  if (textCells.length > 0) {
    problems.unshift(
      `${textCells.length === 1 ? 'Cell' : 'Cells'} ${textCells.slice(0, 5).join(', ')}${textCells.length > 5 ? ` and ${textCells.length - 5} more` : ''} ${textCells.length === 1 ? 'holds' : 'hold'} text where a number belongs. Spreadsheets do not calculate with text: retype the value as a number (without a leading apostrophe or spaces).`,
    );
  }

  // Classify each column's first wrong cell: its own mistake, or inherited from another wrong cell.
  const isWrongAt = (q: QuantityName, index: number) => wrong.get(q)?.has(index) ?? false;
  const columns: ColumnResult[] = [];
  const mistakes = new Map<MistakeId, { cells: string[]; columns: QuantityName[]; facts: Record<string, string> }>();
  const addMistake = (id: MistakeId, cell: string, column: QuantityName, facts: Record<string, string> = {}) => {
    const m = mistakes.get(id) ?? { cells: [], columns: [], facts: {} };
    if (!m.cells.includes(cell)) m.cells.push(cell);
    if (!m.columns.includes(column)) m.columns.push(column);
    Object.assign(m.facts, facts);
    mistakes.set(id, m);
  };

  for (const q of orderColumns(checkedNames, header)) {
    const col = colOf(ctx, q) as number;
    const s = stats.get(q) ?? { checked: 0, matched: 0 };
    const info = header.columns.get(q);
    const common = { name: q, header: info?.text ?? q, letter: columnLetters(col), checked: s.checked, matched: s.matched };
    if (s.first === undefined) {
      columns.push({ ...common, status: 'match', laterWrong: 0 });
      continue;
    }
    const index = s.first;
    const row = rows[index] as number;
    const cell = cellAt(sheet, col, row);
    const expr = columnFormula(q, index === 0);
    const expected = isWeight(q)
      ? (step({ ...(paramRows[index - 1] as Params), lr: lrValue }, snapshots[index - 1] as Snapshot)[q] ?? Number.NaN)
      : (snapshots[index] as Snapshot)[q];
    const foundValue = numeric(cell);
    const cellRef = address(col, row);
    const first: FirstWrong = {
      cell: cellRef,
      row,
      expected,
      found: describeCell(cell),
      foundValue,
      foundFormula: cell?.formula,
      formula: expr ? printFormula(expr, printContext(ctx, row, lr ?? undefined)) : '',
      agreeingDigits: foundValue === undefined ? 0 : agreeingDigits(foundValue, expected),
    };
    const laterWrong = [...(wrong.get(q) ?? [])].filter((i) => i > index).length;
    const getter = getterAt(index);
    const local = expr ? evaluateExpr(expr, getter, lrValue) : Number.NaN;
    const ownFormulaRight = foundValue !== undefined && matches(foundValue, local, cell?.raw, cell?.formula === undefined);
    if (ownFormulaRight && expr) {
      const source = neededCells(ctx, expr).find((ref) => isWrongAt(ref.q, ref.prev ? index - 1 : index));
      if (source) {
        const srcCol = colOf(ctx, source.q) as number;
        const srcRow = rows[source.prev ? index - 1 : index] as number;
        columns.push({ ...common, status: 'inherits', first, inheritsFrom: address(srcCol, srcRow), laterWrong });
        continue;
      }
    }
    // This column's own formula is wrong here: which known mistake is it?
    let mistake: MistakeId = 'unrecognised';
    if (foundValue !== undefined) {
      for (const variant of variantsFor(q, index)) {
        if (matches(foundValue, evaluateExpr(variant.expr, getter, lrValue))) {
          mistake = variant.ids[0] as MistakeId;
          for (const id of variant.ids) addMistake(id, cellRef, q);
          break;
        }
      }
    }
    if (mistake === 'unrecognised' && isWeight(q) && index > 0) {
      const relative = relativeLrEvidence(ctx, q, index, lr, getter);
      if (relative) {
        mistake = 'lr-relative';
        addMistake('lr-relative', cellRef, q, relative);
      }
    }
    if (mistake === 'unrecognised') addMistake('unrecognised', cellRef, q);
    columns.push({ ...common, status: 'wrong', first, mistake, laterWrong });
  }

  // t1 in place of t2 cannot change any number while t1 = t2; the formula text still shows it.
  const firstParams = paramRows[0];
  if (firstParams && firstParams.t1 === firstParams.t2) {
    const hidden = hiddenT1Cells(ctx, columns);
    if (hidden.length > 0) {
      for (const h of hidden) addMistake('t1-for-t2-hidden', h.cell, h.name, { t: String(firstParams.t1) });
    } else if (!hasFormulas(ctx, ['dE_dw7', 'dE_dw8'])) {
      notes.push(
        `t1 = t2 (${firstParams.t1}) in this sheet, so using t1 where t2 belongs in ∂E/∂w7, ∂E/∂w8 would not change any number, and these cells hold no formulas to look at: that mistake cannot be seen here.`,
      );
    }
  }

  const drift = findDrift(ctx, paramRows, lrValue);
  if (rows.length !== 300) notes.push(`${rows.length} epoch rows (rows ${rows[0]}–${rows.at(-1)}); the assignment asks for 300.`);
  const mistakeList: Mistake[] = [...mistakes.entries()].map(([id, m]) => ({ id, cells: m.cells, columns: m.columns, facts: m.facts }));
  const clean = columns.every((c) => c.status === 'match') && mistakeList.length === 0 && problems.length === 0;
  return {
    ...base,
    status: 'checked',
    headerRow: header.row,
    firstRow: rows[0] as number,
    lastRow: rows[rowsChecked - 1] ?? (rows[0] as number),
    rowsChecked,
    ...(lr ? { lr } : {}),
    columns,
    mistakes: mistakeList,
    ...(drift ? { drift } : {}),
    problems,
    notes,
    clean,
  };
}

function hasContent(cell: ReadCell | undefined): boolean {
  return cell !== undefined && (cell.type !== 'empty' || cell.formula !== undefined);
}

/** Columns in the sheet's own left-to-right order. */
function orderColumns(names: readonly QuantityName[], header: Header): QuantityName[] {
  return [...names].sort((a, b) => (header.columns.get(a)?.col ?? 0) - (header.columns.get(b)?.col ?? 0));
}

function hasFormulas(ctx: SheetContext, names: readonly QuantityName[]): boolean {
  const row = ctx.rows[0];
  return row !== undefined && names.some((q) => cellAt(ctx.sheet, colOf(ctx, q) ?? -1, row)?.formula !== undefined);
}

/** Gradient cells whose formulas read t1 where the correct formula reads t2 (only visible in the formula). */
function hiddenT1Cells(ctx: SheetContext, columns: readonly ColumnResult[]): { cell: string; name: QuantityName }[] {
  const t1 = colOf(ctx, 't1');
  const t2 = colOf(ctx, 't2');
  const row = ctx.rows[0];
  if (t1 === undefined || t2 === undefined || row === undefined) return [];
  const out: { cell: string; name: QuantityName }[] = [];
  for (const q of ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw7', 'dE_dw8'] as QuantityName[]) {
    const col = colOf(ctx, q);
    if (col === undefined || columns.find((c) => c.name === q)?.status !== 'match') continue;
    const formula = cellAt(ctx.sheet, col, row)?.formula;
    if (!formula) continue;
    const sameRow = formulaRefs(formula).filter((r) => r.sheet === undefined && r.row === row);
    const readsT1 = sameRow.some((r) => r.col === t1);
    const readsT2 = sameRow.some((r) => r.col === t2);
    // Only flag when the student's formula spells out the output error itself (it reads a_o2).
    const readsAo2 = sameRow.some((r) => r.col === colOf(ctx, 'a_o2'));
    if (readsAo2 && readsT1 && !readsT2) out.push({ cell: address(col, row), name: q });
  }
  return out;
}

/**
 * Signs that a weight update's learning rate is not the one cell: its formula
 * points somewhere else than the first update did, or the rate the values imply
 * differs from the learning rate (the same for every weight of the row).
 */
function relativeLrEvidence(
  ctx: SheetContext,
  w: WeightName,
  index: number,
  lr: LearningRate | null,
  getter: Getter,
): Record<string, string> | null {
  const row = ctx.rows[index] as number;
  const firstUpdate = ctx.rows[1];
  const now = lrRefs(ctx, w, row);
  const then = firstUpdate === undefined ? [] : lrRefs(ctx, w, firstUpdate);
  const nowRef = now[0];
  const thenRef = then[0];
  if (nowRef && thenRef && (nowRef.col !== thenRef.col || nowRef.row !== thenRef.row || nowRef.sheet !== thenRef.sheet)) {
    const value = refValue(ctx, nowRef);
    const cell = cellAt(ctx.sheet, colOf(ctx, w) ?? 0, row);
    return {
      formula: cell?.formula ?? '',
      now: refName(nowRef),
      then: refName(thenRef),
      absolute: refName(thenRef, true),
      nowValue: value === undefined ? describeCell(cellAt(ctx.sheet, nowRef.col, nowRef.row)) : String(value),
    };
  }
  // From values alone: (w above − w) / ∂E/∂w above, the same for every weight but not the learning rate.
  const implied: number[] = [];
  for (const v of WEIGHT_NAMES) {
    const before = getter(v, true);
    const after = getter(v, false);
    const g = getter(`dE_d${v}`, true);
    if (before === undefined || after === undefined || !g) continue;
    implied.push((before - after) / g);
  }
  if (implied.length < 2 || !lr) return null;
  const [lo, hi] = [Math.min(...implied), Math.max(...implied)];
  const mid = (lo + hi) / 2;
  const consistent = hi - lo <= 1e-6 * Math.max(Math.abs(mid), 1e-12);
  if (!consistent || matches(mid, lr.value) || matches(mid, -lr.value)) return null;
  return { implied: String(Number(mid.toPrecision(6))), lr: String(lr.value) };
}

/** The first row whose weights differ from the math module's training run from the sheet's first row. */
function findDrift(ctx: SheetContext, paramRows: readonly Params[], lr: number): Drift | undefined {
  const start = paramRows[0];
  if (!start || !Number.isFinite(lr) || paramRows.length < 2) return undefined;
  const run = train({ ...start, lr }, paramRows.length);
  for (let i = 1; i < paramRows.length; i++) {
    const got = paramRows[i] as Params;
    const want = run[i] as Snapshot;
    const off = WEIGHT_NAMES.find((w) => !matches(got[w], want[w]));
    if (off) {
      const lastGot = evaluate(paramRows.at(-1) as Params).E_total;
      const lastWant = (run.at(-1) as Snapshot).E_total;
      return {
        fromRow: ctx.rows[i] as number,
        toRow: ctx.rows[paramRows.length - 1] as number,
        lastFound: lastGot,
        lastExpected: lastWant,
        column: columnLetters(colOf(ctx, off) ?? 0),
      };
    }
  }
  return undefined;
}

/** The verdict on every sheet of a workbook. */
export function checkSheets(sheets: readonly ReadSheet[]): SheetResult[] {
  return sheets.map((sheet) => checkSheet(sheet, sheets));
}

/** The text of a cell for messages. */
export { cellText };
