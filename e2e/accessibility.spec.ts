/**
 * Issue 4, item 1: every kind of page passes axe (WCAG 2.0–2.2 A/AA) in both colour
 * schemes at a phone and a desktop width, and so does a field's error where it shows;
 * edits are announced once, politely; live equations read the same numbers
 * in MathML as on screen; the chart has a text alternative; reduced motion
 * is respected. Keyboard use is in keyboard.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { summariseChange } from '../src/lib/announce';
import { ARTICLE_DIGITS, ARTICLE_PARAMS } from '../src/lib/backprop';
import { PARAM_FIELDS, axeViolations, describedBy, hydrate, watchPage } from './support/a11y-page';
import { SECTION_SLUGS, builtHtml, pagePaths, sectionPath, sectionPaths, sitePath } from './support/site';

test.describe.configure({ timeout: 120_000 });

const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [320, 1280] as const;
const FORWARD = sectionPath(SECTION_SLUGS.forward);
const UPDATE = sectionPath(SECTION_SLUGS.update);

/**
 * The kinds of page, each scanned whole in the four combinations once. A section page's own content is
 * also on /all/, and its frame (sidebar, toolbar, header) is the same on every section, so one section
 * page stands for the five; a page of a new kind fails the classification test below until it is added.
 */
const PAGE_KINDS = {
  contents: sitePath(''),
  section: FORWARD,
  all: sitePath('all/'),
  'embed help': sitePath('embed/'),
  practice: sitePath('practice/'),
} as const;

/** The kind of a page of the sitemap, or undefined for a page of no known kind. */
function kindOf(path: string): keyof typeof PAGE_KINDS | undefined {
  if (sectionPaths().includes(path)) return 'section';
  return (Object.keys(PAGE_KINDS) as (keyof typeof PAGE_KINDS)[]).find((kind) => PAGE_KINDS[kind] === path);
}

test('every page of the sitemap is of a kind whose axe matrix runs', () => {
  expect(pagePaths().filter((path) => kindOf(path) === undefined)).toEqual([]);
});

// One page load per kind: the colour scheme and the width change in place. Each of the four combinations
// is scanned as loaded; then a field shows its error and its fieldset alone is scanned in the four.
for (const [kind, path] of Object.entries(PAGE_KINDS)) {
  test(`${kind} (${path}): axe finds no violation in light and dark, at 320 and 1280 px, also around a field's error`, async ({ page }) => {
    test.setTimeout(240_000);
    const watch = watchPage(page);
    await page.goto(path);
    await hydrate(page);
    const found: string[] = [];
    const scan = async (when: string, colorScheme: (typeof SCHEMES)[number], width: number, within?: string) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      for (const v of await axeViolations(page, within)) found.push(`${when}, ${colorScheme}, ${width} px: ${v}`);
      // Reflow (WCAG 1.4.10), which axe does not check: long equations and tables scroll in their own box, never the page.
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (pageWidth > width) found.push(`${when}, ${colorScheme}, ${width} px: the page scrolls sideways (${pageWidth} px wide)`);
    };
    for (const colorScheme of SCHEMES) for (const width of WIDTHS) await scan('as loaded', colorScheme, width);
    const field = page.locator(PARAM_FIELDS).first();
    if ((await field.count()) > 0) {
      await field.fill('abc');
      await expect(await describedBy(page, field)).toBeVisible();
      const region = await field.evaluate((el) => el.closest('fieldset[id]')?.id);
      expect(region, 'the field sits in a fieldset with an id').toBeTruthy();
      for (const colorScheme of SCHEMES) for (const width of WIDTHS) await scan('with a field error', colorScheme, width, `#${region}`);
    }
    expect(found, found.join('\n')).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
}

test('after typing into w1, the toolbar announces one short polite summary', async ({ page }) => {
  await page.goto(FORWARD);
  await hydrate(page);
  const announcer = page.locator('[data-announcer]');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  // Record every text the live region takes from now on.
  await announcer.evaluate((el) => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    new MutationObserver(() => heard.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
  const w1 = page.locator('input[name="w1"]').first();
  await w1.click();
  await w1.press('ControlOrMeta+a');
  await w1.pressSequentially('0.3', { delay: 80 });
  // Nothing is said while the reader is still typing.
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter(Boolean))).toEqual([]);
  const expected = summariseChange({ params: ARTICLE_PARAMS, trained: 0 }, { params: { ...ARTICLE_PARAMS, w1: 0.3 }, trained: 0 }, ARTICLE_DIGITS);
  expect(expected).toMatch(/^w1 is 0\.3\. The total error is now 0\.\d+\.$/);
  await expect(announcer).toHaveText(expected);
  // Give a second, late announcement time to appear before counting.
  await page.waitForTimeout(1200);
  const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter(Boolean));
  expect(heard, 'announced once, after the pause').toEqual([expected]);
  const numbers = expected.match(/\d+(\.\d+)?/g) ?? [];
  expect(numbers.length, 'a summary, not every number').toBeLessThanOrEqual(4);
});

