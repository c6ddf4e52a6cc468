/**
 * The `client:needed` directive: an island hydrates the first time it is needed, which is the
 * first of
 * - coming near the screen (as `client:visible`), to be used;
 * - the page's state leaving the values its server HTML was rendered with (the page script
 *   says so), so that what the island draws, not only its numbers, follows the reader's values
 *   even off screen: a course tool, a screen reader or find-in-page reads the whole page;
 * - printing, so that a printed figure is the live one.
 * Until then the page script keeps the island's `data-q` numbers true, and the island's code is
 * not loaded at all: a reader who keeps the article's values and never scrolls to it pays nothing.
 */
import type { ClientDirective } from 'astro';
import { STALE_ATTRIBUTE, STALE_EVENT } from './stale';

const hydrateWhenNeeded: ClientDirective = (load, _options, el) => {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    observer.disconnect();
    removeEventListener(STALE_EVENT, start);
    removeEventListener('beforeprint', start);
    void load().then((hydrate) => hydrate());
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) start();
  });
  for (const child of el.children) observer.observe(child);
  addEventListener(STALE_EVENT, start);
  addEventListener('beforeprint', start);
  // The page script may have found the state changed before this island was parsed.
  if (document.documentElement.hasAttribute(STALE_ATTRIBUTE)) start();
};

export default hydrateWhenNeeded;
