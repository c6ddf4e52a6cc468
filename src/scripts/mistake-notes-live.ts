/**
 * The notes' numbers, kept true once mistake-notes.ts has added this to the page
 * (docs/dom-contract.md): every `data-q` named `NAME--MISTAKE` or `NAME--MISTAKE--agree`, and any the first-load
 * part set aside as pending, rewritten from the state in force now and after every change, right
 * after the page script has rewritten the others.
 */
import { createMistakeResolver, formatMistakeQuantity, type MistakeRef } from '../lib/mistakes/notes/quantities';
import { $digits, $params } from '../state/tutorial';

/** The notes' numbers: part of the built page (no island renders one), so found once, not on every change. */
let numbers: readonly HTMLElement[] | undefined;

function render(): void {
  // Tells tests (and tools) that the notes' numbers are now this browser's, not the build's (docs/dom-contract.md).
  document.documentElement.dataset['mistakeNotes'] = 'live';
  const resolve = createMistakeResolver($params.get());
  const pageDigits = $digits.get();
  numbers ??= [...document.querySelectorAll<HTMLElement>('[data-q*="--"], [data-pending]')];
  for (const el of numbers) {
    const name = el.dataset['q'] ?? el.dataset['pending'] ?? '';
    const lr = el.dataset['lr'];
    const ref: MistakeRef = { name, epoch: Number(el.dataset['epoch'] ?? 1), ...(lr !== undefined ? { lr: Number(lr) } : {}) };
    // As the page script does: a precision fixed by the content never shows fewer digits than the page's.
    const fixed = Number(el.closest<HTMLElement>('[data-digits]')?.dataset['digits'] ?? 0);
    const value = resolve(ref);
    const raw = String(value);
    const text = formatMistakeQuantity(ref, value, Math.max(fixed, pageDigits));
    // Only what changed is written: a drag rewrites the page some sixty times a second.
    if (el.dataset['value'] !== raw) el.dataset['value'] = raw;
    if (el.textContent !== text) el.textContent = text;
    if (el.dataset['q'] !== name) el.dataset['q'] = name;
    if ('pending' in el.dataset) delete el.dataset['pending'];
  }
}

// watchState, written out: importing it would make the first-load chunk export it on every page. And the first
// render only if the values have changed (numbers are pending): otherwise the built numbers are the article's
// already, and rewriting them would only swap Node's last digits of Math.exp for this browser's.
if (document.querySelector('[data-pending]')) render();
$params.listen(render);
$digits.listen(render);
