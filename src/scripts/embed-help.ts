/**
 * The embed help page (pages/embed/index.astro): its example snippet is written here, from the
 * address the page is served at, so that what an instructor copies names the site they are on,
 * whatever address the build was given (or not given).
 */
import { exampleSnippet } from '../lib/embed/snippet';

for (const example of document.querySelectorAll<HTMLElement>('[data-embed-example]')) {
  const code = example.querySelector('code');
  if (!code) continue;
  code.textContent = exampleSnippet(location.origin, example.dataset['base'] ?? '/');
  example.hidden = false;
}
