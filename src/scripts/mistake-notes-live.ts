/**
 * The notes' numbers, kept true once mistake-notes.ts has added this to the page
 * (docs/dom-contract.md): every `data-q` named `NAME--MISTAKE` or `NAME--MISTAKE--agree`, and any the first-load
 * part set aside as pending, rewritten from the state in force now and after every change, right
 * after the page script has rewritten the others.
 */
import { bindNumbers, renderNumbers, type BoundNumber, type NumberRef } from '../lib/dom-contract/core';
import { NOTE_NUMBER_SELECTOR, PENDING_SELECTOR, readNumberRef, restoreName } from '../lib/dom-contract/notes';
import { createMistakeResolver, formatMistakeQuantity } from '../lib/mistakes/notes/quantities';
import { $digits, $params } from '../state/tutorial';

/** The notes' numbers: part of the built page (no island renders one), so found once, not on every change. */
let numbers: readonly BoundNumber<NumberRef>[] | undefined;

function render(): void {
  // Tells tests (and tools) that the notes' numbers are now this browser's, not the build's (docs/dom-contract.md).
  document.documentElement.dataset['mistakeNotes'] = 'live';
  numbers ??= bindNumbers(document.querySelectorAll(`${NOTE_NUMBER_SELECTOR}, ${PENDING_SELECTOR}`), readNumberRef);
  renderNumbers(numbers, createMistakeResolver($params.get()), formatMistakeQuantity, $digits.get());
  for (const { el, ref } of numbers) restoreName(el, ref.name);
}

// The first render only if the values have changed (numbers are pending): otherwise the built numbers are the
// article's already, and rewriting them would only swap Node's last digits of Math.exp for this browser's.
if (document.querySelector(PENDING_SELECTOR)) render();
$params.listen(render);
$digits.listen(render);
