/**
 * Each spreadsheet column of the assignment as a small expression tree that
 * mirrors the math module's arithmetic step by step (same operations, same
 * order), so one definition serves three purposes: writing the export's Excel
 * formulas, writing "the formula that belongs there" in a student's own column
 * letters, and recomputing a cell from the student's own neighbouring cells.
 */
import { WEIGHT_NAMES, type DerivedName, type ParamName, type QuantityName, type WeightName } from '../backprop';

/** An expression over the quantities of one row (or, with `prev`, the row above) and the learning rate. */
export type Expr =
  | { readonly k: 'q'; readonly q: QuantityName; readonly prev?: boolean }
  | { readonly k: 'lr' }
  | { readonly k: 'n'; readonly v: number }
  | { readonly k: 'op'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'neg'; readonly a: Expr }
  | { readonly k: 'exp'; readonly a: Expr };

const q = (name: QuantityName, prev = false): Expr => (prev ? { k: 'q', q: name, prev: true } : { k: 'q', q: name });
const n = (v: number): Expr => ({ k: 'n', v });
const add = (a: Expr, b: Expr): Expr => ({ k: 'op', op: '+', a, b });
const sub = (a: Expr, b: Expr): Expr => ({ k: 'op', op: '-', a, b });
const mul = (a: Expr, b: Expr): Expr => ({ k: 'op', op: '*', a, b });
const div = (a: Expr, b: Expr): Expr => ({ k: 'op', op: '/', a, b });
const pow = (a: Expr, b: Expr): Expr => ({ k: 'op', op: '^', a, b });
const sigmoid = (x: Expr): Expr => div(n(1), add(n(1), { k: 'exp', a: { k: 'neg', a: x } }));

/** Builders for expressions, for code that writes variants of the definitions. */
export const build = { q, n, add, sub, mul, div, pow, sigmoid, lr: { k: 'lr' } as Expr };

/**
 * Every derived quantity in terms of others, written in exactly the order
 * `evaluate` in the math module computes it.
 */
export const DEFINITIONS: Readonly<Record<DerivedName, Expr>> = {
  h1: add(mul(q('w1'), q('i1')), mul(q('w2'), q('i2'))),
  h2: add(mul(q('w3'), q('i1')), mul(q('w4'), q('i2'))),
  a_h1: sigmoid(q('h1')),
  a_h2: sigmoid(q('h2')),
  o1: add(mul(q('w5'), q('a_h1')), mul(q('w6'), q('a_h2'))),
  o2: add(mul(q('w7'), q('a_h1')), mul(q('w8'), q('a_h2'))),
  a_o1: sigmoid(q('o1')),
  a_o2: sigmoid(q('o2')),
  E1: mul(n(0.5), pow(sub(q('t1'), q('a_o1')), n(2))),
  E2: mul(n(0.5), pow(sub(q('t2'), q('a_o2')), n(2))),
  E_total: add(q('E1'), q('E2')),
  dE_da_o1: sub(q('a_o1'), q('t1')),
  dE_da_o2: sub(q('a_o2'), q('t2')),
  da_o1_do1: mul(q('a_o1'), sub(n(1), q('a_o1'))),
  da_o2_do2: mul(q('a_o2'), sub(n(1), q('a_o2'))),
  dE_do1: mul(q('dE_da_o1'), q('da_o1_do1')),
  dE_do2: mul(q('dE_da_o2'), q('da_o2_do2')),
  dE_dw5: mul(q('dE_do1'), q('a_h1')),
  dE_dw6: mul(q('dE_do1'), q('a_h2')),
  dE_dw7: mul(q('dE_do2'), q('a_h1')),
  dE_dw8: mul(q('dE_do2'), q('a_h2')),
  dE1_da_h1: mul(q('dE_do1'), q('w5')),
  dE2_da_h1: mul(q('dE_do2'), q('w7')),
  dE1_da_h2: mul(q('dE_do1'), q('w6')),
  dE2_da_h2: mul(q('dE_do2'), q('w8')),
  dE_da_h1: add(q('dE1_da_h1'), q('dE2_da_h1')),
  dE_da_h2: add(q('dE1_da_h2'), q('dE2_da_h2')),
  da_h1_dh1: mul(q('a_h1'), sub(n(1), q('a_h1'))),
  da_h2_dh2: mul(q('a_h2'), sub(n(1), q('a_h2'))),
  dE_dh1: mul(q('dE_da_h1'), q('da_h1_dh1')),
  dE_dh2: mul(q('dE_da_h2'), q('da_h2_dh2')),
  dE_dw1: mul(q('dE_dh1'), q('i1')),
  dE_dw2: mul(q('dE_dh1'), q('i2')),
  dE_dw3: mul(q('dE_dh2'), q('i1')),
  dE_dw4: mul(q('dE_dh2'), q('i2')),
};

/** A weight in the rows after the first: the row above's weight minus LR times the row above's gradient. */
export function updateExpr(w: WeightName): Expr {
  return sub(q(w, true), mul({ k: 'lr' }, q(`dE_d${w}`, true)));
}

/** The formula a column holds in an epoch row: weights are typed in the first row and updated after it; inputs and targets have none. */
export function columnFormula(name: QuantityName, firstRow: boolean): Expr | null {
  if (isWeight(name)) return firstRow ? null : updateExpr(name);
  return (DEFINITIONS as Readonly<Record<string, Expr>>)[name] ?? null;
}

/** Is this one of w1..w8? */
export function isWeight(name: string): name is WeightName {
  return (WEIGHT_NAMES as readonly string[]).includes(name);
}

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

