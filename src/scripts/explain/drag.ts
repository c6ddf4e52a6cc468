/**
 * Changing a parameter where it stands: a parameter's number (in an equation, a table, the
 * network diagram or an explanation) can be dragged sideways, or nudged with the arrow keys when
 * its stop has focus (stops.ts); Shift makes the steps bigger. Every change goes through the state
 * module's `setParam`, so whatever the state module allows or refuses applies here too; a drag
 * holds the address (`holdAddress`) and rewrites it once, on release. Touch keeps vertical
 * scrolling: the numbers allow panning up and down (explain.css), so only a sideways drag reaches here.
 */
import { isParameter, type ParamName } from '../../lib/backprop';
import { BIG_STEP, STEP, dragSteps, stepped } from '../../lib/adjust';
import { $params, holdAddress, isLocked, setParam } from '../../state/tutorial';
import { numberAt, readRef } from '../../lib/dom-contract/core';

/** Movement below this many pixels is a tap (it opens the explanation), not a drag. */
const TAP_SLOP = 4;

/** The parameter `el` shows, when it is the value in force (not a later epoch, not another run). */
export function paramInForce(el: Element): ParamName | undefined {
  const ref = readRef(el);
  if (!ref || ref.epoch !== undefined || ref.lr !== undefined || el.closest('.katex-mathml, input')) return undefined;
  return isParameter(ref.name) ? ref.name : undefined;
}

/** The parameter `el` shows, when the reader may change it there (in force, and not locked by an embed's address). */
export function adjustableParam(el: Element): ParamName | undefined {
  const name = paramInForce(el);
  return name && !isLocked(name) ? name : undefined;
}

/** Moves a parameter one step up (1) or down (−1); `big` for the modifier's bigger step. */
export function nudge(name: ParamName, direction: 1 | -1, big: boolean): void {
  setParam(name, stepped($params.get()[name], direction, big ? BIG_STEP : STEP));
}

interface Drag {
  readonly name: ParamName;
  readonly pointerId: number;
  /** Where the pointer was, and the value, when the current step size took effect. */
  x0: number;
  v0: number;
  size: number;
  /** Rewrites the address; set once the pointer has moved far enough to be a drag. */
  end?: () => void;
}

let drag: Drag | undefined;
let draggedJustNow = false;

/** A press on a parameter's number may start a drag. */
export function pointerDown(event: PointerEvent): void {
  draggedJustNow = false;
  if (!event.isPrimary || event.button !== 0) return;
  const el = numberAt(event.target);
  const name = el ? adjustableParam(el) : undefined;
  if (!el || !name) return;
  drag = { name, pointerId: event.pointerId, x0: event.clientX, v0: $params.get()[name], size: STEP };
  try {
    // Moves keep coming to this number when the pointer leaves it (or the window).
    el.setPointerCapture(event.pointerId);
  } catch {
    // A press replayed after the pointer was released (explain-glue.ts) cannot be captured; moves still arrive.
  }
}

/** Follows the pointer: every whole step sideways changes the parameter, and every number on the page follows. */
export function pointerMove(event: PointerEvent): void {
  if (!drag || event.pointerId !== drag.pointerId) return;
  const size = event.shiftKey ? BIG_STEP : STEP;
  if (size !== drag.size) {
    // The modifier changed mid-drag: go on from here with the new step, without a jump.
    Object.assign(drag, { x0: event.clientX, v0: $params.get()[drag.name], size });
  }
  const dx = event.clientX - drag.x0;
  if (!drag.end) {
    if (Math.abs(dx) < TAP_SLOP) return;
    drag.end = holdAddress();
    document.documentElement.dataset['dragging'] = '';
  }
  setParam(drag.name, stepped(drag.v0, dragSteps(dx), drag.size));
}

/** Ends a drag (release or cancel): the address is written once. */
export function pointerUp(event: PointerEvent): void {
  if (!drag || event.pointerId !== drag.pointerId) return;
  if (drag.end) {
    drag.end();
    draggedJustNow = true;
    delete document.documentElement.dataset['dragging'];
  }
  drag = undefined;
}

/** Whether the click that follows a release belongs to a drag (and so must not open an explanation). */
export function clickEndsDrag(): boolean {
  const was = draggedJustNow;
  draggedJustNow = false;
  return was;
}
