/**
 * The notes' numbers, kept true once mistake-notes.ts has added this to the page
 * (docs/dom-contract.md): every `data-q` named `NAME--MISTAKE` or `NAME--MISTAKE--agree`, and any the first-load
 * part set aside as pending, rewritten from the state in force now and after every change, right
 * after the page script has rewritten the others.
 *
 * Each note runs a workbook for 300 epochs, most of a change's work on 1.4. So a note off the screen is
 * set aside as pending ("…", its name in `data-pending`) and rendered in the browser's idle time, on the
 * pointer's release (a drag) or when it comes on the screen (./far-work.ts), not in the change's task.
 */
import { bindNumbers, renderNumbers, type BoundNumber, type NumberRef } from '../lib/dom-contract/core';
import { NOTE_NUMBER_SELECTOR, PENDING_SELECTOR, readNumberRef, restoreName, setAside } from '../lib/dom-contract/notes';
import { IDENTICAL_CLASS, createMistakeResolver, formatMistakeQuantity, isIdenticalCount } from '../lib/mistakes/notes/quantities';
import type { Params } from '../lib/backprop';
import { $digits, $params } from '../state/tutorial';
import { ON_SCREEN, dropLater, later } from './far-work';

/** A note's numbers, and whether the note is on the screen. */
interface Note {
  readonly numbers: BoundNumber<NumberRef>[];
  onScreen: boolean;
  /** Its numbers are set aside until it is rendered again. */
  aside: boolean;
  /** Renders it from the state in force. */
  readonly render: () => void;
}

/** The notes: part of the built page (no island renders one), so found once, not on every change. */
let notes: readonly Note[] | undefined;

/** One resolver per state: it runs a workbook only when a number asks for it, once for all the notes that ask. */
let resolver: { params: Params; valueOf: ReturnType<typeof createMistakeResolver> } | undefined;
function valueOf(): ReturnType<typeof createMistakeResolver> {
  const params = $params.get();
  if (resolver?.params !== params) resolver = { params, valueOf: createMistakeResolver(params) };
  return resolver.valueOf;
}

function renderNote(note: Note): void {
  dropLater(note.render);
  const value = valueOf();
  renderNumbers(note.numbers, value, formatMistakeQuantity, $digits.get());
  for (const { el, ref } of note.numbers) {
    restoreName(el, ref.name);
    el.classList.toggle(IDENTICAL_CLASS, isIdenticalCount(ref, value(ref)));
  }
  note.aside = false;
}

function findNotes(): Note[] {
  const byNote = new Map<Element, Note>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const note = byNote.get(entry.target);
        if (!note) continue;
        note.onScreen = entry.isIntersecting;
        if (note.onScreen && note.aside) note.render();
      }
    },
    { rootMargin: ON_SCREEN },
  );
  for (const number of bindNumbers(document.querySelectorAll(`${NOTE_NUMBER_SELECTOR}, ${PENDING_SELECTOR}`), readNumberRef)) {
    const box = number.el.closest('.mistake-note') ?? number.el;
    let note = byNote.get(box);
    if (!note) {
      // On the screen until measured: a note is never set aside before the observer has seen it.
      const created: Note = { numbers: [], onScreen: true, aside: false, render: () => renderNote(created) };
      byNote.set(box, (note = created));
      observer.observe(box);
    }
    note.numbers.push(number);
  }
  return [...byNote.values()];
}

/** Renders the notes on the screen; sets the others aside until their turn comes. */
function render(): void {
  // Tells tests (and tools) that the notes' numbers are now this browser's, not the build's (docs/dom-contract.md).
  document.documentElement.dataset['mistakeNotes'] = 'live';
  notes ??= findNotes();
  for (const note of notes) {
    if (note.onScreen) {
      renderNote(note);
      continue;
    }
    if (!note.aside) for (const { el } of note.numbers) setAside(el);
    note.aside = true;
    later(note.render);
  }
}

// The first render only if the values have changed (numbers are pending): otherwise the built numbers are the
// article's already, and rewriting them would only swap Node's last digits of Math.exp for this browser's.
if (document.querySelector(PENDING_SELECTOR)) render();
$params.listen(() => render());
$digits.listen(() => render());
