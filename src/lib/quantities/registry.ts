/**
 * The registry of quantities: for every name the math module computes, what it is called (TeX),
 * what it means in words, what it is made from, how (as a formula and as a live-equation template
 * with the same slots as src/lib/live-tex.ts), and where the site derives it. Explanations are
 * built from it at build time, and so are the substituted equations of the content that fit its
 * form, so that the two cannot disagree.
 *
 * Pure data and arithmetic. Each entry's `compute` repeats the math module's one step from its
 * ingredients alone; the tests hold it to `evaluate` bit for bit, so the registry cannot drift
 * from the values the page shows. It is never the source of a value on the page.
 */
import { sigmoid, type ParamName, type QuantityName, type WeightName } from '../backprop';
import { changesWithEpochs } from './chain';

/** A section page's slug, as in `content/` (`1-4-backpropagation`). */
export type SectionSlug =
  | '1-1-introduction'
  | '1-2-the-network'
  | '1-3-forward-propagation'
  | '1-4-backpropagation'
  | '1-5-weight-update';

/** Where the site works a quantity out: a page, the id of a step or heading on it, and that place's title. */
export interface DerivedAt {
  readonly page: SectionSlug;
  readonly anchor: string;
  /** The step's or heading's own words, as the page shows them ("Step 3", "Weighted sums"). */
  readonly title: string;
}

/** How a quantity is computed from others: in symbols, with live slots, and as arithmetic. */
export interface Formula<I extends QuantityName = QuantityName> {
  /** The right-hand side in symbols, TeX: `w_1 i_1 + w_2 i_2`. */
  readonly tex: string;
  /** The same with a live slot per ingredient: `{{w1}}\cdot{{i1}} + {{w2}}\cdot{{i2}}`. */
  readonly substituted: string;
  /** The quantities it reads, each once. */
  readonly ingredients: readonly I[];
  /** The value from the ingredients' values alone, with the math module's operations in its order. */
  readonly compute: (v: Readonly<Record<I, number>>) => number;
}

/** One quantity of the registry. */
export interface QuantityEntry {
  readonly name: QuantityName;
  /** Its symbol, TeX: `a_{o1}`. */
  readonly symbol: string;
  /** One line in words, for a student. */
  readonly meaning: string;
  /** How it is computed at one epoch; absent for the parameters, which the reader sets. */
  readonly formula?: Formula;
  /** Where the site works it out (for a parameter: where it is introduced). */
  readonly derivedAt: DerivedAt;
}

/** A weight after an update: its symbol, the update rule, and where the site explains the rule. */
export interface UpdateRule {
  readonly symbol: string;
  readonly formula: Formula;
  readonly derivedAt: DerivedAt;
}

const FORWARD: SectionSlug = '1-3-forward-propagation';
const BACKPROP: SectionSlug = '1-4-backpropagation';
const UPDATE: SectionSlug = '1-5-weight-update';

const at = (page: SectionSlug, anchor: string, title: string): DerivedAt => ({ page, anchor, title });
const STARTING_VALUES = at(FORWARD, 'the-starting-values', 'The starting values');
const WEIGHTED_SUMS = at(FORWARD, 'weighted-sums', 'Weighted sums');
const ACTIVATIONS = at(FORWARD, 'activations', 'Activations');
const THE_ERROR = at(FORWARD, 'the-error', 'The error');
const step = (n: number): DerivedAt => at(BACKPROP, `step-${n}`, `Step ${n}`);

/** A formula with its ingredient names checked against what `compute` reads (by the type system). */
function formula<const I extends QuantityName>(
  tex: string,
  substituted: string,
  ingredients: readonly I[],
  compute: (v: Readonly<Record<I, number>>) => number,
): Formula {
  return { tex, substituted, ingredients, compute } as unknown as Formula;
}

/** `\frac{\partial top}{\partial bottom}`. */
const d = (top: string, bottom: string): string => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;
const E_TOTAL = 'E_{\\mathrm{total}}';

/** The weight's TeX symbol (`w_5`). */
const weightSymbol = (w: WeightName): string => `w_${w.slice(1)}`;

function parameter(name: ParamName, symbol: string, meaning: string, derivedAt: DerivedAt = STARTING_VALUES): QuantityEntry {
  return { name, symbol, meaning, derivedAt };
}

function weight(w: WeightName, from: string, to: string): QuantityEntry {
  return parameter(w, weightSymbol(w), `The weight on the connection from ${from} to ${to}: how strongly ${from} counts in ${to}.`);
}

