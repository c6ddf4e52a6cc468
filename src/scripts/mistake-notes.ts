/**
 * The part of the "where spreadsheets go wrong" notes every page with one loads first. The notes'
 * numbers (a workbook with the mistake, run for 300 epochs) are written at build time for the
 * article's values, so a reader who keeps those needs no code for them. Their arithmetic
 * (mistake-notes-live.ts) is added to the page at the reader's first touch, key or focus, or at
 * once when the page's values leave the article's (the page script says so: stale.ts).
 *
 * The values leave the article's before it has run when a link with values opens the page: the
 * built numbers are then no longer true, so until it renders them they show "…" and drop `data-q`
 * (kept in `data-pending`): every `data-q` on the page holds the state in force at every moment.
 * If it has run already, it renders them again right after this, in the same change.
 *
 * Written small (it loads on 1.4 and 1.5 before anything else), and without `import()`: the bundler
 * wraps each one in a preloading helper several times this size (src/integrations/chunk-url.mjs).
 * It runs before the page script (both are deferred, and this one comes first in the page), so it
 * hears the page script's first notice of changed values.
 */
import liveUrl from './mistake-notes-live.ts?chunk-url';

/** As stale.ts names it; written out to keep this script free of imports from the page script's chunk. */
const STALE_EVENT = 'tutorial:state-changed';

let added = false;

const addLive = (): void => {
  if (added) return;
  added = true;
  const live = document.createElement('script');
  live.type = 'module';
  live.src = liveUrl;
  document.head.append(live);
};

addEventListener(STALE_EVENT, () => {
  for (const el of document.querySelectorAll<HTMLElement>('[data-q*="--"]')) {
    el.dataset['pending'] = el.dataset['q'];
    delete el.dataset['q'];
    el.textContent = '…';
  }
  addLive();
});
for (const type of ['pointerdown', 'keydown', 'focusin']) addEventListener(type, addLive, true);
