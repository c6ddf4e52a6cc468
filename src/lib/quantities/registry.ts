/**
 * The registry of quantities: for every name the math module computes, what it means in words and
 * where the site derives it, beside its symbol and formula, which come from its one definition
 * (./definitions.ts): the formula in symbols, as a live-equation template with the same slots as
 * src/lib/live-tex.ts, its ingredients and a `compute` from them. Explanations are built from it at
 * build time, and so are the substituted equations of the content that fit its form, so that the
 * two cannot disagree. It is never the source of a value on the page.
 */
import { isWeight, type ParamName, type QuantityName, type WeightName } from '../backprop';
import { changesWithEpochs } from './chain';
import { definitionOf, evaluateExpr, symbolOf, updateOf, updatedSymbol } from './definitions';
import { ingredientsOf, type Expr } from './expr';
import { ARTICLE_STYLE, SLOT_STYLE, texOf } from './tex';

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

/** A definition as the registry shows it: in symbols, as a live template, its ingredients and its value from them. */
function formulaOf(definition: Expr): Formula {
  const ingredients = ingredientsOf(definition);
  const readsRate = ingredients.includes('lr');
  return {
    tex: texOf(definition, ARTICLE_STYLE),
    substituted: texOf(definition, SLOT_STYLE),
    ingredients,
    // Reads the ingredients and nothing else (the rate only when it is one); an update's are those of the epoch before.
    compute: (v) => evaluateExpr(definition, (name) => v[name], readsRate ? v.lr : Number.NaN),
  };
}

/** A quantity's entry: its words and place, with its symbol and formula from its definition. */
function entry(name: QuantityName, meaning: string, derivedAt: DerivedAt): QuantityEntry {
  const definition = definitionOf(name);
  return { name, symbol: symbolOf(name), meaning, ...(definition ? { formula: formulaOf(definition) } : {}), derivedAt };
}

function parameter(name: ParamName, meaning: string, derivedAt: DerivedAt = STARTING_VALUES): QuantityEntry {
  return entry(name, meaning, derivedAt);
}

function weight(w: WeightName, from: string, to: string): QuantityEntry {
  return parameter(w, `The weight on the connection from ${from} to ${to}: how strongly ${from} counts in ${to}.`);
}

/** The output neuron's error factors (Steps 3 and 4), for output k = 1 or 2. */
function outputFactors(k: 1 | 2): QuantityEntry[] {
  const aTex = `a_{o${k}}`;
  const where = step(k === 1 ? 3 : 4);
  return [
    entry(`dE_da_o${k}`, `How fast the error grows as output ${k} grows: how far ${aTex.replace(/[{}]/g, '')} overshoots its target.`, where),
    entry(`da_o${k}_do${k}` as 'da_o1_do1' | 'da_o2_do2', `The slope of output ${k}'s sigmoid at its sum: how much the output moves when the sum moves.`, where),
    entry(`dE_do${k}`, `The error's sensitivity to output ${k}'s weighted sum: the part of the chain shared by every weight into output ${k}.`, where),
  ];
}

/** A hidden activation's share of one output's error (Step 5): dE_do{k} times the weight between them. */
function hiddenShare(k: 1 | 2, j: 1 | 2, w: WeightName): QuantityEntry {
  return entry(`dE${k}_da_h${j}`, `How much of output ${k}'s error reaches the hidden activation a_h${j}, through the weight ${w}.`, step(5));
}

/** The hidden neuron j's error factors (Steps 5 and 6). */
function hiddenFactors(j: 1 | 2): QuantityEntry[] {
  const a = `a_h${j}` as const;
  return [
    entry(`dE_da_h${j}`, `The error's sensitivity to the hidden activation ${a}, which feeds both outputs: the sum of its two shares.`, step(5)),
    entry(`da_h${j}_dh${j}` as 'da_h1_dh1' | 'da_h2_dh2', `The slope of hidden neuron ${j}'s sigmoid at its sum.`, step(6)),
    entry(`dE_dh${j}`, `The error's sensitivity to hidden neuron ${j}'s weighted sum: the part of the chain shared by the weights into it.`, step(6)),
  ];
}

