/**
 * Every number on a page is true before it is seen (issue 7). A page is read whole: a course
 * tool reads its `data-q` values, a screen reader walks it, find-in-page searches it, a printer
 * prints it. So nothing here scrolls: islands that hydrate only near the screen must not be the
 * reason the numbers are right.
 *
 * - Seeded random configurations in the address, on every page with numbers: every `[data-q]`
 *   (with its `data-epoch`/`data-lr`) equals the math module, sampled repeatedly while islands
 *   hydrate; then again after an edit of the page's first field, still without scrolling.
 * - The same with the islands' code held back, so the page script alone must keep their numbers.
 * - The contents page's links carry the query.
 * - Dragging w5 on 1.4 and /all/: every number stays true during the drag (islands far from the screen
 *   wait, and the page script keeps their numbers) and after it (they catch up on release, and go on
 *   following later edits), read without scrolling anywhere but to the number dragged.
 */
import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_PARAMS, PARAM_NAMES, type ParamName, type Params } from '../src/lib/backprop';
import { generator as random } from '../src/lib/exercises/deal';
import { paramsFromQuery } from '../src/lib/params';
import { pressOnW5 } from './support/explain';
import { mismatchesInPage, readShown, serveMathModule } from './support/quantities';
import { SECTION_SLUGS, builtHtml, pagePaths, sectionPath, sitePath } from './support/site';

test.describe.configure({ timeout: 120_000 });

/** A value a reader could type: `digits` decimals between `lo` and `hi`. */
function typed(next: () => number, lo: number, hi: number, digits = 4): number {
  return Number((lo + (hi - lo) * next()).toFixed(digits));
}

/** A random valid configuration: every parameter changed, as a reader's link might hold them. */
function configuration(seed: number): Params {
  const next = random(seed);
  const out: Record<string, number> = {};
  for (const name of PARAM_NAMES) {
    if (name === 'lr') out[name] = typed(next, 0.05, 3, 3);
    else if (name[0] === 't') out[name] = typed(next, 0.01, 0.99);
    else if (name[0] === 'i') out[name] = typed(next, -1, 1);
    else out[name] = typed(next, -2, 2);
  }
  return out as Params;
}

function query(params: Params): string {
  return `?${PARAM_NAMES.map((n) => `${n}=${params[n]}`).join('&')}`;
}

/** Pages whose build shows numbers; each gets two configurations (1.5 among them). */
const numberPages = pagePaths().filter((p) => builtHtml(p).includes(' data-q='));
const SEED = 20261130;

/** The page script has run (it marks the precision on <html>) and the fields have hydrated. */
async function pageScriptHasRun(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      // documentElement is null for a moment while a followed link's page replaces this one.
      !!document.documentElement?.hasAttribute('data-precision') &&
      document.querySelector('astro-island[ssr][client="load"]') === null,
  );
}

/** Compares every `[data-q]` with the math module several times over `ms`, as islands hydrate. */
async function expectTrueThroughout(page: Page, params: Params, ms: number): Promise<void> {
  const until = Date.now() + ms;
  let samples = 0;
  do {
    expect(await mismatchesInPage(page, params), `sample ${samples + 1}`).toEqual([]);
    samples++;
    await page.waitForTimeout(100);
  } while (Date.now() < until);
}

/** Types `text` into the page's first field of `name` without scrolling (no Playwright fill). */
async function typeWithoutScrolling(page: Page, name: ParamName, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const input = document.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (!input) throw new Error(`no field ${name}`);
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { name, text },
  );
}

/** The name of the page's first parameter field, if it has one. */
async function firstFieldName(page: Page): Promise<ParamName | undefined> {
  const fields = page.locator('input[name]');
  if ((await fields.count()) === 0) return undefined;
  return ((await fields.first().getAttribute('name')) ?? undefined) as ParamName | undefined;
}

test.beforeEach(async ({ page }) => {
  await serveMathModule(page);
});

numberPages.forEach((path, pageIndex) => {
  for (const k of [0, 1]) {
    const seed = SEED + 10 * pageIndex + k;
    const params = configuration(seed);
    test(`${path} (seed ${seed}): every number matches the address before anything is scrolled to, and after an edit`, async ({ page }) => {
      await page.goto(`${path}${query(params)}`);
      await pageScriptHasRun(page);
      const shown = await readShown(page);
      expect(shown.length).toBeGreaterThan(0);
      await expectTrueThroughout(page, params, 1_500);

      const name = await firstFieldName(page);
      if (name) {
        const edited = { ...params, [name]: configuration(seed + 1000)[name] };
        await typeWithoutScrolling(page, name, String(edited[name]));
        await expectTrueThroughout(page, edited, 1_000);
      }
      expect(await page.evaluate(() => window.scrollY), 'the test never scrolled').toBe(0);
    });
  }
});

/** Whether a page has an island that hydrates when needed and shows numbers (the Embed action beside a step shows none). */
function hasWaitingNumbers(path: string): boolean {
  return /<astro-island[^>]*client="needed"[^>]*>(?:(?!<\/astro-island>)[\s\S])*?\sdata-q=/.test(builtHtml(path));
}

