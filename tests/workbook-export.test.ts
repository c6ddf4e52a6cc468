import { describe, expect, it, vi } from 'vitest';
import {
  ARTICLE_EPOCHS,
  ARTICLE_LEARNING_RATES,
  ARTICLE_PARAMS,
  train,
  type Params,
  type QuantityName,
} from '../src/lib/backprop';
import { columnIndex, formulaRefs } from '../src/lib/workbook/cells';
import {
  EXPORT_COLUMNS,
  EXPORT_LAYOUT,
  SUMMARY_SHEET,
  exportColumn,
  exportCsv,
  exportRates,
  exportWorkbook,
  headerLabel,
  rateSheetName,
} from '../src/lib/workbook/export';
import { cellAt, readXlsx, type ReadSheet } from '../src/lib/workbook/xlsx-read';
import { recalculate } from './support/workbook-hf';

// Whole 300-epoch workbooks recalculated by HyperFormula take seconds, more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const PARAM_SETS: { label: string; params: Params }[] = [
  { label: "the article's values", params: ARTICLE_PARAMS },
  { label: 't1 ≠ t2 and a rate of the reader’s own', params: { ...ARTICLE_PARAMS, t1: 0.01, t2: 0.99, lr: 0.35 } },
  { label: 'other inputs and weights at lr 2', params: { ...ARTICLE_PARAMS, i1: 0.9, i2: -0.3, w1: -0.7, w4: 1.2, w6: -0.1, w8: 0.05, lr: 2 } },
];

