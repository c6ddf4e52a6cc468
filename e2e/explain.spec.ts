/**
 * Issue 9: ask any number where it comes from, and change a parameter where you read it.
 *
 * - On every page, every distinct number (name, epoch, rate) opens its explanation, and every
 *   number inside it is the math module's, at the article's values and at a configuration from the address.
 * - The first tap on a fresh page opens an explanation; the first drag moves the value.
 * - Keyboard only on 1.3: E_total's explanation, walk to w1 through ingredient links, back, Escape;
 *   focus is back on E_total.
 * - Axe finds nothing with an explanation open (light and dark, 320 and 1280 px); at 320 px it lies
 *   inside the screen, as a sheet at the bottom.
 * - Dragging w5 on 1.4 changes w5 and E_total several times during one drag, and the address only
 *   after release; a drag begun before the explanation code arrives keeps the moves made meanwhile;
 *   arrow keys on a focused parameter change it (Shift: bigger steps); touch keeps vertical scrolling.
 * - The explanation's field refuses the bad-input matrix as the section fields do.
 * - Numbers whose text changed are marked for a moment, not by colour alone, without motion when reduced.
 */
import { expect, test, type Page } from '@playwright/test';
import { BIG_STEP, STEP, dragSteps, stepped } from '../src/lib/adjust';
import { ARTICLE_PARAMS, PARAM_NAMES, QUANTITY_NAMES, isQuantityName, type Params } from '../src/lib/backprop';
import { parseNumber } from '../src/lib/params';
import { axeViolations, dataValues, watchPage } from './support/a11y-page';
import { BAD_VALUES, cellFailures, readCell } from './support/bad-input';
import { PANEL, currentOfFocus, distinctVisibleNumbers, expectOpen, focusNumber, inViewport, pressOnW5, steadyPoint, tabUntil } from './support/explain';
import { mismatchesInPage, readShown, serveMathModule } from './support/quantities';
import { SECTION_SLUGS, sectionPath, sectionPaths } from './support/site';

test.describe.configure({ timeout: 180_000 });

const FORWARD = sectionPath(SECTION_SLUGS.forward);
const BACKPROP = sectionPath(SECTION_SLUGS.backprop);
const NETWORK = sectionPaths().find((p) => /1-2-/.test(p)) ?? '/1-2-the-network/';

/** A configuration a reader's link might hold: every parameter changed. */
const CONFIGURATION: Params = {
  i1: 0.3, i2: -0.2, t1: 0.9, t2: 0.1,
  w1: 0.7, w2: -0.35, w3: 1.2, w4: 0.05, w5: -0.6, w6: 0.8, w7: 1.5, w8: -1.1,
  lr: 0.8,
};

function query(params: Params): string {
  return `?${PARAM_NAMES.map((n) => `${n}=${params[n]}`).join('&')}`;
}

test.beforeEach(async ({ page }) => {
  await serveMathModule(page);
});

for (const path of sectionPaths()) {
  for (const [label, params] of [['the article’s values', ARTICLE_PARAMS], ['a configuration from the address', CONFIGURATION]] as const) {
    test(`${path}: every number opens its explanation, and every number in it is the math module’s, at ${label}`, async ({ page }) => {
      const watch = watchPage(page);
      await page.goto(params === ARTICLE_PARAMS ? path : `${path}${query(params)}`);
      const numbers = await distinctVisibleNumbers(page);
      expect(numbers.length, 'numbers on the page').toBeGreaterThan(0);
      const problems: string[] = [];
      for (const n of numbers) {
        const at = `${n.name}${n.epoch ? `@${n.epoch}` : ''}${n.lr ? `:lr=${n.lr}` : ''}`;
        const el = page.locator('[data-q]').nth(n.index);
        if (!isQuantityName(n.name)) {
          // A number a spreadsheet mistake gives (NAME--MISTAKE) is explained by the note it sits in,
          // beside the right value; a click on it opens no explanation of another quantity.
          const note = el.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " mistake-note ")]');
          if ((await note.count()) !== 1) problems.push(`${at}: not a quantity, and not inside a mistake note`);
          else if ((await note.locator(`[data-q="${n.name.split('--')[0]}"]`).count()) === 0) problems.push(`${at}: its note does not show the right value beside it`);
          await el.click();
          await expect(page.locator(PANEL)).toHaveCount(0);
          continue;
        }
        await el.click();
        const panel = await expectOpen(page, n.name);
        expect(await panel.getAttribute('data-epoch'), `${at}: data-epoch of the explanation`).toBe(n.epoch);
        expect(await panel.getAttribute('data-lr'), `${at}: data-lr of the explanation`).toBe(n.lr);
        const inside = await readShown(page, PANEL);
        if (!inside.some((s) => s.q === n.name && s.epoch === n.epoch && s.lr === n.lr)) problems.push(`${at}: the explanation does not show the number itself`);
        problems.push(...(await mismatchesInPage(page, params, 4, PANEL)).map((m) => `${at}: ${m}`));
        await page.keyboard.press('Escape');
        await expect(page.locator(PANEL)).toHaveCount(0);
        if (problems.length > 10) break;
      }
      expect(problems, problems.join('\n')).toEqual([]);
      expect(watch.problems).toEqual([]);
    });
  }
}

