/**
 * The part of the "Your turn" exercises a page with one loads first: nothing but the wish to open
 * one. The exercise code (./exercise/main.ts) loads when a block is first opened, whether by a
 * click, a key, an address ending in `#exercise-NAME` or a block built open (an exercise's embed).
 * Without `import()`'s preloading helper, for the same reason as the notes (src/integrations/chunk-url.mjs).
 */
import mainUrl from './exercise/main.ts?chunk-url';

type Main = typeof import('./exercise/main');
let main: Promise<Main> | undefined;

function start(block: Element): void {
  if (!(block instanceof HTMLDetailsElement) || !block.open || !block.matches('[data-exercise]')) return;
  main ??= import(/* @vite-ignore */ mainUrl);
  main.then(
    (m) => m.openExercise(block),
    // Offline: the next opening tries again.
    () => (main = undefined),
  );
}

/** Opens the block the address names (`#exercise-dE_dw5`). */
function fromAddress(): void {
  const block = location.hash.startsWith('#exercise-') ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (block instanceof HTMLDetailsElement && block.matches('[data-exercise]') && !block.open) {
    block.open = true;
    block.scrollIntoView();
  }
}

// A details element's toggle does not bubble; captured here, it comes for every block of the page.
addEventListener('toggle', (event) => event.target instanceof Element && start(event.target), true);
addEventListener('hashchange', fromAddress);
const ready = (): void => {
  fromAddress();
  for (const block of document.querySelectorAll('details[data-exercise][open]')) start(block);
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true });
else ready();
