/**
 * Issue 4, item 1, keyboard part: Tab reaches every control of every page in
 * document order, each with a visible focus ring, and the controls work with
 * the keyboard alone (edit a field, Reset with Enter and with Space, the
 * precision menu, a deep link, the epoch stepper, the chart's scale).
 */
import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_PARAMS } from '../src/lib/backprop';
import { hydrate, valueInForce, watchPage } from './support/a11y-page';
import { SECTION_SLUGS, pagePaths, sectionPath } from './support/site';

test.describe.configure({ timeout: 120_000 });

const FORWARD = sectionPath(SECTION_SLUGS.forward);
const BACKPROP = sectionPath(SECTION_SLUGS.backprop);
const UPDATE = sectionPath(SECTION_SLUGS.update);

interface Stop {
  order: number;
  what: string;
  ring: string | null;
}

/**
 * Numbers every control Tab should reach, in document order, and returns how many.
 * Fails on a positive tabindex, which would take a control out of document order.
 */
async function markTabStops(page: Page): Promise<{ count: number; positive: string[] }> {
  return page.evaluate(() => {
    const focusable =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"], [contenteditable=""]';
    const positive: string[] = [];
    let count = 0;
    for (const el of document.querySelectorAll<HTMLElement>(focusable)) {
      if (el.tabIndex > 0) positive.push(el.outerHTML.slice(0, 80));
      if (el.tabIndex < 0 || el.matches(':disabled') || el.closest('[inert]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      (el as HTMLElement & { tabStop?: number }).tabStop = count++;
    }
    return { count, positive };
  });
}

/** Where focus is now and whether it shows a ring (null when it does). */
async function focusNow(page: Page): Promise<Stop> {
  return page.evaluate(async () => {
    const el = document.activeElement as (HTMLElement & { tabStop?: number }) | null;
    if (!el || el === document.body) return { order: -1, what: 'body', ring: null };
    const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const what = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? ` name=${el.getAttribute('name')}` : ''}> ${label}`;
    const style = getComputedStyle(el);
    const outlined =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(style.outlineColor);
    const shadowed = style.boxShadow !== 'none' && !/rgba\(\d+, \d+, \d+, 0\)/.test(style.boxShadow);
    const visibleNow = () => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
    };
    // The page scrolls smoothly (unless the reader asks for less motion): give the scroll time to land.
    for (let waited = 0; !visibleNow() && waited < 2000; waited += 50) await new Promise((done) => setTimeout(done, 50));
    const onScreen = visibleNow();
    const r = el.getBoundingClientRect();
    let ring: string | null = null;
    if (!outlined && !shadowed) ring = `no focus ring (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow})`;
    else if (!onScreen) ring = `focused but off screen (${Math.round(r.left)}, ${Math.round(r.top)})`;
    return { order: el.tabStop ?? -1, what, ring };
  });
}

for (const path of pagePaths()) {
  test(`${path}: Tab visits every control in document order, each with a visible focus ring`, async ({ page }) => {
    const watch = watchPage(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(path);
    await hydrate(page);
    const { count, positive } = await markTabStops(page);
    expect(positive, 'no positive tabindex').toEqual([]);
    expect(count, 'controls on the page').toBeGreaterThan(1);
    const problems: string[] = [];
    const order: number[] = [];
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('Tab');
      const stop = await focusNow(page);
      order.push(stop.order);
      if (stop.order !== i) problems.push(`Tab ${i + 1} reached ${stop.what} (stop ${stop.order}), expected stop ${i}`);
      if (stop.ring) problems.push(`${stop.what}: ${stop.ring}`);
      if (problems.length > 10) break;
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect(order).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(watch.problems).toEqual([]);
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, backwards = false): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('a field is edited and Reset pressed with the keyboard alone, with Enter and with Space', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(FORWARD);
  await hydrate(page);
  const reset = '[data-action="reset"]';
  for (const key of ['Enter', 'Space'] as const) {
    await tabTo(page, 'input[name="w1"]');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0.3');
    await expect.poll(() => valueInForce(page, 'w1')).toEqual(['0.3']);
    await tabTo(page, reset, true);
    await page.keyboard.press(key);
    await expect.poll(() => valueInForce(page, 'w1'), `Reset by ${key}`).toEqual([String(ARTICLE_PARAMS.w1)]);
    await expect(page.locator('input[name="w1"]')).toHaveValue(String(ARTICLE_PARAMS.w1));
    // Focus stays where the reader was, rather than falling back to the top of the page.
    expect(await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, reset), `focus after ${key}`).toBe(true);
  }
  expect(watch.problems).toEqual([]);
});

test('the precision menu and a deep link work from the keyboard', async ({ page }) => {
  await page.goto(BACKPROP);
  await hydrate(page);
  await tabTo(page, 'select[name="digits"]');
  const before = await page.locator('[data-q="E_total"]').first().textContent();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('select[name="digits"]')).not.toHaveValue('4');
  await expect(page.locator('[data-q="E_total"]').first()).not.toHaveText(before ?? '');
  // A step's link is in its Share control: open it, then follow the link.
  await tabTo(page, '#step-1 > .share > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, 'a[data-deep-link][href*="#step-1"]');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#step-1');
});

test('the epoch stepper and the chart scale work from the keyboard', async ({ page }) => {
  await page.goto(UPDATE);
  await hydrate(page);
  await tabTo(page, '.stepper button:not([disabled])');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/next epoch/i);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect(page.locator('.stepper [data-q="E_total"][data-epoch="3"]')).toHaveCount(1);
  await tabTo(page, '.loss-chart input[type="checkbox"]');
  const checked = await page.locator('.loss-chart input[type="checkbox"]').isChecked();
  await page.keyboard.press('Space');
  await expect(page.locator('.loss-chart input[type="checkbox"]')).toBeChecked({ checked: !checked });
});
