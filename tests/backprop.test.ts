/**
 * The math module against the article's reference values (and its errata),
 * and property tests of what must hold for any parameters.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  ARTICLE_EPOCHS,
  ARTICLE_LEARNING_RATES,
  ARTICLE_PARAMS,
  PARAM_NAMES,
  QUANTITY_NAMES,
  WEIGHT_NAMES,
  advance,
  atEpoch,
  createResolver,
  evaluate,
  formatTruncated,
  gradientName,
  lossCurve,
  numericalGradient,
  paramsOf,
  step,
  sweep,
  train,
  type Params,
  type Snapshot,
} from '../src/lib/backprop';

/** Random parameters in a range where the network is well behaved. */
const moderateParams: fc.Arbitrary<Params> = fc.record({
  i1: fc.double({ min: -2, max: 2, noNaN: true }),
  i2: fc.double({ min: -2, max: 2, noNaN: true }),
  t1: fc.double({ min: 0, max: 1, noNaN: true }),
  t2: fc.double({ min: 0, max: 1, noNaN: true }),
  w1: fc.double({ min: -3, max: 3, noNaN: true }),
  w2: fc.double({ min: -3, max: 3, noNaN: true }),
  w3: fc.double({ min: -3, max: 3, noNaN: true }),
  w4: fc.double({ min: -3, max: 3, noNaN: true }),
  w5: fc.double({ min: -3, max: 3, noNaN: true }),
  w6: fc.double({ min: -3, max: 3, noNaN: true }),
  w7: fc.double({ min: -3, max: 3, noNaN: true }),
  w8: fc.double({ min: -3, max: 3, noNaN: true }),
  lr: fc.double({ min: -2, max: 2, noNaN: true }),
});

