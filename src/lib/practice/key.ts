/**
 * An instructor's answer key: for each seed (a student's id), the configuration it deals and the
 * answer of every exercise, as the students' blocks deal and judge them (src/lib/exercises/). As a
 * table and as CSV.
 */
import { PARAM_NAMES, formatTruncated, type ParamName, type Params } from '../backprop';
import { EXERCISES, answerOf, deal, minimumDigits, type ExerciseDef } from '../exercises';
import { symbolText } from '../labels';
import { cleanSeed } from './progress';
import { exerciseTitle } from './title';

/** The most seeds one key takes (a large lecture); more are left out, and the page says so. */
export const MAX_SEEDS = 1000;

/** One seed's row. */
export interface KeyRow {
  readonly seed: string;
  readonly config: Params;
  /** Each exercise's answer, in the order of EXERCISES. */
  readonly answers: readonly number[];
  /** Each answer as the table shows it: cut to as many digits as its check asks for, at least 6. */
  readonly shown: readonly string[];
}

/** The seeds of pasted text: one per line, trimmed, empty lines and repeats left out; at most MAX_SEEDS. */
export function seedsOf(text: string): { seeds: string[]; leftOut: number } {
  const all = [...new Set(text.split(/\r?\n/).map((line) => cleanSeed(line)).filter((s): s is string => s !== undefined))];
  return { seeds: all.slice(0, MAX_SEEDS), leftOut: Math.max(0, all.length - MAX_SEEDS) };
}

/** `x` cut to `digits` significant digits, written with all of them (an exact 0.347 reads 0.347000: a check asks for the digits). */
export function answerText(x: number, digits: number): string {
  const text = formatTruncated(x, digits);
  if (/e/i.test(text) || !Number.isFinite(x) || x === 0) return text;
  const written = text.replace(/^\D*/, '').replace('.', '').replace(/^0+/, '').length;
  if (written >= digits) return text;
  return `${text}${text.includes('.') ? '' : '.'}${'0'.repeat(digits - written)}`;
}

/** The answer key for `seeds`. */
export function answerKey(seeds: readonly string[], exercises: readonly ExerciseDef[] = EXERCISES): KeyRow[] {
  return seeds.map((seed) => {
    const config = deal(seed);
    const answers = exercises.map((e) => answerOf(e, config));
    const shown = exercises.map((e, k) => answerText(answers[k] ?? Number.NaN, Math.max(6, minimumDigits(e, config))));
    return { seed, config, answers, shown };
  });
}

/** The key's column heads, as students read the symbols: seed, the parameters, then each exercise. */
export function keyHeads(exercises: readonly ExerciseDef[] = EXERCISES): string[] {
  return ['seed', ...PARAM_NAMES.map((n: ParamName) => symbolText(n)), ...exercises.map(exerciseTitle)];
}

/** One CSV field: quoted when it holds a comma, quote or line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text a spreadsheet would run as a formula (a seed starting with =, +, - or @) kept as text with a leading apostrophe. */
function asText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The key as CSV (RFC 4180, CRLF): every number in full (`String(x)`), so that a spreadsheet holds the exact values. */
export function keyCsv(rows: readonly KeyRow[], exercises: readonly ExerciseDef[] = EXERCISES): string {
  const lines = [keyHeads(exercises), ...rows.map((r) => [asText(r.seed), ...PARAM_NAMES.map((n) => String(r.config[n])), ...r.answers.map(String)])];
  return `${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}
