/**
 * Issue 16, item 9: a press before an island wakes is not lost. An island's code arrives when it is
 * first needed; a reader who presses one of its buttons in the meantime (its server-rendered HTML
 * is already there) gets that press once the island has hydrated. The island's code is held back
 * here, as a slow connection would, and the button pressed at once.
 */
import { expect, test, type Page } from '@playwright/test';
import { SECTION_SLUGS, sectionPath } from './support/site';

test.describe.configure({ timeout: 90_000 });

/** Holds back the code of the island around `selector` until the returned function is called. */
async function holdIslandCode(page: Page, selector: string): Promise<() => void> {
  const url = await page.locator(`astro-island:has(${selector})`).first().getAttribute('component-url');
  expect(url, 'the island names its code').toBeTruthy();
  let release: () => void = () => undefined;
  const released = new Promise<void>((done) => (release = done));
  await page.route(`**${url}`, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('1.5: Next epoch pressed before the stepper has woken moves the epoch', async ({ page }) => {
  await page.goto(sectionPath(SECTION_SLUGS.update));
  const release = await holdIslandCode(page, '.stepper');
  const next = page.locator('.stepper').getByRole('button', { name: 'Next epoch' });
  await next.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island:has(.stepper)')).toHaveAttribute('ssr', '');
  await next.click();
  release();
  await expect(page.locator('astro-island:has(.stepper)')).not.toHaveAttribute('ssr', { timeout: 15_000 });
  await expect(page.locator('.stepper [data-q="E_total"][data-epoch="2"]')).toHaveCount(1);
});

test('1.2: One epoch pressed before the network figure has woken counts each press', async ({ page }) => {
  await page.goto(sectionPath('1-2-the-network'));
  const release = await holdIslandCode(page, '#fig-network');
  const step = page.locator('#fig-network [data-train="step"]');
  await step.scrollIntoViewIfNeeded();
  await step.click();
  await step.click();
  release();
  await expect(page.locator('astro-island:has(#fig-network)')).not.toHaveAttribute('ssr', { timeout: 15_000 });
  await expect(page.locator('#fig-network [data-train-epoch]')).toHaveAttribute('data-train-epoch', '3');
});
