/** Small pieces of figure geometry shared by the figures: a plot frame, tick labels that fit, points as path data, clipping. Pure. */
import { fittingTicks, labelWidth, type Scale } from '../chart/scale';
import type { LossChartModel, Tick } from '../chart/loss-chart';

/** A plot's drawing box inside its SVG viewBox: the same fields as the loss chart's. */
export type Frame = Pick<LossChartModel, 'width' | 'height' | 'left' | 'right' | 'top' | 'bottom'>;

/** The size of tick labels in the figures' plots, in user units (`.fig-plot` in figures.css). */
export const TICK_FONT = 14;
/** Below the plot: a row of tick labels, then the axis's name under the last of them (PlotAxes). */
export const BELOW_PLOT = 37;
/** Space kept between two tick labels, and between the vertical axis's labels and the plot. */
const LABEL_GAP = 6;

/** A frame `width` × `height` with room for tick labels on the left and below. */
export function frame(width: number, height: number, left = 52, bottom = BELOW_PLOT): Frame {
  return { width, height, left, right: width - 10, top: 10, bottom: height - bottom };
}

/** Ticks over [lo, hi] up the vertical axis (placed by `scale`) whose labels, a line high, neither overlap nor reach the row below the plot. */
export function yTicks(lo: number, hi: number, scale: Scale, { top, bottom }: Pick<Frame, 'top' | 'bottom'>, most: number): Tick[] {
  return fittingTicks(lo, hi, scale, () => TICK_FONT * 1.2, [top - TICK_FONT / 2, bottom - 2], LABEL_GAP / 2, most).map((t) => ({ at: round(t.at), label: t.label }));
}

/** The left margin that holds the widest of `ticks`' labels beside the plot, at least `least`. */
export function leftFor(ticks: readonly Tick[], least = 40): number {
  return Math.ceil(Math.max(least, ...ticks.map((t) => labelWidth(t.label, TICK_FONT) + 2 * LABEL_GAP)));
}

/** Ticks over [lo, hi] along the horizontal axis (placed by `scale`) whose labels neither overlap nor leave the drawing. */
export function xTicks(lo: number, hi: number, scale: Scale, { width }: Pick<Frame, 'width'>, most: number): Tick[] {
  return fittingTicks(lo, hi, scale, (label) => labelWidth(label, TICK_FONT), [0, width], LABEL_GAP, most).map((t) => ({ at: round(t.at), label: t.label }));
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
