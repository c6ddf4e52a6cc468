/**
 * The learning rate as a step (section 1.5): a contour map of E_total over two weights, every
 * other parameter held, with the path gradient descent takes when only those two weights learn.
 * Contours by marching squares over a grid of direct evaluations. Pure.
 */
import { ARTICLE_EPOCHS, forward, type ParamName, type Params } from '../backprop';
import { linearScale } from '../chart/scale';
import { firstRise } from '../chart/oscillation';
import { pairDescent, type PairPath, type WeightPair } from './descent';
import { BELOW_PLOT, dots, frame, leftFor, polyline, round, xTicks, yTicks, type Frame } from './geometry';
import type { Tick } from '../chart/loss-chart';

/** A range of one weight: its two ends. */
export type Range = readonly [number, number];

/** Grid points along each side of the map (the benchmark states this size). */
export const GRID_SIZE = 41;

/** How many contour lines the map draws. */
export const LEVEL_COUNT = 10;

/** The smallest half-width of the map, so that a short path still shows its surroundings. */
const MIN_HALF = 0.75;
/** The largest half-width: a path that runs away is followed this far, then clipped. */
const MAX_HALF = 50;

/** E_total on an `n` × `n` grid over `xs` × `ys` (row j, column i at index j·n + i; i along the first weight). */
export function errorGrid(p: Params, pair: WeightPair, xs: Range, ys: Range, n: number = GRID_SIZE): Float64Array {
  const out = new Float64Array(n * n);
  // One scratch copy of the parameters, its two weights set per point, and the forward pass alone: this is
  // errorAt without a snapshot per point (the map redraws 1,681 points on every edit).
  const q: Record<ParamName, number> = { ...p };
  const [wa, wb] = pair;
  for (let j = 0; j < n; j++) {
    q[wb] = ys[0] + ((ys[1] - ys[0]) * j) / (n - 1);
    for (let i = 0; i < n; i++) {
      q[wa] = xs[0] + ((xs[1] - xs[0]) * i) / (n - 1);
      out[j * n + i] = forward(q).E_total;
    }
  }
  return out;
}

/**
 * `count` contour levels spread like the values themselves (at their quantiles), so that lines
 * fall where the map has something to show: strictly between the least and the greatest value,
 * increasing, without repeats.
 */
export function contourLevels(values: ArrayLike<number>, count: number = LEVEL_COUNT): number[] {
  const sorted = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const lo = sorted[0] as number;
  const hi = sorted[sorted.length - 1] as number;
  const levels: number[] = [];
  for (let k = 0; k < count; k++) {
    const v = sorted[Math.floor(((k + 0.5) / count) * (sorted.length - 1))] as number;
    if (v > lo && v < hi && v !== levels[levels.length - 1]) levels.push(v);
  }
  return levels;
}

/** Where along the edge from a value `va` to `vb` the level is crossed (0 … 1, linear). */
function crossing(va: number, vb: number, level: number): number {
  return va === vb ? 0.5 : (level - va) / (vb - va);
}

/**
 * The isoline of `level` through an `nx` × `ny` grid by marching squares: segments as
 * [i0, j0, i1, j1, …] in fractional grid coordinates. A saddle cell is resolved by the mean
 * of its corners. Cells with a value that is not finite are skipped.
 */
