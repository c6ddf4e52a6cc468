/**
 * Embeds (issue 10, item 1; issue 17), framed the way an instructor frames them: the snippet pasted
 * into a course page served from another origin (and another site: localhost while the tutorial is
 * on 127.0.0.1). The tests whose result depends on the embed's address (the links and snippets it
 * writes, its address kept under the base, one framed embed live end to end, one static view, one
 * section's islands) run under a sub-path build too (`@subpath`); the others do not depend on it.
 *
 * - the height message arrives, in its documented shape, and the frame takes the height, at a
 *   phone's and a desktop's width; without the script the frame keeps its fixed height and works;
 * - sandboxed (`allow-scripts` alone: origin "null", module scripts refused), or with scripts off,
 *   the embed still shows its content with a notice and a link, and still resizes; a course page
 *   whose CSP refuses the frame keeps the plain link below it;
 * - `lock` holds against the field, Reset, a pointer drag and the address (a deep link inside the
 *   embed keeps it), and a locked value is shown as fixed everywhere; `hide` hides; `steps` shows
 *   only those steps; `theme` sets the colours whatever the system's;
 * - every number is right for the query, before anything is scrolled to (issue 7);
 * - "Open in the full tutorial" opens the same step and configuration;
 * - axe finds nothing inside the embed;
 * - a step's Share control gives that snippet, by keyboard at 320 px.
 */
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, PARAM_NAMES, createResolver, formatQuantity, type Params } from '../src/lib/backprop';
import { EMBED_HEIGHT_MESSAGE } from '../src/lib/embed/address';
import { embedSnippet } from '../src/lib/embed/snippet';
import { shareStep } from './support/share';
import { steadyPoint } from './support/explain';
import { AXE_TAGS, axeViolations, watchPage } from './support/a11y-page';
import { coursePage, embedPathFor, layOutEverything, startHost, stopLayingOutEverything, type Host } from './support/embed-host';
import { expect, test } from './support/fixtures';
import { mismatchesInPage, serveMathModule, withParams } from './support/quantities';
import { SECTION_SLUGS, type Site } from './support/site';

test.describe.configure({ timeout: 90_000 });

const BACKPROP = SECTION_SLUGS.backprop;
const ALL_SLUGS = ['1-1-introduction', '1-2-the-network', SECTION_SLUGS.forward, BACKPROP, SECTION_SLUGS.update] as const;
/** The frame's height without the script, in the tests' own snippets. */
const FIXED_HEIGHT = 600;

let host: Host;
test.beforeAll(async ({}, info) => {
  host = await startHost(info.workerIndex);
});
test.afterAll(async () => {
  await host.close();
});
test.beforeEach(async ({ page }) => {
  await serveMathModule(page);
});

/** The embed's absolute address on the site under test. */
function embedUrl(site: Site, baseURL: string | undefined, slug: string, query: string): string {
  return new URL(embedPathFor(site, slug, query), baseURL).href;
}

/** The embed has applied its address and the page script has run. */
async function embedReady(frame: Frame | Page): Promise<void> {
  await frame.waitForFunction(() => !!document.documentElement?.hasAttribute('data-embed-ready') && document.documentElement.hasAttribute('data-precision'));
}