// Pages with a live equation (its numbers are `mord live` elements), not only static math beside a live number in prose.
for (const path of pagePaths().filter((p) => /class="mord live"/.test(builtHtml(p)))) {
  test(`${path}: every live equation's MathML reads the same numbers as its visual form after an edit`, async ({ page }) => {
    await page.goto(path);
    await hydrate(page);
    const pairs = () =>
      page.$$eval('.katex', (all) =>
        all
          .filter((k) => k.querySelector('[data-bind]'))
          .map((k) => {
            const read = (sel: string) =>
              [...k.querySelectorAll(`${sel} [data-q]`)].map(
                (el) => `${el.getAttribute('data-q')}=${el.getAttribute('data-value')} "${(el.textContent ?? '').trim()}"`,
              );
            return { mathml: read('.katex-mathml'), html: read('.katex-html') };
          }),
      );
    const before = await pairs();
    expect(before.length, 'live equations on the page').toBeGreaterThan(0);
    const field = page.locator('input[name="w1"], input[name="lr"]').first();
    await expect(field).toHaveCount(1);
    await field.fill('0.7');
    await expect.poll(async () => JSON.stringify(await pairs()) !== JSON.stringify(before)).toBe(true);
    const after = await pairs();
    for (const [i, { mathml, html }] of after.entries()) {
      expect(mathml.length, `equation ${i} has live numbers in its MathML`).toBeGreaterThan(0);
      expect(mathml, `equation ${i}: MathML and visual form`).toEqual(html);
    }
  });
}

test('the loss chart has a text alternative with numbers, which follows the learning rate', async ({ page }) => {
  await page.goto(UPDATE);
  await hydrate(page);
  const chart = page.locator('figure.loss-chart');
  const svg = chart.locator('svg[role="img"]').first();
  await expect(svg).toHaveAccessibleName(/\S/);
  await expect(svg).toHaveAccessibleDescription(/\d/);
  const table = chart.locator('table');
  await expect(table).toHaveCount(1);
  const rows = table.locator('tbody tr');
  expect(await rows.count(), 'one row per learning rate').toBeGreaterThanOrEqual(6);
  for (const row of await rows.all()) await expect(row).toContainText(/\d\.\d/);
  await page.locator('input[name="lr"]').first().fill('0.3');
  // The reader's own rate joins the table as its own row, with its number.
  const own = rows.filter({ hasText: '(yours)' });
  await expect(own).toHaveCount(1);
  await expect(own).toContainText('0.3');
  await expect(own.locator('[data-q="E_total"]')).toHaveText(/^\d\.\d+/);
});

test.describe('reduced motion', () => {
  // One stylesheet and one page script for every page: one page of each kind.
  for (const [kind, path] of Object.entries(PAGE_KINDS)) {
    test(`${kind} (${path}): no animation or transition runs, scrolling jumps`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(path);
      await hydrate(page);
      // Interact the ways that could start motion: follow a deep link, edit a field, press a button.
      // A step's link is inside its Share control, which opens first.
      const share = page.locator('details[data-share]').first();
      if ((await share.count()) > 0) {
        await share.locator('summary').click();
        await share.locator('a[data-deep-link]').click();
      }
      const field = page.locator(PARAM_FIELDS).first();
      if ((await field.count()) > 0) await field.fill('0.25');
      const button = page.locator('button:not([disabled]):not([aria-disabled="true"])').first();
      if ((await button.count()) > 0) {
        await button.hover();
        await button.focus();
      }
      const moving = await page.evaluate(() => {
        const running = document.getAnimations().map((a) => `${a.constructor.name} on ${(a.effect as KeyframeEffect | null)?.target?.nodeName}`);
        const long: string[] = [];
        for (const el of document.querySelectorAll('*')) {
          const style = getComputedStyle(el);
          const durations = `${style.transitionDuration},${style.animationDuration}`.split(',').map((d) => parseFloat(d));
          if (durations.some((d) => d > 0) && (style.animationName !== 'none' || style.transitionProperty !== 'none')) {
            long.push(`${el.nodeName}.${el.getAttribute('class') ?? ''}: ${style.transitionDuration} / ${style.animationDuration}`);
          }
        }
        return { running, long, scroll: getComputedStyle(document.documentElement).scrollBehavior };
      });
      expect(moving.running).toEqual([]);
      expect(moving.long).toEqual([]);
      expect(moving.scroll).toBe('auto');
    });
  }
});
