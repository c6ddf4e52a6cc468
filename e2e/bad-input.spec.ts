/**
 * Issue 4, item 2: bad input, through each way it reaches the page: the section fields and the
 * URL query (the explanation's field is explain.spec's), and the extreme values that are still
 * valid. Each bad value gets a clear message beside its field (or the toolbar's notice for the
 * URL), the last valid value stays in force, the address never holds it, nothing on screen reads
 * NaN, Infinity or undefined, and the console stays clean with no dialog.
 *
 * One parser reads every field and every address (parseNumber and paramsFromQuery in
 * src/lib/params.ts): its whole matrix, every bad value under every name with its message, is
 * tests/params.test.ts's. Here each UI path takes the matrix once (one field; one address per
 * section page, every name holding a bad value), and every other field is shown to be wired to
 * it by one bad value.
 *
 * `1,5` is refused, with a hint to write 1.5: a comma is a decimal separator
 * for some readers and a thousands separator for others (1,500), so guessing
 * would silently put a wrong value in force (see parseNumber in src/lib/params.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_PARAMS, PARAM_NAMES, WEIGHT_NAMES, type ParamName } from '../src/lib/backprop';
import { PARAM_FIELDS, dataValues, hydrate, unfiniteValues, unshowableOnScreen, valueInForce, watchPage } from './support/a11y-page';
import { mismatchesInPage, serveMathModule, settledSearch } from './support/quantities';
import { BAD_VALUES, cellFailures, readCell } from './support/bad-input';
import { SECTION_SLUGS, builtHtml, pagePaths, sectionPath, sectionPaths } from './support/site';

test.describe.configure({ timeout: 120_000 });

const UPDATE = sectionPath(SECTION_SLUGS.update);

/** Pages whose build has editable fields. */
const PAGES_WITH_FIELDS = pagePaths()
  .map((path) => ({ path, html: builtHtml(path) }))
  .filter(({ html }) => /<input\b[^>]*\sname="/.test(html))
  .map(({ path }) => path);

/**
 * The fewest, smallest pages that between them hold a field for every parameter: the same field
 * component on every page, so each parameter's field is tried once.
 */
const FIELD_PAGES: readonly string[] = (() => {
  const bySize = [...PAGES_WITH_FIELDS].sort((a, b) => builtHtml(a).length - builtHtml(b).length);
  const chosen: string[] = [];
  const covered = new Set<string>();
  for (const path of bySize) {
    const names = PARAM_NAMES.filter((name) => new RegExp(`<input\\b[^>]*\\sname="${name}"`).test(builtHtml(path)));
    if (names.some((name) => !covered.has(name))) {
      chosen.push(path);
      for (const name of names) covered.add(name);
    }
  }
  return chosen;
})();

test('between them the pages tried hold a field for every parameter', () => {
  const names = PARAM_NAMES.filter((name) => FIELD_PAGES.some((path) => new RegExp(`\\sname="${name}"`).test(builtHtml(path))));
  expect(names).toEqual([...PARAM_NAMES]);
});

/** The value every other field is shown to refuse: the one with a hint of its own. */
const WIRING_VALUE = BAD_VALUES.find(([label]) => label === 'a decimal comma') ?? ['', ''];

for (const [p, path] of FIELD_PAGES.entries()) {
  test(`${path}: its first field refuses every bad value, and every field a bad one, with a message beside it, keeping the last valid value`, async ({ page }) => {
    const watch = watchPage(page);
    await page.goto(path);
    await hydrate(page);
    // One field per parameter: where a page has several for the same one (/all/ has one in each section
    // that edits it), they are the same component bound to the same value, so the first stands for all.
    const fields = await page.$$eval('input[name]', (els) => {
      const first = new Map<string, string>();
      for (const el of els) {
        if (['checkbox', 'radio', 'file', 'hidden', 'button', 'submit', 'reset'].includes((el as HTMLInputElement).type)) continue;
        const name = el.getAttribute('name') ?? '';
        if (!first.has(name)) first.set(name, el.id ? `[id="${el.id}"]` : `input[name="${name}"]`);
      }
      return [...first];
    });
    expect(fields.length, 'editable fields on the page').toBeGreaterThan(0);
    const baselineValues = (await dataValues(page)).map((v) => v.slice(v.indexOf('=') + 1)).join('|');
    const baselineSearch = await page.evaluate(() => location.search);
    const failures: string[] = [];
    for (const [f, [name, selector]] of fields.entries()) {
      const field = page.locator(selector);
      const original = await field.inputValue();
      // The whole matrix once, on the first page's first field.
      for (const [label, text] of p === 0 && f === 0 ? BAD_VALUES : [WIRING_VALUE]) {
        await field.fill(text);
        const cell = await readCell(page, selector);
        failures.push(...cellFailures(`${name} ← ${label}`, label, cell, { values: baselineValues, search: baselineSearch }));
      }
      const onScreen = await unshowableOnScreen(page);
      if (onScreen.length > 0) failures.push(`${name} after the bad values: the page reads ${onScreen.join(', ')}`);
      // A good value again clears the message and is put in force.
      await field.fill(original);
      await expect(field).not.toHaveAttribute('aria-invalid', 'true');
      await expect(field).not.toHaveAttribute('aria-describedby', /\S/);
      expect((await dataValues(page)).map((v) => v.slice(v.indexOf('=') + 1)).join('|')).toBe(baselineValues);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(await unshowableOnScreen(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
}

/**
 * Bad values under every parameter name of the URL: load k gives name i the value (i + k) mod 13.
 * One load per section page, since each has its own toolbar, every shown number then compared with
 * the math module at the article's values; the whole 13 × 13 matrix is paramsFromQuery's, in
 * tests/params.test.ts.
 */
const SECTIONS = sectionPaths();
for (const [s, path] of SECTIONS.entries()) {
  const loads = [s];
  test(`${path}: a URL query with a bad value under every name (load ${s}) gives a notice and changes nothing`, async ({
    page,
  }) => {
    const watch = watchPage(page);
    await serveMathModule(page);
    const failures: string[] = [];
    for (const k of loads) {
      const query = new URLSearchParams();
      const given = new Map<ParamName, string>();
      PARAM_NAMES.forEach((name, i) => {
        const [label, text] = BAD_VALUES[(i + k) % BAD_VALUES.length] ?? ['', ''];
        query.set(name, text);
        given.set(name, label);
      });
      await page.goto(`${path}?${query.toString()}`);
      await hydrate(page);
      const notice = page.locator('[data-notice="query"]');
      await expect(notice, `load ${k}: the toolbar's notice`).toBeVisible();
      const items = await notice.locator('li').evaluateAll((lis) =>
        lis.map((li) => ({ name: li.querySelector('code')?.textContent ?? '', text: li.textContent ?? '' })),
      );
      for (const name of PARAM_NAMES) {
        const at = `load ${k}: ${name}=${given.get(name)}`;
        const item = items.filter((i) => i.name === name);
        if (item.length !== 1) failures.push(`${at}: named ${item.length} times in the notice`);
        const text = item[0]?.text ?? '';
        if (text.length < name.length + 10) failures.push(`${at}: notice "${text}" gives no reason`);
        if (given.get(name) === 'a decimal comma' && !/1\.5/.test(text)) failures.push(`${at}: no hint to write 1.5`);
      }
      await expect(notice).not.toContainText('<script');
      const wrong = await mismatchesInPage(page, ARTICLE_PARAMS);
      failures.push(...wrong.slice(0, 5).map((w) => `load ${k}: ${w}`));
      const search = await page.evaluate(() => location.search);
      if (search !== '') failures.push(`load ${k}: the address still holds "${search.slice(0, 80)}"`);
      const invalid = await page.locator(`:is(${PARAM_FIELDS})[aria-invalid="true"]`).count();
      if (invalid > 0) failures.push(`load ${k}: ${invalid} field(s) show an error for a URL value`);
      const onScreen = await unshowableOnScreen(page);
      if (onScreen.length > 0) failures.push(`load ${k}: the page reads ${onScreen.join(', ')}`);
    }
    if (s === 0) {
      // A usable value beside an unusable one: the first is taken (and stays in the address), the second reported.
      await page.goto(`${path}?w1=0.3&w2=abc`);
      await hydrate(page);
      await expect(page.locator('[data-notice="query"] li')).toHaveCount(1);
      await expect(page.locator('[data-notice="query"]')).toContainText('w2');
      expect(await mismatchesInPage(page, { ...ARTICLE_PARAMS, w1: 0.3 })).toEqual([]);
      expect(await page.evaluate(() => location.search)).toBe('?w1=0.3');
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
}

/** Sets every listed field on the page (where present) by typing, and checks it is in force. */
async function typeAll(page: Page, values: Partial<Record<ParamName, string>>): Promise<number> {
  let typed = 0;
  for (const [name, text] of Object.entries(values)) {
    // The first field of the parameter (/all/ has one in each section that edits it; all hold one value).
    const field = page.locator(`input[name="${name}"]`).first();
    if ((await field.count()) === 0) continue;
    await field.fill(text);
    await expect(field, `${name} = ${text} is valid`).not.toHaveAttribute('aria-invalid', 'true');
    // In force: every shown copy and the address hold it (a page may show no copy of a weight it only uses).
    await expect
      .poll(async () => {
        const inAddress = new URLSearchParams(await page.evaluate(() => location.search)).get(name);
        return [...new Set([...(await valueInForce(page, name)), inAddress ?? String(ARTICLE_PARAMS[name as ParamName])])];
      })
      .toEqual([String(Number(text))]);
    typed++;
  }
  return typed;
}

async function expectSane(page: Page, when: string): Promise<void> {
  expect(await unshowableOnScreen(page), `${when}: nothing reads NaN, Infinity or undefined`).toEqual([]);
  expect(await unfiniteValues(page), `${when}: every data-value is a finite number`).toEqual([]);
}

const weights = (first: string, last: string) =>
  Object.fromEntries(WEIGHT_NAMES.map((w, i) => [w, i < 4 ? first : last])) as Record<string, string>;

/** Weight settings that saturate the sigmoids, and what the activations then are exactly. */
const SATURATING = [
  // Everything saturates high: hidden and output activations are exactly 1.
  { values: weights('1000000', '1000000'), hidden: '1', output: '1' },
  // Hidden high, outputs driven to exactly 0.
  { values: weights('1000000', '-1000000'), hidden: '1', output: '0' },
  // Hidden driven to 0, so the outputs see 0 whatever their weights: the smallest magnitude possible.
  { values: weights('-1000000', '-1000000'), hidden: '0', output: '0.5' },
] as const;

for (const path of PAGES_WITH_FIELDS.filter((p) => /\sname="w1"/.test(builtHtml(p)))) {
  test(`${path}: weights of ±1e6 saturate the sigmoids and every number stays finite`, async ({ page }) => {
    const watch = watchPage(page);
    await page.goto(path);
    await hydrate(page);
    for (const { values, hidden, output } of SATURATING) {
      const when = `weights ${Object.values(values).join(' ')}`;
      expect(await typeAll(page, values)).toBe(WEIGHT_NAMES.length);
      await expectSane(page, when);
      expect(await settledSearch(page), when).toContain(`w1=${values['w1']}`);
      for (const name of ['a_h1', 'a_h2']) {
        const shown = await valueInForce(page, name);
        if (shown.length > 0) expect(shown, `${when}: ${name}`).toEqual([hidden]);
      }
      for (const name of ['a_o1', 'a_o2']) {
        const shown = await valueInForce(page, name);
        if (shown.length > 0) expect(shown, `${when}: ${name}`).toEqual([output]);
      }
    }
    // Inputs and targets at the limit as well.
    expect(await typeAll(page, { i1: '1000000', i2: '-1000000', t1: '1000000', t2: '-1000000' })).toBe(4);
    await expectSane(page, 'inputs and targets ±1e6');
    expect(watch.problems).toEqual([]);
  });
}

test('learning rates 0, negative and 1e6, saturated weights, and stepping to the last epoch stay finite', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(UPDATE);
  await hydrate(page);
  for (const lr of ['0', '-0.5', '1000000']) {
    expect(await typeAll(page, { lr })).toBe(1);
    await expectSane(page, `lr ${lr}`);
    expect(await settledSearch(page)).toContain(`lr=${lr}`);
  }
  // The same extremes arriving by URL, with saturated weights, then walked through the epochs.
  const query = new URLSearchParams({ ...weights('1000000', '-1000000'), lr: '1000000' });
  await page.goto(`${UPDATE}?${query.toString()}`);
  await hydrate(page);
  await expect(page.locator('[data-notice="query"]')).toHaveCount(0);
  await expectSane(page, 'weights 1e6 and lr 1e6 from the URL');
  const next = page.getByRole('button', { name: /next epoch/i });
  await expect(next).toHaveCount(1);
  // The stepper has no upper bound; walk it to the article's last epoch, where the chart ends.
  await next.focus();
  for (let epoch = 2; epoch <= 300; epoch++) await page.keyboard.press('Enter');
  await expect(page.locator('.stepper [data-q="E_total"][data-epoch="300"]')).toHaveCount(1);
  await expectSane(page, 'epoch 300 at lr 1e6');
  expect(watch.problems).toEqual([]);
});
