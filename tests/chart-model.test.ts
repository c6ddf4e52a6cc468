/** Path data and the loss chart's layout, from synthetic and real loss curves. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ARTICLE_EPOCHS, ARTICLE_LEARNING_RATES, ARTICLE_PARAMS, atEpoch, createResolver, sweep } from '../src/lib/backprop';
import { chartRates, describeFloor, describeLossChart, firstBelow, lossChart, lossExtent, withReaderRate, type LossChartModel } from '../src/lib/chart/loss-chart';
import { linePath } from '../src/lib/chart/path';
import { linearScale, logScale } from '../src/lib/chart/scale';
import { shown } from '../src/lib/dom-contract';

/** Every coordinate pair in a path's data. */
function points(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

const PATH_SYNTAX = /^(M-?[\d.]+ -?[\d.]+(L-?[\d.]+ -?[\d.]+)*)*$/;

describe('linePath', () => {
  const x = linearScale(0, 3, 0, 300);

  test('a curve that reaches 0 on a log axis draws on the bottom edge, never NaN', () => {
    const d = linePath([0.1, 0.01, 0, 1e-5], x, logScale(1e-6, 1, 200, 0));
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(d).toMatch(PATH_SYNTAX);
    // Six decades over 200 units: 33.3 units per decade, 0 clamped to the bottom (200).
    expect(points(d)).toEqual([
      [0, 33.3],
      [100, 66.7],
      [200, 200],
      [300, 166.7],
    ]);
  });

  test('a non-finite value breaks the line into two pieces', () => {
    const d = linePath([0.5, NaN, 0.25, Infinity], x, linearScale(0, 1, 100, 0));
    expect(d).toBe('M0 50M200 75');
    expect(linePath([NaN, -Infinity], x, linearScale(0, 1, 100, 0))).toBe('');
  });

  test('any values, any scale: well-formed path data with no NaN', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e-320));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), fc.boolean(), (values, log) => {
        const y = log ? logScale(1e-30, 1, 300, 0) : linearScale(0, 1, 300, 0);
        const d = linePath(values, linearScale(0, Math.max(1, values.length - 1), 0, 600), y);
        expect(d).toMatch(PATH_SYNTAX);
        expect(d).not.toMatch(/NaN|Infinity/);
      }),
    );
  });
});

/** Asserts that everything drawn lies inside the SVG and its plot area. */
function expectInsidePlot(c: LossChartModel): void {
  for (const line of c.lines) {
    expect(line.d).not.toMatch(/NaN|Infinity/);
    for (const [px, py] of points(line.d)) {
      expect(px).toBeGreaterThanOrEqual(c.left - 0.05);
      expect(px).toBeLessThanOrEqual(c.right + 0.05);
      expect(py).toBeGreaterThanOrEqual(c.top - 0.05);
      expect(py).toBeLessThanOrEqual(c.bottom + 0.05);
    }
  }
  for (const t of c.yTicks) {
    expect(t.at).toBeGreaterThanOrEqual(c.top - 1e-9);
    expect(t.at).toBeLessThanOrEqual(c.bottom + 1e-9);
    expect(t.label).not.toMatch(/NaN|Infinity|undefined/);
  }
  for (const t of c.xTicks) {
    expect(t.at).toBeGreaterThanOrEqual(c.left - 1e-9);
    expect(t.at).toBeLessThanOrEqual(c.right + 1e-9);
  }
  expect(c.right).toBeLessThanOrEqual(c.width);
  expect(c.bottom).toBeLessThanOrEqual(c.height);
}

