/** Scales, ticks and tick labels of the SVG charts. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  decadeAbove,
  decadeBelow,
  fittingTicks,
  formatPower,
  formatTick,
  labelWidth,
  linearScale,
  linearTicks,
  logScale,
  logTicks,
  niceStep,
} from '../src/lib/chart/scale';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('linearScale', () => {
  test('maps the domain ends to the range ends, inverted ranges included', () => {
    const s = linearScale(1, 301, 50, 650);
    expect(s(1)).toBe(50);
    expect(s(301)).toBe(650);
    expect(s(151)).toBe(350);
    const down = linearScale(0, 0.02, 300, 20);
    expect(down(0)).toBe(300);
    expect(down(0.02)).toBeCloseTo(20, 9);
  });

  test('a zero-width or non-finite domain maps to the middle instead of NaN', () => {
    expect(linearScale(3, 3, 0, 100)(3)).toBe(50);
    expect(linearScale(0, Infinity, 0, 100)(5)).toBe(50);
  });
});

describe('logScale', () => {
  test('spaces decades evenly and puts the domain ends on the range ends', () => {
    const s = logScale(1e-6, 1e-1, 300, 0);
    expect(s(1e-1)).toBeCloseTo(0, 9);
    expect(s(1e-6)).toBeCloseTo(300, 9);
    expect(s(1e-2) - s(1e-1)).toBeCloseTo(60, 9);
    expect(s(1e-5) - s(1e-4)).toBeCloseTo(60, 9);
  });

  test('clamps zero, negatives and out-of-domain values to the ends, never NaN or infinite', () => {
    const s = logScale(1e-20, 1, 400, 10);
    for (const v of [0, -1, -0, 1e-300, Number.MIN_VALUE]) expect(s(v)).toBe(400);
    expect(s(5)).toBe(10);
    expect(s(Infinity)).toBe(10);
  });
});

describe('niceStep', () => {
  test('is a 1, 2 or 5 times a power of ten, at least the raw step and less than 2.5 times it', () => {
    fc.assert(
      fc.property(finite(1e-200, 1e200).filter((x) => x > 0), (raw) => {
        const step = niceStep(raw);
        expect(step).toBeGreaterThanOrEqual(raw * (1 - 1e-12));
        expect(step).toBeLessThan(raw * 2.5 * (1 + 1e-12));
        const mantissa = Number((step / 10 ** Math.floor(Math.log10(step) + 1e-12)).toPrecision(6));
        expect([1, 2, 5, 10]).toContain(mantissa);
      }),
    );
  });
});

describe('linearTicks', () => {
  test('the epoch axis of the article: every 50 epochs up to 300', () => {
    expect(linearTicks(1, 300, 6)).toEqual([50, 100, 150, 200, 250, 300]);
  });

  test('ticks lie in the domain, are evenly spaced and leave no gap wider than a step at either end', () => {
    fc.assert(
      fc.property(finite(-1e6, 1e6), finite(1e-9, 1e6), fc.integer({ min: 2, max: 10 }), (min, span, count) => {
        const max = min + span;
        fc.pre(max > min);
        const ticks = linearTicks(min, max, count);
        expect(ticks.length).toBeGreaterThanOrEqual(1);
        const nice = niceStep((max - min) / count);
        const step = ticks.length > 1 ? (ticks[1] as number) - (ticks[0] as number) : nice;
        // A smaller step only when the nice one has no multiple in the domain (judged where the
        // ticks' spacing is more than a few ulps of their size).
        if (span > Math.abs(min) * 1e-6 && step < nice * 0.7) expect(Math.floor(max / nice)).toBeLessThan(Math.ceil(min / nice));
        const slack = step * 1e-9 + Math.abs(max) * 1e-12;
        for (const t of ticks) {
          expect(t).toBeGreaterThanOrEqual(min - slack);
          expect(t).toBeLessThanOrEqual(max + slack);
        }
        for (let i = 1; i < ticks.length; i++) expect((ticks[i] as number) - (ticks[i - 1] as number)).toBeCloseTo(step, 6);
        expect((ticks[0] as number) - min).toBeLessThan(step + slack);
        expect(max - (ticks.at(-1) as number)).toBeLessThan(step + slack);
        expect(ticks.length).toBeLessThanOrEqual(count + 1);
      }),
    );
  });

  test('a domain shorter than its 1-2-5 step still gets a tick, and float noise does not coarsen the step', () => {
    expect(linearTicks(0.051, 0.093, 2)).toEqual([0.06, 0.08]);
    expect(linearTicks(5.000000000000001e-15, 0.04000000000000501, 2)).toEqual([0.02, 0.04]);
  });

  test('labels come out round, without float noise', () => {
    expect(linearTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  test('degenerate domains', () => {
    expect(linearTicks(2, 2)).toEqual([2]);
    expect(linearTicks(3, 1)).toEqual([]);
    expect(linearTicks(0, NaN)).toEqual([]);
  });
});

describe('logTicks', () => {
  test('a wide range gets powers of ten only, the top one included, within the domain and the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: -3 }), fc.integer({ min: 2, max: 8 }), (lowExponent, count) => {
        const min = Number(`1e${lowExponent}`);
        const ticks = logTicks(min, 1, count);
        expect(ticks).toContain(1);
        expect(ticks.length).toBeLessThanOrEqual(count + 1);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        for (const t of ticks) {
          expect(t).toBeGreaterThanOrEqual(min);
          expect(t).toBeLessThanOrEqual(1);
          expect(Math.log10(t)).toBeCloseTo(Math.round(Math.log10(t)), 9);
        }
      }),
    );
  });

  test('every decade while they fit, otherwise every few decades counted down from the top', () => {
    expect(logTicks(0.001, 0.1)).toEqual([0.001, 0.01, 0.1]);
    expect(logTicks(1e-20, 0.1, 6)).toEqual([1e-17, 1e-13, 1e-9, 1e-5, 0.1]);
  });

  test('the lowest tick is less than one tick interval above the bottom of the domain', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: 0 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 10 }), (lo, span, count) => {
        const ticks = logTicks(Number(`1e${lo}`), Number(`1e${lo + span}`), count);
        const every = ticks.length > 1 ? Math.log10((ticks[1] as number) / (ticks[0] as number)) : span + 1;
        expect(Math.log10(ticks[0] as number) - lo).toBeLessThan(every + 1e-9);
      }),
    );
  });

  test('a range holding no power of ten gets no ticks (the chart always widens its domain to whole decades)', () => {
    expect(logTicks(0.0023, 0.0029)).toEqual([]);
  });

  test('nothing for a domain a log axis cannot show', () => {
    expect(logTicks(0, 1)).toEqual([]);
    expect(logTicks(-1, 1)).toEqual([]);
  });
});

describe('decades', () => {
  test('round outward to powers of ten, and exact powers stay put', () => {
    expect(decadeAbove(0.0141)).toBe(0.1);
    expect(decadeBelow(7.2e-20)).toBe(1e-20);
    expect(decadeAbove(0.01)).toBe(0.01);
    expect(decadeBelow(1e-5)).toBe(1e-5);
  });
});

describe('formatPower', () => {
  test('writes 10 with a superscript exponent, and 10⁰ as 1', () => {
    expect(formatPower(-4)).toBe('10⁻⁴');
    expect(formatPower(-20)).toBe('10⁻²⁰');
    expect(formatPower(6)).toBe('10⁶');
    expect(formatPower(0)).toBe('1');
  });
});

describe('formatTick', () => {
  test('plain values, six digits at most, no float noise, typographic minus', () => {
    expect(formatTick(0.002)).toBe('0.002');
    expect(formatTick(250)).toBe('250');
    expect(formatTick(0)).toBe('0');
    expect(formatTick(-0.5)).toBe('−0.5');
    expect(formatTick(0.1 + 0.2)).toBe('0.3');
    expect(formatTick(2.5e-7)).toBe('2.5e−7');
  });

  test('never prints NaN or Infinity', () => {
    expect(formatTick(NaN)).toBe('');
    expect(formatTick(Infinity)).toBe('');
  });
});

describe('fittingTicks', () => {
  const SIZE = 14;
  const room = (label: string) => labelWidth(label, SIZE);
  /** The labels' boxes along the axis, in order. */
  const boxes = (ticks: readonly { at: number; label: string }[]) => ticks.map((t) => [t.at - room(t.label) / 2, t.at + room(t.label) / 2] as const);
  const fits = (ticks: readonly { at: number; label: string }[], width: number, gap: number) => {
    const b = boxes(ticks);
    return b.every(([l, r], i) => l >= -1e-9 && r <= width + 1e-9 && (i === 0 || l - (b[i - 1]?.[1] ?? 0) >= gap - 1e-9));
  };

  test('the issue’s case: w5 = 1000 gets labels that neither run together nor leave the figure', () => {
    // The slope figure at w5 = 1000: weights 996 … 1004 across 302 units of a 360-unit drawing.
    const x = linearScale(996, 1004, 58, 350);
    const naive = linearTicks(996, 1004, 8).map((v) => ({ at: x(v), label: formatTick(v) }));
    expect(fits(naive, 360, 6), 'the old choice').toBe(false);
    const ticks = fittingTicks(996, 1004, x, room, [0, 360], 6, 8);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(fits(ticks, 360, 6)).toBe(true);
  });

  test('extreme ranges: a million, its negative, a narrow slice of a small number, a wide span', () => {
    for (const [lo, hi] of [[-1000004, -999996], [999996, 1000004], [0.24931, 0.24935], [-1e6, 1e6], [1e-9, 3e-9]] as const) {
      const x = linearScale(lo, hi, 58, 350);
      const ticks = fittingTicks(lo, hi, x, room, [0, 360], 6, 8);
      expect(ticks.length, `${lo} … ${hi}`).toBeGreaterThanOrEqual(1);
      expect(fits(ticks, 360, 6), `${lo} … ${hi}`).toBe(true);
    }
  });

  test('for any range and width, labels stay inside and apart, in order, and a range with room for one label gets one', () => {
    fc.assert(
      fc.property(finite(-1e7, 1e7), finite(1e-6, 1e6), fc.integer({ min: 120, max: 1200 }), fc.integer({ min: 1, max: 10 }), (lo, span, width, most) => {
        const hi = lo + span;
        const x = linearScale(lo, hi, 0.1 * width, 0.95 * width);
        const ticks = fittingTicks(lo, hi, x, room, [0, width], 6, most);
        expect(fits(ticks, width, 6)).toBe(true);
        expect(ticks.length).toBeLessThanOrEqual(most + 1);
        for (const t of ticks) expect(t.value >= lo && t.value <= hi).toBe(true);
        if (linearTicks(lo, hi, 1).some((v) => room(formatTick(v)) < 0.8 * width)) expect(ticks.length).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  test('labelWidth: a minus sign and digits are wide, a point narrow', () => {
    expect(labelWidth('−1', 10)).toBeGreaterThan(labelWidth('11', 10));
    expect(labelWidth('1.5', 10)).toBeLessThan(labelWidth('155', 10));
  });
});