/** A weight's gradient, worked out at Step `n`. */
function gradient(w: WeightName, n: number): QuantityEntry {
  return entry(`dE_d${w}`, `The gradient of ${w}: how fast the total error grows as ${w} grows. Training moves ${w} against it.`, step(n));
}

const ENTRIES: readonly QuantityEntry[] = [
  parameter('i1', 'The first input: a value fed into both hidden neurons.'),
  parameter('i2', 'The second input: a value fed into both hidden neurons.'),
  parameter('t1', 'The target for the first output: the value we want a_o1 to take.'),
  parameter('t2', 'The target for the second output: the value we want a_o2 to take.'),
  weight('w1', 'i1', 'h1'),
  weight('w2', 'i2', 'h1'),
  weight('w3', 'i1', 'h2'),
  weight('w4', 'i2', 'h2'),
  weight('w5', 'a_h1', 'o1'),
  weight('w6', 'a_h2', 'o1'),
  weight('w7', 'a_h1', 'o2'),
  weight('w8', 'a_h2', 'o2'),
  parameter('lr', 'The learning rate: how big a step every weight takes against its gradient in one update.', at(UPDATE, 'the-update-rule', 'The update rule')),
  entry('h1', 'The weighted sum arriving at the first hidden neuron, before its activation.', WEIGHTED_SUMS),
  entry('h2', 'The weighted sum arriving at the second hidden neuron, before its activation.', WEIGHTED_SUMS),
  entry('a_h1', "The first hidden neuron's activation: the sigmoid of its sum, what it passes on to both outputs.", ACTIVATIONS),
  entry('a_h2', "The second hidden neuron's activation: the sigmoid of its sum, what it passes on to both outputs.", ACTIVATIONS),
  entry('o1', 'The weighted sum arriving at the first output neuron, before its activation.', ACTIVATIONS),
  entry('o2', 'The weighted sum arriving at the second output neuron, before its activation.', ACTIVATIONS),
  entry('a_o1', "The first output: the network's guess for t1.", ACTIVATIONS),
  entry('a_o2', "The second output: the network's guess for t2.", ACTIVATIONS),
  entry('E1', 'The error of output 1: half the square of how far a_o1 misses t1.', THE_ERROR),
  entry('E2', 'The error of output 2: half the square of how far a_o2 misses t2.', THE_ERROR),
  entry('E_total', 'The total error for this example: the one number training tries to make small.', THE_ERROR),
  ...outputFactors(1),
  ...outputFactors(2),
  hiddenShare(1, 1, 'w5'),
  hiddenShare(2, 1, 'w7'),
  hiddenShare(1, 2, 'w6'),
  hiddenShare(2, 2, 'w8'),
  ...hiddenFactors(1),
  ...hiddenFactors(2),
  gradient('w1', 6),
  gradient('w2', 6),
  gradient('w3', 6),
  gradient('w4', 6),
  gradient('w5', 3),
  gradient('w6', 4),
  gradient('w7', 4),
  gradient('w8', 4),
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
  return { symbol: updatedSymbol(w), formula: formulaOf(updateOf(w)), derivedAt: at(UPDATE, 'the-update-rule', 'The update rule') };
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
  const registered = REGISTRY[name];
  const self = slot(name, epoch);
  const rule = epoch > 1 && isWeight(name) ? updateRule(name) : undefined;
  const symbol = rule?.symbol ?? registered.symbol;
  const f = rule?.formula ?? registered.formula;
  if (!f) return `${symbol} = ${self}`;
  const from = rule ? epoch - 1 : epoch;
  const substituted = f.substituted.replace(/\{\{(\w+)\}\}/g, (_, n: string) => slot(n, from));
  return `${symbol} = ${f.tex} = ${substituted} = ${self}`;
}
