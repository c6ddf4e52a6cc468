import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import {
  ARTICLE_EPOCHS,
  ARTICLE_LEARNING_RATES,
  ARTICLE_PARAMS,
  train,
  type Params,
  type QuantityName,
} from '../src/lib/backprop';
import { plainName } from '../src/lib/quantities/definitions';
import { columnIndex, formulaRefs } from '../src/lib/xlsx/cells';
import {
  EXPORT_COLUMNS,
  EXPORT_LAYOUT,
  SUMMARY_SHEET,
  exportColumn,
  exportCsv,
  exportRates,
  exportWorkbook,
  rateSheetName,
} from '../src/lib/workbook/export';
import { cellAt, cellAtAddress, readXlsx, type ReadSheet } from '../src/lib/xlsx/read';
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
            expect(cellAt(sheet, columnIndex(exportColumn(name)), EXPORT_LAYOUT.headerRow)?.value).toBe(plainName(name));
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

  describe('charts', () => {
    /** What one tab's chart plots, found by following the package's relationships as Excel does. */
    interface ChartSeen {
      readonly title: string;
      readonly logY: boolean;
      /** Where the x (first) axis ends, if set. */
      readonly xMax: number | undefined;
      readonly series: readonly { readonly name: string; readonly x: string; readonly y: string }[];
    }

    const attr = (xml: string, tag: string, name: string) =>
      new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];
    const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const relTarget = (rels: string | undefined, id: string) =>
      rels ? new RegExp(`<Relationship Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] : undefined;
    const resolve = (from: string, target: string) => {
      const parts = from.split('/').slice(0, -1);
      for (const step of target.split('/')) {
        if (step === '..') parts.pop();
        else parts.push(step);
      }
      return parts.join('/');
    };

    function chartsByTab(bytes: Uint8Array): Map<string, ChartSeen | undefined> {
      const files = unzipSync(bytes);
      const part = (path: string) => (files[path] ? strFromU8(files[path]) : undefined);
      const types = part('[Content_Types].xml') ?? '';
      const workbook = part('xl/workbook.xml') ?? '';
      const workbookRels = part('xl/_rels/workbook.xml.rels');
      const out = new Map<string, ChartSeen | undefined>();
      for (const [, name, rid] of workbook.matchAll(/<sheet name="([^"]+)" sheetId="\d+" r:id="([^"]+)"\/>/g)) {
        const sheetPath = resolve('xl/workbook.xml', relTarget(workbookRels, rid ?? '') ?? '');
        const sheet = part(sheetPath) ?? '';
        const drawingId = attr(sheet, 'drawing', 'r:id');
        if (!drawingId) {
          out.set(unescape(name ?? ''), undefined);
          continue;
        }
        const sheetRels = part(sheetPath.replace(/([^/]+)$/, '_rels/$1.rels'));
        const drawingPath = resolve(sheetPath, relTarget(sheetRels, drawingId) ?? '');
        const drawing = part(drawingPath) ?? '';
        const chartId = attr(drawing, 'c:chart', 'r:id') ?? '';
        const chartPath = resolve(drawingPath, relTarget(part(drawingPath.replace(/([^/]+)$/, '_rels/$1.rels')), chartId) ?? '');
        const chart = part(chartPath);
        expect(chart, `${name}: chart part ${chartPath}`).toBeDefined();
        for (const path of [drawingPath, chartPath]) expect(types, `content type of /${path}`).toContain(`PartName="/${path}"`);
        const series = [...(chart ?? '').matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map(([, ser]) => {
          const f = (tag: string) => unescape(new RegExp(`<${tag}>.*?<c:f>([^<]+)</c:f>`).exec(ser ?? '')?.[1] ?? '');
          return { name: f('c:tx'), x: f('c:xVal'), y: f('c:yVal') };
        });
        out.set(unescape(name ?? ''), {
          title: unescape(/<c:title>.*?<a:t>([^<]*)<\/a:t>/.exec(chart ?? '')?.[1] ?? ''),
          logY: /<c:logBase val="10"\/>/.test(chart ?? ''),
          xMax: ((m) => (m ? Number(m[1]) : undefined))(/<c:valAx>(?:(?!<\/c:valAx>).)*?<c:max val="([^"]+)"/.exec(chart ?? '')),
          series,
        });
      }
      return out;
    }

    const params = { ...ARTICLE_PARAMS, lr: 0.35 };
    const rates = exportRates(params.lr);
    const bytes = exportWorkbook(params);
    const charts = chartsByTab(bytes);
    const sheets = readXlsx(bytes);
    const { headerRow, firstDataRow } = EXPORT_LAYOUT;
    const lastRow = firstDataRow + ARTICLE_EPOCHS - 1;
    const e = exportColumn('E_total');
    /** The cells an absolute range like 'LR 0.1'!$W$4:$W$303 names: its sheet and its plain A1 range. */
    const split = (range: string) => {
      const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(range);
      return m ? { sheet: (m[1] ?? '').replace(/''/g, "'"), from: `${m[2]}${m[3]}`, to: m[4] ? `${m[4]}${m[5]}` : undefined } : undefined;
    };
    const valueAt = (range: string) => {
      const at = split(range);
      if (!sheets.ok || !at) return undefined;
      const sheet = sheets.sheets.find((s) => s.name === at.sheet);
      return sheet ? cellAtAddress(sheet, at.from)?.value : undefined;
    };

    it('draws E_total against the epoch, on a log scale, on every learning-rate tab', () => {
      for (const lr of rates) {
        const tab = rateSheetName(lr);
        const chart = charts.get(tab);
        expect(chart, `chart on ${tab}`).toBeDefined();
        expect(chart?.logY).toBe(true);
        expect(chart?.xMax).toBe(ARTICLE_EPOCHS);
        expect(chart?.title).toContain(String(lr));
        expect(chart?.series).toEqual([
          {
            name: `'${tab}'!$${e}$${headerRow}`,
            x: `'${tab}'!$A$${firstDataRow}:$A$${lastRow}`,
            y: `'${tab}'!$${e}$${firstDataRow}:$${e}$${lastRow}`,
          },
        ]);
        expect(valueAt(chart?.series[0]?.name ?? '')).toBe('E_total');
        expect(valueAt(chart?.series[0]?.y ?? '')).toBe(train({ ...params, lr }, 1)[0]?.E_total);
      }
    });

    it('draws every rate’s E_total on the summary tab, one series per rate, named by its tab', () => {
      const chart = charts.get(SUMMARY_SHEET);
      expect(chart?.logY).toBe(true);
      expect(chart?.xMax).toBe(ARTICLE_EPOCHS);
      expect(chart?.series).toHaveLength(rates.length);
      rates.forEach((lr, i) => {
        const series = chart?.series[i];
        expect(valueAt(series?.name ?? '')).toBe(rateSheetName(lr));
        expect(series?.x).toBe(`'${SUMMARY_SHEET}'!$A$${firstDataRow}:$A$${lastRow}`);
        const y = split(series?.y ?? '');
        expect(y?.sheet).toBe(SUMMARY_SHEET);
        expect(y?.from).toMatch(new RegExp(`^[A-Z]+${firstDataRow}$`));
        expect(y?.to).toBe(`${y?.from.replace(/\d+$/, '')}${lastRow}`);
        // The first value the series plots is that rate's starting E_total (the same for every rate)...
        expect(valueAt(series?.y ?? '')).toBe(train(params, 1)[0]?.E_total);
        // ...and its column reads that rate's tab.
        const summary = sheets.ok ? sheets.sheets.find((s) => s.name === SUMMARY_SHEET) : undefined;
        const last = summary && y?.to ? cellAtAddress(summary, y.to) : undefined;
        expect(last?.formula).toBe(`'${rateSheetName(lr)}'!${e}${lastRow}`);
        expect(last?.value).toBe(train({ ...params, lr }, ARTICLE_EPOCHS).at(-1)?.E_total);
      });
    });
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
