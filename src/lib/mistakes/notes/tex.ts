/**
 * The TeX of a known mistake's formula, written from the same expression the
 * checker recognises it by (src/lib/mistakes/), beside the right
 * formula in the same shape, with the part that differs boxed. Build time only:
 * MistakeNote.astro typesets the result with KaTeX.
 */
import { isQuantityName, type QuantityName } from '../../backprop';
import { DEFINITIONS, columnFormula, isWeight, mapQuantities, replaceQuantities, type Expr } from '../../workbook/formulas';
import type { FormulaRule, WorkbookMistake } from '../rule';

/** Quantities written out as a spreadsheet writes them (their definitions), not as a symbol: the places mistakes sit. */
const WRITTEN_OUT = new Set<QuantityName>(['dE_da_o1', 'dE_da_o2', 'da_o1_do1', 'da_o2_do2', 'da_h1_dh1', 'da_h2_dh2']);

/** The article's symbol for a quantity: `a_h1` → `a_{h1}`, `dE_do1` → ∂E_total/∂o_1, `lr` → η. */
export function quantityTex(name: string): string {
  if (name === 'lr') return '\\eta';
  if (name === 'E_total') return 'E_{\\mathrm{total}}';
  const derivative = /^d(E\d?|a_[ho]\d)_d(.+)$/.exec(name);
  if (derivative) {
    const [, top = '', bottom = ''] = derivative;
    return `\\frac{\\partial ${top === 'E' ? 'E_{\\mathrm{total}}' : quantityTex(top)}}{\\partial ${quantityTex(bottom)}}`;
  }
  const activation = /^a_([ho]\d)$/.exec(name);
  if (activation) return `a_{${activation[1]}}`;
  const indexed = /^([A-Za-z])(\d)$/.exec(name);
  return indexed ? `${indexed[1]}_${indexed[2]}` : name;
}

const PRECEDENCE: Readonly<Record<string, number>> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 3 };
const ATOM = 5;

/** How to write an expression: what stands for the learning rate, and which nodes (or only their operator) to box. */
interface TexOptions {
  readonly lr: string;
  readonly boxed: ReadonlySet<Expr>;
  readonly boxedOperator: ReadonlySet<Expr>;
}

function numberTex(v: number): string {
  return v === 0.5 ? '\\tfrac{1}{2}' : String(v);
}

/** An expression as TeX, with its precedence (so a caller knows whether it needs parentheses). */
function write(e: Expr, options: TexOptions): { tex: string; prec: number } {
  const inner = writeUnboxed(e, options);
  return options.boxed.has(e) ? { tex: `\\boxed{${inner.tex}}`, prec: ATOM } : inner;
}

function writeUnboxed(e: Expr, options: TexOptions): { tex: string; prec: number } {
  switch (e.k) {
    case 'n':
      return { tex: numberTex(e.v), prec: ATOM };
    case 'lr':
      return { tex: options.lr, prec: ATOM };
    case 'q':
      return { tex: quantityTex(e.q), prec: ATOM };
    case 'neg': {
      const a = write(e.a, options);
      return { tex: `-${a.prec < ATOM ? `(${a.tex})` : a.tex}`, prec: 4 };
    }
    case 'exp':
      return { tex: `e^{${write(e.a, options).tex}}`, prec: ATOM };
    case 'op': {
      const p = PRECEDENCE[e.op] ?? 1;
      const a = write(e.a, options);
      const b = write(e.b, options);
      const left = a.prec < p || (e.op === '^' && a.prec <= p) ? `(${a.tex})` : a.tex;
      const right = b.prec < p || (b.prec === p && (e.op === '-' || e.op === '/')) ? `(${b.tex})` : b.tex;
      if (e.op === '^') return { tex: `${left}^{${b.tex}}`, prec: p };
      if (e.op === '/') return { tex: `\\frac{${a.tex}}{${b.tex}}`, prec: ATOM };
      // A product reads as the article writes it: a_{h1}\,(1 - a_{h1}) and \eta\,\frac{…}{…}, a centred dot elsewhere.
      const juxtaposed = e.op === '*' && (right.startsWith('(') || e.a.k === 'lr');
      const symbol = e.op === '*' ? (juxtaposed ? '\\,' : ' \\cdot ') : ` ${e.op} `;
      // A boxed operator stays a binary operator, spaced as one.
      const operator = options.boxedOperator.has(e) ? `\\mathbin{\\boxed{${e.op === '*' ? '\\cdot' : e.op}}}` : symbol;
      // a_{o1}\,(1 - a_{o1}) is one factor: braced, a narrow screen never breaks the line inside it.
      const tex = `${left}${operator}${right}`;
      return { tex: juxtaposed && right.startsWith('(') ? `{${tex}}` : tex, prec: p };
    }
  }
}

/** Opens up the quantities a spreadsheet writes out in full, as the page writes them: a_{h2}(1 − a_{h2}) rather than ∂a_h2/∂h2. */
function writeOut(e: Expr): Expr {
  return mapQuantities(e, (node) => {
    const definition = WRITTEN_OUT.has(node.q) ? (DEFINITIONS as Readonly<Record<string, Expr>>)[node.q] : undefined;
    return definition ? writeOut(definition) : node;
  });
}

const same = (a: Expr, b: Expr): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Walks the right and the mistaken formula side by side and marks where they part: a whole
 * subexpression, or only an operator where both sides keep the same operands (+ for −).
 */
function markDifferences(right: Expr, wrong: Expr, marks: { boxed: Set<Expr>; boxedOperator: Set<Expr> }): void {
  if (same(right, wrong)) return;
  if (right.k === 'op' && wrong.k === 'op') {
    if (right.op === wrong.op) {
      markDifferences(right.a, wrong.a, marks);
      markDifferences(right.b, wrong.b, marks);
      return;
    }
    if (same(right.a, wrong.a) && same(right.b, wrong.b)) {
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
  return isWeight(column) ? `${quantityTex(column)}^{+}` : quantityTex(column);
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
  const rightOptions: TexOptions = { lr: lrTex ? `\\boxed{\\eta}` : '\\eta', ...marks };
  const wrongOptions: TexOptions = { lr: lrTex ? `\\boxed{${lrTex}}` : '\\eta', ...marks };
  return { right: `${lhs} = ${write(right, rightOptions).tex}`, wrong: `${lhs} = ${write(mistaken, wrongOptions).tex}` };
}