test('an open explanation stays true while the state changes elsewhere, at a later epoch and another rate too', async ({ page }) => {
  const update = sectionPath(SECTION_SLUGS.update);
  await page.goto(update);
  await page.locator('.lr-results [data-q="E_total"][data-lr="2"]').click();
  await expectOpen(page, 'E_total');
  await expect(page.locator(PANEL)).toHaveAttribute('data-epoch', '300');
  await expect(page.locator(PANEL)).toHaveAttribute('data-lr', '2');
  // Walk down to a weight at epoch 300 of the same run: explained by the update rule, the epoch and rate said.
  for (const name of ['E1', 'a_o1', 'o1', 'w5']) {
    await page.locator(`${PANEL} [data-explain-link="${name}"]`).first().click();
    await expectOpen(page, name);
  }
  await expect(page.locator(PANEL)).toHaveAttribute('data-epoch', '300');
  await expect(page.locator(PANEL)).toHaveAttribute('data-lr', '2');
  await expect(page.locator(`${PANEL} .explain-run`)).toContainText('epoch 300, after 299 updates');
  await expect(page.locator(`${PANEL} .explain-run [data-q="lr"][data-lr="2"]`)).toHaveText('2');
  // Made from w5 one epoch before; used to compute w5 one epoch after.
  const links = page.locator(`${PANEL} [data-explain-link="w5"] [data-q="w5"]`);
  expect(await links.evaluateAll((els) => els.map((el) => el.getAttribute('data-epoch')))).toEqual(['299', '301']);
  expect(await mismatchesInPage(page, ARTICLE_PARAMS, 4, PANEL)).toEqual([]);
  await page.locator(`${PANEL} [data-explain-link="w5"]`).first().click();
  await expectOpen(page, 'w5');
  await expect(page.locator(PANEL)).toHaveAttribute('data-epoch', '299');
  await page.locator(`${PANEL} .explain-back`).click();
  await expect(page.locator(PANEL)).toHaveAttribute('data-epoch', '300');
  expect(await page.evaluate(() => document.activeElement?.querySelector('[data-q]')?.getAttribute('data-epoch')), 'back on the link followed').toBe('299');
  await page.keyboard.press('Escape');
  // E_total one update on, at the reader's own rate: an edit of the rate typed elsewhere (focus stays) reaches it.
  await page.locator('p [data-q="E_total"][data-epoch="2"]').first().click();
  await expectOpen(page, 'E_total');
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[name="lr"]');
    if (!input) throw new Error('no lr field');
    input.value = '0.25';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect.poll(() => mismatchesInPage(page, { ...ARTICLE_PARAMS, lr: 0.25 }, 4, PANEL)).toEqual([]);
  await expect(page.locator(`${PANEL} [data-q="lr"]`).first()).toHaveText('0.25');
  await expect(page.locator(PANEL), 'still open').toBeVisible();
});

