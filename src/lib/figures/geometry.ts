/** Small pieces of figure geometry shared by the figures: a plot frame, points as path data, clipping. Pure. */
import { formatTick, linearTicks, type Scale } from '../chart/scale';
import type { LossChartModel, Tick } from '../chart/loss-chart';

/** A plot's drawing box inside its SVG viewBox: the same fields as the loss chart's. */
export type Frame = Pick<LossChartModel, 'width' | 'height' | 'left' | 'right' | 'top' | 'bottom'>;

/** A frame `width` × `height` with room for tick labels on the left and below. */
export function frame(width: number, height: number, left = 52, bottom = 30): Frame {
  return { width, height, left, right: width - 10, top: 10, bottom: height - bottom };
}

/** Round-numbered ticks over [lo, hi] placed by `scale`. */
export function ticks(lo: number, hi: number, scale: Scale, count: number): Tick[] {
  return linearTicks(lo, hi, count).map((v) => ({ at: round(scale(v)), label: formatTick(v) }));
}

/**
 * A position rounded to a tenth of a user unit (finer than a device pixel, short markup) and
 * pulled in from far off: browsers mis-draw huge coordinates, and String() would write exponents.
 */
export function round(v: number): number {
  return Math.round(Math.min(1e5, Math.max(-1e5, v)) * 10) / 10;
}

/** Path data through the points (xs[i], ys[i]); a point that is not finite breaks the line. */
export function polyline(xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  let d = '';
  let pen = 'M';
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (!(Number.isFinite(x) && Number.isFinite(y))) {
      pen = 'M';
      continue;
    }
    d += `${pen}${round(x)} ${round(y)}`;
    pen = 'L';
  }
  return d;
}

/** Path data for a dot at each finite point (zero-length segments, drawn round by the stylesheet). */
export function dots(xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  let d = '';
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (Number.isFinite(x) && Number.isFinite(y)) d += `M${round(x)} ${round(y)}h0`;
  }
  return d;
}

/**
 * The part of the segment (x0, y0)–(x1, y1) inside the box [xlo, xhi] × [ylo, yhi]
 * (Liang–Barsky), or undefined when none of it is.
 */
export function clipSegment(
  [x0, y0, x1, y1]: readonly [number, number, number, number],
  [xlo, xhi, ylo, yhi]: readonly [number, number, number, number],
): [number, number, number, number] | undefined {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: readonly (readonly [number, number])[] = [
    [-dx, x0 - xlo],
    [dx, xhi - x0],
    [-dy, y0 - ylo],
    [dy, yhi - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return undefined;
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
}
