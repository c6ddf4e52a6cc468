/**
 * The answer key of /practice/: pasted seeds become a table (seed, the configuration, every
 * exercise's answer) with a CSV download and a print button; and the reader's progress forgotten.
 */
import { h, render } from 'preact';
import { answerKey, keyCsv, seedsOf } from '../../lib/practice/key';
import { forgetProgress } from '../exercise/store';
import KeyTable from './KeyTable';

/** Turns the form's seeds into the key below it. */
export function makeKey(form: HTMLFormElement): void {
  const output = document.querySelector<HTMLElement>('[data-practice-output]');
  const field = form.elements.namedItem('seeds');
  if (!output || !(field instanceof HTMLTextAreaElement)) return;
  const { seeds, leftOut } = seedsOf(field.value);
  const rows = answerKey(seeds);
  render(h(KeyTable, { rows, leftOut, csv: () => keyCsv(rows) }), output);
  if (seeds.length === 0) field.focus();
}

/** Forgets every solved exercise and dealt seed, and says so. */
export function forget(): void {
  forgetProgress();
  const said = document.querySelector<HTMLElement>('[data-practice-said]');
  if (said) said.textContent = 'Forgotten: no exercise is solved, and the next one you open deals new numbers.';
}