test('the first tap on a fresh page opens the number’s explanation', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await serveMathModule(page);
  await page.goto(FORWARD);
  const number = page.locator('.katex-html [data-q="a_h1"]').first();
  await number.scrollIntoViewIfNeeded();
  await number.tap();
  const panel = await expectOpen(page, 'a_h1');
  // A phone shows it as a sheet along the bottom of the screen, wholly on screen.
  const { inside, rect } = await inViewport(panel);
  expect(inside, `the explanation at ${rect}`).toBe(true);
  const box = await panel.boundingBox();
  expect(Math.round((box?.y ?? 0) + (box?.height ?? 0)), 'sheet sits on the bottom edge').toBe(640);
  expect(Math.round(box?.width ?? 0)).toBe(320);
  await context.close();
});

test('keyboard only on 1.3: E_total, walk to w1 through ingredient links, back, Escape; focus is back on E_total', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(FORWARD);
  await tabUntil(page, '[data-explain-stop]:has(.katex-html [data-q="E_total"])');
  await expect(page.locator(':focus .explain-current'), 'the stop marks its current number').toHaveCount(1);
  await page.keyboard.press('End');
  expect(await currentOfFocus(page)).toBe('E_total');
  await expect(page.locator('[data-explain-said]')).toHaveText(/^Eₜₒₜₐₗ = 0\.01418/);
  await page.keyboard.press('Enter');
  await expectOpen(page, 'E_total');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('explanation-title');
  const walk = ['E1', 'a_o1', 'o1', 'a_h1', 'h1', 'w1'];
  for (const name of walk) {
    await tabUntil(page, `${PANEL} [data-explain-link="${name}"]`, 40);
    await page.keyboard.press('Enter');
    await expectOpen(page, name);
  }
  // At a parameter: its field, and a trail back to E_total.
  await expect(page.locator(`${PANEL} input[name="w1"]`)).toHaveValue('0.15');
  await expect(page.locator(`${PANEL} .explain-trail li`)).toHaveCount(walk.length + 1);
  await tabUntil(page, `${PANEL} .explain-back`, 40);
  await page.keyboard.press('Enter');
  await expectOpen(page, 'h1');
  // Back lands on the link that was followed.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-explain-link'))).toBe('w1');
  await page.keyboard.press('Escape');
  await expect(page.locator(PANEL)).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.matches('[data-explain-stop]'))).toBe(true);
  expect(await currentOfFocus(page), 'focus is back on E_total').toBe('E_total');
  expect(watch.problems).toEqual([]);
});

test('a click outside or Close shuts the explanation; Close brings focus back to the number', async ({ page }) => {
  await page.goto(FORWARD);
  const number = page.locator('.katex-html [data-q="h1"]').first();
  await number.click();
  await expectOpen(page, 'h1');
  await page.locator(`${PANEL} .explain-close`).click();
  await expect(page.locator(PANEL)).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.querySelector('.katex-html [data-q="h1"]') !== null)).toBe(true);
  await number.click();
  await expectOpen(page, 'h1');
  await page.mouse.click(5, 5);
  await expect(page.locator(PANEL)).toHaveCount(0);
  // With one open, a click on another number closes it and opens that one's.
  await number.click();
  await expectOpen(page, 'h1');
  await page.locator('.katex-html [data-q="a_o2"]').first().click();
  await expectOpen(page, 'a_o2');
  await page.waitForTimeout(300);
  await expectOpen(page, 'a_o2');
});

test.describe('accessibility with an explanation open', () => {
  for (const [path, name] of [[FORWARD, 'w1'], [NETWORK, 'a_h1'], [BACKPROP, 'dE_dw1']] as const) {
    test(`${path}, ${name}: axe finds nothing in light and dark at 320 and 1280 px, and it lies inside the screen`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.goto(path);
      const found: string[] = [];
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: width === 320 ? 640 : 900 });
        const number = page.locator(`[data-q="${name}"]:not(.katex-mathml *, .visually-hidden *, input)`).filter({ visible: true }).first();
        await number.click();
        const panel = await expectOpen(page, name);
        if (name === 'w1') {
          // With the field showing its error, too.
          await panel.locator('input[name="w1"]').fill('abc');
          await expect(panel.locator('#explain-field-w1-error')).not.toBeEmpty();
        }
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          // The page under the card is accessibility.spec's; here the card alone.
          for (const v of await axeViolations(page, PANEL)) found.push(`${colorScheme}, ${width} px: ${v}`);
          const { inside, rect } = await inViewport(panel);
          if (!inside) found.push(`${colorScheme}, ${width} px: the explanation is not inside the screen (${rect})`);
          const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (pageWidth > width) found.push(`${colorScheme}, ${width} px: the page scrolls sideways (${pageWidth} px)`);
        }
        await page.keyboard.press('Escape');
        await expect(page.locator(PANEL)).toHaveCount(0);
      }
      expect(found, found.join('\n')).toEqual([]);
    });
  }
});