/** A quantity's TeX symbol from its name: `a_h1` → `a_{h1}`, `i2` → `i_2`, `o1` → `o_1`. */
function texOf(name: 'i1' | 'i2' | 'h1' | 'h2' | 'o1' | 'o2' | 'a_h1' | 'a_h2' | 'a_o1' | 'a_o2'): string {
  return name.startsWith('a_') ? `a_{${name.slice(2)}}` : `${name[0]}_${name.slice(1)}`;
}

type Input = 'i1' | 'i2' | 'a_h1' | 'a_h2';

/** A neuron's weighted sum of its two inputs (1.3): `sum = wA·xA + wB·xB`. */
function weightedSum(
  name: 'h1' | 'h2' | 'o1' | 'o2',
  [wA, xA]: readonly [WeightName, Input],
  [wB, xB]: readonly [WeightName, Input],
  meaning: string,
  derivedAt: DerivedAt,
): QuantityEntry {
  return {
    name,
    symbol: texOf(name),
    meaning,
    formula: formula(
      `${weightSymbol(wA)} ${texOf(xA)} + ${weightSymbol(wB)} ${texOf(xB)}`,
      `{{${wA}}}\\cdot{{${xA}}} + {{${wB}}}\\cdot{{${xB}}}`,
      [wA, xA, wB, xB],
      (v) => v[wA] * v[xA] + v[wB] * v[xB],
    ),
    derivedAt,
  };
}

/** A neuron's activation, the sigmoid of its sum (1.3). */
function activation(name: 'a_h1' | 'a_h2' | 'a_o1' | 'a_o2', sum: 'h1' | 'h2' | 'o1' | 'o2', meaning: string): QuantityEntry {
  return {
    name,
    symbol: texOf(name),
    meaning,
    formula: formula(`\\sigma(${texOf(sum)})`, `\\sigma({{${sum}}})`, [sum], (v) => sigmoid(v[sum])),
    derivedAt: ACTIVATIONS,
  };
}

/** Output k's error, half its squared miss (1.3). */
function outputError(k: 1 | 2): QuantityEntry {
  const [a, t] = [`a_o${k}`, `t${k}`] as ['a_o1', 't1'] | ['a_o2', 't2'];
  return {
    name: `E${k}`,
    symbol: `E_${k}`,
    meaning: `The error of output ${k}: half the square of how far ${a} misses ${t}.`,
    formula: formula(
      `\\tfrac{1}{2}\\,(t_${k} - ${texOf(a)})^2`,
      `\\tfrac{1}{2}\\,({{${t}}} - {{${a}}})^2`,
      [t, a],
      (v) => 0.5 * (v[t] - v[a]) ** 2,
    ),
    derivedAt: THE_ERROR,
  };
}

/** The output neuron's error factors (Steps 3 and 4), for output k = 1 or 2. */
function outputFactors(k: 1 | 2): QuantityEntry[] {
  const a = `a_o${k}` as const;
  const t = `t${k}` as const;
  const o = `o_${k}`;
  const aTex = `a_{o${k}}`;
  const where = step(k === 1 ? 3 : 4);
  const dE_da = `dE_da_o${k}` as const;
  // (k, k): TypeScript would otherwise also allow da_o1_do2.
  const da_do = `da_o${k}_do${k}` as 'da_o1_do1' | 'da_o2_do2';
  return [
    {
      name: dE_da,
      symbol: d(`E_${k}`, aTex),
      meaning: `How fast the error grows as output ${k} grows: how far ${aTex.replace(/[{}]/g, '')} overshoots its target.`,
      formula: formula(`${aTex} - t_${k}`, `{{${a}}} - {{${t}}}`, [a, t], (v) => v[a] - v[t]),
      derivedAt: where,
    },
    {
      name: da_do,
      symbol: d(aTex, o),
      meaning: `The slope of output ${k}'s sigmoid at its sum: how much the output moves when the sum moves.`,
      formula: formula(`${aTex}\\,(1 - ${aTex})`, `{{${a}}} \\cdot (1 - {{${a}}})`, [a], (v) => v[a] * (1 - v[a])),
      derivedAt: where,
    },
    {
      name: `dE_do${k}`,
      symbol: d(E_TOTAL, o),
      meaning: `The error's sensitivity to output ${k}'s weighted sum: the part of the chain shared by every weight into output ${k}.`,
      formula: formula(
        `${d(`E_${k}`, aTex)} \\cdot ${d(aTex, o)}`,
        `{{${dE_da}}} \\cdot {{${da_do}}}`,
        [dE_da, da_do],
        (v) => v[dE_da] * v[da_do],
      ),
      derivedAt: where,
    },
  ];
}

