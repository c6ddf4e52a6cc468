/**
 * The "where spreadsheets go wrong" notes (issue 13) and the checker share one description of
 * each mistake: the rule in src/lib/mistakes/. These tests hold the notes' numbers to the
 * rules, to the math module and to a spreadsheet engine, and the notes' words to what they claim.
 */
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE_EPOCHS, ARTICLE_PARAMS, DERIVED_NAMES, PARAM_NAMES, WEIGHT_NAMES, isWeight, train, type Params, type QuantityName, type Snapshot } from '../src/lib/backprop';
import { EXPORT_LAYOUT, exportColumn, exportContext } from '../src/lib/workbook/export';
import type { Getter } from '../src/lib/quantities/definitions';
import { printFormula } from '../src/lib/workbook/formulas';
import {
  MISTAKES,
  NOTED_MISTAKES,
  e2UsesAo1,
  halfMisplaced,
  lrRelative,
  missingSlope,
  notedMistake,
  sumForActivation,
  t1ForT2,
  t1ForT2Hidden,
  tMinusA,
  wordsWhenEqual,
} from '../src/lib/mistakes';
import { runWorkbook } from '../src/lib/mistakes/run';
import type { CellModel, SheetModel } from '../src/lib/xlsx/write';
import { agreeName, createMistakeResolver, formatMistakeQuantity, isIdenticalCount, isMistakeQuantityName, mistakenName, parseMistakeName } from '../src/lib/mistakes/notes/quantities';
import { noteFormulas } from '../src/lib/mistakes/notes/tex';
import { wordParts } from '../src/lib/mistakes/notes/words';
import { mistakeModel, oneTabModel, recalculateModel } from './support/workbook-fixtures';

// A spreadsheet engine recalculating 300 rows for each mistake takes seconds.
vi.setConfig({ testTimeout: 60_000 });

/** A configuration a reader could type, away from saturation so that no two formulas coincide by accident. */
const params = fc.record(
  Object.fromEntries(
    PARAM_NAMES.map((name) => {
      if (name === 'lr') return [name, fc.double({ min: 0.05, max: 3, noNaN: true })];
      if (name[0] === 't') return [name, fc.double({ min: 0.01, max: 0.99, noNaN: true })];
      if (name[0] === 'i') return [name, fc.double({ min: -1, max: 1, noNaN: true })];
      return [name, fc.double({ min: -2, max: 2, noNaN: true })];
    }),
  ) as Record<keyof Params, fc.Arbitrary<number>>,
) as fc.Arbitrary<Params>;

/** A row of the math module's run read as a checker's Getter reads a sheet: `prev` is the row above. */
function rowGetter(rows: readonly Snapshot[], epoch: number): Getter {
  return (name, prev) => rows[epoch - (prev ? 2 : 1)]?.[name];
}

/** Leading significant digits two numbers share, counted on their 17-digit decimal forms (written apart from compare.ts). */
function sharedDigits(a: number, b: number): number {
  if (a === b) return 17;
  const [ma = '', ea] = Math.abs(a).toExponential(16).split('e');
  const [mb = '', eb] = Math.abs(b).toExponential(16).split('e');
  if (Math.sign(a) !== Math.sign(b) || ea !== eb) return 0;
  const da = ma.replace('.', '');
  const db = mb.replace('.', '');
  let n = 0;
  while (n < da.length && da[n] === db[n]) n++;
  return n;
}

