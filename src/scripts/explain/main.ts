/**
 * Explanations, loaded on the reader's first press, key or focus (src/scripts/explain-glue.ts):
 * a tap, click or Enter on any number opens its explanation in a popover beside it (a sheet at
 * the bottom of a phone's screen); ingredients open in place, with a trail and Back; Escape, a
 * click outside or Close shut it and focus returns to where it was. Also wires the keyboard stops
 * (stops.ts), dragging and nudging parameters (drag.ts) and the marks on changed numbers (marks.ts).
 *
 * The explanations themselves, typeset at build time, are fetched from the site on first open
 * (src/pages/explanations.json.ts). The popover is the browser's own (`popover="auto"`): it
 * closes on Escape and on a click outside by itself.
 */
import { h, render } from 'preact';
import type { QuantityRef } from '../../lib/backprop';
import { sameRef } from '../../lib/quantities/chain';
import type { Explanations } from '../../lib/quantities/explanations';
import { $digits, $params, currentQuery, watchState } from '../../state/tutorial';
import Explanation from './Explanation';
import { clickEndsDrag, pointerDown, pointerMove, pointerUp } from './drag';
import { startMarks } from './marks';
import { NUMBER_SELECTOR, numberAt, readRef } from '../../lib/dom-contract/core';
import { setCurrent, stopFocused, stopKey } from './stops';

const ANCHOR = '--explained';

const panel = document.createElement('div');
panel.className = 'explain';
panel.id = 'explanation';
panel.popover = 'auto';
panel.setAttribute('role', 'dialog');
panel.setAttribute('aria-labelledby', 'explanation-title');

let explanations: Explanations | undefined;
let loading: Promise<void> | undefined;
let failed = false;
let trail: QuantityRef[] = [];
/** Where focus goes back to on closing: the stop (or number) the explanation was opened from. */
let returnTo: HTMLElement | undefined;
let anchor: Element | undefined;
let stopWatching: (() => void) | undefined;
let focusWasInside = false;

