/**
 * The frame every page shares, read from the built files of both builds: /all/ (issue 10, item 4),
 * the theme's head script (its 300-byte allowance) and the link previews' pictures (issue 10, item 5).
 * What a reader sees of them is e2e/all-page.spec.ts, e2e/layout.spec.ts and e2e/previews.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUANTITY_NAMES } from '../../src/lib/backprop';
import { gzipSize } from '../../e2e/support/built-html';
import type { Site } from '../../e2e/support/site';
import { ADDRESSED_BUILDS } from './support/builds';

/** Every id in an HTML text, in order. */
function idsIn(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
}

/** The ids inside a section page's article (its content, not the frame every page has). */
function contentIds(site: Site, path: string): string[] {
  const html = site.builtHtml(path);
  const start = html.indexOf('<article class="section"');
  const end = html.lastIndexOf('</article>');
  return idsIn(html.slice(start, end));
}

function duplicates(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** The head script's share of every page's first-load JavaScript (the theme, and the solved exercises' marks), gzipped. */
const THEME_SCRIPT_BYTES = 300;

/** The picture's name for a page path: `index`, `all`, `embed` or the section's slug. */
function pictureName(path: string, base: string): string {
  const inside = path.slice(base.length).replace(/\/$/, '');
  return inside === '' ? 'index' : inside;
}

describe.each(ADDRESSED_BUILDS)('$name', ({ site }) => {
  it('/all/ holds the five sections in order with every data-q name, and their ids once each', () => {
    const html = site.builtHtml(site.path('all/'));
    expect(html, 'the page is built').not.toBe('');
    const sections = site.sectionPaths();
    expect(sections).toHaveLength(5);
    // In order: each section's own title, as its page has it, appears after the previous one's.
    const titles = sections.map((p) => /<h1>([\s\S]*?)<\/h1>/.exec(site.builtHtml(p))?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() ?? '');
    const onAll = [...html.matchAll(/<h1 id="section-[^"]*-title">([\s\S]*?)<\/h1>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
    expect(onAll).toEqual(titles);

    // Every name shown anywhere is shown here; together the sections show them all.
    const names = (text: string) => new Set([...text.matchAll(/\sdata-q="([^"]+)"/g)].map((m) => m[1]));
    const here = names(html);
    expect([...QUANTITY_NAMES].filter((n) => !here.has(n)), 'data-q names missing from /all/').toEqual([]);

    // Ids: unique on the page, and every id of a section's content is here too, so `#id` means the same place.
    // Headings of different sections could have been given the same id: this is where that would show.
    const ids = idsIn(html);
    expect(duplicates(ids), 'ids used twice on /all/').toEqual([]);
    const perSection = sections.map((p) => contentIds(site, p));
    expect(duplicates(perSection.flat()), 'ids that two sections share').toEqual([]);
    expect(perSection.flat().filter((id) => !ids.includes(id)), 'section ids missing from /all/').toEqual([]);
  });

  it('every page carries the same head script for the theme, within its 300-byte allowance, and no script file for it', () => {
    const scripts = site.pagePaths().map((path) => {
      const head = site.builtHtml(path).split('</head>')[0] ?? '';
      return [...head.matchAll(/<script>([^<]*backpropTheme[^<]*)<\/script>/g)].map((m) => m[1] ?? '');
    });
    expect(scripts.map((found) => found.length), 'one theme script in each head').toEqual(scripts.map(() => 1));
    const [first = ''] = scripts.flat();
    expect(new Set(scripts.flat()).size, 'the same script everywhere').toBe(1);
    expect(gzipSize(first)).toBeLessThanOrEqual(THEME_SCRIPT_BYTES);
  });

  it('the previews differ from page to page and are not blank', () => {
    // A blank or identical picture would pass the size check: each must hold drawing (many distinct bytes)
    // and no two may be equal.
    const files = site.pagePaths().map((p) => readFileSync(site.fileForPath(site.path(`og/${pictureName(p, site.base)}.png`)) ?? ''));
    for (const bytes of files) expect(bytes.length, 'a PNG with a drawing in it').toBeGreaterThan(8_000);
    expect(new Set(files.map((b) => b.toString('base64'))).size).toBe(files.length);
  });
});
