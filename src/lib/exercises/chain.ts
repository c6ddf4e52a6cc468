/**
 * What a student computes in an exercise: the target's formula written out, through the quantities
 * they work out on the way, down to the values the exercise shows; and the same with a known mistake
 * of the catalogue (src/lib/mistakes/) made wherever the mistake changes a formula on the way. A
 * mistake in a shown value is not the student's, so the writing out stops there.
 */
import { atEpoch, sigmoidRounded, formatParameter, formatTruncated, isParameter, isWeight, type Params, type QuantityName, type QuantityRef, type Snapshot } from '../backprop';
import { changesWithEpochs } from '../quantities/chain';
import { columnFormula, evaluateExpr, substitute, type Getter } from '../quantities/definitions';
import { ingredientsOf, mapQuantities, n, q, sameExpr, shiftPrev, type Expr } from '../quantities/expr';
import { MISTAKES, type Variant } from '../mistakes';
import type { ExerciseDef } from './list';

/** Significant digits an exercise shows of a computed value it gives (cut, as the pages write numbers). */
export const GIVEN_DIGITS = 4;

/** A known mistake of the catalogue. */
export type Mistake = (typeof MISTAKES)[number];

/** One way of making a mistake: a rule and, for a formula rule, one of its variants. */
export interface Way {
  readonly rule: Mistake;
  readonly variant?: Variant;
}

/** The ways of making each mistake that changes numbers (a mistake only formulas show has none). */
export function waysOf(rule: Mistake): Way[] {
  if ('variants' in rule) return rule.variants.map((variant) => ({ rule, variant }));
  return 'wrongFormula' in rule ? [{ rule }] : [];
}

/** Every way of every mistake, in catalogue order. */
export function allWays(): Way[] {
  return MISTAKES.flatMap((rule) => waysOf(rule as Mistake));
}

/** The epoch a reference is read at: inputs, targets and the learning rate never change, so always 1. */
function epochKey(name: QuantityName, epoch: number): string {
  return `${name}@${changesWithEpochs(name) ? epoch : 1}`;
}

function refKey(ref: QuantityRef): string {
  return epochKey(ref.name, ref.epoch ?? 1);
}

/** The target's formula as a student computes it, and whether it reads a value the exercise does not show. */
export interface Written {
  readonly expr: Expr;
  readonly unshown: boolean;
}

const MARK: Expr = n(Number.NaN);

/** Is a quantity's definition one that the catalogue's rewrites look into (the backward chain's)? */
function lookedInto(name: QuantityName): boolean {
  return !sameExpr(
    substitute(q(name), (node) => (node.q === name ? null : MARK)),
    q(name),
  );
}

/** Where a formula rule's replacements act: the quantities whose formula they rewrite, and every quantity they reach. */
interface Scope {
  /** Its columns and the backward-chain quantities it looks into on the way. */
  readonly rewritten: ReadonlySet<QuantityName>;
  /** Every quantity it reaches from its columns, as a leaf or through a definition. */
  readonly reached: ReadonlySet<QuantityName>;
}
const scopes = new WeakMap<object, Scope>();
function scopeOf(rule: Mistake): Scope {
  let scope = scopes.get(rule);
  if (!scope) {
    const rewritten = new Set<QuantityName>(rule.columns);
    const reached = new Set<QuantityName>(rule.columns);
    for (const column of rule.columns) {
      const formula = columnFormula(column, false);
      if (!formula) continue;
      substitute(formula, (node) => {
        reached.add(node.q);
        if (lookedInto(node.q)) rewritten.add(node.q);
        return null;
      });
    }
    scopes.set(rule, (scope = { rewritten, reached }));
  }
  return scope;
}

/** The right formula of a quantity at an epoch: a weight after the first epoch is its update; a parameter has none. */
function rightFormula(name: QuantityName, epoch: number): Expr | null {
  return columnFormula(name, epoch === 1 || !changesWithEpochs(name));
}

/**
 * Writes out `def`'s target as the student computes it: every quantity it reads that the exercise
 * does not show is replaced by its formula, down to the shown values (and, where they do not reach,
 * the parameters). With `way`, the mistake is made in every formula it changes on the way.
 */
