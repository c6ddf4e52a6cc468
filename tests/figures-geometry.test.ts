/** The figures' geometry (lib/figures): slope, contour map, backward view, checked against direct evaluation. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ARTICLE_PARAMS, evaluate, gradientName, numericalGradient, step, WEIGHT_NAMES, type Params } from '../src/lib/backprop';
import { clipSegment, polyline } from '../src/lib/figures/geometry';
import { FD_STEP, keyedWeight, slopeFigure, snapWeight, weightWindow } from '../src/lib/figures/slope';
import { contourLevels, contourMap, errorGrid, isoline, mapRange } from '../src/lib/figures/contour';
import { errorAlong, errorAt, furthestPair, pairDescent, WEIGHT_PAIRS } from '../src/lib/figures/descent';
import { EDGE_WIDTHS, edgeLooks, edgeWidth } from '../src/lib/figures/backward';
import { labelWidth, linearScale } from '../src/lib/chart/scale';
import { TICK_FONT } from '../src/lib/figures/geometry';

const weight = fc.constantFrom(...WEIGHT_NAMES);
const params = fc
  .record({ w: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 8, maxLength: 8 }), lr: fc.double({ min: 0.01, max: 5, noNaN: true }) })
  .map(({ w, lr }): Params => ({ ...ARTICLE_PARAMS, lr, ...Object.fromEntries(WEIGHT_NAMES.map((n, i) => [n, w[i] as number])) }));

describe('two-weight descent', () => {
  test('each epoch moves only the pair, each by −lr·∂E/∂w from evaluate', () => {
    const path = pairDescent(ARTICLE_PARAMS, ['w1', 'w5'], 4);
    let p: Params = ARTICLE_PARAMS;
    for (let k = 0; k < 4; k++) {
      const s = evaluate(p);
      expect([path.a[k], path.b[k], path.loss[k]]).toEqual([p.w1, p.w5, s.E_total]);
      p = { ...p, w1: p.w1 - p.lr * s.dE_dw1, w5: p.w5 - p.lr * s.dE_dw5 };
    }
  });

  test('with a pair it equals full descent when every other gradient is zero-weighted: same first step on the pair', () => {
    const full = step(ARTICLE_PARAMS);
    const path = pairDescent(ARTICLE_PARAMS, ['w6', 'w8'], 2);
    expect([path.a[1], path.b[1]]).toEqual([full.w6, full.w8]);
  });

  test('errorAlong and errorAt are direct evaluations', () => {
    expect(errorAlong(ARTICLE_PARAMS, 'w3', [0.25])[0]).toBe(evaluate(ARTICLE_PARAMS).E_total);
    expect(errorAt(ARTICLE_PARAMS, ['w2', 'w7'], 1, -1)).toBe(evaluate({ ...ARTICLE_PARAMS, w2: 1, w7: -1 }).E_total);
  });

  test('28 pairs; the furthest-reaching pair at the article’s values holds one weight into each output', () => {
    expect(WEIGHT_PAIRS).toHaveLength(28);
    const [a, b] = furthestPair(ARTICLE_PARAMS);
    expect(['w5', 'w6']).toContain(a);
    expect(['w7', 'w8']).toContain(b);
  });
});

describe('the slope figure', () => {
  test('the tangent’s slope is the math module’s gradient, beside the finite difference', () => {
    fc.assert(
      fc.property(params, weight, (p, w) => {
        const f = slopeFigure(p, w);
        expect(f.slope).toBe(evaluate(p)[gradientName(w)]);
        expect(f.fdSlope).toBe(numericalGradient(p, w, FD_STEP));
        expect(f.error).toBe(evaluate(p).E_total);
      }),
      { numRuns: 50 },
    );
  });

  test('the drawn tangent touches the curve at the point and has the gradient’s slope', () => {
    for (const w of WEIGHT_NAMES) {
      const f = slopeFigure(ARTICLE_PARAMS, w);
      expect(f.tangent).toBeDefined();
      const [x1, y1, x2, y2] = f.tangent ?? [0, 0, 0, 0];
      // Back to weight and error units, through the figure's own scales.
      const wOf = linearScale(f.left, f.right, f.window[0], f.window[1]);
      const eOf = linearScale(f.bottom, f.top, f.errorRange[0], f.errorRange[1]);
      const drawn = (eOf(y2) - eOf(y1)) / (wOf(x2) - wOf(x1));
      const pxPerError = (f.bottom - f.top) / (f.errorRange[1] - f.errorRange[0]);
      // Positions are rounded to 0.1 units, so the drawn slope is exact to about 0.2 units over the segment.
      const tolerance = 0.25 / pxPerError / (wOf(x2) - wOf(x1));
      expect(Math.abs(drawn - f.slope)).toBeLessThanOrEqual(tolerance);
      // The point is on the tangent: E at the point, from the line through its ends.
      const at = eOf(y1) + f.slope * (f.value - wOf(x1));
      expect(Math.abs(at - f.error)).toBeLessThanOrEqual(2 * tolerance * (wOf(x2) - wOf(x1)));
    }
  });

  test('the curve is E_total along the weight, every other parameter held', () => {
    const f = slopeFigure(ARTICLE_PARAMS, 'w5');
    const first = /^M([\d.]+) ([\d.]+)/.exec(f.curve);
    const eOf = linearScale(f.bottom, f.top, f.errorRange[0], f.errorRange[1]);
    expect(Number(first?.[1])).toBe(f.left);
    const direct = evaluate({ ...ARTICLE_PARAMS, w5: f.window[0] }).E_total;
    expect(Math.abs(eOf(Number(first?.[2])) - direct)).toBeLessThan((f.errorRange[1] - f.errorRange[0]) / 1000);
  });

  test('one vertical scale for every weight: w1’s curve, which the page calls almost flat, spans under a tenth of w5’s', () => {
    const [f1, f5] = [slopeFigure(ARTICLE_PARAMS, 'w1'), slopeFigure(ARTICLE_PARAMS, 'w5')];
    expect(f1.errorRange).toEqual(f5.errorRange);
    const span = (w: 'w1' | 'w5') => {
      const ys = errorAlong(ARTICLE_PARAMS, w, Array.from({ length: 161 }, (_, i) => -4 + i / 20));
      return Math.max(...ys) - Math.min(...ys);
    };
    expect(span('w1')).toBeLessThan(span('w5') / 10);
  });

  test('the window is −4…4 near the article’s weights and follows far-off ones; keys step by 0.05 or 0.5', () => {
    expect(weightWindow(0.4)).toEqual([-4, 4]);
    expect(weightWindow(-3.5)).toEqual([-4, 4]);
    expect(weightWindow(12.3)).toEqual([8, 16]);
    expect(keyedWeight(0.4, 1, false)).toBe(0.45);
    expect(keyedWeight(0.4, -1, true)).toBe(-0.1);
    expect(snapWeight(0.30000000000000004, 0.01)).toBe(0.3);
    expect(snapWeight(5e6, 0.01)).toBe(1e6);
  });
});

describe('the contour map', () => {
  test('the grid holds direct evaluations', () => {
    const g = errorGrid(ARTICLE_PARAMS, ['w1', 'w5'], [-1, 1], [0, 2], 5);
    expect(g[0]).toBe(errorAt(ARTICLE_PARAMS, ['w1', 'w5'], -1, 0));
    expect(g[2 * 5 + 4]).toBe(errorAt(ARTICLE_PARAMS, ['w1', 'w5'], 1, 1));
  });

  test('levels lie strictly inside the values, increasing', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 200 }), (values) => {
        const levels = contourLevels(values, 10);
        const [lo, hi] = [Math.min(...values), Math.max(...values)];
        levels.forEach((l, k) => {
          expect(l).toBeGreaterThan(lo);
          expect(l).toBeLessThan(hi);
          if (k > 0) expect(l).toBeGreaterThan(levels[k - 1] as number);
        });
      }),
    );
  });

  test('marching squares on a cone draws the circle of each level', () => {
    const n = 21;
    const values = Array.from({ length: n * n }, (_, k) => Math.hypot((k % n) - 10, Math.floor(k / n) - 10));
    const s = isoline(values, n, n, 5.5);
    expect(s.length).toBeGreaterThan(0);
    for (let k = 0; k < s.length; k += 2) {
      // Linear interpolation on a cone is exact along the axes and off by under 0.1 between them.
      expect(Math.abs(Math.hypot((s[k] as number) - 10, (s[k + 1] as number) - 10) - 5.5)).toBeLessThan(0.1);
    }
  });

  test('every contour point, evaluated directly, lies on its level (to a small part of the gap between levels)', () => {
    for (const pair of [['w6', 'w8'], ['w1', 'w5'], ['w5', 'w6']] as const) {
      for (const lr of [0.1, 2, 100]) {
        const p = { ...ARTICLE_PARAMS, lr };
        const range = mapRange(pairDescent(p, pair));
        const n = 41;
        const grid = errorGrid(p, pair, range.x, range.y, n);
        const levels = contourLevels(grid, 10);
        const gap = Math.min(...levels.slice(1).map((l, k) => l - (levels[k] as number)));
        const at = (i: number, lo: number, hi: number) => lo + ((hi - lo) * i) / (n - 1);
        for (const level of levels) {
          const s = isoline(grid, n, n, level);
          for (let k = 0; k < s.length; k += 2) {
            const e = errorAt(p, pair, at(s[k] as number, ...range.x), at(s[k + 1] as number, ...range.y));
            expect(Math.abs(e - level), `${pair} lr ${lr} level ${level}`).toBeLessThan(0.05 * gap);
          }
        }
      }
    }
  });

  test('the map’s path and data-points are the two-weight descent, and the map contains it', () => {
    const p = { ...ARTICLE_PARAMS, lr: 2 };
    const m = contourMap(p, ['w6', 'w8']);
    const direct = pairDescent(p, ['w6', 'w8']);
    const points = m.points.split(' ').map((xy) => xy.split(',').map(Number));
    expect(points).toHaveLength(300);
    points.forEach(([a, b], k) => {
      expect(a).toBe(direct.a[k]);
      expect(b).toBe(direct.b[k]);
      expect(a).toBeGreaterThanOrEqual(m.x[0]);
      expect(a).toBeLessThanOrEqual(m.x[1]);
      expect(b).toBeGreaterThanOrEqual(m.y[0]);
      expect(b).toBeLessThanOrEqual(m.y[1]);
    });
    expect(m.contours.length).toBeGreaterThan(5);
  });

  test('the range holds every point of the path inside a margin, whatever the weights and the rate', () => {
    fc.assert(
      fc.property(params, fc.constantFrom(...WEIGHT_PAIRS), (p, pair) => {
        const path = pairDescent(p, pair);
        const { x, y } = mapRange(path);
        const margin = 0.05 * (x[1] - x[0]);
        expect(y[1] - y[0]).toBeCloseTo(x[1] - x[0], 9);
        for (let k = 0; k < path.a.length; k++) {
          const [a, b] = [path.a[k] as number, path.b[k] as number];
          // A path that runs away is clipped; one that stays within ±50 of its middle is shown whole.
          if (!(Number.isFinite(a) && Number.isFinite(b)) || x[1] - x[0] >= 100) continue;
          expect(a).toBeGreaterThan(x[0] + margin);
          expect(a).toBeLessThan(x[1] - margin);
          expect(b).toBeGreaterThan(y[0] + margin);
          expect(b).toBeLessThan(y[1] - margin);
        }
      }),
    );
  });

  test('a nudge of the rate keeps the range, and the map then reuses its contours unchanged', () => {
    for (const lr of [0.1, 0.5, 2]) {
      const before = contourMap({ ...ARTICLE_PARAMS, lr }, ['w6', 'w8']);
      const p = { ...ARTICLE_PARAMS, lr: lr + 0.001 };
      const after = contourMap(p, ['w6', 'w8'], {}, before);
      expect(after.x).toEqual(before.x);
      expect(after.contours).toBe(before.contours);
      expect(after.points).not.toBe(before.points);
      expect(after).toEqual(contourMap(p, ['w6', 'w8']));
    }
  });

  test('a map lends nothing when a held weight, the pair or the range changed', () => {
    const before = contourMap(ARTICLE_PARAMS, ['w6', 'w8']);
    for (const [p, pair] of [
      [{ ...ARTICLE_PARAMS, w1: ARTICLE_PARAMS.w1 + 0.2 }, ['w6', 'w8']],
      [ARTICLE_PARAMS, ['w8', 'w6']],
      [{ ...ARTICLE_PARAMS, lr: 40 }, ['w6', 'w8']],
    ] as const) {
      const after = contourMap(p, pair, {}, before);
      expect(after.contours).not.toBe(before.contours);
      expect(after).toEqual(contourMap(p, pair));
    }
  });

  test('a rate too large makes the path’s error rise: firstRise is found', () => {
    const m = contourMap({ ...ARTICLE_PARAMS, lr: 200 }, ['w6', 'w8']);
    expect(m.firstRise).toBeGreaterThan(1);
    expect(contourMap(ARTICLE_PARAMS, ['w6', 'w8']).firstRise).toBeUndefined();
  });
});

describe('geometry helpers', () => {
  test('clipping keeps the part inside the box', () => {
    expect(clipSegment([-1, 0, 2, 0], [0, 1, -1, 1])).toEqual([0, 0, 1, 0]);
    expect(clipSegment([0, 2, 1, 2], [0, 1, -1, 1])).toBeUndefined();
  });
  test('a polyline breaks at non-finite points', () => {
    expect(polyline([0, 1, 2], [0, NaN, 2])).toBe('M0 0M2 2');
  });
});

describe('the backward view', () => {
  test('edge width grows with |gradient| on a log scale, clamped', () => {
    expect(edgeWidth(0)).toBe(EDGE_WIDTHS[0]);
    expect(edgeWidth(NaN)).toBe(EDGE_WIDTHS[0]);
    expect(edgeWidth(5)).toBe(EDGE_WIDTHS[1]);
    expect(edgeWidth(-1e-3)).toBe(edgeWidth(1e-3));
    // Equal ratios, equal steps.
    expect(edgeWidth(1e-2) - edgeWidth(1e-3)).toBeCloseTo(edgeWidth(1e-4) - edgeWidth(1e-5), 1);
    expect(edgeWidth(1e-2)).toBeGreaterThan(edgeWidth(1e-3));
  });
  test('each edge carries its gradient and sign', () => {
    const s = evaluate(ARTICLE_PARAMS);
    for (const look of edgeLooks(s)) {
      expect(look.gradient).toBe(s[gradientName(look.weight)]);
      expect(look.sign).toBe(look.gradient > 0 ? 'positive' : 'negative');
    }
  });
});

describe('the contour map’s default pair and the Train control', () => {
  test('the default pair reaches furthest of all 28, feeds both outputs, and beats the hidden pair', async () => {
    const { defaultPairFacts, outputFed } = await import('../src/lib/figures/descent');
    const { pathReach } = await import('../src/lib/figures/descent');
    const f = defaultPairFacts(ARTICLE_PARAMS);
    for (const pair of WEIGHT_PAIRS) expect(pathReach(pairDescent(ARTICLE_PARAMS, pair))).toBeLessThanOrEqual(f.reach);
    expect(f.bothOutputs).toBe(true);
    expect(outputFed(f.pair[0])).not.toBe(outputFed(f.pair[1]));
    expect(f.reach).toBeGreaterThan(f.hiddenReach);
    const s = evaluate(ARTICLE_PARAMS);
    for (const o of ['w5', 'w6', 'w7', 'w8'] as const) {
      for (const h of ['w1', 'w2', 'w3', 'w4'] as const) {
        expect(Math.abs(s[gradientName(o)])).toBeGreaterThanOrEqual(Math.floor(f.gradientRatio) * Math.abs(s[gradientName(h)]));
      }
    }
  });

  test('epochs due: by elapsed time and speed, never past epoch 300', async () => {
    const { epochsDue, LAST_EPOCH } = await import('../src/lib/figures/training');
    expect(epochsDue(1000, 10, 0, 1)).toBe(10);
    expect(epochsDue(1000, 10, 7, 8)).toBe(3);
    expect(epochsDue(50, 10, 0, 1)).toBe(0);
    expect(epochsDue(-5, 10, 0, 1)).toBe(0);
    expect(epochsDue(60_000, 30, 0, LAST_EPOCH - 4)).toBe(4);
    expect(epochsDue(60_000, 30, 0, LAST_EPOCH)).toBe(0);
  });
});

describe('tick labels of the figures', () => {
  /** Label boxes along an axis: [start, end] in user units. */
  const across = (ticks: readonly { at: number; label: string }[]) => ticks.map((t) => [t.at - labelWidth(t.label, TICK_FONT) / 2, t.at + labelWidth(t.label, TICK_FONT) / 2] as const);

  for (const w5 of [0.4, 1000, -1e6, 1e6, -3.7]) {
    test(`slope figure at w5 = ${w5}: labels across neither overlap nor leave it, labels up fit the margin`, () => {
      const f = slopeFigure({ ...ARTICLE_PARAMS, w5 }, 'w5');
      const x = across(f.xTicks);
      expect(f.xTicks.length).toBeGreaterThanOrEqual(1);
      for (const [i, [l, r]] of x.entries()) {
        expect(l).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(f.width);
        if (i > 0) expect(l).toBeGreaterThan(x[i - 1]?.[1] ?? -Infinity);
      }
      expect(f.yTicks.length).toBeGreaterThanOrEqual(2);
      for (const t of f.yTicks) {
        expect(labelWidth(t.label, TICK_FONT)).toBeLessThanOrEqual(f.left - 6);
        // Above the row of labels below the plot.
        expect(t.at).toBeLessThanOrEqual(f.bottom - TICK_FONT / 2);
      }
    });
  }

  test('at the article’s values the slope figure keeps its layout', () => {
    const f = slopeFigure(ARTICLE_PARAMS, 'w5');
    expect([f.left, f.right, f.top]).toEqual([58, 350, 10]);
    expect(f.xTicks.map((t) => t.label)).toEqual(['−4', '−3', '−2', '−1', '0', '1', '2', '3', '4']);
  });
});
