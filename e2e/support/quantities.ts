/**
 * Reading the page's DOM contract (`data-q`, `data-value`, `data-epoch`,
 * `data-lr`) and checking every shown quantity against the math module.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import * as backprop from '../../src/lib/backprop';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, createResolver, isQuantityName, type Params, type QuantityRef } from '../../src/lib/backprop';
import * as noteQuantities from '../../src/lib/mistakes/notes/quantities';
import { PAGE_NUMBERS } from '../../src/lib/dom-contract/core';

const LIB_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../src/lib');

/** One element carrying `data-q`, as the page shows it. */
export interface Shown {
  readonly q: string;
  readonly value: string | null;
  readonly epoch: string | null;
  readonly lr: string | null;
  /** `data-digits` of the element or its nearest ancestor (a fixed precision). */
  readonly fixedDigits: string | null;
  readonly text: string;
  readonly formControl: boolean;
  /** A mistake note's number still as the build wrote it (Node's arithmetic): its module has not rendered yet. */
  readonly fromBuild: boolean;
  /** A term after "+" or "−" whose sign folds into that operator (`data-fold`): its text is the magnitude. */
  readonly folds: boolean;
  /** A short description for failure messages. */
  readonly where: string;
}

/** Every `[data-q]` element of the page's state (or inside the elements `within` selects), in document order; an exercise's numbers are its own. */
export async function readShown(page: Page, within?: string): Promise<Shown[]> {
  return page.$$eval(within ? `:is(${within}) ${PAGE_NUMBERS}` : PAGE_NUMBERS, (elements) =>
    elements.map((el, index) => {
      const inMath = el.closest('.katex-mathml') ? 'mathml' : el.closest('.katex') ? 'katex' : 'prose';
      return {
        q: el.getAttribute('data-q') ?? '',
        value: el.getAttribute('data-value'),
        epoch: el.getAttribute('data-epoch'),
        lr: el.getAttribute('data-lr'),
        fixedDigits: el.closest('[data-digits]')?.getAttribute('data-digits') ?? null,
        text: (el.textContent ?? '').trim(),
        formControl: el.matches('input, select, textarea'),
        fromBuild: (el.getAttribute('data-q') ?? '').includes('--') && !document.documentElement.hasAttribute('data-mistake-notes'),
        folds: el.hasAttribute('data-fold'),
        where: `#${index} <${el.tagName.toLowerCase()}> in ${inMath}${el.closest('[id]') ? ` under #${el.closest('[id]')?.id}` : ''}`,
      };
    }),
  );
}

/** The reference a shown element stands for, or a reason it is not a valid one. */
export function refOf(shown: Shown): QuantityRef | string {
  if (!isQuantityName(shown.q)) return `unknown data-q "${shown.q}"`;
  const epoch = shown.epoch === null ? 1 : Number(shown.epoch);
  if (!Number.isInteger(epoch) || epoch < 1) return `bad data-epoch "${shown.epoch}"`;
  if (shown.lr !== null && !Number.isFinite(Number(shown.lr))) return `bad data-lr "${shown.lr}"`;
  return { name: shown.q, epoch, ...(shown.lr !== null ? { lr: Number(shown.lr) } : {}) };
}

/** The part of the math module the comparison needs (the module itself, in Node or in the page). */
export type MathModule = Pick<typeof backprop, 'createResolver' | 'formatQuantity' | 'isQuantityName'> & {
  /** The mistake notes' numbers (`dE_dw3--slope-a-h1`, src/lib/mistakes/notes/quantities.ts). */
  readonly notes: Pick<typeof noteQuantities, 'createMistakeResolver' | 'formatMistakeQuantity' | 'isMistakeQuantityName'>;
};

/**
 * Every difference between what the page shows and what the math module computes
 * for `params` at `pageDigits` (empty when the page is right). Checks `data-value`
 * (exact `String(x)`) and the visible text (`formatQuantity`). Self-contained, so
 * it can also run inside the page (see `mismatchesInPage`).
 */
