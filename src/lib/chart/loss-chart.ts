/**
 * Everything the loss-vs-epoch chart draws, computed from the loss curves:
 * layout, axis scales and ticks, one path per learning rate, and where each
 * rate first overshoots. Pure: the island only renders this.
 */
import { ARTICLE_LEARNING_RATES, formatExact, lossCurve, type Params } from '../backprop';
import { firstRise, LOSS_NOISE_FLOOR } from './oscillation';
import { linePath } from './path';
import { decadeAbove, decadeBelow, formatPower, formatTick, linearScale, linearTicks, logScale, logTicks, niceStep } from './scale';
import { E_TOTAL_TEXT } from '../labels';

/** One learning rate's loss per epoch (index 0 = epoch 1). */
export interface LossRun {
  readonly lr: number;
  readonly loss: ArrayLike<number>;
}

/** A tick: its position along the axis and its label. */
export interface Tick {
  readonly at: number;
  readonly label: string;
}

/** One drawn learning rate. */
export interface ChartLine {
  readonly lr: number;
  readonly d: string;
  /** The first epoch whose loss rises after falling, and where to mark it. */
  readonly rise?: { readonly epoch: number; readonly x: number; readonly y: number };
  /** The first epoch whose loss is below the chart's floor, where the line stops on it. */
  readonly below?: { readonly epoch: number; readonly x: number; readonly y: number };
}

/** The lowest loss a log axis draws, when some loss is lower: a line of its own, labelled, above the axis. */
export interface ChartFloor {
  readonly value: number;
  readonly at: number;
  /** The floor as written on the chart ("10⁻³⁰"). */
  readonly label: string;
}

/** The whole chart, in SVG user units (one unit = one CSS pixel at the measured width). */
export interface LossChartModel {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** Whether the loss axis is logarithmic. */
  readonly log: boolean;
  /** Whether the data spans more than two decades, so log is the better default. */
  readonly logByDefault: boolean;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly lines: readonly ChartLine[];
  /** Set when some loss is below the log axis's lowest decade: those are not drawn, the lines stop at it. */
  readonly floor?: ChartFloor;
}

/** How far above the axis a floor is drawn, so that it is a line of its own with its label, not the axis. */
const FLOOR_GAP = 18;

/** The first epoch (1-based) whose loss is finite and below `floor`, if any. */
export function firstBelow(loss: ArrayLike<number>, floor: number): number | undefined {
  for (let i = 0; i < loss.length; i++) if ((loss[i] as number) < floor && Number.isFinite(loss[i])) return i + 1;
  return undefined;
}

/** The losses as a line draws them against a floor: the first one below it on the floor, later ones below it not at all. */
function againstFloor(loss: ArrayLike<number>, floor: number): Float64Array {
  const out = Float64Array.from(loss);
  for (let i = 0; i < out.length; i++) {
    if (!((out[i] as number) < floor)) continue;
    out[i] = i > 0 && (loss[i - 1] as number) >= floor ? floor : NaN;
  }
  return out;
}

/** The article's six learning rates, plus the reader's own when it is not one of them. */
export function chartRates(readerLr: number): number[] {
  const rates: number[] = [...ARTICLE_LEARNING_RATES];
  if (Number.isFinite(readerLr) && !rates.includes(readerLr)) rates.push(readerLr);
  return rates;
}

/**
 * The article rates' curves (from `sweep`) plus the reader's own rate, trained
 * only when it is not one of them. Lets the chart keep the six curves while
 * only the learning rate is being edited.
 */
export function withReaderRate(articleRuns: readonly LossRun[], p: Params, epochs: number): LossRun[] {
  return chartRates(p.lr).length > articleRuns.length ? [...articleRuns, { lr: p.lr, loss: lossCurve(p, epochs) }] : [...articleRuns];
}

/** Smallest positive and largest finite values over all runs (NaN when there are none). */
export function lossExtent(runs: readonly LossRun[]): { minPositive: number; max: number } {
  let minPositive = Infinity;
  let max = -Infinity;
  for (const { loss } of runs) {
    for (let i = 0; i < loss.length; i++) {
      const v = loss[i] as number;
      if (!Number.isFinite(v)) continue;
      if (v > max) max = v;
      if (v > 0 && v < minPositive) minPositive = v;
    }
  }
  return { minPositive: minPositive === Infinity ? NaN : minPositive, max: max === -Infinity ? NaN : max };
}

/**
 * Lays the chart out for a drawing `width` (CSS pixels). `log` forces the loss
 * axis scale; leave it undefined to choose log exactly when the data spans
 * more than two decades.
 */