/** Loads a course page on the other origin holding `pasted`, and returns the embed's frame once it is ready. */
async function openCoursePage(page: Page, pasted: string): Promise<Frame> {
  await page.goto(host.page(coursePage(pasted)));
  const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the course page has no frame');
  await frame.waitForURL(/\/embed\//);
  await embedReady(frame);
  return frame;
}

/** The snippet for the embed of `slug` with `query`, at the tests' fixed height. */
function snippetFor(site: Site, baseURL: string | undefined, slug: string, query: string): string {
  const link = { href: new URL(site.sectionPath(slug), baseURL).href, text: `${slug}, in the full tutorial` };
  return embedSnippet({ src: embedUrl(site, baseURL, slug, query), title: `Backpropagation, live: ${slug}`, height: FIXED_HEIGHT, link });
}

/** A course page framing the embed of `slug` with `query`, through the snippet's own code. */
async function frameEmbed(page: Page, site: Site, baseURL: string | undefined, slug: string, query: string, withScript = true): Promise<Frame> {
  const snippet = snippetFor(site, baseURL, slug, query);
  return openCoursePage(page, withScript ? snippet : snippet.replace(/<script>[\s\S]*<\/script>/, ''));
}

/** The frame of a course page holding `pasted`, once its document has loaded (whatever runs in it). */
async function loadedFrame(page: Page, pasted: string): Promise<Frame> {
  await page.goto(host.page(coursePage(pasted)));
  const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the course page has no frame');
  await frame.waitForURL(/\/embed\//);
  await frame.waitForLoadState('load');
  return frame;
}

/** The visible text of the embed, as a reader who scrolls through it reads it. */
async function visibleText(frame: Frame): Promise<string> {
  await layOutEverything(frame);
  const text = await frame.evaluate(() => document.body.innerText);
  await stopLayingOutEverything(frame);
  return text;
}

/** `mismatchesInPage` reads a page through $$eval and evaluate, which a frame has too. */
function mismatchesIn(frame: Frame, params: Params, digits?: number): Promise<string[]> {
  return mismatchesInPage(frame as unknown as Page, params, digits);
}

/** The frame element's height and the height of what the embed shows. */
async function heights(page: Page, frame: Frame): Promise<{ frame: number; content: number }> {
  return {
    frame: await page.locator('iframe').evaluate((el) => Math.round(el.getBoundingClientRect().height)),
    content: await frame.evaluate(() => Math.ceil(document.querySelector('.embed-main')?.getBoundingClientRect().height ?? 0)),
  };
}

/** The height of what the embed shows with every part laid out (none skipped off the screen). */
async function wholeHeight(frame: Frame): Promise<number> {
  await layOutEverything(frame);
  const height = (await heights(frame.page(), frame)).content;
  await stopLayingOutEverything(frame);
  return height;
}

/**
 * The whole of 1.4 framed on a course page of the given size, once parts off the screen may be skipped
 * and the frame is as high as the section with every part laid out (`whole`).
 */
async function frameWholeSection(page: Page, site: Site, baseURL: string | undefined, viewport: { width: number; height: number }): Promise<{ frame: Frame; whole: number }> {
  await page.setViewportSize(viewport);
  const frame = await frameEmbed(page, site, baseURL, BACKPROP, '');
  await expect.poll(() => frame.evaluate(() => document.documentElement.hasAttribute('data-laid-out'))).toBe(true);
  const whole = await wholeHeight(frame);
  await expect.poll(async () => (await heights(page, frame)).frame).toBe(whole);
  return { frame, whole };
}

/** The height messages the course page received, as it received them. */
async function heightMessages(page: Page): Promise<{ origin: string; data: Record<string, unknown> }[]> {
  return page.evaluate(
    (type) =>
      (window as unknown as { received: { origin: string; data: Record<string, unknown> }[] }).received.filter(
        (m) => m.data && typeof m.data === 'object' && m.data['type'] === type,
      ),
    EMBED_HEIGHT_MESSAGE,
  );
}

/** Ids of the steps the embed shows. */
async function shownSteps(frame: Frame): Promise<string[]> {
  return frame.locator('.embed-body > .step').evaluateAll((steps) => steps.filter((s) => s.getClientRects().length > 0).map((s) => s.id));
}

test.describe('framed on another origin', () => {
  for (const width of [320, 1280]) {
    test(`the height message arrives in its documented shape and the frame takes the height, at ${width} px`, async ({ page, baseURL, site }) => {
      await page.setViewportSize({ width, height: 800 });
      const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=6&w1=0.3&lock=w1');
      await expect.poll(async () => (await heightMessages(page)).length).toBeGreaterThan(0);
      const messages = await heightMessages(page);
      const siteOrigin = new URL(baseURL ?? '').origin;
      for (const m of messages) {
        expect(m.origin).toBe(siteOrigin);
        expect(Object.keys(m.data).sort()).toEqual(['height', 'type']);
        expect(Number.isInteger(m.data['height'])).toBe(true);
      }
      await expect.poll(async () => { const h = await heights(page, frame); return h.frame - h.content; }).toBe(0);
      const { content } = await heights(page, frame);
      expect(content, 'the frame left its fixed height').not.toBe(FIXED_HEIGHT);
      expect((await heightMessages(page)).at(-1)?.data['height']).toBe(content);
      // Nothing scrolls inside the frame: it is as high as its content.
      expect(await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1);
    });
  }

  test('when the course page narrows, a new height arrives and the frame follows', async ({ page, baseURL, site }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=5-6');
    await expect.poll(async () => { const h = await heights(page, frame); return h.frame - h.content; }).toBe(0);
    const wide = (await heights(page, frame)).frame;
    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(async () => (await heights(page, frame)).frame).toBeGreaterThan(wide);
    await expect.poll(async () => { const h = await heights(page, frame); return h.frame - h.content; }).toBe(0);
    // Every part laid out again at the new width: none counts at the height it had when wider.
    expect((await heights(page, frame)).frame).toBe(await wholeHeight(frame));
  });

  test('a whole section framed is as high as all of it, and skips what is off the course page\'s screen as a page does', async ({ page, baseURL, site }) => {
    const { frame, whole } = await frameWholeSection(page, site, baseURL, { width: 390, height: 800 });
    // The course page shows the frame's first screen: the last step's content, screens below, is not rendered.
    const lastStepRendered = () => frame.locator('.embed-body .step').last().evaluate((step) => !!step.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }));
    expect(await lastStepRendered()).toBe(false);
    // Scrolling the course page through the frame renders each part at the height it had: no new height.
    const sent = (await heightMessages(page)).length;
    for (let y = 0; y <= whole + 800; y += 700) {
      await page.evaluate((top) => scrollTo(0, top), y);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    }
    await frame.locator('.embed-body .step').last().scrollIntoViewIfNeeded();
    await expect.poll(lastStepRendered).toBe(true);
    expect((await heightMessages(page)).length).toBe(sent);
    expect((await heights(page, frame)).frame).toBe(whole);
  });

  test('a whole section framed stays as high as all of it when a change makes parts off the screen shorter or taller', async ({ page, baseURL, site }) => {
    const { frame, whole: before } = await frameWholeSection(page, site, baseURL, { width: 320, height: 640 });
    // The field is at the frame's top; the notes whose words follow t2 are screens below.
    await frame.locator('input[name="t2"]').first().fill('0.42');
    // Without scrolling: the new height arrives, and it is the whole of the section at the new values.
    await expect.poll(async () => (await heights(page, frame)).frame, { timeout: 15_000 }).not.toBe(before);
    expect((await heights(page, frame)).frame).toBe(await wholeHeight(frame));
  });

  test('a whole section framed whose fonts arrive late is still as high as all of it', async ({ page, baseURL, site }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    let held = 0;
    await page.route(/\.woff2$/, async (route) => {
      held++;
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, '');
    await frame.waitForFunction(() => document.fonts.status === 'loaded' && document.documentElement.hasAttribute('data-laid-out'));
    expect(held, 'the typeset math asked for its fonts').toBeGreaterThan(0);
    await expect.poll(async () => (await heights(page, frame)).frame).toBe(await wholeHeight(frame));
  });

  test('without the script (a site that strips it), the frame keeps its fixed height and works', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=6&w1=0.3&lock=w1', false);
    await page.waitForTimeout(500);
    expect((await heights(page, frame)).frame).toBe(FIXED_HEIGHT);
    expect(await mismatchesIn(frame, withParams({ w1: 0.3 }))).toEqual([]);
    // The content is taller than the frame, and the frame scrolls inside to show it.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(FIXED_HEIGHT);
    await frame.locator('input[name="w2"]').fill('0.7');
    expect(await mismatchesIn(frame, withParams({ w1: 0.3, w2: 0.7 }))).toEqual([]);
  });

  test('the site lets another origin frame its embeds: no X-Frame-Options, no frame-ancestors', async ({ request, baseURL, site }) => {
    const response = await request.get(embedUrl(site, baseURL, BACKPROP, '?steps=6'));
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['x-frame-options']).toBeUndefined();
    expect(headers['content-security-policy'] ?? '').not.toContain('frame-ancestors');
    expect(await response.text()).not.toContain('frame-ancestors');
  });
});