describe('every known mistake has its note', () => {
  it('each rule has a note of its own on the column it changes, or its words join the note of the mistake whose numbers it hides', () => {
    for (const rule of MISTAKES) {
      if ('within' in rule.note) {
        expect(notedMistake(rule.note.within), rule.id).toBeDefined();
        expect(rule.note.whenEqual.length, rule.id).toBeGreaterThan(40);
        continue;
      }
      const noted = notedMistake(rule.id);
      if (!noted) throw new Error(`${rule.id} has a note of its own but is not among the noted mistakes`);
      expect(noted.note.words.length, rule.id).toBeGreaterThan(80);
      expect(noted.wrongFormula(noted.note.column), `${rule.id} changes ${noted.note.column}`).not.toBeNull();
      expect(noted.columns, rule.id).toContain(noted.note.column);
    }
    expect(NOTED_MISTAKES.map((rule) => rule.id)).toEqual(MISTAKES.filter((rule) => !('within' in rule.note)).map((rule) => rule.id));
    expect(wordsWhenEqual(t1ForT2.id)).toEqual([{ id: t1ForT2Hidden.id, words: t1ForT2Hidden.note.whenEqual }]);
  });

  it('each note’s two formulas typeset without error, boxing where they part: in both, or a left-out factor in the right one', () => {
    for (const rule of NOTED_MISTAKES) {
      const { right, wrong } = noteFormulas(rule);
      expect(right, rule.id).not.toBe(wrong);
      expect(right.includes('\\boxed') || wrong.includes('\\boxed'), rule.id).toBe(true);
      // Only a factor left out leaves nothing to box in the mistaken formula: the right one, less its box and dot, is the mistaken one.
      if (!wrong.includes('\\boxed')) expect(right.replace(/ \\cdot \\boxed\{\{.*?\}\}/, ''), rule.id).toBe(wrong);
      for (const tex of [right, wrong]) expect(() => katex.renderToString(tex, { throwOnError: true, strict: 'error' }), tex).not.toThrow();
    }
    expect(noteFormulas(notedMistake('slope-a-h1') ?? lrRelative).wrong).toContain('\\boxed{a_{h1}}');
    expect(noteFormulas(notedMistake('plus-not-minus') ?? lrRelative).wrong).toContain('\\mathbin{\\boxed{+}}');
    expect(noteFormulas(lrRelative).wrong).toContain('\\boxed{\\mathrm{B2}}');
    // The mistakes made by hand: the slope left out, h1 for a_h1, t − a turned round, the ½ kept.
    expect(noteFormulas(missingSlope).right).toContain(' \\cdot \\boxed{{a_{o1}\\,(1 - a_{o1})}} \\cdot a_{h1}');
    expect(noteFormulas(missingSlope).wrong).toMatch(/= \(a_\{o1\} - t_1\) \\cdot a_\{h1\}$/);
    expect(noteFormulas(sumForActivation).right).toMatch(/\\boxed\{a_\{h1\}\}$/);
    expect(noteFormulas(sumForActivation).wrong).toMatch(/\\boxed\{h_1\}$/);
    expect(noteFormulas(tMinusA).right).toContain('\\boxed{a_{o1} - t_1}');
    expect(noteFormulas(tMinusA).wrong).toContain('\\boxed{t_1 - a_{o1}}');
    expect(noteFormulas(halfMisplaced).right).not.toContain('\\boxed');
    expect(noteFormulas(halfMisplaced).wrong).toContain('{\\boxed{\\tfrac{1}{2}}\\,(a_{o1} - t_1)}');
  });

  it('the words set the article’s names with subscripts and keep a cell’s quoted text, and read back unchanged', () => {
    const parts = wordParts('a_o2 − t1 in ∂E/∂w7, E_total and the header “t1” in B3');
    expect(parts).toEqual([
      { base: 'a', sub: 'o2' },
      { text: ' − ' },
      { base: 't', sub: '1' },
      { text: ' in ∂E/∂' },
      { base: 'w', sub: '7' },
      { text: ', ' },
      { base: 'E', sub: 'total' },
      { text: ' and the header ' },
      { text: '“t1”' },
      { text: ' in B3' },
    ]);
  });
});