export function lossChart(runs: readonly LossRun[], width: number, log?: boolean): LossChartModel {
  const w = Math.round(Math.min(1200, Math.max(240, Number.isFinite(width) ? width : 640)));
  // Taller on a phone, where a 5:3 plot would leave too little height for 20 decades; the CSS
  // reserves the same proportions (at the same 480 px) so hydration does not shift the page.
  const height = Math.round(w * (w < 480 ? 0.8 : 0.6));
  const left = 50;
  const right = w - 18;
  const top = 30;
  const bottom = height - 36;
  const epochs = Math.max(1, ...runs.map((r) => r.loss.length));

  const { minPositive, max } = lossExtent(runs);
  // Below the noise floor a loss is rounding error; letting it stretch the axis would squash the real curves.
  const low = Math.max(minPositive, LOSS_NOISE_FLOOR);
  const logPossible = max > 0 && low <= max;
  const logByDefault = logPossible && max / low > 100;
  const useLog = logPossible && (log ?? logByDefault);

  let y;
  let yTickValues: number[];
  let floor: ChartFloor | undefined;
  if (useLog) {
    const y0 = decadeBelow(low);
    const y1 = Math.max(decadeAbove(max), y0 * 10);
    const clipped = runs.some((r) => firstBelow(r.loss, y0) !== undefined);
    const base = clipped ? bottom - FLOOR_GAP : bottom;
    y = logScale(y0, y1, base, top);
    if (clipped) floor = { value: y0, at: base, label: formatPower(Math.round(Math.log10(y0))) };
    yTickValues = logTicks(y0, y1, Math.max(3, Math.floor((base - top) / 40)));
  } else {
    // Loss is never negative, so the linear axis starts at 0 and ends on a round value above the largest loss.
    // A largest loss under the noise floor is zero for the chart (6e-323 has no round step above it).
    const top0 = max > LOSS_NOISE_FLOOR ? max : 1;
    const step = niceStep(top0 / 5);
    const y1 = Math.ceil(top0 / step - 1e-9) * step;
    y = linearScale(0, y1, bottom, top);
    yTickValues = linearTicks(0, y1, 5);
  }
  const clampY = (v: number) => Math.min(bottom, Math.max(top, y(v)));
  const xs = linearScale(1, Math.max(2, epochs), left, right);
  const x = (i: number) => xs(i + 1);

  const lines = runs.map(({ lr, loss }): ChartLine => {
    const drawn = floor ? againstFloor(loss, floor.value) : loss;
    const epoch = firstRise(loss);
    const under = floor && firstBelow(loss, floor.value);
    return {
      lr,
      d: linePath(drawn, x, clampY),
      ...(epoch === undefined ? {} : { rise: { epoch, x: x(epoch - 1), y: clampY(loss[epoch - 1] as number) } }),
      ...(floor && under !== undefined ? { below: { epoch: under, x: x(under - 1), y: floor.at } } : {}),
    };
  });

  return {
    width: w,
    height,
    left,
    right,
    top,
    bottom,
    log: useLog,
    logByDefault,
    xTicks: linearTicks(1, epochs, w < 420 ? 3 : 6).map((v) => ({ at: xs(v), label: formatTick(v) })),
    yTicks: yTickValues.map((v) => ({ at: y(v), label: useLog ? formatPower(Math.round(Math.log10(v))) : formatTick(v) })),
    lines,
    ...(floor ? { floor } : {}),
  };
}

/** What the chart's floor hides, in words: which rates fall below it, from which epoch (empty without a floor). */
export function describeFloor(c: Pick<LossChartModel, 'floor' | 'lines'>): string {
  if (!c.floor) return '';
  const under = c.lines.flatMap((l) => (l.below ? [`η = ${formatExact(l.lr)} from epoch ${l.below.epoch}`] : []));
  return `Losses below ${c.floor.label} are not drawn: the line stops on the floor marked “below ${c.floor.label}” (${under.join('; ')}).`;
}

/**
 * A short text alternative for the chart: the scale, which rate ends lowest,
 * and which rates rise again and from which epoch, then `floor` (describeFloor). The key table holds the numbers.
 */
export function describeLossChart(runs: readonly LossRun[], log: boolean, floor = ''): string {
  const epochs = Math.max(0, ...runs.map((r) => r.loss.length));
  const end = (r: LossRun) => r.loss[epochs - 1] as number;
  const best = runs.filter((r) => Number.isFinite(end(r))).sort((a, b) => end(a) - end(b))[0];
  const rises = runs.flatMap((r) => {
    const epoch = firstRise(r.loss);
    return epoch ? [`η = ${formatExact(r.lr)} rises again from epoch ${epoch}`] : [];
  });
  return `${E_TOTAL_TEXT} per epoch on a ${log ? 'logarithmic' : 'linear'} axis, one line per learning rate. ${
    best ? `Lowest after ${epochs} epochs: η = ${formatExact(best.lr)}. ` : ''
  }${rises.length ? rises.join('; ') : 'No line rises again'}.${floor ? ` ${floor}` : ''}`;
}
