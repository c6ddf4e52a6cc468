/**
 * What a workbook with one known mistake computes, epoch after epoch: every
 * column from the rule's wrong formula where the mistake changes it and from
 * the right one everywhere else, each row from the row above, exactly as a
 * spreadsheet with that formula filled down would. The tutorial's notes show
 * these numbers; without a mistake the run is the math module's `train`, bit
 * for bit (the formulas mirror its arithmetic, and tests hold it).
 */
import { DERIVED_NAMES, PARAM_NAMES, WEIGHT_NAMES, type Params, type QuantityName } from '../../backprop';
import { DEFINITIONS, directRefs, updateExpr, type Expr, type Getter } from '../formulas';
import type { WorkbookMistake } from './rule';

/** Every quantity of a row, each with its slot in a row's array (arrays, not objects: a run is 300 rows of 48 cells, on every edit). */
const NAMES: readonly QuantityName[] = [...PARAM_NAMES, ...DERIVED_NAMES];
const SLOT = new Map<QuantityName, number>(NAMES.map((name, i) => [name, i]));
const slot = (name: QuantityName): number => SLOT.get(name) ?? -1;

/** A formula turned into a function of this row's cells, the row above's and the rate it reads. */
type Compiled = (now: Float64Array, above: Float64Array, lr: number) => number;

/**
 * Turns a formula into nested functions once, so 300 rows do not walk the tree each time.
 * Same operations in the same order as `evaluateExpr`, so the same numbers.
 */
function compile(e: Expr): Compiled {
  switch (e.k) {
    case 'n': {
      const v = e.v;
      return () => v;
    }
    case 'lr':
      return (_now, _above, lr) => lr;
    case 'q': {
      const i = slot(e.q);
      return e.prev ? (_now, above) => above[i] ?? Number.NaN : (now) => now[i] ?? Number.NaN;
    }
    case 'neg': {
      const a = compile(e.a);
      return (now, above, lr) => -a(now, above, lr);
    }
    case 'exp': {
      const a = compile(e.a);
      return (now, above, lr) => Math.exp(a(now, above, lr));
    }
    case 'op': {
      const a = compile(e.a);
      const b = compile(e.b);
      switch (e.op) {
        case '+':
          return (now, above, lr) => a(now, above, lr) + b(now, above, lr);
        case '-':
          return (now, above, lr) => a(now, above, lr) - b(now, above, lr);
        case '*':
          return (now, above, lr) => a(now, above, lr) * b(now, above, lr);
        case '/':
          return (now, above, lr) => a(now, above, lr) / b(now, above, lr);
        case '^':
          return (now, above, lr) => a(now, above, lr) ** b(now, above, lr);
      }
    }
  }
}

/** A workbook's formulas, compiled: how each weight is updated, and each derived column in an order that reads only cells already computed. */
interface CompiledWorkbook {
  readonly updates: readonly (readonly [number, Compiled])[];
  readonly columns: readonly (readonly [number, Compiled])[];
}

/**
 * The derived columns in the order `evaluate` computes them, except that a column whose (mistaken)
 * formula reads a later one of its own row waits for it: a spreadsheet does not care where a cell
 * sits, and the hidden gradients with updated w5 … w8 read this row's ∂E/∂w5 … ∂E/∂w8.
 */
function readingOrder(formulas: ReadonlyMap<QuantityName, Expr>): QuantityName[] {
  const done = new Set<QuantityName>(PARAM_NAMES);
  const order: QuantityName[] = [];
  const pending = [...formulas.keys()];
  while (pending.length > 0) {
    const next = pending.findIndex((name) => directRefs(formulas.get(name) as Expr).every((ref) => ref.prev || done.has(ref.q)));
    // A formula that reads itself through its row never resolves; it is computed as written (NaN where it reads nothing yet).
    const [name] = pending.splice(Math.max(0, next), 1) as [QuantityName];
    order.push(name);
    done.add(name);
  }
  return order;
}

const compiled = new WeakMap<object, CompiledWorkbook>();
const RIGHT = {};

function compileWorkbook(mistake: WorkbookMistake | null): CompiledWorkbook {
  const key = mistake ?? RIGHT;
  let out = compiled.get(key);
  if (!out) {
    const formulas = new Map<QuantityName, Expr>(DERIVED_NAMES.map((name) => [name, mistake?.wrongFormula(name) ?? DEFINITIONS[name]]));
    out = {
      updates: WEIGHT_NAMES.map((w) => [slot(w), compile(mistake?.wrongFormula(w) ?? updateExpr(w))] as const),
      columns: readingOrder(formulas).map((name) => [slot(name), compile(formulas.get(name) as Expr)] as const),
    };
    compiled.set(key, out);
  }
  return out;
}

/** The rows a workbook computes: any cell of any epoch. */
export interface WorkbookRun {
  /** How many epoch rows were computed. */
  readonly epochs: number;
  /** A quantity's cell in epoch `epoch` (1 = the first row); NaN outside the run. */
  value(name: QuantityName, epoch: number): number;
  /** Every cell of one row, by the article's names. */
  row(epoch: number): Readonly<Record<QuantityName, number>>;
}

/**
 * The first `epochs` rows of the workbook for `params` with `mistake` in its formulas (null: none).
 * Row 1 holds the parameters as typed; each later row updates the weights from the row above, reading
 * the learning rate from wherever the mistake makes it read it. A cell a spreadsheet would show as an
 * error (#VALUE!) is NaN here, and so is everything computed from it.
 */
export function runWorkbook(mistake: WorkbookMistake | null, params: Params, epochs: number): WorkbookRun {
  const { updates, columns } = compileWorkbook(mistake);
  const rows: Float64Array[] = [];
  let above: Float64Array | undefined;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const now = new Float64Array(NAMES.length);
    PARAM_NAMES.forEach((name, i) => (now[i] = params[name]));
    if (above) {
      const last = above;
      const get: Getter = (name, prev) => (prev ? last : now)[slot(name)];
      const rate = mistake ? mistake.rateInto(epoch, params.lr, get) : params.lr;
      for (const [i, update] of updates) now[i] = update(now, last, rate);
    }
    for (const [i, column] of columns) now[i] = column(now, above ?? now, params.lr);
    rows.push(now);
    above = now;
  }
  const value = (name: QuantityName, epoch: number): number => rows[epoch - 1]?.[slot(name)] ?? Number.NaN;
  return {
    epochs,
    value,
    row: (epoch) => Object.fromEntries(NAMES.map((name) => [name, value(name, epoch)])) as Record<QuantityName, number>,
  };
}
