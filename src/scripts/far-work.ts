/**
 * When what is off the screen catches up with a change. What is on the screen follows a change in the
 * same task, so the reader sees it in the next frame; the rest (an island's drawing:
 * src/islands/near-screen.ts; a mistake note's workbook: ./mistake-notes-live.ts) is handed to
 * `later`: it runs when the browser is idle, a few pieces per task, while no pointer is held; all at
 * once when the pointer is released or the page is printed. Its owner runs it sooner, and drops it
 * (`dropLater`), when it comes on the screen (an IntersectionObserver with `ON_SCREEN`).
 */

/** The IntersectionObserver margin for "on the screen": none. */
export const ON_SCREEN = '0px';

/** How long one idle task runs far work before it leaves the rest to the next one, in ms. */
const SLICE_MS = 4;
/** Far work runs within this long of a change even if the browser never idles, in ms. */
const AT_MOST_MS = 250;

const queue = new Set<() => void>();
let scheduled = false;
let pressed = false;

/** A pointer is held (a number, a figure's point or a slider being dragged); a number's drag that began before this loaded marks the root (explain/drag.ts). */
function pointerHeld(): boolean {
  return pressed || document.documentElement.hasAttribute('data-dragging');
}

/** Runs all the far work now. */
function runAll(): void {
  const all = [...queue];
  queue.clear();
  for (const work of all) work();
}

const idle: (run: () => void) => void =
  typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run, { timeout: AT_MOST_MS }) : (run) => setTimeout(run, 1);

function schedule(): void {
  // A drag holds it (asking for an idle task on each move costs about half a millisecond); the release runs it all.
  if (scheduled || queue.size === 0 || pointerHeld()) return;
  scheduled = true;
  idle(() => {
    scheduled = false;
    if (pointerHeld()) return;
    const start = performance.now();
    for (const work of queue) {
      queue.delete(work);
      work();
      if (performance.now() - start > SLICE_MS) break;
    }
    schedule();
  });
}

/** Hands `work` to the browser's idle time (the same function once, however often it is handed). */
export function later(work: () => void): void {
  queue.add(work);
  schedule();
}

/** Takes back work handed to `later` (its owner has just done it). */
export function dropLater(work: () => void): void {
  queue.delete(work);
}

// Islands import this when the site is built too, where there is no window.
if (typeof window !== 'undefined') {
  addEventListener('pointerdown', () => (pressed = true), true);
  for (const type of ['pointerup', 'pointercancel']) {
    addEventListener(type, () => {
      pressed = false;
      // Before the drag's own handler clears `data-dragging`: no change follows a release.
      runAll();
    }, true);
  }
  addEventListener('beforeprint', runAll);
}
