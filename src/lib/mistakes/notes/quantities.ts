/**
 * The numbers of the "where spreadsheets go wrong" notes, by the names the page
 * gives them in `data-q` (docs/dom-contract.md):
 *
 * - `NAME--MISTAKE`: what the cell of quantity NAME holds in a workbook that has
 *   the known mistake MISTAKE and every other formula right (`dE_dw3--slope-a-h1`),
 *   at `data-epoch` and the learning rate in force (or `data-lr`), as the
 *   math module's quantities are;
 * - `NAME--MISTAKE--agree`: how many leading significant digits that value shares
 *   with the right one, NAME itself (17 when they are the same number).
 *
 * Names are CSS identifiers (letters, digits, `_` and `-`), so `[data-q=dE_dw3--slope-a-h1]`
 * needs no quotes or escapes; `--` never occurs in a quantity's or a mistake's own name.
 * Pure: the page loads this only once its values leave the article's (see
 * src/scripts/mistake-notes.ts), and the build and the tests use it as it is.
 */
import { ARTICLE_EPOCHS, atEpoch, formatTruncated, isQuantityName, type Params, type QuantityName, type Snapshot } from '../../backprop';
import type { NumberRef } from '../../dom-contract/core';
import { NOTE_SEPARATOR } from '../../dom-contract/notes';
import { agreeingDigits } from '../compare';
import { notedMistake } from '../index';
import type { WorkbookMistake } from '../rule';
import { runWorkbook, type WorkbookRun } from '../run';

/** Joins a quantity, a mistake and a measure in a name (part of the DOM contract). */
export const SEPARATOR = NOTE_SEPARATOR;
const AGREE = 'agree';

/** The name of a quantity's value in a workbook with a mistake: `dE_dw3--slope-a-h1`. */
export function mistakenName(column: QuantityName, mistake: string): string {
  return `${column}${SEPARATOR}${mistake}`;
}

/** The name of the count of digits the mistaken value shares with the right one: `dE_dw3--slope-a-h1--agree`. */
export function agreeName(column: QuantityName, mistake: string): string {
  return `${mistakenName(column, mistake)}${SEPARATOR}${AGREE}`;
}

/** What a note's name stands for. */
export interface MistakeQuantity {
  readonly column: QuantityName;
  readonly mistake: WorkbookMistake;
  /** The count of shared digits rather than the value. */
  readonly agree: boolean;
}

/** Reads a name of this module's kind; undefined for any other name. */
export function parseMistakeName(name: string): MistakeQuantity | undefined {
  const [column = '', id = '', measure, ...rest] = name.split(SEPARATOR);
  const mistake = notedMistake(id);
  if (!isQuantityName(column) || !mistake || rest.length > 0 || (measure !== undefined && measure !== AGREE)) return undefined;
  return { column, mistake, agree: measure === AGREE };
}

/** Is this a name of a note's number? */
export function isMistakeQuantityName(name: string): boolean {
  return parseMistakeName(name) !== undefined;
}

/** Where a note's number comes from: its name, at `epoch` (1 = the parameters in force), trained at `lr`. */
export type MistakeRef = NumberRef;

/**
 * Looks up the notes' numbers for one set of parameters. Each (mistake, learning rate) workbook is
 * run once, for at least the article's 300 epochs, and serves every epoch asked of it. NaN for a
 * name that is not a note's, or a cell the mistake turns into a spreadsheet error.
 */
export function createMistakeResolver(params: Params): (ref: MistakeRef) => number {
  const runs = new Map<string, WorkbookRun>();
  const right = new Map<string, Snapshot>();
  return ({ name, epoch = 1, lr = params.lr }) => {
    const q = parseMistakeName(name);
    if (!q || !Number.isInteger(epoch) || epoch < 1) return Number.NaN;
    const key = `${q.mistake.id} ${lr}`;
    let run = runs.get(key);
    if (!run || run.epochs < epoch) {
      run = runWorkbook(q.mistake, lr === params.lr ? params : { ...params, lr }, Math.max(epoch, ARTICLE_EPOCHS));
      runs.set(key, run);
    }
    const wrong = run.value(q.column, epoch);
    if (!q.agree) return wrong;
    let snapshot = right.get(`${epoch} ${lr}`);
    if (!snapshot) right.set(`${epoch} ${lr}`, (snapshot = atEpoch(params, epoch, lr)));
    return agreeingDigits(wrong, snapshot[q.column]);
  };
}

/** The count `agreeingDigits` gives two equal numbers. */
export const IDENTICAL = 17;

/**
 * The class a count of digits in common carries while it is `IDENTICAL`: the notes' stylesheet hides the
 * count's key and says the two are equal from it. A class, set only when that changes: a `:has()` on
 * `data-value`, which every move of a drag rewrites, would make each write a check of the note's style.
 */
export const IDENTICAL_CLASS = 'mistake-note-identical';

/** Whether the note's number named `ref` is a count of digits in common that says the two values are equal. */
export function isIdenticalCount(ref: MistakeRef, value: number): boolean {
  return parseMistakeName(ref.name)?.agree === true && value === IDENTICAL;
}

/**
 * Text for a note's number: a count of digits as it is ("Identical" when the two values are the
 * same number: every digit), a value cut to `digits` significant digits.
 */
export function formatMistakeQuantity(ref: MistakeRef, value: number, digits: number): string {
  if (!parseMistakeName(ref.name)?.agree) return formatTruncated(value, digits);
  return value === IDENTICAL ? 'Identical' : String(value);
}
