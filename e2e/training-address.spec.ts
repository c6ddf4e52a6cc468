/**
 * Issue 16, item 3: after training, the address is the configuration plus how many epochs were
 * trained (`trained=3`), short, and reopening it shows exactly the same numbers everywhere; the
 * fields show what fits, with the exact value one tap away. Three ways to train: One epoch on
 * 1.2, Play on 1.4, Use these weights on 1.5.
 */
import { expect, test, type Page } from '@playwright/test';
import { PARAM_NAMES } from '../src/lib/backprop';
import { TRAINED } from '../src/lib/params';
import { settledSearch } from './support/quantities';
import { SECTION_SLUGS, sectionPath } from './support/site';

test.describe.configure({ timeout: 120_000 });

const NETWORK = sectionPath('1-2-the-network');
const BACKPROP = sectionPath(SECTION_SLUGS.backprop);
const UPDATE = sectionPath(SECTION_SLUGS.update);

/** Brings the figure whose root has `id` on screen and points at it, so that its island wakes. */
async function wakeFigure(page: Page, id: string): Promise<void> {
  const figure = page.locator(`#${id}`);
  await figure.scrollIntoViewIfNeeded();
  await figure.hover({ position: { x: 2, y: 2 } });
  await expect(page.locator(`astro-island:has(#${id})`)).not.toHaveAttribute('ssr', { timeout: 15_000 });
}

/** Every number of the page by what it shows (name, epoch, rate), with the values shown for it. */
async function valuesShown(page: Page): Promise<Record<string, string[]>> {
  // The notes' numbers are the build's until their arithmetic has run; a changed state starts it.
  if ((await page.locator('.mistake-note').count()) > 0) await expect(page.locator('html')).toHaveAttribute('data-mistake-notes', 'live');
  return page.$$eval('[data-q]', (els) => {
    const out: Record<string, string[]> = {};
    for (const el of els) {
      const key = `${el.getAttribute('data-q')}@${el.getAttribute('data-epoch') ?? 1}:${el.getAttribute('data-lr') ?? ''}`;
      const value = el.getAttribute('data-value') ?? '';
      const list = (out[key] ??= []);
      if (!list.includes(value)) list.push(value);
    }
    return out;
  });
}

/** The address is short and says `trained=n`; a fresh page at it shows the same value for every number. */
async function expectAddressReopens(page: Page, trained: number): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`[?&]${TRAINED}=${trained}(&|$)`));
  const address = page.url();
  const query = new URL(address).search;
  expect(query.length, `the address's query: ${query}`).toBeLessThan(200);
  expect(address.length, address).toBeLessThan(200);
  for (const name of PARAM_NAMES.filter((n) => /^w\d$/.test(n))) expect(new URL(address).searchParams.has(name), `${name} in ${query}`).toBe(false);
  const before = await valuesShown(page);
  for (const [key, values] of Object.entries(before)) expect(values, `${key}: one value on the page`).toHaveLength(1);
  const again = await page.context().newPage();
  await again.goto(address);
  await again.waitForFunction(() => document.documentElement.hasAttribute('data-precision'));
  const after = await valuesShown(again);
  for (const [key, values] of Object.entries(before)) {
    if (after[key]) expect(after[key], `${key} after reopening`).toEqual(values);
  }
  expect(Object.keys(after).filter((k) => before[k]).length, 'numbers compared').toBeGreaterThan(20);
  await again.close();
}

/** Fields hold no more than they show: no field's text is wider than the field. */
async function expectFieldsFit(page: Page): Promise<void> {
  const overflowing = await page.$$eval('input[data-param]', (inputs) =>
    (inputs as HTMLInputElement[]).filter((i) => i.offsetParent !== null && i.scrollWidth > i.clientWidth + 1).map((i) => `${i.name}="${i.value}" (${i.scrollWidth} > ${i.clientWidth})`),
  );
  expect(overflowing, overflowing.join('\n')).toEqual([]);
}

test('1.2: three presses of One epoch give `trained=3`, which reopens the same numbers; the fields fit', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(NETWORK);
  await wakeFigure(page, 'fig-network');
  for (let n = 2; n <= 4; n++) {
    await page.locator('[data-train="step"]').click();
    await expect(page.locator('[data-train-epoch]')).toHaveAttribute('data-train-epoch', String(n));
  }
  await expectAddressReopens(page, 3);
  await expectFieldsFit(page);
  // The exact value is one tap away; leaving the field unchanged changes nothing.
  const w5 = page.locator('input[name="w5"]').first();
  const exact = await page.locator('[data-q="w5"]:not([data-epoch])').first().getAttribute('data-value');
  const address = page.url();
  expect(await w5.inputValue()).not.toBe(exact);
  await w5.click();
  await expect(w5).toHaveValue(exact ?? '');
  expect(await w5.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0)), 'the exact value is selected').toBe(exact);
  await page.keyboard.press('Tab');
  await expect(w5).not.toHaveValue(exact ?? '');
  expect(await settledSearch(page), 'focus and leave: nothing changed').toBe(new URL(address).search);
  await expect(page.locator('[data-q="w5"]:not([data-epoch])').first()).toHaveAttribute('data-value', exact ?? '');
});

test('1.4: Play, then Pause, gives `trained=n`, which reopens the same numbers', async ({ page }) => {
  await page.goto(BACKPROP);
  await wakeFigure(page, 'fig-backward');
  await page.locator('#fig-backward select').selectOption('10');
  await page.locator('#fig-backward [data-train="play"]').click();
  await expect.poll(async () => Number(await page.locator('#fig-backward [data-train-epoch]').getAttribute('data-train-epoch')), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
  await page.locator('#fig-backward [data-train="play"]').click();
  await expect(page.locator('#fig-backward [data-train="play"]')).toHaveText('Play');
  const epoch = Number(await page.locator('#fig-backward [data-train-epoch]').getAttribute('data-train-epoch'));
  await expectAddressReopens(page, epoch - 1);
  await expectFieldsFit(page);
});

test('1.5: Use these weights at epoch 4 gives `trained=3`, which reopens the same numbers', async ({ page }) => {
  await page.goto(UPDATE);
  const stepper = page.locator('.stepper');
  await stepper.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island:has(.stepper)')).not.toHaveAttribute('ssr', { timeout: 15_000 });
  for (let n = 2; n <= 4; n++) {
    await stepper.getByRole('button', { name: 'Next epoch' }).click();
    await expect(stepper.locator('[data-q="E_total"]').first()).toHaveAttribute('data-epoch', String(n));
  }
  await stepper.getByRole('button', { name: 'Use these weights' }).click();
  await expectAddressReopens(page, 3);
  await expectFieldsFit(page);
});