export function writeOut(def: ExerciseDef, way: Way | null): Written {
  const top = def.target.epoch ?? 1;
  const shown = new Set(def.given.map(refKey));
  const isShown = (name: QuantityName, epoch: number) => shown.has(epochKey(name, epoch));
  let unshown = false;
  const leaf = (name: QuantityName, epoch: number): Expr => {
    if (epoch < top - 1) throw new Error(`${def.id}: reads ${name} more than one epoch back`);
    return q(name, epoch < top);
  };
  // Quantities of `e`, written at `epoch`, each replaced by its own writing out.
  const expandIn = (e: Expr, epoch: number, depth: number): Expr =>
    mapQuantities(e, (node) => expand(node.q, node.prev ? epoch - 1 : epoch, depth + 1));
  const expand = (name: QuantityName, epoch: number, depth: number): Expr => {
    if (depth > 60) throw new Error(`${def.id}: the formulas do not end`);
    if (isShown(name, epoch)) return leaf(name, epoch);
    const right = rightFormula(name, epoch);
    if (!right && isParameter(name)) {
      unshown = true;
      return leaf(name, epoch);
    }
    return expandIn(mistaken(name, epoch, right, depth === 0) ?? right ?? q(name), epoch, depth);
  };
  // The formula the mistake gives a quantity, or null where it leaves it as it is.
  const mistaken = (name: QuantityName, epoch: number, right: Expr | null, isTarget: boolean): Expr | null => {
    if (!way) return null;
    const { rule, variant } = way;
    if (!variant) return 'wrongFormula' in rule && right && rule.columns.includes(name) ? rule.wrongFormula(name) : null;
    if (!('replace' in variant)) return right && rule.columns.includes(name) ? variant.rewrite(right) : null;
    const replace = variant.replace;
    const scope = scopeOf(rule);
    // Asked for a quantity the mistake reads something else in place of (a_h1, where h1 is read for it): that something.
    const own = replace[name];
    if (isTarget && own !== undefined && scope.reached.has(name)) return own;
    // The rule rewrites its columns, and the target where its rewrite reaches it; what a rewrite
    // puts in place is read right, as in a workbook whose other cells are right.
    if (!rule.columns.includes(name) && !(isTarget && scope.rewritten.has(name))) return null;
    // The catalogue's own rewrite, stopped at shown values: a mistake in them is not the student's.
    const written = substitute(rule.columns.includes(name) && right ? right : q(name), (node) => {
      const shownHere = isShown(node.q, node.prev ? epoch - 1 : epoch);
      const replacement = replace[node.q];
      // Reading another value in place of a shown one is a student's slip; recomputing a shown one is not.
      if (replacement !== undefined && (!shownHere || replacement.k === 'q')) return node.prev ? shiftPrev(replacement) : replacement;
      return shownHere ? q(node.q, node.prev) : null;
    });
    return sameExpr(written, q(name)) ? null : written;
  };
  const expr = expand(def.target.name, top, 0);
  if (ingredientsOf(expr).includes('lr') && !isShown('lr', 1)) unshown = true;
  return { expr, unshown };
}

const cache = new Map<string, Written>();

/** {@link writeOut}, kept: the formulas depend on the exercise and the mistake, never on the values. */
export function written(def: ExerciseDef, way: Way | null): Written {
  const index = way?.variant && 'variants' in way.rule ? way.rule.variants.indexOf(way.variant) : 0;
  const key = `${def.id}@${def.epoch ?? 1} ${way ? `${way.rule.id}#${index}` : ''}`;
  let out = cache.get(key);
  if (!out) cache.set(key, (out = writeOut(def, way)));
  return out;
}

/** A value an exercise shows: its reference, its number and its text. */
export interface Shown {
  readonly ref: QuantityRef;
  /** The number as shown (a computed value cut to {@link GIVEN_DIGITS}): the student computes from this. */
  readonly value: number;
  /** Its text, as the page writes numbers (a typographic minus). */
  readonly text: string;
}

