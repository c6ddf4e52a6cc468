/**
 * Finding your way (issue 10, item 3): the sidebar on a wide screen and the menu on a phone list
 * every page with the current one marked (and 1.4's eight steps there), work from the keyboard,
 * carry the configuration, and pass axe open in both schemes at 320 and 1280 px. The dark-mode
 * toggle overrides the system, persists, and the first frame after a reload already has the
 * chosen scheme (read from the computed background, not from pixels). The theme's head script and its
 * 250-byte allowance are read from the build (tests/built/frame.test.ts).
 */
import type { Page } from '@playwright/test';
import { axeViolations, hydrate, watchPage } from './support/a11y-page';
import { expect, test } from './support/fixtures';
import { SECTION_SLUGS } from './support/site';

test.describe.configure({ timeout: 120_000 });

/** The page's background as the first rendered frame had it (recorded by `recordFirstFrame`). */
async function firstFrameBackground(page: Page): Promise<string> {
  // A small page can fire `load` (where goto returns) before its first frame is drawn: wait for it.
  const recorded = await page.waitForFunction(() => (window as unknown as { firstFrame?: string }).firstFrame);
  return String(await recorded.jsonValue());
}

/**
 * Records the root's computed background in the first animation frame, which runs before the
 * first paint: what the reader first sees. Before <body> is parsed the root's own background
 * is what is painted, so the stylesheet gives the root the page's background.
 */
async function recordFirstFrame(page: Page): Promise<void> {
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      (window as unknown as { firstFrame: string }).firstFrame = getComputedStyle(document.documentElement).backgroundColor;
    });
  });
}

/** The computed page background now. */
function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
}

/** The names of the links in a list, as a reader reads them. */
async function linkTexts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (links) => links.map((a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

test.describe('sidebar and menu', () => {
  test('on a wide screen the sidebar lists every page, marks the current one, and on 1.4 its eight steps', async ({ page, site }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const sections = site.sectionPaths();
    expect(sections).toHaveLength(5);
    for (const path of sections) {
      await page.goto(path);
      await expect(page.locator('.nav-sidebar')).toBeVisible();
      await expect(page.locator('.nav-menu')).toBeHidden();
      const links = page.locator('.nav-sidebar .nav-list > li > a');
      // Contents, the five sections, the whole tutorial, embedding and exercises for instructors.
      await expect(links).toHaveCount(9);
      const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(hrefs).toEqual([site.path(''), ...sections, site.path('all/'), site.path('embed/'), site.path('practice/')]);
      const current = page.locator('.nav-sidebar a[aria-current="page"]');
      await expect(current).toHaveCount(1);
      expect(await current.evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname)).toBe(path);
      // The current section stands out from the others (not by colour alone: weight and a bar).
      const look = (a: string) => page.locator(a).first().evaluate((el) => `${getComputedStyle(el).fontWeight} ${getComputedStyle(el).boxShadow}`);
      expect(await look('.nav-sidebar a[aria-current="page"]')).not.toBe(await look('.nav-sidebar .nav-list > li > a:not([aria-current])'));
      const steps = page.locator('.nav-sidebar .nav-steps a');
      if (path === site.sectionPath(SECTION_SLUGS.backprop)) {
        // The eight steps, named as their headings on the page, each leading to its step.
        const headings = await page.$$eval('.step-title', (els) => els.map((el) => (el.textContent ?? '').replace('#', '').replace(/\s+/g, ' ').trim()));
        expect(await linkTexts(page, '.nav-sidebar .nav-steps a')).toEqual(headings);
        expect(await steps.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash))).toEqual(
          Array.from({ length: 8 }, (_, i) => `#step-${i + 1}`),
        );
        await steps.nth(5).click();
        await expect(page.locator('#step-6')).toBeInViewport();
      } else {
        await expect(steps).toHaveCount(0);
      }
    }
  });

  test('on a phone the menu opens and closes from the keyboard, lists the same pages, and its links carry the configuration @subpath', async ({
    page,
    site,
  }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    const forward = site.sectionPath(SECTION_SLUGS.forward);
    await page.goto(`${forward}?w1=0.3&lr=0.7`);
    await expect(page.locator('.nav-sidebar')).toBeHidden();
    const summary = page.locator('.nav-menu > summary');
    const menuLinks = page.locator('.nav-menu nav a');
    await expect(summary).toBeVisible();
    await expect(menuLinks.first()).toBeHidden();
    // Tab from the top of the page reaches the menu before the content.
    await page.locator('body').press('Tab');
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      reached = await summary.evaluate((el) => el === document.activeElement);
      if (!reached) await page.keyboard.press('Tab');
    }
    expect(reached, 'Tab reaches the menu within the header').toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.locator('.nav-menu')).toHaveAttribute('open', '');
    await expect(menuLinks.first()).toBeVisible();
    expect(await linkTexts(page, '.nav-menu .nav-list > li > a')).toHaveLength(9);
    await expect(page.locator('.nav-menu a[aria-current="page"]')).toHaveText(/1\.3\s+Forward propagation/);
    // Every link carries the reader's values (the page script rewrites them).
    for (const href of await menuLinks.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const url = new URL(href);
      expect([url.searchParams.get('w1'), url.searchParams.get('lr')], href).toEqual(['0.3', '0.7']);
      expect(url.pathname.startsWith(site.base), `${href} under ${site.base}`).toBe(true);
    }
    // Space closes it again; then, open, Tab walks into its links and Enter follows one, values and all.
    await page.keyboard.press('Space');
    await expect(page.locator('.nav-menu')).not.toHaveAttribute('open', '');
    await page.keyboard.press('Enter');
    const target = page.locator('.nav-menu a', { hasText: 'Weight update' });
    for (let i = 0; i < 12 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe(site.sectionPath(SECTION_SLUGS.update));
    expect(new URL(page.url()).searchParams.get('w1')).toBe('0.3');
    await expect(page.locator('input[name="lr"]').first()).toHaveValue('0.7');
  });

  test('sidebar links follow an edit: after w1 changes they carry it', async ({ page, site }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(site.sectionPath(SECTION_SLUGS.backprop));
    await page.locator('input[name="w1"]').first().fill('0.42');
    const hrefs = () => page.locator('.nav-sidebar a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('w1')));
    await expect.poll(hrefs).toEqual(Array(17).fill('0.42'));
  });

  for (const width of [320, 1280]) {
    test(`axe finds nothing with the sidebar or the open menu, in both schemes and with the toggle, at ${width} px`, async ({ page, site }) => {
      test.setTimeout(240_000);
      const watch = watchPage(page);
      await page.setViewportSize({ width, height: 900 });
      const found: string[] = [];
      for (const path of [site.path(''), site.sectionPath(SECTION_SLUGS.backprop)]) {
        await page.goto(path);
        await hydrate(page);
        if (width === 320) await page.locator('.nav-menu > summary').click();
        await expect(page.locator(width === 320 ? '.nav-menu nav' : '.nav-sidebar')).toBeVisible();
        // The system's two schemes on the open menu or the sidebar (the page as loaded is accessibility.spec's),
        // then the whole page in the reader's choice against the system (the data-theme path recolours everything).
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          for (const v of await axeViolations(page, width === 320 ? '.nav-menu' : '.nav-sidebar')) found.push(`${path}, system ${colorScheme}: ${v}`);
        }
        await page.locator('.theme-toggle').click();
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
        for (const v of await axeViolations(page)) found.push(`${path}, chosen light on a dark system: ${v}`);
        await page.evaluate(() => localStorage.clear());
      }
      expect(found, found.join('\n')).toEqual([]);
      expect(watch.problems).toEqual([]);
    });
  }
});

