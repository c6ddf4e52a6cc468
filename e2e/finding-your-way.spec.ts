/**
 * Issue 16, item 6: finding your way in 1.4. On a phone, a compact way to jump between the steps
 * stays at hand wherever the reader is on the long page, with a way back up; on a wide screen the
 * sidebar marks the step being read.
 */
import { expect, test, type Page } from '@playwright/test';
import { SECTION_SLUGS, sectionPath, sitePath } from './support/site';

test.describe.configure({ timeout: 90_000 });

const BACKPROP = sectionPath(SECTION_SLUGS.backprop);
const ALL = sitePath('all/');

/** Scrolls so that the step's heading sits a little below the top of the screen, as a reader reading it. */
async function readStep(page: Page, n: number): Promise<void> {
  await page.locator(`#step-${n} .step-title`).evaluate((el) => {
    el.scrollIntoView({ block: 'start', behavior: 'instant' });
    window.scrollBy({ top: -80, behavior: 'instant' });
  });
  // Steps far off screen are laid out only when near (content-visibility): let the layout settle.
  await page.waitForTimeout(300);
}

/** Whether the element's box lies wholly inside the screen. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  });
}

test.describe('a phone, 390 px with touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the step jumper is at hand deep in the page, jumps to a step, and a tap goes back up', async ({ page }) => {
    await page.goto(BACKPROP);
    const jumper = page.getByRole('navigation', { name: 'Steps of this section' });
    for (const n of [2, 6, 8]) {
      await readStep(page, n);
      await expect(jumper).toBeVisible();
      expect(await onScreen(page, 'nav[aria-label="Steps of this section"] summary'), `at Step ${n}, the jumper is on screen`).toBe(true);
    }
    const toggle = jumper.locator('summary');
    const box = await toggle.boundingBox();
    expect(box && box.height >= 24 && box.width >= 24, 'a tap target of at least 24 px').toBe(true);
    await toggle.tap();
    const links = jumper.getByRole('link', { name: /^Step \d/ });
    await expect(links).toHaveCount(8);
    await jumper.getByRole('link', { name: /^Step 3\b/ }).tap();
    await expect(page).toHaveURL(/#step-3$/);
    await page.waitForTimeout(300);
    expect(await onScreen(page, '#step-3 .step-title'), 'Step 3 is in view').toBe(true);
    await expect(links.first(), 'the list closes after a jump').toBeHidden();
    // And back up to the top of the page.
    await jumper.getByRole('link', { name: /top/i }).tap();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeLessThan(400);
  });

  test('the jumper says which step is being read', async ({ page }) => {
    await page.goto(BACKPROP);
    const toggle = page.locator('nav[aria-label="Steps of this section"] summary');
    await readStep(page, 5);
    await expect(toggle).toContainText('Step 5 of 8');
    await readStep(page, 7);
    await expect(toggle).toContainText('Step 7 of 8');
  });

  test('after a jump past several steps, the jumper names the last step above, not the one left', async ({ page }) => {
    await page.goto(BACKPROP);
    const toggle = page.locator('nav[aria-label="Steps of this section"] summary');
    await readStep(page, 5);
    await expect(toggle).toContainText('Step 5 of 8');
    // The End key, or a fast fling: Steps 6 to 8 never cross the reading band on the way down.
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await expect(toggle).toContainText('Step 8 of 8');
    await readStep(page, 3);
    await expect(toggle).toContainText('Step 3 of 8');
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await expect(toggle).toContainText('Steps 1–8');
  });

  for (const path of [BACKPROP, ALL]) {
    test(`at the very end of ${path}, the jumper hides none of the last lines`, async ({ page }) => {
      await page.goto(path);
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
      await page.waitForTimeout(300);
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
      const jumperTop = await page.locator('nav[aria-label="Steps of this section"]').evaluate((el) => el.getBoundingClientRect().top);
      const lastLine = await page.locator('.site-footer > :last-child').evaluate((el) => el.getBoundingClientRect().bottom);
      expect(lastLine, 'the footer ends above the jumper').toBeLessThanOrEqual(jumperTop);
    });
  }
});

test.describe('a wide screen, 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the sidebar marks the step being read, and only that one', async ({ page }) => {
    await page.goto(BACKPROP);
    const sidebar = page.locator('.nav-sidebar');
    await expect(page.getByRole('navigation', { name: 'Steps of this section' })).toBeHidden();
    for (const n of [2, 5, 7]) {
      await readStep(page, n);
      await expect(sidebar.locator(`a[href$="#step-${n}"]`)).toHaveAttribute('aria-current', 'true');
      await expect(sidebar.locator('.nav-steps a[aria-current]')).toHaveCount(1);
    }
  });
});
