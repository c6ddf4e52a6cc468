/**
 * The one state module: the reader's parameters and display precision,
 * shared by every island and the page script, with the URL query as their
 * lasting form. Nothing about layout lives here.
 *
 * Training is kept as a count on top of the configuration it started from (`trained=3` in the
 * address), not as eight long weights: the weights in force are recomputed from the two, bit for
 * bit what training reached. A hand edit folds the training into the configuration, so that no
 * value the reader sees moves.
 */
import { atom, type ReadableAtom } from './atom';
import { ARTICLE_PARAMS, DIGIT_CHOICES, WEIGHT_NAMES, advance, type ParamName, type Params } from '../lib/backprop';
import {
  countable,
  digitsFromQuery,
  editState,
  lockFromQuery,
  paramsOfState,
  queryString,
  stateFromQuery,
  stateQuery,
  trainedWeightsFinite,
  type QueryProblem,
  type TrainingState,
} from '../lib/params';

const inBrowser = typeof window !== 'undefined' && typeof location !== 'undefined';

const initialSearch = new URLSearchParams(inBrowser ? location.search : '');
const initial = stateFromQuery(initialSearch);

let state: TrainingState = initial.state;
const params = atom<Params>(paramsOfState(state));
const trained = atom<number>(state.trained);

/**
 * The parameters in force: inputs, targets, weights (trained, if the reader trained) and learning
 * rate. Read-only here: every change goes through this module's functions, so that a lock (an
 * embed's `lock=`) holds against all of them.
 */
export const $params: ReadableAtom<Params> = { get: params.get, listen: params.listen, subscribe: params.subscribe };

/** How many gradient-descent updates have been applied to the configuration (0: none; the weights in force are then the configuration's). */
export const $trained: ReadableAtom<number> = { get: trained.get, listen: trained.listen, subscribe: trained.subscribe };

/** The state in force: the configuration and the training on top of it. */
export function trainingState(): TrainingState {
  return state;
}

/** Puts a state in force; listeners of `$params` find `$trained` already up to date. */
function put(next: TrainingState, inForce: Params = paramsOfState(next)): void {
  state = next;
  trained.set(next.trained);
  params.set(inForce);
}

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

/** Whether training may move the weights: not while one of them is locked. */
export function canTrain(): boolean {
  return !WEIGHT_NAMES.some((w) => locked.has(w));
}

// An embed's address may lock parameters at the values it gives them. Read with the rest of the
// address, so the lock is in force before any field, toolbar or island starts.
if (inBrowser && typeof document !== 'undefined' && document.documentElement.hasAttribute('data-embed')) lockParams(lockFromQuery(initialSearch));

/** Significant digits shown (the article's 4 by default; `Infinity` for all). */
export const $digits = atom<number>(digitsFromQuery(initialSearch));

/** Values in the page's URL that could not be used (shown once as a notice). */
export const $queryProblems = atom<readonly QueryProblem[]>(initial.problems);

/** The query string for the current state (`?w1=0.3`, `?trained=3`), to carry on links. */
export function currentQuery(): string {
  return queryString(stateQuery(state, $digits.get()));
}

/** Calls `listener` now and after every change of the parameters, the training or the precision. */
export function watchState(listener: () => void): () => void {
  listener();
  const stops = [$params.listen(listener), $trained.listen(listener), $digits.listen(listener)];
  return () => {
    for (const stop of stops) stop();
  };
}

/** Puts a new value in force for one parameter, unless it is locked. */
export function setParam(name: ParamName, value: number): void {
  setParams({ [name]: value });
}

/**
 * Puts several parameters in force at once, as one change: the reader's own edit. Training so far
 * becomes part of the configuration (the count starts again), so the other values stay exactly
 * as they were. Non-finite values and locked parameters are left as they are.
 */
export function setParams(changes: Partial<Params>): void {
  const taken: Partial<Record<ParamName, number>> = {};
  for (const [name, value] of Object.entries(changes) as [ParamName, number][]) {
    if (Number.isFinite(value) && !locked.has(name)) taken[name] = value;
  }
  const next = editState(state, taken);
  if (next !== state) put(next);
}

/**
 * Applies `updates` more gradient-descent updates at the learning rate in force, as one change,
 * and returns whether it did: refused while a weight is locked, or when the weights would overflow.
 * Beyond what an address may count, the trained weights become the configuration.
 */
export function train(updates: number): boolean {
  if (!Number.isInteger(updates) || updates < 1 || !canTrain()) return false;
  if (countable(state, updates)) {
    const next = { start: state.start, trained: state.trained + updates };
    const inForce = advance(params.get(), updates);
    if (!trainedWeightsFinite(inForce)) return false;
    put(next, inForce);
  } else {
    const inForce = advance(params.get(), updates);
    if (!trainedWeightsFinite(inForce)) return false;
    put({ start: inForce, trained: 0 }, inForce);
  }
  return true;
}

/** Goes back to the configuration training started from (the weights of epoch 1); refused while a weight is locked. */
export function untrain(): void {
  if (state.trained > 0 && canTrain()) put({ start: state.start, trained: 0 });
}

/** Back to the article's values, untrained, except for locked parameters, which keep theirs. */
export function resetParams(): void {
  const now = params.get();
  let start = ARTICLE_PARAMS;
  for (const name of locked) if (now[name] !== start[name]) start = { ...start, [name]: now[name] };
  put({ start: start === ARTICLE_PARAMS ? start : Object.freeze(start), trained: 0 });
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
const addressWatchers = new Set<() => void>();
let addressDue = false;
/** The address follows a change within this long even when no frame is drawn, in ms. */
const ADDRESS_AT_MOST_MS = 200;

/**
 * The query the address has, or is about to have: the state's, with every other entry of the address
 * (an embed's `steps`, `lock`, `hide`, an exercise's `seed`) kept. Unusable query values were never
 * taken, so they are left out.
 */
export function addressSearch(): string {
  return queryString(stateQuery(state, $digits.get(), new URLSearchParams(location.search)));
}

/** Rewrites the address in place, if it is due and differs. */
function flushAddress(): void {
  if (!addressDue) return;
  addressDue = false;
  const next = `${location.pathname}${addressSearch()}${location.hash}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
}

/**
 * Keeps the address in step, so copying it shares exactly what the reader sees (not during a gesture),
 * and tells those who follow it (`watchAddress`) at once. The address bar itself is rewritten after the
 * frame that shows the change: on a long page that rewrite costs one to two milliseconds, which a reader
 * would otherwise wait for before seeing any number move. A hidden page draws no frames, so a timer
 * does it there.
 */
function writeAddress(): void {
  if (!inBrowser || held > 0) return;
  if (!addressDue) {
    addressDue = true;
    requestAnimationFrame(() => setTimeout(flushAddress));
    setTimeout(flushAddress, ADDRESS_AT_MOST_MS);
  }
  for (const watcher of addressWatchers) watcher();
}

/**
 * Calls `listener` now and each time the address is to follow the state: in the task of every
 * change, but during a gesture only once, when it ends (links that carry the configuration follow
 * the address, not each move of a drag). Read the address it stands for with `addressSearch`.
 */
export function watchAddress(listener: () => void): void {
  addressWatchers.add(listener);
  listener();
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

if (inBrowser) {
  watchState(writeAddress);
  // At load, at once: values the address held that could not be used leave it before anything reads it.
  flushAddress();
}
