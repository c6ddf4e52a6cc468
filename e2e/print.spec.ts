/**
 * Print and PDF (issue 7, item 3): a printed section is complete and can be reopened exactly.
 * The PDF Chromium makes of 1.4 holds all eight steps, the values in force as the page shows
 * them, the full address of the configuration once at the top, and no control; every step is
 * laid out even if it was never near the screen (content-visibility).
 */
import { expect, test, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { ARTICLE_PARAMS, PARAM_NAMES, formatParameter, formatQuantity, type Params } from '../src/lib/backprop';
import { SECTION_SLUGS, sectionPath } from './support/site';

test.describe.configure({ timeout: 120_000 });

const BACKPROP = sectionPath(SECTION_SLUGS.backprop);
const UPDATE = sectionPath(SECTION_SLUGS.update);

/** Words of controls that must not reach paper. */
const CONTROL_WORDS = ['Reset', 'Significant digits', 'Skip to the content', 'Download', 'Previous epoch', 'Next epoch', 'Logarithmic', 'Dismiss'];

/** The text of each printed page, with the height of the page and the lowest line of text on it (points from the top). */
async function printedPages(page: Page, options: Parameters<Page['pdf']>[0]): Promise<{ text: string[]; height: number; lowest: number }[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await page.pdf(options)));
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const sheet = await pdf.getPage(n);
    const height = sheet.getViewport({ scale: 1 }).height;
    const items = (await sheet.getTextContent()).items.flatMap((item) => ('str' in item && item.str.trim() ? [item] : []));
    pages.push({ text: items.map((i) => i.str), height, lowest: Math.max(...items.map((i) => height - (i.transform[5] as number))) });
  }
  return pages;
}

/** The PDF of the page as Chromium prints it, as plain text with spaces folded. */
async function printedText(page: Page): Promise<string> {
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-precision'));
  await page.waitForLoadState('networkidle');
}

/** The step headings as the page has them ("Step 3 The three factors"). */
async function stepHeadings(page: Page): Promise<string[]> {
  return page.$$eval('.step-title', (els) => els.map((el) => (el.textContent ?? '').replace('#', '').replace(/\s+/g, ' ').trim()));
}

const CONFIGURATIONS: readonly { label: string; query: string; params: Params }[] = [
  { label: 'the article’s values', query: '', params: ARTICLE_PARAMS },
  { label: 'a linked configuration', query: '?w1=0.3&t2=0.2&lr=0.7', params: { ...ARTICLE_PARAMS, w1: 0.3, t2: 0.2, lr: 0.7 } },
];

for (const { label, query, params } of CONFIGURATIONS) {
  test(`${BACKPROP}: the PDF at ${label} holds every step, the values in force and the address, and no control`, async ({ page, baseURL }) => {
    await page.goto(`${BACKPROP}${query}`);
    await ready(page);
    const headings = await stepHeadings(page);
    expect(headings).toHaveLength(8);
    const text = await printedText(page);

    for (const heading of headings) expect(text, `step heading “${heading}”`).toContain(heading);
    for (const name of PARAM_NAMES) {
      expect(text, `${name} as the page shows it`).toContain(`${name === 'lr' ? 'η' : name} = ${formatParameter(params[name])}`);
    }
    // The printed address is the page's own, with exactly this configuration in its query.
    const address = (await page.locator('a[data-print-address]').textContent())?.trim() ?? '';
    const url = new URL(address);
    expect(url.origin + url.pathname).toBe(`${new URL(baseURL ?? page.url()).origin}${BACKPROP}`);
    for (const name of PARAM_NAMES) {
      expect(url.searchParams.get(name) ?? String(ARTICLE_PARAMS[name]), `${name} in the printed address`).toBe(String(params[name]));
    }
    expect(text.split(address).length - 1, `the address ${address} printed once`).toBe(1);
    // The last step's result, at this configuration, reached paper too.
    const gradient = formatQuantity({ name: 'dE_dw1' }, (await page.locator('#grad-w1 [data-q="dE_dw1"]').first().getAttribute('data-value').then(Number)), 4);
    expect(text).toContain(gradient);
    for (const word of CONTROL_WORDS) expect(text, `control label “${word}”`).not.toContain(word);
  });
}

test(`${BACKPROP}: in print every step is laid out, and an equation is never split by a page break`, async ({ page }) => {
  await page.goto(BACKPROP);
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  const steps = await page.$$eval('.step', (els) =>
    els.map((el) => ({ visibility: getComputedStyle(el).contentVisibility, height: el.getBoundingClientRect().height })),
  );
  expect(steps).toHaveLength(8);
  for (const step of steps) {
    expect(step.visibility).toBe('visible');
    expect(step.height).toBeGreaterThan(50);
  }
  const breaks = await page.$$eval('.eq-display, .grad', (els) => [...new Set(els.map((el) => getComputedStyle(el).breakInside))]);
  expect(breaks).toEqual(['avoid']);
});

test(`${UPDATE}: a printed 1.5 shows its tables for the linked configuration, and no control`, async ({ page }) => {
  await page.goto(`${UPDATE}?lr=1.7&w1=-0.36`);
  await ready(page);
  // Islands below the fold hydrated because the state differs from the build's: their drawing is current.
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
  const text = await printedText(page);
  const next = await page.locator('[data-q="w1"][data-epoch="2"]').first().textContent();
  expect(next?.trim()).toBeTruthy();
  expect(text).toContain(next?.trim() ?? '');
  expect(text).toContain('η = 1.7');
  for (const word of CONTROL_WORDS) expect(text, `control label “${word}”`).not.toContain(word);
});

for (const format of ['A4', 'Letter'] as const) {
  test(`${BACKPROP}: printed on ${format} with margins, the first page is filled, no page is left half empty, and none starts with a figure's control label`, async ({ page }) => {
    await page.goto(BACKPROP);
    await ready(page);
    const pages = await printedPages(page, { format, margin: { top: '1.5cm', bottom: '1.5cm', left: '1.5cm', right: '1.5cm' } });
    const [first] = pages;
    if (!first) throw new Error('nothing printed');
    // Margins included: the first page's text runs on into the bottom quarter of the sheet.
    expect(first.lowest / first.height, 'how far down the first page the text goes').toBeGreaterThan(0.75);
    for (const [n, sheet] of pages.entries()) {
      expect(sheet.text[0], `page ${n + 1} starts with`).not.toMatch(/^(Weight|Across|Up)$/);
      // No page but the last is left half empty by a block pushed whole onto the next.
      if (n < pages.length - 1) expect(sheet.lowest / sheet.height, `how far down page ${n + 1} the text goes`).toBeGreaterThan(0.6);
    }
    // The pickers' words stay off paper; the caption names the weight drawn.
    const text = pages.flatMap((p) => p.text).join(' ');
    // The caption sets E_total with its subscript, which the PDF's text keeps apart.
    expect(text).toMatch(/E[ _]total against w5/);
  });
}