test.describe('sandboxed, refused or without scripts: never blank', () => {
  const query = '?steps=6&w1=0.3&lock=w1';

  for (const width of [320, 600, 1000]) {
    test(`sandbox="allow-scripts" alone (origin null): the content shows with a notice and a link, and the frame resizes, at ${width} px${width === 320 ? ' @subpath' : ''}`, async ({ page, baseURL, site }) => {
      await page.setViewportSize({ width, height: 800 });
      const snippet = snippetFor(site, baseURL, BACKPROP, query).replace('<iframe ', '<iframe sandbox="allow-scripts" ');
      const frame = await loadedFrame(page, snippet);
      expect(await frame.evaluate(() => self.origin)).toBe('null');
      // The module scripts were refused (this server sends no CORS headers): the static view.
      await expect(frame.locator('html')).toHaveAttribute('data-embed-static', '');
      const notice = frame.locator('.embed-static');
      await expect(notice).toBeVisible();
      await expect(notice.locator('a')).toHaveAttribute('href', `${site.sectionPath(BACKPROP)}#step-6`);
      await expect(notice.locator('a')).not.toHaveAttribute('target', /./);
      // The content, with text, at the build's values.
      await expect(frame.locator('#step-6')).toBeVisible();
      expect((await visibleText(frame)).length).toBeGreaterThan(2000);
      expect(await mismatchesIn(frame, ARTICLE_PARAMS)).toEqual([]);
      expect(await frame.locator('input[name="w2"]').isDisabled()).toBe(true);
      // The height reached the course page through the documented snippet, from the origin "null".
      await expect.poll(async () => (await heightMessages(page)).length).toBeGreaterThan(0);
      expect((await heightMessages(page)).every((m) => m.origin === 'null')).toBe(true);
      await expect.poll(async () => { const h = await heights(page, frame); return h.frame - h.content; }).toBe(0);
      expect((await heights(page, frame)).frame).toBeGreaterThan(FIXED_HEIGHT);
    });
  }

  test('sandbox="allow-scripts allow-same-origin": the embed is live, as unsandboxed', async ({ page, baseURL, site }) => {
    const snippet = snippetFor(site, baseURL, BACKPROP, query).replace('<iframe ', '<iframe sandbox="allow-scripts allow-same-origin" ');
    const frame = await openCoursePage(page, snippet);
    await expect(frame.locator('.embed-static')).toBeHidden();
    expect(await shownSteps(frame)).toEqual(['step-6']);
    expect(await mismatchesIn(frame, withParams({ w1: 0.3 }))).toEqual([]);
    await expect.poll(async () => { const h = await heights(page, frame); return h.frame - h.content; }).toBe(0);
  });

  test('a sandbox without allow-scripts: the content shows, with the no-script line and a link @subpath', async ({ page, baseURL, site }) => {
    const snippet = snippetFor(site, baseURL, BACKPROP, query).replace('<iframe ', '<iframe sandbox="" ');
    await page.goto(host.page(coursePage(snippet)));
    // No script runs in this frame, not even the test's: it is read through locators only.
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('.embed-noscript')).toBeVisible();
    await expect(frame.locator('.embed-noscript a')).toHaveAttribute('href', site.sectionPath(BACKPROP));
    await expect(frame.locator('#step-6')).toBeVisible();
    expect((await frame.locator('body').innerText()).length).toBeGreaterThan(2000);
    await expect(frame.locator('[data-q="E_total"]').first()).toHaveText(formatQuantity({ name: 'E_total' }, createResolver(ARTICLE_PARAMS)({ name: 'E_total' }), ARTICLE_DIGITS));
  });

  test('a course page whose CSP refuses the frame still has the plain link to the step below it', async ({ page, baseURL, site }) => {
    const snippet = snippetFor(site, baseURL, BACKPROP, query);
    const refused: string[] = [];
    page.on('console', (m) => m.type() === 'error' && refused.push(m.text()));
    await page.goto(host.page(coursePage(snippet, "frame-src 'none'")));
    await expect.poll(() => refused.some((text) => /Content Security Policy/.test(text))).toBe(true);
    const link = page.locator('iframe + p a');
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', new URL(site.sectionPath(BACKPROP), baseURL).href);
  });
});

