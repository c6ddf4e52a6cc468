/**
 * Issue 16, item 5: students see symbols and words, never the code names of the DOM contract
 * (`dE_dw3`, `a_h1`, `E_total`, `data-q`). Checked in what a reader meets: the text of every page,
 * of explanations (walking the chain a few links), the accessible names and titles, and what
 * the live regions say after an edit, at 320 px with touch and at 1280 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { QUANTITY_NAMES } from '../src/lib/backprop';
import { PANEL, expectOpen } from './support/explain';
import { pagePaths, sectionPath, SECTION_SLUGS } from './support/site';

test.describe.configure({ timeout: 180_000 });

/** The math module's names that only code writes (those with an underscore), and the DOM contract's attributes. */
const CODE_NAME = new RegExp(
  `(?<![\\w-])(${QUANTITY_NAMES.filter((n) => n.includes('_'))
    .sort((a, b) => b.length - a.length)
    .join('|')}|dE_?d\\w+|da_\\w+|data-[a-z]+(-[a-z]+)*)(?![\\w])`,
  'g',
);

/** Each code name found in `text`, with a little of what surrounds it. */
function codeNamesIn(text: string, where: string): string[] {
  return [...text.matchAll(CODE_NAME)].map((m) => `${where}: “…${text.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + m[0].length + 30).replace(/\s+/g, ' ')}…”`);
}

/** The accessible names, descriptions and titles of every element under `root` (a selector). */
async function labelsIn(page: Page, root: string): Promise<string> {
  return page.$$eval(`${root} [aria-label], ${root} [title], ${root} [aria-roledescription], ${root} [aria-valuetext]`, (els) =>
    els.map((el) => ['aria-label', 'title', 'aria-roledescription', 'aria-valuetext'].map((a) => el.getAttribute(a) ?? '').join(' ')).join('\n'),
  );
}

/** What every live region and status says now. */
async function liveText(page: Page): Promise<string> {
  return page.$$eval('[aria-live], [role="status"], [role="alert"]', (els) => els.map((el) => el.textContent ?? '').join('\n'));
}

const WIDTHS = [
  { label: '320 px, touch', viewport: { width: 320, height: 720 }, hasTouch: true, isMobile: true },
  { label: '1280 px', viewport: { width: 1280, height: 900 }, hasTouch: false, isMobile: false },
] as const;

for (const width of WIDTHS) {
  test.describe(width.label, () => {
    test.use({ viewport: width.viewport, hasTouch: width.hasTouch, isMobile: width.isMobile });

    for (const path of pagePaths()) {
      test(`${path}: no code name in the page's text, labels or titles`, async ({ page }) => {
        await page.goto(path);
        await page.waitForLoadState('domcontentloaded');
        const found = [
          ...codeNamesIn(await page.evaluate(() => document.body.innerText), 'text'),
          ...codeNamesIn(await labelsIn(page, 'body'), 'label'),
          ...codeNamesIn(await page.title(), 'title'),
        ];
        expect(found, found.join('\n')).toEqual([]);
      });
    }

    test('an explanation and the chain it opens: no code name in text, trail, labels', async ({ page }) => {
      await page.goto(sectionPath(SECTION_SLUGS.backprop));
      const found: string[] = [];
      // Step 8's gradient of w3, then its ingredients, a few links down the chain.
      const start = page.locator('#step-8 [data-q="dE_dw3"]:not(.katex-mathml *)').first();
      await start.scrollIntoViewIfNeeded();
      await start.click();
      // The first open also fetches the explanations: more time on a busy machine.
      await expect(page.locator(`${PANEL} .explain-meaning`)).toBeVisible({ timeout: 20_000 });
      await expectOpen(page, 'dE_dw3');
      for (let link = 0; link < 4; link++) {
        const panel = page.locator(PANEL);
        await expect(panel.locator('.explain-meaning')).toBeVisible();
        const name = await panel.getAttribute('data-explains');
        found.push(...codeNamesIn(await panel.evaluate((el) => (el as HTMLElement).innerText), `explanation of ${name}`));
        found.push(...codeNamesIn(await labelsIn(page, PANEL), `labels in the explanation of ${name}`));
        const next = panel.locator('.explain-links [data-explain-link]').first();
        if ((await next.count()) === 0) break;
        await next.click();
      }
      // A parameter's explanation, with its field and its hint.
      await page.keyboard.press('Escape');
      const weight = page.locator('#step-5 .katex-html [data-q="w5"]').first();
      await weight.scrollIntoViewIfNeeded();
      await weight.click();
      const panel = page.locator(PANEL);
      await expect(panel.locator('input')).toBeVisible();
      found.push(...codeNamesIn(await panel.evaluate((el) => (el as HTMLElement).innerText), 'a parameter’s explanation'));
      found.push(...codeNamesIn(await labelsIn(page, PANEL), 'labels in a parameter’s explanation'));
      expect(found, found.join('\n')).toEqual([]);
    });

    test('what the live regions say after an edit and after training', async ({ page }) => {
      await page.goto(sectionPath('1-2-the-network'));
      await page.locator('input[name="w5"]').first().fill('0.7');
      await expect(page.locator('[data-announcer]').first()).not.toBeEmpty({ timeout: 5_000 });
      const found = codeNamesIn(await liveText(page), 'after an edit');
      const figure = page.locator('#fig-network');
      await figure.scrollIntoViewIfNeeded();
      await figure.dispatchEvent('pointerover');
      await page.locator('[data-train="step"]').click();
      await expect(page.locator('[data-train-epoch]')).toHaveAttribute('data-train-epoch', '2');
      await page.waitForTimeout(900);
      found.push(...codeNamesIn(await liveText(page), 'after training'));
      found.push(...codeNamesIn(await page.evaluate(() => document.body.innerText), 'text after training'));
      expect(found, found.join('\n')).toEqual([]);
    });
  });
}
