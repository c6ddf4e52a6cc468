/**
 * The gradient as a slope (section 1.4): E_total along one weight, every other parameter held,
 * with the current point and the tangent there. The tangent's slope is the math module's
 * ∂E_total/∂w, shown beside a finite-difference slope of the same curve. Pure.
 */
import { evaluate, gradientName, WEIGHT_NAMES, type Params, type WeightName } from '../backprop';
import { PARAM_LIMIT } from '../params';
import { linearScale, type Scale } from '../chart/scale';
import { errorAlong } from './descent';
import { BELOW_PLOT, clipSegment, frame, leftFor, polyline, round, xTicks, yTicks, type Frame } from './geometry';
import type { Tick } from '../chart/loss-chart';

/** The weight range the slope figure shows: its two ends. */
export type Window = readonly [number, number];

/** Half the width of the weight range shown. */
export const WINDOW_HALF = 4;

/** Points sampled along the curve. */
export const CURVE_SAMPLES = 161;

/** The fixed step of the arrow keys on the point, and with Shift. */
export const KEY_STEP = 0.05;
/** The step of Shift + arrow. */
export const BIG_KEY_STEP = 0.5;

/** Everything the slope figure draws for one weight. */
export interface SlopeFigure extends Frame {
  readonly weight: WeightName;
  /** The weight's value in force and E_total there. */
  readonly value: number;
  readonly error: number;
  /** ∂E_total/∂w from `evaluate`: the tangent's slope. */
  readonly slope: number;
  /** The central finite difference of E_total along the weight (`secantSlope`). */
  readonly fdSlope: number;
  readonly window: Window;
  readonly errorRange: readonly [number, number];
  readonly curve: string;
  readonly point: { readonly x: number; readonly y: number };
  /** The tangent's drawn segment, clipped to the plot (absent if none of it is inside). */
  readonly tangent: readonly [number, number, number, number] | undefined;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** Maps a horizontal position in the drawing back to a weight value. */
  readonly toWeight: Scale;
}

/**
 * The range shown for a weight at `w`: −4 … 4 around the article's weights, else 8 wide around
 * the nearest whole number, so that small moves of the point do not move the axis.
 */
export function weightWindow(w: number): Window {
  const centre = Math.abs(w) <= WINDOW_HALF - 0.5 ? 0 : Math.round(w);
  return [centre - WINDOW_HALF, centre + WINDOW_HALF];
}

/** Does `w` lie inside `window` (so the figure may keep it while the point is dragged)? */
export function inWindow(w: number, [lo, hi]: Window): boolean {
  return w >= lo && w <= hi;
}

/**
 * A weight value chosen on the figure, as a reader would type it: `step`'s decimals at most
 * (no 0.30000000000000004), and never past the parameters' limit.
 */
export function snapWeight(w: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  const snapped = Number((Math.round(w / step) * step).toFixed(decimals));
  return Math.min(PARAM_LIMIT, Math.max(-PARAM_LIMIT, snapped));
}

/** The weight after one arrow key (`direction` ±1), with Shift for the larger step. */
export function keyedWeight(w: number, direction: 1 | -1, big: boolean): number {
  const step = big ? BIG_KEY_STEP : KEY_STEP;
  return snapWeight(w + direction * step, KEY_STEP / 5);
}

/** The step either side of the weight for the finite-difference slope (the math module's `numericalGradient` uses the same). */
export const FD_STEP = 1e-6;

/**
 * The slope of the secant through the curve at w ± FD_STEP: a central finite difference computed
 * from the curve itself, with nothing of the backward pass (equal to `numericalGradient`).
 */
export function secantSlope(p: Params, w: WeightName): number {
  const [minus = NaN, plus = NaN] = errorAlong(p, w, [p[w] - FD_STEP, p[w] + FD_STEP]);
  return (plus - minus) / (2 * FD_STEP);
}

/** The weights along a window at which the curve is evaluated. */
function samples([lo, hi]: Window): Float64Array {
  return Float64Array.from({ length: CURVE_SAMPLES }, (_, i) => lo + ((hi - lo) * i) / (CURVE_SAMPLES - 1));
}

/** The range of E_total drawn: the curves', padded, never of zero height. */
function errorRange(values: Float64Array, at: number): [number, number] {
  let lo = at;
  let hi = at;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const pad = (hi - lo) * 0.08 || Math.max(Math.abs(at) * 1e-3, 1e-12);
  return [lo - pad, hi + pad];
}

/** The slope figure for weight `w` with the parameters `p`, drawn `width` × `height`, over `window`. */
export function slopeFigure(
  p: Params,
  w: WeightName,
  width = 360,
  height = 240,
  window: Window = weightWindow(p[w]),
): SlopeFigure {
  const [lo, hi] = window;
  const xs = samples(window);
  const ys = errorAlong(p, w, xs);
  const s = evaluate(p);
  const slope = s[gradientName(w)];
  const error = s.E_total;
  // One vertical scale for all eight weights, so that a flat curve looks flat next to a steep one.
  const range = errorRange(
    Float64Array.from(WEIGHT_NAMES.flatMap((v) => (v === w ? Array.from(ys) : Array.from(errorAlong(p, v, samples(weightWindow(p[v]))))))),
    error,
  );
  // The vertical axis first: its labels decide how much room the plot leaves them on the left.
  const y = linearScale(range[0], range[1], height - BELOW_PLOT, 10);
  const yLabels = yTicks(range[0], range[1], y, frame(width, height), 6);
  const box = frame(width, height, leftFor(yLabels, 58));
  const x = linearScale(lo, hi, box.left, box.right);
  // The tangent in weight units, a quarter of the range either side, then clipped to the plot.
  const reach = (hi - lo) / 4;
  const segment = clipSegment(
    [p[w] - reach, error - slope * reach, p[w] + reach, error + slope * reach],
    [lo, hi, range[0], range[1]],
  );
  return {
    ...box,
    weight: w,
    value: p[w],
    error,
    slope,
    fdSlope: secantSlope(p, w),
    window,
    errorRange: range,
    curve: polyline(Array.from(xs, x), Array.from(ys, y)),
    point: { x: round(x(p[w])), y: round(y(error)) },
    tangent: segment && [round(x(segment[0])), round(y(segment[1])), round(x(segment[2])), round(y(segment[3]))],
    xTicks: xTicks(lo, hi, x, box, 8),
    yTicks: yLabels,
    toWeight: linearScale(box.left, box.right, lo, hi),
  };
}
