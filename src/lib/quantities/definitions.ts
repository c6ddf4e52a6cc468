/**
 * Each quantity of the network described once: for a computed one, its definition, an expression
 * over the others (./expr.ts) in the order `evaluate` computes it; for every one, its symbol (TeX).
 * The registry's formulas and live templates, the workbook's Excel formulas, the checker's and the
 * notes' wrong versions (rewrites of these) and the notes' TeX are all written from here.
 * `evaluate` in the math module is the hand-written fast path; a property test holds it to these
 * bit for bit.
 *
 * A new quantity: its definition and symbol here, its place in `evaluate`
 * (src/lib/backprop/network.ts), and its words and place in the tutorial (./registry.ts).
 */
import { isWeight, sigmoid as logistic, type DerivedName, type QuantityName, type WeightName } from '../backprop';
import { add, lr, mapQuantities, mul, n, pow, q, shiftPrev, sigmoid, sub, type Expr } from './expr';

const E_TOTAL = 'E_{\\mathrm{total}}';

/** `\frac{\partial top}{\partial bottom}`. */
/* @__NO_SIDE_EFFECTS__ */
function d(top: string, bottom: string): string {
  return `\\frac{\\partial ${top}}{\\partial ${bottom}}`;
}

/** The sigmoid's slope at its output a: a·(1 − a). */
/* @__NO_SIDE_EFFECTS__ */
function slope(a: QuantityName): Expr {
  return mul(q(a), sub(n(1), q(a)));
}

/** The forward pass (1.3). */
const FORWARD_PASS = {
  h1: add(mul(q('w1'), q('i1')), mul(q('w2'), q('i2'))),
  h2: add(mul(q('w3'), q('i1')), mul(q('w4'), q('i2'))),
  a_h1: sigmoid(q('h1')),
  a_h2: sigmoid(q('h2')),
  o1: add(mul(q('w5'), q('a_h1')), mul(q('w6'), q('a_h2'))),
  o2: add(mul(q('w7'), q('a_h1')), mul(q('w8'), q('a_h2'))),
  a_o1: sigmoid(q('o1')),
  a_o2: sigmoid(q('o2')),
  // E2 reads a_o2; the article's text writes a_o1 by mistake.
  E1: mul(n(0.5), pow(sub(q('t1'), q('a_o1')), n(2))),
  E2: mul(n(0.5), pow(sub(q('t2'), q('a_o2')), n(2))),
  E_total: add(q('E1'), q('E2')),
} satisfies Readonly<Partial<Record<DerivedName, Expr>>>;

/** The backward pass (1.4): the chain rule's factors and the eight gradients. */
const BACKWARD_PASS = {
  dE_da_o1: sub(q('a_o1'), q('t1')),
  dE_da_o2: sub(q('a_o2'), q('t2')),
  da_o1_do1: slope('a_o1'),
  da_o2_do2: slope('a_o2'),
  dE_do1: mul(q('dE_da_o1'), q('da_o1_do1')),
  dE_do2: mul(q('dE_da_o2'), q('da_o2_do2')),
  dE_dw5: mul(q('dE_do1'), q('a_h1')),
  dE_dw6: mul(q('dE_do1'), q('a_h2')),
  dE_dw7: mul(q('dE_do2'), q('a_h1')),
  dE_dw8: mul(q('dE_do2'), q('a_h2')),
  // The hidden layer goes back through this epoch's w5 … w8, never the updated ones.
  dE1_da_h1: mul(q('dE_do1'), q('w5')),
  dE2_da_h1: mul(q('dE_do2'), q('w7')),
  dE1_da_h2: mul(q('dE_do1'), q('w6')),
  dE2_da_h2: mul(q('dE_do2'), q('w8')),
  dE_da_h1: add(q('dE1_da_h1'), q('dE2_da_h1')),
  dE_da_h2: add(q('dE1_da_h2'), q('dE2_da_h2')),
  da_h1_dh1: slope('a_h1'),
  da_h2_dh2: slope('a_h2'),
  dE_dh1: mul(q('dE_da_h1'), q('da_h1_dh1')),
  dE_dh2: mul(q('dE_da_h2'), q('da_h2_dh2')),
  dE_dw1: mul(q('dE_dh1'), q('i1')),
  dE_dw2: mul(q('dE_dh1'), q('i2')),
  dE_dw3: mul(q('dE_dh2'), q('i1')),
  dE_dw4: mul(q('dE_dh2'), q('i2')),
} satisfies Readonly<Partial<Record<DerivedName, Expr>>>;

