/**
 * The `client:needed` directive: an island hydrates the first time it is needed, and not before,
 * so that a reader who keeps the article's values and never reaches it pays nothing for its code.
 * Until then the page script keeps the island's `data-q` numbers true.
 *
 * Its value lists what counts as needed (space-separated); without a value, `near changed print`:
 * - `near`: the island comes near the screen (as `client:visible`), to be used;
 * - `changed`: the page's state leaves the values the server HTML was rendered with (the page
 *   script says so), so that what the island draws, not only its numbers, follows the reader's
 *   values even off screen: a course tool, a screen reader or find-in-page reads the whole page;
 * - `print`: the page is about to be printed;
 * - `touch`: a pointer enters the island, or focus moves into it (an island on screen at load,
 *   such as a figure with controls, hydrates just before it is used rather than at load);
 * - `input`: the reader's first pointer press, key or focus anywhere on the page (code for what
 *   a reader does with the whole page).
 *
 * A press on one of the island's buttons before it has hydrated is not lost: it starts the
 * hydration, and is pressed again once the island is live (the button found by its text and
 * place among buttons of that text, which hydration keeps).
 */
import type { ClientDirective } from 'astro';
import { STALE_ATTRIBUTE, STALE_EVENT } from './stale';

// Written small: this is inlined into every page that has such an island.
const hydrateWhenNeeded: ClientDirective = (load, { value }, el) => {
  const when = typeof value === 'string' && value ? value : 'near changed print';
  const stops: (() => void)[] = [];
  let started = false;
  const pressed: [string | null, number][] = [];
  const named = (text: string | null): HTMLButtonElement[] => [...el.querySelectorAll('button')].filter((b) => b.textContent === text);
  const keep = (event: Event): void => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    pressed.push([button.textContent, named(button.textContent).indexOf(button)]);
    start();
  };
  el.addEventListener('click', keep, true);
  const start = (): void => {
    if (started) return;
    started = true;
    for (const stop of stops) stop();
    void load()
      .then((hydrate) => hydrate())
      .then(() => {
        el.removeEventListener('click', keep, true);
        // After the island's first updates (it reads the shared state as it hydrates).
        setTimeout(() => {
          for (const [text, n] of pressed) named(text)[n]?.click();
        });
      });
  };
  const on = (target: EventTarget, types: string, capture = false): void => {
    for (const type of types.split(' ')) {
      target.addEventListener(type, start, capture);
      stops.push(() => target.removeEventListener(type, start, capture));
    }
  };
  if (when.includes('near')) {
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start());
    for (const child of el.children) observer.observe(child);
    stops.push(() => observer.disconnect());
  }
  if (when.includes('print')) on(window, 'beforeprint');
  if (when.includes('touch')) on(el, 'pointerover focusin');
  if (when.includes('input')) on(window, 'pointerdown keydown focusin', true);
  if (when.includes('changed')) {
    on(window, STALE_EVENT);
    // The page script may have found the state changed before this island was parsed.
    if (document.documentElement.hasAttribute(STALE_ATTRIBUTE)) start();
  }
};

export default hydrateWhenNeeded;
