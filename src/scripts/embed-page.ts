/**
 * What an embed page (layouts/Embed.astro) adds to the page script: it marks the parameters its
 * address locks as fixed (the state module holds the lock), names what in the address could not be
 * used, keeps "Open in the full tutorial" on the same step and configuration, and opens every link
 * that leaves the embed in a new tab. The theme, the hidden
 * parts and the height messages are the head script's (scripts/embed-boot.js), which runs even
 * where this module cannot load. Text goes in through textContent.
 */
import { PARAM_NAMES } from '../lib/backprop';
import { EMBED_ENTRIES, fullTutorialHref, parseSteps, type StepRange } from '../lib/embed/address';
import queryUrl from '../lib/embed/query.ts?chunk-url';
// The state module itself locks what the address names (lock=), before anything else starts.
import { currentQuery, isLocked, watchState } from '../state/tutorial';

type Query = typeof import('../lib/embed/query');

const root = document.documentElement;

/** Keeps "Open in the full tutorial" on the same steps (this page's, if it holds a run of them) and configuration. */
function keepOpenLink(shown: StepRange | null): void {
  const open = document.querySelector<HTMLAnchorElement>('a[data-embed-open]');
  if (!open) return;
  const base = open.dataset['base'] ?? '/';
  const slug = open.dataset['slug'] ?? '';
  watchState(() => {
    open.href = fullTutorialHref(base, slug, currentQuery(), shown, location.hash);
  });
}

/**
 * Locked parameters are shown as fixed: their fields read-only and saying so, and (through the
 * root's `data-lock`, embed.css) their numbers without the look of something to drag.
 */
function markLocked(): void {
  root.dataset['lock'] = PARAM_NAMES.filter(isLocked).join(' ');
  for (const input of document.querySelectorAll<HTMLInputElement>('input[data-param]')) {
    const name = PARAM_NAMES.find((n) => n === input.name);
    if (!name || !isLocked(name)) continue;
    input.readOnly = true;
    input.setAttribute('aria-readonly', 'true');
    const field = input.closest<HTMLElement>('.field');
    if (!field || field.hasAttribute('data-locked')) continue;
    field.setAttribute('data-locked', '');
    const note = document.createElement('span');
    note.className = 'field-locked';
    note.textContent = 'set by your course page';
    input.labels?.[0]?.append(note);
  }
}

/**
 * A notice naming what in the address could not be used (as text, never markup). Its words load
 * only for an address with entries beyond the configuration (lib/embed/query.ts).
 */
async function showProblems(stepCount: number, shown: StepRange | null): Promise<void> {
  const where = document.querySelector<HTMLElement>('[data-embed-notice]');
  const search = new URLSearchParams(location.search);
  if (!where || !EMBED_ENTRIES.some((entry) => search.has(entry))) return;
  const { parseEmbedQuery } = (await import(/* @vite-ignore */ queryUrl)) as Query;
  const { problems } = parseEmbedQuery(search, stepCount, shown);
  if (problems.length === 0) return;
  const list = document.createElement('ul');
  for (const problem of problems) {
    const item = document.createElement('li');
    item.textContent = problem;
    list.append(item);
  }
  where.append(list);
  where.hidden = false;
}

/** Links that leave this page open in a new tab: inside a frame, the reader's place in the host page stays. */
function openLinksOutside(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const url = new URL(a.href, location.href);
    if (url.origin === location.origin && url.pathname === location.pathname) continue;
    a.target = '_blank';
    a.rel = 'noopener';
  }
}

/** Starts the embed's part once the page is parsed (as the page script does: see live-page.ts, whenParsed). */
export function startEmbed(): void {
  const start = (): void => {
    if (!document.querySelector('.embed-body')) return;
    const stepCount = Number(root.dataset['stepCount'] ?? 0);
    const shown = parseSteps(root.dataset['embedRange'] ?? null, stepCount).steps;
    keepOpenLink(shown);
    // Offline, the notice stays away; nothing else depends on it.
    showProblems(stepCount, shown).catch(() => undefined);
    markLocked();
    openLinksOutside();
    root.setAttribute('data-embed-ready', '');
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