/** A hidden activation's share of one output's error (Step 5): dE_do{k} times the weight between them. */
function hiddenShare(k: 1 | 2, j: 1 | 2, w: WeightName): QuantityEntry {
  const dE_do = `dE_do${k}` as const;
  return {
    name: `dE${k}_da_h${j}`,
    symbol: d(`E_${k}`, `a_{h${j}}`),
    meaning: `How much of output ${k}'s error reaches the hidden activation a_h${j}, through the weight ${w}.`,
    formula: formula(`${d(E_TOTAL, `o_${k}`)}\\, ${weightSymbol(w)}`, `{{${dE_do}}} \\cdot {{${w}}}`, [dE_do, w], (v) => v[dE_do] * v[w]),
    derivedAt: step(5),
  };
}

/** The hidden neuron j's error factors (Steps 5 and 6). */
function hiddenFactors(j: 1 | 2): QuantityEntry[] {
  const a = `a_h${j}` as const;
  const aTex = `a_{h${j}}`;
  const first = `dE1_da_h${j}` as const;
  const second = `dE2_da_h${j}` as const;
  const dE_da = `dE_da_h${j}` as const;
  const da_dh = `da_h${j}_dh${j}` as 'da_h1_dh1' | 'da_h2_dh2';
  return [
    {
      name: dE_da,
      symbol: d(E_TOTAL, aTex),
      meaning: `The error's sensitivity to the hidden activation ${a}, which feeds both outputs: the sum of its two shares.`,
      formula: formula(`${d('E_1', aTex)} + ${d('E_2', aTex)}`, `{{${first}}} + {{${second}}}`, [first, second], (v) => v[first] + v[second]),
      derivedAt: step(5),
    },
    {
      name: da_dh,
      symbol: d(aTex, `h_${j}`),
      meaning: `The slope of hidden neuron ${j}'s sigmoid at its sum.`,
      formula: formula(`${aTex}\\,(1 - ${aTex})`, `{{${a}}} \\cdot (1 - {{${a}}})`, [a], (v) => v[a] * (1 - v[a])),
      derivedAt: step(6),
    },
    {
      name: `dE_dh${j}`,
      symbol: d(E_TOTAL, `h_${j}`),
      meaning: `The error's sensitivity to hidden neuron ${j}'s weighted sum: the part of the chain shared by the weights into it.`,
      formula: formula(`${d(E_TOTAL, aTex)} \\cdot ${d(aTex, `h_${j}`)}`, `{{${dE_da}}} \\cdot {{${da_dh}}}`, [dE_da, da_dh], (v) => v[dE_da] * v[da_dh]),
      derivedAt: step(6),
    },
  ];
}

/** A weight's gradient: the sensitivity of the sum it feeds times the value it multiplies. */
function gradient(w: WeightName, sum: 'dE_dh1' | 'dE_dh2' | 'dE_do1' | 'dE_do2', input: 'i1' | 'i2' | 'a_h1' | 'a_h2', n: number): QuantityEntry {
  const sumTex = sum.startsWith('dE_dh') ? `h_${sum.slice(-1)}` : `o_${sum.slice(-1)}`;
  const inputTex = input.startsWith('a_') ? `a_{${input.slice(2)}}` : `i_${input.slice(1)}`;
  return {
    name: `dE_d${w}`,
    symbol: d(E_TOTAL, weightSymbol(w)),
    meaning: `The gradient of ${w}: how fast the total error grows as ${w} grows. Training moves ${w} against it.`,
    formula: formula(`${d(E_TOTAL, sumTex)}\\, ${inputTex}`, `{{${sum}}} \\cdot {{${input}}}`, [sum, input], (v) => v[sum] * v[input]),
    derivedAt: step(n),
  };
}

