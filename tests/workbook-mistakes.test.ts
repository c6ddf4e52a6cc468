import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE_PARAMS, WEIGHT_NAMES, train, type QuantityName, type Snapshot } from '../src/lib/backprop';
import { checkSheets, matches, type SheetResult } from '../src/lib/workbook/check';
import { EXPORT_COLUMNS, EXPORT_LAYOUT, exportColumn } from '../src/lib/workbook/export';
import { columnFormula, evaluateExpr, plainName, type Getter } from '../src/lib/quantities/definitions';
import { checkBytes } from '../src/lib/workbook/index';
import { FORMULA_RULES, MISTAKES, halfMisplaced, missingSlope, sigmoidSlopePlus, sumForActivation, tMinusA, wrongVersions, type FormulaRule } from '../src/lib/mistakes';
import { MISTAKE_SHORT, MISTAKE_TITLES } from '../src/lib/workbook/report';
import { readXlsx } from '../src/lib/xlsx/read';
import { mistakeWorkbook, type InjectedMistake } from './support/workbook-fixtures';

vi.setConfig({ testTimeout: 60_000 });

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const first = EXPORT_LAYOUT.firstDataRow;
const at = (name: QuantityName, row: number) => `${exportColumn(name)}${row}`;
const GRADIENTS = ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'] as const;

/** A row's values from the math module: `prev` reads the epoch before. */
function snapshotGetter(now: Snapshot, before: Snapshot): Getter {
  return (q, prev) => (prev ? before : now)[q];
}

describe('the catalogue of mistakes', () => {
  it('has one rule per id, each with its words, and the report’s titles and labels come from it', () => {
    const ids = MISTAKES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 7)).toEqual(['slope-a-h1', 't1-for-t2', 't1-for-t2-hidden', 'e2-uses-a-o1', 'updated-w5-w8', 'lr-relative', 'plus-not-minus']);
    for (const rule of MISTAKES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(MISTAKE_TITLES[rule.id]).toBe(rule.title);
      expect(MISTAKE_SHORT[rule.id]).toBe(rule.short);
      expect(rule.columns.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('can be imported without the checker: rule files reach only the math module and the formula helpers', () => {
    const allowed = /^src\/lib\/(backprop\/[\w-]+|mistakes\/[\w-]+|quantities\/(definitions|expr))\.ts$/;
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      expect(file).toMatch(allowed);
      const source = readFileSync(path.join(repoRoot, file), 'utf8');
      for (const [, spec] of source.matchAll(/^(?:import|export)\s+(?:[\w*\s{},]*?\s+from\s+)?'([^']+)'/gm)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\./);
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec as string));
        const asFile = `${target}.ts`;
        visit(existsSync(path.join(repoRoot, asFile)) ? asFile : `${target}/index.ts`);
      }
    };
    visit('src/lib/mistakes/index.ts');
    expect(seen.size).toBeGreaterThan(10);
  });

  // t1 ≠ t2, so that every mistake changes the numbers.
  const run = train({ ...ARTICLE_PARAMS, t1: 0.1, t2: 0.9, lr: 0.5 }, 2);
  const [before, now] = run as [Snapshot, Snapshot];
  for (const rule of FORMULA_RULES) {
    it(`${rule.id}: a wrong formula in every column it names, whose value is the one the checker looks for`, () => {
      for (const column of rule.columns) {
        const wrong = rule.wrongFormula(column);
        const correct = columnFormula(column, false);
        if (!wrong || !correct) throw new Error(`${rule.id}: no formula for ${column}`);
        // The checker tries exactly this expression when it looks for the mistake alone.
        expect(wrongVersions(column, correct).find((v) => v.ids.length === 1 && v.ids[0] === rule.id)?.expr, column).toEqual(wrong);
        const value = rule.mistakenValue(column, snapshotGetter(now, before), 0.5);
        expect(Number.isFinite(value), column).toBe(true);
        expect(matches(value, now[column]), `${column}: ${value} should differ from ${now[column]}`).toBe(false);
      }
      expect(rule.wrongFormula('h1')).toBeNull();
    });
  }
});

function only(bytes: Uint8Array): SheetResult {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(read.problem.message);
  const checked = checkSheets(read.sheets).filter((s) => s.status === 'checked');
  expect(checked).toHaveLength(1);
  return checked[0] as SheetResult;
}

