/**
 * Axes for small SVG charts: linear and logarithmic scales, tick choice and
 * tick labels. Pure: no DOM.
 */

/** Maps a domain value to a position in the range. */
export type Scale = (value: number) => number;

/** A straight-line map from [d0, d1] to [r0, r1]; a zero-width domain maps to the range's middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0;
  if (!(span !== 0 && Number.isFinite(span))) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / span;
  return (v) => r0 + (v - d0) * k;
}

/**
 * A logarithmic map from [d0, d1] (both > 0) to [r0, r1]. Values at or below
 * zero, and values outside the domain, are clamped to its ends, so a loss of
 * exactly 0 is drawn on the bottom edge rather than at −∞.
 */
export function logScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const lo = Math.log10(d0);
  const hi = Math.log10(d1);
  const inner = linearScale(lo, hi, r0, r1);
  return (v) => inner(Math.min(hi, Math.max(lo, v > 0 ? Math.log10(v) : lo)));
}

/** The smallest 1, 2 or 5 × 10^k that is at least `raw`. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  // The tolerance takes float noise for the value it hides: 0.04 / 2 is 0.020000000000000004, a step of 2, not 5.
  const m = (raw / power) * (1 - 1e-12);
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** The 1-2-5 step just below `step` (itself a 1, 2 or 5 × 10^k). */
function stepBelow(step: number): number {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const m = Math.round(step / power);
  return (m === 1 ? 0.5 : m === 2 ? 1 : 2) * power;
}

/**
 * Round-numbered ticks inside [min, max], about `count` of them, evenly spaced
 * by a 1-2-5 step. Every tick lies in the domain, and neither end is further
 * than one step from a tick.
 */
export function linearTicks(min: number, max: number, count = 5): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max)) || max < min) return [];
  if (max === min) return [min];
  // The 1-2-5 step may be longer than the domain and miss every multiple in it ([0.051, 0.093] by 0.05);
  // a smaller step no longer than the domain has one.
  let step = niceStep((max - min) / Math.max(1, count));
  let ticks = ticksBy(min, max, step);
  for (let i = 0; ticks.length === 0 && i < 3; i++) ticks = ticksBy(min, max, (step = stepBelow(step)));
  return ticks;
}

/** The multiples of `step` inside [min, max], clamped into it against float noise. */
function ticksBy(min: number, max: number, step: number): number[] {
  // Dividing by the integer 1/step (10 for 0.1) gives the double nearest i·step, so labels
  // read 0.3, never 0.30000000000000004; clamping keeps the last bit of noise inside the domain.
  const inverse = step < 1 ? Math.round(1 / step) : 0;
  const ticks: number[] = [];
  // The slack absorbs only float noise in min/step (0.3 / 0.1 = 2.9999999999999996). A wider one took in
  // a tick half a billionth of a step outside the domain, which clamping then put off the even spacing.
  for (let i = Math.ceil(min / step - 1e-13); i <= Math.floor(max / step + 1e-13); i++) {
    ticks.push(Math.min(max, Math.max(min, inverse ? i / inverse : i * step)));
  }
  return ticks;
}

/**
 * Ticks for a logarithmic axis over [min, max] (both > 0): the powers of ten
 * inside it, every decade or every few decades so that there are at most
 * `count` + 1, always including the top one (nearest the start of training).
 */
export function logTicks(min: number, max: number, count = 6): number[] {
  if (!(min > 0 && max >= min && Number.isFinite(max))) return [];
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  const every = Math.max(1, Math.ceil((hi - lo) / Math.max(1, count)));
  const ticks: number[] = [];
  for (let e = hi; e >= lo; e -= every) ticks.unshift(Number(`1e${e}`));
  return ticks;
}

/** The smallest power of ten at or above `x` (> 0). */
export function decadeAbove(x: number): number {
  return Number(`1e${Math.ceil(Math.log10(x) - 1e-9)}`);
}

/** The largest power of ten at or below `x` (> 0). */
export function decadeBelow(x: number): number {
  return Number(`1e${Math.floor(Math.log10(x) + 1e-9)}`);
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A power of ten as a log-axis label: 10⁻⁴, 10⁰ = 1 written as 1. */
export function formatPower(exponent: number): string {
  if (exponent === 0) return '1';
  const digits = [...String(Math.abs(exponent))].map((d) => SUPERSCRIPT[Number(d)]).join('');
  return `10${exponent < 0 ? '⁻' : ''}${digits}`;
}

/** A linear-axis label: the value to six digits as JavaScript writes it, with a typographic minus. */
export function formatTick(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))).replace(/-/g, '−') : '';
}

/** Widths of characters in em, for a wide sans-serif font (the widest a reader's device may use for labels). */
const CHAR_EM: Readonly<Record<string, number>> = { '.': 0.32, ',': 0.32, '−': 0.84, '-': 0.36, ' ': 0.32, '⁻': 0.45 };

/** The width of a tick label set at font size `size` (the same units back), from its characters. */
export function labelWidth(label: string, size: number): number {
  let em = 0;
  for (const c of label) em += CHAR_EM[c] ?? (/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(c) ? 0.45 : 0.64);
  return em * size;
}

/** A tick with its value, its position along the axis and its label. */
export interface PlacedTick {
  readonly value: number;
  readonly at: number;
  readonly label: string;
}

/**
 * Round-numbered ticks over [lo, hi] whose labels fit: each label takes `room(label)` along the
 * axis, centred on its tick; no label passes the ends of `within`, and neighbours keep `gap`
 * apart. Tries `most` ticks and then fewer (coarser 1-2-5 steps) until they fit, leaving out
 * only a label that would pass an end; never more than `most` + 1 ticks.
 */
export function fittingTicks(
  lo: number,
  hi: number,
  at: Scale,
  room: (label: string) => number,
  within: readonly [number, number],
  gap: number,
  most: number,
): PlacedTick[] {
  const [from, to] = within[0] <= within[1] ? within : [within[1], within[0]];
  const inside = (count: number) =>
    linearTicks(lo, hi, count)
      .map((value) => ({ value, at: at(value), label: formatTick(value) }))
      .filter((t) => t.at - room(t.label) / 2 >= from - 1e-9 && t.at + room(t.label) / 2 <= to + 1e-9);
  for (let count = Math.max(1, most); count >= 1; count--) {
    const placed = inside(count).sort((a, b) => a.at - b.at);
    const apart = placed.every((t, i) => i === 0 || t.at - room(t.label) / 2 - (placed[i - 1] as PlacedTick).at - room((placed[i - 1] as PlacedTick).label) / 2 >= gap);
    if (apart && placed.length > 0) return placed;
  }
  // A narrow range's coarse ticks sit at its ends, where no label fits: one finer tick near the middle instead.
  const middle = (from + to) / 2;
  for (let count = Math.max(1, most) + 1; count <= 4 * Math.max(1, most) + 8; count++) {
    const one = inside(count).sort((a, b) => Math.abs(a.at - middle) - Math.abs(b.at - middle))[0];
    if (one) return [one];
  }
  return [];
}
