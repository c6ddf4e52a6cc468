/**
 * Dealing a configuration from a seed (a student's id, a random word): the same on every engine,
 * from our own string hash and generator; values a student can work with by hand; never the
 * article's; and never one where an exercise would be degenerate (a zero gradient, an output on
 * its target, a saturated sigmoid, a mistake that gives the right answer's digits).
 */
import { ARTICLE_PARAMS, PARAM_NAMES, WEIGHT_NAMES, atEpoch, type Params } from '../backprop';
import { MIN_DIGITS } from './answer';
import { getterFor, intermediateValues, rateFor, written } from './chain';
import { MAX_DIGITS, answerOf, distinguishable, mistakeValues, minimumDigits } from './judge';
import { EXERCISES } from './list';

/** The learning rates a configuration draws from. */
export const DEALT_RATES = [0.1, 0.2, 0.25, 0.4, 0.5, 0.75, 1] as const;

/** FNV-1a, 32 bits, over the string's UTF-16 code units. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A small 32-bit generator (mulberry32-style): uniform numbers in [0, 1) from a seed. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One draw of a configuration: inputs, targets and weights in hundredths, a weight negative one time in five. */
function draw(random: () => number): Params {
  const hundredths = (lo: number, hi: number) => (lo + Math.floor(random() * (hi - lo + 1))) / 100;
  const out: Record<string, number> = {
    i1: hundredths(5, 95),
    i2: hundredths(5, 95),
    t1: hundredths(5, 95),
    t2: hundredths(5, 95),
  };
  for (const w of WEIGHT_NAMES) {
    const magnitude = hundredths(5, 95);
    out[w] = random() < 0.2 ? -magnitude : magnitude;
  }
  out['lr'] = DEALT_RATES[Math.floor(random() * DEALT_RATES.length)] ?? 0.5;
  return Object.freeze(out) as Params;
}

/** Smaller than this, a value is as good as zero for a student working by hand. */
const TINY = 1e-4;
/** An output this close to its target leaves (a − t) with too few digits to work with. */
const ON_TARGET = 0.02;
/** A sum beyond this saturates the sigmoid: its slope all but vanishes. */
const SATURATED = 6;

/** What makes a configuration unfit for the exercises; empty when it is fit. */
export function degenerateReasons(config: Params): string[] {
  const reasons: string[] = [];
  if (PARAM_NAMES.every((name) => name === 'lr' || config[name] === ARTICLE_PARAMS[name])) reasons.push("the article's values");
  const s = atEpoch(config, 1);
  if (!Object.values(s).every(Number.isFinite)) reasons.push('a value that is not finite');
  for (const sum of ['h1', 'h2', 'o1', 'o2'] as const) if (Math.abs(s[sum]) > SATURATED) reasons.push(`${sum} saturates its sigmoid`);
  if (Math.abs(s.a_o1 - s.t1) < ON_TARGET) reasons.push('a_o1 is on its target');
  if (Math.abs(s.a_o2 - s.t2) < ON_TARGET) reasons.push('a_o2 is on its target');
  for (const def of EXERCISES) {
    const right = answerOf(def, config);
    if (!Number.isFinite(right) || Math.abs(right) < TINY) {
      reasons.push(`${def.id}: its answer is ${right}`);
      continue;
    }
    const get = getterFor(def, config);
    const values = intermediateValues(written(def, null).expr, get, rateFor(def, config, null, get));
    if (values.some((v) => !Number.isFinite(v) || Math.abs(v) < TINY)) reasons.push(`${def.id}: a factor is all but zero`);
    const digits = (def.target.epoch ?? 1) === 1 ? MIN_DIGITS : MAX_DIGITS;
    for (const m of mistakeValues(def, config)) {
      if (!distinguishable(right, m.value, digits)) reasons.push(`${def.id}: ${m.way.rule.id} gives the same digits`);
      if (Math.abs(m.value) < TINY) reasons.push(`${def.id}: ${m.way.rule.id} gives all but zero`);
    }
    if ((def.target.epoch ?? 1) > 1 && !distinguishable(right, get(def.target.name, true) ?? right, minimumDigits(def, config))) {
      reasons.push(`${def.id}: the update does not show`);
    }
  }
  return reasons;
}

/** How many draws a seed may take before one is fit (far more than ever needed). */
const MAX_DRAWS = 10_000;

/**
 * The configuration for a seed: the first fit draw of the generator seeded from the seed and a
 * counter. Depends on the seed alone, so one seed gives one configuration for every exercise.
 */
export function deal(seed: string): Params {
  for (let counter = 0; counter < MAX_DRAWS; counter++) {
    const config = draw(generator(hash32(`${seed}\u0000${counter}`)));
    if (degenerateReasons(config).length === 0) return config;
  }
  throw new Error(`No fit configuration for the seed "${seed}"`);
}