describe('a seventh mistake, added as one rule: the sigmoid’s slope written σ·(1 + σ)', () => {
  const cells = GRADIENTS.map((q) => at(q, first));

  for (const values of [false, true]) {
    it(`is named at every gradient’s first cell${values ? ' (values only, no formulas)' : ''}`, () => {
      const sheet = only(mistakeWorkbook('slope-plus', { epochs: 60, values }));
      expect(sheet.mistakes.map((m) => m.id)).toEqual(['sigmoid-slope-plus']);
      expect(sheet.mistakes[0]?.cells).toEqual(cells);
      expect(sheet.columns.filter((c) => c.status === 'wrong').map((c) => c.first?.cell)).toEqual(cells);
      for (const w of WEIGHT_NAMES) {
        expect(sheet.columns.find((c) => c.name === w), w).toMatchObject({ status: 'inherits', inheritsFrom: at(`dE_d${w}`, first) });
      }
      expect(sheet.drift).toMatchObject({ fromRow: first + 1 });
    });
  }

  it('holds in its first wrong cell the value the rule computes for that row', () => {
    const sheet = only(mistakeWorkbook('slope-plus', { epochs: 5 }));
    const [row1] = train(ARTICLE_PARAMS, 1) as [Snapshot];
    for (const q of GRADIENTS) {
      const found = sheet.columns.find((c) => c.name === q)?.first?.foundValue ?? Number.NaN;
      expect(matches(found, sigmoidSlopePlus.mistakenValue(q, snapshotGetter(row1, row1), ARTICLE_PARAMS.lr)), q).toBe(true);
    }
  });

  it('is put in the report’s words', () => {
    const outcome = checkBytes(mistakeWorkbook('slope-plus', { epochs: 20 }), 'slope-plus.xlsx');
    const title = 'The sigmoid’s slope written σ·(1 + σ) instead of σ·(1 − σ)';
    expect(outcome.status).toBe(`Checked “slope-plus.xlsx” (1 sheet): ${title}. First wrong cell: ${cells[0]}.`);
    const texts = outcome.blocks.flatMap((b) => (b.t === 'p' ? [b.text] : []));
    expect(texts).toContain(`${title} (first in ${cells.slice(0, -1).join(', ')} and ${cells.at(-1)}).`);
    expect(texts.join(' ')).toContain('(∂E/∂w1, ∂E/∂w2, ∂E/∂w3, ∂E/∂w4, ∂E/∂w5, ∂E/∂w6, ∂E/∂w7 and ∂E/∂w8) multiply by σ·(1 + σ) instead');
    const table = outcome.blocks.find((b) => b.t === 'table');
    const dw5 = table?.t === 'table' ? table.rows.find((r) => r[0] === `∂E/∂w5 (${exportColumn('dE_dw5')})`) : undefined;
    expect(dw5?.[1]).toBe('wrong: slope σ·(1 + σ)');
  });
});

/** The mistakes students make by hand (issue 20), each one rule: its fixture, and the columns it shows in first. */
/** `other`: a second way of writing the mistake, which is the column's own wrong formula only in the columns `own` lists. */
const BY_HAND: readonly {
  fixture: InjectedMistake;
  rule: FormulaRule;
  columns: readonly QuantityName[];
  other?: { what: string; own: readonly QuantityName[] };
}[] = [
  { fixture: 'missing-slope', rule: missingSlope, columns: GRADIENTS },
  { fixture: 'sum-for-activation', rule: sumForActivation, columns: GRADIENTS },
  { fixture: 't-minus-a', rule: tMinusA, columns: GRADIENTS },
  { fixture: 'half-kept', rule: halfMisplaced, columns: GRADIENTS },
  { fixture: 'half-dropped', rule: halfMisplaced, columns: ['E1', 'E2'] },
  // The same mistakes as students also write them: no slope anywhere; E = (t − a)² and its derivative 2(a − t).
  { fixture: 'no-slope', rule: missingSlope, columns: GRADIENTS, other: { what: 'no slope in any gradient', own: GRADIENTS.slice(4) } },
  { fixture: 'sum-of-squares', rule: halfMisplaced, columns: ['E1', 'E2', ...GRADIENTS], other: { what: 'E without ½, and 2(a − t)', own: ['E1', 'E2'] } },
];