/** `x` without the binary noise of its last digits (0.26219999999999993 is 0.2622), before it is cut. */
export function withoutNoise(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/** Per configuration, what was worked out for it: its snapshots by epoch, each exercise's shown values and getter. */
interface Worked {
  readonly snapshots: Map<number, Snapshot>;
  readonly shown: Map<ExerciseDef, Shown[]>;
  readonly getters: Map<ExerciseDef, Getter>;
}
const worked = new WeakMap<Params, Worked>();
function workedFor(config: Params): Worked {
  let w = worked.get(config);
  if (!w) worked.set(config, (w = { snapshots: new Map(), shown: new Map(), getters: new Map() }));
  return w;
}

/** The network at an epoch for a configuration, worked out once. */
function snapshotAt(config: Params, epoch: number): Snapshot {
  const { snapshots } = workedFor(config);
  let s = snapshots.get(epoch);
  if (!s) snapshots.set(epoch, (s = atEpoch(config, epoch)));
  return s;
}

/** The values an exercise shows for a configuration: parameters as dealt, computed values cut to {@link GIVEN_DIGITS} digits. */
export function shownValues(def: ExerciseDef, config: Params): Shown[] {
  const { shown } = workedFor(config);
  let out = shown.get(def);
  if (!out) shown.set(def, (out = showValues(def, config)));
  return out;
}

function showValues(def: ExerciseDef, config: Params): Shown[] {
  return def.given.map((ref) => {
    const epoch = ref.epoch ?? 1;
    const exact = snapshotAt(config, epoch)[ref.name];
    const text = isParameter(ref.name) && (epoch === 1 || !isWeight(ref.name)) ? formatParameter(exact) : formatTruncated(withoutNoise(exact), GIVEN_DIGITS);
    return { ref, value: Number(text.replace(/\u2212/g, '-')), text };
  });
}

/** Reads an exercise's written-out formula: shown values as shown, anything else at its true value. */
export function getterFor(def: ExerciseDef, config: Params): Getter {
  const { getters } = workedFor(config);
  let get = getters.get(def);
  if (!get) {
    const top = def.target.epoch ?? 1;
    // By name, at the target's epoch and the one before (inputs, targets and the rate at both).
    const now = new Map<QuantityName, number>();
    const before = new Map<QuantityName, number>();
    for (const s of shownValues(def, config)) {
      const epoch = s.ref.epoch ?? 1;
      if (epoch === top || !changesWithEpochs(s.ref.name)) now.set(s.ref.name, s.value);
      if (epoch === top - 1 || !changesWithEpochs(s.ref.name)) before.set(s.ref.name, s.value);
    }
    const current = snapshotAt(config, top);
    const previous = top > 1 ? snapshotAt(config, top - 1) : current;
    get = (name, prev) => (prev ? (before.get(name) ?? previous[name]) : (now.get(name) ?? current[name]));
    getters.set(def, get);
  }
  return get;
}

/** The learning rate a way's weight update reads (the rate cell may be another, for some mistakes). */
export function rateFor(def: ExerciseDef, config: Params, way: Way | null, get: Getter): number {
  const top = def.target.epoch ?? 1;
  if (!way || top === 1 || !('rateInto' in way.rule)) return config.lr;
  return way.rule.rateInto(top, config.lr, (name) => get(name, true));
}

/** The value of the target with `way` made (null: none), from the shown values. */
export function valueWith(def: ExerciseDef, config: Params, way: Way | null): number {
  const get = getterFor(def, config);
  return evaluateExpr(written(def, way).expr, get, rateFor(def, config, way, get));
}

/** `x` rounded to `digits` significant digits. */
export function roundTo(x: number, digits: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(digits)) : x;
}

/**
 * The value of an expression when every intermediate result is rounded to `digits` significant
 * digits, as a student who writes each step down short would get; the sigmoid as its three steps
 * e^(−x), 1 + e^(−x), 1 / (1 + e^(−x)). The last result is not rounded.
 */
export function evaluateRounded(e: Expr, get: Getter, lr: number, digits: number, top = true): number {
  const r = (x: number) => (top ? x : roundTo(x, digits));
  switch (e.k) {
    case 'n':
      return e.v;
    case 'lr':
      return lr;
    case 'q':
      return get(e.q, e.prev === true) ?? Number.NaN;
    case 'sigmoid': {
      const x = evaluateRounded(e.a, get, lr, digits, false);
      return r(sigmoidRounded(x, (v) => roundTo(v, digits)));
    }
    case 'op': {
      const a = evaluateRounded(e.a, get, lr, digits, false);
      const b = evaluateRounded(e.b, get, lr, digits, false);
      return r(evaluateExpr({ ...e, a: { k: 'n', v: a }, b: { k: 'n', v: b } }, get, lr));
    }
  }
}

/** Every intermediate value of an expression (each operation's result), for the checks on a configuration. */
export function intermediateValues(e: Expr, get: Getter, lr: number): number[] {
  const out: number[] = [];
  const visit = (x: Expr): void => {
    if (x.k === 'op') {
      visit(x.a);
      visit(x.b);
    } else if (x.k === 'sigmoid') visit(x.a);
    out.push(evaluateExpr(x, get, lr));
  };
  visit(e);
  return out;
}
