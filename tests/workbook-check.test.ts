import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE_PARAMS, type Params, type QuantityName } from '../src/lib/backprop';
import { checkSheets, matches, writtenDigits, type SheetResult } from '../src/lib/workbook/check';
import { EXPORT_LAYOUT, SUMMARY_SHEET, exportColumn, exportWorkbook } from '../src/lib/workbook/export';
import { checkBytes, checkFile } from '../src/lib/workbook/index';
import { writeXlsx } from '../src/lib/xlsx/write';
import { readXlsx } from '../src/lib/xlsx/read';
import {
  STUDENT_SPELLINGS,
  badFiles,
  mistakeModel,
  mistakeWorkbook,
  moveSheet,
  oneTabModel,
  oversized,
  type InjectedMistake,
} from './support/workbook-fixtures';

// Whole 300-epoch workbooks recalculated by HyperFormula take seconds, more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STUDENT_DIR = path.resolve(repoRoot, '../shared/fixtures/student-sheets');

function check(bytes: Uint8Array): SheetResult[] {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(read.problem.message);
  return checkSheets(read.sheets);
}

function only(sheets: SheetResult[]): SheetResult {
  const checked = sheets.filter((s) => s.status === 'checked');
  expect(checked).toHaveLength(1);
  return checked[0] as SheetResult;
}

const first = EXPORT_LAYOUT.firstDataRow;
const at = (name: QuantityName, row: number) => `${exportColumn(name)}${row}`;

describe('the two real student workbooks', () => {
  it('are present in ../shared (CI always provides them)', () => {
    expect(existsSync(STUDENT_DIR), `Missing ${STUDENT_DIR}: the real student workbooks must sit in ../shared/fixtures/student-sheets next to the repository.`).toBe(true);
  });

  it('reads the correct LR 2 workbook (header in row 32 from column B, E_tot, ∂E/∂w) as clean', () => {
    const sheet = only(check(new Uint8Array(readFileSync(path.join(STUDENT_DIR, 'correct-lr2.xlsx')))));
    expect(sheet.headerRow).toBe(32);
    expect(sheet.firstRow).toBe(33);
    expect(sheet.rowsChecked).toBe(88);
    expect(sheet.lr).toMatchObject({ value: 2, cell: '$H$31' });
    expect(sheet.columns.find((c) => c.name === 'E_total')).toMatchObject({ header: 'E_tot', letter: 'X', status: 'match', matched: 88 });
    expect(sheet.columns.filter((c) => c.status !== 'match')).toEqual([]);
    expect(sheet.mistakes).toEqual([]);
    expect(sheet.clean).toBe(true);
  });

  it('names the slope mistake in the LR 0.1 workbook at Z19 and AA19, and the weights that inherit it', () => {
    const sheet = only(check(new Uint8Array(readFileSync(path.join(STUDENT_DIR, 'slope-mistake-lr0.1.xlsx')))));
    expect(sheet.headerRow).toBe(18);
    expect(sheet.lr).toMatchObject({ value: 0.1, cell: '$D$17' });
    expect(sheet.mistakes.map((m) => m.id)).toEqual(['slope-a-h1']);
    expect(sheet.mistakes[0]?.cells).toEqual(['Z19', 'AA19']);
    const dw3 = sheet.columns.find((c) => c.name === 'dE_dw3');
    expect(dw3).toMatchObject({ status: 'wrong', mistake: 'slope-a-h1', letter: 'Z' });
    expect(dw3?.first?.cell).toBe('Z19');
    // The formula that belongs there, in the student's own letters: a_h2 is column L.
    expect(dw3?.first?.formula).toContain('L19*(1-L19)*C19');
    expect(dw3?.first?.agreeingDigits).toBe(3);
    expect(sheet.columns.find((c) => c.name === 'w3')).toMatchObject({ status: 'inherits', inheritsFrom: 'Z19' });
    expect(sheet.columns.find((c) => c.name === 'w4')).toMatchObject({ status: 'inherits', inheritsFrom: 'AA19' });
    expect(sheet.drift).toMatchObject({ fromRow: 20, toRow: 115 });
    const wrongOrInherited = sheet.columns.filter((c) => c.status !== 'match').map((c) => c.name).sort();
    expect(wrongOrInherited).toEqual(['dE_dw3', 'dE_dw4', 'w3', 'w4']);
  });
});

