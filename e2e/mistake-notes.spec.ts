/**
 * "Where spreadsheets go wrong" (issue 13): each known mistake has a note at the step where
 * students make it, whose numbers are the mistaken formula's, live for the values in force. The
 * mistaken values here are written from the words with the math module's numbers, not
 * from the checker's rules that the page uses, so the two descriptions are held against each other.
 */
import { expect, test, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  ARTICLE_EPOCHS,
  ARTICLE_PARAMS,
  WEIGHT_NAMES,
  atEpoch,
  evaluate,
  formatTruncated,
  paramsOf,
  type Params,
  type QuantityName,
  type Snapshot,
} from '../src/lib/backprop';
import { MISTAKES } from '../src/lib/mistakes';
import { axeViolations } from './support/a11y-page';
import { pressOnW5 } from './support/explain';
import { SECTION_SLUGS, sectionPath } from './support/site';

test.describe.configure({ timeout: 120_000 });

const BACKPROP = sectionPath(SECTION_SLUGS.backprop);
const UPDATE = sectionPath(SECTION_SLUGS.update);

type Gradients = Partial<Record<`dE_d${(typeof WEIGHT_NAMES)[number]}`, number>>;

/**
 * 300 epochs of a workbook whose weight updates use `gradients` in place of the right ones where
 * given, and read the learning rate `rate(epoch)`; E_total as the workbook shows it at the end.
 */
function trainWith(p: Params, gradients: (s: Snapshot) => Gradients, rate: (epoch: number) => number = () => p.lr): Snapshot {
  let q = p;
  for (let epoch = 2; epoch <= ARTICLE_EPOCHS; epoch++) {
    const s = evaluate(q);
    const g: Record<string, number> = { ...s, ...gradients(s) };
    const next: Record<string, number> = { ...q };
    for (const w of WEIGHT_NAMES) next[w] = q[w] - rate(epoch) * (g[`dE_d${w}`] ?? Number.NaN);
    q = next as Params;
  }
  return evaluate(q);
}

const slope = (a: number) => a * (1 - a);
const slopePlus = (a: number) => a * (1 + a);

/** ∂E/∂w1 … ∂E/∂w4 from the two outputs' ∂E/∂o, carried back through the weights and slope given. */
function hiddenGradients(s: Snapshot, o1: number, o2: number, [w5, w6, w7, w8]: readonly number[], hiddenSlope: (a: number) => number): Gradients {
  const h1 = (o1 * (w5 ?? Number.NaN) + o2 * (w7 ?? Number.NaN)) * hiddenSlope(s.a_h1);
  const h2 = (o1 * (w6 ?? Number.NaN) + o2 * (w8 ?? Number.NaN)) * hiddenSlope(s.a_h2);
  return { dE_dw1: h1 * s.i1, dE_dw2: h1 * s.i2, dE_dw3: h2 * s.i1, dE_dw4: h2 * s.i2 };
}

/**
 * Each note: its page and place, the cell it compares, the mistaken value from the starting values'
 * snapshot, and E_total after 300 epochs of a workbook with the mistake.
 */
const NOTES: Readonly<
  Record<string, { path: string; at: string; name: QuantityName; epoch: number; wrong(s: Snapshot): number; after(p: Params): number }>
