/**
 * The embed help page (pages/embed/index.astro): its example snippet is written here, from the
 * address the page is served at, so that what an instructor copies names the site they are on,
 * whatever address the build was given (or not given). The page carries the example built with a
 * stand-in origin (`data-embed-example`), so this loads nothing else.
 */
for (const example of document.querySelectorAll<HTMLElement>('[data-embed-example]')) {
  const code = example.querySelector('code');
  const { embedExample: origin, template } = example.dataset;
  if (!code || !origin || !template) continue;
  code.textContent = template.replaceAll(origin, location.origin);
  example.hidden = false;
}
