/**
 * The whole tutorial on one page (issue 10, item 4): /all/ holds the five sections in order, every
 * `data-q` name the sections show, the values in force and the page's full address on top (on
 * screen, not only in print), unique ids also once every island has rendered, the ids of every
 * section's own page (so a fragment names the same place on both), and it prints to a PDF that
 * holds all five sections. What the built page holds (the sections in order, every name, the ids)
 * is read from the build by tests/built/frame.test.ts. Issue 7's invariant (every number true before scrolling) and the byte
 * budgets are held for /all/ by page-truth.spec.ts and budgets.spec.ts, which visit every page.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { PARAM_NAMES, formatParameter } from '../src/lib/backprop';
import { hydrate } from './support/a11y-page';
import { expect, test } from './support/fixtures';

test.describe.configure({ timeout: 180_000 });

function duplicates(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

test('/all/: the values in force and the full address stand on top, on screen, and follow an edit', async ({ page, site, baseURL }) => {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${site.path('all/')}?w1=0.3`);
    const header = page.locator('main > .print-config');
    await expect(header).toBeVisible();
    // Above the first section.
    const [headerTop, firstSectionTop] = await Promise.all([
      header.evaluate((el) => el.getBoundingClientRect().top),
      page.locator('article.all-section').first().evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(headerTop).toBeLessThan(firstSectionTop);
    const address = header.locator('a[data-print-address]');
    await expect(address).toHaveText(`${new URL(baseURL ?? page.url()).origin}${site.path('all/')}?w1=0.3`);
    await expect(header).toContainText(`w1 = ${formatParameter(0.3)}`);
  }
  // An edit far down the page (in 1.5's learning-rate field) reaches the top at once.
  await page.locator('input[name="lr"]').first().fill('0.8');
  await expect(page.locator('main > .print-config a[data-print-address]')).toHaveText(/[?&]lr=0\.8(&|$)/);
  await expect(page.locator('main > .print-config')).toContainText(`η = ${formatParameter(0.8)}`);
});

test('/all/: ids stay unique once every island has rendered, and the sidebar leads to each section', async ({ page, site }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${site.path('all/')}?w1=0.3`);
  await hydrate(page);
  const ids = await page.$$eval('[id]', (els) => els.map((el) => el.id));
  expect(duplicates(ids), 'ids used twice once hydrated').toEqual([]);
  const links = page.locator('.nav-sidebar .nav-list > li > a[href*="#section-"]');
  await expect(links).toHaveCount(5);
  for (const link of await links.all()) {
    const hash = new URL((await link.getAttribute('href')) ?? '', page.url()).hash;
    expect(new URL((await link.evaluate((a) => (a as HTMLAnchorElement).href))).searchParams.get('w1')).toBe('0.3');
    await link.click();
    await expect(page.locator(hash)).toBeInViewport();
  }
});

test('/all/ prints to a PDF with the five sections, the values in force and the address once, and no control', async ({ page, site }) => {
  await page.goto(`${site.path('all/')}?w1=0.3&lr=0.7`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-precision'));
  await page.waitForLoadState('networkidle');
  const titles = await page.$$eval('article.all-section > h1', (els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));
  expect(titles).toHaveLength(5);
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  for (const title of titles) expect(flat, title).toContain(title);
  for (const name of PARAM_NAMES) {
    const value = name === 'w1' ? 0.3 : name === 'lr' ? 0.7 : undefined;
    if (value !== undefined) expect(flat).toContain(`${name === 'lr' ? 'η' : name} = ${formatParameter(value)}`);
  }
  const address = (await page.locator('a[data-print-address]').textContent())?.trim() ?? '';
  expect(flat.split(address).length - 1, `the address ${address} printed once`).toBe(1);
  // Each section starts a sheet: at least one page per section.
  expect(doc.numPages).toBeGreaterThanOrEqual(5);
  for (const word of ['Reset to the article', 'Significant digits', 'Dark theme', 'Light theme', 'All sections on one page', 'Skip to the content']) {
    expect(flat, `control label “${word}”`).not.toContain(word);
  }
});

test('/all/: nothing on the first screen moves while the page loads, the address on top included @subpath', async ({ browser, site }) => {
  for (const width of [320, 412]) {
    for (const query of ['', '?w1=0.3&lr=0.7']) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const shifts: { value: number; moved: string }[] = [];
        (window as unknown as { shifts: typeof shifts }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; sources: { node?: Node | null }[] }[]) {
            const moved = entry.sources.map((s) => (s.node?.parentElement ?? s.node)?.textContent?.trim().slice(0, 40));
            shifts.push({ value: entry.value, moved: moved.join(' | ') });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${site.path('all/')}${query}`, { waitUntil: 'load' });
      await expect(page.locator('main > .print-config a[data-print-address]')).toHaveText(/^https?:\/\//);
      // Past the page script's first render and the task after it.
      await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => setTimeout(done, 100)), 300)));
      const shifts = await page.evaluate(() => (window as unknown as { shifts: { value: number; moved: string }[] }).shifts);
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      const seen = `${width} px, "${query}": ${JSON.stringify(shifts)}`;
      // Values given in the address replace the built ones, which may rewrap the line of values on top (about
      // 0.02 at 412 px); a layout shift score of 0.1 is where a page stops counting as good.
      if (query) expect(total, seen).toBeLessThan(0.05);
      else expect(shifts, seen).toEqual([]);
      await context.close();
    }
  }
});
