/**
 * The build output itself, read from disk (OUT_DIR, default dist): no KaTeX
 * errors, complete page heads, the public ids, only documented data-q names,
 * nothing unshowable in the text, and no address the build was not given.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_PARAMS, QUANTITY_NAMES, createResolver } from '../../src/lib/backprop';
import { createMistakeResolver, isMistakeQuantityName } from '../../src/lib/mistakes/notes/quantities';
import { DEEP_LINK_IDS, OUT_DIR, SECTION_SLUGS, htmlFiles, pagePaths, pathOfFile, sectionPath, sitePath } from '../../e2e/support/site';
import { ADDRESSED_BUILDS } from './support/builds';

const files = htmlFiles();
const html = new Map(files.map((f) => [pathOfFile(f), readFileSync(f, 'utf8')]));

/** The visible text of an HTML document: no scripts, styles, comments or tags. */
function textOf(doc: string): string {
  return doc
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<template\b[\s\S]*?<\/template>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
}

/** The attributes of every start tag that has `data-q`. */
function quantityTags(doc: string): Map<string, string>[] {
  return [...doc.matchAll(/<[a-zA-Z][\w-]*\s([^>]*\bdata-q="[^"]*"[^>]*)>/g)].map((m) => {
    const attrs = new Map<string, string>();
    for (const a of (m[1] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)) attrs.set(a[1] ?? '', a[2] ?? '');
    return attrs;
  });
}

it('the build has the contents page and the five sections, in the sitemap', () => {
  expect(files.length, `HTML files in ${OUT_DIR}`).toBeGreaterThan(0);
  const paths = pagePaths();
  for (const n of [1, 2, 3, 4, 5]) {
    expect(paths.filter((p) => new RegExp(`/1-${n}-[^/]+/?$`).test(p)), `section 1.${n}`).toHaveLength(1);
  }
  for (const slug of Object.values(SECTION_SLUGS)) expect(html.has(sectionPath(slug)), slug).toBe(true);
  expect(html.has(sitePath('')), 'contents page').toBe(true);
});

for (const [path, doc] of html) {
  describe(path, () => {
    it('no KaTeX error', () => {
      expect(doc).not.toContain('katex-error');
    });

    it('has a title, a description and a language', () => {
      expect(doc).toMatch(/<html[^>]*\slang="[a-z]{2}[^"]*"/);
      expect(/<title>([^<]*)<\/title>/.exec(doc)?.[1]?.trim() ?? '').not.toBe('');
      const description = /<meta\s+name="description"\s+content="([^"]*)"/.exec(doc)?.[1] ?? '';
      expect(description.trim().length).toBeGreaterThan(20);
    });

    it('ids are unique', () => {
      const ids = [...doc.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
      const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(duplicates).toEqual([]);
    });

    it('every data-q is a documented name with a finite data-value for the article’s values', () => {
      const resolve = createResolver(ARTICLE_PARAMS);
      const resolveNote = createMistakeResolver(ARTICLE_PARAMS);
      const problems: string[] = [];
      for (const attrs of quantityTags(doc)) {
        const q = attrs.get('data-q') ?? '';
        // The mistake notes' names (`dE_dw3--slope-a-h1`, docs/dom-contract.md) are documented too.
        const note = isMistakeQuantityName(q);
        if (!(QUANTITY_NAMES as readonly string[]).includes(q) && !note) {
          problems.push(`undocumented data-q "${q}"`);
          continue;
        }
        const value = attrs.get('data-value');
        const epoch = attrs.has('data-epoch') ? Number(attrs.get('data-epoch')) : 1;
        const lr = attrs.get('data-lr');
        if (!Number.isInteger(epoch) || epoch < 1) problems.push(`${q}: data-epoch "${attrs.get('data-epoch')}"`);
        if (lr !== undefined && !Number.isFinite(Number(lr))) problems.push(`${q}: data-lr "${lr}"`);
        const ref = { name: q as (typeof QUANTITY_NAMES)[number], epoch, ...(lr !== undefined ? { lr: Number(lr) } : {}) };
        const expected = String(note ? resolveNote(ref) : resolve(ref));
        if (value !== expected) problems.push(`${q}@${epoch}${lr ? `:lr=${lr}` : ''}: data-value "${value}", expected "${expected}"`);
      }
      expect(problems).toEqual([]);
    });

    it('no NaN, Infinity or undefined in the text or in data-value', () => {
      expect(textOf(doc)).not.toMatch(/\b(NaN|Infinity|undefined)\b/);
      expect(doc).not.toMatch(/data-value="(NaN|-?Infinity|undefined|)"/);
    });
  });
}