const ENTRIES: readonly QuantityEntry[] = [
  parameter('i1', 'i_1', 'The first input: a value fed into both hidden neurons.'),
  parameter('i2', 'i_2', 'The second input: a value fed into both hidden neurons.'),
  parameter('t1', 't_1', 'The target for the first output: the value we want a_o1 to take.'),
  parameter('t2', 't_2', 'The target for the second output: the value we want a_o2 to take.'),
  weight('w1', 'i1', 'h1'),
  weight('w2', 'i2', 'h1'),
  weight('w3', 'i1', 'h2'),
  weight('w4', 'i2', 'h2'),
  weight('w5', 'a_h1', 'o1'),
  weight('w6', 'a_h2', 'o1'),
  weight('w7', 'a_h1', 'o2'),
  weight('w8', 'a_h2', 'o2'),
  parameter('lr', '\\eta', 'The learning rate: how big a step every weight takes against its gradient in one update.', at(UPDATE, 'the-update-rule', 'The update rule')),
  weightedSum('h1', ['w1', 'i1'], ['w2', 'i2'], 'The weighted sum arriving at the first hidden neuron, before its activation.', WEIGHTED_SUMS),
  weightedSum('h2', ['w3', 'i1'], ['w4', 'i2'], 'The weighted sum arriving at the second hidden neuron, before its activation.', WEIGHTED_SUMS),
  activation('a_h1', 'h1', "The first hidden neuron's activation: the sigmoid of its sum, what it passes on to both outputs."),
  activation('a_h2', 'h2', "The second hidden neuron's activation: the sigmoid of its sum, what it passes on to both outputs."),
  weightedSum('o1', ['w5', 'a_h1'], ['w6', 'a_h2'], 'The weighted sum arriving at the first output neuron, before its activation.', ACTIVATIONS),
  weightedSum('o2', ['w7', 'a_h1'], ['w8', 'a_h2'], 'The weighted sum arriving at the second output neuron, before its activation.', ACTIVATIONS),
  activation('a_o1', 'o1', "The first output: the network's guess for t1."),
  activation('a_o2', 'o2', "The second output: the network's guess for t2."),
  outputError(1),
  outputError(2),
  {
    name: 'E_total',
    symbol: E_TOTAL,
    meaning: 'The total error for this example: the one number training tries to make small.',
    formula: formula('E_1 + E_2', '{{E1}} + {{E2}}', ['E1', 'E2'], (v) => v.E1 + v.E2),
    derivedAt: THE_ERROR,
  },
  ...outputFactors(1),
  ...outputFactors(2),
  hiddenShare(1, 1, 'w5'),
  hiddenShare(2, 1, 'w7'),
  hiddenShare(1, 2, 'w6'),
  hiddenShare(2, 2, 'w8'),
  ...hiddenFactors(1),
  ...hiddenFactors(2),
  gradient('w1', 'dE_dh1', 'i1', 6),
  gradient('w2', 'dE_dh1', 'i2', 6),
  gradient('w3', 'dE_dh2', 'i1', 6),
  gradient('w4', 'dE_dh2', 'i2', 6),
  gradient('w5', 'dE_do1', 'a_h1', 3),
  gradient('w6', 'dE_do1', 'a_h2', 4),
  gradient('w7', 'dE_do2', 'a_h1', 4),
  gradient('w8', 'dE_do2', 'a_h2', 4),
];

/** Every quantity's entry, by name. */
export const REGISTRY: Readonly<Record<QuantityName, QuantityEntry>> = Object.freeze(
  Object.fromEntries(ENTRIES.map((e) => [e.name, Object.freeze(e)])) as Record<QuantityName, QuantityEntry>,
);

/** The number of entries written above (the tests compare it with the math module's names). */
export const ENTRY_COUNT = ENTRIES.length;

/**
 * A weight one epoch on: the gradient-descent update of 1.5, read at the previous epoch
 * (its weight, its gradient) with the learning rate of the run.
 */
export function updateRule(w: WeightName): UpdateRule {
  const grad = `dE_d${w}` as const;
  const sym = weightSymbol(w);
  return {
    symbol: `${sym}^{+}`,
    formula: formula(
      `${sym} - \\eta\\,${d(E_TOTAL, sym)}`,
      `{{${w}}} - {{lr}} \\cdot {{${grad}}}`,
      [w, 'lr', grad],
      (v) => v[w] - v.lr * v[grad],
    ),
    derivedAt: at(UPDATE, 'the-update-rule', 'The update rule'),
  };
}

/** A slot for `name` at `epoch` (a quantity that never changes is always written at epoch 1). */
function slot(name: string, epoch: number): string {
  return epoch > 1 && changesWithEpochs(name as QuantityName) ? `{{${name}@${epoch}}}` : `{{${name}}}`;
}

/**
 * The live equation for `name` in the registry's form, `symbol = formula = numbers = result`
 * (for a parameter, `symbol = value`). At `epoch` > 1 a weight is given by its update rule, its
 * ingredients at the epoch before. The content's `<Eq q="h1" />` and the explanations use it.
 */
export function liveEquation(name: QuantityName, epoch = 1): string {
  const entry = REGISTRY[name];
  const self = slot(name, epoch);
  const rule = epoch > 1 && /^w\d$/.test(name) ? updateRule(name as WeightName) : undefined;
  const symbol = rule?.symbol ?? entry.symbol;
  const f = rule?.formula ?? entry.formula;
  if (!f) return `${symbol} = ${self}`;
  const from = rule ? epoch - 1 : epoch;
  const substituted = f.substituted.replace(/\{\{(\w+)\}\}/g, (_, n: string) => slot(n, from));
  return `${symbol} = ${f.tex} = ${substituted} = ${self}`;
}