/** w5's and E_total's values as the page shows them in 1.4's equations, and the address. */
async function w5State(page: Page): Promise<{ w5: string; E_total: string; search: string }> {
  return page.evaluate(() => ({
    w5: document.querySelector('.katex-html [data-q="w5"]')?.getAttribute('data-value') ?? '',
    E_total: document.querySelector('.katex-html [data-q="E_total"]')?.getAttribute('data-value') ?? '',
    search: location.search,
  }));
}

test('dragging w5 on a fresh 1.4 moves w5 and E_total several times during one drag, and the address after release', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(BACKPROP);
  const { x, y } = await pressOnW5(page);
  // The press fetches the explanation code; moves made before it arrives are the next test's.
  await expect(page.locator('body > .explain')).toBeAttached();
  const during: { w5: string; E_total: string; search: string }[] = [];
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(x + i * 10, y, { steps: 2 });
    during.push(await w5State(page));
  }
  await page.mouse.up();
  const w5Values = new Set(during.map((s) => s.w5));
  const losses = new Set(during.map((s) => s.E_total));
  expect(w5Values.size, `w5 during the drag: ${[...w5Values].join(', ')}`).toBeGreaterThanOrEqual(4);
  expect(losses.size, 'E_total follows during the drag').toBeGreaterThanOrEqual(4);
  expect(during.map((s) => s.search), 'the address waits for the release').toEqual(during.map(() => ''));
  const after = await w5State(page);
  expect(Number(after.w5)).toBeGreaterThan(ARTICLE_PARAMS.w5);
  // The links that carry the configuration follow the release at once; the address bar after the frame that shows it.
  expect(await page.locator('a[data-deep-link="step-5"]').getAttribute('href')).toBe(`?w5=${after.w5}#step-5`);
  await expect.poll(() => page.evaluate(() => location.search)).toBe(`?w5=${after.w5}`);
  // A drag is not a tap: no explanation opened.
  await expect(page.locator(PANEL)).toHaveCount(0);
  expect(await mismatchesInPage(page, { ...ARTICLE_PARAMS, w5: Number(after.w5) })).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test('a drag begun before the explanation code arrives loses none of its moves, and goes on live once it has', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(BACKPROP);
  // Whatever code the press asks for is held back, as a slow connection would.
  let pressed = false;
  let release: () => void = () => undefined;
  const released = new Promise<void>((done) => (release = done));
  await page.route(/\.js$/, async (route) => {
    if (pressed) await released;
    await route.fallback();
  });
  const point = await steadyPoint(page.locator('.katex-html [data-q="w5"]').filter({ visible: true }).first());
  await page.mouse.move(point.x, point.y);
  pressed = true;
  await page.mouse.down();
  const expected = (dx: number) => String(stepped(ARTICLE_PARAMS.w5, dragSteps(dx), STEP));
  for (let i = 1; i <= 4; i++) await page.mouse.move(point.x + i * 10, point.y);
  expect((await w5State(page)).w5, 'nothing moves while the code is on its way').toBe(String(ARTICLE_PARAMS.w5));
  release();
  await expect.poll(async () => (await w5State(page)).w5, 'the moves made meanwhile count').toBe(expected(40));
  const during = [];
  for (let i = 5; i <= 8; i++) {
    await page.mouse.move(point.x + i * 10, point.y);
    during.push(await w5State(page));
  }
  expect(during.map((s) => s.w5), 'each move shows at once').toEqual([50, 60, 70, 80].map(expected));
  expect(during.map((s) => s.search), 'the address waits for the release').toEqual(during.map(() => ''));
  await page.mouse.up();
  await expect.poll(async () => (await w5State(page)).search).toBe(`?w5=${expected(80)}`);
  await expect(page.locator(PANEL), 'a drag is not a tap').toHaveCount(0);
  expect(await mismatchesInPage(page, { ...ARTICLE_PARAMS, w5: Number(expected(80)) })).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test('on a touch screen, a vertical swipe on a parameter’s number scrolls the page and a sideways one drags it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true });
  const page = await context.newPage();
  await serveMathModule(page);
  await page.goto(BACKPROP);
  const w5 = page.locator('.katex-html [data-q="w5"]').first();
  expect(await w5.evaluate((el) => [getComputedStyle(el).touchAction, getComputedStyle(el).display])).toEqual(['pan-y pinch-zoom', 'inline-block']);
  const cdp = await context.newCDPSession(page);
  /** A finger from the middle of w5, moved by (dx, dy) in ten moves, held still, then lifted (no fling). */
  const swipe = async (dx: number, dy: number) => {
    await w5.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const { x, y } = await steadyPoint(w5);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 10, y: y + (dy * i) / 10 }] });
    }
    await page.waitForTimeout(200);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + dx, y: y + dy }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  const before = await page.evaluate(() => scrollY);
  await swipe(0, -200);
  await expect.poll(() => page.evaluate(() => scrollY), 'the page scrolled').toBeGreaterThan(before + 100);
  expect((await w5State(page)).w5, 'and w5 did not change').toBe(String(ARTICLE_PARAMS.w5));
  // Let the page come to rest, or the next finger lands where w5 was, not where it is.
  await page.waitForFunction(
    () => new Promise((rest) => { const y = scrollY; setTimeout(() => rest(scrollY === y), 250); }),
    undefined,
    { timeout: 10_000 },
  );
  await swipe(80, 0);
  await expect.poll(async () => Number((await w5State(page)).w5)).toBeGreaterThan(ARTICLE_PARAMS.w5);
  await expect.poll(async () => (await w5State(page)).search).toBe(`?w5=${(await w5State(page)).w5}`);
  await expect(page.locator(PANEL), 'a drag is not a tap').toHaveCount(0);
  await context.close();
});

