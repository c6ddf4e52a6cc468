/**
 * Issue 16, item 10: numbers that read oddly. A negative term after "+" or "−" folds its sign
 * into the operator ("0.01022 − 0.03126", never "0.01022 + −0.03126"), in the typeset picture and
 * in the MathML alike, while `data-value` keeps the signed value; an exact zero reads "0".
 */
import { expect, test, type Page } from '@playwright/test';
import { type Params } from '../src/lib/backprop';
import { mismatchesInPage, serveMathModule, withParams } from './support/quantities';
import { sectionPaths } from './support/site';

test.describe.configure({ timeout: 120_000 });

/** An operator followed by a negative number: what folding removes. */
const UNFOLDED = /[+\-−]\s*[−-]\s*\d/g;

/** Where the page reads `+ −` or `− −`, in its text and in its MathML, with a little context. */
async function unfolded(page: Page): Promise<string[]> {
  const { text, mathml } = await page.evaluate(() => ({
    text: document.body.innerText,
    mathml: [...document.querySelectorAll('.katex-mathml math')].map((m) => m.textContent ?? '').join('\n'),
  }));
  const around = (s: string, where: string) => [...s.matchAll(UNFOLDED)].map((m) => `${where}: “${s.slice(Math.max(0, (m.index ?? 0) - 25), (m.index ?? 0) + 25).replace(/\s+/g, ' ')}”`);
  return [...around(text, 'text'), ...around(mathml, 'MathML')];
}

function query(p: Params): string {
  return `?${Object.entries(p).map(([k, v]) => `${k}=${v}`).join('&')}`;
}

const CONFIGURATIONS: readonly (readonly [string, Params])[] = [
  ['t2 = 0.9', withParams({ t2: 0.9 })],
  ['negative weights, inputs and targets', withParams({ i2: -0.1, t1: -0.5, t2: 0.9, w2: -0.2, w4: -0.3, w6: -0.45, w7: -0.5, lr: -0.1 })],
];

test.beforeEach(async ({ page }) => {
  await serveMathModule(page);
});

for (const [label, params] of CONFIGURATIONS) {
  for (const path of sectionPaths()) {
    test(`${path} with ${label}: no "+ −" or "− −", and every number true`, async ({ page }) => {
      await page.goto(`${path}${query(params)}`);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-precision'));
      await expect.poll(() => mismatchesInPage(page, params), { timeout: 20_000 }).toEqual([]);
      const found = await unfolded(page);
      expect(found, found.join('\n')).toEqual([]);
    });
  }
}

test('the folded operator follows the sign live, both ways, with data-value signed', async ({ page }) => {
  const backprop = sectionPaths().find((p) => /1-4-/.test(p)) ?? '';
  await page.goto(backprop);
  const term = page.locator('#step-5 .katex-html [data-q="dE2_da_h1"][data-fold]').first();
  await expect(term).toHaveText(/^\d/);
  await page.locator('input[name="t2"]').first().fill('0.9');
  await expect(term).toHaveAttribute('data-value', /^-/);
  await expect(term).toHaveText(/^\d/);
  expect(await unfolded(page)).toEqual([]);
  const equation = await term.evaluate((el) => (el.closest('.katex-html')?.textContent ?? '').replace(/\s+/g, ''));
  expect(equation).toMatch(/\d−\d/);
  await page.locator('input[name="t2"]').first().fill('0.5');
  await expect(term).toHaveAttribute('data-value', /^\d/);
  const back = await term.evaluate((el) => (el.closest('.katex-html')?.textContent ?? '').replace(/\s+/g, ''));
  expect(back).toMatch(/\d\+\d/);
  expect(await unfolded(page)).toEqual([]);
});

test('an exact zero reads "0", not "0.000"', async ({ page }) => {
  // With i1 = 0, the gradients of w1 and w3 are exactly zero.
  const params = withParams({ i1: 0 });
  const backprop = sectionPaths().find((p) => /1-4-/.test(p)) ?? '';
  await page.goto(`${backprop}${query(params)}`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-precision'));
  for (const name of ['dE_dw1', 'dE_dw3']) {
    const shown = page.locator(`.katex-html [data-q="${name}"]:not([data-epoch])`).first();
    await expect(shown).toHaveText('0');
  }
  expect(await page.evaluate(() => /(^|[^\d.])0\.0+(?![\d])/.test(document.body.innerText)), 'no "0.000" on the page').toBe(false);
  await expect.poll(() => mismatchesInPage(page, params), { timeout: 20_000 }).toEqual([]);
});