describe('lossChart on the article’s six learning rates', () => {
  const runs = sweep(ARTICLE_PARAMS, ARTICLE_LEARNING_RATES, ARTICLE_EPOCHS);

  test('six drawn lines, inside the plot, with log chosen because the losses span more than two decades', () => {
    const { minPositive, max } = lossExtent(runs);
    expect(max / minPositive).toBeGreaterThan(100);
    const c = lossChart(runs, 640);
    expect(c.lines).toHaveLength(6);
    expect(c.logByDefault).toBe(true);
    expect(c.log).toBe(true);
    for (const line of c.lines) expect(points(line.d)).toHaveLength(ARTICLE_EPOCHS);
    expectInsidePlot(c);
  });

  test('the loss axis covers every value: the top tick is at or above the first epoch’s E_total', () => {
    const c = lossChart(runs, 640);
    expect(c.yTicks.length).toBeGreaterThanOrEqual(3);
    // The first point of every line (the largest loss) is on or below the highest tick, not clipped at the top.
    const highest = Math.min(...c.yTicks.map((t) => t.at));
    for (const line of c.lines) {
      const startY = (points(line.d)[0] as [number, number])[1];
      expect(startY).toBeGreaterThanOrEqual(highest - 0.05);
      expect(startY).toBeGreaterThan(c.top);
    }
  });

  test('lower loss is drawn lower, and the linear axis can be forced', () => {
    for (const log of [true, false]) {
      const c = lossChart(runs, 640, log);
      expect(c.log).toBe(log);
      const first = points(c.lines[0]?.d ?? '');
      expect((first.at(-1) as [number, number])[1]).toBeGreaterThan((first[0] as [number, number])[1]);
      expectInsidePlot(c);
    }
  });

  test('at a phone’s width the chart is laid out at that width, relatively taller, with fewer epoch ticks', () => {
    const wide = lossChart(runs, 640);
    const narrow = lossChart(runs, 288);
    expect(narrow.width).toBe(288);
    expect(narrow.height / narrow.width).toBeGreaterThan(wide.height / wide.width);
    expect(narrow.xTicks.length).toBeLessThan(wide.xTicks.length);
    expectInsidePlot(narrow);
    expect(lossChart(runs, NaN).width).toBe(640);
    expect(lossChart(runs, 10).width).toBeGreaterThanOrEqual(240);
  });

  test('the description names the rate that ends lowest, which the math module confirms', () => {
    const resolve = createResolver(ARTICLE_PARAMS);
    const finals = ARTICLE_LEARNING_RATES.map((lr) => resolve({ name: 'E_total', epoch: ARTICLE_EPOCHS, lr }));
    const lowest = ARTICLE_LEARNING_RATES[finals.indexOf(Math.min(...finals))];
    // The erratum: over 300 epochs LR 2 converges fastest.
    expect(lowest).toBe(2);
    expect(describeLossChart(runs, true)).toContain(`Lowest after ${ARTICLE_EPOCHS} epochs: η = ${lowest}.`);
    expect(describeLossChart(runs, true)).toContain('No line rises again.');
    expect(describeLossChart(runs, true)).toContain('logarithmic');
  });
});

describe('lossChart on hostile curves', () => {
  test('zeros, NaN and infinities draw nothing outside the plot and nothing NaN', () => {
    const runs = [
      { lr: 1, loss: [0.01, 0, NaN, 0.001, Infinity, 1e-40] },
      { lr: 2, loss: [NaN, NaN, NaN, NaN, NaN, NaN] },
      // Not a squared error, but a caller's bug must still not draw outside the axes.
      { lr: 3, loss: [0.02, -0.5, 0.01, -Infinity, 0.005, 0.001] },
    ];
    for (const log of [undefined, true, false]) expectInsidePlot(lossChart(runs, 500, log));
    const c = lossChart(runs, 500);
    expect(c.lines[1]?.d).toBe('');
  });

  test('a curve that is all zeros cannot go on a log axis, even when asked', () => {
    const c = lossChart([{ lr: 5, loss: [0, 0, 0] }], 400, true);
    expect(c.log).toBe(false);
    expectInsidePlot(c);
  });

  test('no runs at all still gives a drawable, empty chart', () => {
    const c = lossChart([], 400);
    expect(c.lines).toEqual([]);
    expectInsidePlot(c);
  });

  test('a synthetic overshooting curve is marked at its first rise, on the line', () => {
    const loss = [0.02, 0.01, 0.005, 0.008, 0.004, 0.006];
    const c = lossChart([{ lr: 9, loss }], 600);
    const line = c.lines[0];
    expect(line?.rise?.epoch).toBe(4);
    expect(points(line?.d ?? '')[3]).toEqual([Math.round((line?.rise?.x ?? NaN) * 10) / 10, Math.round((line?.rise?.y ?? NaN) * 10) / 10]);
    expect(describeLossChart([{ lr: 9, loss }], false)).toContain('η = 9 rises again from epoch 4');
  });

  test('a loss too small to have a round step above it (6.4e-323) draws on a 0 to 1 axis, not at NaN', () => {
    const c = lossChart([{ lr: 0, loss: [6.4e-323] }], 0);
    expectInsidePlot(c);
    expect(c.yTicks.at(-1)?.label).toBe('1');
  });

  test('random curves, widths and scale choices stay inside the plot', () => {
    const value = fc.oneof(fc.double({ min: 0, max: 1e3 }), fc.constantFrom(0, NaN, Infinity, 1e-300));
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 1, maxLength: 20 }), { maxLength: 4 }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.constantFrom(undefined, true, false),
        (curves, width, log) => expectInsidePlot(lossChart(curves.map((loss, i) => ({ lr: i, loss })), width, log)),
      ),
    );
  });
});

