/**
 * Embeds: a chromeless view of a section or of a run of its steps, for another site's page
 * (`/embed/1-4-backpropagation/steps/5-6/?w1=0.3&lock=w1`). What an embed's address may say beyond
 * the configuration (`lock`, `hide`, `theme`; `steps` in older addresses), the addresses it links to
 * and the message it sends its parent: what the embed page itself needs (snippet.ts builds what an
 * instructor pastes). Pure: no DOM, no state.
 */
import { PARAM_NAMES, type ParamName } from '../backprop';
import { isParamName, lockFromQuery } from '../params';
import { parseSteps, stepsPagePath, type StepRange } from './range';

export { parseSteps, type StepRange } from './range';

/** The parts an embed's `hide=` can remove (`notes`: the "Where spreadsheets go wrong" notes). */
export const EMBED_PARTS = ['fields', 'toolbar', 'errata', 'notes'] as const;
/** One of the parts an embed can hide. */
export type EmbedPart = (typeof EMBED_PARTS)[number];

/** An embed's colour scheme (`theme=`): the course page's choice, or `auto` (the reader's system). */
export const EMBED_THEMES = ['auto', 'light', 'dark'] as const;
/** One of the embed's colour schemes. */
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/** What an embed shows, beyond the configuration (parameters and precision). */
export interface EmbedOptions {
  /** The steps shown, or `null` for the whole section. */
  readonly steps: StepRange | null;
  /** Parameters shown read-only, in the order of `PARAM_NAMES`. */
  readonly lock: readonly ParamName[];
  /** Parts removed, in the order of `EMBED_PARTS`. */
  readonly hide: readonly EmbedPart[];
  /** The colour scheme; `auto` when absent. */
  readonly theme: EmbedTheme;
}

/** An embed address read: what it asks for, and what in it could not be used (in words, for a notice). */
export interface EmbedRequest extends EmbedOptions {
  readonly problems: readonly string[];
}

/** The `type` of the message an embed sends its parent: `{ type, height }`, height in CSS pixels. */
export const EMBED_HEIGHT_MESSAGE = 'backprop-embed:height';

/** The message an embed sends its parent whenever its height changes. */
export interface EmbedHeightMessage {
  readonly type: typeof EMBED_HEIGHT_MESSAGE;
  /** The embed's whole height in CSS pixels, a whole number. */
  readonly height: number;
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

/** Everything an embed's address asks for beyond the configuration, for a section of `stepCount` steps. */
export function parseEmbedQuery(search: URLSearchParams, stepCount: number): EmbedRequest {
  const steps = parseSteps(search.get('steps'), stepCount);
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

/** How a run of steps is named: "Step 6", "Steps 5–6". */
export function stepsLabel(steps: StepRange): string {
  return steps.from === steps.to ? `Step ${steps.from}` : `Steps ${steps.from}–${steps.to}`;
}

/** The path of the page that explains embedding (`/base/embed/`). */
export function embedHelpPath(base: string): string {
  return `${base.replace(/\/?$/, '/')}embed/`;
}

/** The path of a section's embed under the site's base path (`/base/embed/1-4-backpropagation/`). */
export function embedPath(base: string, slug: string): string {
  return `${embedHelpPath(base)}${slug}/`;
}

/**
 * The path of an embed's view: a run of steps has a page of its own (`/base/embed/1-4-backpropagation/steps/2-3/`),
 * the whole section the section's embed.
 */
export function embedViewPath(base: string, slug: string, steps: StepRange | null): string {
  return steps ? stepsPagePath(embedPath(base, slug), steps) : embedPath(base, slug);
}

/** The path of a section's page under the site's base path (`/base/1-4-backpropagation/`). */
export function sectionPagePath(base: string, slug: string): string {
  return `${base.replace(/\/?$/, '/')}${slug}/`;
}

/**
 * Where an embed's "Open in the full tutorial" leads: the section's page with the same
 * configuration, at the embed's target (a `#grad-w5` it was opened at) or its first step.
 */
export function fullTutorialHref(base: string, slug: string, configuration: string, steps: StepRange | null, hash = ''): string {
  const target = /^#(?:step-\d+|grad-w\d+)$/.test(hash) ? hash : steps ? `#step-${steps.from}` : '';
  return `${sectionPagePath(base, slug)}${configuration}${target}`;
}

/** The section a page path belongs to (`/base/embed/1-4-backpropagation/` → embed of `1-4-backpropagation`). */
export function sectionOfPath(pathname: string, base: string): { slug: string; embed: boolean } {
  const root = base.replace(/\/?$/, '/');
  const inside = pathname.startsWith(root) ? pathname.slice(root.length) : pathname;
  const parts = inside.split('/').filter((part) => part !== '');
  const embed = parts[0] === 'embed';
  const slug = (embed ? parts[1] : parts[0]) ?? '';
  // Only a section's own page is a section (1-4-backpropagation); the contents page and /all/ are not.
  return { slug: SECTION_SLUG.test(slug) ? slug : '', embed };
}

/** What a section's slug looks like: its number, then its title (`1-4-backpropagation`). */
const SECTION_SLUG = /^\d+-\d+-[a-z0-9-]+$/;