> = {
  'e2-uses-a-o1': {
    path: BACKPROP,
    at: 'step-1',
    name: 'E2',
    epoch: 1,
    wrong: (s) => 0.5 * (s.t2 - s.a_o1) ** 2,
    // Training is untouched; the E_total column adds the wrong E2.
    after: (p) => {
      const s = atEpoch(p, ARTICLE_EPOCHS);
      return s.E1 + 0.5 * (s.t2 - s.a_o1) ** 2;
    },
  },
  'sigmoid-slope-plus': {
    path: BACKPROP,
    at: 'step-3',
    name: 'dE_dw5',
    epoch: 1,
    wrong: (s) => (s.a_o1 - s.t1) * slopePlus(s.a_o1) * s.a_h1,
    after: (p) =>
      trainWith(p, (s) => {
        const o1 = (s.a_o1 - s.t1) * slopePlus(s.a_o1);
        const o2 = (s.a_o2 - s.t2) * slopePlus(s.a_o2);
        return { ...hiddenGradients(s, o1, o2, [s.w5, s.w6, s.w7, s.w8], slopePlus), dE_dw5: o1 * s.a_h1, dE_dw6: o1 * s.a_h2, dE_dw7: o2 * s.a_h1, dE_dw8: o2 * s.a_h2 };
      }).E_total,
  },
  't1-for-t2': {
    path: BACKPROP,
    at: 'step-4',
    name: 'dE_dw7',
    epoch: 1,
    wrong: (s) => (s.a_o2 - s.t1) * slope(s.a_o2) * s.a_h1,
    // Every gradient that carries the second output's error back measures it against t1.
    after: (p) => trainWith(p, (s) => evaluate({ ...paramsOf(s), t2: s.t1 })).E_total,
  },
  'updated-w5-w8': {
    path: BACKPROP,
    at: 'step-5',
    name: 'dE_dw1',
    epoch: 1,
    wrong: (s) => (s.dE_do1 * (s.w5 - s.lr * s.dE_dw5) + s.dE_do2 * (s.w7 - s.lr * s.dE_dw7)) * slope(s.a_h1) * s.i1,
    after: (p) =>
      trainWith(p, (s) => {
        const updated = [s.w5 - s.lr * s.dE_dw5, s.w6 - s.lr * s.dE_dw6, s.w7 - s.lr * s.dE_dw7, s.w8 - s.lr * s.dE_dw8];
        return hiddenGradients(s, s.dE_do1, s.dE_do2, updated, slope);
      }).E_total,
  },
  'slope-a-h1': {
    path: BACKPROP,
    at: 'step-7',
    name: 'dE_dw3',
    epoch: 1,
    wrong: (s) => s.dE_da_h2 * slope(s.a_h1) * s.i1,
    after: (p) => trainWith(p, (s) => ({ dE_dw3: s.dE_da_h2 * slope(s.a_h1) * s.i1, dE_dw4: s.dE_da_h2 * slope(s.a_h1) * s.i2 })).E_total,
  },
  'half-misplaced': {
    path: BACKPROP,
    at: 'step-3',
    name: 'dE_dw5',
    epoch: 1,
    // The ½ kept in ∂E/∂a_o1: half the gradient.
    wrong: (s) => 0.5 * (s.a_o1 - s.t1) * slope(s.a_o1) * s.a_h1,
    // Every gradient halved, and E written without its ½: twice the error of that run.
    after: (p) => 2 * trainWith(p, (s) => Object.fromEntries(WEIGHT_NAMES.map((w) => [`dE_d${w}`, 0.5 * s[`dE_d${w}`]]))).E_total,
  },
  't-minus-a': {
    path: BACKPROP,
    at: 'step-3',
    name: 'dE_dw5',
    epoch: 1,
    wrong: (s) => (s.t1 - s.a_o1) * slope(s.a_o1) * s.a_h1,
    // Both output errors turned round: every gradient changes sign.
    after: (p) => trainWith(p, (s) => Object.fromEntries(WEIGHT_NAMES.map((w) => [`dE_d${w}`, -s[`dE_d${w}`]]))).E_total,
  },
  'missing-slope': {
    path: BACKPROP,
    at: 'step-3',
    name: 'dE_dw5',
    epoch: 1,
    wrong: (s) => (s.a_o1 - s.t1) * s.a_h1,
    // Each gradient without the slope of the neuron its weight feeds; the hidden ones keep the outputs' slopes.
    after: (p) =>
      trainWith(p, (s) => ({
        ...hiddenGradients(s, s.dE_do1, s.dE_do2, [s.w5, s.w6, s.w7, s.w8], () => 1),
        dE_dw5: (s.a_o1 - s.t1) * s.a_h1,
        dE_dw6: (s.a_o1 - s.t1) * s.a_h2,
        dE_dw7: (s.a_o2 - s.t2) * s.a_h1,
        dE_dw8: (s.a_o2 - s.t2) * s.a_h2,
      })).E_total,
  },
  'sum-for-activation': {
    path: BACKPROP,
    at: 'step-3',
    name: 'dE_dw5',
    epoch: 1,
    wrong: (s) => s.dE_do1 * s.h1,
    // h1, h2 where a_h1, a_h2 belong: the last link of w5 … w8, and the hidden slopes h(1 − h).
    after: (p) =>
      trainWith(p, (s) => {
        const h1 = (s.dE_do1 * s.w5 + s.dE_do2 * s.w7) * slope(s.h1);
        const h2 = (s.dE_do1 * s.w6 + s.dE_do2 * s.w8) * slope(s.h2);
        return { dE_dw1: h1 * s.i1, dE_dw2: h1 * s.i2, dE_dw3: h2 * s.i1, dE_dw4: h2 * s.i2, dE_dw5: s.dE_do1 * s.h1, dE_dw6: s.dE_do1 * s.h2, dE_dw7: s.dE_do2 * s.h1, dE_dw8: s.dE_do2 * s.h2 };
      }).E_total,
  },
  'plus-not-minus': {
    path: UPDATE,
    at: 'one-update-of-w1',
    name: 'w1',
    epoch: 2,
    wrong: (s) => s.w1 + s.lr * s.dE_dw1,
    after: (p) => trainWith(p, () => ({}), () => -p.lr).E_total,
  },
  'lr-relative': {
    path: UPDATE,
    at: 'from-one-epoch-to-the-next',
    name: 'w1',
    epoch: 3,
    // The second update reads B2, empty: a spreadsheet counts it as 0, so w1 stays where the first update put it.
    wrong: (s) => atEpoch(paramsOf(s), 2).w1,
    // The third reads B3, the header text: #VALUE! from epoch 4 on.
    after: () => Number.NaN,
  },
};

