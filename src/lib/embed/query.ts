/**
 * Reading what an embed's address asks for beyond the configuration (`steps`, `lock`, `hide`,
 * `theme`; see ./address.ts), with what in it could not be used, in words for the embed's notice.
 * The embed page loads this only when its address has such entries. Pure.
 */
import { PARAM_NAMES, type ParamName } from '../backprop';
import { isParamName, lockFromQuery } from '../params';
import { EMBED_PARTS, EMBED_THEMES, stepsLabel, type EmbedOptions, type EmbedPart, type EmbedTheme } from './address';
import { parseSteps, type StepRange } from './range';

/** An embed address read: what it asks for, and what in it could not be used (in words, for a notice). */
export interface EmbedRequest extends EmbedOptions {
  readonly problems: readonly string[];
}

/** The entries of a comma- or space-separated list, without empty ones. */
function listOf(raw: string | null): string[] {
  return (raw ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
}

/** Quotes at most 20 characters of an address value for a notice (never markup: it is shown as text). */
function quoted(text: string): string {
  return `“${text.length > 20 ? `${text.slice(0, 20)}…` : text}”`;
}

/**
 * Reads `lock=` (`w1,w2`; `all` for every parameter): the names the state module locks
 * (lockFromQuery, which the state module applies itself), and a problem per unknown one.
 */
export function parseLock(raw: string | null): { lock: ParamName[]; problems: string[] } {
  const problems = listOf(raw)
    .filter((entry) => entry !== 'all' && !isParamName(entry))
    .map((entry) => `lock: ${quoted(entry)} is not a parameter (${PARAM_NAMES.join(', ')}, or all).`);
  return { lock: lockFromQuery(new URLSearchParams(raw === null ? '' : [['lock', raw]])), problems };
}

function isEmbedPart(entry: string): entry is EmbedPart {
  return (EMBED_PARTS as readonly string[]).includes(entry);
}

/** Reads `hide=` (`fields,toolbar,errata,notes`): known parts, and a problem per unknown one. */
export function parseHide(raw: string | null): { hide: EmbedPart[]; problems: string[] } {
  const entries = listOf(raw);
  const problems = entries
    .filter((entry) => !isEmbedPart(entry))
    .map((entry) => `hide: ${quoted(entry)} is not a part that can be hidden (${EMBED_PARTS.join(', ')}).`);
  return { hide: EMBED_PARTS.filter((part) => entries.includes(part)), problems };
}

/** Whether `raw` names one of the embed's colour schemes. */
export function isEmbedTheme(raw: string | null): raw is EmbedTheme {
  return (EMBED_THEMES as readonly (string | null)[]).includes(raw);
}

/** Reads `theme=` (`light`, `dark`, `auto`): absent or unknown is `auto`, the latter with a problem. */
export function parseTheme(raw: string | null): { theme: EmbedTheme; problem?: string } {
  const text = raw?.trim() ?? '';
  if (text === '' || isEmbedTheme(text)) return { theme: text === '' ? 'auto' : (text as EmbedTheme) };
  return { theme: 'auto', problem: `theme: ${quoted(text)} is not a colour scheme (${EMBED_THEMES.join(', ')}); the reader's own is used.` };
}

/** `steps=` on a page of steps: the page's own steps; another run named there is not read, and said so. */
function stepsOnPage(raw: string | null, stepCount: number, shown: StepRange): { steps: StepRange; problem?: string } {
  const text = raw?.trim() ?? '';
  const asked = parseSteps(text, stepCount).steps;
  if (text === '' || (asked?.from === shown.from && asked.to === shown.to)) return { steps: shown };
  return { steps: shown, problem: `steps: ${quoted(text)} is not read here: this page shows ${stepsLabel(shown)}.` };
}

/**
 * Everything an embed's address asks for beyond the configuration, for a section of `stepCount`
 * steps, on the page of the steps `shown` (null: the section's whole embed).
 */
export function parseEmbedQuery(search: URLSearchParams, stepCount: number, shown: StepRange | null = null): EmbedRequest {
  const steps = shown ? stepsOnPage(search.get('steps'), stepCount, shown) : parseSteps(search.get('steps'), stepCount);
  const lock = parseLock(search.get('lock'));
  const hide = parseHide(search.get('hide'));
  const theme = parseTheme(search.get('theme'));
  return {
    steps: steps.steps,
    lock: lock.lock,
    hide: hide.hide,
    theme: theme.theme,
    problems: [...(steps.problem ? [steps.problem] : []), ...lock.problems, ...hide.problems, ...(theme.problem ? [theme.problem] : [])],
  };
}
