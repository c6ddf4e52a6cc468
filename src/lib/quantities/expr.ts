/**
 * The small expression language the quantities are defined in (src/lib/quantities/definitions.ts):
 * quantities of one epoch (or, with `prev`, of the epoch before), the learning rate, numbers, the
 * four operations and powers, and the sigmoid as one node. Its printers write it as TeX
 * (`tex.ts`) and as spreadsheet formulas (src/lib/workbook/formulas.ts). Knows nothing of the
 * network: walks and builders only.
 */
import type { QuantityName } from '../backprop';

/** An expression over the quantities of one epoch (with `prev`, the epoch before) and the learning rate. */
export type Expr =
  | { readonly k: 'q'; readonly q: QuantityName; readonly prev?: boolean }
  | { readonly k: 'lr' }
  | { readonly k: 'n'; readonly v: number }
  | { readonly k: 'op'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'sigmoid'; readonly a: Expr };

/** A quantity of an expression. */
export type QuantityNode = Extract<Expr, { k: 'q' }>;

// Builders: the definitions and the mistakes' rewrites of them are written with these. They make
// plain objects, marked so that a bundle never keeps a table of expressions it does not use.

/** A quantity of this epoch, or with `prev` of the epoch before. */
/* @__NO_SIDE_EFFECTS__ */
export function q(name: QuantityName, prev = false): Expr {
  return prev ? { k: 'q', q: name, prev: true } : { k: 'q', q: name };
}
/** A number. */
/* @__NO_SIDE_EFFECTS__ */
export function n(v: number): Expr {
  return { k: 'n', v };
}
/** a + b. */
/* @__NO_SIDE_EFFECTS__ */
export function add(a: Expr, b: Expr): Expr {
  return { k: 'op', op: '+', a, b };
}
/** a − b. */
/* @__NO_SIDE_EFFECTS__ */
export function sub(a: Expr, b: Expr): Expr {
  return { k: 'op', op: '-', a, b };
}
/** a · b. */
/* @__NO_SIDE_EFFECTS__ */
export function mul(a: Expr, b: Expr): Expr {
  return { k: 'op', op: '*', a, b };
}
/** a / b. */
/* @__NO_SIDE_EFFECTS__ */
export function div(a: Expr, b: Expr): Expr {
  return { k: 'op', op: '/', a, b };
}
/** a to the power b. */
/* @__NO_SIDE_EFFECTS__ */
export function pow(a: Expr, b: Expr): Expr {
  return { k: 'op', op: '^', a, b };
}
/** σ(a), the logistic function. */
/* @__NO_SIDE_EFFECTS__ */
export function sigmoid(a: Expr): Expr {
  return { k: 'sigmoid', a };
}
/** The learning rate. */
export const lr: Expr = { k: 'lr' };

/** How tightly an operator binds, for printers that add only the parentheses needed. */
export const PRECEDENCE: Readonly<Record<string, number>> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 3 };
/** The precedence of what never needs parentheses: a name, a number, a function call. */
export const ATOM = 5;

/** An expression with each quantity in it replaced by what `leaf` makes of it, everything else kept. */
export function mapQuantities(e: Expr, leaf: (node: QuantityNode) => Expr): Expr {
  switch (e.k) {
    case 'q':
      return leaf(e);
    case 'op':
      return { ...e, a: mapQuantities(e.a, leaf), b: mapQuantities(e.b, leaf) };
    case 'sigmoid':
      return { ...e, a: mapQuantities(e.a, leaf) };
    default:
      return e;
  }
}

/** Marks every quantity of an expression as belonging to the epoch (row) before. */
export function shiftPrev(e: Expr): Expr {
  return mapQuantities(e, (node) => q(node.q, true));
}

/** The quantities an expression refers to directly (not through definitions), in the order written. */
export function directRefs(e: Expr): { q: QuantityName; prev: boolean }[] {
  switch (e.k) {
    case 'q':
      return [{ q: e.q, prev: e.prev === true }];
    case 'op':
      return [...directRefs(e.a), ...directRefs(e.b)];
    case 'sigmoid':
      return directRefs(e.a);
    default:
      return [];
  }
}

/** What an expression reads, each once, in the order written; the learning rate as `lr`. */
export function ingredientsOf(e: Expr): QuantityName[] {
  const out: QuantityName[] = [];
  const visit = (x: Expr): void => {
    if (x.k === 'q' || x.k === 'lr') {
      const name = x.k === 'q' ? x.q : 'lr';
      if (!out.includes(name)) out.push(name);
    } else if (x.k === 'op') {
      visit(x.a);
      visit(x.b);
    } else if (x.k === 'sigmoid') {
      visit(x.a);
    }
  };
  visit(e);
  return out;
}

/** Are two expressions the same tree? */
export function sameExpr(a: Expr, b: Expr): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
