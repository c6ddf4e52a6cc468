/**
 * The assignment's workbook for any parameters: one tab per learning rate
 * (the article's six plus the reader's own), one row per epoch with real
 * formulas whose cached values are the math module's numbers, the learning
 * rate in one labelled absolute cell and a loss-vs-epoch chart beside the
 * table, and a tab of E_total per epoch for every rate with a chart of all
 * of them. Also the CSV of one rate's table.
 */
import {
  ARTICLE_EPOCHS,
  ARTICLE_LEARNING_RATES,
  isWeight,
  train,
  type Params,
  type QuantityName,
  type Snapshot,
} from '../backprop';
import { columnLetters } from '../xlsx/cells';
import { DEFINITIONS, plainName, updateOf } from '../quantities/definitions';
import { printFormula, type PrintContext } from './formulas';
import { quoteSheet, writeXlsx, type CellModel, type SheetModel, type WorkbookModel } from '../xlsx/write';

/** The quantities of one epoch row, in the assignment's column order (column B onward; A holds the epoch). */
export const EXPORT_COLUMNS: readonly QuantityName[] = [
  't1', 't2', 'i1', 'i2', 'w1', 'w2', 'w3', 'w4',
  'h1', 'a_h1', 'h2', 'a_h2', 'w5', 'w6', 'w7', 'w8',
  'o1', 'a_o1', 'o2', 'a_o2', 'E1', 'E2', 'E_total',
  'dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8',
];

/** Where things sit on every learning-rate tab. */
export const EXPORT_LAYOUT = Object.freeze({
  /** The one cell holding the learning rate (the formulas use it as `$B$1`). */
  lrCell: 'B1',
  lrAbsolute: '$B$1',
  headerRow: 3,
  firstDataRow: 4,
  /** 0-based column of the epoch number. */
  epochColumn: 0,
});

/** The name of the summary tab. */
export const SUMMARY_SHEET = 'E_total by LR';

/** The column letter a quantity has in the export. */
export function exportColumn(name: QuantityName): string {
  const i = EXPORT_COLUMNS.indexOf(name);
  return i < 0 ? '' : columnLetters(i + 1);
}

/** The learning rates that get a tab: the article's six, plus the reader's own if different. */
export function exportRates(lr: number): number[] {
  const rates: number[] = [...ARTICLE_LEARNING_RATES];
  if (!rates.includes(lr)) rates.push(lr);
  return rates.sort((a, b) => a - b);
}

/** A tab name for a learning rate, marking the reader's own rate when it is not one of the article's. */
export function rateSheetName(lr: number): string {
  const own = !(ARTICLE_LEARNING_RATES as readonly number[]).includes(lr);
  const name = `LR ${String(lr)}${own ? ' (yours)' : ''}`;
  // Sheet names are limited to 31 characters.
  return name.length <= 31 ? name : 'LR (yours)';
}

/** The print context for one data row of a rate tab: every exported quantity has a column. */
export function exportContext(row: number): PrintContext {
  return {
    lr: EXPORT_LAYOUT.lrAbsolute,
    ref(name, prev) {
      const col = exportColumn(name);
      return col ? `${col}${prev ? row - 1 : row}` : null;
    },
  };
}

function text(value: string, style: CellModel['style'] = 'plain'): CellModel {
  return { value, style };
}

/** One learning-rate tab: formulas for every epoch row, cached values from the math module. */
export function rateSheet(lr: number, run: readonly Snapshot[]): SheetModel {
  const cells = new Map<string, CellModel>();
  const { headerRow, firstDataRow } = EXPORT_LAYOUT;
  cells.set('A1', text('Learning rate (LR)', 'bold'));
  cells.set(EXPORT_LAYOUT.lrCell, { value: lr, style: 'input' });
  cells.set('C1', text('← the one learning-rate cell: every weight update below uses it as $B$1; change it and the whole tab retrains.'));
  cells.set(
    'A2',
    text(
      `Row ${firstDataRow} is epoch 1 (the starting values). Each later row: weight = weight above − LR × ∂E/∂w above. Inputs i1, i2 and targets t1, t2 are set in row ${firstDataRow}.`,
    ),
  );
  cells.set(`A${headerRow}`, text('epoch', 'bold'));
  EXPORT_COLUMNS.forEach((name) => cells.set(`${exportColumn(name)}${headerRow}`, text(plainName(name), 'bold')));

  run.forEach((snapshot, index) => {
    const row = firstDataRow + index;
    const ctx = exportContext(row);
    cells.set(`A${row}`, index === 0 ? { value: 1 } : { value: index + 1, formula: `A${row - 1}+1` });
    for (const name of EXPORT_COLUMNS) {
      const ref = `${exportColumn(name)}${row}`;
      const value = snapshot[name];
      if (name === 't1' || name === 't2' || name === 'i1' || name === 'i2') {
        cells.set(ref, index === 0 ? { value, style: 'input' } : { value, formula: `${exportColumn(name)}${row - 1}` });
      } else if (isWeight(name)) {
        cells.set(ref, index === 0 ? { value, style: 'input' } : { value, formula: printFormula(updateOf(name), ctx) });
      } else {
        cells.set(ref, { value, formula: printFormula(DEFINITIONS[name as keyof typeof DEFINITIONS], ctx) });
      }
    }
  });
  const widths: Record<number, number> = { 0: 7 };
  EXPORT_COLUMNS.forEach((_, i) => (widths[i + 1] = 20));
  const lastRow = firstDataRow + run.length - 1;
  const eCol = exportColumn('E_total');
  // The assignment's loss-vs-epoch chart, beside the table (one column of space after ∂E/∂w8).
  const chartCol = EXPORT_COLUMNS.length + 2;
  return {
    name: rateSheetName(lr),
    cells,
    widths,
    frozenRows: headerRow,
    chart: {
      title: `E_total per epoch at LR ${String(lr)}`,
      xTitle: 'epoch',
      yTitle: 'E_total (log scale)',
      logY: true,
      xRange: `A${firstDataRow}:A${lastRow}`,
      xMax: run.length,
      series: [{ nameCell: `${eCol}${headerRow}`, range: `${eCol}${firstDataRow}:${eCol}${lastRow}` }],
      from: `${columnLetters(chartCol)}${headerRow}`,
      to: `${columnLetters(chartCol + 5)}${headerRow + 24}`,
    },
  };
}

