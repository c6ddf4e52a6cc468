/**
 * The 2-2-2 sigmoid network of the article, without biases: forward pass,
 * squared error, every chain-rule factor and all eight gradients.
 *
 * Every function here is pure. Names follow the article (`a_h1`, `dE_dw5`)
 * so that code, equations and the page's `data-q` attributes read alike.
 */

/** The eight weight names, in the article's order. */
export const WEIGHT_NAMES = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'] as const;
/** One of `w1` … `w8`. */
export type WeightName = (typeof WEIGHT_NAMES)[number];

/** The names of every parameter a reader can set, in display order. */
export const PARAM_NAMES = ['i1', 'i2', 't1', 't2', ...WEIGHT_NAMES, 'lr'] as const;
/** One of the thirteen parameters. */
export type ParamName = (typeof PARAM_NAMES)[number];

/** Inputs, targets, weights and learning rate: everything the network depends on. */
export type Params = Readonly<Record<ParamName, number>>;

/** The article's starting values (section 1.3; learning rate of the LR=0.1 tab). */
export const ARTICLE_PARAMS: Params = Object.freeze({
  i1: 0.05,
  i2: 0.1,
  t1: 0.5,
  t2: 0.5,
  w1: 0.15,
  w2: 0.2,
  w3: 0.25,
  w4: 0.3,
  w5: 0.4,
  w6: 0.45,
  w7: 0.5,
  w8: 0.55,
  lr: 0.1,
});

/** The names of every value derived from the parameters, as used in `data-q`. */
export const DERIVED_NAMES = [
  'h1', 'h2', 'a_h1', 'a_h2', 'o1', 'o2', 'a_o1', 'a_o2', 'E1', 'E2', 'E_total',
  'dE_da_o1', 'dE_da_o2', 'da_o1_do1', 'da_o2_do2', 'dE_do1', 'dE_do2',
  'dE1_da_h1', 'dE2_da_h1', 'dE1_da_h2', 'dE2_da_h2', 'dE_da_h1', 'dE_da_h2',
  'da_h1_dh1', 'da_h2_dh2', 'dE_dh1', 'dE_dh2',
  'dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8',
] as const;
/** One derived quantity's name. */
export type DerivedName = (typeof DERIVED_NAMES)[number];

/** Every quantity a page can show: a parameter or a derived value. */
export type QuantityName = ParamName | DerivedName;

/** A complete, immutable record of one evaluation: the parameters and every derived value. */
export type Snapshot = Readonly<Record<QuantityName, number>>;

/** The logistic function 1 / (1 + e^(−x)). Saturates to exactly 0 or 1 without NaN. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The sigmoid as a student works it out by hand, `round` applied to e^(−x) and to 1 + e^(−x). */
export function sigmoidRounded(x: number, round: (v: number) => number): number {
  return 1 / round(1 + round(Math.exp(-x)));
}

/** The forward pass and the errors: what `evaluate` computes before any derivative. */
export interface ForwardPass {
  readonly h1: number;
  readonly h2: number;
  readonly a_h1: number;
  readonly a_h2: number;
  readonly o1: number;
  readonly o2: number;
  readonly a_o1: number;
  readonly a_o2: number;
  readonly E1: number;
  readonly E2: number;
  readonly E_total: number;
}

/**
 * The forward pass alone, for callers that need only the error at many points (the contour map's
 * grid): no derivative, and a small unfrozen record that the engine can keep out of the heap.
 */
export function forward(p: Params): ForwardPass {
  const h1 = p.w1 * p.i1 + p.w2 * p.i2;
  const h2 = p.w3 * p.i1 + p.w4 * p.i2;
  const a_h1 = sigmoid(h1);
  const a_h2 = sigmoid(h2);
  const o1 = p.w5 * a_h1 + p.w6 * a_h2;
  const o2 = p.w7 * a_h1 + p.w8 * a_h2;
  const a_o1 = sigmoid(o1);
  const a_o2 = sigmoid(o2);
  // E2 uses a_o2; the article's text writes a_o1 by mistake.
  const E1 = 0.5 * (p.t1 - a_o1) ** 2;
  const E2 = 0.5 * (p.t2 - a_o2) ** 2;
  return { h1, h2, a_h1, a_h2, o1, o2, a_o1, a_o2, E1, E2, E_total: E1 + E2 };
}

/** Evaluates the network once: forward pass, errors, chain-rule factors and gradients. */
export function evaluate(p: Params): Snapshot {
  const { h1, h2, a_h1, a_h2, o1, o2, a_o1, a_o2, E1, E2, E_total } = forward(p);

  // Output layer.
  const dE_da_o1 = a_o1 - p.t1;
  const dE_da_o2 = a_o2 - p.t2;
  const da_o1_do1 = a_o1 * (1 - a_o1);
  const da_o2_do2 = a_o2 * (1 - a_o2);
  const dE_do1 = dE_da_o1 * da_o1_do1;
  const dE_do2 = dE_da_o2 * da_o2_do2;
  const dE_dw5 = dE_do1 * a_h1;
  const dE_dw6 = dE_do1 * a_h2;
  const dE_dw7 = dE_do2 * a_h1;
  const dE_dw8 = dE_do2 * a_h2;

  // Hidden layer: these use this epoch's w5..w8, never the updated ones.
  const dE1_da_h1 = dE_do1 * p.w5;
  const dE2_da_h1 = dE_do2 * p.w7;
  const dE1_da_h2 = dE_do1 * p.w6;
  const dE2_da_h2 = dE_do2 * p.w8;
  const dE_da_h1 = dE1_da_h1 + dE2_da_h1;
  const dE_da_h2 = dE1_da_h2 + dE2_da_h2;
  const da_h1_dh1 = a_h1 * (1 - a_h1);
  const da_h2_dh2 = a_h2 * (1 - a_h2);
  const dE_dh1 = dE_da_h1 * da_h1_dh1;
  const dE_dh2 = dE_da_h2 * da_h2_dh2;
  const dE_dw1 = dE_dh1 * p.i1;
  const dE_dw2 = dE_dh1 * p.i2;
  const dE_dw3 = dE_dh2 * p.i1;
  const dE_dw4 = dE_dh2 * p.i2;

  return Object.freeze({
    ...p,
    h1, h2, a_h1, a_h2, o1, o2, a_o1, a_o2, E1, E2, E_total,
    dE_da_o1, dE_da_o2, da_o1_do1, da_o2_do2, dE_do1, dE_do2,
    dE1_da_h1, dE2_da_h1, dE1_da_h2, dE2_da_h2, dE_da_h1, dE_da_h2,
    da_h1_dh1, da_h2_dh2, dE_dh1, dE_dh2,
    dE_dw1, dE_dw2, dE_dw3, dE_dw4, dE_dw5, dE_dw6, dE_dw7, dE_dw8,
  });
}

/** Is `name` one of w1 … w8? */
export function isWeight(name: string): name is WeightName {
  return (WEIGHT_NAMES as readonly string[]).includes(name);
}

/** The gradient name for a weight: `w3` → `dE_dw3`. */
export function gradientName(w: WeightName): `dE_d${WeightName}` {
  return `dE_d${w}`;
}

/** Only the parameter part of a snapshot (drops every derived value). */
export function paramsOf(s: Snapshot): Params {
  const out: Record<string, number> = {};
  for (const name of PARAM_NAMES) out[name] = s[name];
  return Object.freeze(out) as Params;
}