test.describe('with the islands’ own code held back', () => {
  for (const path of numberPages.filter(hasWaitingNumbers)) {
    test(`${path}: the page script alone keeps the numbers of islands that have not hydrated`, async ({ page }) => {
      // Islands hydrate only once their component module arrives; here it never does.
      const held = /\/_astro\/(UpdateTable|EpochStepper|LossChart|WorkbookTools|NetworkFigure|SlopeFigure|ContourFigure)\.[^/]*\.js$/;
      await page.route((url) => held.test(url.pathname), (route) => route.abort());
      const params = configuration(SEED + 500);
      await page.goto(`${path}${query(params)}`);
      await pageScriptHasRun(page);
      const waiting = await page.locator('astro-island[ssr] [data-q]').count();
      expect(waiting, 'numbers inside islands that have not hydrated').toBeGreaterThan(0);
      expect(await mismatchesInPage(page, params)).toEqual([]);
      const name = (await firstFieldName(page)) ?? 'lr';
      const edited = { ...params, [name]: configuration(SEED + 501)[name] };
      await typeWithoutScrolling(page, name, String(edited[name]));
      expect(await mismatchesInPage(page, edited)).toEqual([]);
    });
  }
});

test('the contents page’s section links carry the configuration', async ({ page }) => {
  const params = configuration(SEED + 900);
  const search = query(params);
  const contents = pagePaths().find((p) => !/\d+-\d+-/.test(p)) ?? '/';
  await page.goto(`${contents}${search}`);
  const links = page.locator('ol.contents a');
  expect(await links.count()).toBeGreaterThan(0);
  for (const link of await links.all()) {
    const href = new URL((await link.getAttribute('href')) ?? '', page.url());
    for (const name of PARAM_NAMES) expect(href.searchParams.get(name), `${name} on ${href.pathname}`).toBe(String(params[name]));
  }
  // Followed, a link opens its section with those values.
  await links.nth(2).click();
  await pageScriptHasRun(page);
  expect(await mismatchesInPage(page, params)).toEqual([]);
  expect(new URL(page.url()).pathname).toBe(sectionPath(SECTION_SLUGS.forward));
  expect(ARTICLE_PARAMS.w1).not.toBe(params.w1);
});

test.describe('dragging w5', () => {
  /** The parameters in force during a drag: the address waits for the release, the fields do not. */
  async function paramsOnScreen(page: Page): Promise<Params> {
    const w5 = Number(await page.locator('input[name="w5"]').first().inputValue());
    return { ...paramsFromQuery(new URL(page.url()).searchParams).params, w5 };
  }

  for (const path of [sectionPath(SECTION_SLUGS.backprop), sitePath('all/')]) {
    test(`${path}: every number is true during a drag of w5 and after it, and figures far off screen catch up on release (those still far wait for the next change)`, async ({ page }) => {
      await page.goto(path);
      await pageScriptHasRun(page);
      const { x, y } = await pressOnW5(page);
      const scrolled = await page.evaluate(() => window.scrollY);
      for (let i = 1; i <= 6; i++) await page.mouse.move(x + 8 * i, y);
      // The first change wakes the figures' code (client:needed); once they are drawn, they wait while far off.
      await expect(page.locator('astro-island:has(#fig-slope)')).not.toHaveAttribute('ssr', { timeout: 30_000 });
      await page.mouse.move(x + 60, y);
      await expect.poll(() => page.locator('astro-island[data-waiting]').count(), 'islands waiting far off screen').toBeGreaterThan(0);
      for (const dx of [72, 64]) {
        await page.mouse.move(x + dx, y);
        const during = await paramsOnScreen(page);
        expect(during.w5, 'w5 moved').not.toBe(ARTICLE_PARAMS.w5);
        expect(await mismatchesInPage(page, during), `during the drag, w5 = ${during.w5}`).toEqual([]);
      }
      await page.mouse.up();
      // An island still off the screen goes on waiting (for the next change); none on it does.
      expect(await page.locator('astro-island[data-waiting]').evaluateAll((islands) =>
        islands.filter((island) => {
          const box = (island.firstElementChild ?? island).getBoundingClientRect();
          return box.bottom > 0 && box.top < innerHeight;
        }).length,
      ), 'islands on the screen waiting after the release').toBe(0);
      await expect(page).toHaveURL(/w5=/);
      const after = paramsFromQuery(new URL(page.url()).searchParams).params;
      expect(await mismatchesInPage(page, after), 'after the release').toEqual([]);
      /** ∂E/∂w5 as the slope figure writes it, from the math module the page loads. */
      const slopeFor = (params: Params) => page.evaluate(async ({ url, params }) => String((await import(url)).evaluate(params).dE_dw5), { url: '/__test-math-module__/index.js', params });
      const slope = await slopeFor(after);
      await expect(page.locator('#fig-slope .slope-tangent'), 'the slope figure drew the weight in force').toHaveAttribute('data-slope', slope);
      // Figures that waited render their own numbers again: a later edit reaches them.
      await typeWithoutScrolling(page, 'w6', '-0.75');
      expect(await mismatchesInPage(page, { ...after, w6: -0.75 }), 'after a later edit').toEqual([]);
      // A figure far from the screen catches up with a typed edit by itself, in idle time.
      const edited = await slopeFor({ ...after, w6: -0.75 });
      expect(edited).not.toBe(slope);
      await expect(page.locator('#fig-slope .slope-tangent'), 'the far slope figure after a typed edit').toHaveAttribute('data-slope', edited);
      expect(await page.evaluate(() => window.scrollY), 'nothing scrolled but to the number dragged').toBe(scrolled);
    });
  }
});