it(`${sectionPath(SECTION_SLUGS.backprop)} has every deep-link id`, () => {
  const doc = html.get(sectionPath(SECTION_SLUGS.backprop)) ?? '';
  const missing = DEEP_LINK_IDS.filter((id) => !new RegExp(`\\sid="${id}"`).test(doc));
  expect(missing).toEqual([]);
});

it('section pages show live numbers and the sections that must have them have them', () => {
  for (const slug of Object.values(SECTION_SLUGS)) {
    const doc = html.get(sectionPath(slug)) ?? '';
    expect(quantityTags(doc).length, slug).toBeGreaterThan(0);
  }
  // Live equations carry the number in the MathML too.
  expect(html.get(sectionPath(SECTION_SLUGS.forward)) ?? '').toMatch(/<mn [^>]*data-q="a_o1"/);
});

/** Files a static host serves as they are and a reader or a crawler may read: HTML, XML, JSON, text, web manifests. */
function publishedTextFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(html|xml|json|txt|webmanifest)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Origins that name XML namespaces and schemas (`xmlns="http://www.w3.org/…"`, the sitemap's), never fetched. */
const NAMESPACE_ORIGINS = new Set(['http://www.w3.org', 'http://www.sitemaps.org', 'http://www.google.com', 'http://schemas.openxmlformats.org', 'http://purl.org']);

describe.each(ADDRESSED_BUILDS)('$name', ({ site }) => {
  it('no build publishes an address it was not given: none without SITE_URL, only its origin with it', () => {
    const files = publishedTextFiles(site.outDir);
    expect(files.length).toBeGreaterThan(0);
    const found = new Map<string, string>();
    for (const file of files) {
      for (const [url] of readFileSync(file, 'utf8').matchAll(/\bhttps?:\/\/[^\s"'<>)\\]+/g)) {
        const origin = new URL(url.replace(/&quot;.*$|&amp;.*$/, '')).origin;
        if (!NAMESPACE_ORIGINS.has(origin)) found.set(`${origin} (${file.slice(site.outDir.length + 1)})`, url);
      }
    }
    const allowed = site.siteUrl ? new URL(site.siteUrl).origin : undefined;
    const foreign = [...found.keys()].filter((key) => !allowed || !key.startsWith(`${allowed} `));
    expect(foreign, allowed ? `absolute addresses must use ${allowed}` : 'a build without SITE_URL writes no absolute address').toEqual([]);
    if (!allowed) {
      // The plainest form of the old mistake, in any file type.
      expect(files.filter((file) => /localhost|127\.0\.0\.1/.test(readFileSync(file, 'utf8')))).toEqual([]);
    } else {
      expect(found.size, 'a build with SITE_URL writes its absolute addresses').toBeGreaterThan(0);
    }
  });

  it('without SITE_URL there is no sitemap; with it, one that lists the pages under its origin', () => {
    const index = join(site.outDir, 'sitemap-index.xml');
    const files = readdirSync(site.outDir);
    if (!site.siteUrl) {
      expect(files.filter((f) => f.startsWith('sitemap'))).toEqual([]);
      return;
    }
    const locs = [...readFileSync(join(site.outDir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(readFileSync(index, 'utf8')).toContain(`${new URL(site.siteUrl).origin}${site.base}sitemap-0.xml`);
    expect(locs.length).toBeGreaterThanOrEqual(7);
    for (const loc of locs) expect(loc.startsWith(`${new URL(site.siteUrl).origin}${site.base}`), loc).toBe(true);
  });
});