describe('the project’s own export', () => {
  const paramSets: Params[] = [ARTICLE_PARAMS, { ...ARTICLE_PARAMS, t1: 0.05, t2: 0.95, lr: 0.35 }, { ...ARTICLE_PARAMS, w2: -0.4, i2: 0.6, lr: 2 }];
  for (const params of paramSets) {
    it(`passes clean (t1=${params.t1}, t2=${params.t2}, lr=${params.lr})`, () => {
      const sheets = check(exportWorkbook(params, 120));
      const tabs = sheets.filter((s) => s.status === 'checked');
      expect(tabs.length).toBeGreaterThanOrEqual(6);
      for (const tab of tabs) {
        expect(tab.clean, tab.name).toBe(true);
        expect(tab.rowsChecked).toBe(120);
        expect(tab.lr?.cell).toBe('$B$1');
        expect(tab.columns).toHaveLength(27);
      }
      expect(sheets.find((s) => s.name === SUMMARY_SHEET)?.status).toBe('no-header');
    });
  }

  it('passes clean with formulas stripped (values only)', () => {
    const model = mistakeModel('slope', { epochs: 2 });
    expect(model.sheets).toHaveLength(1);
    const clean = oneTabModel(ARTICLE_PARAMS, 50);
    const sheet = clean.sheets[0];
    if (!sheet) throw new Error('no sheet');
    for (const [ref, cell] of sheet.cells) {
      const { formula: _f, ...rest } = cell;
      sheet.cells.set(ref, rest);
    }
    const result = only(check(writeXlsx(clean)));
    expect(result.clean).toBe(true);
    expect(result.lr).toMatchObject({ value: 0.1, source: 'label' });
  });

  it('takes inputs and targets from labelled cells when they have no columns', () => {
    const model = mistakeModel('e2-a-o1', { epochs: 20, values: true, params: { ...ARTICLE_PARAMS, t1: 0.2, t2: 0.7 } });
    const sheet = model.sheets[0];
    if (!sheet) throw new Error('no sheet');
    for (const ref of [...sheet.cells.keys()]) if (/^[B-E]([3-9]|\d\d+)$/.test(ref)) sheet.cells.delete(ref);
    const labels: [string, string, number][] = [['G1', 'H1', 0.2], ['I1', 'J1', 0.7], ['K1', 'L1', 0.05], ['M1', 'N1', 0.1]];
    ['t1 =', 't2 =', 'i1', 'i2:'].forEach((label, i) => {
      const [at1, at2, v] = labels[i] as [string, string, number];
      sheet.cells.set(at1, { value: label });
      sheet.cells.set(at2, { value: v });
    });
    const result = only(check(writeXlsx(model)));
    expect(result.mistakes.map((m) => m.id)).toEqual(['e2-uses-a-o1']);
    expect(result.columns.find((c) => c.name === 'E2')?.first?.formula).toBe('0.5*($J$1-U4)^2');
  });

  it('finds the header anywhere, under students’ spellings, on every sheet of the file', () => {
    const a = oneTabModel({ ...ARTICLE_PARAMS, lr: 0.5 }, 40).sheets[0];
    const b = mistakeModel('slope', { params: { ...ARTICLE_PARAMS, lr: 0.8 }, epochs: 40 }).sheets[0];
    if (!a || !b) throw new Error('no sheet');
    const rename = (t: string) => STUDENT_SPELLINGS[t] ?? t;
    const moved = { sheets: [{ ...moveSheet(a, 15, 1, rename), name: 'Row 18, column C' }, { ...moveSheet(b, 29, 0, rename), name: 'Row 32' }] };
    const sheets = check(writeXlsx(moved));
    expect(sheets.map((s) => [s.name, s.status, s.headerRow])).toEqual([
      ['Row 18, column C', 'checked', 18],
      ['Row 32', 'checked', 32],
    ]);
    expect(sheets[0]?.clean).toBe(true);
    expect(sheets[0]?.columns.find((c) => c.name === 'E_total')?.header).toBe('E_Total');
    expect(sheets[0]?.columns.find((c) => c.name === 'dE_dw3')?.header).toBe('DE / DW3');
    expect(sheets[1]?.mistakes.map((m) => m.id)).toEqual(['slope-a-h1']);
    expect(sheets[1]?.mistakes[0]?.cells).toEqual([`AA${33}`, `AB${33}`]);
    expect(sheets[1]?.lr).toMatchObject({ value: 0.8, cell: '$B$30' });
  });
});

