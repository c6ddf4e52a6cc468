/**
 * The first-load part of explanations (the rest is src/scripts/explain/main.ts, loaded on first
 * use): on the reader's first press, key or focus anywhere, load the explanation code and hand
 * it every event that arrived meanwhile, so that the very first tap on a number opens its
 * explanation and the very first drag of a parameter moves it. Kept tiny: it ships with every page.
 *
 * Loaded with a plain import() of the address the build gives its chunk (src/integrations/chunk-url.mjs),
 * not as an Astro island: an island would bring Astro's island runtime (2.1 KB gzipped) to the
 * first load of every section, and a bundled import() Vite's preload helper (0.7 KB).
 */
import explainUrl from './explain/main.ts?chunk-url';

type Explain = typeof import('./explain/main');
/** The explanation code; the chunk shares the modules the page already loaded (the state, the math). */
const load = (): Promise<Explain> => import(/* @vite-ignore */ explainUrl);

const TYPES = ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'click', 'keydown', 'focusin'];
const queue: Event[] = [];

function record(event: Event): void {
  if (queue.length === 0) {
    // Only a press, a key or a focus starts the load; moves and clicks only join a queue already started.
    if (!/^(pointerdown|keydown|focusin)$/.test(event.type)) return;
    load().then(
      (explain) => {
        for (const type of TYPES) removeEventListener(type, record, true);
        explain.start(queue);
      },
      // Offline: forget this attempt, so that the next press tries again.
      () => (queue.length = 0),
    );
  }
  queue.push(event);
}

for (const type of TYPES) addEventListener(type, record, true);
