/**
 * Browser helpers shared by the accessibility, keyboard and bad-input specs:
 * axe with the WCAG tags, a watch for console errors and dialogs, and
 * snapshots of the page's DOM contract.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { PARAM_NAMES } from '../../src/lib/backprop';
import { waitForHydration } from './quantities';

/** The WCAG levels issue 4 holds every page to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** Every editable parameter field (`name` one of the thirteen parameters). */
export const PARAM_FIELDS = PARAM_NAMES.map((n) => `input[name="${n}"]`).join(', ');

/** Axe's violations as one readable line each (rule id, impact, the first few elements); `within`, a selector to judge only that part. */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  // Axe judges the page at rest: a change mark still fading when the scheme switches passes for a moment
  // through colours between light and dark ones, which no reader sees as the page's colours.
  await page
    .waitForFunction(() => !document.querySelector('.q-changed') && document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  // Legacy mode runs in the page itself: the default opens a second page to merge frame results,
  // which costs seconds on pages with 15,000 KaTeX elements, and the site has no frames. Only
  // violations are collected in full: listing every passing node roughly doubles the time.
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const results = await builder
    .withTags([...AXE_TAGS])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => {
    const where = v.nodes
      .slice(0, 4)
      .map((n) => n.target.join(' '))
      .join(' | ');
    return `${v.id} (${v.impact ?? 'n/a'}, ${v.nodes.length} element(s)): ${v.help} — ${where}`;
  });
}

/** What went wrong in the page's own terms: console errors, uncaught exceptions, dialogs. */
export interface PageWatch {
  readonly problems: string[];
}

/**
 * Starts recording console errors, uncaught exceptions and dialogs (dismissed at once,
 * so a stray alert() cannot hang the test). Call before `page.goto`.
 */
export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return { problems };
}

/** `data-value` of every `[data-q]` element, keyed by position (the page's whole numeric state). */
export async function dataValues(page: Page): Promise<string[]> {
  return page.$$eval('[data-q]', (els) =>
    els.map((el) => `${el.getAttribute('data-q')}@${el.getAttribute('data-epoch') ?? 1}:${el.getAttribute('data-lr') ?? ''}=${el.getAttribute('data-value')}`),
  );
}

/** The words on screen that must never appear (the page's visible text, field contents excluded). */
export async function unshowableOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [...(document.body.innerText.match(/\b(NaN|Infinity|undefined)\b/g) ?? [])];
    // SVG text and titles are not always in innerText; read the drawings' text too.
    for (const svg of document.querySelectorAll('svg')) {
      found.push(...(svg.textContent?.match(/\b(NaN|Infinity|undefined)\b/g) ?? []));
      for (const el of svg.querySelectorAll('[d], [x], [y], [cx], [cy], [points]')) {
        for (const attr of ['d', 'x', 'y', 'cx', 'cy', 'points']) {
          if (/NaN|Infinity|undefined/.test(el.getAttribute(attr) ?? '')) found.push(`${attr}=${el.getAttribute(attr)}`);
        }
      }
    }
    return found;
  });
}

/** `data-value`s on the page that are not finite numbers (a computed NaN or overflow). */
export async function unfiniteValues(page: Page): Promise<string[]> {
  return page.$$eval('[data-q]', (els) =>
    els
      .filter((el) => !Number.isFinite(Number(el.getAttribute('data-value'))))
      .map((el) => `${el.getAttribute('data-q')}=${el.getAttribute('data-value')}`),
  );
}

/** The element a field's `aria-describedby` points at (fails when there is none). */
export async function describedBy(page: Page, field: Locator): Promise<Locator> {
  const ids = (await field.getAttribute('aria-describedby'))?.trim();
  expect(ids, 'the field is linked to its message by aria-describedby').toBeTruthy();
  const [first] = (ids ?? '').split(/\s+/);
  return page.locator(`[id="${first}"]`);
}

/** The value in force for a parameter, as its shown (non-field) elements carry it. */
export async function valueInForce(page: Page, name: string): Promise<string[]> {
  return page.$$eval(`[data-q="${name}"]:not([data-epoch]):not([data-lr]):not(input)`, (els) =>
    [...new Set(els.map((el) => el.getAttribute('data-value') ?? ''))],
  );
}

/** Waits until every island has hydrated, woken as a reader wakes them (quantities.ts, `waitForHydration`). */
export function hydrate(page: Page): Promise<void> {
  return waitForHydration(page);
}
