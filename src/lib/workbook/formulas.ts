/**
 * The quantities' definitions (src/lib/quantities/definitions.ts) written as spreadsheet formulas:
 * the export's formulas, and "the formula that belongs there" in a student's own column letters.
 * Written in the definitions' order of operations, parentheses and all, so that a spreadsheet
 * computes what the math module computes, bit for bit.
 */
import { WEIGHT_NAMES, type ParamName, type QuantityName } from '../backprop';
import { definitionOf } from '../quantities/definitions';
import { ATOM, PRECEDENCE, shiftPrev, type Expr } from '../quantities/expr';

/** How a formula's quantities map to text: a cell reference, or null to write the definition inline. */
export interface PrintContext {
  ref(name: QuantityName, prev: boolean): string | null;
  /** The learning rate's reference, e.g. `$B$1`. */
  readonly lr: string;
  /**
   * Drop the parentheses that only fix the order of a product or sum (a*(b*c) → a*b*c):
   * easier to read, same mathematics, but not bit-for-bit the same floating-point result.
   */
  readonly loose?: boolean;
}

/** Inlines definitions of quantities the context has no column for; parameters stay named. */
function resolve(e: Expr, ctx: PrintContext): { text: string; prec: number } {
  switch (e.k) {
    case 'n':
      return { text: String(e.v).replace('e', 'E'), prec: ATOM };
    case 'lr':
      return { text: ctx.lr, prec: ATOM };
    case 'q': {
      const ref = ctx.ref(e.q, e.prev === true);
      if (ref !== null) return { text: ref, prec: ATOM };
      const definition = definitionOf(e.q);
      if (!definition) return { text: e.q, prec: ATOM };
      return resolve(e.prev ? shiftPrev(definition) : definition, ctx);
    }
    case 'sigmoid': {
      // Spreadsheets have no sigmoid: 1/(1+EXP(-x)), the math module's operations in its order.
      const x = resolve(e.a, ctx);
      return { text: `1/(1+EXP(-${x.prec < ATOM ? `(${x.text})` : x.text}))`, prec: PRECEDENCE['/'] ?? 2 };
    }
    case 'op': {
      const p = PRECEDENCE[e.op] ?? 1;
      const left = resolve(e.a, ctx);
      const right = resolve(e.b, ctx);
      // Parentheses keep the evaluation order exactly as written: a spreadsheet must not
      // regroup a*(b*c) as (a*b)*c, because floating-point products depend on grouping.
      const l = left.prec < p || (e.op === '^' && left.prec <= p) ? `(${left.text})` : left.text;
      const regroupable = ctx.loose === true && right.prec === p && (e.op === '*' || e.op === '+');
      const r = right.prec < p || (right.prec === p && !regroupable) ? `(${right.text})` : right.text;
      return { text: `${l}${e.op}${r}`, prec: p };
    }
  }
}

/** Writes an expression as a spreadsheet formula (without "="). */
export function printFormula(e: Expr, ctx: PrintContext): string {
  return resolve(e, ctx).text;
}

/** The parameters every row needs as input. */
export const ROW_INPUTS: readonly ParamName[] = ['t1', 't2', 'i1', 'i2', ...WEIGHT_NAMES];
