/**
 * Hooks that read the shared state in islands. On the first client render they
 * return what the server rendered (the article's values), then the state in force:
 * Preact's hydration keeps server-rendered attributes such as an input's value or a
 * path's `d`, so a value taken from the URL must arrive as a change, not as the first
 * render. The change is subscribed in a layout effect, so the second render follows
 * the first before the browser does anything else: hydration puts the article's text
 * back into numbers the page script had already brought up to date, and no moment
 * between the two renders is visible to a reader, a test or a course tool.
 *
 * (A dozen lines of our own rather than @nanostores/preact: that binding also
 * brings nanostores' key listeners and defers every re-render by a timer.)
 */
import type { ReadableAtom } from '../state/atom';
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, type Params } from '../lib/backprop';
import type { QueryProblem } from '../lib/params';
import { $digits, $params, $queryProblems, $trained } from '../state/tutorial';
import { nearScreen } from './near-screen';

/** Where an island is drawn, so that during a drag it can wait while far from the screen (./near-screen.ts). */
export type IslandElement = RefObject<Element>;

/**
 * An atom's value: `initial` on the first render, then the atom's, re-rendering on each change. With
 * `near`, changes made while a pointer is held reach a far-off island when it comes near or the pointer
 * is released; the first value always comes at once.
 */
function useAtom<T>(store: ReadableAtom<T>, initial: T, near?: IslandElement): T {
  const [value, setValue] = useState(initial);
  // subscribe() reports the current value at once, so this also brings in the URL's values.
  useLayoutEffect(() => {
    const el = near?.current;
    const gate = el ? nearScreen(el, setValue) : undefined;
    let first = true;
    const stop = store.subscribe((next) => {
      const update = () => setValue(() => next);
      if (first || !gate) update();
      else gate.deliver(update);
      first = false;
    });
    return () => {
      stop();
      gate?.stop();
    };
  }, [store]);
  return value;
}

/** The parameters in force. */
export function useParams(near?: IslandElement): Params {
  return useAtom($params, ARTICLE_PARAMS, near);
}

/** How many updates training has applied to the configuration (none at build time). */
export function useTrained(): number {
  return useAtom($trained, 0);
}

/** The significant digits chosen by the reader. */
export function useDigits(near?: IslandElement): number {
  return useAtom($digits, ARTICLE_DIGITS, near);
}

/** Address values that could not be used (none at build time). */
export function useQueryProblems(): readonly QueryProblem[] {
  return useAtom<readonly QueryProblem[]>($queryProblems, []);
}