test.describe('dark mode', () => {
  for (const system of ['light', 'dark'] as const) {
    const other = system === 'light' ? 'dark' : 'light';
    test(`on a ${system} system: the page follows it, the toggle switches to ${other}, and a reload paints ${other} from the first frame @subpath`, async ({
      page,
      site,
    }) => {
      await page.emulateMedia({ colorScheme: system });
      await recordFirstFrame(page);
      const path = site.sectionPath(SECTION_SLUGS.forward);
      await page.goto(path);
      const systemBackground = await background(page);
      expect(await firstFrameBackground(page)).toBe(systemBackground);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'auto');
      // The button names the scheme it switches to.
      const toggle = page.locator('.theme-toggle');
      await expect(toggle).toHaveAccessibleName(new RegExp(`^${other} theme$`, 'i'));

      await toggle.click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', other);
      const chosenBackground = await background(page);
      expect(chosenBackground, 'the toggle changed the scheme').not.toBe(systemBackground);
      await expect(toggle).toHaveAccessibleName(new RegExp(`^${system} theme$`, 'i'));

      // A reload, another page: the choice holds, from the very first frame.
      for (const next of [path, site.path(''), site.sectionPath(SECTION_SLUGS.backprop)]) {
        await page.goto(next);
        expect(await firstFrameBackground(page), `first frame of ${next}`).toBe(chosenBackground);
        expect(await background(page)).toBe(chosenBackground);
      }
      // Toggling back returns to the system's scheme, and that choice persists too.
      await page.locator('.theme-toggle').click();
      await page.reload();
      expect(await firstFrameBackground(page)).toBe(systemBackground);
    });
  }

  test('the first-frame reading can see a flash: without the head script a stored choice is painted late', async ({ page, site }) => {
    // The check above is only worth something if a page that applies the choice late fails it.
    await page.emulateMedia({ colorScheme: 'light' });
    await recordFirstFrame(page);
    const path = site.sectionPath(SECTION_SLUGS.forward);
    await page.goto(path);
    const light = await background(page);
    await page.evaluate(() => localStorage.setItem('backpropTheme', 'dark'));
    await page.route(`**${path}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<script>\{const [^<]*backpropTheme[^<]*<\/script>/, '');
      await route.fulfill({ response, body: html });
    });
    await page.goto(path);
    expect(await firstFrameBackground(page), 'no head script: the first frame has the system scheme').toBe(light);
    // Applied late, after the first frame, the page turns dark: the flash the head script prevents.
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
    expect(await background(page)).not.toBe(light);
  });

  test('with the system changing and no choice made, the page follows it', async ({ page, site }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(site.path(''));
    const light = await background(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page)).not.toBe(light);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false, colorScheme: 'dark' });
    test('the toggle is not offered and the page follows the system', async ({ page, site }) => {
      await page.goto(site.path(''));
      await expect(page.locator('.theme-toggle')).toBeHidden();
      const dark = await background(page);
      await page.emulateMedia({ colorScheme: 'light' });
      await expect.poll(() => background(page)).not.toBe(dark);
    });
  });
});