test.describe('theme=', () => {
  /** The embed's background colour, as rendered. */
  const background = (frame: Frame) => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  /** Whether a CSS colour is dark (its luminance below a half). */
  const isDark = (colour: string) => {
    const [r = 0, g = 0, b = 0] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  };

  for (const [theme, system] of [['dark', 'light'], ['light', 'dark']] as const) {
    test(`theme=${theme} renders ${theme} on a ${system} system; without it the system's`, async ({ page, baseURL, site }) => {
      await page.emulateMedia({ colorScheme: system });
      let frame = await frameEmbed(page, site, baseURL, BACKPROP, `?steps=6&theme=${theme}`);
      expect(isDark(await background(frame))).toBe(theme === 'dark');
      expect(await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(theme);
      frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=6');
      expect(isDark(await background(frame))).toBe(system === 'dark');
    });
  }

  test('applies in a frame whose module scripts are refused, too', async ({ page, baseURL, site }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const frame = await loadedFrame(page, snippetFor(site, baseURL, BACKPROP, '?steps=6&theme=dark').replace('<iframe ', '<iframe sandbox="allow-scripts" '));
    await expect(frame.locator('html')).toHaveAttribute('data-embed-static', '');
    expect(isDark(await background(frame))).toBe(true);
  });
});

test.describe('an embed carries what it shows', () => {
  /** The ids of the steps in the embed's document, shown or not. */
  const stepsInDom = (frame: Frame) => frame.evaluate(() => [...document.querySelectorAll('[id^="step-"]')].map((el) => el.id));
  /** The embed's path inside the site. */
  const pathOf = (frame: Frame, site: Site) => site.inside(new URL(frame.url()).pathname);

  test('steps=6 holds Step 6 alone, with the lock, hide= and the height message as before @subpath', async ({ page, baseURL, site }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=6&w1=0.3&lock=w1&hide=toolbar');
    expect(await stepsInDom(frame)).toEqual(['step-6']);
    await expect(frame.locator('h1')).toContainText('Step 6');
    // Its part's heading and the fields its numbers depend on; nothing else of the section.
    expect(await frame.locator('.embed-body > h2').allTextContents()).toEqual([expect.stringMatching(/hidden layer/i)]);
    await expect(frame.locator('input[name="w5"]')).toBeVisible();
    await expect(frame.locator('astro-island, #fig-slope')).toHaveCount(0);
    // lock= and hide= as before.
    await expect(frame.locator('input[name="w1"]')).not.toBeEditable();
    await expect(frame.locator('[data-toolbar]')).toBeHidden();
    expect(await mismatchesIn(frame, withParams({ w1: 0.3 }))).toEqual([]);
    await frame.locator('input[name="w2"]').fill('0.7');
    expect(await mismatchesIn(frame, withParams({ w1: 0.3, w2: 0.7 }))).toEqual([]);
    // The height message, and the frame as high as Step 6.
    await expect.poll(async () => (await heightMessages(page)).length).toBeGreaterThan(0);
    await expect.poll(async () => { const h = await heights(page, frame); return h.frame - h.content; }).toBe(0);
    expect((await heightMessages(page)).at(-1)?.data['height']).toBe((await heights(page, frame)).content);
  });

  test('steps=2-3 holds exactly Steps 2 and 3, hide=notes leaving out their notes @subpath', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=2-3&hide=notes');
    expect(await stepsInDom(frame)).toEqual(['step-2', 'step-3']);
    await expect(frame.locator('h1')).toContainText('Steps 2–3');
    expect(await frame.locator('.mistake-note').count()).toBeGreaterThan(0);
    expect(await frame.locator('.mistake-note').evaluateAll((notes) => notes.filter((n) => n.getClientRects().length > 0).length)).toBe(0);
    expect(await mismatchesIn(frame, ARTICLE_PARAMS)).toEqual([]);
  });

  test('an older address arrives at the page of its steps with every other part of it, and no height of the whole section reaches the course page @subpath', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=6&w1=0.3&lock=w1&hide=notes&theme=dark#step-6');
    expect(pathOf(frame, site)).toBe(`embed/${BACKPROP}/steps/6/`);
    const address = new URL(frame.url());
    expect([...address.searchParams].sort()).toEqual([['hide', 'notes'], ['lock', 'w1'], ['theme', 'dark'], ['w1', '0.3']]);
    expect(address.hash).toBe('#step-6');
    await expect.poll(async () => { const h = await heights(page, frame); return h.frame - h.content; }).toBe(0);
    const content = (await heights(page, frame)).content;
    expect(Math.max(...(await heightMessages(page)).map((m) => Number(m.data['height'])))).toBeLessThanOrEqual(content);
    // A steps= this section has not: the whole section, which says so.
    const whole = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=9&lock=w1');
    expect(pathOf(whole, site)).toBe(`embed/${BACKPROP}/`);
    expect(await stepsInDom(whole)).toHaveLength(8);
    await expect(whole.locator('[data-embed-notice]')).toContainText('steps');
  });

  test('in a frame sandboxed with allow-scripts alone, an older address arrives too, and the static view shows Step 6 alone @subpath', async ({ page, baseURL, site }) => {
    const snippet = snippetFor(site, baseURL, BACKPROP, '?steps=6&w1=0.3&lock=w1').replace('<iframe ', '<iframe sandbox="allow-scripts" ');
    const frame = await loadedFrame(page, snippet);
    await expect.poll(() => pathOf(frame, site)).toBe(`embed/${BACKPROP}/steps/6/`);
    await expect(frame.locator('html')).toHaveAttribute('data-embed-static', '');
    await expect(frame.locator('#step-6')).toBeVisible();
    expect(await stepsInDom(frame)).toEqual(['step-6']);
    await expect(frame.locator('.embed-static a')).toHaveAttribute('href', `${site.sectionPath(BACKPROP)}#step-6`);
    await expect.poll(async () => { const h = await heights(page, frame); return h.frame - h.content; }).toBe(0);
  });

  test('the page of Step 6 is a short page: at most 30 KB of gzipped HTML and 3,000 elements once loaded', async ({ page, request, site }) => {
    const path = site.path(`embed/${BACKPROP}/steps/6/`);
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const html = await response.body();
    expect(gzipSync(html).length).toBeLessThanOrEqual(30_000);
    await page.goto(path);
    await embedReady(page);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThanOrEqual(3_000);
  });
});

