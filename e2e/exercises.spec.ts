/**
 * Issue 20: "Your turn" exercises as a student and an instructor meet them. Every expected number comes
 * from the exercises' own logic (src/lib/exercises/): the configuration a seed deals, the shown values,
 * a catalogue mistake's value, the answer.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { ARTICLE_PARAMS, PARAM_NAMES, formatTruncated } from '../src/lib/backprop';
import { EXERCISES, answerOf, deal, exerciseById, mistakeValues, shownValues, type ExerciseDef } from '../src/lib/exercises';
import { answerText } from '../src/lib/practice/key';
import { axeViolations, watchPage } from './support/a11y-page';
import { mismatchesInPage, readShown, serveMathModule } from './support/quantities';
import { expect, test } from './support/fixtures';

test.describe.configure({ timeout: 120_000 });

const BACKPROP = '1-4-backpropagation/';
/** The exercise code loads on first open: on two busy cores, that may take a few seconds. */
const OPENED = { timeout: 20_000 };

function exercise(id: string, epoch?: number): ExerciseDef {
  const found = exerciseById(id, epoch);
  if (!found) throw new Error(`no exercise ${id}`);
  return found;
}

/** The block of an exercise. */
const blockOf = (page: Page, id: string): Locator => page.locator(`[data-exercise="${id}"]`);

/** Opens a block by its summary and waits for its field. */
async function open(block: Locator): Promise<void> {
  if (!(await block.evaluate((el) => (el as HTMLDetailsElement).open))) await block.locator('summary').click();
  await expect(block.locator('[name="answer"]')).toBeVisible(OPENED);
}

/** Types an answer and checks it; returns the verdict's element. */
async function check(block: Locator, typed: string): Promise<Locator> {
  await block.locator('[name="answer"]').fill(typed);
  await block.locator('[data-action="check"]').click();
  const verdict = block.locator('[data-verdict]');
  await expect(verdict).toHaveCount(1);
  return verdict;
}