export function compareShown(math: MathModule, shown: readonly Shown[], params: Params, pageDigits: number): string[] {
  const resolveQuantity = math.createResolver(params);
  const resolveNote = math.notes.createMistakeResolver(params);
  const problems: string[] = [];
  for (const s of shown) {
    // A note's number (`dE_dw3--slope-a-h1`) is checked like a quantity, by the notes' own arithmetic.
    const note = !math.isQuantityName(s.q) && math.notes.isMistakeQuantityName(s.q);
    if (!math.isQuantityName(s.q) && !note) {
      problems.push(`${s.where}: unknown data-q "${s.q}"`);
      continue;
    }
    const resolve = (ref: { name: string; epoch: number; lr?: number }): number =>
      note ? resolveNote(ref) : resolveQuantity(ref as QuantityRef);
    const format = (ref: { name: string; epoch: number; lr?: number }, value: number, digits: number): string =>
      note ? math.notes.formatMistakeQuantity(ref, value, digits) : math.formatQuantity(ref as QuantityRef, value, digits);
    const epoch = s.epoch === null ? 1 : Number(s.epoch);
    if (!Number.isInteger(epoch) || epoch < 1 || (s.lr !== null && !Number.isFinite(Number(s.lr)))) {
      problems.push(`${s.where}: bad data-epoch "${s.epoch}" or data-lr "${s.lr}"`);
      continue;
    }
    const ref = { name: s.q, epoch, ...(s.lr !== null ? { lr: Number(s.lr) } : {}) };
    const label = `${s.q}${s.epoch ? `@${s.epoch}` : ''}${s.lr ? `:lr=${s.lr}` : ''} ${s.where}`;
    const value = resolve(ref);
    // Until their module runs, the notes' numbers are the build's: Node's Math.exp differs from a browser's in the
    // last bit for about one number in ten, and 300 epochs carry that into the last digits (docs/dom-contract.md).
    const close = s.fromBuild && Math.abs(Number(s.value) - value) <= 1e-12 * Math.abs(value);
    if (s.value !== String(value) && !close) problems.push(`${label}: data-value "${s.value}", expected "${String(value)}"`);
    if (s.formControl) continue;
    const digits = s.fixedDigits === null ? pageDigits : Math.max(Number(s.fixedDigits), pageDigits);
    const formatted = format(ref, value, digits);
    // A folding term shows its magnitude; its sign is the operator's (checked where the operators are).
    const text = s.folds && formatted.startsWith('\u2212') ? formatted.slice(1) : formatted;
    if (s.text !== text) problems.push(`${label}: text "${s.text}", expected "${text}"`);
  }
  return problems;
}

/** `compareShown` with the math module as Node runs it: for the built (no-JavaScript) HTML, which Node computed. */
export function mismatches(shown: readonly Shown[], params: Params, pageDigits: number = ARTICLE_DIGITS): string[] {
  return compareShown({ ...backprop, notes: noteQuantities }, shown, params, pageDigits);
}

/** Where the page finds the math module: `import('/__test-math-module__/index.js')` inside a test's `page.evaluate`. */
const MATH_PREFIX = '/__test-math-module__/';

let bundle: string | undefined;
/**
 * The math module as one ES module for the browser, bundled by esbuild from its own sources: everything
 * src/lib/backprop exports, the mistake notes' numbers as `notes`, and `compareShown` (its source text:
 * the site's CSP rightly forbids eval and new Function). Built once per worker.
 */
