/**
 * The TeX of a known mistake's formula, written from the same expression the
 * checker recognises it by (src/lib/mistakes/), beside the right
 * formula in the same shape, with the part that differs boxed. Build time only:
 * MistakeNote.astro typesets the result with KaTeX.
 */
import { isQuantityName, isWeight, type QuantityName } from '../../backprop';
import { columnFormula, definitionOf, replaceQuantities, symbolOf, updatedSymbol } from '../../quantities/definitions';
import { mapQuantities, sameExpr, type Expr } from '../../quantities/expr';
import { texOf, type Factor, type TexStyle } from '../../quantities/tex';
import type { FormulaRule, WorkbookMistake } from '../rule';

/** Quantities written out as a spreadsheet writes them (their definitions), not as a symbol: the places mistakes sit. */
const WRITTEN_OUT = new Set<QuantityName>(['dE_da_o1', 'dE_da_o2', 'da_o1_do1', 'da_o2_do2', 'da_h1_dh1', 'da_h2_dh2']);

/** A product reads as the article writes it: a_{h1}\,(1 - a_{h1}) and \eta\,\frac{…}{…}, a centred dot elsewhere. */
const times = (a: Factor, b: Factor): string => (b.tex.startsWith('(') || a.e.k === 'lr' ? '\\,' : ' \\cdot ');

/** Opens up the quantities a spreadsheet writes out in full, as the page writes them: a_{h2}(1 − a_{h2}) rather than ∂a_h2/∂h2. */
function writeOut(e: Expr): Expr {
  return mapQuantities(e, (node) => {
    const definition = WRITTEN_OUT.has(node.q) ? definitionOf(node.q) : undefined;
    return definition ? writeOut(definition) : node;
  });
}

/**
 * Walks the right and the mistaken formula side by side and marks where they part: a whole
 * subexpression, or only an operator where both sides keep the same operands (+ for −).
 */
function markDifferences(right: Expr, wrong: Expr, marks: { boxed: Set<Expr>; boxedOperator: Set<Expr> }): void {
  if (sameExpr(right, wrong)) return;
  if (right.k === 'op' && wrong.k === 'op') {
    if (right.op === wrong.op) {
      markDifferences(right.a, wrong.a, marks);
      markDifferences(right.b, wrong.b, marks);
      return;
    }
    if (sameExpr(right.a, wrong.a) && sameExpr(right.b, wrong.b)) {
      marks.boxedOperator.add(right).add(wrong);
      return;
    }
  }
  marks.boxed.add(right).add(wrong);
}

/**
 * The right formula written to the same depth as the mistaken one: the checker's wrong formula
 * opens up definitions down to the quantity it swaps (∂E/∂h2 becomes ∂E/∂a_h2 · its slope), and
 * the right one is opened the same way, swapping each of those quantities for itself.
 */
function rightInShape(mistake: WorkbookMistake, correct: Expr): Expr {
  const variant = (mistake as Partial<FormulaRule>).variants?.[0];
  if (!variant || !('replace' in variant)) return correct;
  const itself: Record<string, Expr> = {};
  for (const name of Object.keys(variant.replace)) if (isQuantityName(name)) itself[name] = { k: 'q', q: name };
  return replaceQuantities(correct, itself);
}

/** The left-hand side of a column's formula: ∂E_total/∂w3 = …, E_2 = …, and w_1^{+} for a weight's update. */
export function columnTex(column: QuantityName): string {
  return isWeight(column) ? updatedSymbol(column) : symbolOf(column);
}

/** The note's two formulas for its column, as TeX: the right one and the mistaken one, each `lhs = rhs`, differences boxed. */
export function noteFormulas(mistake: WorkbookMistake): { readonly right: string; readonly wrong: string } {
  const { column, lrTex } = mistake.note;
  const correct = columnFormula(column, false);
  const wrong = mistake.wrongFormula(column);
  if (!correct || !wrong) throw new Error(`${mistake.id}: no formula for ${column}`);
  const right = writeOut(rightInShape(mistake, correct));
  const mistaken = writeOut(wrong);
  const marks = { boxed: new Set<Expr>(), boxedOperator: new Set<Expr>() };
  markDifferences(right, mistaken, marks);
  const lhs = columnTex(column);
  const style = { quantity: symbolOf, times, bracedExponents: true, braceJuxtaposed: true, ...marks };
  const rightStyle: TexStyle = { ...style, lr: lrTex ? `\\boxed{\\eta}` : '\\eta' };
  const wrongStyle: TexStyle = { ...style, lr: lrTex ? `\\boxed{${lrTex}}` : '\\eta' };
  return { right: `${lhs} = ${texOf(right, rightStyle)}`, wrong: `${lhs} = ${texOf(mistaken, wrongStyle)}` };
}

/**
 * Any right and mistaken formula for the same left-hand side, as TeX, each `lhs = rhs`, with the
 * parts that differ boxed as a note boxes them (an exercise's formulas, written out to what it shows).
 */
export function formulaPair(lhs: string, right: Expr, wrong: Expr): { readonly right: string; readonly wrong: string } {
  const marks = { boxed: new Set<Expr>(), boxedOperator: new Set<Expr>() };
  markDifferences(right, wrong, marks);
  const style: TexStyle = { quantity: symbolOf, lr: '\\eta', times, bracedExponents: true, braceJuxtaposed: true, ...marks };
  return { right: `${lhs} = ${texOf(right, style)}`, wrong: `${lhs} = ${texOf(wrong, style)}` };
}
