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
import { useLayoutEffect, useState } from 'preact/hooks';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, type Params } from '../lib/backprop';
import type { QueryProblem } from '../lib/params';
import { $digits, $params, $queryProblems, $trained } from '../state/tutorial';

/** An atom's value: `initial` on the first render, then the atom's, re-rendering on each change. */
function useAtom<T>(store: ReadableAtom<T>, initial: T): T {
  const [value, setValue] = useState(initial);
  // subscribe() reports the current value at once, so this also brings in the URL's values.
  useLayoutEffect(() => store.subscribe((next) => setValue(() => next)), [store]);
  return value;
}

/** The parameters in force. */
export function useParams(): Params {
  return useAtom($params, ARTICLE_PARAMS);
}

/** How many updates training has applied to the configuration (none at build time). */
export function useTrained(): number {
  return useAtom($trained, 0);
}

/** The significant digits chosen by the reader. */
export function useDigits(): number {
  return useAtom($digits, ARTICLE_DIGITS);
}

/** Address values that could not be used (none at build time). */
export function useQueryProblems(): readonly QueryProblem[] {
  return useAtom<readonly QueryProblem[]>($queryProblems, []);
}
