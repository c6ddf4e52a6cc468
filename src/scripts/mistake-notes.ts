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
 * Part of the page script's chunk (one file instead of two more on the pages with notes); a page
 * without note numbers runs nothing of it. Without `import()`: the bundler wraps each one in a
 * preloading helper larger than this part (src/integrations/chunk-url.mjs).
 */
import liveUrl from './mistake-notes-live.ts?chunk-url';
import { NOTE_NUMBER_SELECTOR, setAside } from '../lib/dom-contract/notes';
import { STALE_ATTRIBUTE, STALE_EVENT } from './stale';

/** Starts the notes' first part on a page whose notes have numbers (the page script calls it once the page is parsed). */
export function startNotes(): void {
  if (!document.querySelector(NOTE_NUMBER_SELECTOR)) return;
  let added = false;
  const addLive = (): void => {
    if (added) return;
    added = true;
    const live = document.createElement('script');
    live.type = 'module';
    live.src = liveUrl;
    document.head.append(live);
  };
  const valuesChanged = (): void => {
    for (const el of document.querySelectorAll(NOTE_NUMBER_SELECTOR)) setAside(el);
    addLive();
  };
  if (document.documentElement.hasAttribute(STALE_ATTRIBUTE)) valuesChanged();
  else addEventListener(STALE_EVENT, valuesChanged, { once: true });
  for (const type of ['pointerdown', 'keydown', 'focusin']) addEventListener(type, addLive, true);
}