describe('mistakes injected into the export are named at the right first cell', () => {
  const cases: { mistake: InjectedMistake; params?: Params; id: string; cells: string[]; inherits?: [QuantityName, string][]; drift: boolean }[] = [
    { mistake: 'slope', id: 'slope-a-h1', cells: [at('dE_dw3', first), at('dE_dw4', first)], inherits: [['w3', at('dE_dw3', first)]], drift: true },
    {
      mistake: 't1-for-t2',
      params: { ...ARTICLE_PARAMS, t1: 0.1, t2: 0.9 },
      id: 't1-for-t2',
      cells: [at('dE_dw7', first), at('dE_dw8', first)],
      inherits: [['w7', at('dE_dw7', first)]],
      drift: true,
    },
    { mistake: 'e2-a-o1', id: 'e2-uses-a-o1', cells: [at('E2', first)], inherits: [['E_total', at('E2', first)]], drift: false },
    {
      mistake: 'updated-w5-w8',
      id: 'updated-w5-w8',
      cells: [at('dE_dw1', first), at('dE_dw2', first), at('dE_dw3', first), at('dE_dw4', first)],
      inherits: [['w1', at('dE_dw1', first)]],
      drift: true,
    },
    { mistake: 'lr-relative', id: 'lr-relative', cells: ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'].map((w) => at(w as QuantityName, first + 2)), drift: true },
    { mistake: 'plus', id: 'plus-not-minus', cells: ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'].map((w) => at(w as QuantityName, first + 1)), drift: true },
  ];

  for (const c of cases) {
    for (const values of [false, true]) {
      it(`${c.mistake}${values ? ' (values only, no formulas)' : ''}`, () => {
        const sheet = only(check(mistakeWorkbook(c.mistake, { epochs: 60, values, ...(c.params ? { params: c.params } : {}) })));
        expect(sheet.mistakes.map((m) => m.id)).toEqual([c.id]);
        expect(sheet.mistakes[0]?.cells).toEqual(c.cells);
        for (const [name, from] of c.inherits ?? []) {
          expect(sheet.columns.find((col) => col.name === name), name).toMatchObject({ status: 'inherits', inheritsFrom: from });
        }
        expect(sheet.drift !== undefined).toBe(c.drift);
        const wrong = sheet.columns.filter((col) => col.status === 'wrong').map((col) => col.first?.cell);
        expect(wrong.sort()).toEqual([...c.cells].sort());
        expect(sheet.clean).toBe(false);
      });
    }
  }

  it('names both mistakes when a cell has two (a_h1’s slope and updated w5…w8)', () => {
    const sheet = only(check(mistakeWorkbook(['slope', 'updated-w5-w8'], { epochs: 30 })));
    const byId = new Map(sheet.mistakes.map((m) => [m.id, m.cells]));
    expect([...byId.keys()].sort()).toEqual(['slope-a-h1', 'updated-w5-w8']);
    expect(byId.get('updated-w5-w8')).toEqual(['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4'].map((q) => at(q as QuantityName, first)));
    expect(byId.get('slope-a-h1')).toEqual([at('dE_dw3', first), at('dE_dw4', first)]);
  });

  it('says where the learning-rate reference slid to', () => {
    const sheet = only(check(mistakeWorkbook('lr-relative', { epochs: 30 })));
    expect(sheet.mistakes[0]?.facts).toMatchObject({ then: 'B1', now: 'B2', absolute: '$B$1' });
    // Row 7's formulas read the header text in B3: #VALUE!, and checking stops there with a message.
    expect(sheet.problems.join(' ')).toMatch(/row 7: .*#VALUE!/);
  });

  it('names t1 in ∂E/∂w7, ∂E/∂w8 from the formula even while t1 = t2 hides it from the numbers', () => {
    const sheet = only(check(mistakeWorkbook('t1-for-t2', { epochs: 30 })));
    expect(sheet.columns.every((col) => col.status === 'match')).toBe(true);
    expect(sheet.mistakes.map((m) => m.id)).toEqual(['t1-for-t2-hidden']);
    expect(sheet.mistakes[0]?.cells).toEqual([at('dE_dw7', first), at('dE_dw8', first)]);
  });

  it('says a t1/t2 mix-up cannot be seen when t1 = t2 and there are no formulas', () => {
    const sheet = only(check(mistakeWorkbook('t1-for-t2', { epochs: 30, values: true })));
    expect(sheet.mistakes).toEqual([]);
    expect(sheet.notes.join(' ')).toMatch(/t1 = t2 .*cannot be seen/);
  });
});

describe('bad files get a clear message and nothing throws', () => {
  for (const bad of badFiles()) {
    it(bad.label, () => {
      const outcome = checkBytes(bad.bytes, bad.name);
      expect(outcome.status).toMatch(bad.message);
      expect(outcome.blocks.length).toBeGreaterThan(1);
    });
  }

  it('over 10 MB, refused before reading', async () => {
    let read = false;
    const outcome = await checkFile({
      name: 'huge.xlsx',
      size: 10 * 1024 * 1024 + 1,
      arrayBuffer: () => {
        read = true;
        return Promise.resolve(new ArrayBuffer(0));
      },
    });
    expect(read).toBe(false);
    expect(outcome.status).toMatch(/10 MB/);
    expect(checkBytes(oversized(), 'huge.xlsx').status).toMatch(/10 MB/);
  });

  it('an old .xls and a damaged zip', () => {
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(checkBytes(xls, 'old.xls').status).toMatch(/\.xls/);
    const damaged = exportWorkbook(ARTICLE_PARAMS, 5).slice(0, 3000);
    expect(checkBytes(damaged, 'cut.xlsx').status).toMatch(/damaged|could not/i);
  });

  it('never throws on random bytes that start like a zip', () => {
    let seed = 7;
    for (let n = 0; n < 50; n++) {
      const bytes = new Uint8Array(200 + n * 37);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 255;
      bytes.set([0x50, 0x4b, 0x03, 0x04]);
      expect(() => checkBytes(bytes, 'noise.xlsx')).not.toThrow();
    }
  });
});

describe('matching', () => {
  it('allows rounding noise but not a 4th-digit difference', () => {
    expect(matches(0.000351776321590732, 0.0003517763215907322)).toBe(true);
    expect(matches(0.00035186866513539378, 0.0003517763215907322)).toBe(false);
  });

  it('judges typed numbers by the digits written', () => {
    expect(writtenDigits('0.1499683')).toBe(7);
    expect(writtenDigits('3.5186866513539378E-4')).toBe(17);
    expect(matches(0.1499683, 0.14996830066040898, '0.1499683', true)).toBe(true);
    expect(matches(0.1499683, 0.14996830066040898, '0.1499683', false)).toBe(false);
    expect(matches(0.1499685, 0.14996830066040898, '0.1499685', true)).toBe(false);
  });
});