test.describe('what the address asks for', () => {
  test('steps= shows only those steps, with the query’s values, and names them', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=5-6&w1=0.3');
    expect(await shownSteps(frame)).toEqual(['step-5', 'step-6']);
    // The page of the steps carries their part's heading.
    await expect(frame.locator('.embed-body > h2').first()).toBeVisible();
    await expect(frame.locator('h1')).toContainText('Steps 5–6');
    expect(await frame.title()).toMatch(/^Steps 5–6 · 1\.4 Backpropagation/);
    expect(await mismatchesIn(frame, withParams({ w1: 0.3 }))).toEqual([]);
  });

  test('hide= removes the fields and the toolbar, or the corrections; without it they show', async ({ page, baseURL, site }) => {
    let frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=6&hide=fields,toolbar');
    expect(await frame.locator('input[data-param]').evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length)).toBe(0);
    await expect(frame.locator('[data-toolbar]')).toBeHidden();
    expect(await shownSteps(frame)).toEqual(['step-6']);

    frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=6');
    await expect(frame.locator('input[name="w1"]')).toBeVisible();
    await expect(frame.locator('[data-toolbar]')).toBeVisible();

    frame = await frameEmbed(page, site, baseURL, SECTION_SLUGS.forward, '');
    await expect(frame.locator('.erratum').first()).toBeVisible();
    frame = await frameEmbed(page, site, baseURL, SECTION_SLUGS.forward, '?hide=errata');
    expect(await frame.locator('.erratum').count()).toBeGreaterThan(0);
    for (const erratum of await frame.locator('.erratum').all()) await expect(erratum).toBeHidden();
    await expect(frame.locator('input[name="w1"]').first()).toBeVisible();
  });

  test('hide=notes leaves out every "Where spreadsheets go wrong" note, which show without it', async ({ page, baseURL, site }) => {
    let frame = await frameEmbed(page, site, baseURL, BACKPROP, '');
    expect(await frame.locator('.mistake-note').count()).toBeGreaterThan(0);
    await expect(frame.locator('.mistake-note').first()).toBeVisible();
    frame = await frameEmbed(page, site, baseURL, BACKPROP, '?hide=notes');
    expect(await frame.locator('.mistake-note').evaluateAll((notes) => notes.filter((n) => n.getClientRects().length > 0).length)).toBe(0);
    expect(await frame.locator('[data-embed-notice]').isHidden()).toBe(true);
  });

  test('what cannot be used is named in a notice, and the whole section is shown', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=12&lock=w9&hide=header&theme=pink');
    const notice = frame.locator('[data-embed-notice]');
    await expect(notice).toBeVisible();
    await expect(notice.locator('li')).toHaveCount(4);
    expect(await shownSteps(frame)).toHaveLength(8);
  });

  // Every section, with every parameter changed and eight digits: each number is right before anything is scrolled to.
  ALL_SLUGS.forEach((slug, s) => {
    test(`${slug}: every number is right for the query, before anything is scrolled to${slug === SECTION_SLUGS.update ? ' @subpath' : ''}`, async ({ page, baseURL, site }) => {
      const params = Object.fromEntries(
        PARAM_NAMES.map((name, k) => [name, name === 'lr' ? 0.25 + s / 4 : Number((((k * 37 + s * 11) % 41) / 20 - 1 + ARTICLE_PARAMS[name]).toFixed(3))]),
      ) as Params;
      const query = `?${PARAM_NAMES.map((n) => `${n}=${params[n]}`).join('&')}&digits=8`;
      const frame = await frameEmbed(page, site, baseURL, slug, query);
      expect(await mismatchesIn(frame, params, 8)).toEqual([]);
      // Islands hydrate as the state differs from the article's: still right after that.
      await frame.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
      expect(await mismatchesIn(frame, params, 8)).toEqual([]);
      expect(await frame.evaluate(() => window.scrollY)).toBe(0);
    });
  });
});

