/**
 * An expression of the definitions (./definitions.ts) written as TeX, with only the parentheses
 * it needs. A style says how quantities and products are written: in the article's symbols (the
 * registry's formulas), as live slots (the templates of src/lib/live-tex.ts), or as the notes
 * write a spreadsheet's formula, with the parts a mistake changes boxed
 * (src/lib/mistakes/notes/tex.ts).
 */
import type { QuantityName } from '../backprop';
import { symbolOf } from './definitions';
import { ATOM, PRECEDENCE, type Expr } from './expr';

/** One side of a product: its expression, and its TeX as written there (in parentheses where needed). */
export interface Factor {
  readonly e: Expr;
  readonly tex: string;
}

/** How quantities, the learning rate and products are written. */
export interface TexStyle {
  /** A quantity: its symbol, or a live slot. */
  quantity(name: QuantityName): string;
  /** The learning rate. */
  readonly lr: string;
  /** What stands between the two factors of a product; `inSum`: the product is a term of a sum. */
  times(a: Factor, b: Factor, inSum: boolean): string;
  /** Every exponent in braces (`^{2}`), not only a longer one. */
  readonly bracedExponents?: boolean;
  /** A product written side by side before a parenthesis is braced: a narrow screen never breaks the line inside it. */
  readonly braceJuxtaposed?: boolean;
  /** Subexpressions written boxed. */
  readonly boxed?: ReadonlySet<Expr>;
  /** Operations whose operator alone is boxed (+ for −, both sides the same). */
  readonly boxedOperator?: ReadonlySet<Expr>;
}

const isDerivative = (f: Factor): boolean => f.tex.startsWith('\\frac');
/** A thin space: a product written side by side. */
const THIN = '\\,';

/** The article's symbols: w_1 i_1, a_{o1}\,(1 - a_{o1}), η\,∂E/∂w, and a centred dot between two derivatives. */
export const ARTICLE_STYLE: TexStyle = {
  quantity: symbolOf,
  lr: '\\eta',
  times: (a, b) => (b.tex.startsWith('(') || a.e.k === 'lr' ? THIN : isDerivative(a) ? (isDerivative(b) ? ' \\cdot ' : `${THIN} `) : ' '),
};

/** A live template: a slot per quantity, products with a centred dot (tight within a sum), ½ side by side. */
export const SLOT_STYLE: TexStyle = {
  quantity: (name) => `{{${name}}}`,
  lr: '{{lr}}',
  times: (a, _b, inSum) => (a.e.k === 'n' ? THIN : inSum ? '\\cdot' : ' \\cdot '),
};

function numberTex(v: number): string {
  return v === 0.5 ? '\\tfrac{1}{2}' : String(v);
}

/** An expression as TeX, with its precedence (so that the caller knows whether it needs parentheses). */
function write(e: Expr, style: TexStyle, inSum: boolean): { tex: string; prec: number } {
  const inner = writeUnboxed(e, style, inSum);
  return style.boxed?.has(e) ? { tex: `\\boxed{${inner.tex}}`, prec: ATOM } : inner;
}

function writeUnboxed(e: Expr, style: TexStyle, inSum: boolean): { tex: string; prec: number } {
  switch (e.k) {
    case 'n':
      return { tex: numberTex(e.v), prec: ATOM };
    case 'lr':
      return { tex: style.lr, prec: ATOM };
    case 'q':
      return { tex: style.quantity(e.q), prec: ATOM };
    case 'sigmoid':
      return { tex: `\\sigma(${write(e.a, style, false).tex})`, prec: ATOM };
    case 'op': {
      const p = PRECEDENCE[e.op] ?? 1;
      const a = write(e.a, style, e.op === '+');
      const b = write(e.b, style, e.op === '+');
      const left = a.prec < p || (e.op === '^' && a.prec <= p) ? `(${a.tex})` : a.tex;
      const right = b.prec < p || (b.prec === p && (e.op === '-' || e.op === '/')) ? `(${b.tex})` : b.tex;
      if (e.op === '^') return { tex: `${left}^${style.bracedExponents || b.tex.length > 1 ? `{${b.tex}}` : b.tex}`, prec: p };
      if (e.op === '/') return { tex: `\\frac{${a.tex}}{${b.tex}}`, prec: ATOM };
      const sign = e.op === '*' ? style.times({ e: e.a, tex: left }, { e: e.b, tex: right }, inSum) : ` ${e.op} `;
      // A boxed operator stays a binary operator, spaced as one.
      const operator = style.boxedOperator?.has(e) ? `\\mathbin{\\boxed{${e.op === '*' ? '\\cdot' : e.op}}}` : sign;
      const tex = `${left}${operator}${right}`;
      return { tex: style.braceJuxtaposed && sign === THIN && right.startsWith('(') ? `{${tex}}` : tex, prec: p };
    }
  }
}

/** An expression as TeX in a style. */
export function texOf(e: Expr, style: TexStyle): string {
  return write(e, style, false).tex;
}
