/**
 * The shape of one known mistake: its name and words, the wrong formula or
 * the evidence that shows it, and the tutorial's note on it. Rules are plain
 * data and pure functions (no DOM, no file reading), so a build-time page can
 * import one to show the same mistake at the step where students make it.
 */
import type { Params, QuantityName, WeightName } from '../backprop';
import { columnFormula, evaluateExpr, replaceQuantities, type Getter, type Replacements } from '../quantities/definitions';
import { sameExpr, type Expr } from '../quantities/expr';

/**
 * How the tutorial shows a mistake beside the step where students make it
 * (src/components/MistakeNote.astro): plain words for any values, and the one
 * cell it compares, right and mistaken, in a workbook with every other formula right.
 */
export interface NoteSpec {
  /** What goes wrong and why it matters, in plain words true for any values (the report's `explain` names cells instead). */
  readonly words: string;
  /** The column the note compares: one the mistake changes. */
  readonly column: QuantityName;
  /** The epoch of the row it compares (1 = the starting values; a weight's first update is epoch 2). */
  readonly epoch: number;
  /** TeX for what the mistaken formula reads in place of the learning rate, when that is the mistake (e.g. a cell). */
  readonly lrTex?: string;
}

/** A mistake that has no note of its own: its words join another mistake's note when the two values there are equal. */
export interface SharedNote {
  /** The mistake whose note shows these words. */
  readonly within: string;
  /** Said when that note's mistaken value equals the right one. */
  readonly whenEqual: string;
}

/** A mistake as a workbook that has it computes: what the tutorial's note and its 300-epoch run need. */
export interface WorkbookMistake {
  readonly id: string;
  readonly note: NoteSpec;
  /** The formula a column holds with the mistake (the same in every epoch row, bar the first row's typed weights); null where it is unchanged. */
  wrongFormula(column: QuantityName): Expr | null;
  /** The learning rate the weight update into `epoch` (2 or later) reads when the rate cell holds `lr`; `get` reads the row above. */
  rateInto(epoch: number, lr: number, get: Getter): number;
  /** The value the mistaken formula gives a column, from one row's values (`prev`: the row above's); for a weight, in the note's epoch. */
  mistakenValue(column: QuantityName, get: Getter, lr: number): number;
}

/** Where a mistake shows in one sheet, as its explanation needs it. */
export interface Sighting {
  /** First wrong cells, one per affected column, e.g. ["Z19", "AA19"]. */
  readonly cells: readonly string[];
  readonly columns: readonly QuantityName[];
  /** Extra facts for the explanation (e.g. the learning rate the weights imply). */
  readonly facts: Readonly<Record<string, string>>;
}

/** What an explanation may ask of the sheet it appears in. */
export interface SheetFacts {
  /** Leading significant digits a column's first wrong cell shares with the right value (0 if none). */
  agreeingDigits(column: QuantityName): number;
}

/** How the report words a mistake. */
export interface Wording {
  /** The report's heading for it, e.g. "E2 computed with a_o1". */
  readonly title: string;
  /** The few words a table cell uses for it. */
  readonly short: string;
  /** The plain-words explanation, naming the cells where it shows. */
  explain(seen: Sighting, sheet: SheetFacts): string;
}

/** One way of getting a formula wrong: quantities swapped for others, or any other rewrite of the right formula. */
export type Variant = { readonly replace: Replacements } | { readonly rewrite: (correct: Expr) => Expr };

/** A mistake in how columns' formulas are written, recognised by recomputing the wrong formula from the row's own values. */
export interface FormulaRule<Id extends string = string> extends Wording, WorkbookMistake {
  readonly kind: 'formula';
  readonly id: Id;
  /** The columns whose formula the mistake changes. */
  readonly columns: readonly QuantityName[];
  /** The ways students write it, most common first; each column's own mistake is the first that changes it. */
  readonly variants: readonly [Variant, ...Variant[]];
  /** The wrong formula in a column (the first variant that changes it) in an epoch row after the first; null for a column it does not touch. */
  wrongFormula(column: QuantityName): Expr | null;
  /** The value the wrong formula gives a column, from one row's values (`prev`: the row above's). */
  mistakenValue(column: QuantityName, get: Getter, lr: number): number;
}

/** Facts for an explanation. */
export type Facts = Readonly<Record<string, string>>;

/** The cell a weight update reads its learning rate from. */
export interface LrSource {
  /** As a formula names it: "B2", or "'LR 2'!B2" on another sheet. */
  readonly at: string;
  /** The same cell with `$` signs: "$B$2". */
  readonly absolute: string;
  /** What it holds: its number, or e.g. "text “w1”". */
  readonly holds: string;
}