/** A note's numbers as the page has them. */
interface ShownNote {
  readonly mistakes: string;
  readonly place: string;
  readonly right: { value: string; text: string };
  readonly wrong: { value: string; text: string };
  readonly agree: { value: string; text: string };
  readonly rightAfter: { value: string; text: string };
  readonly wrongAfter: { value: string; text: string } | null;
  readonly afterText: string;
  readonly equalShown: boolean;
  /** Each count of digits in common on screen, and whether its key ("digits in common") shows beside it. */
  readonly counts: { text: string; keyShown: boolean }[];
  readonly link: string;
}

async function readNotes(page: Page): Promise<ShownNote[]> {
  return page.$$eval('.mistake-note', (notes) =>
    notes.map((note) => {
      const read = (el: Element | null | undefined) => ({ value: el?.getAttribute('data-value') ?? '', text: (el?.textContent ?? '').trim() });
      // The step it stands in, or in 1.5 the section heading it follows.
      let place = note.closest('.step')?.id ?? '';
      for (let el = note.previousElementSibling; !place && el; el = el.previousElementSibling) if (el.tagName === 'H2') place = el.id;
      const [cell, after] = [...note.querySelectorAll('.mistake-note-row')];
      const numbers = (row: Element | undefined) => [...(row?.querySelectorAll('[data-q]') ?? [])];
      const [right, wrong, agree] = numbers(cell);
      const [, rightAfter, wrongAfter] = numbers(after);
      return {
        mistakes: note.getAttribute('data-mistake') ?? '',
        place,
        right: read(right),
        wrong: read(wrong),
        agree: read(agree),
        rightAfter: read(rightAfter),
        wrongAfter: wrongAfter ? read(wrongAfter) : null,
        afterText: (after?.textContent ?? '').replace(/\s+/g, ' '),
        equalShown: getComputedStyle(note.querySelector('.mistake-note-equal') as Element).display !== 'none',
        counts: [...note.querySelectorAll('.mistake-note-row dd')]
          .filter((dd) => dd.querySelector('[data-q$="--agree"]'))
          .map((dd) => ({
            text: (dd.querySelector('[data-q]')?.textContent ?? '').trim(),
            keyShown: getComputedStyle(dd.querySelector('.mistake-note-key') as Element).display !== 'none',
          })),
        link: note.querySelector<HTMLAnchorElement>('a[data-carry]')?.href ?? '',
      };
    }),
  );
}

