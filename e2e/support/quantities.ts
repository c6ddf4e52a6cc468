/**
 * Reading the page's DOM contract (`data-q`, `data-value`, `data-epoch`,
 * `data-lr`) and checking every shown quantity against the math module.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import ts from 'typescript';
import * as backprop from '../../src/lib/backprop';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, createResolver, isQuantityName, type Params, type QuantityRef } from '../../src/lib/backprop';

const MATH_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../src/lib/backprop');

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
  /** A short description for failure messages. */
  readonly where: string;
}

/** Every `[data-q]` element of the page (or inside the elements `within` selects), in document order. */
export async function readShown(page: Page, within?: string): Promise<Shown[]> {
  return page.$$eval(within ? `:is(${within}) [data-q]` : '[data-q]', (elements) =>
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
export type MathModule = Pick<typeof backprop, 'createResolver' | 'formatQuantity' | 'isQuantityName'>;

/**
 * Every difference between what the page shows and what the math module computes
 * for `params` at `pageDigits` (empty when the page is right). Checks `data-value`
 * (exact `String(x)`) and the visible text (`formatQuantity`). Self-contained, so
 * it can also run inside the page (see `mismatchesInPage`).
 */
export function compareShown(math: MathModule, shown: readonly Shown[], params: Params, pageDigits: number): string[] {
  const resolve = math.createResolver(params);
  const problems: string[] = [];
  for (const s of shown) {
    if (!math.isQuantityName(s.q)) {
      problems.push(`${s.where}: unknown data-q "${s.q}"`);
      continue;
    }
    const epoch = s.epoch === null ? 1 : Number(s.epoch);
    if (!Number.isInteger(epoch) || epoch < 1 || (s.lr !== null && !Number.isFinite(Number(s.lr)))) {
      problems.push(`${s.where}: bad data-epoch "${s.epoch}" or data-lr "${s.lr}"`);
      continue;
    }
    const ref = { name: s.q, epoch, ...(s.lr !== null ? { lr: Number(s.lr) } : {}) };
    const label = `${s.q}${s.epoch ? `@${s.epoch}` : ''}${s.lr ? `:lr=${s.lr}` : ''} ${s.where}`;
    const value = resolve(ref);
    if (s.value !== String(value)) problems.push(`${label}: data-value "${s.value}", expected "${String(value)}"`);
    if (s.formControl) continue;
    const digits = s.fixedDigits === null ? pageDigits : Math.max(Number(s.fixedDigits), pageDigits);
    const text = math.formatQuantity(ref, value, digits);
    if (s.text !== text) problems.push(`${label}: text "${s.text}", expected "${text}"`);
  }
  return problems;
}

/** `compareShown` with the math module as Node runs it: for the built (no-JavaScript) HTML, which Node computed. */
export function mismatches(shown: readonly Shown[], params: Params, pageDigits: number = ARTICLE_DIGITS): string[] {
  return compareShown(backprop, shown, params, pageDigits);
}

const MATH_PREFIX = '/__test-math-module__/';
const COMPARE_MODULE = 'compare-shown';

/**
 * Serves the math module's own TypeScript sources (transpiled, not bundled) to the
 * page under a private path. Browsers' Math.exp/log may differ from Node's in the
 * last bit, so exact `String(x)` equality is only meaningful in the same engine.
 */
export async function serveMathModule(page: Page): Promise<void> {
  await page.route(`**${MATH_PREFIX}*`, async (route) => {
    const file = new URL(route.request().url()).pathname.slice(MATH_PREFIX.length).replace(/\.js$/, '');
    // The comparison itself, as a module: the site's CSP rightly forbids eval and new Function.
    if (file === COMPARE_MODULE) {
      return route.fulfill({ contentType: 'text/javascript', body: `export default ${compareShown.toString()};` });
    }
    if (!/^[a-z-]+$/.test(file)) return route.fulfill({ status: 404, body: '' });
    const source = readFileSync(join(MATH_DIR, `${file}.ts`), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    return route.fulfill({ contentType: 'text/javascript', body: js });
  });
}

/** Every difference (inside `within`, when given), computed inside the page by the math module running in the browser's engine. */
export async function mismatchesInPage(page: Page, params: Params, pageDigits: number = ARTICLE_DIGITS, within?: string): Promise<string[]> {
  const shown = await readShown(page, within);
  return page.evaluate(
    async ({ prefix, compareModule, shown, params, pageDigits }) => {
      const math = await import(`${prefix}index.js`);
      const compare: typeof compareShown = (await import(`${prefix}${compareModule}.js`)).default;
      return compare(math, shown, params, pageDigits);
    },
    { prefix: MATH_PREFIX, compareModule: COMPARE_MODULE, shown, params, pageDigits },
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
 * Waits until every island has hydrated. Islands that hydrate on visibility are
 * scrolled into view first; the page is scrolled back to the top afterwards.
 */
export async function waitForHydration(page: Page): Promise<void> {
  // Islands are display: contents; scroll to what they render, one at a time, so each is seen.
  // Always the first one still waiting: hydrated islands drop [ssr], so a list taken up front goes stale.
  const waiting = page.locator('astro-island[ssr]:is([client="visible"], [client="needed"])');
  for (let tries = 0; tries < 30 && (await waiting.count()) > 0; tries++) {
    await waiting.first().evaluate((el) => (el.firstElementChild ?? el.parentElement ?? el).scrollIntoView({ block: 'center' }), undefined, { timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(100);
  }
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null, undefined, { timeout: 30_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Text the page must never show. */
export const UNSHOWABLE_WORDS = /\b(NaN|Infinity|undefined)\b/;
