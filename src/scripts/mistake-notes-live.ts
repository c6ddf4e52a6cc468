/**
 * The notes' numbers, kept true once mistake-notes.ts has added this to the page
 * (docs/dom-contract.md): every `data-q` named `NAME--MISTAKE` or `NAME--MISTAKE--agree`, and any the first-load
 * part set aside as pending, rewritten from the state in force now and after every change, right
 * after the page script has rewritten the others.
 *
 * Each note runs a workbook for 300 epochs, most of a drag's work on 1.4. So while a pointer is held, a
 * note far from the screen is set aside as pending ("…", its name in `data-pending`) rather than
 * recomputed on every move; it is rendered again when it comes near the screen or the pointer is released.
 */
import { bindNumbers, renderNumbers, type BoundNumber, type NumberRef } from '../lib/dom-contract/core';
import { NOTE_NUMBER_SELECTOR, PENDING_SELECTOR, readNumberRef, restoreName, setAside } from '../lib/dom-contract/notes';
import { createMistakeResolver, formatMistakeQuantity } from '../lib/mistakes/notes/quantities';
import { $digits, $params } from '../state/tutorial';

/** A note's numbers, and whether the note is near the screen (within a screen's height of it). */
interface Note {
  readonly numbers: BoundNumber<NumberRef>[];
  near: boolean;
  /** Its numbers are set aside until the pointer is released or it comes near. */
  aside: boolean;
}

/** The notes: part of the built page (no island renders one), so found once, not on every change. */
let notes: readonly Note[] | undefined;
/** A pointer is held: a number, a figure's point or a slider being dragged. */
let pressed = false;
/** Also a number's drag that began before this loaded (its press loads this: mistake-notes.ts). */
const holding = (): boolean => pressed || document.documentElement.hasAttribute('data-dragging');

function findNotes(): Note[] {
  const byNote = new Map<Element, Note>();
  const observer = new IntersectionObserver(
    (entries) => {
      let cameNear = false;
      for (const entry of entries) {
        const note = byNote.get(entry.target);
        if (!note) continue;
        note.near = entry.isIntersecting;
        cameNear ||= note.near && note.aside;
      }
      if (cameNear) render();
    },
    { rootMargin: '100% 0px' },
  );
  for (const number of bindNumbers(document.querySelectorAll(`${NOTE_NUMBER_SELECTOR}, ${PENDING_SELECTOR}`), readNumberRef)) {
    const box = number.el.closest('.mistake-note') ?? number.el;
    let note = byNote.get(box);
    if (!note) {
      // Near until measured: a note is never set aside before the observer has seen it.
      byNote.set(box, (note = { numbers: [], near: true, aside: false }));
      observer.observe(box);
    }
    note.numbers.push(number);
  }
  return [...byNote.values()];
}

/** Renders the notes near the screen, and the others too unless a pointer is `held`. */
function render(held = holding()): void {
  // Tells tests (and tools) that the notes' numbers are now this browser's, not the build's (docs/dom-contract.md).
  document.documentElement.dataset['mistakeNotes'] = 'live';
  notes ??= findNotes();
  // One resolver for the notes rendered now: it runs a workbook only when a number asks for it.
  const valueOf = createMistakeResolver($params.get());
  const digits = $digits.get();
  for (const note of notes) {
    if (held && !note.near) {
      if (!note.aside) for (const { el } of note.numbers) setAside(el);
      note.aside = true;
      continue;
    }
    renderNumbers(note.numbers, valueOf, formatMistakeQuantity, digits);
    for (const { el, ref } of note.numbers) restoreName(el, ref.name);
    note.aside = false;
  }
}

addEventListener('pointerdown', () => (pressed = true), true);
for (const type of ['pointerup', 'pointercancel']) {
  addEventListener(type, () => {
    pressed = false;
    // Before the drag's own handler clears `data-dragging`: no change follows a release.
    if (notes?.some((note) => note.aside)) render(false);
  }, true);
}

// The first render only if the values have changed (numbers are pending): otherwise the built numbers are the
// article's already, and rewriting them would only swap Node's last digits of Math.exp for this browser's.
if (document.querySelector(PENDING_SELECTOR)) render();
$params.listen(() => render());
$digits.listen(() => render());