/** The summary tab: E_total per epoch for every rate, each a formula into that rate's tab. */
export function summarySheet(rates: readonly number[], runs: readonly (readonly Snapshot[])[]): SheetModel {
  const cells = new Map<string, CellModel>();
  const { headerRow, firstDataRow } = EXPORT_LAYOUT;
  const epochs = runs[0]?.length ?? 0;
  const lastRow = firstDataRow + epochs - 1;
  const eCol = exportColumn('E_total');
  cells.set('A1', text('E_total per epoch for each learning rate (each column reads its tab’s E_total column)', 'bold'));
  cells.set(`A${headerRow}`, text('epoch', 'bold'));
  rates.forEach((lr, i) => cells.set(`${columnLetters(i + 1)}${headerRow}`, text(rateSheetName(lr), 'bold')));
  for (let e = 0; e < epochs; e++) {
    const row = firstDataRow + e;
    cells.set(`A${row}`, e === 0 ? { value: 1 } : { value: e + 1, formula: `A${row - 1}+1` });
    rates.forEach((lr, i) => {
      const value = runs[i]?.[e]?.E_total ?? Number.NaN;
      cells.set(`${columnLetters(i + 1)}${row}`, { value, formula: `${quoteSheet(rateSheetName(lr))}!${eCol}${row}` });
    });
  }
  const widths: Record<number, number> = { 0: 7 };
  rates.forEach((_, i) => (widths[i + 1] = 22));
  return {
    name: SUMMARY_SHEET,
    cells,
    widths,
    frozenRows: headerRow,
    chart: {
      title: 'E_total per epoch',
      xTitle: 'epoch',
      yTitle: 'E_total (log scale)',
      logY: true,
      xRange: `A${firstDataRow}:A${lastRow}`,
      xMax: epochs,
      series: rates.map((_, i) => {
        const col = columnLetters(i + 1);
        return { nameCell: `${col}${headerRow}`, range: `${col}${firstDataRow}:${col}${lastRow}` };
      }),
      from: `${columnLetters(rates.length + 2)}${headerRow}`,
      to: `${columnLetters(rates.length + 14)}${headerRow + 28}`,
    },
  };
}

/** The whole workbook model for the reader's parameters (the reader's own rate's tab is shown first). */
export function buildWorkbookModel(params: Params, epochs: number = ARTICLE_EPOCHS): WorkbookModel {
  const rates = exportRates(params.lr);
  const runs = rates.map((lr) => train({ ...params, lr }, epochs));
  const sheets = rates.map((lr, i) => rateSheet(lr, runs[i] ?? []));
  sheets.push(summarySheet(rates, runs));
  return { sheets, activeSheet: Math.max(0, rates.indexOf(params.lr)) };
}

/** The .xlsx bytes of the workbook for the reader's parameters. */
export function exportWorkbook(params: Params, epochs: number = ARTICLE_EPOCHS): Uint8Array {
  return writeXlsx(buildWorkbookModel(params, epochs));
}

/** The CSV text (RFC 4180, CRLF) of the reader's own rate: one row per epoch, full precision. */
export function exportCsv(params: Params, epochs: number = ARTICLE_EPOCHS): string {
  const run = train(params, epochs);
  const head = ['epoch', ...EXPORT_COLUMNS.map((name) => plainName(name).replace(/∂/g, 'd')), 'lr'];
  const lines = [head.join(',')];
  run.forEach((s, i) => lines.push([String(i + 1), ...EXPORT_COLUMNS.map((name) => String(s[name])), String(params.lr)].join(',')));
  return `${lines.join('\r\n')}\r\n`;
}

/** File names for the downloads, carrying the learning rate. */
export function exportFileName(params: Params, kind: 'xlsx' | 'csv'): string {
  return `backprop-${kind === 'xlsx' ? 'workbook' : 'epochs'}-lr${String(params.lr)}.${kind}`;
}