function mathBundle(): string {
  bundle ??= buildSync({
    stdin: {
      contents: [
        "export * from './backprop/index.ts';",
        "export * as notes from './mistakes/notes/quantities.ts';",
        `export const compareShown = ${compareShown.toString()};`,
      ].join('\n'),
      resolveDir: LIB_DIR,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]?.text;
  if (!bundle) throw new Error('esbuild wrote no bundle of the math module');
  return bundle;
}

/**
 * Serves the math module, bundled from its TypeScript sources, to the page under a private path.
 * Browsers' Math.exp/log may differ from Node's in the last bit, so exact `String(x)` equality is only
 * meaningful in the same engine.
 */
export async function serveMathModule(page: Page): Promise<void> {
  await page.route(`**${MATH_PREFIX}*`, (route) =>
    new URL(route.request().url()).pathname === `${MATH_PREFIX}index.js`
      ? route.fulfill({ contentType: 'text/javascript', body: mathBundle() })
      : route.fulfill({ status: 404, body: '' }),
  );
}

/** Every difference (inside `within`, when given), computed inside the page by the math module running in the browser's engine. */
export async function mismatchesInPage(page: Page, params: Params, pageDigits: number = ARTICLE_DIGITS, within?: string): Promise<string[]> {
  const shown = await readShown(page, within);
  return page.evaluate(
    async ({ url, shown, params, pageDigits }) => {
      const math = await import(url);
      const compare: typeof compareShown = math.compareShown;
      return compare(math, shown, params, pageDigits);
    },
    { url: `${MATH_PREFIX}index.js`, shown, params, pageDigits },
  );
}

/** How many shown values differ between two parameter sets (proves an edit reached the page). */
export function changedCount(shown: readonly Shown[], before: Params, after: Params): number {
  const a = createResolver(before);
  const b = createResolver(after);
  return shown.filter((s) => {
    const ref = refOf(s);
    return typeof ref !== 'string' && !Object.is(a(ref), b(ref));
  }).length;
}

/** The article's parameters with some replaced. */
export function withParams(changes: Partial<Params>): Params {
  return { ...ARTICLE_PARAMS, ...changes };
}

/**
 * Runs in the page: brings what an island renders on screen and points at it. Islands are
 * display: contents, so their first child is what shows; an island on screen at load
 * (client:needed="changed touch …") waits for a pointer, not for the screen.
 */
export function revealIsland(el: Element): void {
  const shown = el.firstElementChild ?? el.parentElement ?? el;
  shown.scrollIntoView({ block: 'center' });
  shown.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
}

/**
 * Waits until every island has hydrated. Islands that hydrate on visibility are
 * scrolled into view first; the page is scrolled back to the top afterwards.
 */
export async function waitForHydration(page: Page): Promise<void> {
  // Islands are display: contents; scroll to what they render, one at a time, so each is seen.
  // Always the first one still waiting: hydrated islands drop [ssr], so a list taken up front goes stale.
  const waiting = page.locator('astro-island[ssr]:is([client="visible"], [client="needed"])');
  // Right after a navigation the page may still be parsing (1.4 is some 560 KB): count its islands only
  // once they are all there, or the loop below finds none yet and leaves the touch-only ones asleep.
  await page.waitForLoadState('domcontentloaded');
  // 1.4 has a dozen islands (an Embed action in every step's Share, the figures): wait for each to go
  // before revealing the next, rather than a fixed pause that a busy machine outlasts.
  for (let tries = 0, left = await waiting.count(); tries < 120 && left > 0; tries++) {
    await waiting.first().evaluate(revealIsland, undefined, { timeout: 5_000 }).catch(() => undefined);
    await page
      .waitForFunction((before) => document.querySelectorAll('astro-island[ssr]:is([client="visible"], [client="needed"])').length < before, left, { timeout: 1_000 })
      .catch(() => undefined);
    left = await waiting.count();
  }
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null, undefined, { timeout: 30_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Text the page must never show. */
export const UNSHOWABLE_WORDS = /\b(NaN|Infinity|undefined)\b/;

/**
 * The address's query once the state module has brought it in step: it rewrites the address after the
 * frame that shows a change (links carrying the configuration follow at once), so a test waits that frame.
 */
export function settledSearch(page: Page): Promise<string> {
  return page.evaluate(() => new Promise<string>((done) => requestAnimationFrame(() => setTimeout(() => done(location.search)))));
}
