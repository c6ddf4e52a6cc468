/**
 * Judging a typed answer: right (to the digits typed), right but rounded early, a known mistake of
 * the catalogue (named with its words and its right-vs-wrong formula), or wrong; or not an answer.
 */
import type { Params } from '../backprop';
import { columnTex, formulaPair } from '../mistakes/notes/tex';
import { MIN_DIGITS, isWrittenValue, parseAnswer, unitAt, type Parsed } from './answer';
import { evaluateRounded, getterFor, rateFor, valueWith, written, allWays, type Way } from './chain';
import { hints } from './hints';
import type { ExerciseDef } from './list';
import { wordsTex } from './words';

/** What a check says: `data-verdict`. */
export type VerdictKind = 'right' | 'rounded' | 'mistake' | 'wrong' | 'invalid';

/** A known mistake as a verdict names it. */
export interface NamedMistake {
  /** The catalogue's id (`data-mistake`). */
  readonly id: string;
  /** The catalogue's title, with symbols in `$…$`. */
  readonly title: string;
  /** The formula as it should be, TeX, `lhs = rhs`, the part the mistake changes boxed. */
  readonly rightTex: string;
  /** The formula as the mistake writes it, TeX, the changed part boxed. */
  readonly wrongTex: string;
}

/** A verdict: its kind, words for the student (symbols in `$…$`), and the mistake when one is named. */
export interface Verdict {
  readonly kind: VerdictKind;
  readonly message: string;
  readonly mistake?: NamedMistake;
}

/** Rounding the intermediate results to these many digits is "rounded early". */
export const EARLY_ROUNDING = [3, 4] as const;

/** The most significant digits an exercise asks for (a weight's update changes only its later digits). */
export const MAX_DIGITS = 8;

/** A mistake that changes this exercise's answer, made from what it shows; with its value for a configuration. */
export interface MistakeValue {
  readonly way: Way;
  readonly value: number;
}

/** The ways of the catalogue's mistakes that apply to an exercise: made from the shown values, changing the formula. */
export function applicableWays(def: ExerciseDef): readonly Way[] {
  let ways = applicable.get(def);
  if (!ways) applicable.set(def, (ways = findApplicable(def)));
  return ways;
}
const applicable = new WeakMap<ExerciseDef, readonly Way[]>();

function findApplicable(def: ExerciseDef): Way[] {
  const right = written(def, null).expr;
  const seen = [JSON.stringify(right)];
  return allWays().filter((way) => {
    const w = written(def, way);
    const key = JSON.stringify(w.expr);
    // A second variant that writes the same formula adds nothing.
    if (w.unshown || seen.includes(key)) return false;
    seen.push(key);
    return true;
  });
}

/** Each applicable mistake's value for a configuration, those that differ from the right answer. */
export function mistakeValues(def: ExerciseDef, config: Params): MistakeValue[] {
  const right = answerOf(def, config);
  return applicableWays(def)
    .map((way) => ({ way, value: valueWith(def, config, way) }))
    .filter((m) => Number.isFinite(m.value) && m.value !== right);
}

/** The exercise's answer for a configuration, from the values it shows. */
export function answerOf(def: ExerciseDef, config: Params): number {
  return valueWith(def, config, null);
}

/** The answer with every intermediate result rounded to `digits` significant digits. */
export function roundedAnswer(def: ExerciseDef, config: Params, digits: number): number {
  const get = getterFor(def, config);
  return evaluateRounded(written(def, null).expr, get, rateFor(def, config, null, get), digits);
}

/** Can an answer given to `digits` significant digits tell `a` from `b`? */
export function distinguishable(a: number, b: number, digits: number): boolean {
  return Math.abs(a - b) >= 4 * unitAt(a, digits);
}

/**
 * The fewest significant digits an answer must have here: 4, or for a weight's update, as many as
 * it takes for the step and every applicable mistake to show (at most {@link MAX_DIGITS}).
 */
export function minimumDigits(def: ExerciseDef, config: Params): number {
  if ((def.target.epoch ?? 1) === 1) return MIN_DIGITS;
  const right = answerOf(def, config);
  const others = [...mistakeValues(def, config).map((m) => m.value), getterFor(def, config)(def.target.name, true) ?? right];
  for (let digits = MIN_DIGITS; digits < MAX_DIGITS; digits++) {
    if (others.every((v) => distinguishable(right, v, digits))) return digits;
  }
  return MAX_DIGITS;
}

/** The mistake as a verdict names it: its title and its formula in this exercise, right and wrong. */
export function nameMistake(def: ExerciseDef, way: Way): NamedMistake {
  const pair = formulaPair(columnTex(def.target.name), written(def, null).expr, written(def, way).expr);
  return { id: way.rule.id, title: wordsTex(way.rule.title), rightTex: pair.right, wrongTex: pair.wrong };
}

/** Judges a typed answer: right, rounded, a known mistake, wrong (checked in that order), or invalid. */
export function judge(def: ExerciseDef, config: Params, typed: string): Verdict {
  const minDigits = minimumDigits(def, config);
  const parsed: Parsed = parseAnswer(typed, minDigits);
  const right = answerOf(def, config);
  if (!parsed.ok) {
    // An answer with few digits (0.0984) is right when those are all its digits.
    const loose = parseAnswer(typed, 1);
    const exact = loose.ok && Math.abs(loose.value - right) <= 1e-12 * Math.abs(right);
    if (exact) return { kind: 'right', message: 'Right: that is the exact value.' };
    const why = minDigits > MIN_DIGITS ? ' Here one step changes only the later digits of the weight.' : '';
    return { kind: 'invalid', message: `${parsed.message}${why}` };
  }
  if (isWrittenValue(parsed, right)) {
    return { kind: 'right', message: `Right, to the ${parsed.digits} significant digits you gave.` };
  }
  for (const digits of EARLY_ROUNDING) {
    if (isWrittenValue(parsed, roundedAnswer(def, config, digits))) {
      return {
        kind: 'rounded',
        message:
          `Right method, but rounded too early: that is what rounding the results on the way to ${digits} significant digits gives. ` +
          'Keep every digit until the last step.',
      };
    }
  }
  const mistake = mistakeValues(def, config).find((m) => isWrittenValue(parsed, m.value));
  if (mistake) {
    const named = nameMistake(def, mistake.way);
    return { kind: 'mistake', message: `Not quite: this is what a known mistake gives. ${named.title}.`, mistake: named };
  }
  const [formula] = hints(def, config);
  return { kind: 'wrong', message: `Not quite. Start from the formula: $${formula}$` };
}