/** The dealt values a block shows: name → [value attribute, text]. */
async function shownIn(block: Locator): Promise<Record<string, [string, string]>> {
  return block.locator('[data-q]').evaluateAll((els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-q') ?? '', [el.getAttribute('data-value') ?? '', (el.textContent ?? '').trim()]])),
  );
}

/** The texts an answer could be written as: cut and rounded to 4 to 8 significant digits, and its full value. */
function answerForms(x: number): string[] {
  const forms = new Set<string>([String(x)]);
  for (let d = 4; d <= 8; d++) {
    forms.add(formatTruncated(x, d));
    forms.add(Number(x.toPrecision(d)).toString());
  }
  return [...forms].filter((f) => f.replace(/\D/g, '').replace(/^0+/, '').length >= 4);
}

/** Where the answer shows in the block (its text or any attribute), if anywhere. */
async function answerShown(block: Locator, x: number): Promise<string[]> {
  const html = await block.evaluate((el) => el.outerHTML + el.textContent);
  return answerForms(x).filter((f) => html.includes(f) || html.includes(f.replace('-', '\u2212')));
}


test('an exercise on 1.4 opens from a link with a seed, dealt from it, and leaves the page its own numbers @subpath', async ({ page, site }) => {
  const watch = watchPage(page);
  await serveMathModule(page);
  const seed = 'student-0042';
  const dE_dw5 = exercise('dE_dw5');
  await page.goto(`${site.path(BACKPROP)}?seed=${seed}#exercise-dE_dw5`);
  const block = blockOf(page, 'dE_dw5');
  await expect(block.locator('[name="answer"]')).toBeVisible(OPENED);
  await expect(block).toHaveAttribute('data-seed', seed);
  await expect(block).toContainText(seed);
  expect(page.url()).toContain(`seed=${seed}`);
  const config = deal(seed);
  const expected = Object.fromEntries(shownValues(dE_dw5, config).map((s) => [s.ref.name, [String(s.value), s.text]]));
  expect(await shownIn(block)).toEqual(expected);
  // The page's numbers are still the page's state, and the answer is nowhere until the student has it.
  expect(await mismatchesInPage(page, ARTICLE_PARAMS)).toEqual([]);
  expect(await readShown(page, `[data-exercise]`)).toEqual([]);
  expect(await answerShown(block, answerOf(dE_dw5, config))).toEqual([]);
  expect(await page.locator(`[data-value="${String(answerOf(dE_dw5, config))}"]`).count()).toBe(0);
  expect(watch.problems).toEqual([]);
});

test('a mistaken answer is named as its mistake, then the right one is right and solved', async ({ page, site }) => {
  const seed = 'mistakes-1';
  const def = exercise('dE_dw5');
  const config = deal(seed);
  const mistake = mistakeValues(def, config)[0];
  if (!mistake) throw new Error('dE_dw5 has no catalogue mistake for this seed');
  await page.goto(`${site.path(BACKPROP)}?seed=${seed}#exercise-dE_dw5`);
  const block = blockOf(page, 'dE_dw5');
  await open(block);

  const wrong = await check(block, answerText(mistake.value, 6));
  await expect(wrong).toHaveAttribute('data-verdict', 'mistake');
  await expect(wrong).toHaveAttribute('data-mistake', mistake.way.rule.id);
  await expect(wrong).toHaveAttribute('role', 'status');
  await expect(wrong.locator('.exercise-eq')).toHaveCount(2);
  // Students read words and symbols, never the catalogue's id or a quantity's code name.
  expect(await wrong.innerText()).not.toMatch(/_|dE|data-/);
  expect(await answerShown(block, answerOf(def, config))).toEqual([]);

  const right = await check(block, answerText(answerOf(def, config), 6));
  await expect(right).toHaveAttribute('data-verdict', 'right');
  await expect(right).not.toHaveAttribute('data-mistake');
  await expect(block.locator('[data-hint="3"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-solved', 'dE_dw5');
  const mark = await block.locator('summary [data-ex]').evaluate((el) => getComputedStyle(el, '::before').content);
  expect(mark).toContain('✓');
});

test('the hint ladder: the formula, then the numbers, then the worked step; giving up shows the worked step', async ({ page, site }) => {
  const seed = 'hints';
  const def = exercise('dE_da_h1');
  const config = deal(seed);
  await page.goto(`${site.path(BACKPROP)}?seed=${seed}#exercise-dE_da_h1`);
  const block = blockOf(page, 'dE_da_h1');
  await open(block);
  const hint = block.locator('[data-action="hint"]');
  await hint.click();
  await expect(block.locator('[data-hint]')).toHaveCount(1);
  await hint.click();
  await expect(block.locator('[data-hint]')).toHaveCount(2);
  // The second hint puts the dealt numbers in the formula; still not the answer.
  const second = (await block.locator('[data-hint="2"] .katex-mathml').textContent()) ?? '';
  expect(shownValues(def, config).filter((s) => second.includes(s.text)).length, second).toBeGreaterThanOrEqual(2);
  expect(await answerShown(block, answerOf(def, config))).toEqual([]);
  await expect(hint).toContainText('worked step');
  await hint.click();
  await expect(block.locator('[data-hint="3"]')).toBeVisible();
  // The worked step ends on the answer rounded to six significant digits.
  await expect(block.locator('[data-hint="3"]')).toContainText(String(Number(answerOf(def, config).toPrecision(6))).replace('-', '−'));
  await expect(block.locator('[data-action="hint"]')).toHaveCount(0);

  // Giving up on another exercise shows its worked step at once, and does not count as solved.
  const other = blockOf(page, 'da_h1_dh1');
  await open(other);
  await other.locator('[data-action="give-up"]').click();
  await expect(other.locator('[data-hint="3"]')).toBeVisible();
  await expect(other.locator('[role="status"]')).toContainText('worked step');
  await expect(page.locator('html')).toHaveAttribute('data-solved', '');
});

test('progress shows in the contents and the sidebar after a reload, and Reset forgets it', async ({ page, site }) => {
  const seed = 'progress';
  const def = exercise('a_h1');
  await page.goto(`${site.path('1-3-forward-propagation/')}?seed=${seed}#exercise-a_h1`);
  const block = blockOf(page, 'a_h1');
  await open(block);
  await expect(await check(block, answerText(answerOf(def, deal(seed)), 6))).toHaveAttribute('data-verdict', 'right');

  await page.goto(site.path(''));
  await page.reload();
  const item = page.locator('.contents li[data-ex="a_h1"]');
  expect(await item.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('✓');
  expect(await page.locator('.contents li[data-ex="h1"]').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none');
  const forward = EXERCISES.filter((e) => e.section === '1-3-forward-propagation').length;
  // The counts beside 1.3 ("1 of 5 solved", a CSS counter): one of its marks counts, in the contents and the sidebar.
  for (const where of ['.contents', '.nav-sidebar']) {
    const count = page.locator(`${where} .ex-count`).first();
    await expect(count).toBeVisible();
    await expect(count).toHaveAttribute('data-ex-total', String(forward));
    const counted = await count.locator('[data-ex]').evaluateAll((els) => els.filter((el) => getComputedStyle(el).counterIncrement === 'solved 1').map((el) => el.getAttribute('data-ex')));
    expect(counted, where).toEqual(['a_h1']);
  }
  // Screen readers hear which exercise is solved.
  expect(await page.locator('.contents .ex-list').first().ariaSnapshot()).toMatch(/solved\s*\n\s*- link "aₕ₁"/);

  await page.goto(site.path('practice/'));
  await page.locator('[data-action="forget-exercises"]').click();
  await expect(page.locator('[data-practice-said]')).toContainText('Forgotten');
  await page.goto(site.path(''));
  expect(await page.locator('.contents li[data-ex="a_h1"]').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none');
});

test("the instructor's CSV for three seeds equals the exercises opened with those seeds", async ({ page, site }) => {
  test.setTimeout(300_000);
  const seeds = ['ana-1', 'ben 2', 'cara,3'];
  await page.goto(site.path('practice/'));
  await page.locator('textarea[name="seeds"]').fill(seeds.join('\n'));
  await page.locator('[data-action="make-key"]').click();
  await expect(page.locator('[data-practice-table] tbody tr')).toHaveCount(3);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download-key"]').click()]);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  const rows = csv.trim().split('\r\n').slice(1);
  expect(rows).toHaveLength(3);
  /** Opens an exercise, compares its dealt values with the row's configuration and checks the row's answer. */
  const compare = async (seed: string, cells: string[], def: ExerciseDef): Promise<void> => {
    const config = Object.fromEntries(PARAM_NAMES.map((n, i) => [n, Number(cells[1 + i])]));
    const answer = cells[1 + PARAM_NAMES.length + EXERCISES.indexOf(def)] ?? '';
    const block = blockOf(page, def.id);
    await open(block);
    await expect(block).toHaveAttribute('data-seed', seed);
    for (const [name, [value]] of Object.entries(await shownIn(block))) {
      if (name in config) expect(Number(value), `${seed} ${def.id} ${name}`).toBe(config[name]);
    }
    await expect(await check(block, answer), `${seed} ${def.id}: ${answer}`).toHaveAttribute('data-verdict', 'right');
  };
  for (const [k, seed] of seeds.entries()) {
    // Fields: the seed (quoted when it holds a comma), the 13 parameters, then each exercise's answer.
    const cells = (rows[k] ?? '').match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')) ?? [];
    expect(cells[0]).toBe(seed);
    // Two blocks of 1.4 as a student opens them from the link, and two exercises by their embeds.
    await page.goto(`${site.path(BACKPROP)}?seed=${encodeURIComponent(seed)}`);
    await compare(seed, cells, exercise('dE_dw5'));
    await compare(seed, cells, exercise('dE_dw3'));
    for (const def of [exercise('h1'), exercise('w7', 2)]) {
      await page.goto(`${site.path(`embed/exercise/${def.id}/`)}?seed=${encodeURIComponent(seed)}`);
      await compare(seed, cells, def);
    }
  }
});

test('bad input gets a message and loses nothing; a comma decimal is read as a point', async ({ page, site }) => {
  const seed = 'bad-input';
  const def = exercise('h1');
  const answer = answerOf(def, deal(seed));
  await page.goto(`${site.path('1-3-forward-propagation/')}?seed=${seed}#exercise-h1`);
  const block = blockOf(page, 'h1');
  await open(block);
  const field = block.locator('[name="answer"]');
  for (const typed of ['', 'abc', '1e999', '=0.1*0.2+0.3', 'w1*i1 + w2*i2', '0.12']) {
    const verdict = await check(block, typed);
    await expect(verdict, typed).toHaveAttribute('data-verdict', 'invalid');
    expect((await verdict.innerText()).trim().length, typed).toBeGreaterThan(10);
    expect(await verdict.innerText()).not.toMatch(/NaN|Infinity|undefined/);
    await expect(field, typed).toHaveValue(typed);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  }
  // "1,5000" is 1.5: judged as a number (not refused), and kept as typed.
  const comma = await check(block, '1,5000');
  await expect(comma).not.toHaveAttribute('data-verdict', 'invalid');
  await expect(field).toHaveValue('1,5000');
  const right = await check(block, answerText(answer, 6).replace('.', ','));
  await expect(right).toHaveAttribute('data-verdict', 'right');
  await expect(field).not.toHaveAttribute('aria-invalid');
});

test('new numbers deal another seed, kept over a reload; without a seed in the address one is made and kept', async ({ page, site }) => {
  await page.goto(`${site.path('1-3-forward-propagation/')}#exercise-o1`);
  const block = blockOf(page, 'o1');
  await open(block);
  const first = await block.getAttribute('data-seed');
  expect(first).toMatch(/^[a-z2-9]{6}$/);
  await page.reload();
  await open(blockOf(page, 'o1'));
  await expect(blockOf(page, 'o1')).toHaveAttribute('data-seed', first ?? '');
  // Another block of the site deals from the same seed: one seed, one configuration.
  await open(blockOf(page, 'h1'));
  await expect(blockOf(page, 'h1')).toHaveAttribute('data-seed', first ?? '');

  await page.goto(`${site.path('1-3-forward-propagation/')}?seed=linked#exercise-o1`);
  await open(blockOf(page, 'o1'));
  await expect(blockOf(page, 'o1')).toHaveAttribute('data-seed', 'linked');
  const before = await shownIn(blockOf(page, 'o1'));
  await blockOf(page, 'o1').locator('[data-action="deal"]').click();
  await expect(blockOf(page, 'o1')).not.toHaveAttribute('data-seed', 'linked');
  const fresh = await blockOf(page, 'o1').getAttribute('data-seed');
  expect(await shownIn(blockOf(page, 'o1'))).not.toEqual(before);
  expect(page.url()).not.toContain('seed=');
  await page.reload();
  await open(blockOf(page, 'o1'));
  await expect(blockOf(page, 'o1')).toHaveAttribute('data-seed', fresh ?? '');
});

test('at 320 px with touch: tap to open, type, check; nothing scrolls sideways', async ({ browser, site }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const seed = 'phone';
  const def = exercise('dE_dw1');
  await page.goto(`${site.path(BACKPROP)}?seed=${seed}`);
  const block = blockOf(page, 'dE_dw1');
  await block.locator('summary').scrollIntoViewIfNeeded();
  await block.locator('summary').tap();
  await expect(block.locator('[name="answer"]')).toBeVisible(OPENED);
  await block.locator('[name="answer"]').tap();
  await block.locator('[name="answer"]').fill(answerText(answerOf(def, deal(seed)), 6));
  await block.locator('[data-action="check"]').tap();
  await expect(block.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'right');
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, block: document.querySelector('[data-exercise="dE_dw1"]')?.getBoundingClientRect().right ?? 0 }));
  expect(widths.page).toBeLessThanOrEqual(320);
  expect(widths.block).toBeLessThanOrEqual(320);
  for (const target of await block.locator('button, input, summary').all()) {
    const box = await target.boundingBox();
    if (box) expect(Math.min(box.width, box.height), await target.evaluate((el) => el.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(24);
  }
  await context.close();
});

test('at 320 px, no closed exercise splits the symbol it asks for across two lines', async ({ browser, site }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const sections = [...new Set(EXERCISES.map((e) => e.section))];
  expect(sections.length).toBeGreaterThan(1);
  for (const section of sections) {
    await page.goto(site.path(section));
    const summaries = page.locator('details.exercise > summary');
    expect(await summaries.count()).toBe(EXERCISES.filter((e) => e.section === section).length);
    for (const summary of await summaries.all()) {
      // On the screen, where it is laid out (far off it, content-visibility skips it).
      await summary.scrollIntoViewIfNeeded();
      const lines = await summary.evaluate((el) => {
        const symbol = el.querySelector('.exercise-symbol');
        return symbol ? new Set([...symbol.getClientRects()].map((r) => Math.round(r.top))).size : 0;
      });
      expect(lines, `${section}: ${(await summary.textContent())?.trim()}`).toBe(1);
    }
  }
  await context.close();
});

test('keyboard only: open, answer, check, hint', async ({ page, site }) => {
  const seed = 'keys';
  const def = exercise('E_total');
  await page.goto(`${site.path('1-3-forward-propagation/')}?seed=${seed}`);
  const block = blockOf(page, 'E_total');
  await block.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(block.locator('[name="answer"]')).toBeVisible(OPENED);
  await page.keyboard.press('Tab');
  // The first control after the summary is New numbers, then the field.
  await expect(block.locator('[data-action="deal"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(block.locator('[name="answer"]')).toBeFocused();
  await page.keyboard.type('0.1');
  await page.keyboard.press('Enter');
  await expect(block.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'invalid');
  await page.keyboard.press('Tab');
  await expect(block.locator('[data-action="check"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(block.locator('[data-action="hint"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(block.locator('[data-hint="1"]')).toBeVisible();
  await block.locator('[name="answer"]').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(answerText(answerOf(def, deal(seed)), 6));
  await page.keyboard.press('Enter');
  await expect(block.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'right');
});

test('axe finds nothing with a block open and a verdict shown, light and dark, 320 and 1280 px', async ({ page, site }) => {
  test.setTimeout(240_000);
  const seed = 'axe';
  const def = exercise('dE_dw5');
  const mistake = mistakeValues(def, deal(seed))[0];
  // The block as on its page, in the exercise's embed: axe on all of 1.4 takes minutes on a busy machine.
  await page.goto(`${site.path('embed/exercise/dE_dw5/')}?seed=${seed}`);
  const block = blockOf(page, 'dE_dw5');
  await open(block);
  await check(block, answerText(mistake?.value ?? 1, 6));
  await block.locator('[data-action="hint"]').click();
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [320, 1280]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      for (const v of await axeViolations(page)) found.push(`${colorScheme} ${width}: ${v}`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > width) found.push(`${colorScheme} ${width}: the page scrolls sideways (${wide} px)`);
    }
  }
  await page.goto(site.path('practice/'));
  await page.locator('textarea[name="seeds"]').fill('a\nb');
  await page.locator('[data-action="make-key"]').click();
  await expect(page.locator('[data-practice-table]')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const v of await axeViolations(page)) found.push(`practice ${colorScheme}: ${v}`);
  }
  expect(found).toEqual([]);
});

test('printed, an exercise shows its question and room for the answer, never the answer', async ({ page, site }) => {
  const seed = 'print';
  const def = exercise('dE_dw5');
  await page.goto(`${site.path(BACKPROP)}?seed=${seed}#exercise-dE_dw5`);
  const block = blockOf(page, 'dE_dw5');
  await open(block);
  await block.locator('[data-action="give-up"]').click();
  await expect(block.locator('[data-hint="3"]')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(block.locator('.exercise-question')).toBeVisible();
  await expect(block.locator('.exercise-blank')).toBeVisible();
  await expect(block.locator('[data-hint="3"]')).toBeHidden();
  await expect(block.locator('[name="answer"]')).toBeHidden();
  // A closed block prints its question and the blank too.
  const closed = blockOf(page, 'dE_dw6');
  await expect(closed.locator('.exercise-question')).toBeVisible();
  await expect(closed.locator('.exercise-blank')).toBeVisible();
  const printed = await block.evaluate((el) => (el as HTMLElement).innerText);
  for (const form of answerForms(answerOf(def, deal(seed)))) expect(printed).not.toContain(form);
});

test("an exercise's embed: its seed, values from its address, lock=, the link to the full tutorial", async ({ page, site }) => {
  const seed = 'embedded';
  const def = exercise('a_o1');
  await page.goto(`${site.path(`embed/exercise/${def.id}/`)}?seed=${seed}&w5=0.3&w6=abc&lock=all`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-embed-ready'));
  await expect(page.locator('a[data-exercise-open]')).toHaveAttribute('href', new RegExp(`seed=${seed}#exercise-${def.id}$`));
  const block = blockOf(page, def.id);
  await open(block);
  await expect(block).toHaveAttribute('data-seed', seed);
  await expect(block.locator('[data-action="deal"]')).toHaveCount(0);
  await expect(page.locator('[data-embed-notice]')).toBeVisible();
  const config = { ...deal(seed), w5: 0.3 };
  const expected = Object.fromEntries(shownValues(def, config).map((s) => [s.ref.name, [String(s.value), s.text]]));
  expect(await shownIn(block)).toEqual(expected);
  await expect(await check(block, answerText(answerOf(def, config), 6))).toHaveAttribute('data-verdict', 'right');
});
