/**
 * Byte budgets (issue 4, item 3), held twice: on the build output (static,
 * deterministic: what each page references and what that imports) and in the
 * browser (every request a page really makes at first load, hydration done).
 *
 * - a section page loads at most 12 KiB of gzipped JavaScript in total, inline
 *   scripts included; a page without an island loads no script file, only a tiny inline one;
 * - an embed of a section at most 10 KiB, of which at most 2.5 KiB is its own code;
 * - no KaTeX JavaScript at first load;
 * - at most 12 KiB of gzipped CSS per page;
 * - fonts only as woff2, and only fonts the page renders text with;
 * - every request goes to the site's own origin.
 *
 * Checks are soft: one run reports every budget a page breaks, not just the first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type Request } from '@playwright/test';
import {
  BUDGET_BYTES,
  KATEX_JS_SIGNATURE,
  cssUrls,
  firstLoadScripts,
  gzipSize,
  inlineScriptGzip,
  pageStylesheets,
  builtPage as built,
} from './support/built-html';
import { OUT_DIR, builtHtml, htmlFiles, pathOfFile } from './support/site';

const paths = htmlFiles().map(pathOfFile);

/**
 * A page with nothing live (no island, no live number, no toolbar: the contents page) loads no
 * script file; its inline scripts (its links carry the reader's query) stay under this many gzipped bytes.
 */
const PAGE_WITHOUT_ISLAND_BYTES = 512;

/**
 * An embed (`/embed/<section>/`) lives inside another site's page, often several to a page, on
 * the course's own budget of patience: it gets less than a section page. 10 KiB: the page script
 * (≈ 4.4 KB), the embed's own script (≈ 1.9 KB) and, on 1.5, Astro's island runtime (≈ 2.1 KB)
 * make 8.4 KB today, which leaves room for the page script to grow a little.
 */
const EMBED_BUDGET_BYTES = 10 * 1024;
/**
 * Of that, the embed's own code (scripts its section's page does not load): ≈ 1.9 KB today; half a
 * kilobyte of room, and no more, for what embeds may still need.
 */
const EMBED_OWN_BYTES = 2.5 * 1024;

/** The section page an embed shows (`/base/embed/1-4-x/` → `/base/1-4-x/`), or undefined for other pages. */
function sectionOfEmbed(path: string): string | undefined {
  return /\/embed\/[^/]+\/$/.test(path) ? path.replace(/\/embed\/([^/]+\/)$/, '/$1') : undefined;
}

/** A page's first-load JavaScript budget: an embed's, or a page's. */
function budgetOf(path: string): number {
  return sectionOfEmbed(path) ? EMBED_BUDGET_BYTES : BUDGET_BYTES;
}

/** Whether a built page has anything the page script keeps live, an exercise or the answer key (whose code loads on use). */
function isLive(path: string): boolean {
  return /<astro-island\b|\sdata-q=|\sdata-toolbar\b|\sdata-exercise=|\sdata-practice-key\b/.test(builtHtml(path));
}

/** Link relations that make the browser fetch something. */
const FETCHING_RELS = /\b(stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon)\b/;

