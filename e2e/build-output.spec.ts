/**
 * The build output itself, read from disk (OUT_DIR, default dist): no KaTeX
 * errors, complete page heads, the public ids, only documented data-q names,
 * and nothing unshowable in the text.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ARTICLE_PARAMS, QUANTITY_NAMES, createResolver } from '../src/lib/backprop';
import { createMistakeResolver, isMistakeQuantityName } from '../src/lib/mistakes/notes/quantities';
import { DEEP_LINK_IDS, OUT_DIR, SECTION_SLUGS, htmlFiles, pagePaths, pathOfFile, sectionPath, sitePath } from './support/site';

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

test('the build has the contents page and the five sections, in the sitemap', () => {
  expect(files.length, `HTML files in ${OUT_DIR}`).toBeGreaterThan(0);
  const paths = pagePaths();
  for (const n of [1, 2, 3, 4, 5]) {
    expect(paths.filter((p) => new RegExp(`/1-${n}-[^/]+/?$`).test(p)), `section 1.${n}`).toHaveLength(1);
  }
  for (const slug of Object.values(SECTION_SLUGS)) expect(html.has(sectionPath(slug)), slug).toBe(true);
  expect(html.has(sitePath('')), 'contents page').toBe(true);
});

for (const [path, doc] of html) {
  test.describe(path, () => {
    test('no KaTeX error', () => {
      expect(doc).not.toContain('katex-error');
    });

    test('has a title, a description and a language', () => {
      expect(doc).toMatch(/<html[^>]*\slang="[a-z]{2}[^"]*"/);
      expect(/<title>([^<]*)<\/title>/.exec(doc)?.[1]?.trim() ?? '').not.toBe('');
      const description = /<meta\s+name="description"\s+content="([^"]*)"/.exec(doc)?.[1] ?? '';
      expect(description.trim().length).toBeGreaterThan(20);
    });

    test('ids are unique', () => {
      const ids = [...doc.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
      const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(duplicates).toEqual([]);
    });

    test('every data-q is a documented name with a finite data-value for the article’s values', () => {
      const resolve = createResolver(ARTICLE_PARAMS);
      const resolveNote = createMistakeResolver(ARTICLE_PARAMS);
      const problems: string[] = [];
      for (const attrs of quantityTags(doc)) {
        const q = attrs.get('data-q') ?? '';
        // The mistake notes' names (`dE_dw3--slope-a-h1`, README) are documented too.
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

    test('no NaN, Infinity or undefined in the text or in data-value', () => {
      expect(textOf(doc)).not.toMatch(/\b(NaN|Infinity|undefined)\b/);
      expect(doc).not.toMatch(/data-value="(NaN|-?Infinity|undefined|)"/);
    });
  });
}

test(`${sectionPath(SECTION_SLUGS.backprop)} has every deep-link id`, () => {
  const doc = html.get(sectionPath(SECTION_SLUGS.backprop)) ?? '';
  const missing = DEEP_LINK_IDS.filter((id) => !new RegExp(`\\sid="${id}"`).test(doc));
  expect(missing).toEqual([]);
});

test('section pages show live numbers and the sections that must have them have them', () => {
  for (const slug of Object.values(SECTION_SLUGS)) {
    const doc = html.get(sectionPath(slug)) ?? '';
    expect(quantityTags(doc).length, slug).toBeGreaterThan(0);
  }
  // Live equations carry the number in the MathML too.
  expect(html.get(sectionPath(SECTION_SLUGS.forward)) ?? '').toMatch(/<mn [^>]*data-q="a_o1"/);
});
