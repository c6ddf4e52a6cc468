/**
 * What a reader may type into a field or put in a URL, and how the parameters
 * travel in the address.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ARTICLE_PARAMS, PARAM_NAMES, type Params } from '../src/lib/backprop';
import { PARAM_LIMIT, isParamName, paramsFromQuery, paramsToQuery, parseNumber, queryString } from '../src/lib/params';
import { BAD_VALUES } from '../e2e/support/bad-input';

const BAD_INPUTS: readonly [string, string][] = [
  ['empty', ''],
  ['spaces only', '   '],
  ['a lone minus', '-'],
  ['letters', 'abc'],
  ['overflow', '1e400'],
  ['negative overflow', '-1e400'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['-Infinity', '-Infinity'],
  ['hexadecimal', '0x1A'],
  ['decimal comma', '1,5'],
  ['two dots', '0.1.2'],
  ['10,000 characters', '1'.repeat(10_000)],
  ['markup', '<script>alert(1)</script>'],
  ['beyond the limit', '1000001'],
  ['a unit', '0.5kg'],
  ['binary', '0b101'],
  ['a lone exponent', 'e5'],
];

const GOOD_INPUTS: readonly [string, number][] = [
  ['0.15', 0.15],
  ['-2', -2],
  ['1e-3', 0.001],
  ['1E6', 1e6],
  ['-1000000', -1e6],
  [' 0.5 ', 0.5],
  ['.5', 0.5],
  ['-.5', -0.5],
  ['+3', 3],
  ['5.', 5],
  ['0', 0],
  ['-0', 0],
  ['0.30000000000000004', 0.30000000000000004],
];

describe('parseNumber', () => {
  test.each(BAD_INPUTS)('refuses %s with a message', (_label, text) => {
    const result = parseNumber(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.trim().length).toBeGreaterThan(0);
      // The message is shown on the page: it must not echo markup or unshowable words.
      expect(result.message).not.toMatch(/<script|NaN|Infinity|undefined/);
    }
  });

  // The browser tests type these into one field of each kind (e2e/bad-input.spec.ts); the matrix is here.
  test.each(BAD_VALUES)('refuses the browser matrix’s %s with a clear sentence, a hint for a comma, no markup', (label, text) => {
    const result = parseNumber(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.length).toBeGreaterThanOrEqual(10);
    expect(result.message).not.toMatch(/<script|alert\(1\)|NaN|Infinity|undefined/);
    if (label === 'a decimal comma') expect(result.message).toMatch(/1\.5/);
  });

  test.each(GOOD_INPUTS)('accepts %j', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  test('-0 is read as plain 0', () => {
    const result = parseNumber('-0');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  test('property: never throws; a number it accepts is finite and within the limit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[-+.e0-9 ,x]{0,12}$/)), (text) => {
        const result = parseNumber(text);
        if (result.ok) {
          expect(Number.isFinite(result.value)).toBe(true);
          expect(Math.abs(result.value)).toBeLessThanOrEqual(PARAM_LIMIT);
        } else {
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('property: String(x) of any value in range reads back as exactly x', () => {
    fc.assert(
      fc.property(fc.double({ min: -PARAM_LIMIT, max: PARAM_LIMIT, noNaN: true }), (x) => {
        const result = parseNumber(String(x));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value === x).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Random parameters as a reader could set them (no −0: a field reads it as 0). */
const anyParams: fc.Arbitrary<Params> = fc.record(
  Object.fromEntries(
    PARAM_NAMES.map((name) => [
      name,
      fc.oneof(
        fc.constant(ARTICLE_PARAMS[name]),
        fc.double({ min: -PARAM_LIMIT, max: PARAM_LIMIT, noNaN: true }).map((x) => (x === 0 ? 0 : x)),
      ),
    ]),
  ) as Record<keyof Params, fc.Arbitrary<number>>,
);

describe('URL query', () => {
  test('reads the names it documents', () => {
    const { params, problems } = paramsFromQuery('?w1=0.3&lr=0.5&t1=0.2');
    expect(problems).toEqual([]);
    expect(params).toEqual({ ...ARTICLE_PARAMS, w1: 0.3, lr: 0.5, t1: 0.2 });
  });

  test('keeps the article’s value for an unusable entry and says why', () => {
    const { params, problems } = paramsFromQuery('w2=abc&w3=1e400&w4=0.7&bogus=1');
    expect(params).toEqual({ ...ARTICLE_PARAMS, w4: 0.7 });
    expect(problems.map((p) => p.name)).toEqual(['w2', 'w3']);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(0);
  });

  test('every bad value under every name is refused, named once with its reason, and changes nothing', () => {
    for (const [k] of BAD_VALUES.entries()) {
      const query = new URLSearchParams();
      PARAM_NAMES.forEach((name, i) => query.set(name, BAD_VALUES[(i + k) % BAD_VALUES.length]?.[1] ?? ''));
      const { params, problems } = paramsFromQuery(query.toString());
      expect(params, `load ${k}`).toEqual(ARTICLE_PARAMS);
      expect(problems.map((p) => p.name).sort(), `load ${k}`).toEqual([...PARAM_NAMES].sort());
      PARAM_NAMES.forEach((name, i) => {
        const [label] = BAD_VALUES[(i + k) % BAD_VALUES.length] ?? [''];
        const message = problems.find((p) => p.name === name)?.message ?? '';
        expect(message.length, `${name} ← ${label}`).toBeGreaterThanOrEqual(10);
        expect(message, `${name} ← ${label}`).not.toMatch(/<script|alert\(1\)/);
        if (label === 'a decimal comma') expect(message, `${name} ← ${label}`).toMatch(/1\.5/);
      });
    }
  });

  test('the article’s own values give an empty query', () => {
    expect(queryString(paramsToQuery(ARTICLE_PARAMS))).toBe('');
  });

  test('writes only what differs from the article, and keeps unrelated entries', () => {
    const query = paramsToQuery({ ...ARTICLE_PARAMS, w1: 0.3 }, new URLSearchParams('digits=8&w2=9'));
    expect(query.get('w1')).toBe('0.3');
    expect(query.get('digits')).toBe('8');
    expect(query.has('w2')).toBe(false);
  });

  test('property: paramsToQuery then paramsFromQuery gives the same parameters', () => {
    fc.assert(
      fc.property(anyParams, (params) => {
        const text = queryString(paramsToQuery(params));
        const back = paramsFromQuery(text);
        expect(back.problems).toEqual([]);
        for (const name of PARAM_NAMES) {
          if (!Object.is(back.params[name], params[name])) {
            throw new Error(`${name}: wrote ${params[name]}, read ${back.params[name]} from ${text}`);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('isParamName knows exactly the thirteen parameters', () => {
    for (const name of PARAM_NAMES) expect(isParamName(name)).toBe(true);
    for (const name of ['a_o1', 'digits', '', 'W1', 'constructor', '__proto__']) expect(isParamName(name)).toBe(false);
  });
});
