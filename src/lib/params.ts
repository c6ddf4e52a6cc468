/**
 * What a reader may type into a parameter field or a URL query, and how the
 * parameters travel in a URL. Pure: no DOM, no state.
 */
import { ARTICLE_DIGITS, ARTICLE_PARAMS, DIGIT_CHOICES, PARAM_NAMES, WEIGHT_NAMES, advance, type ParamName, type Params } from './backprop';

/** The largest magnitude any parameter may take; beyond it the sigmoids are saturated anyway. */
export const PARAM_LIMIT = 1e6;

/** The longest text accepted as a number (a 17-digit float with exponent fits easily). */
export const MAX_INPUT_LENGTH = 40;

/** Outcome of reading one field: a number in force, or why the text is not one. */
export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a number as a reader types it. Accepts plain decimals and scientific
 * notation (0.15, -.5, 1e-3). A comma is not a decimal separator here: `1,5`
 * is refused with a hint, because `1,500` would be read differently by
 * different readers. Hex, `NaN`, `Infinity` and out-of-range values are refused.
 */
export function parseNumber(text: string): ParseResult {
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, message: 'Too long to be a number.' };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a number.' };
  if (/^[+-]?\d*,\d+$/.test(trimmed)) {
    return { ok: false, message: 'Use a dot for decimals, e.g. 1.5 rather than 1,5.' };
  }
  if (!DECIMAL.test(trimmed)) {
    return { ok: false, message: 'Not a number. Write it like 0.15, -2 or 1e-3.' };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value) || Math.abs(value) > PARAM_LIMIT) {
    return { ok: false, message: 'Out of range: use a value between −1000000 and 1000000.' };
  }
  // -0 would print as "0" but behave like -0 in later arithmetic; keep it simple.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** Is `name` one of the thirteen parameter names? */
export function isParamName(name: string): name is ParamName {
  return (PARAM_NAMES as readonly string[]).includes(name);
}

/**
 * The parameters an embed's address locks (`lock=w1,w2`, `lock=all`), in the order of
 * PARAM_NAMES; names that are not parameters are left out (lib/embed/address.ts names them).
 */
export function lockFromQuery(search: URLSearchParams): ParamName[] {
  const names = (search.get('lock') ?? '').split(/[\s,]+/);
  return PARAM_NAMES.filter((name) => names.includes(name) || names.includes('all'));
}

/** A URL query value that could not be used, and why. */
export interface QueryProblem {
  readonly name: ParamName | typeof TRAINED;
  readonly message: string;
}

/**
 * The address entry that counts training: `trained=3` is the configuration's weights after three
 * gradient-descent updates at its learning rate (the page's epoch 4). Not `epoch`, which the DOM
 * contract's `data-epoch` counts from 1.
 */
export const TRAINED = 'trained';

/** The most updates an address may ask for; training beyond it is written out as weights instead. */
export const MAX_TRAINED = 100_000;

/**
 * What the address holds: the configuration training started from and how many updates were
 * applied to it at its own learning rate. The weights in force are recomputed from it
 * (`paramsOfState`), bit for bit what training reached.
 */
export interface TrainingState {
  /** The configuration: inputs, targets, starting weights, learning rate. */
  readonly start: Params;
  /** Gradient-descent updates applied to `start` at `start.lr` (0 to MAX_TRAINED). */
  readonly trained: number;
}

/** The parameters in force in a state: its configuration trained `trained` times. */
export function paramsOfState(state: TrainingState): Params {
  return advance(state.start, state.trained);
}

/** Can `trained` more updates be applied to `state` and still be written as a count? */
export function countable(state: TrainingState, more: number): boolean {
  return Number.isInteger(more) && more >= 0 && state.trained + more <= MAX_TRAINED;
}

/**
 * The state after a hand edit: the training so far becomes part of the configuration (its weights,
 * every digit) and the count starts again, so that no value the reader sees moves. Unchanged when
 * `changes` changes nothing.
 */
export function editState(state: TrainingState, changes: Partial<Params>): TrainingState {
  const now = paramsOfState(state);
  const edited = (Object.keys(changes) as ParamName[]).filter((name) => changes[name] !== undefined && changes[name] !== now[name]);
  if (edited.length === 0) return state;
  return { start: Object.freeze({ ...now, ...changes }) as Params, trained: 0 };
}

