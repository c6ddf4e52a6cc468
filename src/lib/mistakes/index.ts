/**
 * The catalogue of known mistakes, one rule per file of this folder, in the
 * order the checker tries them. A rule holds everything about its mistake:
 * its id, its words, and the wrong formula (formula rules) or the evidence
 * (evidence rules) that shows it; `rule.ts` describes the three kinds.
 *
 * To add a mistake: write its rule in a new file here, list it below, and add
 * a fixture workbook that shows it (`tests/support/workbook-fixtures.ts`).
 * The checker and the report need no other change. A rule also holds the
 * tutorial's note on the mistake (`note`); put `<MistakeNote mistake="…" />`
 * at the step where students make it (a test fails until some page does).
 */
import type { QuantityName } from '../backprop';
import type { Expr } from '../quantities/expr';
import { e2UsesAo1 } from './e2-uses-a-o1';
import { halfMisplaced } from './half-misplaced';
import { lrRelative } from './lr-relative';
import { missingSlope } from './missing-slope';
import { plusNotMinus } from './plus-not-minus';
import { applyVariant, type CellEvidenceRule, type FormulaRule, type SheetEvidenceRule, type WorkbookMistake, type Wording } from './rule';
import { sigmoidSlopePlus } from './sigmoid-slope-plus';
import { slopeAh1 } from './slope-a-h1';
import { sumForActivation } from './sum-for-activation';
import { t1ForT2 } from './t1-for-t2';
import { t1ForT2Hidden } from './t1-for-t2-hidden';
import { tMinusA } from './t-minus-a';
import { UNRECOGNISED } from './unrecognised';
import { updatedW5W8 } from './updated-w5-w8';

export type * from './rule';
export {
  e2UsesAo1,
  halfMisplaced,
  lrRelative,
  missingSlope,
  plusNotMinus,
  sigmoidSlopePlus,
  slopeAh1,
  sumForActivation,
  t1ForT2,
  t1ForT2Hidden,
  tMinusA,
  UNRECOGNISED,
  updatedW5W8,
};

/** Every known mistake; where two fit the same cell, the earlier is named. */
export const MISTAKES = [
  slopeAh1,
  t1ForT2,
  t1ForT2Hidden,
  e2UsesAo1,
  updatedW5W8,
  lrRelative,
  plusNotMinus,
  sigmoidSlopePlus,
  missingSlope,
  sumForActivation,
  tMinusA,
  halfMisplaced,
] as const;

/** The mistakes the checker can name, and `unrecognised` for a wrong value none explains. */
export type MistakeId = (typeof MISTAKES)[number]['id'] | 'unrecognised';

type Known = (typeof MISTAKES)[number];

/** The words for a mistake. */
export function wordingOf(id: MistakeId): Wording {
  return MISTAKES.find((rule) => rule.id === id) ?? UNRECOGNISED;
}

/** The mistakes the tutorial gives a note of their own, in catalogue order (MistakeNote.astro). */
export const NOTED_MISTAKES = MISTAKES.filter((rule): rule is Extract<Known, WorkbookMistake> => 'column' in rule.note);

/** A mistake with a note of its own, by id. */
export function notedMistake(id: string): (typeof NOTED_MISTAKES)[number] | undefined {
  return NOTED_MISTAKES.find((rule) => rule.id === id);
}

/** Words other mistakes add to a note, said when its two values are equal (t1 = t2 hides the t1/t2 mistake). */
export function wordsWhenEqual(id: string): { readonly id: MistakeId; readonly words: string }[] {
  return MISTAKES.flatMap((rule) => ('within' in rule.note && rule.note.within === id ? [{ id: rule.id, words: rule.note.whenEqual }] : []));
}

/** The formula rules, in catalogue order. */
export const FORMULA_RULES = MISTAKES.filter((rule): rule is Extract<Known, FormulaRule> => rule.kind === 'formula');
/** The rules that read a wrong cell's evidence when no formula rule explains it. */
export const CELL_EVIDENCE_RULES = MISTAKES.filter((rule): rule is Extract<Known, CellEvidenceRule> => rule.kind === 'cell-evidence');
/** The rules that look at the whole sheet once every column is judged. */
export const SHEET_EVIDENCE_RULES = MISTAKES.filter((rule): rule is Extract<Known, SheetEvidenceRule> => rule.kind === 'sheet-evidence');

/** A wrong version of a column's formula and the mistakes in it. */
export interface WrongVersion {
  readonly ids: readonly MistakeId[];
  readonly expr: Expr;
}

/** Each variant of the rule that changes the formula, with the rule's id. */
function versionsOf(rule: (typeof FORMULA_RULES)[number], correct: Expr, ids: readonly MistakeId[]): WrongVersion[] {
  // A variant that leaves this column's formula as it was would name a mistake in a right cell;
  // two variants may write one column alike (they differ elsewhere), and one try is enough.
  const seen = new Set([JSON.stringify(correct)]);
  return rule.variants
    .map((variant) => ({ ids: [...ids, rule.id], expr: applyVariant(correct, variant) }))
    .filter((version) => {
      const key = JSON.stringify(version.expr);
      return !seen.has(key) && Boolean(seen.add(key));
    });
}

/** The wrong versions of a column's formula: each mistake alone, then each pair (students often make two at once). */
export function wrongVersions(column: QuantityName, correct: Expr): WrongVersion[] {
  const rules = FORMULA_RULES.filter((rule) => rule.columns.includes(column));
  const out = rules.flatMap((rule) => versionsOf(rule, correct, []));
  rules.forEach((first, i) => {
    for (const alone of versionsOf(first, correct, [])) {
      for (const second of rules.slice(i + 1)) out.push(...versionsOf(second, alone.expr, alone.ids));
    }
  });
  return out;
}
