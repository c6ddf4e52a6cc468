/**
 * Helpers for the explanation specs: the open explanation (DOM contract: `data-explains`), the
 * numbers a reader can see and click, and where a box lies on screen.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The open explanation. */
export const PANEL = '[data-explains]';

/** A number a reader can see: its position among all `[data-q]` of the page, and what it shows. */
export interface VisibleNumber {
  readonly index: number;
  readonly name: string;
  readonly epoch: string | null;
  readonly lr: string | null;
}

/**
 * One visible number per distinct quantity (name, epoch, learning rate) on the page, outside any
 * explanation: not the MathML copies read to assistive technology, nothing visually hidden or not displayed.
 */
export async function distinctVisibleNumbers(page: Page): Promise<VisibleNumber[]> {
  return page.$$eval('[data-q]', (els) => {
    const seen = new Set<string>();
    const out: { index: number; name: string; epoch: string | null; lr: string | null }[] = [];
    els.forEach((el, index) => {
      if (el.closest('.katex-mathml, .visually-hidden, [data-explains], input')) return;
      if (!el.checkVisibility({ visibilityProperty: true })) return;
      const epoch = el.getAttribute('data-epoch');
      const e = epoch === '1' ? null : epoch;
      const key = `${el.getAttribute('data-q')}@${e}:${el.getAttribute('data-lr')}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ index, name: el.getAttribute('data-q') ?? '', epoch: e, lr: el.getAttribute('data-lr') });
    });
    return out;
  });
}

/** Waits until the explanation of `name` is open and loaded (its words are shown). */
export async function expectOpen(page: Page, name: string): Promise<Locator> {
  const panel = page.locator(`${PANEL}[data-explains="${name}"]`);
  await expect(panel).toBeVisible();
  await expect(panel.locator('.explain-meaning')).toBeVisible();
  return panel;
}

/** Where an element lies relative to the viewport, and whether it is wholly inside it. */
export async function inViewport(locator: Locator): Promise<{ inside: boolean; rect: string }> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const inside = r.left >= -0.5 && r.top >= -0.5 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5 && r.width > 0;
    return { inside, rect: `${Math.round(r.left)},${Math.round(r.top)} – ${Math.round(r.right)},${Math.round(r.bottom)} in ${innerWidth}×${innerHeight}` };
  });
}

/** Presses Tab until the focused element matches `selector` (at most `limit` times). */
export async function tabUntil(page: Page, selector: string, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The `data-q` of the current number of the focused stop (or of the focused element itself). */
export async function currentOfFocus(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.querySelector('.explain-current')?.getAttribute('data-q') ?? el?.getAttribute('data-q') ?? null;
  });
}

/** Focuses `stop` and moves its current number to the first showing `name` (the explanation code loads on focus). */
export async function focusNumber(page: Page, stop: Locator, name: string): Promise<void> {
  await stop.focus();
  await expect(stop.locator('.explain-current'), 'the stop marks its current number').toHaveCount(1);
  for (let i = 0; i < 20 && (await currentOfFocus(page)) !== name; i++) await page.keyboard.press('ArrowRight');
  expect(await currentOfFocus(page)).toBe(name);
}

/**
 * Scrolls `target` into view and returns its middle, in the page's coordinates, once a press there
 * lands on it. Content off the screen is laid out only when it comes near (near-screen.css), so the
 * frame after a scroll can still move what was scrolled to: a reader sees where the number is before
 * pressing, and so does this.
 */
export async function steadyPoint(target: Locator): Promise<{ x: number; y: number }> {
  await target.scrollIntoViewIfNeeded();
  let point = { x: NaN, y: NaN };
  await expect.poll(async () => {
    const before = await target.boundingBox();
    // Two frames later, and whether the middle of the element is the element (or inside it).
    const hits = await target.evaluate((el) => new Promise<boolean>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
      const r = el.getBoundingClientRect();
      const hit = el.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      resolve(!!hit && el.contains(hit));
    }))));
    const after = await target.boundingBox();
    if (!before || !after || !hits || before.x !== after.x || before.y !== after.y) return false;
    point = { x: after.x + after.width / 2, y: after.y + after.height / 2 };
    return true;
  }, 'the element stays still under the pointer').toBe(true);
  return point;
}

/**
 * Presses the mouse on the w5 a reader would drag (the first one visible in an equation or in prose),
 * scrolled to first, at its middle; returns that point for the moves of the drag.
 */
export async function pressOnW5(page: Page): Promise<{ x: number; y: number }> {
  const point = await steadyPoint(page.locator('.katex-html [data-q="w5"], .num[data-q="w5"]').filter({ visible: true }).first());
  await page.mouse.move(point.x, point.y);
  await page.mouse.down();
  return point;
}