test('arrow keys on a focused parameter change it; Shift makes the step ten times bigger', async ({ page }) => {
  await page.goto(BACKPROP);
  await focusNumber(page, page.locator('[data-explain-stop]:has(.katex-html [data-q="w5"])').first(), 'w5');
  expect(BIG_STEP / STEP, 'the step the introduction promises').toBeCloseTo(10, 12);
  await page.keyboard.press('ArrowUp');
  const once = stepped(ARTICLE_PARAMS.w5, 1, STEP);
  await expect.poll(async () => (await w5State(page)).w5).toBe(String(once));
  await page.keyboard.press('Shift+ArrowUp');
  const twice = stepped(once, 1, BIG_STEP);
  await expect.poll(async () => (await w5State(page)).w5).toBe(String(twice));
  await page.keyboard.press('ArrowDown');
  const back = stepped(twice, -1, STEP);
  await expect.poll(async () => (await w5State(page)).search).toBe(`?w5=${back}`);
  await expect(page.locator('[data-explain-said]')).toHaveText(`w₅ = ${back}, can be changed`);
  // A number that is computed, not set, is not changed by the arrows.
  await page.keyboard.press('End');
  // The notes off the screen catch up with the last change in idle time: compare once they have.
  await expect(page.locator('[data-pending]')).toHaveCount(0);
  const beforeKeys = await dataValues(page);
  await page.keyboard.press('ArrowUp');
  expect(await dataValues(page)).toEqual(beforeKeys);
});

