/**
 * What an embed page (layouts/Embed.astro) adds to the page script: it marks the parameters its
 * address locks as fixed (the state module holds the lock), names what in the address could not be
 * used, keeps "Open in the full tutorial" on the same step and configuration, and opens every link
 * that leaves the embed in a new tab. The theme, the hidden
 * parts and the height messages are the head script's (scripts/embed-boot.js), which runs even
 * where this module cannot load. Text goes in through textContent.
 */
import { PARAM_NAMES } from '../lib/backprop';
import { fullTutorialHref, parseEmbedQuery, parseSteps } from '../lib/embed/address';
// The state module itself locks what the address names (lock=), before anything else starts.
import { currentQuery, isLocked, watchState } from '../state/tutorial';

const search = new URLSearchParams(location.search);
const root = document.documentElement;

/**
 * Reads what the address asks for beyond the configuration, against what this page holds (a page of
 * steps holds only those: lib/embed/range.ts); keeps "Open in the full tutorial" on the same step and
 * configuration; returns what in the address could not be used.
 */
function readRequest(): readonly string[] {
  const stepCount = Number(root.dataset['stepCount'] ?? 0);
  const shown = parseSteps(root.dataset['embedRange'] ?? null, stepCount).steps;
  // On a page of steps, steps= is the head script's to follow; on the whole section, one it did not follow names no step.
  const request = parseEmbedQuery(search, shown ? 0 : stepCount);
  const open = document.querySelector<HTMLAnchorElement>('a[data-embed-open]');
  if (open) {
    const base = open.dataset['base'] ?? '/';
    const slug = open.dataset['slug'] ?? '';
    watchState(() => {
      open.href = fullTutorialHref(base, slug, currentQuery(), shown, location.hash);
    });
  }
  return request.problems;
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

/** A notice naming what in the address could not be used (as text, never markup). */
function showProblems(problems: readonly string[]): void {
  const where = document.querySelector<HTMLElement>('[data-embed-notice]');
  if (!where || problems.length === 0) return;
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

function start(): void {
  if (!document.querySelector('.embed-body')) return;
  showProblems(readRequest());
  markLocked();
  openLinksOutside();
  root.setAttribute('data-embed-ready', '');
}

// As the page script: start once the whole page is parsed (see live-page.ts, whenParsed).
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
