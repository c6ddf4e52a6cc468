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
  if (!Number.isFinite(value) || $params.get()[name] === value) return;
  $params.set(Object.freeze({ ...$params.get(), [name]: value }));
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

// Gestures in progress (a drag): the parameters change on every move, the address once at the end.
let held = 0;

/** Keeps the address in step, so copying it shares exactly what the reader sees (not during a gesture). */
function writeAddress(): void {
  if (!inBrowser || held > 0) return;
  // Unusable query values were never taken, so this also drops them from the address.
  const query = configurationQuery($params.get(), $digits.get(), new URLSearchParams(location.search));
  const next = `${location.pathname}${queryString(query)}${location.hash}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
}

/**
 * Starts a transient change, such as a drag: parameters set meanwhile (through `setParam`) reach
 * every listener at once, but the address is rewritten only by the returned function, once, when
 * the gesture ends. Calling it again does nothing.
 */
export function holdAddress(): () => void {
  held++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    held--;
    writeAddress();
  };
}

if (inBrowser) watchState(writeAddress);
