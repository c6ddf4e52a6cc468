/**
 * Byte budgets (issue 4, item 3), held twice: on the build output (static,
 * deterministic: what each page references and what that imports; tests/built/budgets.test.ts)
 * and here, in the browser (every request a page really makes at first load, hydration done).
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
import { expect, test, type Page, type Request } from '@playwright/test';
import { BUDGET_BYTES, PAGE_WITHOUT_ISLAND_BYTES, budgetOf, isLive, kib } from './support/budgets';
import { KATEX_JS_SIGNATURE, gzipSize } from './support/built-html';
import { htmlFiles, pathOfFile } from './support/site';

const paths = htmlFiles().map(pathOfFile);

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
