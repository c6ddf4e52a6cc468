/**
 * The mistake notes' numbers under the DOM contract (./core.ts): their names, and setting them
 * aside until their arithmetic has loaded (src/scripts/mistake-notes.ts).
 */
import { PENDING, Q, refFromAttributes, type NumberRef } from './core';

/**
 * Joins a quantity, a mistake and a measure in the name of a mistake note's number:
 * `dE_dw3--slope-a-h1`, `dE_dw3--slope-a-h1--agree` (src/lib/mistakes/notes/quantities.ts).
 */
export const NOTE_SEPARATOR = '--';
/** Selects the mistake notes' numbers. */
export const NOTE_NUMBER_SELECTOR = `[${Q}*="${NOTE_SEPARATOR}"]`;
/** Selects numbers set aside as pending. */
export const PENDING_SELECTOR = `[${PENDING}]`;

/** The place of a number of any kind (a note's too), read from `data-q`, or from `data-pending` when set aside. */
export function readNumberRef(el: Element): NumberRef | undefined {
  const get = (a: string): string | null => el.getAttribute(a);
  return refFromAttributes(get, get(Q) ?? get(PENDING));
}

/**
 * Sets a note's number aside until its arithmetic loads: its name moves to `data-pending` and its
 * text becomes "…", so that every `data-q` on the page holds the state in force.
 */
export function setAside(el: Element): void {
  const name = el.getAttribute(Q);
  if (name === null) return;
  el.setAttribute(PENDING, name);
  el.removeAttribute(Q);
  el.textContent = '…';
}

/** Brings back a number set aside (`setAside`) under its name, once it is rendered again. */
export function restoreName(el: Element, name: string): void {
  if (el.getAttribute(Q) !== name) el.setAttribute(Q, name);
  el.removeAttribute(PENDING);
}