describe('chartRates', () => {
  test('the reader’s rate joins the article’s six only when it is new', () => {
    expect(chartRates(0.1)).toEqual([...ARTICLE_LEARNING_RATES]);
    expect(chartRates(0.3)).toEqual([...ARTICLE_LEARNING_RATES, 0.3]);
    expect(chartRates(NaN)).toEqual([...ARTICLE_LEARNING_RATES]);
  });
});

describe('withReaderRate', () => {
  const article = sweep(ARTICLE_PARAMS, ARTICLE_LEARNING_RATES, 50);

  test('an article rate adds no curve; another rate adds exactly the curve sweep would give', () => {
    expect(withReaderRate(article, ARTICLE_PARAMS, 50)).toEqual(article);
    const p = { ...ARTICLE_PARAMS, lr: 0.3 };
    const runs = withReaderRate(article, p, 50);
    expect(runs.map((r) => r.lr)).toEqual([...ARTICLE_LEARNING_RATES, 0.3]);
    expect(runs[6]).toEqual(sweep(p, [0.3], 50)[0]);
  });
});

describe('shown', () => {
  test('carries the DOM contract: data-q, the full value, the epoch and rate when given, the cut text', () => {
    const e2 = atEpoch(ARTICLE_PARAMS, 2).E_total;
    expect(shown({ name: 'E_total', epoch: 2 }, e2, 4)).toEqual({
      'data-q': 'E_total',
      'data-value': String(e2),
      'data-epoch': '2',
      children: '0.01410',
    });
    expect(shown({ name: 'lr' }, 0.1, 4)).toEqual({ 'data-q': 'lr', 'data-value': '0.1', children: '0.1' });
    expect(shown({ name: 'E_total', epoch: 300, lr: 2 }, NaN, 4)).toMatchObject({ 'data-lr': '2', children: '—' });
  });
});

describe('the floor of the log axis', () => {
  // The case: at η = 400 the article's network reaches losses far below 10⁻³⁰.
  const p = { ...ARTICLE_PARAMS, lr: 400 };
  const runs = withReaderRate([], p, ARTICLE_EPOCHS);

  test('losses below 10⁻³⁰ are not drawn on the axis: a labelled floor above it, the line stopping there, marked', () => {
    const loss = runs[0]?.loss ?? [];
    const under = firstBelow(loss, 1e-30);
    expect(under, 'η = 400 goes below 10⁻³⁰').toBeDefined();
    expect(loss[ARTICLE_EPOCHS - 1] as number).toBeLessThan(1e-30);
    const c = lossChart(runs, 640, true);
    expect(c.floor?.value).toBe(1e-30);
    expect(c.floor?.label).toBe('10⁻³⁰');
    expect(c.floor?.at).toBeLessThan(c.bottom);
    const line = c.lines[0];
    expect(line?.below?.epoch).toBe(under);
    // Nothing of the line is drawn under the floor, and it does not run along it either: it stops where it reaches it.
    const ys = points(line?.d ?? '').map(([, y]) => y);
    expect(Math.max(...ys)).toBeLessThanOrEqual(c.floor?.at ?? -Infinity);
    expect(ys.filter((y) => y === c.floor?.at).length).toBeLessThanOrEqual(2);
    expect(describeFloor(c)).toContain(`below 10⁻³⁰`);
    expect(describeFloor(c)).toContain(`η = 400 from epoch ${under}`);
    expect(describeLossChart(runs, true, describeFloor(c))).toContain(describeFloor(c));
  });

  test('no floor when every loss is drawn, or on a linear axis', () => {
    expect(lossChart(withReaderRate([], ARTICLE_PARAMS, ARTICLE_EPOCHS), 640, true).floor).toBeUndefined();
    expect(lossChart(runs, 640, false).floor).toBeUndefined();
    expect(describeFloor(lossChart(runs, 640, false))).toBe('');
  });
});
