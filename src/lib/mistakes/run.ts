/**
 * What a workbook with one known mistake computes, epoch after epoch: every
 * column from the rule's wrong formula where the mistake changes it and from
 * the right one everywhere else, each row from the row above, exactly as a
 * spreadsheet with that formula filled down would. The tutorial's notes show
 * these numbers; without a mistake the run is the math module's `train`, bit
 * for bit (the formulas mirror its arithmetic, and tests hold it).
 */
import { DERIVED_NAMES, PARAM_NAMES, WEIGHT_NAMES, sigmoid, type Params, type QuantityName } from '../backprop';
import { DEFINITIONS, updateOf, type Getter } from '../quantities/definitions';
import { directRefs, type Expr } from '../quantities/expr';
import type { WorkbookMistake } from './rule';

/** Every quantity of a row, each with its slot among a row's registers. */
const NAMES: readonly QuantityName[] = [...PARAM_NAMES, ...DERIVED_NAMES];
const SLOT = new Map<QuantityName, number>(NAMES.map((name, i) => [name, i]));
const slot = (name: QuantityName): number => SLOT.get(name) ?? -1;

/*
 * A workbook's formulas run as a flat list of instructions over one array of registers, not as a
 * tree of functions: the notes run five such workbooks for 300 epochs on every edit, and a loop over
 * numbers is several times faster than calls through nested closures. The registers: this row's
 * cells, the row above's, the rate the weight updates read, the rate the other formulas read ($B$1),
 * then constants and intermediate results. The same operations in the same order as `evaluateExpr`.
 */
const ROW = NAMES.length;
const ABOVE = ROW;
const RATE = 2 * ROW;
const LR = RATE + 1;
const FIRST_FREE = LR + 1;

const ADD = 0;
const SUB = 1;
const MUL = 2;
const DIV = 3;
const POW = 4;
const SIGMOID = 5;
const MOVE = 6;
const OPS: Readonly<Record<string, number>> = { '+': ADD, '-': SUB, '*': MUL, '/': DIV, '^': POW };

/** Writes instructions (operation, target, a, b) and hands out registers for constants and results. */
class Assembler {
  readonly code: number[] = [];
  /** Pairs of (register, value) to load before running. */
  readonly constants: number[] = [];
  private next = FIRST_FREE;

  /** The register that will hold the value of `e`, emitting what computes it; `lr` is where it reads the rate. */
  value(e: Expr, lr: number): number {
    switch (e.k) {
      case 'n':
        this.constants.push(this.next, e.v);
        return this.next++;
      case 'lr':
        return lr;
      case 'q':
        return (e.prev ? ABOVE : 0) + slot(e.q);
      case 'sigmoid':
        return this.emit(SIGMOID, this.value(e.a, lr), 0);
      case 'op': {
        const a = this.value(e.a, lr);
        return this.emit(OPS[e.op] ?? ADD, a, this.value(e.b, lr));
      }
    }
  }

  /** Emits `e` so that its value lands in register `target`: an operation writes there itself. */
  into(target: number, e: Expr, lr: number): void {
    if (e.k === 'sigmoid') this.code.push(SIGMOID, target, this.value(e.a, lr), 0);
    else if (e.k === 'op') {
      const a = this.value(e.a, lr);
      this.code.push(OPS[e.op] ?? ADD, target, a, this.value(e.b, lr));
    } else this.code.push(MOVE, target, this.value(e, lr), 0);
  }

  /** How many registers the instructions use. */
  get registers(): number {
    return this.next;
  }

  private emit(op: number, a: number, b: number): number {
    this.code.push(op, this.next, a, b);
    return this.next++;
  }
}

