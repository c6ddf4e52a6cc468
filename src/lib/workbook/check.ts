/**
 * Checks a student's assignment workbook against the math module. What
 * happens to a file, stage by stage, each in its own module:
 *
 * 1. read the workbook: cached values and formula text (`../xlsx/read.ts`);
 * 2. find each sheet's epoch table: header, columns, epoch rows, learning-rate cell (`table.ts`);
 * 3. recompute every row from its own inputs, targets and weights, and compare (`recompute.ts`);
 * 4. classify each column's first disagreement: its own mistake, named by the
 *    rules in `../mistakes/`, or inherited from another wrong cell (`classify.ts`);
 * 5. follow what the disagreement spreads to: later rows, drifting weights (`spread.ts`);
 * 6. write the report (`report.ts`).
 */
import { classifyColumns, outOfDateCell } from './classify';
import type { SheetResult } from './result';
import { recomputeRows } from './recompute';
import { followSpread } from './spread';
import { epochCountNote, findEpochTable } from './table';
import { cellText, type ReadSheet } from '../xlsx/read';

export { RELATIVE_TOLERANCE, agreeingDigits, matches, writtenDigits } from '../mistakes/compare';
export { findHeader } from './table';
export type { ColumnResult, Drift, FirstWrong, LearningRate, Mistake, MistakeId, SheetResult } from './result';

/** Checks one sheet (stages 2 to 5); sheets without an epoch table get a status and a message instead. */
export function checkSheet(sheet: ReadSheet, all: readonly ReadSheet[] = [sheet]): SheetResult {
  const base = { name: sheet.name, rowsChecked: 0, columns: [], mistakes: [], problems: [], notes: [], clean: false } as const;
  const table = findEpochTable(sheet, all);
  if ('status' in table) return { ...base, ...table };
  const rows = recomputeRows(table);
  const judged = classifyColumns(table, rows);
  const spread = followSpread(table, rows, judged.columns);
  const clean = spread.columns.every((c) => c.status === 'match') && judged.mistakes.length === 0 && rows.problems.length === 0;
  const outOfDate = clean ? undefined : outOfDateCell(table, rows, judged.columns);
  return {
    ...base,
    status: 'checked',
    headerRow: table.header.row,
    firstRow: table.rows[0] as number,
    lastRow: table.rows[rows.rowsChecked - 1] ?? (table.rows[0] as number),
    rowsChecked: rows.rowsChecked,
    ...(table.lr ? { lr: table.lr } : {}),
    columns: spread.columns,
    mistakes: judged.mistakes,
    ...(spread.drift ? { drift: spread.drift } : {}),
    ...(outOfDate ? { outOfDate } : {}),
    problems: rows.problems,
    notes: [...table.notes, ...judged.notes, ...epochCountNote(table)],
    clean,
  };
}

/** The verdict on every sheet of a workbook. */
export function checkSheets(sheets: readonly ReadSheet[]): SheetResult[] {
  return sheets.map((sheet) => checkSheet(sheet, sheets));
}

/** The text of a cell for messages. */
export { cellText };