/** Any value a field accepts (|x| ≤ 1e6), with the edges themselves drawn often. */
const extremeValue = fc.oneof(
  fc.constantFrom(1e6, -1e6, 0, 1e-6, -1e-6, 5e-324),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
const extremeParams: fc.Arbitrary<Params> = fc.record(
  Object.fromEntries(PARAM_NAMES.map((name) => [name, extremeValue])) as Record<keyof Params, fc.Arbitrary<number>>,
);

/** |a − b| within an absolute plus a relative tolerance. */
function near(a: number, b: number, abs: number, rel: number): boolean {
  return Math.abs(a - b) <= abs + rel * Math.max(Math.abs(a), Math.abs(b));
}

function squaredNorm(s: Snapshot): number {
  return WEIGHT_NAMES.reduce((sum, w) => sum + s[gradientName(w)] ** 2, 0);
}

describe('the article’s reference values', () => {
  const first = evaluate(ARTICLE_PARAMS);
  const [epoch1, epoch2] = train(ARTICLE_PARAMS, 2);

  test('starts from the article’s parameters at learning rate 0.1', () => {
    expect(ARTICLE_PARAMS).toEqual({
      i1: 0.05, i2: 0.1, t1: 0.5, t2: 0.5,
      w1: 0.15, w2: 0.2, w3: 0.25, w4: 0.3, w5: 0.4, w6: 0.45, w7: 0.5, w8: 0.55,
      lr: 0.1,
    });
  });

  test('forward pass: a_o1 reads 0.6064 and o2 reads 0.5342 (cut to 4 significant digits)', () => {
    expect(formatTruncated(first.a_o1, 4)).toBe('0.6064');
    expect(formatTruncated(first.o2, 4)).toBe('0.5342');
  });

  test('erratum: a_o2 is 0.6304808…, not the 0.5342 the article quotes (that is o2)', () => {
    expect(formatTruncated(first.a_o2, 7)).toBe('0.6304808');
    expect(formatTruncated(first.a_o2, 4)).not.toBe('0.5342');
  });

  test('E_total reads 0.01418, then 0.01410 after one update at lr 0.1', () => {
    expect(formatTruncated(first.E_total, 4)).toBe('0.01418');
    expect(epoch2?.E_total).toBeDefined();
    expect(formatTruncated(epoch2?.E_total ?? Number.NaN, 4)).toBe('0.01410');
  });

  test('erratum: ∂E/∂w1 is 0.000316993… at epoch 1; the article’s 0.000315 is the epoch-2 value', () => {
    expect(formatTruncated(first.dE_dw1, 6)).toBe('0.000316993');
    expect(formatTruncated(epoch1?.dE_dw1 ?? Number.NaN, 6)).toBe('0.000316993');
    expect(formatTruncated(epoch2?.dE_dw1 ?? Number.NaN, 3)).toBe('0.000315');
  });

  test('erratum: w1 after one update at lr 0.1 is 0.1499683, not 0.1499685', () => {
    const next = step(ARTICLE_PARAMS);
    expect(formatTruncated(next.w1, 7)).toBe('0.1499683');
    expect(next.w1).toBe(ARTICLE_PARAMS.w1 - 0.1 * first.dE_dw1);
    expect(epoch2?.w1).toBe(next.w1);
  });

  test('erratum: over 300 epochs the largest of the article’s rates, 2, reaches the lowest error', () => {
    const runs = sweep(ARTICLE_PARAMS, ARTICLE_LEARNING_RATES, ARTICLE_EPOCHS);
    const last = runs.map(({ lr, loss }) => ({ lr, final: loss[ARTICLE_EPOCHS - 1] ?? Number.NaN }));
    const best = last.reduce((a, b) => (b.final < a.final ? b : a));
    expect(best.lr).toBe(2);
    for (const { final } of last) expect(Number.isFinite(final)).toBe(true);
  });

  test('at lr 0.1 the article’s error falls at every one of the 300 epochs', () => {
    const loss = lossCurve(ARTICLE_PARAMS, ARTICLE_EPOCHS);
    for (let n = 1; n < loss.length; n++) expect(loss[n]).toBeLessThan(loss[n - 1] ?? Number.NaN);
  });
});

describe('every named quantity', () => {
  test('a snapshot carries exactly the documented names', () => {
    expect(Object.keys(evaluate(ARTICLE_PARAMS)).sort()).toEqual([...QUANTITY_NAMES].sort());
    expect(new Set(QUANTITY_NAMES).size).toBe(QUANTITY_NAMES.length);
  });

  test('property: each quantity follows its documented formula', () => {
    fc.assert(
      fc.property(moderateParams, (p) => {
        const s = evaluate(p);
        const close = (a: number, b: number) => expect(near(a, b, 1e-15, 1e-12)).toBe(true);
        close(s.h1, p.w1 * p.i1 + p.w2 * p.i2);
        close(s.h2, p.w3 * p.i1 + p.w4 * p.i2);
        close(s.a_h1, 1 / (1 + Math.exp(-s.h1)));
        close(s.o1, p.w5 * s.a_h1 + p.w6 * s.a_h2);
        close(s.o2, p.w7 * s.a_h1 + p.w8 * s.a_h2);
        close(s.a_o2, 1 / (1 + Math.exp(-s.o2)));
        close(s.E1, 0.5 * (p.t1 - s.a_o1) ** 2);
        // Erratum: E2 is written with a_o2, not a_o1.
        close(s.E2, 0.5 * (p.t2 - s.a_o2) ** 2);
        close(s.E_total, s.E1 + s.E2);
        close(s.dE_da_o1, s.a_o1 - p.t1);
        close(s.dE_da_o2, s.a_o2 - p.t2);
        close(s.da_o1_do1, s.a_o1 * (1 - s.a_o1));
        close(s.da_o2_do2, s.a_o2 * (1 - s.a_o2));
        close(s.dE_do1, s.dE_da_o1 * s.da_o1_do1);
        close(s.dE_do2, s.dE_da_o2 * s.da_o2_do2);
        close(s.dE1_da_h1, s.dE_do1 * p.w5);
        close(s.dE2_da_h1, s.dE_do2 * p.w7);
        close(s.dE1_da_h2, s.dE_do1 * p.w6);
        close(s.dE2_da_h2, s.dE_do2 * p.w8);
        close(s.dE_da_h1, s.dE1_da_h1 + s.dE2_da_h1);
        close(s.dE_da_h2, s.dE1_da_h2 + s.dE2_da_h2);
        close(s.da_h1_dh1, s.a_h1 * (1 - s.a_h1));
        close(s.da_h2_dh2, s.a_h2 * (1 - s.a_h2));
        close(s.dE_dh1, s.dE_da_h1 * s.da_h1_dh1);
        close(s.dE_dh2, s.dE_da_h2 * s.da_h2_dh2);
        close(s.dE_dw5, s.dE_do1 * s.a_h1);
        close(s.dE_dw8, s.dE_do2 * s.a_h2);
        close(s.dE_dw1, s.dE_dh1 * p.i1);
        close(s.dE_dw4, s.dE_dh2 * p.i2);
        expect(paramsOf(s)).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });
});

describe('gradients', () => {
  test('property: all eight analytic gradients match central finite differences', () => {
    fc.assert(
      fc.property(moderateParams, (p) => {
        const s = evaluate(p);
        for (const w of WEIGHT_NAMES) {
          const analytic = s[gradientName(w)];
          const numeric = numericalGradient(p, w);
          if (!near(analytic, numeric, 1e-8, 1e-5)) {
            throw new Error(`${w}: analytic ${analytic} vs finite difference ${numeric}`);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  test('w1..w4 use this epoch’s w5..w8, not the already-updated ones', () => {
    const p = ARTICLE_PARAMS;
    const s = evaluate(p);
    // The known mistake: update w5..w8 first, then backpropagate through the new values.
    const updated = step(p, s);
    const wrongDE_da_h1 = s.dE_do1 * updated.w5 + s.dE_do2 * updated.w7;
    const wrongDE_dw1 = wrongDE_da_h1 * s.da_h1_dh1 * p.i1;
    const numeric = numericalGradient(p, 'w1');
    expect(wrongDE_dw1).not.toBe(s.dE_dw1);
    // The finite difference tells them apart: only the correct one agrees with it.
    expect(near(s.dE_dw1, numeric, 1e-12, 1e-6)).toBe(true);
    expect(near(wrongDE_dw1, numeric, 1e-12, 1e-6)).toBe(false);
    expect(s.dE1_da_h1).toBe(s.dE_do1 * p.w5);
    expect(s.dE2_da_h1).toBe(s.dE_do2 * p.w7);
  });

  test('property: one step moves every weight by −lr times its finite-difference gradient at the old weights', () => {
    fc.assert(
      fc.property(moderateParams, (p) => {
        const next = step(p);
        for (const w of WEIGHT_NAMES) {
          const expected = p[w] - p.lr * numericalGradient(p, w);
          if (!near(next[w], expected, 1e-8, 1e-6)) throw new Error(`${w}: ${next[w]} vs ${expected}`);
        }
        for (const name of ['i1', 'i2', 't1', 't2', 'lr'] as const) expect(next[name]).toBe(p[name]);
      }),
      { numRuns: 300 },
    );
  });

  test('property: a small learning rate lowers E_total (sufficient decrease)', () => {
    fc.assert(
      fc.property(moderateParams, (q) => {
        const p = { ...q, lr: 1e-3 };
        const before = evaluate(p);
        const after = evaluate(step(p, before));
        // Armijo: E falls by at least half of lr·|∇E|² (first order), up to rounding of E itself.
        const slack = 8 * Number.EPSILON * before.E_total;
        expect(after.E_total).toBeLessThanOrEqual(before.E_total - 0.5 * p.lr * squaredNorm(before) + slack);
      }),
      { numRuns: 500 },
    );
  });

  test('property: a step of lr scaled to the gradient never raises E_total', () => {
    fc.assert(
      fc.property(moderateParams, fc.double({ min: 1e-6, max: 1e-2, noNaN: true }), (q, fraction) => {
        const s0 = evaluate(q);
        const norm = Math.sqrt(squaredNorm(s0));
        fc.pre(norm > 0);
        // A step of length `fraction` in weight space, whatever the gradient's size.
        const p = { ...q, lr: fraction / norm };
        const after = evaluate(step(p)).E_total;
        expect(after).toBeLessThanOrEqual(s0.E_total + 8 * Number.EPSILON * s0.E_total);
      }),
      { numRuns: 500 },
    );
  });
});

describe('training runs', () => {
  test('property: row 1 is the starting parameters, row n the parameters after n − 1 steps', () => {
    fc.assert(
      fc.property(moderateParams, fc.integer({ min: 1, max: 40 }), (p, epochs) => {
        const rows = train(p, epochs);
        expect(rows).toHaveLength(epochs);
        expect(paramsOf(rows[0] as Snapshot)).toEqual(p);
        let current: Params = p;
        for (const row of rows) {
          expect(row).toEqual(evaluate(current));
          current = step(current);
        }
      }),
      { numRuns: 100 },
    );
  });

  test('an empty run has no rows', () => {
    expect(train(ARTICLE_PARAMS, 0)).toHaveLength(0);
    expect(lossCurve(ARTICLE_PARAMS, 0)).toHaveLength(0);
  });

  test('a rate of −0 and the rate 0 are told apart by atEpoch and the resolver (a counterexample the property below found)', () => {
    const zero = { ...ARTICLE_PARAMS, lr: -0 };
    expect(Object.is(atEpoch(zero, 1, 0).lr, 0)).toBe(true);
    expect(Object.is(atEpoch({ ...ARTICLE_PARAMS, lr: 0 }, 1, -0).lr, -0)).toBe(true);
    const resolve = createResolver(zero);
    expect(Object.is(resolve({ name: 'lr' }), -0)).toBe(true);
    expect(Object.is(resolve({ name: 'lr', lr: 0 }), 0)).toBe(true);
  });

  test('property: lossCurve, sweep, atEpoch and the resolver agree with train', () => {
    fc.assert(
      fc.property(
        moderateParams,
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.constantFrom(...QUANTITY_NAMES),
        (p, epochs, otherLr, name) => {
          const rows = train(p, epochs);
          expect(Array.from(lossCurve(p, epochs))).toEqual(rows.map((r) => r.E_total));
          const [swept] = sweep(p, [otherLr], epochs);
          const otherRows = train({ ...p, lr: otherLr }, epochs);
          expect(swept?.lr).toBe(otherLr);
          expect(Array.from(swept?.loss ?? [])).toEqual(otherRows.map((r) => r.E_total));
          expect(atEpoch(p, epochs)).toEqual(rows[epochs - 1]);
          expect(atEpoch(p, epochs, otherLr)).toEqual(otherRows[epochs - 1]);
          const resolve = createResolver(p);
          expect(resolve({ name })).toBe(rows[0]?.[name]);
          expect(resolve({ name, epoch: epochs })).toBe(rows[epochs - 1]?.[name]);
          expect(resolve({ name, epoch: epochs, lr: otherLr })).toBe(otherRows[epochs - 1]?.[name]);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('property: advance reaches train’s parameters, and the resolver answers in any order of epochs and rates', () => {
    fc.assert(
      fc.property(
        moderateParams,
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 80 }), fc.boolean(), fc.constantFrom(...QUANTITY_NAMES)), { minLength: 1, maxLength: 12 }),
        (p, otherLr, queries) => {
          const rows = train(p, 80);
          const otherRows = train({ ...p, lr: otherLr }, 80);
          for (const n of [0, 1, 7, 79]) expect(advance(p, n)).toEqual(paramsOf(rows[n] as Snapshot));
          const resolve = createResolver(p);
          for (const [epoch, other, name] of queries) {
            const expected = (other ? otherRows : rows)[epoch - 1]?.[name];
            expect(resolve({ name, epoch, ...(other ? { lr: otherLr } : {}) })).toBe(expected);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  test('the resolver answers NaN, not a guess, for an epoch that is not a whole number ≥ 1', () => {
    const resolve = createResolver(ARTICLE_PARAMS);
    for (const epoch of [0, -1, 1.5, Number.NaN]) expect(resolve({ name: 'E_total', epoch })).toBeNaN();
  });

  test('the resolver gives the article’s epoch-2 error for lr 0.1 however it was asked', () => {
    const resolve = createResolver(ARTICLE_PARAMS);
    const direct = resolve({ name: 'E_total', epoch: 2 });
    expect(resolve({ name: 'E_total', epoch: 2, lr: 0.1 })).toBe(direct);
    // Asking for a deeper epoch first must not change shallower answers.
    const fresh = createResolver(ARTICLE_PARAMS);
    fresh({ name: 'E_total', epoch: 300 });
    expect(fresh({ name: 'E_total', epoch: 2 })).toBe(direct);
    expect(formatTruncated(direct, 4)).toBe('0.01410');
  });

  test('property: no NaN or Infinity anywhere in 300 epochs for extreme but valid parameters', () => {
    fc.assert(
      fc.property(extremeParams, (p) => {
        const rows = train(p, ARTICLE_EPOCHS);
        for (const [index, row] of rows.entries()) {
          for (const name of QUANTITY_NAMES) {
            if (!Number.isFinite(row[name])) throw new Error(`epoch ${index + 1}: ${name} = ${row[name]}`);
          }
        }
        for (const x of lossCurve(p, ARTICLE_EPOCHS)) expect(Number.isFinite(x)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