/** Fetches the build-time explanations once (again after a failure). */
function load(): void {
  loading ??= fetch(`${import.meta.env.BASE_URL}explanations.json`)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status}`);
      return response.json() as Promise<Explanations>;
    })
    .then(
      (all) => {
        explanations = all;
        failed = false;
        show();
      },
      () => {
        failed = true;
        loading = undefined;
        show();
      },
    );
}

/** Renders the explanation at the end of the trail, or nothing, and says which one is open. */
function show(): void {
  const target = trail[trail.length - 1];
  if (!target) {
    render(null, panel);
    for (const a of ['data-explains', 'data-epoch', 'data-lr']) panel.removeAttribute(a);
    return;
  }
  panel.setAttribute('data-explains', target.name);
  if (target.epoch) panel.setAttribute('data-epoch', String(target.epoch));
  else panel.removeAttribute('data-epoch');
  if (target.lr !== undefined) panel.setAttribute('data-lr', String(target.lr));
  else panel.removeAttribute('data-lr');
  render(
    h(Explanation, {
      explanations,
      failed,
      trail,
      params: $params.get(),
      digits: $digits.get(),
      query: currentQuery(),
      go,
      back,
      close: () => panel.hidePopover(),
    }),
    panel,
  );
}

function focusTitle(): void {
  panel.querySelector<HTMLElement>('#explanation-title')?.focus();
}

// While the number is scrolled out of view, the card leaves it for a corner of the screen: it never leaves the screen.
const anchorSeen = new IntersectionObserver((entries) => {
  for (const entry of entries) panel.classList.toggle('explain-loose', !entry.isIntersecting);
});

// On a phone the card is a sheet along the bottom: the page scrolls the number (with its equation,
// when both fit) into the room above it, whenever the sheet opens or changes height.
const phone = matchMedia('(max-width: 40rem)');
let explained: Element | undefined;
const sheetSeen = new ResizeObserver(revealAboveSheet);
sheetSeen.observe(panel);

function revealAboveSheet(): void {
  const root = document.documentElement;
  if (!explained?.isConnected || !phone.matches || !panel.matches(':popover-open')) {
    root.removeAttribute('data-explain-sheet');
    return;
  }
  const sheet = panel.getBoundingClientRect();
  // Room at the end of the page, so that even its last number can scroll above the sheet.
  root.style.setProperty('--explain-sheet', `${Math.ceil(sheet.height)}px`);
  root.setAttribute('data-explain-sheet', '');
  const room = sheet.top - 8;
  const number = explained.getBoundingClientRect();
  const around = explained.closest('.eq, .grad')?.getBoundingClientRect();
  const box = around && around.height <= room - 8 ? around : number;
  const by = box.bottom > room ? box.bottom - room : box.top < 8 ? box.top - 8 : 0;
  if (by !== 0) scrollBy({ top: by, behavior: 'instant' });
}

/** Puts the popover beside `el` (CSS anchor positioning; a phone shows it as a bottom sheet instead). */
function anchorTo(el: Element): void {
  explained = el;
  // SVG text has no box of its own to anchor to; its drawing does.
  const box = el.closest('svg') ?? el;
  if (!(box instanceof HTMLElement || box instanceof SVGElement)) return;
  if (anchor instanceof HTMLElement || anchor instanceof SVGElement) anchor.style.removeProperty('anchor-name');
  box.style.setProperty('anchor-name', ANCHOR);
  anchor = box;
  anchorSeen.disconnect();
  panel.classList.remove('explain-loose');
  anchorSeen.observe(box);
}

/** Opens the explanation of `ref`, shown by `el`; focus returns to `from` when it closes. */
function open(ref: QuantityRef, el: Element, from: Element): void {
  trail = [ref];
  returnTo = from instanceof HTMLElement || from instanceof SVGElement ? (from as HTMLElement) : undefined;
  anchorTo(el);
  stopWatching ??= watchState(show);
  show();
  if (!panel.matches(':popover-open')) panel.showPopover();
  focusTitle();
  revealAboveSheet();
  load();
}

/** Opens another quantity's explanation in place, after the current one in the trail. */
function go(ref: QuantityRef): void {
  const target = trail[trail.length - 1];
  if (target && sameRef(target, ref)) return;
  trail = [...trail, ref];
  show();
  focusTitle();
}

/** Goes back to the trail's explanation at `index`; focus lands on the link that was followed from it. */
function back(index: number): void {
  const left = trail[index + 1];
  trail = trail.slice(0, index + 1);
  show();
  // The link whose number is the one left (w5 can be linked twice: the epoch before and the epoch after).
  const link = [...panel.querySelectorAll<HTMLElement>('[data-explain-link]')].find((b) => {
    const shown = b.querySelector(NUMBER_SELECTOR);
    const ref = shown && readRef(shown);
    return left && ref && sameRef(ref, left);
  });
  if (link) link.focus();
  else focusTitle();
}

panel.addEventListener('beforetoggle', (event) => {
  if ((event as ToggleEvent).newState === 'closed') focusWasInside = panel.contains(document.activeElement);
});
panel.addEventListener('toggle', (event) => {
  // The event is queued: a click on another number may have opened the popover again since.
  if ((event as ToggleEvent).newState !== 'closed' || panel.matches(':popover-open')) return;
  trail = [];
  explained = undefined;
  revealAboveSheet();
  stopWatching?.();
  stopWatching = undefined;
  show();
  // Back to where the reader was, unless a click outside has put focus somewhere else on purpose.
  const active = document.activeElement;
  if (focusWasInside && (!active || active === document.body) && returnTo?.isConnected) returnTo.focus();
});
// Tabbing out of the explanation closes it, as a click outside does.
panel.addEventListener('focusout', (event) => {
  const next = event.relatedTarget;
  if (next instanceof Node && !panel.contains(next) && panel.matches(':popover-open')) panel.hidePopover();
});

function onClick(event: Event): void {
  if (clickEndsDrag()) return;
  const target = event.target instanceof Element ? event.target : null;
  // Buttons, links and fields (the explanation's own among them) do their own thing.
  const el = numberAt(target);
  if (!el || target?.closest('button, a, input, label') || el.closest('.katex-mathml')) return;
  // A reader selecting text is not asking for an explanation.
  if (getSelection()?.toString()) return;
  const ref = readRef(el);
  if (!ref) return;
  const stop = el.closest('[data-explain-stop]');
  if (stop) setCurrent(stop, el);
  if (panel.contains(el)) go(ref);
  else open(ref, el, stop ?? el);
}

function onKey(event: Event): void {
  const stop = event.target instanceof Element ? event.target : null;
  if (!stop?.matches('[data-explain-stop]') || !(event instanceof KeyboardEvent)) return;
  const used = stopKey(event, stop, (el) => {
    const ref = readRef(el);
    if (!ref) return;
    if (panel.contains(stop)) go(ref);
    else open(ref, el, stop);
  });
  if (used) event.preventDefault();
}

function onFocus(event: Event): void {
  const target = event.target instanceof Element ? event.target : null;
  if (!target?.matches('[data-explain-stop]')) return;
  stopFocused(target);
  load();
}

function onPress(event: Event): void {
  if (!(event instanceof PointerEvent)) return;
  // The explanation is likely to be asked for next: start fetching it now.
  if (numberAt(event.target)) load();
  pointerDown(event);
}

const HANDLERS: Readonly<Record<string, (event: Event) => void>> = {
  pointerdown: onPress,
  pointermove: (e) => e instanceof PointerEvent && pointerMove(e),
  pointerup: (e) => e instanceof PointerEvent && pointerUp(e),
  pointercancel: (e) => e instanceof PointerEvent && pointerUp(e),
  click: onClick,
  keydown: onKey,
  focusin: onFocus,
};

/**
 * Starts explanations on this page; `queue` holds the events that arrived while this code was
 * loading (the reader's first tap, drag or key), which are handled now, in order.
 */
export function start(queue: readonly Event[]): void {
  document.body.append(panel);
  for (const [type, handle] of Object.entries(HANDLERS)) document.addEventListener(type, handle);
  startMarks();
  for (const event of queue) HANDLERS[event.type]?.(event);
}
