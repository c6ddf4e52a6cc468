/**
 * Test workbooks built at test time (no binaries in the repository): the
 * project's own export with one known mistake injected into its formulas,
 * recalculated by HyperFormula so every cached value is what a spreadsheet
 * would show; relaid-out copies (header elsewhere, other spellings); and the
 * bad files the checker must refuse politely.
 */
import { zipSync, strToU8 } from 'fflate';
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { ARTICLE_PARAMS, type Params, type QuantityName } from '../../src/lib/backprop';
import { address, formulaRefs, parseAddress, refText, type FormulaRef } from '../../src/lib/xlsx/cells';
import { EXPORT_LAYOUT, buildWorkbookModel, exportColumn, rateSheetName } from '../../src/lib/workbook/export';
import { writeXlsx, type CellModel, type SheetModel, type WorkbookModel } from '../../src/lib/xlsx/write';

/** The mistakes a fixture can carry. */
export type InjectedMistake =
  | 'slope'
  | 't1-for-t2'
  | 'e2-a-o1'
  | 'updated-w5-w8'
  | 'lr-relative'
  | 'plus'
  | 'slope-plus'
  | 'missing-slope'
  | 'sum-for-activation'
  | 't-minus-a'
  | 'half-dropped'
  | 'half-kept'
  | 'no-slope'
  | 'sum-of-squares';

const GRADIENTS = ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'] as const;
const HIDDEN_GRADIENTS = new Set<QuantityName>(['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4']);

/** Rewrites the cell references of a formula; `change` returns new text for a reference, or null to keep it. */
export function rewriteRefs(formula: string, change: (ref: FormulaRef) => string | null): string {
  let out = '';
  let last = 0;
  for (const ref of formulaRefs(formula)) {
    const replacement = change(ref);
    if (replacement === null) continue;
    out += formula.slice(last, ref.start) + replacement;
    last = ref.end;
  }
  return out + formula.slice(last);
}

const col = (name: QuantityName) => exportColumn(name);
const colIndex = (name: QuantityName) => parseAddress(`${col(name)}1`)?.col ?? -1;

/** Injects a mistake into one rate tab's formulas, row by row. */
function inject(sheet: SheetModel, mistake: InjectedMistake, epochs: number): void {
  const { firstDataRow } = EXPORT_LAYOUT;
  const edit = (name: QuantityName, row: number, f: (formula: string) => string) => {
    const ref = `${col(name)}${row}`;
    const cell = sheet.cells.get(ref);
    if (cell?.formula === undefined) return;
    const formula = f(cell.formula);
    if (formula === cell.formula) throw new Error(`fixture: ${mistake} did not change ${ref}`);
    sheet.cells.set(ref, { ...cell, formula });
  };
  for (let row = firstDataRow; row < firstDataRow + epochs; row++) {
    const same = (name: QuantityName) => `${col(name)}${row}`;
    switch (mistake) {
      case 'slope':
        // a_h1·(1−a_h1) where a_h2·(1−a_h2) belongs.
        for (const q of ['dE_dw3', 'dE_dw4'] as const) {
          edit(q, row, (f) => f.replace(`${same('a_h2')}*(1-${same('a_h2')})`, `${same('a_h1')}*(1-${same('a_h1')})`));
        }
        break;
      case 't1-for-t2':
        for (const q of ['dE_dw7', 'dE_dw8'] as const) edit(q, row, (f) => f.replace(`${same('a_o2')}-${same('t2')}`, `${same('a_o2')}-${same('t1')}`));
        break;
      case 'e2-a-o1':
        edit('E2', row, (f) => f.replace(`${same('t2')}-${same('a_o2')}`, `${same('t2')}-${same('a_o1')}`));
        break;
      case 'updated-w5-w8':
        // The next row's (already updated) w5..w8.
        for (const q of ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4'] as const) {
          const late = new Set(['w5', 'w6', 'w7', 'w8'].map((w) => colIndex(w as QuantityName)));
          edit(q, row, (f) => rewriteRefs(f, (r) => (late.has(r.col) && r.row === row ? refText({ ...r, row: row + 1 }) : null)));
        }
        break;
      case 'lr-relative':
        // As if "F4-B1*Y4" had been typed in row 5 and filled down: B1 becomes B2, B3, …
        if (row === firstDataRow) break;
        for (const w of ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'] as const) {
          edit(w, row, (f) => f.replace(EXPORT_LAYOUT.lrAbsolute, `B${row - firstDataRow}`));
        }
        break;
      case 'plus':
        if (row === firstDataRow) break;
        for (const w of ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'] as const) {
          edit(w, row, (f) => f.replace(`-${EXPORT_LAYOUT.lrAbsolute}*`, `+${EXPORT_LAYOUT.lrAbsolute}*`));
        }
        break;
      case 'slope-plus':
        // Every sigmoid slope a·(1−a) written a·(1+a), in all eight gradients.
        for (const q of ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'] as const) {
          edit(q, row, (f) => f.replace(/([A-Z]+\d+)\*\(1-\1\)/g, '$1*(1+$1)'));
        }
        break;
      case 'missing-slope':
        // Each gradient without the slope of the neuron its weight feeds: the hidden one in ∂E/∂w1 … ∂E/∂w4, the output one in ∂E/∂w5 … ∂E/∂w8.
        for (const q of GRADIENTS) {
          const slopes = HIDDEN_GRADIENTS.has(q) ? [same('a_h1'), same('a_h2')] : [same('a_o1'), same('a_o2')];
          edit(q, row, (f) => slopes.reduce((g, a) => g.replace(`*(${a}*(1-${a}))`, ''), f));
        }
        break;
      case 'sum-for-activation': {
        // h1, h2 read where a_h1, a_h2 belong.
        const sums = new Map([[colIndex('a_h1'), colIndex('h1')], [colIndex('a_h2'), colIndex('h2')]]);
        for (const q of GRADIENTS) edit(q, row, (f) => rewriteRefs(f, (r) => (sums.has(r.col) && r.row === row ? refText({ ...r, col: sums.get(r.col) as number }) : null)));
        break;
      }
      case 't-minus-a':
        for (const q of GRADIENTS) {
          edit(q, row, (f) => f.replaceAll(`${same('a_o1')}-${same('t1')}`, `${same('t1')}-${same('a_o1')}`).replaceAll(`${same('a_o2')}-${same('t2')}`, `${same('t2')}-${same('a_o2')}`));
        }
        break;
      case 'no-slope':
        // No sigmoid slope in any gradient, as if the network had no sigmoids.
        for (const q of GRADIENTS) edit(q, row, (f) => f.replace(/\*\(([A-Z]+\d+)\*\(1-\1\)\)/g, ''));
        break;
      case 'sum-of-squares':
        // E = (t − a)², and its derivative 2(a − t).
        for (const q of ['E1', 'E2'] as const) edit(q, row, (f) => f.replace(/^0\.5\*/, ''));
        for (const q of GRADIENTS) {
          edit(q, row, (f) => f.replaceAll(`(${same('a_o1')}-${same('t1')})`, `2*(${same('a_o1')}-${same('t1')})`).replaceAll(`(${same('a_o2')}-${same('t2')})`, `2*(${same('a_o2')}-${same('t2')})`));
        }
        break;
      case 'half-dropped':
        // E = (t − a)², the sum of squares.
        for (const q of ['E1', 'E2'] as const) edit(q, row, (f) => f.replace(/^0\.5\*/, ''));
        break;
      case 'half-kept':
        // ∂E/∂a written (a − t)/2, as students who keep the ½ write it.
        for (const q of GRADIENTS) {
          edit(q, row, (f) => f.replaceAll(`(${same('a_o1')}-${same('t1')})`, `(${same('a_o1')}-${same('t1')})/2`).replaceAll(`(${same('a_o2')}-${same('t2')})`, `(${same('a_o2')}-${same('t2')})/2`));
        }
        break;
    }
  }
}