/** What evidence may read of an epoch table, in the article's names; rows by index (0 = the first epoch row). */
export interface TableView {
  /** The learning rate found for the table. */
  readonly lr: number | undefined;
  /** The parameters a row was recomputed from (undefined where checking had stopped). */
  params(index: number): Params | undefined;
  /** A quantity's number in a row: its column's cell, or its single labelled cell. */
  value(q: QuantityName, index: number): number | undefined;
  /** A column's formula in a row, without "=". */
  formula(q: QuantityName, index: number): string | undefined;
  /** A column's cell address in a row, e.g. "Z19". */
  address(q: QuantityName, index: number): string;
  /** The quantities whose columns a cell's formula reads in its own row. */
  readsInRow(q: QuantityName, index: number): ReadonlySet<QuantityName>;
  /** The learning-rate cell of a weight's update in a row: the first reference other than the weight and gradient above. */
  lrSource(w: WeightName, index: number): LrSource | undefined;
  /** Whether the sheet has a column for a quantity. */
  hasColumn(q: QuantityName): boolean;
  /** Whether a column has been judged to match every row (false for columns not checked yet or absent). */
  matchesEverywhere(q: QuantityName): boolean;
}

/** A mistake seen in a wrong cell no formula variant explains, from other evidence (formula text, neighbouring values). */
export interface CellEvidenceRule<Id extends string = string> extends Wording, WorkbookMistake {
  readonly kind: 'cell-evidence';
  readonly id: Id;
  readonly columns: readonly QuantityName[];
  /** The facts that show the mistake in a column's first wrong cell (row `index`), or null. */
  evidence(view: TableView, column: QuantityName, index: number): Facts | null;
}

/** What a sheet-wide look finds: the cells that show the mistake, or a note that it cannot be seen. */
export type SheetEvidence = { readonly cells: readonly { readonly cell: string; readonly column: QuantityName }[]; readonly facts: Facts } | { readonly note: string };

/** A mistake that changes no number here, seen in the formulas once every column is judged. */
export interface SheetEvidenceRule<Id extends string = string> extends Wording {
  readonly kind: 'sheet-evidence';
  readonly id: Id;
  readonly columns: readonly QuantityName[];
  /** Where the tutorial says it: a mistake no number shows joins the note of the one whose numbers it hides. */
  readonly note: SharedNote;
  /** Looks at the whole table; null when there is nothing to say. */
  evidence(view: TableView): SheetEvidence | null;
}

/** Any known mistake. */
export type Rule = FormulaRule | CellEvidenceRule | SheetEvidenceRule;

/** A formula with one variant of a mistake in it. */
export function applyVariant(correct: Expr, variant: Variant): Expr {
  return 'replace' in variant ? replaceQuantities(correct, variant.replace) : variant.rewrite(correct);
}

/**
 * The variant of a rule a column shows: the first that changes the column's formula (a rule may
 * be written differently in different columns: ½ dropped from E, kept in ∂E/∂a). Undefined for a
 * column the rule does not name.
 */
export function variantIn(rule: Pick<FormulaRule, 'columns' | 'variants'>, column: QuantityName): Variant | undefined {
  const correct = rule.columns.includes(column) ? columnFormula(column, false) : null;
  if (!correct) return undefined;
  return rule.variants.find((variant) => !sameExpr(applyVariant(correct, variant), correct)) ?? rule.variants[0];
}

/** A formula rule from its words, columns and variants. */
export function formulaRule<const Id extends string>(
  spec: Omit<FormulaRule<Id>, 'kind' | 'wrongFormula' | 'mistakenValue' | 'rateInto'>,
): FormulaRule<Id> {
  const wrongFormula = (column: QuantityName): Expr | null => {
    const correct = columnFormula(column, false);
    const variant = variantIn(spec, column);
    return correct && variant ? applyVariant(correct, variant) : null;
  };
  return {
    ...spec,
    kind: 'formula',
    wrongFormula,
    rateInto: (_epoch, lr) => lr,
    mistakenValue(column, get, lr) {
      const wrong = wrongFormula(column);
      return wrong ? evaluateExpr(wrong, get, lr) : Number.NaN;
    },
  };
}

/** A cell-evidence rule from its words, columns, evidence and what a workbook with it computes. */
export function cellEvidenceRule<const Id extends string>(spec: Omit<CellEvidenceRule<Id>, 'kind'>): CellEvidenceRule<Id> {
  return { ...spec, kind: 'cell-evidence' };
}

/** A sheet-evidence rule from its words, columns and evidence. */
export function sheetEvidenceRule<const Id extends string>(spec: Omit<SheetEvidenceRule<Id>, 'kind'>): SheetEvidenceRule<Id> {
  return { ...spec, kind: 'sheet-evidence' };
}