/** A short size report for failure messages and the test log. */
function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KiB`;
}


test.describe('build output', () => {
  for (const path of paths) {
    test(`${path}: JavaScript at first load within budget, none without an island, no KaTeX`, async ({ page }) => {
      const p = await built(page, path);
      const scripts = firstLoadScripts(p);
      const inline = inlineScriptGzip(p);
      const total = scripts.reduce((sum, s) => sum + s.gzip, 0) + inline;
      const detail = [...scripts.map((s) => `${s.path} ${s.gzip}`), `inline ${inline}`].join(', ');
      console.log(`[budget] ${path} JS ${total} B gzip (${detail})`);
      if (!isLive(path)) {
        expect.soft(scripts.map((s) => s.path), `${path} has nothing live, so it should load no script file`).toEqual([]);
        expect.soft(inline, `${path} has nothing live: its inline scripts (links carry the query) stay tiny`).toBeLessThanOrEqual(PAGE_WITHOUT_ISLAND_BYTES);
      }
      expect.soft(total, `${path}: ${kib(total)} of JavaScript (${detail})`).toBeLessThanOrEqual(budgetOf(path));
      const section = sectionOfEmbed(path);
      if (section) {
        const sectionScripts = new Set(firstLoadScripts(await built(page, section)).map((s) => s.path));
        const own = scripts.filter((s) => !sectionScripts.has(s.path));
        const ownBytes = own.reduce((sum, s) => sum + s.gzip, 0);
        console.log(`[budget] ${path} embed's own JS ${ownBytes} B gzip`);
        expect.soft(own.length, `${path} loads its section's page script and its own`).toBeGreaterThan(0);
        expect.soft(ownBytes, `${path}: its own code ${kib(ownBytes)} (${own.map((s) => s.path).join(', ')})`).toBeLessThanOrEqual(EMBED_OWN_BYTES);
      }
      const katex = scripts.filter((s) => KATEX_JS_SIGNATURE.test(s.text)).map((s) => s.path);
      expect.soft(katex, 'KaTeX JavaScript must load only on demand').toEqual([]);
    });

    test(`${path}: CSS within budget, fonts only woff2, every reference on this origin`, async ({ page }) => {
      const p = await built(page, path);
      const sheets = pageStylesheets(p);
      const inline = p.inlineStyles.join('\n');
      const total = sheets.reduce((sum, s) => sum + s.gzip, 0) + (inline.trim() ? gzipSize(inline) : 0);
      console.log(`[budget] ${path} CSS ${total} B gzip`);
      expect.soft(total, `${path}: ${kib(total)} of CSS`).toBeLessThanOrEqual(BUDGET_BYTES);

      const fontUrls = sheets.flatMap((s) => cssUrls(s.text)).filter((u) => /\.(woff2?|ttf|otf|eot)(\?|#|$)/i.test(u));
      expect.soft(fontUrls.filter((u) => !/\.woff2(\?|#|$)/i.test(u)), 'font URLs that are not woff2').toEqual([]);
      expect.soft(cssUrls([...sheets.map((s) => s.text), inline].join('\n')).filter((u) => u.startsWith('data:')), 'data: URLs in CSS').toEqual([]);

      const pageUrl = new URL(path, 'http://site.invalid');
      const foreign = [
        ...p.resources.filter((r) => r.tag !== 'link' || FETCHING_RELS.test(r.rel)).map((r) => `<${r.tag}> ${r.url}`),
        ...p.islands.flatMap((i) => i.modules.map((u) => `island ${u}`)),
        ...sheets.flatMap((s) => cssUrls(s.text).map((u) => `css ${u}`)),
      ].filter((entry) => {
        const url = entry.slice(entry.indexOf(' ') + 1);
        return new URL(url, pageUrl).origin !== pageUrl.origin;
      });
      expect.soft(foreign, 'references to another origin (or data: URLs)').toEqual([]);
    });
  }

  test('the build emits no font format but woff2', () => {
    const fonts = readdirSync(join(OUT_DIR, '_astro')).filter((f) => /\.(woff|ttf|otf|eot)$/i.test(f));
    expect.soft(fonts).toEqual([]);
    const css = readdirSync(join(OUT_DIR, '_astro')).filter((f) => f.endsWith('.css'));
    for (const file of css) {
      const urls = cssUrls(readFileSync(join(OUT_DIR, '_astro', file), 'utf8'));
      expect.soft(urls.filter((u) => /\.(woff|ttf|otf|eot)(\?|#|$)/i.test(u)), file).toEqual([]);
    }
  });
});

/** What the browser fetched while loading a page. */
interface Fetched {
  readonly url: string;
  readonly type: string;
  readonly gzip: number;
  readonly text: string;
}

async function loadAndRecord(page: Page, path: string): Promise<Fetched[]> {
  const pending: Promise<Fetched>[] = [];
  const record = (request: Request): void => {
    pending.push(
      (async () => {
        const response = await request.response();
        const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        return { url: request.url(), type: request.resourceType(), gzip: gzipSize(body), text: body.toString('utf8') };
      })(),
    );
  };
  page.on('requestfinished', record);
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  await page.goto(path);
  // First load: no scrolling, so islands that wait to be visible hydrate only if they start on screen.
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]:not([client="visible"]):not([client="needed"])') === null);
  await page.waitForLoadState('networkidle');
  expect.soft(failed, 'requests that failed').toEqual([]);
  // The first load is over: a request the test's own reading of the page sets off later (a font for text it
  // measures) is not part of it, and reading its response once the page has closed would fail the test.
  page.off('requestfinished', record);
  return Promise.all(pending);
}

test.describe('in the browser, first load', () => {
  for (const path of paths) {
    test(`${path}: requests stay on this origin and within budget`, async ({ page, baseURL }) => {
      const fetched = await loadAndRecord(page, path);
      const origin = new URL(baseURL ?? page.url()).origin;
      expect.soft(fetched.filter((f) => new URL(f.url).origin !== origin).map((f) => f.url), 'third-party requests').toEqual([]);

      const scripts = fetched.filter((f) => f.type === 'script');
      const inline = await page.$$eval('script:not([src])', (els) =>
        els.filter((el) => !/json|template|text\/plain/.test(el.getAttribute('type') ?? '')).map((el) => el.textContent ?? ''),
      );
      const inlineGzip = inline.join('\n').trim() ? gzipSize(inline.join('\n')) : 0;
      const js = scripts.reduce((sum, f) => sum + f.gzip, 0) + inlineGzip;

      console.log(`[browser] ${path} JS ${js} B gzip in ${scripts.length} files + inline ${inlineGzip}`);
      if (!isLive(path)) {
        expect.soft(scripts.map((s) => s.url), 'a page with nothing live loads no script file').toEqual([]);
        expect.soft(inlineGzip, 'a page with nothing live has only tiny inline scripts').toBeLessThanOrEqual(PAGE_WITHOUT_ISLAND_BYTES);
      }
      expect.soft(js, `${kib(js)} of JavaScript: ${scripts.map((s) => `${new URL(s.url).pathname} ${s.gzip}`).join(', ')}`).toBeLessThanOrEqual(
        budgetOf(path),
      );
      expect.soft(scripts.filter((s) => KATEX_JS_SIGNATURE.test(s.text)).map((s) => s.url), 'KaTeX JavaScript').toEqual([]);

      const css = fetched.filter((f) => f.type === 'stylesheet').reduce((sum, f) => sum + f.gzip, 0);
      expect.soft(css, `${kib(css)} of CSS`).toBeLessThanOrEqual(BUDGET_BYTES);

      const fonts = fetched.filter((f) => f.type === 'font').map((f) => new URL(f.url).pathname);
      expect.soft(fonts.filter((f) => !f.endsWith('.woff2')), 'fonts that are not woff2').toEqual([]);
      // A font is "used" when some element's font-family list names its family and the
      // browser matched it (FontFace status "loaded" only happens for text that needs it).
      const unused = await page.evaluate(() => {
        const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''));
        const inUse = new Set<string>();
        for (const el of document.querySelectorAll('body *')) {
          if (!el.textContent?.trim()) continue;
          for (const family of getComputedStyle(el).fontFamily.split(',')) inUse.add(family.trim().replace(/["']/g, ''));
        }
        return loaded.filter((family) => !inUse.has(family));
      });
      expect.soft(unused, 'fonts downloaded that no element uses').toEqual([]);
    });
  }
});
