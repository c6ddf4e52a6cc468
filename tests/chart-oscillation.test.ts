/** Detecting where a learning rate starts to overshoot. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ARTICLE_PARAMS, lossCurve } from '../src/lib/backprop';
import { firstRise, LOSS_NOISE_FLOOR } from '../src/lib/chart/oscillation';

describe('firstRise', () => {
  test('a steady descent never rises', () => {
    expect(firstRise([0.5, 0.4, 0.3, 0.2, 0.1])).toBeUndefined();
    expect(firstRise([0.5, 0.4, 0.4, 0.3])).toBeUndefined();
  });

  test('finds the first rise after a fall, counting epochs from 1', () => {
    expect(firstRise([0.5, 0.4, 0.3, 0.35, 0.2, 0.25])).toBe(4);
    expect(firstRise([0.5, 0.4, 0.45])).toBe(3);
  });

  test('a run that only climbs (a negative rate) is not oscillation; a later fall-then-rise is', () => {
    expect(firstRise([0.1, 0.2, 0.3])).toBeUndefined();
    expect(firstRise([0.1, 0.2, 0.15, 0.17])).toBe(4);
  });

  test('non-finite values are neither rises nor falls', () => {
    expect(firstRise([0.3, 0.2, NaN, 0.25])).toBeUndefined();
    expect(firstRise([0.3, Infinity, 0.2, 0.25])).toBeUndefined();
    expect(firstRise([0.3, 0.2, Infinity, 0.25, 0.3])).toBe(5);
  });

  test('changes below the noise floor are rounding, not oscillation', () => {
    const f = LOSS_NOISE_FLOOR;
    expect(firstRise([0.01, f / 10, f / 20, f / 15])).toBeUndefined();
    expect(firstRise([0.01, f / 10, 1e-10])).toBe(3);
  });

  test('agrees with a direct reading of the definition on random sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(NaN)), { maxLength: 40 }), (loss) => {
        const result = firstRise(loss, 0);
        const ok = (i: number) => Number.isFinite(loss[i - 1]) && Number.isFinite(loss[i]);
        const fallsBefore = (n: number) => loss.some((v, i) => i >= 1 && i < n && ok(i) && v < (loss[i - 1] as number));
        const risesAt = (i: number) => ok(i) && (loss[i] as number) > (loss[i - 1] as number);
        const expected = loss.findIndex((_, i) => i >= 1 && risesAt(i) && fallsBefore(i));
        expect(result).toBe(expected === -1 ? undefined : expected + 1);
      }),
    );
  });

  test('on real training runs, the epoch it reports does rise above the one before, after a fall', () => {
    // A rate large enough to overshoot, and one small enough not to; neither epoch is hard-coded.
    const big = lossCurve({ ...ARTICLE_PARAMS, lr: 100 }, 300);
    const n = firstRise(big);
    expect(n).toBeDefined();
    const i = (n as number) - 1;
    expect(big[i] as number).toBeGreaterThan(big[i - 1] as number);
    expect(Array.from(big.slice(0, i)).some((v, k) => k > 0 && v < (big[k - 1] as number))).toBe(true);
    expect(firstRise(lossCurve({ ...ARTICLE_PARAMS, lr: 0.1 }, 300))).toBeUndefined();
  });
});