export function isoline(values: ArrayLike<number>, nx: number, ny: number, level: number): number[] {
  const out: number[] = [];
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const v00 = values[j * nx + i] as number;
      const v10 = values[j * nx + i + 1] as number;
      const v11 = values[(j + 1) * nx + i + 1] as number;
      const v01 = values[(j + 1) * nx + i] as number;
      if (!(Number.isFinite(v00) && Number.isFinite(v10) && Number.isFinite(v11) && Number.isFinite(v01))) continue;
      const kind = (v00 >= level ? 1 : 0) | (v10 >= level ? 2 : 0) | (v11 >= level ? 4 : 0) | (v01 >= level ? 8 : 0);
      if (kind === 0 || kind === 15) continue;
      // The crossing on each edge: bottom (00–10), right (10–11), top (01–11), left (00–01).
      const edge = (e: number): [number, number] =>
        e === 0 ? [i + crossing(v00, v10, level), j]
        : e === 1 ? [i + 1, j + crossing(v10, v11, level)]
        : e === 2 ? [i + crossing(v01, v11, level), j + 1]
        : [i, j + crossing(v00, v01, level)];
      const join = (e: number, f: number) => out.push(...edge(e), ...edge(f));
      const centreAbove = (v00 + v10 + v11 + v01) / 4 >= level;
      switch (kind) {
        case 1: case 14: join(3, 0); break;
        case 2: case 13: join(0, 1); break;
        case 3: case 12: join(3, 1); break;
        case 4: case 11: join(1, 2); break;
        case 6: case 9: join(0, 2); break;
        case 7: case 8: join(3, 2); break;
        case 5: // 00 and 11 above: joined through the centre, or each cut off on its own.
          if (centreAbove) { join(0, 1); join(2, 3); } else { join(3, 0); join(1, 2); }
          break;
        case 10: // 10 and 01 above.
          if (centreAbove) { join(3, 0); join(1, 2); } else { join(0, 1); join(2, 3); }
          break;
      }
    }
  }
  return out;
}

/** Steps of the map's half-width per tenfold: a half-width is rounded up to the next, at most 12 % wider. */
const HALF_STEPS_PER_DECADE = 20;
/** The map's centre lies on a lattice of this fraction of its half-width. */
const CENTRE_STEP = 1 / 8;

/**
 * The square range the map shows for a path: around the middle of its finite points, wide enough
 * for all of them with a margin, at least ±0.75 and at most ±50 (a path that runs further is clipped).
 * The half-width is rounded up to one of 20 steps per tenfold and the centre to an eighth of it, so a
 * small change of the path (a nudge of the rate) keeps the same range, and with it the same grid.
 */
export function mapRange(path: PairPath): { x: Range; y: Range } {
  let [xlo, xhi, ylo, yhi] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let k = 0; k < path.a.length; k++) {
    const a = path.a[k] as number;
    const b = path.b[k] as number;
    if (!(Number.isFinite(a) && Number.isFinite(b))) continue;
    [xlo, xhi, ylo, yhi] = [Math.min(xlo, a), Math.max(xhi, a), Math.min(ylo, b), Math.max(yhi, b)];
  }
  if (!(xlo <= xhi)) return { x: [-MIN_HALF, MIN_HALF], y: [-MIN_HALF, MIN_HALF] };
  const wanted = 0.6 * Math.max(xhi - xlo, yhi - ylo);
  // A path that runs away is shown from where it starts.
  if (wanted > MAX_HALF) {
    const [cx, cy] = [path.a[0] as number, path.b[0] as number];
    return { x: [cx - MAX_HALF, cx + MAX_HALF], y: [cy - MAX_HALF, cy + MAX_HALF] };
  }
  const stepped = 10 ** (Math.ceil(Math.log10(wanted) * HALF_STEPS_PER_DECADE - 1e-9) / HALF_STEPS_PER_DECADE);
  const half = Math.min(MAX_HALF, Math.max(MIN_HALF, stepped));
  // The middle moves by at most half a lattice step (1/16 of the half-width), which the margin covers.
  const lattice = half * CENTRE_STEP;
  const [cx, cy] = [Math.round((xlo + xhi) / 2 / lattice) * lattice, Math.round((ylo + yhi) / 2 / lattice) * lattice];
  return { x: [cx - half, cx + half], y: [cy - half, cy + half] };
}

/** One drawn contour line: its level and its path data. */
export interface Contour {
  readonly level: number;
  readonly d: string;
}

