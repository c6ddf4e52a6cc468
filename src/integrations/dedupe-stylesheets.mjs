// @ts-check
/**
 * A page that renders several content modules (/all/) is given each module's stylesheets once per
 * module: the same `<link rel="stylesheet">` two or three times in its head. A browser fetches such a
 * file once but parses each link; this keeps the first link to each stylesheet and drops the rest.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const LINK = /<link rel="stylesheet" href="([^"]+)"[^>]*>/g;

/**
 * A page's HTML with each stylesheet linked once, at its first link.
 * @param {string} page
 * @returns {string}
 */
export function linkEachStylesheetOnce(page) {
  const seen = new Set();
  return page.replace(LINK, (link, href) => {
    if (seen.has(href)) return '';
    seen.add(href);
    return link;
  });
}

/** @returns {import('astro').AstroIntegration} */
export function dedupeStylesheets() {
  return {
    name: 'dedupe-stylesheets',
    hooks: {
      'astro:build:done': async ({ dir, pages }) => {
        for (const { pathname } of pages) {
          const file = fileURLToPath(new URL(`${pathname.replace(/\/?$/, '/')}index.html`, dir));
          const page = await readFile(file, 'utf8').catch(() => undefined);
          if (!page) continue;
          const once = linkEachStylesheetOnce(page);
          if (once !== page) await writeFile(file, once);
        }
      },
    },
  };
}
