/**
 * The exercises: one per derivation point of the tutorial (1.3's forward pass, 1.4's steps, 1.5's
 * update of each weight), each asking for one quantity from the values it shows. Where it sits and
 * what it asks come from the registry (src/lib/quantities/registry.ts); what it shows is chosen here,
 * so that each exercise is about one step.
 */
import { WEIGHT_NAMES, type QuantityName, type QuantityRef, type WeightName } from '../backprop';
import { REGISTRY, updateRule } from '../quantities/registry';
import { columnTex } from '../mistakes/notes/tex';
import { wordsTex } from './words';

/** One exercise: the quantity it asks for, what it shows, and where it sits. */
export interface ExerciseDef {
  /** `data-exercise`: a quantity name of the DOM contract, or `w1` … `w8` for a weight after one update. */
  readonly id: string;
  /** 2 for a weight after its first update (`data-epoch="2"`); absent at the starting values. */
  readonly epoch?: 2;
  /** The slug of the section page it sits on (`1-4-backpropagation`). */
  readonly section: string;
  /** The id of the step or heading it sits after (`step-3`, `weighted-sums`). */
  readonly place: string;
  /** The quantity the student works out. */
  readonly target: QuantityRef;
  /** What the student is shown, in the order shown: parameters and earlier results. */
  readonly given: readonly QuantityRef[];
  /** The question, for students: words, symbols as `$TeX$`. */
  readonly question: string;
}

const at1 = (...names: QuantityName[]): QuantityRef[] => names.map((name) => ({ name }));

/** A place in 1.4: the step an exercise follows, where it practises that step rather than the quantity's derivation. */
const BACKPROP_STEP = (n: number) => ({ page: '1-4-backpropagation', anchor: `step-${n}` });

/**
 * An exercise on a quantity at the starting values, placed where the registry says the site derives
 * it, or at `at`.
 */
function exercise(name: QuantityName, given: readonly QuantityName[], at?: { page: string; anchor: string }): ExerciseDef {
  const entry = REGISTRY[name];
  const meaning = wordsTex(entry.meaning.replace(/\.$/, ''));
  const where = at ?? entry.derivedAt;
  return {
    id: name,
    section: where.page,
    place: where.anchor,
    target: { name },
    given: at1(...given),
    question: `Work out $${entry.symbol}$ from the values shown. ${meaning}.`,
  };
}

/** A weight after its first update, from its value, its gradient and the learning rate. */
function update(w: WeightName): ExerciseDef {
  const rule = updateRule(w);
  return {
    id: w,
    epoch: 2,
    section: rule.derivedAt.page,
    place: rule.derivedAt.anchor,
    target: { name: w, epoch: 2 },
    given: at1(w, 'lr', `dE_d${w}`),
    question: `Work out $${columnTex(w)}$, the weight $${REGISTRY[w].symbol}$ after one step of gradient descent.`,
  };
}

/** Every exercise, in the tutorial's reading order. */
export const EXERCISES: readonly ExerciseDef[] = Object.freeze([
  // 1.3: the forward pass, one neuron's step at a time.
  exercise('h1', ['i1', 'i2', 'w1', 'w2']),
  exercise('a_h1', ['h1']),
  exercise('o1', ['w5', 'w6', 'h1', 'h2', 'a_h1', 'a_h2']),
  exercise('a_o1', ['o1']),
  exercise('E_total', ['t1', 't2', 'a_o1', 'a_o2']),
  // 1.4, Step 1: the error in two parts, only one of which depends on w5 (both outputs shown).
  exercise('E2', ['t1', 't2', 'a_o1', 'a_o2'], BACKPROP_STEP(1)),
  // Step 2: the chain rule, the gradient as the product of its three factors.
  exercise('dE_dw5', ['dE_da_o1', 'da_o1_do1', 'h1', 'a_h1'], BACKPROP_STEP(2)),
  // Step 3: the first two factors, from the forward pass.
  exercise('dE_da_o1', ['t1', 'a_o1']),
  exercise('da_o1_do1', ['o1', 'a_o1']),
  // Step 4: the other output gradients, all three factors at once.
  exercise('dE_dw6', ['t1', 'a_o1', 'h2', 'a_h2']),
  exercise('dE_dw7', ['t1', 't2', 'a_o2', 'h1', 'a_h1']),
  exercise('dE_dw8', ['t1', 't2', 'a_o2', 'h2', 'a_h2']),
  // Steps 5 and 6, the hidden layer: the error at the activation, the slope, then a gradient from them.
  exercise('dE_da_h1', ['dE_do1', 'dE_do2', 'w5', 'w6', 'w7', 'w8']),
  exercise('da_h1_dh1', ['h1', 'a_h1']),
  exercise('dE_dw1', ['dE_da_h1', 'h1', 'a_h1', 'a_h2', 'i1', 'i2']),
  exercise('dE_dw3', ['dE_da_h2', 'h2', 'a_h1', 'a_h2', 'i1', 'i2']),
  // Step 7: a hidden gradient from the forward pass alone, every factor substituted.
  exercise('dE_dw4', ['t1', 't2', 'a_o1', 'a_o2', 'w6', 'w8', 'h2', 'a_h1', 'a_h2', 'i1', 'i2'], BACKPROP_STEP(7)),
  // Step 8: a gradient as the sensitivity to the sum the weight feeds, times what the weight multiplies.
  exercise('dE_dw2', ['dE_dh1', 'i1', 'i2'], BACKPROP_STEP(8)),
  // 1.5: each weight after one update.
  ...WEIGHT_NAMES.map(update),
]);

/** The exercise with this `data-exercise` name (and `data-epoch`, 2 for a weight's update); undefined for none. */
export function exerciseById(id: string, epoch?: number): ExerciseDef | undefined {
  return EXERCISES.find((e) => e.id === id && (e.epoch ?? 1) === (epoch ?? e.epoch ?? 1));
}