const PRECEDENCE: Readonly<Record<string, number>> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 3 };
const ATOM = 5;

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
      const def = (DEFINITIONS as Readonly<Record<string, Expr>>)[e.q];
      if (!def) return { text: e.q, prec: ATOM };
      return resolve(e.prev ? shiftPrev(def) : def, ctx);
    }
    case 'neg': {
      const inner = resolve(e.a, ctx);
      return { text: `-${inner.prec < ATOM ? `(${inner.text})` : inner.text}`, prec: 4 };
    }
    case 'exp':
      return { text: `EXP(${resolve(e.a, ctx).text})`, prec: ATOM };
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

/** An expression with each quantity in it replaced by what `leaf` makes of it, everything else kept. */
export function mapQuantities(e: Expr, leaf: (node: Extract<Expr, { k: 'q' }>) => Expr): Expr {
  switch (e.k) {
    case 'q':
      return leaf(e);
    case 'op':
      return { ...e, a: mapQuantities(e.a, leaf), b: mapQuantities(e.b, leaf) };
    case 'neg':
    case 'exp':
      return { ...e, a: mapQuantities(e.a, leaf) };
    default:
      return e;
  }
}

/** Marks every quantity of an expression as belonging to the row above. */
function shiftPrev(e: Expr): Expr {
  return mapQuantities(e, (node) => q(node.q, true));
}

/** Writes an expression as a spreadsheet formula (without "="). */
export function printFormula(e: Expr, ctx: PrintContext): string {
  return resolve(e, ctx).text;
}

/** Values for the quantities an expression refers to; undefined when not available. */
export type Getter = (name: QuantityName, prev: boolean) => number | undefined;

/**
 * Evaluates an expression with IEEE arithmetic in the written order.
 * Quantities the getter does not know are computed from their definitions.
 * Returns NaN when a needed value is missing.
 */
export function evaluateExpr(e: Expr, get: Getter, lr: number): number {
  switch (e.k) {
    case 'n':
      return e.v;
    case 'lr':
      return lr;
    case 'q': {
      const known = get(e.q, e.prev === true);
      if (known !== undefined) return known;
      const def = (DEFINITIONS as Readonly<Record<string, Expr>>)[e.q];
      return def ? evaluateExpr(e.prev ? shiftPrev(def) : def, get, lr) : Number.NaN;
    }
    case 'neg':
      return -evaluateExpr(e.a, get, lr);
    case 'exp':
      return Math.exp(evaluateExpr(e.a, get, lr));
    case 'op': {
      const a = evaluateExpr(e.a, get, lr);
      const b = evaluateExpr(e.b, get, lr);
      switch (e.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return a ** b;
      }
    }
  }
}

/** The quantities an expression refers to directly (not through definitions). */
export function directRefs(e: Expr): { q: QuantityName; prev: boolean }[] {
  switch (e.k) {
    case 'q':
      return [{ q: e.q, prev: e.prev === true }];
    case 'op':
      return [...directRefs(e.a), ...directRefs(e.b)];
    case 'neg':
    case 'exp':
      return directRefs(e.a);
    default:
      return [];
  }
}

/** Forward-pass values: a mistake in the backward chain never changes how these are computed. */
const FORWARD = new Set<string>(['h1', 'h2', 'a_h1', 'a_h2', 'o1', 'o2', 'a_o1', 'a_o2', 'E1', 'E2', 'E_total']);

function backwardDefinition(name: QuantityName): Expr | undefined {
  return FORWARD.has(name) ? undefined : (DEFINITIONS as Readonly<Record<string, Expr>>)[name];
}

/**
 * Replaces quantities in an expression (e.g. a_h2's slope by a_h1's) to describe a
 * known mistake, looking through the backward chain's definitions but never
 * into the forward pass (w5 in o1 stays w5 when a gradient uses an updated w5).
 */
export function substitute(e: Expr, swap: (node: { q: QuantityName; prev: boolean }) => Expr | null): Expr {
  switch (e.k) {
    case 'q': {
      const replaced = swap({ q: e.q, prev: e.prev === true });
      if (replaced) return replaced;
      const def = backwardDefinition(e.q);
      // Look inside definitions too, so a swap deep in the chain still applies.
      if (def && definitionMentions(def, swap)) return substitute(e.prev ? shiftPrev(def) : def, swap);
      return e;
    }
    case 'op':
      return { ...e, a: substitute(e.a, swap), b: substitute(e.b, swap) };
    case 'neg':
    case 'exp':
      return { ...e, a: substitute(e.a, swap) };
    default:
      return e;
  }
}

/** Expressions to put in place of quantities, each written for the quantity's own row. */
export type Replacements = Readonly<Partial<Record<QuantityName, Expr>>>;

/**
 * {@link substitute} with the replacements as data. A replacement for a quantity
 * of the row above is read in the row above too.
 */
export function replaceQuantities(e: Expr, replacements: Replacements): Expr {
  return substitute(e, (node) => {
    const replacement = replacements[node.q];
    if (replacement === undefined) return null;
    return node.prev ? shiftPrev(replacement) : replacement;
  });
}

function definitionMentions(e: Expr, swap: (node: { q: QuantityName; prev: boolean }) => Expr | null): boolean {
  switch (e.k) {
    case 'q': {
      if (swap({ q: e.q, prev: e.prev === true })) return true;
      const def = backwardDefinition(e.q);
      return def ? definitionMentions(def, swap) : false;
    }
    case 'op':
      return definitionMentions(e.a, swap) || definitionMentions(e.b, swap);
    case 'neg':
    case 'exp':
      return definitionMentions(e.a, swap);
    default:
      return false;
  }
}

/** The parameters every row needs as input. */
export const ROW_INPUTS: readonly ParamName[] = ['t1', 't2', 'i1', 'i2', ...WEIGHT_NAMES];