/** Every computed quantity's definition, by name. */
export const DEFINITIONS: Readonly<Record<DerivedName, Expr>> = { ...FORWARD_PASS, ...BACKWARD_PASS };

/**
 * Every quantity's symbol, TeX. A table of its own beside the definitions: the code that computes
 * in the browser (the notes, the workbook) needs the arithmetic, and the bundler leaves the TeX out.
 */
export const SYMBOLS: Readonly<Record<QuantityName, string>> = {
  i1: 'i_1',
  i2: 'i_2',
  t1: 't_1',
  t2: 't_2',
  w1: 'w_1',
  w2: 'w_2',
  w3: 'w_3',
  w4: 'w_4',
  w5: 'w_5',
  w6: 'w_6',
  w7: 'w_7',
  w8: 'w_8',
  lr: '\\eta',
  h1: 'h_1',
  h2: 'h_2',
  a_h1: 'a_{h1}',
  a_h2: 'a_{h2}',
  o1: 'o_1',
  o2: 'o_2',
  a_o1: 'a_{o1}',
  a_o2: 'a_{o2}',
  E1: 'E_1',
  E2: 'E_2',
  E_total: E_TOTAL,
  dE_da_o1: d('E_1', 'a_{o1}'),
  dE_da_o2: d('E_2', 'a_{o2}'),
  da_o1_do1: d('a_{o1}', 'o_1'),
  da_o2_do2: d('a_{o2}', 'o_2'),
  dE_do1: d(E_TOTAL, 'o_1'),
  dE_do2: d(E_TOTAL, 'o_2'),
  dE_dw5: d(E_TOTAL, 'w_5'),
  dE_dw6: d(E_TOTAL, 'w_6'),
  dE_dw7: d(E_TOTAL, 'w_7'),
  dE_dw8: d(E_TOTAL, 'w_8'),
  dE1_da_h1: d('E_1', 'a_{h1}'),
  dE2_da_h1: d('E_2', 'a_{h1}'),
  dE1_da_h2: d('E_1', 'a_{h2}'),
  dE2_da_h2: d('E_2', 'a_{h2}'),
  dE_da_h1: d(E_TOTAL, 'a_{h1}'),
  dE_da_h2: d(E_TOTAL, 'a_{h2}'),
  da_h1_dh1: d('a_{h1}', 'h_1'),
  da_h2_dh2: d('a_{h2}', 'h_2'),
  dE_dh1: d(E_TOTAL, 'h_1'),
  dE_dh2: d(E_TOTAL, 'h_2'),
  dE_dw1: d(E_TOTAL, 'w_1'),
  dE_dw2: d(E_TOTAL, 'w_2'),
  dE_dw3: d(E_TOTAL, 'w_3'),
  dE_dw4: d(E_TOTAL, 'w_4'),
};

/** A quantity's symbol, TeX: `a_{o1}`, `\frac{\partial E_{\mathrm{total}}}{\partial w_5}`, `\eta`. */
export function symbolOf(name: QuantityName): string {
  return SYMBOLS[name];
}

/** A quantity as plain text names it (a spreadsheet's header, the checker's and the notes' words): its name, ∂E/∂w3 for a gradient. */
export function plainName(name: QuantityName): string {
  const m = /^dE_dw([1-8])$/.exec(name);
  return m ? `∂E/∂w${m[1]}` : name;
}

