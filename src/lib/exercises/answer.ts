/**
 * Reading a typed answer: one number, a comma decimal read as a point, with the significant digits
 * it was written with; and whether it is a value cut or rounded to those digits.
 */
import { writtenDigits } from '../mistakes/compare';

/** The fewest significant digits an answer is judged with. */
export const MIN_DIGITS = 4;

/** Beyond this many digits a typed value is compared to this relative precision: a calculator's last digits differ. */
const FINEST = 1e-12;

/** A typed answer read as a number, or why it cannot be. */
export type Parsed =
  | { readonly ok: true; readonly value: number; readonly digits: number; readonly unit: number }
  | { readonly ok: false; readonly message: string };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a typed answer: "0.1234", "-1,5", "1.234e-3", with spaces and a typographic minus allowed.
 * `unit` is the place value of the last digit typed (0.0001 for "0.1234"). Empty text, letters, a
 * formula and numbers too large to hold are not answers; neither is one with fewer than
 * `minDigits` significant digits.
 */
export function parseAnswer(typed: string, minDigits = MIN_DIGITS): Parsed {
  const text = typed.trim().replace(/[\s\u00a0\u2009\u202f]/g, '').replace(/[\u2212\u2013]/g, '-').replace(',', '.');
  if (text === '') return { ok: false, message: 'Type your answer as a number first.' };
  if (!NUMBER.test(text)) {
    return {
      ok: false,
      message: /[=*/^()×·σ]|[a-df-z]/i.test(text)
        ? 'Type only the number you got, such as 0.1234, not a formula or letters.'
        : 'That is not a number: type it like 0.1234 or 0,1234.',
    };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: 'That number is far too large to be the answer here.' };
  const digits = writtenDigits(text);
  if (digits < minDigits) {
    return { ok: false, message: `Give at least ${minDigits} significant digits (for example 0.01234, not 0.012), so that the check can tell a slip from rounding.` };
  }
  const [mantissa = '', exponent = '0'] = text.toLowerCase().split('e');
  const decimals = mantissa.includes('.') ? (mantissa.split('.')[1] ?? '').length : 0;
  return { ok: true, value, digits, unit: 10 ** (Number(exponent) - decimals) };
}

/**
 * Is the typed value `x` cut or rounded to the digits typed? The sign must agree; the magnitude may
 * be up to half a unit of the last digit above (rounded) or less than one unit below (cut).
 */
export function isWrittenValue(typed: Extract<Parsed, { ok: true }>, x: number): boolean {
  if (!Number.isFinite(x) || x === 0 || Math.sign(typed.value) !== Math.sign(x)) return false;
  const unit = Math.max(typed.unit, Math.abs(x) * FINEST);
  const slack = unit * 1e-9;
  const short = Math.abs(x) - Math.abs(typed.value);
  return short >= -unit / 2 - slack && short < unit + slack;
}

/** The place value of the last of `digits` significant digits of `x`. */
export function unitAt(x: number, digits: number): number {
  return 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
}
