/**
 * The one place the explanations turn markup into elements: KaTeX's output, typeset at build
 * time and fetched from the site's own explanations file (src/pages/explanations.json.ts).
 * Nothing a reader types or puts in the address ever comes here: the file is built before
 * any reader exists, and every number in it is rewritten through textContent afterwards.
 */

const parser = new DOMParser();
// Each piece is parsed once (a symbol appears in many explanations) and cloned after that.
const parsed = new Map<string, DocumentFragment>();

/** The build-time markup `html` as nodes of this document (parsed inert: no script runs, nothing loads). */
export function buildTimeMarkup(html: string): DocumentFragment {
  let fragment = parsed.get(html);
  if (!fragment) {
    fragment = document.createDocumentFragment();
    fragment.append(...parser.parseFromString(html, 'text/html').body.childNodes);
    parsed.set(html, fragment);
  }
  return fragment.cloneNode(true) as DocumentFragment;
}