/** Runs the instructions from index `from` to `to` on the registers `r`. */
function execute(code: Int32Array, from: number, to: number, r: Float64Array): void {
  for (let i = from; i < to; i += 4) {
    const t = code[i + 1] as number;
    const a = r[code[i + 2] as number] as number;
    const b = r[code[i + 3] as number] as number;
    switch (code[i]) {
      case ADD:
        r[t] = a + b;
        break;
      case SUB:
        r[t] = a - b;
        break;
      case MUL:
        r[t] = a * b;
        break;
      case DIV:
        r[t] = a / b;
        break;
      case POW:
        r[t] = a ** b;
        break;
      case SIGMOID:
        r[t] = sigmoid(a);
        break;
      default:
        r[t] = a;
    }
  }
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

/** A workbook's formulas as instructions: the weight updates, then every derived column in reading order. */
interface CompiledWorkbook {
  readonly code: Int32Array;
  /** Where the derived columns' instructions start (the weight updates come first). */
  readonly columnsFrom: number;
  readonly constants: readonly number[];
  readonly registers: number;
}

const compiled = new WeakMap<object, CompiledWorkbook>();
const RIGHT = {};

function compileWorkbook(mistake: WorkbookMistake | null): CompiledWorkbook {
  const key = mistake ?? RIGHT;
  let out = compiled.get(key);
  if (!out) {
    const asm = new Assembler();
    for (const w of WEIGHT_NAMES) asm.into(slot(w), mistake?.wrongFormula(w) ?? updateOf(w), RATE);
    const columnsFrom = asm.code.length;
    const formulas = new Map<QuantityName, Expr>(DERIVED_NAMES.map((name) => [name, mistake?.wrongFormula(name) ?? DEFINITIONS[name]]));
    for (const name of readingOrder(formulas)) asm.into(slot(name), formulas.get(name) as Expr, LR);
    out = { code: Int32Array.from(asm.code), columnsFrom, constants: asm.constants, registers: asm.registers };
    compiled.set(key, out);
  }
  return out;
}

/**
 * Computes `epochs` rows into `rows`, each from the one above in `r`. Apart from `runWorkbook`, so that
 * the loop never touches a rule object (each of its own shape), which made the engine drop its compiled loop.
 */
function fillRows(code: Int32Array, columnsFrom: number, r: Float64Array, rows: Float64Array, epochs: number, rateInto: (epoch: number) => number): void {
  for (let epoch = 1; epoch <= epochs; epoch++) {
    if (epoch > 1) {
      // Inputs and targets stay; the weights are updated from the row above.
      r.copyWithin(ABOVE, 0, ROW);
      r[RATE] = rateInto(epoch);
      execute(code, 0, columnsFrom, r);
    }
    execute(code, columnsFrom, code.length, r);
    // A loop, not `rows.set(r.subarray(…))`: a typed-array view per row costs a browser more than the copy.
    const at = (epoch - 1) * ROW;
    for (let i = 0; i < ROW; i++) rows[at + i] = r[i] as number;
  }
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
  const { code, columnsFrom, constants, registers } = compileWorkbook(mistake);
  const r = new Float64Array(registers);
  for (let i = 0; i < constants.length; i += 2) r[constants[i] as number] = constants[i + 1] as number;
  PARAM_NAMES.forEach((name, i) => (r[i] = params[name]));
  r[LR] = params.lr;
  const rows = new Float64Array(Math.max(0, epochs) * ROW);
  const get: Getter = (name, prev) => r[(prev ? ABOVE : 0) + slot(name)];
  const lr = params.lr;
  fillRows(code, columnsFrom, r, rows, epochs, mistake ? (epoch) => mistake.rateInto(epoch, lr, get) : () => lr);
  const value = (name: QuantityName, epoch: number): number =>
    Number.isInteger(epoch) && epoch >= 1 && epoch <= epochs ? (rows[(epoch - 1) * ROW + slot(name)] ?? Number.NaN) : Number.NaN;
  return {
    epochs,
    value,
    row: (epoch) => Object.fromEntries(NAMES.map((name) => [name, value(name, epoch)])) as Record<QuantityName, number>,
  };
}
