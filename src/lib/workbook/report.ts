/**
 * The checker's verdict in plain words, as a small document of headings,
 * paragraphs, lists and tables. The page renders it as text (never as HTML),
 * so nothing from a student's file can become markup.
 */
import { formatExact, formatTruncated, type QuantityName } from '../backprop';
import type { ColumnResult, Mistake, SheetResult } from './check';
import { headerLabel } from './export';

/** A table cell: plain text, or a formula shown as code. */
export type ReportCell = string | { readonly code: string };

/** One block of the report. */
export type Block =
  | { readonly t: 'h3' | 'h4'; readonly text: string }
  | { readonly t: 'p'; readonly text: string; readonly tone?: 'good' | 'bad' }
  | { readonly t: 'ul'; readonly items: readonly string[] }
  | { readonly t: 'table'; readonly caption: string; readonly head: readonly string[]; readonly rows: readonly (readonly ReportCell[])[] };

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function names(columns: readonly QuantityName[]): string {
  return list(columns.map(headerLabel));
}

/** A short title for each named mistake. */
export const MISTAKE_TITLES: Readonly<Record<Mistake['id'], string>> = {
  'slope-a-h1': '∂E/∂w3 and ∂E/∂w4 use a_h1’s slope instead of a_h2’s',
  't1-for-t2': 't1 used where t2 belongs',
  't1-for-t2-hidden': 't1 used where t2 belongs (hidden here because t1 = t2)',
  'e2-uses-a-o1': 'E2 computed with a_o1',
  'updated-w5-w8': 'Hidden-layer gradients use the already-updated w5 … w8',
  'lr-relative': 'The learning-rate reference drifts down the rows',
  'plus-not-minus': 'Weights updated with + instead of −',
  unrecognised: 'A wrong value the checker cannot name',
};

/** The few words a table cell uses for each mistake (the paragraphs above the table explain it). */
export const MISTAKE_SHORT: Readonly<Record<Mistake['id'], string>> = {
  'slope-a-h1': 'uses a_h1’s slope',
  't1-for-t2': 'uses t1 for t2',
  't1-for-t2-hidden': 'reads t1 for t2',
  'e2-uses-a-o1': 'uses a_o1',
  'updated-w5-w8': 'uses updated w5…w8',
  'lr-relative': 'learning rate drifts',
  'plus-not-minus': '+ instead of −',
  unrecognised: 'unrecognised mistake',
};

/** The plain-words explanation of a mistake as it appears in one sheet. */
export function explainMistake(m: Mistake, sheet: SheetResult): string {
  const cells = list([...m.cells]);
  const column = (name: QuantityName): ColumnResult | undefined => sheet.columns.find((c) => c.name === name);
  switch (m.id) {
    case 'slope-a-h1': {
      const digits = Math.min(...m.columns.map((q) => column(q)?.first?.agreeingDigits ?? 0));
      return (
        `w3 and w4 feed h2, so the chain rule goes through the second hidden neuron: ∂E/∂w3 = ∂E/∂a_h2 · a_h2·(1−a_h2) · i1 (and i2 for w4). ` +
        `${cells} multiply by a_h1·(1−a_h1) instead. Both hidden neurons sit close to 0.5, so the two slopes are nearly equal` +
        (digits > 0 ? ` and the values still agree to ${digits} significant digit${digits === 1 ? '' : 's'}` : '') +
        ': easy to miss, but every update of w3 and w4 is off.'
      );
    }
    case 't1-for-t2':
      return (
        `The second output’s error is a_o2 − t2; it starts ∂E/∂w7, ∂E/∂w8 and the second output’s share of ∂E/∂w1 … ∂E/∂w4. ` +
        `${cells} (${names(m.columns)}) use a_o2 − t1 instead, which only gives the right number when t1 = t2.`
      );
    case 't1-for-t2-hidden':
      return (
        `${cells} (${names(m.columns)}) read t1 where the second output’s target t2 belongs. ` +
        `In this sheet t1 = t2 = ${m.facts['t'] ?? ''}, so every number still comes out right; set the targets apart and these cells go wrong. ` +
        'Point the formula at the t2 column.'
      );
    case 'e2-uses-a-o1':
      return (
        `E2 is the second output’s error, ½(t2 − a_o2)². ${cells} use a_o1, the first output (the article’s text has the same slip), ` +
        'so E2 and E_total are off. The gradients do not read E2’s cell, so they can still be right.'
      );
    case 'updated-w5-w8':
      return (
        `∂E/∂w1 … ∂E/∂w4 carry the output errors back through w5 … w8 as they were in this epoch — the weights that produced this row’s outputs. ` +
        `${cells} (${names(m.columns)}) use the updated weights (w − LR × ∂E/∂w, the next row’s values) instead. ` +
        'Take all eight gradients at the same, old weights; only then update.'
      );
    case 'lr-relative':
      if (m.facts['now'] !== undefined) {
        return (
          `The first weight update reads the learning rate from ${m.facts['then']}, but ${cells} read${m.cells.length === 1 ? 's' : ''} it from ${m.facts['now']} ` +
          `(which holds ${m.facts['nowValue']}): the reference was relative, so filling the formula down moved it. ` +
          `Write it as ${m.facts['absolute']} so every row uses the one learning-rate cell.`
        );
      }
      return (
        `From ${cells} the weights change as if the learning rate were ${m.facts['implied']} instead of ${m.facts['lr']}. ` +
        'That is what a relative learning-rate reference does once the formula is filled down: make it absolute (with $ signs) so every row uses the same cell.'
      );
    case 'plus-not-minus':
      return (
        `Gradient descent steps against the gradient: next w = w − LR × ∂E/∂w. ${cells} add LR × ∂E/∂w instead, ` +
        'so each step goes uphill and E_total grows instead of shrinking.'
      );
    case 'unrecognised':
      return `${cells}: the value differs from the correct one and matches none of the common mistakes. Compare the formula there with the one in the table below.`;
  }
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
  const named = sheet.mistakes.filter((m) => m.id !== 'unrecognised');
  const unnamed = sheet.mistakes.filter((m) => m.id === 'unrecognised');
  for (const m of [...named, ...unnamed]) {
    blocks.push({ t: 'p', tone: 'bad', text: `${MISTAKE_TITLES[m.id]} (first in ${list([...m.cells])}).` });
    blocks.push({ t: 'p', text: explainMistake(m, sheet) });
  }
  if (sheet.drift && !sheet.clean) {
    const d = sheet.drift;
    blocks.push({
      t: 'p',
      text:
        `Rows ${d.fromRow}–${d.toRow} inherit the error: from row ${d.fromRow} the weights (first column ${d.column}) come from wrong updates, so they drift away from the correct run. ` +
        `By row ${d.toRow} your weights give E_total = ${formatExact(d.lastFound)}, where the correct run reaches ${formatExact(d.lastExpected)}.`,
    });
  } else if (!sheet.clean && sheet.mistakes.length > 0) {
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
