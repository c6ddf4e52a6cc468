/**
 * The page script every section loads: keeps every `data-q` number on the page (prose, typeset
 * equations, the diagram, and islands not yet hydrated) in step with the shared state, wakes
 * islands whose drawing is out of date, carries the parameters on internal links, and copies
 * deep links. No KaTeX, no framework.
 */
import { ARTICLE_DIGITS, ARTICLE_PARAMS, PARAM_NAMES } from '../lib/backprop';
import { BOUND_SELECTOR, NUMBER_SELECTOR, bindNumbers, inExercise, readRef, renderQuantities, type BoundNumber } from '../lib/dom-contract/core';
import { $digits, $params, addressSearch, currentQuery, watchAddress, watchState } from '../state/tutorial';
import { STALE_ATTRIBUTE, STALE_EVENT } from './stale';
import { WAITING_ATTRIBUTE } from './waiting';
import { startField } from './fields';
import { startToolbar } from './toolbar';
import { startNotes } from './mistake-notes';

// Names were checked when the page was built (Q.astro, Eq.astro); a number readRef does not know is left alone.
const boundNumbersIn = (elements: Iterable<Element>): BoundNumber[] => bindNumbers(elements, readRef);

// Numbers outside islands are part of the built page and never come or go, so they are found once:
// an edit then touches only them, not a search through a page of KaTeX markup. Found only once the
// whole page is parsed (see `whenParsed`), in a task after the load's or at the first render that needs them.
let staticNumbers: readonly BoundNumber[] | undefined;
/** The page's islands and the links that carry the configuration: part of the built page too (no island renders such a link). */
let islands: readonly Element[] = [];
/** The links that carry the configuration, each with the path and fragment it was built with (only its query changes). */
let carryingLinks: readonly (readonly [a: HTMLAnchorElement, path: string, hash: string])[] = [];
let printAddresses: readonly HTMLAnchorElement[] = [];

/**
 * Numbers inside islands that have not hydrated yet (their server HTML, at the article's values), or
 * that wait off the screen (src/islands/near-screen.ts). Looked up on every render:
 * an island that hydrates or wakes renders its own numbers from then on.
 */
function waitingIslandNumbers(): BoundNumber[] {
  // Through the islands found once (a score of them), not a selector run over the whole page on every
  // change: on 1.4, with some 19,000 elements, that search cost more than rewriting the numbers.
  const waiting: Element[] = [];
  for (const island of islands) {
    if (island.hasAttribute('ssr') || island.hasAttribute(WAITING_ATTRIBUTE)) waiting.push(...island.querySelectorAll(NUMBER_SELECTOR));
  }
  return boundNumbersIn(waiting);
}

/**
 * Runs `start` once the document is fully parsed. A module script is deferred, but
 * Chromium under load has been seen to run this one while a long page (1.4, ~560 KB)
 * was still loading: a third of its numbers were found and the rest never followed.
 */
function whenParsed(start: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

/** Finds the numbers outside islands, once. */
function bindStaticNumbers(): readonly BoundNumber[] {
  // Nothing else writes these: each is rewritten only when its value or precision changed.
  staticNumbers ??= bindNumbers([...document.querySelectorAll(BOUND_SELECTOR)].filter((el) => !inExercise(el)), readRef, true);
  return staticNumbers;
}

/**
 * Rewrites every number on the page that no hydrated island owns from the current parameters. Until the
 * state first differs from the one the page was built for (the article's values, untrained), the page
 * already shows it and nothing is computed; from then on the root says so, and islands waiting to
 * hydrate (`client:needed`) hydrate at once: what they draw, not only their numbers, must follow.
 */
function renderNumbers(): void {
  const root = document.documentElement;
  const pageDigits = $digits.get();
  const params = $params.get();
  // Lets the stylesheet make room for longer numbers (the network diagram's labels).
  const precision = String(pageDigits);
  if (root.dataset['precision'] !== precision) root.dataset['precision'] = precision;
  const stale = root.hasAttribute(STALE_ATTRIBUTE);
  // (Trained weights are never the article's: training moves them.)
  if (!stale && pageDigits === ARTICLE_DIGITS && PARAM_NAMES.every((n) => params[n] === ARTICLE_PARAMS[n])) return;
  renderQuantities([...bindStaticNumbers(), ...waitingIslandNumbers()], params, pageDigits);
  if (stale) return;
  root.setAttribute(STALE_ATTRIBUTE, '');
  dispatchEvent(new Event(STALE_EVENT));
}

/**
 * Internal links keep the reader's configuration, as the address does (in step with it: once at the end
 * of a drag); the printed address is the full one. A link
 * within the page keeps the whole address (the state module keeps it in step), so that an
 * embed's own entries (`steps`, `lock`, `hide`) stay: following it must not reload the embed.
 */
function carryQueryOnLinks(): void {
  const query = currentQuery();
  const search = addressSearch();
  for (const [a, path, hash] of carryingLinks) {
    const href = path === location.pathname ? `${search}${hash}` || '#' : `${path}${query}${hash}`;
    if (a.getAttribute('href') !== href) a.setAttribute('href', href);
  }
  const address = `${location.origin}${location.pathname}${query}`;
  for (const a of printAddresses) {
    a.href = address;
    a.textContent = address;
  }
}

whenParsed(() => {
  for (const bar of document.querySelectorAll<HTMLElement>('[data-toolbar]')) startToolbar(bar);
  for (const input of document.querySelectorAll<HTMLInputElement>('input[data-param]')) startField(input);
  islands = [...document.querySelectorAll('astro-island')];
  carryingLinks = [...document.querySelectorAll<HTMLAnchorElement>('a[data-carry], a[data-deep-link]')].map((a) => [a, a.pathname, a.hash] as const);
  printAddresses = [...document.querySelectorAll<HTMLAnchorElement>('a[data-print-address]')];
  // Before the first render, which may say the values changed.
  startNotes();
  watchState(renderNumbers);
  watchAddress(carryQueryOnLinks);
  // Found ahead of the first edit, but in a task of their own, not the load's.
  setTimeout(bindStaticNumbers);
});

// Escape closes an open Share panel and gives the focus back to its button.
document.addEventListener('keydown', (event) => {
  const open = event.key === 'Escape' ? (event.target as Element | null)?.closest?.<HTMLDetailsElement>('details[data-share][open]') : null;
  if (!open) return;
  open.open = false;
  open.querySelector('summary')?.focus();
});

// A deep link (a heading's or a gradient's `#`, a step's "Copy link") both targets its place
// (highlighted by :target) and copies the full address; a Share panel says so in words.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-deep-link]');
  if (!link) return;
  const url = new URL(link.href, location.href).href;
  const status = link.closest('[data-share]')?.querySelector<HTMLElement>('[data-share-status]');
  navigator.clipboard?.writeText(url).then(
    () => {
      link.dataset['copied'] = 'true';
      if (status) status.textContent = 'Link copied.';
      setTimeout(() => {
        delete link.dataset['copied'];
        if (status) status.textContent = '';
      }, 1500);
    },
    () => {
      // Clipboard refused (an insecure context, a frame without clipboard-write): the address bar holds the link.
      if (status) status.textContent = 'The address bar now holds the link.';
    },
  );
});