/** Are all eight weights finite (a training run that overflows is refused)? */
export function trainedWeightsFinite(params: Params): boolean {
  return WEIGHT_NAMES.every((w) => Number.isFinite(params[w]));
}

/** Reads `trained=` from a query: a whole number from 0 to MAX_TRAINED, or 0 and a problem. */
export function trainedFromQuery(search: URLSearchParams): { trained: number; problem?: QueryProblem } {
  const raw = search.get(TRAINED);
  if (raw === null) return { trained: 0 };
  const text = raw.trim();
  if (/^\d{1,6}$/.test(text) && Number(text) <= MAX_TRAINED) return { trained: Number(text) };
  return { trained: 0, problem: { name: TRAINED, message: `Not a number of epochs: use a whole number from 0 to ${MAX_TRAINED}.` } };
}

/**
 * Reads parameters from a URL query (`?w1=0.3&lr=0.5`). Missing names keep
 * the article's values; unusable values keep them too and are reported.
 */
export function paramsFromQuery(
  query: string | URLSearchParams,
  base: Params = ARTICLE_PARAMS,
): { params: Params; problems: QueryProblem[] } {
  const search = typeof query === 'string' ? new URLSearchParams(query) : query;
  const params: Record<string, number> = { ...base };
  const problems: QueryProblem[] = [];
  for (const name of PARAM_NAMES) {
    const raw = search.get(name);
    if (raw === null) continue;
    const parsed = parseNumber(raw);
    if (parsed.ok) params[name] = parsed.value;
    else problems.push({ name, message: parsed.message });
  }
  return { params: Object.freeze(params) as Params, problems };
}

/**
 * Writes parameters into a URL query, keeping any unrelated entries. Only values
 * that differ from the article's are written, so the article's own link stays clean.
 */
export function paramsToQuery(params: Params, query: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(query);
  for (const name of PARAM_NAMES) {
    if (params[name] === ARTICLE_PARAMS[name]) out.delete(name);
    else out.set(name, String(params[name]));
  }
  return out;
}

/** `?a=1&b=2` or the empty string. */
export function queryString(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The precision a URL query asks for (`digits=8`, `digits=all`), or the article's. */
export function digitsFromQuery(search: URLSearchParams): number {
  const raw = search.get('digits');
  if (raw === 'all') return Infinity;
  const n = Number(raw);
  return (DIGIT_CHOICES as readonly number[]).includes(n) ? n : ARTICLE_DIGITS;
}

/** A whole configuration (parameters and precision) as a query, keeping unrelated entries of `base`. */
export function configurationQuery(params: Params, digits: number, base?: URLSearchParams): URLSearchParams {
  const query = paramsToQuery(params, base);
  query.delete(TRAINED);
  query.delete('digits');
  if (digits !== ARTICLE_DIGITS) query.set('digits', digits === Infinity ? 'all' : String(digits));
  return query;
}

/** Reads a whole state from a query: the configuration, the training count and what could not be used. */
export function stateFromQuery(query: string | URLSearchParams): { state: TrainingState; problems: QueryProblem[] } {
  const search = typeof query === 'string' ? new URLSearchParams(query) : query;
  const { params, problems } = paramsFromQuery(search);
  const { trained, problem } = trainedFromQuery(search);
  const state = { start: params, trained };
  // A count whose weights overflow cannot be what training reached: the configuration alone is used.
  if (trained > 0 && !trainedWeightsFinite(paramsOfState(state))) {
    return { state: { start: params, trained: 0 }, problems: [...problems, { name: TRAINED, message: 'Training this far overflows; the starting weights are used.' }] };
  }
  return { state, problems: problem ? [...problems, problem] : problems };
}

/** A whole state (configuration, training, precision) as a query, keeping unrelated entries of `base`. */
export function stateQuery(state: TrainingState, digits: number, base?: URLSearchParams): URLSearchParams {
  const query = configurationQuery(state.start, digits, base);
  if (state.trained > 0) {
    // After the parameters, before the precision: `?lr=0.5&trained=3&digits=8`.
    const digitsEntry = query.get('digits');
    query.delete('digits');
    query.set(TRAINED, String(state.trained));
    if (digitsEntry !== null) query.set('digits', digitsEntry);
  }
  return query;
}
