/**
 * What a reader may type into a parameter field or a URL query, and how the
 * parameters travel in a URL. Pure: no DOM, no state.
 */
import { ARTICLE_DIGITS, ARTICLE_PARAMS, DIGIT_CHOICES, PARAM_NAMES, type ParamName, type Params } from './backprop';

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
  readonly name: ParamName;
  readonly message: string;
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
  query.delete('digits');
  if (digits !== ARTICLE_DIGITS) query.set('digits', digits === Infinity ? 'all' : String(digits));
  return query;
}