function relativeError(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

function sheetNamed(sheets: readonly ReadSheet[], name: string): ReadSheet {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet named ${name}`);
  return sheet;
}

function read(params: Params): ReadSheet[] {
  const result = readXlsx(exportWorkbook(params));
  if (!result.ok) throw new Error(result.problem.message);
  return result.sheets;
}

describe('workbook export', () => {
  for (const { label, params } of PARAM_SETS) {
    describe(label, () => {
      const sheets = read(params);
      const rates = exportRates(params.lr);
      const runs = new Map(rates.map((lr) => [lr, train({ ...params, lr }, ARTICLE_EPOCHS)]));

      it('has one tab per learning rate (plus the reader’s own) and a summary tab', () => {
        const expected = [...ARTICLE_LEARNING_RATES].map((lr) => `LR ${lr}`);
        if (!(ARTICLE_LEARNING_RATES as readonly number[]).includes(params.lr)) expected.push(`LR ${params.lr} (yours)`);
        expect(sheets.map((s) => s.name).sort()).toEqual([...expected, SUMMARY_SHEET].sort());
      });

      it('caches exactly the math module’s numbers in every cell, 300 epoch rows per tab', () => {
        for (const lr of rates) {
          const sheet = sheetNamed(sheets, rateSheetName(lr));
          const run = runs.get(lr) ?? [];
          expect(run).toHaveLength(ARTICLE_EPOCHS);
          expect(cellAt(sheet, 1, 1)?.value).toBe(lr);
          expect(String(cellAt(sheet, 0, 1)?.value)).toMatch(/learning rate/i);
          EXPORT_COLUMNS.forEach((name) => {
            expect(cellAt(sheet, columnIndex(exportColumn(name)), EXPORT_LAYOUT.headerRow)?.value).toBe(headerLabel(name));
          });
          run.forEach((snapshot, i) => {
            const row = EXPORT_LAYOUT.firstDataRow + i;
            expect(cellAt(sheet, 0, row)?.value).toBe(i + 1);
            for (const name of EXPORT_COLUMNS) {
              const cell = cellAt(sheet, columnIndex(exportColumn(name)), row);
              expect(cell?.value, `${name} row ${row}`).toBe(snapshot[name]);
            }
          });
          expect(cellAt(sheet, 1, EXPORT_LAYOUT.firstDataRow + ARTICLE_EPOCHS)).toBeUndefined();
        }
      });

      it('writes real formulas, and every weight update uses the one absolute LR cell', () => {
        const sheet = sheetNamed(sheets, rateSheetName(params.lr));
        for (let row = EXPORT_LAYOUT.firstDataRow; row < EXPORT_LAYOUT.firstDataRow + ARTICLE_EPOCHS; row++) {
          for (const name of EXPORT_COLUMNS) {
            const cell = cellAt(sheet, columnIndex(exportColumn(name)), row);
            const isStart = row === EXPORT_LAYOUT.firstDataRow && ['t1', 't2', 'i1', 'i2', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'].includes(name);
            expect(cell?.formula === undefined, `${name} row ${row}`).toBe(isStart);
            if (/^w[1-8]$/.test(name) && !isStart) {
              const refs = formulaRefs(cell?.formula ?? '');
              const lrRefs = refs.filter((r) => r.col === 1 && r.row === 1);
              expect(lrRefs, `${name} row ${row}`).toHaveLength(1);
              expect(lrRefs[0]?.colAbsolute && lrRefs[0]?.rowAbsolute).toBe(true);
              expect(cell?.formula).toMatch(/^[A-Z]+\d+-\$B\$1\*[A-Z]+\d+$/);
            }
          }
        }
        // The hidden-layer gradients read this row's w5..w8 (the weights before the update).
        const row = EXPORT_LAYOUT.firstDataRow + 1;
        const dw1 = cellAt(sheet, columnIndex(exportColumn('dE_dw1')), row)?.formula ?? '';
        const referenced = new Set(formulaRefs(dw1).map((r) => `${r.col}:${r.row}`));
        expect(referenced.has(`${columnIndex(exportColumn('w5'))}:${row}`)).toBe(true);
        expect(referenced.has(`${columnIndex(exportColumn('w7'))}:${row}`)).toBe(true);
        expect([...referenced].every((key) => key.endsWith(`:${row}`))).toBe(true);
      });

      it('recalculates in HyperFormula to the math module’s numbers (relative error ≤ 1e-12)', () => {
        const hf = recalculate(sheets);
        try {
          let worst = 0;
          let compared = 0;
          for (const lr of rates) {
            const name = rateSheetName(lr);
            (runs.get(lr) ?? []).forEach((snapshot, i) => {
              const row = EXPORT_LAYOUT.firstDataRow + i;
              for (const q of EXPORT_COLUMNS) {
                const got = hf.value(name, columnIndex(exportColumn(q)), row);
                expect(typeof got, `${name} ${q} row ${row}`).toBe('number');
                const err = relativeError(got as number, snapshot[q as QuantityName]);
                worst = Math.max(worst, err);
                compared++;
                if (err > 1e-12) expect.fail(`${name}!${exportColumn(q)}${row}: ${String(got)} vs ${snapshot[q]}`);
              }
              const e = hf.value(SUMMARY_SHEET, rates.indexOf(lr) + 1, row);
              expect(relativeError(e as number, snapshot.E_total)).toBeLessThanOrEqual(1e-12);
            });
          }
          expect(compared).toBe(rates.length * ARTICLE_EPOCHS * EXPORT_COLUMNS.length);
          expect(worst).toBeLessThanOrEqual(1e-12);
        } finally {
          hf.destroy();
        }
      });
    });
  }

  it('retrains the whole tab when the one LR cell changes', async () => {
    const { HyperFormula } = await import('hyperformula');
    const sheets = read(ARTICLE_PARAMS);
    const sheet = sheetNamed(sheets, rateSheetName(0.1));
    const grid: (string | number | null)[][] = [];
    for (const [row, cells] of sheet.rows) {
      const line = (grid[row - 1] ??= []);
      for (const [col, cell] of cells) line[col] = cell.formula !== undefined ? `=${cell.formula}` : (cell.value as number | string);
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    const hf = HyperFormula.buildFromSheets({ tab: grid }, { licenseKey: 'gpl-v3', smartRounding: false });
    try {
      hf.setCellContents({ sheet: 0, col: 1, row: 0 }, 0.8);
      const last = EXPORT_LAYOUT.firstDataRow + ARTICLE_EPOCHS - 1;
      const got = hf.getCellValue({ sheet: 0, col: columnIndex(exportColumn('E_total')), row: last - 1 }) as number;
      const expected = train({ ...ARTICLE_PARAMS, lr: 0.8 }, ARTICLE_EPOCHS).at(-1)?.E_total ?? Number.NaN;
      expect(relativeError(got, expected)).toBeLessThanOrEqual(1e-12);
    } finally {
      hf.destroy();
    }
  });

  it('starts from the article’s reference values', () => {
    const sheet = sheetNamed(read(ARTICLE_PARAMS), rateSheetName(0.1));
    const at = (name: QuantityName, row: number) => cellAt(sheet, columnIndex(exportColumn(name)), row)?.value as number;
    const first = EXPORT_LAYOUT.firstDataRow;
    expect(String(at('a_o1', first))).toMatch(/^0\.6064/);
    expect(String(at('o2', first))).toMatch(/^0\.5342/);
    expect(String(at('E_total', first))).toMatch(/^0\.01418/);
    expect(String(at('E_total', first + 1))).toMatch(/^0\.01410/);
  });

  it('writes the current rate as CSV with every digit', () => {
    const params = { ...ARTICLE_PARAMS, t2: 0.7, lr: 0.5 };
    const csv = exportCsv(params);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(ARTICLE_EPOCHS + 1);
    const head = lines[0]?.split(',') ?? [];
    expect(head[0]).toBe('epoch');
    expect(head).toContain('dE/dw3');
    expect(head.at(-1)).toBe('lr');
    const run = train(params, ARTICLE_EPOCHS);
    lines.slice(1).forEach((line, i) => {
      const fields = line.split(',').map(Number);
      expect(fields[0]).toBe(i + 1);
      EXPORT_COLUMNS.forEach((name, j) => expect(fields[j + 1]).toBe(run[i]?.[name]));
      expect(fields.at(-1)).toBe(0.5);
    });
  });
});
