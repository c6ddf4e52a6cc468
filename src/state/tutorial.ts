/**
 * The one state module: the reader's parameters and display precision,
 * shared by every island and the page script, with the URL query as their
 * lasting form. Nothing about layout lives here.
 */
import { atom } from './atom';
import { ARTICLE_PARAMS, DIGIT_CHOICES, type ParamName, type Params } from '../lib/backprop';
import { configurationQuery, digitsFromQuery, paramsFromQuery, queryString, type QueryProblem } from '../lib/params';

const inBrowser = typeof window !== 'undefined' && typeof location !== 'undefined';

const initialSearch = new URLSearchParams(inBrowser ? location.search : '');
const initial = paramsFromQuery(initialSearch);

/** The parameters in force: inputs, targets, weights and learning rate. */
export const $params = atom<Params>(initial.params);

/** Significant digits shown (the article's 4 by default; `Infinity` for all). */
export const $digits = atom<number>(digitsFromQuery(initialSearch));

/** Values in the page's URL that could not be used (shown once as a notice). */
export const $queryProblems = atom<readonly QueryProblem[]>(initial.problems);

/** The query string for the current state (`?w1=0.3`), to carry on links. */
export function currentQuery(): string {
  return queryString(configurationQuery($params.get(), $digits.get()));
}

/** Calls `listener` now and after every change of the parameters or the precision. */
export function watchState(listener: () => void): () => void {
  listener();
  const stopParams = $params.listen(listener);
  const stopDigits = $digits.listen(listener);
  return () => {
    stopParams();
    stopDigits();
  };
}

/** Puts a new value in force for one parameter. */
export function setParam(name: ParamName, value: number): void {
  setParams({ [name]: value });
}

/** Puts several parameters in force at once, as one change (a training epoch moves all eight weights). */
export function setParams(changes: Partial<Params>): void {
  const current = $params.get();
  const next = { ...current };
  let changed = false;
  for (const [name, value] of Object.entries(changes) as [ParamName, number][]) {
    if (Number.isFinite(value) && value !== current[name]) [next[name], changed] = [value, true];
  }
  if (changed) $params.set(Object.freeze(next));
}

/** Back to the article's values. */
export function resetParams(): void {
  $params.set(ARTICLE_PARAMS);
}

/** Chooses how many significant digits are shown. */
export function setDigits(digits: number): void {
  if ((DIGIT_CHOICES as readonly number[]).includes(digits)) $digits.set(digits);
}

/** Forgets the notice about unusable URL values. */
export function dismissQueryProblems(): void {
  $queryProblems.set([]);
}

if (inBrowser) {
  // Keep the address in step, so copying it shares exactly what the reader sees.
  // Unusable query values were never taken, so this also drops them from the address.
  watchState(() => {
    const query = configurationQuery($params.get(), $digits.get(), new URLSearchParams(location.search));
    const next = `${location.pathname}${queryString(query)}${location.hash}`;
    if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
  });
}
