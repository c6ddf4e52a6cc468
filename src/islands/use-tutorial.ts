/**
 * Hooks that read the shared state in islands. On the first client render they
 * return what the server rendered (the article's values), then the state in force:
 * Preact's hydration keeps server-rendered attributes such as an input's value,
 * so a value taken from the URL must arrive as a change, not as the first render.
 */
import { useStore } from '@nanostores/preact';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, type Params } from '../lib/backprop';
import { $digits, $params } from '../state/tutorial';

const articleParams = (): Params => ARTICLE_PARAMS;
const articleDigits = (): number => ARTICLE_DIGITS;

/** The parameters in force, re-rendering the island when they change. */
export function useParams(): Params {
  return useStore($params, { ssr: articleParams });
}

/** The significant digits chosen by the reader. */
export function useDigits(): number {
  return useStore($digits, { ssr: articleDigits });
}
