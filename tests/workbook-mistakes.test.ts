import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTICLE_PARAMS, train, type Snapshot } from '../src/lib/backprop';
import { matches } from '../src/lib/workbook/check';
import { columnFormula, type Getter } from '../src/lib/workbook/formulas';
import { FORMULA_RULES, MISTAKES, wrongVersions } from '../src/lib/workbook/mistakes';
import { MISTAKE_SHORT, MISTAKE_TITLES } from '../src/lib/workbook/report';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
    const allowed = /^src\/lib\/(backprop\/[\w-]+|workbook\/(mistakes\/[\w-]+|formulas|compare|headers))\.ts$/;
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
    visit('src/lib/workbook/mistakes/index.ts');
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
