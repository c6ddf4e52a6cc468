/**
 * Embeds: a chromeless view of a section or of a run of its steps, for another site's page
 * (`/embed/1-4-backpropagation/steps/5-6/?w1=0.3&lock=w1`). What an embed's address may say beyond
 * the configuration (`lock`, `hide`, `theme`; `steps` in older addresses; read in ./query.ts), the
 * addresses it links to and the message it sends its parent: what the embed page itself needs
 * (snippet.ts builds what an instructor pastes). Pure: no DOM, no state.
 */
import type { ParamName } from '../backprop';
import { stepsPagePath, type StepRange } from './range';

export { parseSteps, type StepRange } from './range';

/** The entries an embed's address may have beyond the configuration. */
export const EMBED_ENTRIES = ['steps', 'lock', 'hide', 'theme'] as const;

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

/** The `type` of the message an embed sends its parent: `{ type, height }`, height in CSS pixels. */
export const EMBED_HEIGHT_MESSAGE = 'backprop-embed:height';

/** The message an embed sends its parent whenever its height changes. */
export interface EmbedHeightMessage {
  readonly type: typeof EMBED_HEIGHT_MESSAGE;
  /** The embed's whole height in CSS pixels, a whole number. */
  readonly height: number;
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