test('the field in a parameter’s explanation refuses the bad-input matrix as the section fields do', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(BACKPROP);
  await page.locator('.katex-html [data-q="w5"]').first().click();
  const panel = await expectOpen(page, 'w5');
  const selector = `${PANEL} input[name="w5"]`;
  const field = page.locator(selector);
  await expect(field).toHaveValue('0.4');
  const baseline = { values: (await dataValues(page)).map((v) => v.slice(v.indexOf('=') + 1)).join('|'), search: await page.evaluate(() => location.search) };
  const failures: string[] = [];
  for (const [label, text] of BAD_VALUES) {
    await field.fill(text);
    const cell = await readCell(page, selector);
    const at = `explanation's w5 ← ${label}`;
    failures.push(...cellFailures(at, label, cell, baseline));
    // Exactly the section fields' message (src/scripts/fields.ts words it from parseNumber), for what the field holds (at most 40 characters, as theirs).
    const parsed = parseNumber(await field.inputValue());
    const expected = parsed.ok ? '' : `${parsed.message} Still using 0.4.`;
    if (cell.message !== expected) failures.push(`${at}: message "${cell.message}", the section fields say "${expected}"`);
    const injected = await page.locator('img[src="x"], script:has-text("alert(1)")').count();
    if (injected > 0) failures.push(`${at}: markup became elements`);
  }
  expect(failures, failures.join('\n')).toEqual([]);
  await expect(panel, 'bad values never close the explanation').toBeVisible();
  // A good value clears the message and is put in force everywhere, the section field included.
  await field.fill('0.55');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#bp-weights-w5')).toHaveValue('0.55');
  await expect.poll(() => page.evaluate(() => location.search)).toBe('?w5=0.55');
  expect(await mismatchesInPage(page, { ...ARTICLE_PARAMS, w5: 0.55 })).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test.describe('see what changed', () => {
  test('after an edit, the numbers whose text changed are marked for a moment, with a shape and not colour alone', async ({ page }) => {
    await page.goto(BACKPROP);
    await focusNumber(page, page.locator('[data-explain-stop]:has(.katex-html [data-q="w5"])').first(), 'w5');
    const before = await page.$$eval('.katex-html [data-q]', (els) => els.map((el) => el.textContent));
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('.q-changed').first()).toBeAttached();
    const marks = await page.$$eval('.katex-html [data-q]', (els) =>
      els.map((el) => ({
        text: el.textContent,
        marked: el.classList.contains('q-changed'),
        shape: getComputedStyle(el).boxShadow,
      })),
    );
    const wrong = marks
      .map((m, i) => ({ ...m, was: before[i] }))
      .filter((m) => m.marked !== (m.text !== m.was))
      .map((m) => `${m.was} → ${m.text} ${m.marked ? 'marked' : 'not marked'}`);
    expect(wrong, 'marked exactly when the text changed').toEqual([]);
    expect(marks.filter((m) => m.marked).length).toBeGreaterThan(5);
    expect(marks.filter((m) => m.marked).every((m) => m.shape !== 'none'), 'an underline bar, not only a tint').toBe(true);
    // Unchanged neighbours stay unmarked: w7's paths do not involve w5.
    await expect(page.locator('.katex-html .q-changed[data-q="w7"]')).toHaveCount(0);
    await expect(page.locator('.q-changed')).toHaveCount(0, { timeout: 5_000 });
  });

  test('under prefers-reduced-motion the mark comes and goes without animation', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(BACKPROP);
    await focusNumber(page, page.locator('[data-explain-stop]:has(.katex-html [data-q="w5"])').first(), 'w5');
    await page.keyboard.press('ArrowUp');
    const marked = page.locator('.katex-html .q-changed').first();
    await expect(marked).toBeAttached();
    expect(await marked.evaluate((el) => getComputedStyle(el).transitionDuration.split(',').every((d) => parseFloat(d) === 0))).toBe(true);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  });
});

test('the explanations file names every quantity of the math module, and every place it links to exists', async ({ page, baseURL }) => {
  const response = await page.request.get(new URL('../explanations.json', new URL(FORWARD, baseURL)).href);
  expect(response.ok()).toBe(true);
  const all = (await response.json()) as Record<string, { derivedAt: { href: string }; updateAt?: { href: string } }>;
  expect(Object.keys(all).sort()).toEqual([...QUANTITY_NAMES].sort());
  expect(Object.keys(all).filter((n) => !isQuantityName(n))).toEqual([]);
  const places = new Map<string, Set<string>>();
  for (const entry of Object.values(all)) {
    for (const place of [entry.derivedAt, entry.updateAt]) {
      if (!place) continue;
      const url = new URL(place.href, baseURL);
      places.set(url.pathname, (places.get(url.pathname) ?? new Set()).add(url.hash.slice(1)));
    }
  }
  for (const [path, ids] of places) {
    await page.goto(path);
    for (const id of ids) expect(await page.locator(`[id="${id}"]`).count(), `${path}#${id}`).toBe(1);
  }
});
