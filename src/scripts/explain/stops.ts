/**
 * The keyboard's way to the numbers without a tab stop per number: an equation, a table, a
 * figure or a number in prose is one stop (`data-explain-stop`, with tabindex, role and label
 * written at build time); Left and Right (Home, End) move between its numbers, Enter or Space
 * explains the current one, Up and Down change it when it is a parameter (Shift: bigger steps).
 * The current number is outlined while its stop has focus, and said in a polite live region.
 */
import { describeRef } from '../../lib/quantities/chain';
import { adjustableParam, nudge, paramInForce } from './drag';
import { numbersIn, readRef } from '../../lib/dom-contract/core';

const CURRENT = 'explain-current';
const current = new WeakMap<Element, Element>();

/** The numbers of a stop, in reading order: those on screen, not the MathML copies read to assistive technology. */
export function numbersOf(stop: Element): Element[] {
  const all = numbersIn(stop, true);
  return all.filter((el) => !el.closest('.katex-mathml, .visually-hidden'));
}

/** The stop's current number (its first, until another is chosen). */
export function currentNumber(stop: Element): Element | undefined {
  const chosen = current.get(stop);
  return chosen?.isConnected && stop.contains(chosen) ? chosen : numbersOf(stop)[0];
}

/** Makes `el` the stop's current number. */
export function setCurrent(stop: Element, el: Element): void {
  currentNumber(stop)?.classList.remove(CURRENT);
  current.set(stop, el);
  if (stop !== el) el.classList.add(CURRENT);
}

/** Says the current number, in words a screen reader reads well. */
function say(el: Element): void {
  const region = document.querySelector('[data-explain-said]');
  const ref = readRef(el);
  if (!region || !ref) return;
  const settable = paramInForce(el);
  const status = !settable ? '' : adjustableParam(el) ? ', can be changed' : ', fixed by your course page';
  region.textContent = `${describeRef(ref)} = ${el.textContent ?? ''}${status}`;
}

/** Focus arrives on a stop: show and say its current number. */
export function stopFocused(stop: Element): void {
  const el = currentNumber(stop);
  if (!el) return;
  setCurrent(stop, el);
  say(el);
}

/** A key on a focused stop; `explain` opens the current number's explanation. Returns whether the key was used. */
export function stopKey(event: KeyboardEvent, stop: Element, explain: (el: Element) => void): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false;
  const numbers = numbersOf(stop);
  const el = currentNumber(stop);
  if (!el) return false;
  const at = numbers.indexOf(el);
  const move = (to: number): boolean => {
    const next = numbers[Math.max(0, Math.min(numbers.length - 1, to))];
    if (!next) return false;
    setCurrent(stop, next);
    say(next);
    return true;
  };
  switch (event.key) {
    case 'ArrowRight':
      return move(at + 1);
    case 'ArrowLeft':
      return move(at - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(numbers.length - 1);
    case 'Enter':
    case ' ':
      explain(el);
      return true;
    case 'ArrowUp':
    case 'ArrowDown': {
      const name = adjustableParam(el);
      if (!name) return false;
      nudge(name, event.key === 'ArrowUp' ? 1 : -1, event.shiftKey);
      say(el);
      return true;
    }
    default:
      return false;
  }
}