test.describe('lock=', () => {
  const query = '?steps=5&w1=0.3&w5=0.6&lock=w1,w5';
  const locked = withParams({ w1: 0.3, w5: 0.6 });

  test('holds against the field: read-only, and an input event sent anyway is refused', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, query);
    const w5 = frame.locator('input[name="w5"]');
    await expect(w5).toHaveValue('0.6');
    await expect(w5).not.toBeEditable();
    await expect(frame.locator('.field[data-locked]')).toHaveCount(2);
    await w5.focus();
    await page.keyboard.type('9');
    await page.keyboard.press('Backspace');
    await expect(w5).toHaveValue('0.6');
    // What an extension or a script might do: the state refuses it and the field shows the value in force.
    await w5.evaluate((el: HTMLInputElement) => {
      el.value = '0.9';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(w5).toHaveValue('0.6');
    expect(await mismatchesIn(frame, locked)).toEqual([]);
    // The others stay free.
    await frame.locator('input[name="w6"]').fill('0.1');
    expect(await mismatchesIn(frame, { ...locked, w6: 0.1 })).toEqual([]);
  });

  test('a locked value is shown as fixed: its card has no field and says why, its controls are read-only, the keyboard says so', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?w5=0.6&lock=w5');
    const fixed = withParams({ w5: 0.6 });
    // The section's fields.
    for (const field of await frame.locator('input[name="w5"]').all()) await expect(field).toHaveAttribute('aria-readonly', 'true');
    // A number in an equation: no drag cursor, no dotted underline.
    const number = frame.locator('.katex-html [data-q="w5"]').first();
    await number.scrollIntoViewIfNeeded();
    expect(await number.evaluate((el) => getComputedStyle(el).cursor)).not.toBe('ew-resize');
    await number.hover();
    expect(await number.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
    // Its explanation: no field to change it, and words that say it is fixed.
    await number.click();
    const card = frame.locator('#explanation');
    await expect(card.locator('[data-explain-says="locked"]')).toContainText('Set by your course page');
    await expect(card.locator('input')).toHaveCount(0);
    await page.keyboard.press('Escape');
    // The keyboard: the live region says it is fixed, and Up changes nothing.
    const stop = frame.locator('[data-explain-stop]').filter({ has: frame.locator('.katex-html [data-q="w5"]') }).first();
    await stop.focus();
    const said = frame.locator('[data-explain-said]');
    for (let k = 0; k < 40 && !/^w₅ /.test((await said.textContent()) ?? ''); k++) await page.keyboard.press('ArrowRight');
    await expect(said).toHaveText(/^w₅ = 0\.6, fixed by your course page$/);
    await page.keyboard.press('ArrowUp');
    expect(await mismatchesIn(frame, fixed)).toEqual([]);
    // The slope figure's point (w5 by default): read-only, and the keys change nothing.
    const figure = frame.locator('#fig-slope');
    await figure.scrollIntoViewIfNeeded();
    const slider = figure.getByRole('slider');
    await expect(slider).toHaveAttribute('aria-readonly', 'true');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    expect(await mismatchesIn(frame, fixed)).toEqual([]);
  });

  test('holds against Reset, which resets the others', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, query);
    const reset = frame.locator('[data-action="reset"]');
    await expect(reset, 'nothing to reset while only locked values differ').toHaveAttribute('aria-disabled', 'true');
    await frame.locator('input[name="w2"]').fill('0.7');
    await expect(reset).not.toHaveAttribute('aria-disabled', 'true');
    await reset.click();
    await expect(frame.locator('input[name="w2"]')).toHaveValue(String(ARTICLE_PARAMS.w2));
    expect(await mismatchesIn(frame, locked)).toEqual([]);
  });

  test('holds against a pointer drag on the locked number and on its field', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, query);
    const targets = [frame.locator('#step-5 .katex-html [data-q="w5"]').first(), frame.locator('input[name="w5"]')];
    for (const target of targets) {
      const { x, y } = await steadyPoint(target);
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let k = 1; k <= 10; k++) await page.mouse.move(x + 15 * k, y - 6 * k);
      await page.mouse.up();
      expect(await mismatchesIn(frame, locked)).toEqual([]);
    }
    await expect(frame.locator('input[name="w5"]')).toHaveValue('0.6');
  });

  test('holds against the address: edits and a deep link inside the embed keep it, without a reload @subpath', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, query);
    await frame.locator('input[name="w2"]').fill('0.7');
    // The frame's address reaches the test a moment after the page wrote it.
    await expect.poll(() => new URL(frame.url()).searchParams.get('w2')).toBe('0.7');
    let address = new URL(frame.url()).searchParams;
    expect([address.get('lock'), address.get('w1'), address.get('w5'), address.get('w2'), address.get('steps')]).toEqual(['w1,w5', '0.3', '0.6', '0.7', null]);
    expect(new URL(frame.url()).pathname).toBe(site.path(`embed/${BACKPROP}/steps/5/`));
    await frame.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await (await shareStep(frame, 'step-5')).getByRole('link', { name: 'Copy link' }).click();
    await expect.poll(() => new URL(frame.url()).hash).toBe('#step-5');
    expect(await frame.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'the embed did not reload').toBe(true);
    address = new URL(frame.url()).searchParams;
    expect(address.get('lock')).toBe('w1,w5');
    await expect(frame.locator('input[name="w5"]')).not.toBeEditable();
    expect(await mismatchesIn(frame, { ...locked, w2: 0.7 })).toEqual([]);
  });
});

