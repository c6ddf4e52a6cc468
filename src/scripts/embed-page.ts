/**
 * What an embed page (layouts/Embed.astro) adds to the page script: it marks the fields of the
 * parameters its address locks (the state module holds the lock), shows only the steps asked
 * for, removes the parts `hide=` names, keeps "Open in the full tutorial" on the same step and
 * configuration, opens every link that leaves the embed in a new tab, and tells its parent page
 * its height whenever it changes. It only sends to the parent; it listens to no message. Text
 * goes in through textContent.
 */
import { PARAM_NAMES } from '../lib/backprop';
import { EMBED_HEIGHT_MESSAGE, fullTutorialHref, parseEmbedQuery, stepsLabel, type EmbedHeightMessage, type StepRange } from '../lib/embed/address';
// The state module itself locks what the address names (lock=), before anything else starts.
import { currentQuery, isLocked, watchState } from '../state/tutorial';

const search = new URLSearchParams(location.search);
const root = document.documentElement;

/**
 * Marks the steps of `range` to be shown, with the heading of the part each is in (the one
 * before it): readers keep their bearings, and headings keep their order (h1, h2, h3).
 */
function showSteps(body: HTMLElement, range: StepRange): void {
  let heading: Element | undefined;
  for (const child of body.children) {
    if (child.tagName === 'H2') heading = child;
    const n = /^step-(\d+)$/.exec(child.id)?.[1];
    if (n === undefined || Number(n) < range.from || Number(n) > range.to) continue;
    heading?.setAttribute('data-embed-shown', '');
    child.setAttribute('data-embed-shown', '');
  }
}

/** Shows the steps asked for, hides what `hide=` names, and names the view in the title. */
function showRequested(body: HTMLElement): readonly string[] {
  const request = parseEmbedQuery(search, body.querySelectorAll('.step[id^="step-"]').length);
  root.dataset['hide'] = request.hide.join(' ');
  if (request.steps) {
    root.dataset['steps'] = '';
    showSteps(body, request.steps);
    const label = stepsLabel(request.steps);
    const where = document.querySelector<HTMLElement>('[data-embed-steps]');
    if (where) where.textContent = `, ${label}`;
    document.title = `${label} · ${document.title}`;
  }
  const open = document.querySelector<HTMLAnchorElement>('a[data-embed-open]');
  if (open) {
    const base = open.dataset['base'] ?? '/';
    const slug = open.dataset['slug'] ?? '';
    watchState(() => {
      open.href = fullTutorialHref(base, slug, currentQuery(), request.steps, location.hash);
    });
  }
  return request.problems;
}

/** Fields of locked parameters show their value, read-only, and say so. */
function markLockedFields(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('input[data-param]')) {
    const name = PARAM_NAMES.find((n) => n === input.name);
    if (!name || !isLocked(name)) continue;
    input.readOnly = true;
    const field = input.closest<HTMLElement>('.field');
    if (!field || field.hasAttribute('data-locked')) continue;
    field.setAttribute('data-locked', '');
    const note = document.createElement('span');
    note.className = 'field-locked';
    note.textContent = 'read-only here';
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

/** Sends the parent page this page's height now and whenever it changes. */
function reportHeight(main: HTMLElement): void {
  if (window.parent === window) return;
  let sent = -1;
  const send = (): void => {
    const height = Math.ceil(main.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    const message: EmbedHeightMessage = { type: EMBED_HEIGHT_MESSAGE, height };
    // Any origin may frame an embed, and a height is no secret: so '*'. Nothing is ever received.
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(send).observe(main);
  send();
}

function start(): void {
  const main = document.querySelector<HTMLElement>('.embed-main');
  const body = document.querySelector<HTMLElement>('.embed-body');
  if (!main || !body) return;
  showProblems(showRequested(body));
  markLockedFields();
  openLinksOutside();
  // Shown only now: before, the page would show parts it is about to hide.
  root.setAttribute('data-embed-ready', '');
  reportHeight(main);
}

// As the page script: start once the whole page is parsed (see live-page.ts, whenParsed).
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