/** Leading significant digits two numbers share (17: the same number). */
function sharedDigits(a: number, b: number): number {
  if (a === b) return 17;
  const [ma = '', ea] = Math.abs(a).toExponential(16).split('e');
  const [mb = '', eb] = Math.abs(b).toExponential(16).split('e');
  if (Math.sign(a) !== Math.sign(b) || ea !== eb) return 0;
  let n = 0;
  while (n < 17 && ma.replace('.', '')[n] === mb.replace('.', '')[n]) n++;
  return n;
}

/**
 * Close enough to be the same arithmetic: the page computes in the browser's engine (its Math.exp
 * may differ from Node's in the last bit), and the formulas here group a few products differently.
 */
function near(shown: string, expected: number): boolean {
  const x = Number(shown);
  return Math.abs(x - expected) <= 1e-9 * Math.max(Math.abs(x), Math.abs(expected), 1e-12);
}

/** Every note of the page checked against the mistakes for `params` (shown with `digits`, at least 8); the problems found. */
function problemsIn(notes: readonly ShownNote[], params: Params, digits = 8): string[] {
  const problems: string[] = [];
  for (const note of notes) {
    const id = note.mistakes.split(' ')[0] ?? '';
    const spec = NOTES[id];
    if (!spec) {
      problems.push(`a note for "${id}", which the issue does not list`);
      continue;
    }
    const label = `${id} (${spec.name}@${spec.epoch})`;
    if (note.place !== spec.at) problems.push(`${label}: in ${note.place}, not ${spec.at}`);
    if (!near(note.right.value, atEpoch(params, spec.epoch)[spec.name])) problems.push(`${label}: right value ${note.right.value}`);
    const wrong = spec.wrong(evaluate(params));
    if (!near(note.wrong.value, wrong)) problems.push(`${label}: mistaken value ${note.wrong.value}, expected ${wrong}`);
    if (note.wrong.text !== formatTruncated(Number(note.wrong.value), Math.max(8, digits))) problems.push(`${label}: mistaken text ${note.wrong.text}`);
    const agree = sharedDigits(Number(note.wrong.value), Number(note.right.value));
    // Two equal values read "Identical", not "17 digits in common"; data-value keeps the count.
    if (note.agree.value !== String(agree) || note.agree.text !== (agree === 17 ? 'Identical' : String(agree))) problems.push(`${label}: ${note.agree.text} digits in common, the values share ${agree}`);
    if (note.equalShown !== (agree === 17)) problems.push(`${label}: the sentence for equal values ${note.equalShown ? 'shown' : 'hidden'} with ${agree} digits in common`);
    // "Identical" stands alone; a count of digits has its key beside it.
    for (const count of note.counts) if (count.keyShown !== (count.text !== 'Identical')) problems.push(`${label}: the key beside "${count.text}" ${count.keyShown ? 'shown' : 'hidden'}`);
    if (!near(note.rightAfter.value, atEpoch(params, ARTICLE_EPOCHS).E_total)) problems.push(`${label}: right E_total@300 ${note.rightAfter.value}`);
    const after = spec.after(params);
    if (Number.isNaN(after)) {
      if (note.wrongAfter !== null || !note.afterText.includes('#VALUE!')) problems.push(`${label}: after 300 epochs should read #VALUE!`);
    } else if (!note.wrongAfter || !near(note.wrongAfter.value, after)) {
      problems.push(`${label}: mistaken E_total@300 ${note.wrongAfter?.value}, expected ${after}`);
    }
  }
  return problems;
}