test('"Open in the full tutorial" opens the same step and configuration in a new tab @subpath', async ({ page, baseURL, site }) => {
  const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=5-6&w1=0.3&digits=8&lock=w1&hide=toolbar');
  const link = frame.locator('a[data-embed-open]');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('href', `${site.sectionPath(BACKPROP)}?w1=0.3&digits=8#step-5`);
  // It follows the reader's edits inside the embed.
  await frame.locator('input[name="w2"]').fill('0.7');
  await expect(link).toHaveAttribute('href', `${site.sectionPath(BACKPROP)}?w1=0.3&w2=0.7&digits=8#step-5`);
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  const url = new URL(tab.url());
  expect(url.origin).toBe(new URL(baseURL ?? '').origin);
  expect(url.pathname).toBe(site.sectionPath(BACKPROP));
  expect(url.hash).toBe('#step-5');
  expect([...url.searchParams.keys()].sort()).toEqual(['digits', 'w1', 'w2']);
  await serveMathModule(tab);
  await tab.waitForFunction(() => document.documentElement.hasAttribute('data-precision'));
  expect(await mismatchesInPage(tab, withParams({ w1: 0.3, w2: 0.7 }), 8)).toEqual([]);
  await tab.close();
});

test.describe('accessibility inside the embed', () => {
  test('axe finds nothing in the framed embed, on the course page as a student meets it', async ({ page, baseURL, site }) => {
    const frame = await frameEmbed(page, site, baseURL, BACKPROP, '?steps=5-6&w1=0.3&lock=w1');
    await frame.locator('input[name="w2"]').fill('abc');
    // Not legacy mode: axe goes into the cross-origin frame the way it does for a real course page.
    const results = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).options({ resultTypes: ['violations'] }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds nothing in the embed alone, ${colorScheme}, at 320 and 1280 px, with a notice and a locked field`, async ({ page, site }) => {
      const watch = watchPage(page);
      await page.emulateMedia({ colorScheme });
      await page.goto(embedPathFor(site, BACKPROP, '?steps=5-6&w1=0.3&lock=w1,zz'));
      await embedReady(page);
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await axeViolations(page), `${width} px`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scroll at ${width} px`).toBeLessThanOrEqual(width);
      }
      expect(watch.problems).toEqual([]);
    });
  }
});