/** A quantity's definition; undefined for a parameter. */
export function definitionOf(name: QuantityName): Expr | undefined {
  return (DEFINITIONS as Readonly<Partial<Record<QuantityName, Expr>>>)[name];
}

/** A weight's update (1.5): one epoch on, it is its value less η times its gradient, both from the epoch before. */
export function updateOf(w: WeightName): Expr {
  return sub(q(w, true), mul(lr, q(`dE_d${w}`, true)));
}

/** The symbol of a weight one epoch on: `w_5^{+}`. */
export function updatedSymbol(w: WeightName): string {
  return `${symbolOf(w)}^{+}`;
}

/** The expression a quantity has in an epoch (a spreadsheet's epoch row): weights are given in the first and updated after it; inputs and targets have none. */
export function columnFormula(name: QuantityName, firstRow: boolean): Expr | null {
  if (isWeight(name)) return firstRow ? null : updateOf(name);
  return definitionOf(name) ?? null;
}

/** Values for the quantities an expression reads (`prev`: of the epoch before); undefined where one is not known. */
export type Getter = (name: QuantityName, prev: boolean) => number | undefined;

/**
 * Evaluates an expression with IEEE arithmetic in the written order, reading the learning rate as
 * `lr`. Quantities the getter does not know are computed from their definitions; NaN where a
 * needed value is missing.
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
      const definition = definitionOf(e.q);
      return definition ? evaluateExpr(e.prev ? shiftPrev(definition) : definition, get, lr) : Number.NaN;
    }
    case 'sigmoid':
      return logistic(evaluateExpr(e.a, get, lr));
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

/** The definition to look through when rewriting: the backward chain's only, since a mistake there never changes how the forward pass is computed. */
function backwardDefinition(name: QuantityName): Expr | undefined {
  return name in BACKWARD_PASS ? definitionOf(name) : undefined;
}

/** What a rewrite puts in place of a quantity (null: keep it). */
type Swap = (node: { q: QuantityName; prev: boolean }) => Expr | null;

/**
 * Replaces quantities in an expression (e.g. a_h2's slope by a_h1's) to describe a known mistake,
 * looking through the backward chain's definitions but never into the forward pass (w5 in o1
 * stays w5 when a gradient uses an updated w5).
 */
export function substitute(e: Expr, swap: Swap): Expr {
  return mapQuantities(e, (node) => {
    const replaced = swap({ q: node.q, prev: node.prev === true });
    if (replaced) return replaced;
    const definition = backwardDefinition(node.q);
    // Look inside definitions too, so a swap deep in the chain still applies.
    if (definition && definitionMentions(definition, swap)) return substitute(node.prev ? shiftPrev(definition) : definition, swap);
    return node;
  });
}

function definitionMentions(e: Expr, swap: Swap): boolean {
  switch (e.k) {
    case 'q': {
      if (swap({ q: e.q, prev: e.prev === true })) return true;
      const definition = backwardDefinition(e.q);
      return definition ? definitionMentions(definition, swap) : false;
    }
    case 'op':
      return definitionMentions(e.a, swap) || definitionMentions(e.b, swap);
    case 'sigmoid':
      return definitionMentions(e.a, swap);
    default:
      return false;
  }
}

/** Expressions to put in place of quantities, each written for the quantity's own epoch. */
export type Replacements = Readonly<Partial<Record<QuantityName, Expr>>>;

/** {@link substitute} with the replacements as data. A replacement for a quantity of the epoch before is read in the epoch before too. */
export function replaceQuantities(e: Expr, replacements: Replacements): Expr {
  return substitute(e, (node) => {
    const replacement = replacements[node.q];
    if (replacement === undefined) return null;
    return node.prev ? shiftPrev(replacement) : replacement;
  });
}
