/**
 * The short sentence a screen reader hears after an edit: what changed and
 * where the total error now stands, never the whole page of numbers. In
 * symbols and words (η, not `lr`).
 */
import { ARTICLE_PARAMS, PARAM_NAMES, evaluate, formatParameter, formatTruncated, type Params } from './backprop';
import { PARAM_LABELS } from './labels';

/** The state a sentence compares: the parameters in force and how many updates training applied. */
export interface Said {
  readonly params: Params;
  readonly trained: number;
}

/** Summarises the change from `before` to `after` in one sentence. */
export function summariseChange(before: Said, after: Said, digits: number): string {
  const changed = PARAM_NAMES.filter((n) => before.params[n] !== after.params[n]);
  if (changed.length === 0 && before.trained === after.trained) return '';
  const error = formatTruncated(evaluate(after.params).E_total, digits);
  const isReset = after.trained === 0 && PARAM_NAMES.every((n) => after.params[n] === ARTICLE_PARAMS[n]);
  if (isReset) return `Reset to the article's values. The total error is ${error}.`;
  if (after.trained > before.trained) {
    const n = after.trained;
    return `Trained to epoch ${n + 1}, after ${n} update${n === 1 ? '' : 's'}. The total error is now ${error}.`;
  }
  // Training undone moves every weight at once; a hand edit after training (which also ends the count) a few values.
  if (before.trained > 0 && after.trained === 0 && changed.length > 3) {
    return `Back to the starting weights. The total error is now ${error}.`;
  }
  const what =
    changed.length <= 3
      ? changed.map((n) => `${PARAM_LABELS[n].symbol} is ${formatParameter(after.params[n], digits)}`).join(', ')
      : `${changed.length} values changed`;
  return `${what}. The total error is now ${error}.`;
}
