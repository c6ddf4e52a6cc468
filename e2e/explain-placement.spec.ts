/**
 * Issue 16, item 4: the explanation card never covers the number it explains. On a wide screen it
 * opens beside the number (below, or above when there is more room there); on a phone it is a
 * sheet along the bottom and the page scrolls the number above it. Held for Step 8's gradients
 * and for numbers that sit near the bottom or the top of the screen when pressed.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PANEL, expectOpen } from './support/explain';
import { SECTION_SLUGS, sectionPath } from './support/site';

test.describe.configure({ timeout: 180_000 });

const BACKPROP = sectionPath(SECTION_SLUGS.backprop);
const FORWARD = sectionPath(SECTION_SLUGS.forward);

/** Where the number and the card are, and whether they overlap or the number is off screen. */
async function coverage(page: Page, number: Locator): Promise<string | null> {
  // Let the card settle: its content arrives, the page may scroll the number into view.
  await page.waitForTimeout(150);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const n = await number.boundingBox();
  const c = await page.locator(PANEL).boundingBox();
  const viewport = page.viewportSize();
  if (!n || !c || !viewport) return 'no box';
  const overlap = n.x < c.x + c.width && c.x < n.x + n.width && n.y < c.y + c.height && c.y < n.y + n.height;
  const hidden = n.y < 0 || n.y + n.height > viewport.height;
  const at = `number ${Math.round(n.x)},${Math.round(n.y)} ${Math.round(n.width)}×${Math.round(n.height)}; card ${Math.round(c.x)},${Math.round(c.y)} ${Math.round(c.width)}×${Math.round(c.height)}; viewport ${viewport.width}×${viewport.height}`;
  if (overlap) return `the card covers the number (${at})`;
  if (hidden) return `the number is off screen (${at})`;
  return null;
}

/** Puts `number` where a reader meets it: its bottom `fromBottom` px above the screen's bottom edge (or its top near the top). */
async function placeNumber(number: Locator, where: 'bottom' | 'top' | 'middle'): Promise<void> {
  await number.evaluate((el, where) => {
    const r = el.getBoundingClientRect();
    const target = where === 'bottom' ? innerHeight - 12 - r.height : where === 'top' ? 70 : innerHeight / 2;
    window.scrollBy({ top: r.top - target, behavior: 'instant' });
  }, where);
}

const WIDTHS = [
  { label: '1280 px', viewport: { width: 1280, height: 800 }, touch: false },
  { label: '320 px, touch', viewport: { width: 320, height: 640 }, touch: true },
] as const;

for (const width of WIDTHS) {
  test.describe(width.label, () => {
    test.use({ viewport: width.viewport, hasTouch: width.touch, isMobile: width.touch });

    /** Opens the explanation of `number` as this reader does (tap or click), then checks the boxes. */
    async function openAndCheck(page: Page, number: Locator, name: string): Promise<string | null> {
      if (width.touch) await number.tap();
      else await number.click();
      // The first open also fetches the explanations: more time on a busy machine.
      await expect(page.locator(`${PANEL} .explain-meaning`)).toBeVisible({ timeout: 20_000 });
      await expectOpen(page, name);
      const problem = await coverage(page, number);
      await page.keyboard.press('Escape');
      await expect(page.locator(PANEL)).toHaveCount(0);
      return problem;
    }

    test('Step 8: each gradient, pressed in the middle, near the bottom and near the top of the screen', async ({ page }) => {
      await page.goto(BACKPROP);
      const problems: string[] = [];
      for (const w of [1, 3, 5, 8]) {
        const number = page.locator(`#grad-w${w} .katex-html [data-q="dE_dw${w}"]`).last();
        for (const where of ['middle', 'bottom', 'top'] as const) {
          await placeNumber(number, where);
          const problem = await openAndCheck(page, number, `dE_dw${w}`);
          if (problem) problems.push(`∂E/∂w${w}, ${where}: ${problem}`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });

    test('numbers in prose and in equations on 1.3, near the bottom of the screen', async ({ page }) => {
      await page.goto(FORWARD);
      const problems: string[] = [];
      for (const name of ['h1', 'a_o1', 'E_total', 'w5']) {
        const number = page.locator(`main [data-q="${name}"]:not(.katex-mathml *):not(input)`).last();
        await placeNumber(number, 'bottom');
        const problem = await openAndCheck(page, number, name);
        if (problem) problems.push(`${name}: ${problem}`);
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  });
}
