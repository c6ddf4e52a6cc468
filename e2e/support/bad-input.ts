/**
 * The bad-input matrix shared by the section fields (bad-input.spec.ts) and the field in a
 * parameter's explanation (explain.spec.ts): the values every field must refuse, reading a
 * field's state in one round trip, and what counts as handling a bad value well.
 */
import type { Page } from '@playwright/test';
import { settledSearch } from './quantities';

/** The values every field and the URL must refuse (the list). */
export const BAD_VALUES: readonly (readonly [label: string, text: string])[] = [
  ['empty', ''],
  ['spaces', '   '],
  ['a lone minus', '-'],
  ['letters', 'abc'],
  ['1e400', '1e400'],
  ['-1e400', '-1e400'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['hex', '0x1A'],
  ['a decimal comma', '1,5'],
  ['two dots', '0.1.2'],
  ['10,000 characters', '1234567890'.repeat(1000)],
  ['markup', '<script>alert(1)</script>'],
];

/** The state of a field and the page right after a value was typed, read in one round trip. */
export interface CellState {
  invalid: string | null;
  message: string;
  messageVisible: boolean;
  messageBeside: boolean;
  search: string;
  values: string;
  unshowable: string[];
}

/**
 * Reads the state right after a value was typed, and the address once it has settled. Waits (up to a second) for the
 * field to be marked invalid, since the island re-renders after the input event.
 */
export async function readCell(page: Page, selector: string): Promise<CellState> {
  const cell = await page.evaluate(async (sel) => {
    const input = document.querySelector<HTMLInputElement>(sel);
    if (!input) throw new Error(`no field ${sel}`);
    for (let waited = 0; input.getAttribute('aria-invalid') !== 'true' && waited < 1000; waited += 20) {
      await new Promise((done) => setTimeout(done, 20));
    }
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const message = ids.map((id) => document.getElementById(id)).find((el) => el !== null) ?? null;
    const rect = message?.getBoundingClientRect();
    const text = message?.textContent?.trim() ?? '';
    return {
      invalid: input.getAttribute('aria-invalid'),
      message: text,
      messageVisible: !!message && !!rect && rect.width > 0 && rect.height > 0 && message.checkVisibility({ visibilityProperty: true }),
      // Beside the field: in the same small container as the input, not somewhere else on the page.
      messageBeside: !!message && !!input.parentElement?.contains(message),
      values: [...document.querySelectorAll('[data-q]')].map((el) => el.getAttribute('data-value')).join('|'),
      // The only new text on screen is the message (every data-value is compared); the whole page is read per field.
      unshowable: text.match(/\b(NaN|Infinity|undefined)\b/g) ?? [],
    };
  }, selector);
  // A bad value put in force would reach the address after the frame that shows it.
  return { ...cell, search: await settledSearch(page) };
}

/** What went wrong with one bad value typed into a field (`at` names it), compared with the page before. */
export function cellFailures(at: string, label: string, cell: CellState, baseline: { values: string; search: string }): string[] {
  const failures: string[] = [];
  if (cell.invalid !== 'true') failures.push(`${at}: the field is not marked aria-invalid`);
  if (!cell.messageVisible) failures.push(`${at}: no visible message linked by aria-describedby`);
  if (!cell.messageBeside) failures.push(`${at}: the message is not beside the field`);
  if (cell.message.length < 10) failures.push(`${at}: message "${cell.message}" is not a clear sentence`);
  if (/<script|alert\(1\)/.test(cell.message)) failures.push(`${at}: the message echoes the markup`);
  if (label === 'a decimal comma' && !/1\.5/.test(cell.message)) failures.push(`${at}: no hint to write 1.5 ("${cell.message}")`);
  if (cell.values !== baseline.values) failures.push(`${at}: a shown value changed, so the bad value was put in force`);
  if (cell.search !== baseline.search) failures.push(`${at}: the address became "${cell.search}"`);
  if (cell.unshowable.length > 0) failures.push(`${at}: the page reads ${cell.unshowable.join(', ')}`);
  return failures;
}
