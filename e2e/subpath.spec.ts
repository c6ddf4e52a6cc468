/**
 * Publishing under any address (issue 10, item 2). Every test here is tagged `@subpath`, so it
 * runs twice: against the default build at `/`, and in the `subpath` project against the build
 * served under `/course/backprop/` on another port (subpath.config.mjs), where anything that
 * ignores the base path fails to load. Paths come from the `site` fixture, never from constants.
 *
 * Covered: navigation through every page by its own links, every asset and font a page loads,
 * deep links and the addresses they copy, the printed address, and the workbook download.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SECTION_SLUGS } from './support/site';
import { expect, test } from './support/fixtures';
import { shareStep } from './support/share';
import { waitForHydration } from './support/quantities';

test.describe.configure({ timeout: 120_000 });

/** Records every response the page gets from now on: URL, status, resource type. */
function recordResponses(page: Page): { url: string; status: number; type: string }[] {
  const seen: { url: string; status: number; type: string }[] = [];
  page.on('response', (r) => seen.push({ url: r.url(), status: r.status(), type: r.request().resourceType() }));
  page.on('requestfailed', (r) => seen.push({ url: r.url(), status: 0, type: r.resourceType() }));
  return seen;
}

test('the server serves the site only under its base path @subpath', async ({ page, site }) => {
  const contents = await page.request.get(site.path(''));
  expect(contents.status()).toBe(200);
  if (site.base !== '/') {
    // What makes the rest of this file meaningful: an address that forgot the base finds nothing.
    const outside = await page.request.get(`/${SECTION_SLUGS.backprop}/`);
    expect(outside.status(), 'a section requested without the base path').toBe(404);
  }
});

test('every page is reached from the contents page by its own links, and every link stays under the base @subpath', async ({
  page,
  site,
}) => {
  const responses = recordResponses(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(site.path(''));
  const visited = [new URL(page.url()).pathname];
  // Through the sidebar's links (a reader on a wide screen), one page after another.
  for (const target of [...site.sectionPaths(), site.path('all/')]) {
    const link = page.locator(`.nav-sidebar a[href^="${target}"]`).first();
    await expect(link, `the sidebar links to ${target}`).toBeVisible();
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(target);
    // Loaded in full before the next step: leaving a page mid-load would abort its request.
    await page.waitForLoadState('load');
    visited.push(target);
    // Every same-origin link on the page points inside the base.
    const outside = await page.$$eval(
      'a[href]',
      (links, base) =>
        links
          .map((a) => new URL((a as HTMLAnchorElement).href))
          .filter((url) => url.origin === location.origin && !url.pathname.startsWith(base))
          .map((url) => url.href),
      site.base,
    );
    expect(outside, `links on ${target} that leave the base`).toEqual([]);
  }
  // And back by the pager's "Next" from a section to the next one.
  await page.goto(site.sectionPath(SECTION_SLUGS.forward));
  await page.locator('a[rel="next"]').click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(site.sectionPath(SECTION_SLUGS.backprop));
  expect(visited).toEqual([site.path(''), ...site.sectionPaths(), site.path('all/')]);
  const documents = responses.filter((r) => r.type === 'document');
  expect(documents.filter((r) => r.status !== 200), 'pages that did not load').toEqual([]);
});

for (const slug of [SECTION_SLUGS.backprop, SECTION_SLUGS.update]) {
  test(`${slug}: every script, stylesheet, font and island loads from under the base @subpath`, async ({ page, site }) => {
    const responses = recordResponses(page);
    await page.goto(site.sectionPath(slug));
    // Bring every island in (scrolling), so their code and the fonts of every equation load too.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
        scrollTo(0, y);
        await new Promise((done) => setTimeout(done, 30));
      }
    });
    // Islands that wait for the reader's touch (the Embed actions, in the steps' Share panels) are woken as a reader
    // wakes them: the panel opens and focus moves into them.
    await page.evaluate(() => {
      for (const share of document.querySelectorAll('details.share')) (share as HTMLDetailsElement).open = true;
      for (const island of document.querySelectorAll('astro-island[ssr]')) island.querySelector<HTMLElement>('summary, button, a, input')?.focus();
    });
    // Under load the scroll above can pass an island between two of the browser's visibility checks: those
    // still waiting are brought in one at a time, as a reader scrolling to them would.
    await waitForHydration(page);
    await page.waitForLoadState('networkidle');
    const origin = new URL(page.url()).origin;
    const own = responses.filter((r) => new URL(r.url).origin === origin);
    expect(responses.filter((r) => new URL(r.url).origin !== origin).map((r) => r.url), 'requests to another origin').toEqual([]);
    expect(own.filter((r) => !new URL(r.url).pathname.startsWith(site.base)).map((r) => r.url), 'requests outside the base').toEqual([]);
    expect(own.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.url}`), 'requests that failed').toEqual([]);
    for (const type of ['script', 'stylesheet', 'font']) {
      expect(own.filter((r) => r.type === type).length, `${type} requests`).toBeGreaterThan(0);
    }
    // KaTeX's fonts were found and used, not only requested.
    const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, '')));
    expect(fonts).toContain('KaTeX_Main');
  });
}

test('a deep link lands on its step, and the links it copies keep the base and the values @subpath', async ({ page, site, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const backprop = site.sectionPath(SECTION_SLUGS.backprop);
  await page.goto(`${backprop}?w1=0.3#step-6`);
  await expect(page.locator('#step-6')).toBeInViewport();
  const link = (await shareStep(page, 'step-6')).locator('a[data-deep-link="step-6"]');
  await expect(link).toHaveAttribute('href', /w1=0\.3.*#step-6$/);
  await link.click();
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.pathname).toBe(backprop);
  expect(copied.searchParams.get('w1')).toBe('0.3');
  expect(copied.hash).toBe('#step-6');
  // The address printed on a handout is the same page, under the base, with the values.
  const printed = new URL((await page.locator('a[data-print-address]').first().textContent()) ?? '');
  expect(printed.pathname).toBe(backprop);
  expect(printed.searchParams.get('w1')).toBe('0.3');
  // And it opens: the same step, the same values, on a new load.
  await page.goto(copied.pathname + copied.search + copied.hash);
  await expect(page.locator('#step-6')).toBeInViewport();
  await expect(page.locator('input[name="w1"]').first()).toHaveValue('0.3');
});

test('the workbook downloads under the base, its code loaded on demand from under it @subpath', async ({ page, site }) => {
  const responses = recordResponses(page);
  await page.goto(`${site.sectionPath(SECTION_SLUGS.update)}?lr=0.35`);
  const button = page.locator('[data-action="download-xlsx"]');
  await button.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island', { has: button })).not.toHaveAttribute('ssr', /.*/, { timeout: 15_000 });
  const pending = page.waitForEvent('download');
  await button.click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe('backprop-workbook-lr0.35.xlsx');
  const bytes = readFileSync((await download.path()) ?? '');
  expect(bytes.subarray(0, 2).toString('latin1'), 'an .xlsx is a zip').toBe('PK');
  const chunk = responses.find((r) => /\/workbook\.[^/]*\.js$/.test(new URL(r.url).pathname));
  expect(chunk, 'the workbook code was fetched').toBeTruthy();
  expect(new URL(chunk?.url ?? 'http://x/').pathname.startsWith(site.base), `${chunk?.url} under ${site.base}`).toBe(true);
  expect(chunk?.status).toBe(200);
});