describe('the notes’ numbers', () => {
  it('the DOM names are CSS identifiers that read back as the quantity and the mistake, and nothing else passes for one', () => {
    for (const rule of NOTED_MISTAKES) {
      for (const name of [mistakenName(rule.note.column, rule.id), agreeName(rule.note.column, rule.id), mistakenName('E_total', rule.id)]) {
        expect(name).toMatch(/^[A-Za-z][\w-]*$/);
        expect(isMistakeQuantityName(name), name).toBe(true);
      }
      expect(parseMistakeName(agreeName(rule.note.column, rule.id))).toEqual({ column: rule.note.column, mistake: rule, agree: true });
    }
    for (const name of ['dE_dw3', 'dE_dw3--', 'dE_dw3--nope', 'nope--slope-a-h1', 'dE_dw3--slope-a-h1--other', 'dE_dw7--t1-for-t2-hidden', 'a--b--c--d']) {
      expect(isMistakeQuantityName(name), name).toBe(false);
    }
  });

  it('for every mistake and any values, the note’s mistaken value is the checker rule’s for the same row', () => {
    fc.assert(
      fc.property(params, (p) => {
        const rows = train(p, 3);
        const resolve = createMistakeResolver(p);
        for (const rule of NOTED_MISTAKES) {
          const { column, epoch } = rule.note;
          const shown = resolve({ name: mistakenName(column, rule.id), epoch });
          // The rows before the note's cell are the right ones: every mistake here shows first in that cell.
          const checker = rule.mistakenValue(column, rowGetter(rows, epoch), p.lr);
          if (!Object.is(shown, checker)) throw new Error(`${rule.id}: note ${shown}, checker ${checker}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the digits in common are the leading significant digits the two values share', () => {
    fc.assert(
      fc.property(params, (p) => {
        const resolve = createMistakeResolver(p);
        const right = train(p, ARTICLE_EPOCHS);
        for (const rule of NOTED_MISTAKES) {
          for (const [column, epoch] of [[rule.note.column, rule.note.epoch], ['E_total', ARTICLE_EPOCHS]] as const) {
            const wrong = resolve({ name: mistakenName(column, rule.id), epoch });
            const agree = resolve({ name: agreeName(column, rule.id), epoch });
            const expected = Number.isFinite(wrong) ? sharedDigits(wrong, right[epoch - 1]?.[column] ?? Number.NaN) : 0;
            if (agree !== expected) throw new Error(`${rule.id} ${column}@${epoch}: ${agree} digits, expected ${expected}`);
            expect(formatMistakeQuantity({ name: agreeName(column, rule.id), epoch }, agree, 4)).toBe(expected === 17 ? 'Identical' : String(expected));
          }
        }
      }),
      { numRuns: 15 },
    );
    // The counting itself, on hand-made pairs: apart in the fourth digit, equal, of opposite signs, astride a power of ten.
    expect(sharedDigits(0.0003517763, 0.0003518686)).toBe(3);
    expect(sharedDigits(0.15, 0.15)).toBe(17);
    expect(sharedDigits(0.5, -0.5)).toBe(0);
    expect(sharedDigits(0.0999, 0.1001)).toBe(0);
  });

  it('the t1/t2 mistake gives exactly the right number when t1 = t2, and never otherwise', () => {
    fc.assert(
      fc.property(params, fc.boolean(), (p, same) => {
        const q = same ? { ...p, t2: p.t1 } : p;
        fc.pre(same || Math.abs(p.t1 - p.t2) > 1e-6);
        const resolve = createMistakeResolver(q);
        const right = train(q, 1)[0] as Snapshot;
        const column = t1ForT2.note.column;
        const wrong = resolve({ name: mistakenName(column, t1ForT2.id) });
        expect(Object.is(wrong, right[column]), `${wrong} vs ${right[column]}`).toBe(same);
        expect(resolve({ name: agreeName(column, t1ForT2.id) }) === 17).toBe(same);
      }),
      { numRuns: 80 },
    );
    // The article's values have t1 = t2: the note opens showing the two equal, in a word, not as "17 digits".
    expect(createMistakeResolver(ARTICLE_PARAMS)({ name: agreeName('dE_dw7', 't1-for-t2') })).toBe(17);
    expect(formatMistakeQuantity({ name: agreeName('dE_dw7', 't1-for-t2') }, 17, 4)).toBe('Identical');
    expect(formatMistakeQuantity({ name: agreeName('dE_dw7', 't1-for-t2') }, 16, 4)).toBe('16');
    // What marks a count as "Identical" for the stylesheet: a count of digits in common of 17, not any value of 17.
    expect(isIdenticalCount({ name: agreeName('dE_dw7', 't1-for-t2') }, 17)).toBe(true);
    expect(isIdenticalCount({ name: agreeName('dE_dw7', 't1-for-t2') }, 16)).toBe(false);
    expect(isIdenticalCount({ name: mistakenName('dE_dw7', 't1-for-t2') }, 17)).toBe(false);
  });
});

describe('a workbook with a mistake, run for 300 epochs', () => {
  it('without a mistake is the math module’s training, bit for bit', () => {
    fc.assert(
      fc.property(params, (p) => {
        const run = runWorkbook(null, p, 40);
        const rows = train(p, 40);
        for (const epoch of [1, 2, 17, 40]) {
          for (const name of [...PARAM_NAMES, ...DERIVED_NAMES]) {
            const a = run.value(name, epoch);
            const b = rows[epoch - 1]?.[name] ?? Number.NaN;
            if (!Object.is(a, b)) throw new Error(`${name}@${epoch}: ${a} vs ${b}`);
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('with E2 written with a_o1, trains the weights exactly as the right workbook does (the note says so)', () => {
    fc.assert(
      fc.property(params, (p) => {
        const run = runWorkbook(e2UsesAo1, p, ARTICLE_EPOCHS);
        const rows = train(p, ARTICLE_EPOCHS);
        for (const w of WEIGHT_NAMES) expect(run.value(w, ARTICLE_EPOCHS)).toBe(rows.at(-1)?.[w]);
      }),
      { numRuns: 10 },
    );
  });

  /** The export's tab with the rule's wrong formula in every column it changes, in every row, recalculated by a spreadsheet engine. */
  function spreadsheetWith(rule: (typeof NOTED_MISTAKES)[number], p: Params): SheetModel {
    const model = oneTabModel(p, ARTICLE_EPOCHS);
    const sheet = model.sheets[0] as SheetModel;
    for (let epoch = 1; epoch <= ARTICLE_EPOCHS; epoch++) {
      const row = EXPORT_LAYOUT.firstDataRow + epoch - 1;
      for (const column of rule.columns) {
        const wrong = rule.wrongFormula(column);
        if (!wrong || (isWeight(column) && epoch === 1)) continue;
        const ref = `${exportColumn(column)}${row}`;
        const cell = sheet.cells.get(ref) as CellModel;
        sheet.cells.set(ref, { ...cell, formula: printFormula(wrong, exportContext(row)) });
      }
    }
    return recalculateModel(model).sheets[0] as SheetModel;
  }

  const cellValue = (sheet: SheetModel, name: QuantityName, epoch: number) => sheet.cells.get(`${exportColumn(name)}${EXPORT_LAYOUT.firstDataRow + epoch - 1}`)?.value;
  const near = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b), 1e-300);

  // Targets apart (with the article's t1 = t2 the t1/t2 mistake would show nothing), and a faster rate.
  for (const p of [{ ...ARTICLE_PARAMS, t2: 0.2, w3: -0.6, lr: 0.7 }]) {
    it(`gives the note the numbers a spreadsheet computes with the same formulas (t2 = ${p.t2}, lr = ${p.lr})`, () => {
      const resolve = createMistakeResolver(p);
      for (const rule of NOTED_MISTAKES.filter((r) => r.kind === 'formula')) {
        const sheet = spreadsheetWith(rule, p);
        const { column, epoch } = rule.note;
        expect(near(cellValue(sheet, column, epoch), resolve({ name: mistakenName(column, rule.id), epoch })), `${rule.id} ${column}`).toBe(true);
        const last = resolve({ name: mistakenName('E_total', rule.id), epoch: ARTICLE_EPOCHS });
        expect(near(cellValue(sheet, 'E_total', ARTICLE_EPOCHS), last), `${rule.id} E_total@300: ${String(cellValue(sheet, 'E_total', ARTICLE_EPOCHS))} vs ${last}`).toBe(true);
      }
    });
  }

  it('with a relative learning-rate reference in the exported layout: still for one epoch, then #VALUE! from epoch 4, as the note says', () => {
    const p = { ...ARTICLE_PARAMS, t2: 0.3, lr: 0.9 };
    const sheet = mistakeModel('lr-relative', { params: p, epochs: ARTICLE_EPOCHS }).sheets[0] as SheetModel;
    // What the drifting reference reads: B2 empty, B3 the header of column B.
    expect(sheet.cells.has('B2')).toBe(false);
    expect(sheet.cells.get('B3')?.value).toBe('t1');
    expect(exportColumn('t1')).toBe('B');
    const resolve = createMistakeResolver(p);
    for (const w of WEIGHT_NAMES) {
      expect(near(cellValue(sheet, w, 3), resolve({ name: mistakenName(w, lrRelative.id), epoch: 3 })), w).toBe(true);
      expect(cellValue(sheet, w, 3)).toBe(cellValue(sheet, w, 2));
      expect(cellValue(sheet, w, 4)).toEqual({ error: '#VALUE!' });
    }
    expect(cellValue(sheet, 'E_total', 3)).toEqual(expect.any(Number));
    expect(cellValue(sheet, 'E_total', 4)).toEqual({ error: '#VALUE!' });
    expect(cellValue(sheet, 'E_total', ARTICLE_EPOCHS)).toEqual({ error: '#VALUE!' });
    // Whatever the values, the note's run breaks at the same epoch (MistakeNote.astro says which).
    fc.assert(
      fc.property(params, (q) => {
        const run = runWorkbook(lrRelative, q, 6);
        expect([1, 2, 3, 4, 5, 6].map((n) => Number.isFinite(run.value('E_total', n)))).toEqual([true, true, true, false, false, false]);
      }),
      { numRuns: 20 },
    );
  });
});