test.describe('a step’s Share control', () => {
  test('embeds the step: Step 6, w1 = 0.3 fixed, dark, sized and working on another site, with a link below @subpath', async ({ page, context, baseURL, site }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL ?? '').origin });
    await page.goto(`${site.sectionPath(BACKPROP)}?w1=0.3`);
    const share = await shareStep(page, 'step-6');
    const action = share.locator('.embed-action');
    await action.locator('summary').click();
    await action.getByRole('radio', { name: /^The values you changed: w1 = 0\.3$/ }).check();
    await action.getByRole('radio', { name: 'dark' }).check();
    const code = action.locator('textarea');
    await expect(code).toHaveValue(/steps\/6\/\?w1=0\.3&amp;lock=w1&amp;theme=dark"/);
    // The fixed height is the table's for Step 6, and the plain link below the frame opens the step.
    const height = Number(/height="(\d+)"/.exec(await code.inputValue())?.[1]);
    expect(height).toBeGreaterThan(320);
    await expect(code).toHaveValue(new RegExp(`<p><a href="${new URL(site.sectionPath(BACKPROP), baseURL).href.replace(/[.?]/g, '\\$&')}\\?w1=0\\.3#step-6">Step 6 of 1\\.4 Backpropagation, in the full tutorial</a></p>`));
    await action.getByRole('button', { name: 'Copy the code' }).click();
    await expect(action.locator('.embed-status')).toContainText('Copied');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toBe(await code.inputValue());
    expect(snippet).toContain(`src="${new URL(embedPathFor(site, BACKPROP), baseURL).href}`);

    // Pasted into a course page on another site, as is.
    await page.emulateMedia({ colorScheme: 'light' });
    const frame = await openCoursePage(page, snippet);
    expect(await shownSteps(frame)).toEqual(['step-6']);
    await expect(frame.locator('input[name="w1"]')).not.toBeEditable();
    expect(await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    expect(await mismatchesIn(frame, withParams({ w1: 0.3 }))).toEqual([]);
    await expect.poll(async () => { const h = await heights(page, frame); return h.frame - h.content; }).toBe(0);
    await expect(page.locator('iframe + p a')).toHaveText('Step 6 of 1.4 Backpropagation, in the full tutorial');
  });

  test('fixes the article’s values or every value: lock=all, and a chosen few', async ({ page, site }) => {
    await page.goto(site.sectionPath(BACKPROP));
    const action = (await shareStep(page, 'step-3')).locator('.embed-action');
    await action.locator('summary').click();
    const code = action.locator('textarea');
    // Nothing changed on the page: "the values you changed" is not offered, every value is.
    await expect(action.getByRole('radio', { name: /values you changed/ })).toHaveCount(0);
    await action.getByRole('radio', { name: /^Every value/ }).check();
    await expect(code).toHaveValue(/\/steps\/3\/\?lock=all"/);
    await action.getByRole('radio', { name: /^Some values/ }).check();
    await action.getByRole('checkbox', { name: `w5 = ${ARTICLE_PARAMS.w5}` }).check();
    await action.getByRole('checkbox', { name: `t1 = ${ARTICLE_PARAMS.t1}` }).check();
    await expect(code).toHaveValue(/\/steps\/3\/\?lock=t1,w5"/);
    await action.getByRole('checkbox', { name: 'the notes on spreadsheet mistakes' }).check();
    await expect(code).toHaveValue(/\/steps\/3\/\?lock=t1,w5&amp;hide=notes"/);
  });

  test('is usable by keyboard at 320 px: Tab to Share, open, Embed this step, choose, close with Escape', async ({ page, site }) => {
    // Axe on 1.4 (some 19,000 elements) twice: slow on a loaded machine.
    test.slow();
    const watch = watchPage(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${site.sectionPath(BACKPROP)}?w1=0.3&w2=0.4`);
    const share = page.locator('#step-6 > .share');
    await share.locator('> summary').focus();
    await page.keyboard.press('Enter');
    await expect(share).toHaveAttribute('open', '');
    await page.keyboard.press('Tab');
    await expect(share.getByRole('link', { name: 'Copy link' })).toBeFocused();
    await page.keyboard.press('Tab');
    const summary = share.locator('.embed-action > summary');
    await expect(summary).toBeFocused();
    await page.keyboard.press('Enter');
    const action = share.locator('.embed-action');
    await expect(action).toHaveAttribute('open', '');
    const steps = action.getByRole('combobox', { name: 'Steps' });
    await expect(steps).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(steps).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect(action.getByRole('radio', { name: /^Nothing/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(action.getByRole('radio', { name: /^The values you changed/ })).toBeChecked();
    const code = action.locator('textarea');
    await expect(code).toHaveValue(/\/steps\/6-7\/\?w1=0\.3&amp;w2=0\.4&amp;lock=w1,w2"/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll').toBeLessThanOrEqual(320);
    // The open control (the whole page is accessibility.spec's).
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page, '#step-6 > .share'), colorScheme).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await expect(action).not.toHaveAttribute('open', '');
    await expect(summary).toBeFocused();
    // Escape again closes the Share panel itself.
    await page.keyboard.press('Escape');
    await expect(share).not.toHaveAttribute('open', '');
    await expect(share.locator('> summary')).toBeFocused();
    expect(watch.problems).toEqual([]);
  });

  test('is one control per step: no Embed beside the gradients, whose ids and links stay; only a link inside an embed', async ({ page, site }) => {
    await page.goto(`${site.sectionPath(BACKPROP)}?w1=0.3`);
    for (let n = 1; n <= 8; n++) {
      await expect(page.locator(`#step-${n} > .share > summary`), `step-${n}`).toBeVisible();
      await expect(page.locator(`#step-${n} .share`), `one share control in step ${n}`).toHaveCount(1);
    }
    await expect(page.locator('summary', { hasText: /^Embed this step/ })).toHaveCount(8);
    await expect(page.locator('.embed-action')).toHaveCount(8);
    // The gradients: their public ids, each with its light `#` link, and no control of their own beyond it.
    for (let w = 1; w <= 8; w++) {
      const grad = page.locator(`[id="grad-w${w}"]`);
      await expect(grad).toHaveCount(1);
      await expect(grad.locator('a[data-deep-link]')).toHaveAttribute('href', new RegExp(`w1=0\\.3.*#grad-w${w}$`));
      await expect(grad.locator('summary, button')).toHaveCount(0);
    }
    await page.goto(embedPathFor(site, BACKPROP));
    await embedReady(page);
    await expect(page.locator('.embed-action')).toHaveCount(0);
    await expect(page.locator('#step-6 > .share a[data-deep-link="step-6"]')).toHaveCount(1);
  });

  test('copies the step’s link with the values in force and says so; the step is highlighted @subpath', async ({ page, context, baseURL, site }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL ?? '').origin });
    await page.goto(`${site.sectionPath(BACKPROP)}?w1=0.3`);
    const share = await shareStep(page, 'step-4');
    await share.getByRole('link', { name: 'Copy link' }).click();
    await expect(share.locator('[data-share-status]')).toHaveText('Link copied.');
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect([copied.pathname, copied.search, copied.hash]).toEqual([site.sectionPath(BACKPROP), '?w1=0.3', '#step-4']);
    expect(await page.locator('#step-4').evaluate((el) => el.matches(':target'))).toBe(true);
  });
});

test.describe('the fixed heights of the snippets', () => {
  test('the help page writes its example for the address it is served at, and each section’s Embed gives that section’s height @subpath', async ({ page, baseURL, site }) => {
    await page.goto(site.path('embed/'));
    const example = page.locator('[data-embed-example]');
    await expect(example).toBeVisible();
    const origin = new URL(baseURL ?? '').origin;
    await expect(example).toContainText(`src="${origin}${site.path('embed/1-4-backpropagation/steps/6/')}?w1=0.3&amp;lock=w1`);
    await expect(example).toContainText(`<a href="${origin}${site.sectionPath(BACKPROP)}?w1=0.3#step-6">`);
    expect(await example.textContent()).not.toMatch(/localhost:4321|e\.origin/);
    const sectionHeights: number[] = [];
    for (const slug of [SECTION_SLUGS.forward, BACKPROP]) {
      const action = page.locator(`#embed-${slug} .embed-action`);
      await action.locator('summary').click();
      sectionHeights.push(Number(/height="(\d+)"/.exec(await action.locator('textarea').inputValue())?.[1]));
    }
    // A whole 1.4 is many times taller than 1.3, and no section gets a made-up 900 px.
    expect(sectionHeights[1]).toBeGreaterThan(3 * (sectionHeights[0] ?? 0));
    expect(sectionHeights).not.toContain(900);
  });
});
