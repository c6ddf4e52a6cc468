/**
 * While a pointer is held (a number or a figure's point being dragged), an island far from the
 * screen waits: the state changes it is given then reach it when it comes near the screen or when
 * the pointer is released, so a drag redraws only what a reader can see. Its `data-q` numbers stay
 * true all the while: the island's element carries `data-waiting` (src/scripts/waiting.ts) from the
 * press on, before any change of the drag, and the page script keeps the numbers of such islands.
 * What is not a `data-q` number (a figure's drawing, its other attributes) follows on waking.
 */
import { WAITING_ATTRIBUTE } from '../scripts/waiting';

/** One island's element: whether it is near the screen, and the updates it holds while waiting. */
interface Watched {
  /** The \`astro-island\` (which has no box of its own) and the element measured for it. */
  readonly island: Element;
  readonly measured: Element;
  near: boolean;
  readonly held: Map<object, () => void>;
  users: number;
}

/** Near: within a screen's height above or below the screen. */
const NEAR = '100% 0px';

const watched = new Map<Element, Watched>();
let observer: IntersectionObserver | undefined;
let pressed = false;

/** A pointer is held; a drag of a number that began before this module loaded marks the root (drag.ts). */
const holding = (): boolean => pressed || document.documentElement.hasAttribute('data-dragging');

function wake(w: Watched): void {
  if (!w.island.hasAttribute(WAITING_ATTRIBUTE)) return;
  w.island.removeAttribute(WAITING_ATTRIBUTE);
  const updates = [...w.held.values()];
  w.held.clear();
  for (const update of updates) update();
}

function start(): IntersectionObserver {
  addEventListener('pointerdown', () => {
    pressed = true;
    for (const w of watched.values()) if (!w.near) w.island.setAttribute(WAITING_ATTRIBUTE, '');
  }, true);
  for (const type of ['pointerup', 'pointercancel']) {
    addEventListener(type, () => {
      pressed = false;
      watched.forEach(wake);
    }, true);
  }
  return new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const w = [...watched.values()].find((v) => v.measured === entry.target);
        if (!w) continue;
        w.near = entry.isIntersecting;
        // Between two changes the island shows the state in force, so it may start waiting here.
        if (w.near) wake(w);
        else if (holding()) w.island.setAttribute(WAITING_ATTRIBUTE, '');
      }
    },
    { rootMargin: NEAR },
  );
}

/**
 * Hands state updates to the island `el` is part of: at once, or, while it waits, when it wakes
 * (only the latest update of each `key`). Returns a function that stops it.
 */
export function nearScreen(el: Element, key: object): { deliver: (update: () => void) => void; stop: () => void } {
  observer ??= start();
  const island = el.closest('astro-island') ?? el;
  let w = watched.get(island);
  if (!w) {
    // Near until the observer says otherwise: an island is never held before it has been measured.
    w = { island, measured: el, near: true, held: new Map(), users: 0 };
    watched.set(island, w);
    observer.observe(el);
  }
  const own = w;
  own.users++;
  return {
    deliver: (update) => {
      if (own.island.hasAttribute(WAITING_ATTRIBUTE)) own.held.set(key, update);
      else update();
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
