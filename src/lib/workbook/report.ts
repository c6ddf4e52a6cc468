/**
 * The checker's verdict in plain words, as a small document of headings,
 * paragraphs, lists and tables. The page renders it as text (never as HTML),
 * so nothing from a student's file can become markup.
 */
import { formatExact, formatTruncated, type QuantityName } from '../backprop';
import { MISTAKES, wordingOf, type MistakeId, type Wording } from '../mistakes';
import { list } from '../mistakes/words';
import type { ColumnResult, Mistake, SheetResult } from './result';

/** A table cell: plain text, or a formula shown as code. */
export type ReportCell = string | { readonly code: string };

/** One block of the report. */
export type Block =
  | { readonly t: 'h3' | 'h4'; readonly text: string }
  | { readonly t: 'p'; readonly text: string; readonly tone?: 'good' | 'bad' }
  | { readonly t: 'ul'; readonly items: readonly string[] }
  | { readonly t: 'table'; readonly caption: string; readonly head: readonly string[]; readonly rows: readonly (readonly ReportCell[])[] };

/** A short title for each named mistake. */
export const MISTAKE_TITLES: Readonly<Record<MistakeId, string>> = wordsById((w) => w.title);

/** The few words a table cell uses for each mistake (the paragraphs above the table explain it). */
export const MISTAKE_SHORT: Readonly<Record<MistakeId, string>> = wordsById((w) => w.short);

function wordsById(pick: (wording: Wording) => string): Record<MistakeId, string> {
  const ids: MistakeId[] = [...MISTAKES.map((rule) => rule.id), 'unrecognised'];
  return Object.fromEntries(ids.map((id) => [id, pick(wordingOf(id))])) as Record<MistakeId, string>;
}

/** The plain-words explanation of a mistake as it appears in one sheet. */
export function explainMistake(m: Mistake, sheet: SheetResult): string {
  const agreeing = (name: QuantityName) => sheet.columns.find((c) => c.name === name)?.first?.agreeingDigits ?? 0;
  return wordingOf(m.id).explain(m, { agreeingDigits: agreeing });
}

/** Twelve significant digits: every flagged difference (over 1 in 10⁹) shows, without 17-digit noise. */
function number(x: number | undefined): string {
  return x === undefined ? '—' : formatTruncated(x, 12);
}

function resultText(c: ColumnResult): string {
  if (c.checked === 0) return 'not checked';
  if (c.status === 'match') return `matches, ${c.matched}/${c.checked} rows`;
  if (c.status === 'inherits') return `right formula, inherits from ${c.inheritsFrom ?? 'another cell'}`;
  const agree = c.first && c.first.agreeingDigits > 0 ? ` (${c.first.agreeingDigits} digits agree)` : '';
  return `wrong: ${MISTAKE_SHORT[c.mistake ?? 'unrecognised']}${agree}`;
}

function laterText(c: ColumnResult, sheet: SheetResult): string {
  if (!c.first) return '';
  const after = (sheet.lastRow ?? c.first.row) - c.first.row;
  if (after <= 0) return 'last row';
  if (c.laterWrong === after) return `all ${after} wrong too`;
  if (c.laterWrong === 0) return 'all match';
  return `${c.laterWrong} of ${after} wrong too`;
}

/** Whether the sheet's stored values are older than its cells: edited and saved without recalculating. */
export function needsRecalculating(sheet: SheetResult): boolean {
  return sheet.outOfDate !== undefined || sheet.drift?.backOnRun !== undefined;
}

const RECALCULATE = 'Recalculate it in your spreadsheet program (Excel: Ctrl+Alt+F9; LibreOffice: Data ▸ Calculate ▸ Recalculate Hard), save it, and check it again.';

/** Why the sheet needs recalculating, in words. */
function recalculateText(sheet: SheetResult): string {
  const why = sheet.outOfDate
    ? `${sheet.outOfDate} holds a value that its own formula, the right one, does not give from the cells it reads`
    : `the weights leave the correct run at row ${sheet.drift?.fromRow ?? '?'} and are back on it at row ${sheet.drift?.backOnRun ?? '?'}, which real updates cannot do`;
  return `This workbook needs recalculating: it was saved after an edit without being recalculated, so its stored values are out of date (${why}). ${RECALCULATE} Until then the comparisons below are of out-of-date values.`;
}

