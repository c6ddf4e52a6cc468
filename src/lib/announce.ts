/**
 * The short sentence a screen reader hears after an edit: what changed and
 * where the total error now stands, never the whole page of numbers.
 */
import { ARTICLE_PARAMS, PARAM_NAMES, evaluate, formatParameter, formatTruncated, type Params } from './backprop';

/** Summarises the change from `before` to `after` in one sentence. */
export function summariseChange(before: Params, after: Params, digits: number): string {
  const changed = PARAM_NAMES.filter((n) => before[n] !== after[n]);
  if (changed.length === 0) return '';
  const error = formatTruncated(evaluate(after).E_total, digits);
  const isReset = PARAM_NAMES.every((n) => after[n] === ARTICLE_PARAMS[n]);
  if (isReset) return `Reset to the article's values. E_total is ${error}.`;
  const what =
    changed.length <= 3
      ? changed.map((n) => `${n} is ${formatParameter(after[n], digits)}`).join(', ')
      : `${changed.length} values changed`;
  return `${what}. E_total is now ${error}.`;
}