/** What the map draws under the path: the frame, the axes and the contour lines of one range. */
export interface ContourField extends Frame {
  readonly pair: WeightPair;
  readonly x: Range;
  readonly y: Range;
  readonly gridSize: number;
  readonly contours: readonly Contour[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** Everything the field depends on: two fields with the same key are the same. */
  readonly key: string;
}

/** Everything the contour map draws for one pair of weights. */
export interface ContourMap extends ContourField {
  /** The two-weight descent, epoch by epoch. */
  readonly path: PairPath;
  readonly line: string;
  readonly dots: string;
  readonly start: { readonly x: number; readonly y: number };
  readonly end: { readonly x: number; readonly y: number };
  /** The path's points as "a,b a,b …" (epoch 1 first, every digit): the figure's `data-points`. */
  readonly points: string;
  /** The epoch at which the path's E_total first rises again, if it does. */
  readonly firstRise: number | undefined;
  /** Whether E_total at the last epoch is below the first. */
  readonly falls: boolean;
}

/** The map's drawing size and detail. */
export interface ContourOptions {
  readonly width?: number;
  readonly height?: number;
  readonly gridSize?: number;
  readonly levels?: number;
  readonly epochs?: number;
}

/** The key of a field: the range, the drawing and every parameter but the rate, which the field does not use. */
function fieldKey(p: Params, pair: WeightPair, range: { x: Range; y: Range }, width: number, height: number, gridSize: number, levels: number): string {
  const { lr: _rate, ...held } = p;
  return [pair, range.x, range.y, width, height, gridSize, levels, Object.values(held)].join(' ');
}

/** The contours of E_total over `range`, its frame and its axes. */
export function contourField(
  p: Params,
  pair: WeightPair,
  range: { x: Range; y: Range },
  { width = 340, height = 325, gridSize = GRID_SIZE, levels = LEVEL_COUNT }: ContourOptions = {},
): ContourField {
  const grid = errorGrid(p, pair, range.x, range.y, gridSize);
  const y = linearScale(range.y[0], range.y[1], height - BELOW_PLOT, 10);
  const yLabels = yTicks(range.y[0], range.y[1], y, frame(width, height), 5);
  const box = frame(width, height, leftFor(yLabels, 52));
  const x = linearScale(range.x[0], range.x[1], box.left, box.right);
  // Grid coordinates to the drawing.
  const gx = linearScale(0, gridSize - 1, box.left, box.right);
  const gy = linearScale(0, gridSize - 1, box.bottom, box.top);
  const contours = contourLevels(grid, levels).map((level) => {
    const s = isoline(grid, gridSize, gridSize, level);
    let d = '';
    for (let k = 0; k < s.length; k += 4) {
      d += `M${round(gx(s[k] as number))} ${round(gy(s[k + 1] as number))}L${round(gx(s[k + 2] as number))} ${round(gy(s[k + 3] as number))}`;
    }
    return { level, d };
  });
  return {
    ...box,
    pair,
    x: range.x,
    y: range.y,
    gridSize,
    contours,
    xTicks: xTicks(range.x[0], range.x[1], x, box, 5),
    yTicks: yLabels,
    key: fieldKey(p, pair, range, width, height, gridSize, levels),
  };
}

/**
 * The contour map for `pair` with the parameters `p` (learning rate `p.lr`), `epochs` epochs. A `previous`
 * map whose field is the one needed lends it, so that a change of the rate alone recomputes only the path.
 */
export function contourMap(p: Params, pair: WeightPair, options: ContourOptions = {}, previous?: ContourField): ContourMap {
  const { width = 340, height = 325, gridSize = GRID_SIZE, levels = LEVEL_COUNT, epochs = ARTICLE_EPOCHS } = options;
  const path = pairDescent(p, pair, epochs);
  const range = mapRange(path);
  const field =
    previous?.key === fieldKey(p, pair, range, width, height, gridSize, levels)
      ? previous
      : contourField(p, pair, range, { width, height, gridSize, levels });
  // The path in the field's frame.
  const x = linearScale(range.x[0], range.x[1], field.left, field.right);
  const y = linearScale(range.y[0], range.y[1], field.bottom, field.top);
  const px = Array.from(path.a, x);
  const py = Array.from(path.b, y);
  const last = path.a.length - 1;
  const points: string[] = [];
  for (let k = 0; k <= last; k++) points.push(`${path.a[k]},${path.b[k]}`);
  return {
    ...field,
    path,
    line: polyline(px, py),
    dots: dots(px, py),
    start: { x: round(px[0] ?? NaN), y: round(py[0] ?? NaN) },
    end: { x: round(px[last] ?? NaN), y: round(py[last] ?? NaN) },
    points: points.join(' '),
    firstRise: firstRise(path.loss),
    falls: (path.loss[last] as number) < (path.loss[0] as number),
  };
}