/** The report for one sheet. */
export function sheetBlocks(sheet: SheetResult): Block[] {
  const blocks: Block[] = [{ t: 'h4', text: `Sheet “${sheet.name}”` }];
  if (sheet.status !== 'checked') {
    blocks.push({ t: 'p', text: `${sheet.message ?? 'Not checked.'} This sheet was not checked.` });
    return blocks;
  }
  const lr = sheet.lr ? `, learning rate ${formatExact(sheet.lr.value)}${sheet.lr.cell ? ` (${sheet.lr.cell})` : ''}` : '';
  blocks.push({
    t: 'p',
    text: `Header in row ${sheet.headerRow}; ${sheet.rowsChecked} epoch row${sheet.rowsChecked === 1 ? '' : 's'} checked (rows ${sheet.firstRow}–${sheet.lastRow})${lr}. Each row was recomputed from its own inputs, targets and weights.`,
  });
  if (sheet.clean) {
    blocks.push({ t: 'p', tone: 'good', text: 'Every checked cell matches the tutorial’s math (to nine significant digits or better). No mistakes found.' });
  }
  const stale = needsRecalculating(sheet);
  if (stale) blocks.push({ t: 'p', tone: 'bad', text: recalculateText(sheet) });
  const named = sheet.mistakes.filter((m) => m.id !== 'unrecognised');
  const unnamed = sheet.mistakes.filter((m) => m.id === 'unrecognised');
  for (const m of [...named, ...unnamed]) {
    blocks.push({ t: 'p', tone: 'bad', text: `${MISTAKE_TITLES[m.id]} (first in ${list([...m.cells])}).` });
    blocks.push({ t: 'p', text: explainMistake(m, sheet) });
  }
  if (sheet.drift && !sheet.clean && !stale) {
    const d = sheet.drift;
    blocks.push({
      t: 'p',
      text:
        `Rows ${d.fromRow}–${d.toRow} inherit the error: from row ${d.fromRow} the weights (first column ${d.column}) come from wrong updates, so they drift away from the correct run. ` +
        `By row ${d.toRow} your weights give E_total = ${formatExact(d.lastFound)}, where the correct run reaches ${formatExact(d.lastExpected)}.`,
    });
  } else if (!sheet.clean && !stale && sheet.mistakes.length > 0) {
    blocks.push({ t: 'p', text: 'The weights still follow the correct run, so no later row inherits these errors through the updates.' });
  }
  if (sheet.problems.length > 0) blocks.push({ t: 'ul', items: sheet.problems });
  if (sheet.notes.length > 0) blocks.push({ t: 'ul', items: sheet.notes });
  blocks.push({
    t: 'table',
    caption: `Column by column, sheet “${sheet.name}”`,
    head: ['Column', 'Result', 'First wrong cell', 'Expected', 'Found', 'Formula that belongs there', 'Rows after it'],
    rows: sheet.columns.map((c) => [
      `${c.header} (${c.letter})`,
      resultText(c),
      c.first?.cell ?? '',
      c.first ? number(c.first.expected) : '',
      c.first ? (c.first.foundValue === undefined ? c.first.found : number(c.first.foundValue)) : '',
      c.first && c.status === 'wrong' ? { code: `=${c.first.formula}` } : '',
      c.status === 'match' ? '' : laterText(c, sheet),
    ]),
  });
  return blocks;
}

/** One sentence for the status line (announced politely to screen readers). */
export function summarise(fileName: string, sheets: readonly SheetResult[]): string {
  const checked = sheets.filter((s) => s.status === 'checked');
  if (checked.length === 0) {
    return `No sheet of “${fileName}” has an epoch table: the checker looks for a header row naming t1, t2, i1, i2, w1 … w8, h1, a_h1, …, E_total, ∂E/∂w1 ….`;
  }
  const mistakes = checked.flatMap((s) => s.mistakes);
  const problems = checked.flatMap((s) => s.problems);
  const sheetsText = `${checked.length} sheet${checked.length === 1 ? '' : 's'}`;
  if (mistakes.length === 0 && problems.length === 0 && checked.every((s) => s.clean)) {
    return `Checked “${fileName}” (${sheetsText}): every checked cell matches.`;
  }
  const stale = checked.find(needsRecalculating);
  if (stale) {
    const where = stale.outOfDate ? ` (${stale.outOfDate} is out of date)` : '';
    return `Checked “${fileName}” (${sheetsText}): the workbook needs recalculating${where}. ${RECALCULATE}`;
  }
  const firstCells = checked.flatMap((s) => s.columns.filter((c) => c.status === 'wrong').map((c) => c.first?.cell ?? '')).filter(Boolean);
  const named = [...new Set(mistakes.map((m) => MISTAKE_TITLES[m.id]))];
  return (
    `Checked “${fileName}” (${sheetsText}): ` +
    (named.length > 0 ? `${named.join('; ')}.` : 'some cells could not be read.') +
    (firstCells.length > 0 ? ` First wrong cell: ${firstCells[0]}.` : '') +
    (problems.length > 0 ? ` ${problems[0]}` : '')
  );
}

/** The whole report: a heading, the summary, then each sheet. */
export function reportBlocks(fileName: string, sheets: readonly SheetResult[]): Block[] {
  // The summary sentence is the status line above the report; it is not repeated here.
  const blocks: Block[] = [{ t: 'h3', text: `Report for “${fileName}”` }];
  for (const sheet of sheets) blocks.push(...sheetBlocks(sheet));
  return blocks;
}