/** Recomputes every formula of a model with HyperFormula and stores the results as cached values. */
export function recalculateModel(model: WorkbookModel): WorkbookModel {
  const input: Record<string, RawCellContent[][]> = {};
  for (const sheet of model.sheets) {
    const grid: RawCellContent[][] = [];
    for (const [ref, cell] of sheet.cells) {
      const pos = parseAddress(ref);
      if (!pos) continue;
      const line = (grid[pos.row - 1] ??= []);
      const v = cell.value;
      line[pos.col] = cell.formula !== undefined ? `=${cell.formula}` : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    input[sheet.name] = grid;
  }
  const hf = HyperFormula.buildFromSheets(input, { licenseKey: 'gpl-v3', smartRounding: false });
  try {
    const sheets = model.sheets.map((sheet) => {
      const id = hf.getSheetId(sheet.name) ?? 0;
      const cells = new Map<string, CellModel>();
      for (const [ref, cell] of sheet.cells) {
        const pos = parseAddress(ref);
        if (!pos || cell.formula === undefined) {
          cells.set(ref, cell);
          continue;
        }
        const v = hf.getCellValue({ sheet: id, col: pos.col, row: pos.row - 1 });
        const value: CellModel['value'] = v instanceof DetailedCellError ? { error: v.value } : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
        cells.set(ref, { ...cell, value });
      }
      return { ...sheet, cells };
    });
    return { ...model, sheets };
  } finally {
    hf.destroy();
  }
}

/** Drops every formula, keeping cached values (a workbook pasted as values). */
export function valuesOnly(model: WorkbookModel): WorkbookModel {
  return {
    ...model,
    sheets: model.sheets.map((sheet) => {
      const cells = new Map<string, CellModel>();
      for (const [ref, cell] of sheet.cells) {
        const { formula: _formula, ...rest } = cell;
        cells.set(ref, rest);
      }
      return { ...sheet, cells };
    }),
  };
}

/** Options for a one-tab fixture. */
export interface FixtureOptions {
  readonly params?: Params;
  readonly epochs?: number;
  readonly values?: boolean;
}

/** The export's tab for `params.lr` alone, as a model (for fixtures that edit it). */
export function oneTabModel(params: Params = ARTICLE_PARAMS, epochs = 300): WorkbookModel {
  const full = buildWorkbookModel(params, epochs);
  const sheet = full.sheets.find((s) => s.name === rateSheetName(params.lr));
  if (!sheet) throw new Error('fixture: no tab for the learning rate');
  return { sheets: [{ ...sheet, cells: new Map(sheet.cells) }], activeSheet: 0 };
}

/** The project's export (one tab) with one mistake, or several, injected and recalculated. */
export function mistakeModel(mistake: InjectedMistake | readonly InjectedMistake[], options: FixtureOptions = {}): WorkbookModel {
  const epochs = options.epochs ?? 300;
  const model = oneTabModel(options.params ?? ARTICLE_PARAMS, epochs);
  for (const m of typeof mistake === 'string' ? [mistake] : mistake) inject(model.sheets[0] as SheetModel, m, epochs);
  const recalculated = recalculateModel(model);
  return options.values ? valuesOnly(recalculated) : recalculated;
}

/** The .xlsx bytes of a mistake fixture. */
export function mistakeWorkbook(mistake: InjectedMistake | readonly InjectedMistake[], options: FixtureOptions = {}): Uint8Array {
  return writeXlsx(mistakeModel(mistake, options));
}

/** Moves every cell (and every reference, `$` or not) of a sheet by whole rows and columns. */
export function moveSheet(sheet: SheetModel, rows: number, cols: number, rename: (text: string) => string = (t) => t): SheetModel {
  const cells = new Map<string, CellModel>();
  for (const [ref, cell] of sheet.cells) {
    const pos = parseAddress(ref);
    if (!pos) continue;
    const formula =
      cell.formula === undefined
        ? undefined
        : rewriteRefs(cell.formula, (r) => refText({ ...r, row: r.row + rows, col: r.col + cols }));
    const value = typeof cell.value === 'string' ? rename(cell.value) : cell.value;
    cells.set(address(pos.col + cols, pos.row + rows), { ...cell, value, ...(formula !== undefined ? { formula } : {}) });
  }
  return { ...sheet, cells };
}

/** Header spellings students use, for relaid-out fixtures. */
export const STUDENT_SPELLINGS: Readonly<Record<string, string>> = {
  E_total: 'E_Total',
  '∂E/∂w1': 'dE/dw1',
  '∂E/∂w2': 'dE_dw2',
  '∂E/∂w3': 'DE / DW3',
  '∂E/∂w4': '∂E_total/∂w4',
  '∂E/∂w5': 'dEtot/dw5',
  a_h1: 'out_h1',
  a_o2: 'A_O2',
};

/** A minimal zip holding the given text files (for "a zip, but not a workbook" and similar). */
export function zipOf(files: Readonly<Record<string, string>>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return zipSync(entries);
}

/**
 * The start of a compound (OLE) file as Excel writes around a password-protected
 * workbook: the CFB signature, then a directory naming the EncryptionInfo stream.
 */
export function encryptedLike(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const name = 'EncryptionInfo';
  for (let i = 0; i < name.length; i++) bytes[1024 + 2 * i] = name.charCodeAt(i);
  return bytes;
}

/** Every bad file the checker must refuse, with the words its message must contain. */
export function badFiles(): { label: string; name: string; bytes: Uint8Array; message: RegExp }[] {
  const noHeader: WorkbookModel = {
    sheets: [{ name: 'Notes', cells: new Map<string, CellModel>([['A1', { value: 'My notes on backpropagation' }], ['B2', { value: 42 }]]) }],
  };
  const text = oneTabModel(ARTICLE_PARAMS, 20);
  const sheet = text.sheets[0] as SheetModel;
  sheet.cells.set(`${col('w1')}${EXPORT_LAYOUT.firstDataRow + 5}`, { value: '0.1499' });
  return [
    { label: 'empty', name: 'empty.xlsx', bytes: new Uint8Array(0), message: /empty/i },
    { label: 'not a workbook', name: 'notes.xlsx', bytes: strToU8('These are my notes, not a spreadsheet.\n'), message: /not an Excel workbook/i },
    { label: 'password-protected', name: 'locked.xlsx', bytes: encryptedLike(), message: /password/i },
    { label: 'a zip without a workbook', name: 'report.xlsx', bytes: zipOf({ 'word/document.xml': '<w:document/>' }), message: /not an Excel workbook/i },
    { label: 'no recognisable header', name: 'notes-sheet.xlsx', bytes: writeXlsx(noHeader), message: /no .*epoch table/i },
    { label: 'text in number cells', name: 'text-cells.xlsx', bytes: writeXlsx(recalculateModel(text)), message: /text where a number belongs/i },
  ];
}

/** A file just over the 10 MB limit (zip signature then zeros). */
export function oversized(): Uint8Array {
  const bytes = new Uint8Array(10 * 1024 * 1024 + 1);
  bytes.set([0x50, 0x4b, 0x03, 0x04], 0);
  return bytes;
}