/** The page script has run, and the notes' own script has rendered (or had nothing to render). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-precision') && !document.querySelector('[data-pending]'));
}

/**
 * Opens 1.4 with `query`, holding the notes' arithmetic back until the returned function is called;
 * resolves once the page script has run.
 */
async function openWithNotesHeld(page: Page, query: string): Promise<() => void> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/mistake-notes-live\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  // The notes' script, added while the page loads, holds its load event back: wait only for the parse.
  await page.goto(`${BACKPROP}${query}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-precision'));
  return release;
}

async function typeInto(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`input[name="${name}"]`).first().fill(value);
}

test('every known mistake has a note on the page, at its step; the t1/t2 note also speaks for t1/t2 hidden when t1 = t2', async ({ page }) => {
  const seen: string[] = [];
  for (const path of [BACKPROP, UPDATE]) {
    await page.goto(path);
    await settled(page);
    for (const note of await readNotes(page)) seen.push(...note.mistakes.split(' '));
  }
  expect(seen.sort()).toEqual(MISTAKES.map((rule) => rule.id).sort());
  expect(Object.keys(NOTES).sort()).toEqual(MISTAKES.filter((rule) => 'column' in rule.note).map((rule) => rule.id).sort());
});

test(`${BACKPROP}: the notes show the article’s values, then follow edits of t2, saying when the t1/t2 values are equal`, async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(BACKPROP);
  await settled(page);
  expect(problemsIn(await readNotes(page), ARTICLE_PARAMS)).toEqual([]);
  // The article's t1 = t2: the t1/t2 note says the two are the same number.
  const t1t2 = page.locator('.mistake-note[data-mistake~="t1-for-t2"]');
  await expect(t1t2.locator('.mistake-note-equal')).toBeVisible();
  // Nothing was fetched for the notes: the built numbers were true.
  expect(requests.filter((r) => r.includes('mistake-notes'))).toEqual([]);

  for (const t2 of ['0.2', '0.83', '0.5']) {
    const params = { ...ARTICLE_PARAMS, t2: Number(t2) };
    await typeInto(page, 't2', t2);
    await expect.poll(async () => problemsIn(await readNotes(page), params), { timeout: 10_000 }).toEqual([]);
    await expect(t1t2.locator('.mistake-note-equal')).toBeVisible({ visible: params.t2 === params.t1 });
  }
  // The link to the checker carries the configuration.
  await typeInto(page, 't2', '0.3');
  await typeInto(page, 'w3', '-0.7');
  const link = t1t2.locator('a[data-carry]');
  await expect(link).toHaveAttribute('href', /t2=0\.3/);
  await link.click();
  await expect(page).toHaveURL(/\/1-5-weight-update\/\?.*t2=0\.3.*#check-it-in-a-spreadsheet$/);
  await settled(page);
  expect(problemsIn(await readNotes(page), { ...ARTICLE_PARAMS, t2: 0.3, w3: -0.7 })).toEqual([]);
});

test(`${UPDATE}: with a linked configuration and after an edit of the learning rate, the notes’ numbers are the mistakes’`, async ({ page }) => {
  await page.goto(`${UPDATE}?t2=0.21&w1=-0.4&lr=0.6`);
  await settled(page);
  let params: Params = { ...ARTICLE_PARAMS, t2: 0.21, w1: -0.4, lr: 0.6 };
  expect(problemsIn(await readNotes(page), params)).toEqual([]);
  await typeInto(page, 'lr', '1.3');
  params = { ...params, lr: 1.3 };
  await expect.poll(async () => problemsIn(await readNotes(page), params), { timeout: 10_000 }).toEqual([]);
  // More digits than the notes' own 8: the notes show them too.
  await page.locator('select[name="digits"]').selectOption('12');
  await expect.poll(async () => problemsIn(await readNotes(page), params, 12), { timeout: 10_000 }).toEqual([]);
});

test(`${BACKPROP}: choosing more digits before any edit shows them in the notes too`, async ({ page }) => {
  await page.goto(BACKPROP);
  await settled(page);
  await page.locator('select[name="digits"]').selectOption('all');
  await expect.poll(async () => problemsIn(await readNotes(page), ARTICLE_PARAMS, Infinity), { timeout: 10_000 }).toEqual([]);
});

test(`${BACKPROP}: opened with values, no note claims a stale number while its arithmetic is on its way, nor after`, async ({ page }) => {
  const release = await openWithNotesHeld(page, '?t2=0.2');
  // Until it arrives: an ellipsis in place of every note number the values changed, and no data-q on it.
  expect(await page.locator('.mistake-note [data-q*="--"]').count()).toBe(0);
  const pending = page.locator('.mistake-note [data-pending]');
  expect(await pending.count()).toBe(9 * 4);
  expect(new Set(await pending.allTextContents())).toEqual(new Set(['…']));
  release();
  await settled(page);
  expect(await page.locator('.mistake-note [data-q*="--"]').count()).toBe(9 * 4);
  expect(problemsIn(await readNotes(page), { ...ARTICLE_PARAMS, t2: 0.2 })).toEqual([]);
});

test(`${BACKPROP}: opened with values that keep t1 = t2, the t1/t2 note says the two are equal only once its arithmetic has shown it`, async ({ page }) => {
  const release = await openWithNotesHeld(page, '?w1=0.2');
  const t1t2 = page.locator('.mistake-note[data-mistake~="t1-for-t2"]');
  const count = t1t2.locator('.mistake-note-row').first().locator('dd').last();
  // Waiting: the count reads "…" beside its key, and no sentence claims the two are equal.
  await expect(count).toHaveText(/^\s*digits in common\s+…\s*$/);
  await expect(count.locator('.mistake-note-key')).toBeVisible();
  await expect(t1t2.locator('.mistake-note-equal')).toBeHidden();
  release();
  await settled(page);
  await expect(count.locator('[data-q]')).toHaveText('Identical');
  await expect(count.locator('.mistake-note-key')).toBeHidden();
  await expect(t1t2.locator('.mistake-note-equal')).toBeVisible();
  expect(problemsIn(await readNotes(page), { ...ARTICLE_PARAMS, w1: 0.2 })).toEqual([]);
});

test(`${BACKPROP}: while w5 is dragged, a note far from the screen waits as "…" instead of running its workbook on every move; one brought near follows, and on release all are the mistakes’`, async ({ page }) => {
  await page.goto(BACKPROP);
  await settled(page);
  const { x, y } = await pressOnW5(page);
  // One more step sideways each time: the drag's code (and the notes') load at the press, so under load
  // the first moves may come before them, as a reader's finger would.
  let step = 0;
  const moveOn = () => page.mouse.move(x + 6 * ++step, y);
  const w5 = async () => Number(await page.locator('input[name="w5"]').first().inputValue());
  await expect.poll(async () => (await moveOn(), w5())).not.toBe(ARTICLE_PARAMS.w5);
  // The last note (Step 8's) is screens below: at a later move it waits, with no data-q claiming a value.
  // (Before the notes' code has measured where the notes are, it renders them all: they are true, not pending.)
  const far = page.locator('.mistake-note').last();
  await expect.poll(async () => (await moveOn(), far.locator('[data-pending]').count())).toBeGreaterThan(0);
  expect(await far.locator('[data-q*="--"]').count()).toBe(0);
  expect(new Set(await far.locator('[data-pending]').allTextContents())).toEqual(new Set(['…']));
  // Still holding: scrolled onto the screen, it is computed for the value in force.
  await far.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect.poll(() => far.locator('[data-pending]').count()).toBe(0);
  const held = { ...ARTICLE_PARAMS, w5: await w5() };
  const lastOf = (notes: ShownNote[]) => notes.slice(-1);
  expect(problemsIn(lastOf(await readNotes(page)), held)).toEqual([]);
  // Released: no number is pending, and every note holds the value the drag left.
  await moveOn();
  await page.mouse.up();
  await settled(page);
  expect(problemsIn(await readNotes(page), { ...ARTICLE_PARAMS, w5: await w5() })).toEqual([]);
});

test(`${BACKPROP}: after a typed edit the note on the screen follows at once, one far from it waits as "…" and catches up by itself, without scrolling`, async ({ page }) => {
  await page.goto(BACKPROP);
  await settled(page);
  // A first edit brings in the notes' code.
  await typeInto(page, 't2', '0.45');
  await expect(page.locator('html')).toHaveAttribute('data-mistake-notes', 'live', { timeout: 10_000 });
  await settled(page);
  await page.locator('.mistake-note').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  // Two frames and a task: the note's observer has told it it is on the screen (a busy machine took longer).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))));
  const scrolled = await page.evaluate(() => window.scrollY);
  // The edit and a look at both notes in one task: what a reader sees right after the keystroke.
  const right = await page.evaluate(() => {
    const field = document.querySelector<HTMLInputElement>('input[name="t2"]');
    if (!field) throw new Error('no t2 field');
    field.value = '0.4';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const all = document.querySelectorAll('.mistake-note');
    const [near, far] = [all[0], all[all.length - 1]];
    return { nearPending: near?.querySelectorAll('[data-pending]').length, farPending: far?.querySelectorAll('[data-pending]').length, farNames: far?.querySelectorAll('[data-q*="--"]').length };
  });
  expect(right.nearPending, 'the note on the screen, right after the edit').toBe(0);
  expect(right.farPending, 'the note screens below, right after the edit').toBeGreaterThan(0);
  expect(right.farNames, 'no number of the far note claims a value it does not hold').toBe(0);
  await settled(page);
  expect(problemsIn(await readNotes(page), { ...ARTICLE_PARAMS, t2: 0.4 })).toEqual([]);
  expect(await page.evaluate(() => window.scrollY), 'nothing scrolled').toBe(scrolled);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${BACKPROP}: axe finds nothing in the notes (${colorScheme}, 320 and 1280 px, values equal and apart), and none widens the page`, async ({ page }) => {
    // Four passes of axe over nine notes of typeset math: the time they need on 1.4 under load.
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme });
    for (const query of ['', '?t2=0.2']) {
      await page.goto(`${BACKPROP}${query}`);
      await settled(page);
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await axeViolations(page, '.mistake-note'), `${query || 'article'} at ${width} px`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${query || 'article'} at ${width} px`).toBeLessThanOrEqual(width);
      }
    }
  });
}

test(`${BACKPROP} and ${UPDATE}: the notes print, with the numbers of a linked configuration`, async ({ page }) => {
  for (const [path, count] of [[BACKPROP, 9], [UPDATE, 2]] as const) {
    await page.goto(`${path}?t2=0.2&lr=0.7`);
    await settled(page);
    await page.waitForLoadState('networkidle');
    const notes = await readNotes(page);
    expect(notes).toHaveLength(count);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const printed = text.replace(/\s+/g, ' ');
    expect(printed.split('Where spreadsheets go wrong').length - 1, path).toBe(count);
    for (const note of notes) {
      const agreed = note.agree.text === 'Identical' ? 'Identical' : `digits in common ${note.agree.text}`;
      for (const shown of [note.wrong.text, note.right.text, agreed]) expect(printed, `${note.mistakes}: ${shown}`).toContain(shown);
      if (note.wrongAfter) expect(printed, note.mistakes).toContain(note.wrongAfter.text);
    }
    expect(printed).toContain('Check your own workbook');
  }
});
