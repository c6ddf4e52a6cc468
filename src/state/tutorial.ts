/**
 * The one state module: the reader's parameters and display precision,
 * shared by every island and the page script, with the URL query as their
 * lasting form. Nothing about layout lives here.
 */
import { atom, type ReadableAtom } from './atom';
import { ARTICLE_PARAMS, DIGIT_CHOICES, type ParamName, type Params } from '../lib/backprop';
import { configurationQuery, digitsFromQuery, lockFromQuery, paramsFromQuery, queryString, type QueryProblem } from '../lib/params';

const inBrowser = typeof window !== 'undefined' && typeof location !== 'undefined';

const initialSearch = new URLSearchParams(inBrowser ? location.search : '');
const initial = paramsFromQuery(initialSearch);

const params = atom<Params>(initial.params);

/**
 * The parameters in force: inputs, targets, weights and learning rate. Read-only here: every change
 * goes through this module's functions, so that a lock (an embed's `lock=`) holds against all of them.
 */
export const $params: ReadableAtom<Params> = { get: params.get, listen: params.listen, subscribe: params.subscribe };

// Read-only parameters (an embed's `lock=`): kept at the value they had when locked, for the page's life.
const locked = new Set<ParamName>();

/** Makes `names` read-only at their values in force, for the rest of the page's life (there is no unlock). */
export function lockParams(names: Iterable<ParamName>): void {
  for (const name of names) locked.add(name);
}

/** Whether a parameter is read-only (locked by an embed's address). */
export function isLocked(name: ParamName): boolean {
  return locked.has(name);
}

// An embed's address may lock parameters at the values it gives them. Read with the rest of the
// address, so the lock is in force before any field, toolbar or island starts.
if (inBrowser && typeof document !== 'undefined' && document.documentElement.hasAttribute('data-embed')) lockParams(lockFromQuery(initialSearch));

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

/** Puts a new value in force for one parameter, unless it is locked. */
export function setParam(name: ParamName, value: number): void {
  setParams({ [name]: value });
}

/**
 * Puts several parameters in force at once, as one change (a training epoch moves all eight
 * weights). Non-finite values and locked parameters are left as they are.
 */
export function setParams(changes: Partial<Params>): void {
  const current = params.get();
  const next = { ...current };
  let changed = false;
  for (const [name, value] of Object.entries(changes) as [ParamName, number][]) {
    if (Number.isFinite(value) && value !== current[name] && !locked.has(name)) [next[name], changed] = [value, true];
  }
  if (changed) params.set(Object.freeze(next));
}

/** Back to the article's values, except for locked parameters, which keep theirs. */
export function resetParams(): void {
  const now = params.get();
  let next = ARTICLE_PARAMS;
  for (const name of locked) if (now[name] !== next[name]) next = { ...next, [name]: now[name] };
  params.set(next === ARTICLE_PARAMS ? next : Object.freeze(next));
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