describe('the mistakes made by hand, each added as one rule, are named at the first cells they affect', () => {
  for (const { fixture, rule, columns, other } of BY_HAND) {
    const cells = columns.map((q) => at(q, first));
    const changesTraining = columns.includes('dE_dw1');

    for (const values of [false, true]) {
      it(`${fixture}: ${rule.id} at ${cells[0]}${cells.length > 1 ? ` … ${cells.at(-1)}` : ''}${values ? ' (values only, no formulas)' : ''}`, () => {
        const sheet = only(mistakeWorkbook(fixture, { epochs: 40, values }));
        expect(sheet.mistakes.map((m) => m.id)).toEqual([rule.id]);
        expect(sheet.mistakes[0]?.cells).toEqual(cells);
        expect(sheet.columns.filter((c) => c.status === 'wrong').map((c) => c.first?.cell)).toEqual(cells);
        if (changesTraining) {
          for (const w of WEIGHT_NAMES) {
            expect(sheet.columns.find((c) => c.name === w), w).toMatchObject({ status: 'inherits', inheritsFrom: at(`dE_d${w}`, first) });
          }
          expect(sheet.drift).toMatchObject({ fromRow: first + 1 });
        } else {
          // E without its ½ trains as the right sheet does: only the error columns are off.
          expect(sheet.columns.find((c) => c.name === 'E_total')).toMatchObject({ status: 'inherits', inheritsFrom: at('E1', first) });
          for (const w of WEIGHT_NAMES) expect(sheet.columns.find((c) => c.name === w)?.status, w).toBe('match');
        }
      });
    }

    it(`${fixture}: its first wrong cells hold ${other?.what ?? 'the value the rule computes for that row'}, and the report says so in its words`, () => {
      const sheet = only(mistakeWorkbook(fixture, { epochs: 5 }));
      const [row1] = train(ARTICLE_PARAMS, 1) as [Snapshot];
      for (const q of columns) {
        const found = sheet.columns.find((c) => c.name === q)?.first?.foundValue ?? Number.NaN;
        // Another way of writing it is some other variant of the rule, not the column's own wrong formula.
        expect(matches(found, rule.mistakenValue(q, snapshotGetter(row1, row1), ARTICLE_PARAMS.lr)), q).toBe(other?.own.includes(q) ?? true);
      }
      const outcome = checkBytes(mistakeWorkbook(fixture, { epochs: 20 }), `${fixture}.xlsx`);
      expect(outcome.status).toBe(`Checked “${fixture}.xlsx” (1 sheet): ${rule.title}. First wrong cell: ${cells[0]}.`);
      const texts = outcome.blocks.flatMap((b) => (b.t === 'p' ? [b.text] : []));
      expect(texts).toContain(`${rule.title} (first in ${cells.length === 1 ? cells[0] : `${cells.slice(0, -1).join(', ')} and ${cells.at(-1)}`}).`);
      expect(texts.join(' ')).toContain(rule.explain({ cells, columns, facts: {} }, { agreeingDigits: () => 0 }));
      const table = outcome.blocks.find((b) => b.t === 'table');
      const row = table?.t === 'table' ? table.rows.find((r) => r[0] === `${plainName(columns[0] as QuantityName)} (${exportColumn(columns[0] as QuantityName)})`) : undefined;
      expect(row?.[1]).toBe(`wrong: ${rule.short}`);
    });
  }

});

describe('two mistakes that give one number in a cell', () => {
  // The article's values (t1 = t2) and targets apart, each row from the math module.
  for (const [label, p] of [
    ['the article’s values', ARTICLE_PARAMS],
    // Not a sum of 0 (w3 = −0.6 makes h2 = 0): a slope of exactly ¼ makes "slope left out, and 2(a − t)" the ½ kept.
    ['targets apart', { ...ARTICLE_PARAMS, t1: 0.1, t2: 0.9, w3: -0.5, lr: 0.7 }],
  ] as const) {
    it(`are told apart at ${label}, but for a rule and the same rule with t1 for t2 when t1 = t2, where the rule alone comes first`, () => {
      const [before, now] = train(p, 2) as [Snapshot, Snapshot];
      const ties: string[] = [];
      for (const column of EXPORT_COLUMNS) {
        const correct = columnFormula(column, false);
        if (!correct) continue;
        const versions = wrongVersions(column, correct).map((v) => ({ ids: v.ids, value: evaluateExpr(v.expr, snapshotGetter(now, before), p.lr) }));
        versions.forEach((a, i) => {
          for (const b of versions.slice(i + 1)) {
            // Two spellings of the same mistakes may agree (E2 with t2 or t1 when t1 = t2).
            if (!matches(a.value, b.value) || (a.ids.length === b.ids.length && a.ids.every((id) => b.ids.includes(id)))) continue;
            // The only tie allowed: the same mistakes, one of them paired with t1 for t2, which changes nothing when t1 = t2.
            const hidden = p.t1 === p.t2 && b.ids.length === a.ids.length + 1 && b.ids.includes('t1-for-t2') && a.ids.every((id) => b.ids.includes(id));
            if (!hidden) ties.push(`${column}: ${a.ids.join('+')} and ${b.ids.join('+')} both give ${a.value}`);
          }
        });
      }
      expect(ties).toEqual([]);
    });
  }
});
