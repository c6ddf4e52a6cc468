/**
 * An island off the screen waits: the state changes it is given reach it in the browser's idle time,
 * when the pointer is released or when it comes on the screen (src/scripts/far-work.ts), so a change
 * redraws at once only what a reader can see. Its `data-q` numbers stay true all the while: the
 * island's element carries `data-waiting` (src/scripts/waiting.ts) from the moment it leaves the
 * screen, before any change, and the page script keeps the numbers of such islands. What is not a `data-q` number
 * (a figure's drawing, its other attributes) follows when its turn comes.
 */
import { ON_SCREEN, dropLater, later } from '../scripts/far-work';
import { WAITING_ATTRIBUTE } from '../scripts/waiting';

/** One island's element, and the updates it holds while waiting. */
interface Watched {
  /** The \`astro-island\` (which has no box of its own) and the element measured for it. */
  readonly island: Element;
  readonly measured: Element;
  readonly held: Map<object, () => void>;
  /** Runs the updates it holds. */
  readonly catchUp: () => void;
  users: number;
}

const watched = new Map<Element, Watched>();
let observer: IntersectionObserver | undefined;

/** The island stops waiting and runs what it holds at once. */
function wake(w: Watched): void {
  w.island.removeAttribute(WAITING_ATTRIBUTE);
  dropLater(w.catchUp);
  w.catchUp();
}

function start(): IntersectionObserver {
  return new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const w = [...watched.values()].find((v) => v.measured === entry.target);
        if (!w) continue;
        if (entry.isIntersecting) {
          wake(w);
        } else {
          // Between two changes the island shows the state in force, so it may start waiting here.
          w.island.setAttribute(WAITING_ATTRIBUTE, '');
        }
      }
    },
    { rootMargin: ON_SCREEN },
  );
}

/**
 * Hands state updates to the island `el` is part of: at once, or, while it waits, later (only the
 * latest update of each `key`). Returns a function that stops it.
 */
export function nearScreen(el: Element, key: object): { deliver: (update: () => void) => void; stop: () => void } {
  observer ??= start();
  const island = el.closest('astro-island') ?? el;
  let w = watched.get(island);
  if (!w) {
    const held = new Map<object, () => void>();
    const catchUp = (): void => {
      const updates = [...held.values()];
      held.clear();
      for (const update of updates) update();
    };
    // On the screen until the observer says otherwise: an island never waits before it has been measured.
    w = { island, measured: el, held, catchUp, users: 0 };
    watched.set(island, w);
    observer.observe(el);
  }
  const own = w;
  own.users++;
  return {
    deliver: (update) => {
      if (!own.island.hasAttribute(WAITING_ATTRIBUTE)) return update();
      own.held.set(key, update);
      later(own.catchUp);
    },
    stop: () => {
      own.held.delete(key);
      if (--own.users > 0) return;
      wake(own);
      observer?.unobserve(own.measured);
      watched.delete(own.island);
    },
  };
}
