/**
 * The number formatting every page uses: the article's convention is to cut
 * (never round) to four significant digits and to keep trailing zeros.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  ARTICLE_DIGITS,
  DIGIT_CHOICES,
  QUANTITY_NAMES,
  FIELD_CHARS,
  FIELD_DIGITS,
  UNSHOWABLE,
  foldedTerm,
  formatExact,
  formatField,
  formatParameter,
  formatQuantity,
  formatTruncated,
} from '../src/lib/backprop';

const MINUS = '\u2212';

/** Text the page must never show. */
const FORBIDDEN = /NaN|Infinity|undefined/;

/** The shape of a formatted finite number: typographic minus only, optional exponent. */
const NUMBER_SHAPE = /^−?\d+(\.\d+)?(e−?\d+)?$/;

/** Reads formatted text back as a JavaScript number. */
function readBack(text: string): number {
  return Number(text.replaceAll(MINUS, '-'));
}

/** The significant digits a formatted text shows (no sign, dot, exponent or leading zeros). */
function shownDigits(text: string): string {
  return text.replace(/e.*$/, '').replace(/[^\d]/g, '').replace(/^0+/, '');
}

describe('formatTruncated: the article’s convention', () => {
  test('cuts instead of rounding', () => {
    expect(formatTruncated(0.60649, 4)).toBe('0.6064');
    expect(formatTruncated(0.99999, 4)).toBe('0.9999');
    expect(formatTruncated(0.534280153, 4)).toBe('0.5342');
    expect(formatTruncated(0.0141818, 4)).toBe('0.01418');
  });

  test('defaults to the article’s four significant digits', () => {
    expect(ARTICLE_DIGITS).toBe(4);
    expect(formatTruncated(0.60649)).toBe('0.6064');
  });

  test('keeps the trailing zeros of a cut value', () => {
    expect(formatTruncated(0.0141001, 4)).toBe('0.01410');
    expect(formatTruncated(0.10000000000000002, 4)).toBe('0.1000');
    expect(formatTruncated(50.00001, 4)).toBe('50.00');
  });

  test('adds none: an exact value with fewer digits reads as it is, an exact zero as 0', () => {
    expect(formatTruncated(0, 4)).toBe('0');
    expect(formatTruncated(-0, 8)).toBe('0');
    expect(formatTruncated(0.45, 4)).toBe('0.45');
    expect(formatTruncated(50, 4)).toBe('50');
    expect(formatTruncated(0.1, 4)).toBe('0.1');
    expect(formatTruncated(2, 12)).toBe('2');
    expect(formatTruncated(-0.5, 4)).toBe(`${MINUS}0.5`);
    expect(formatQuantity({ name: 'w5', epoch: 2 }, 0.45, 4)).toBe('0.45');
  });

  test('cuts the decimal JavaScript prints, not the binary noise behind it', () => {
    // 0.15 is stored as 0.1499999999999999944…; its text (and data-value) is "0.15".
    expect(formatTruncated(0.15, 4)).toBe('0.15');
    expect(formatTruncated(0.3, 4)).toBe('0.3');
    expect(formatTruncated(1e-7, 4)).toBe(`1e${MINUS}7`);
    expect(formatTruncated(1.2345e-7, 4)).toBe(`1.234e${MINUS}7`);
  });

  test('writes negatives with the typographic minus (U+2212)', () => {
    expect(formatTruncated(-0.60649, 4)).toBe(`${MINUS}0.6064`);
    expect(formatTruncated(-0.60649, 4)).not.toContain('-');
  });

  test('uses exponent forms for very small and very large magnitudes', () => {
    expect(formatTruncated(1.23456e-9, 4)).toBe(`1.234e${MINUS}9`);
    expect(formatTruncated(-1.23456e-9, 4)).toBe(`${MINUS}1.234e${MINUS}9`);
    expect(formatTruncated(123456789012, 4)).toBe('1.234e11');
    expect(formatTruncated(1e21, 4)).toBe('1e21');
    // Just inside the plain range on both sides.
    expect(formatTruncated(0.0000012345, 4)).toBe('0.000001234');
    expect(formatTruncated(123456789, 4)).toBe('123456789');
  });

  test('more digits on request, every digit with Infinity', () => {
    expect(formatTruncated(0.606477732206728, 8)).toBe('0.60647773');
    expect(formatTruncated(0.606477732206728, Infinity)).toBe('0.606477732206728');
  });

  test('non-finite values become the neutral dash, never NaN or Infinity', () => {
    for (const x of [Number.NaN, Infinity, -Infinity]) {
      expect(formatTruncated(x, 4)).toBe(UNSHOWABLE);
      expect(formatParameter(x, 4)).toBe(UNSHOWABLE);
      expect(formatExact(x)).toBe(UNSHOWABLE);
    }
  });

  test('property: the cut never exceeds the value and misses it by less than one unit of the last digit', () => {
    fc.assert(
      fc.property(
        // Away from the subnormals, where one unit of the last digit underflows.
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => Math.abs(x) > 1e-280),
        fc.integer({ min: 1, max: 12 }),
        (x, sig) => {
          const text = formatTruncated(x, sig);
          expect(text).toMatch(NUMBER_SHAPE);
          const y = readBack(text);
          expect(Math.sign(y)).toBe(Math.sign(x));
          expect(Math.abs(y)).toBeLessThanOrEqual(Math.abs(x));
          const exponent = Number(Math.abs(x).toExponential().split('e')[1]);
          const unit = 10 ** (exponent - sig + 1);
          expect(Math.abs(x) - Math.abs(y)).toBeLessThan(unit * (1 + 1e-9));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('property: the requested significant digits, or the value’s own when fewer (more only for long integer parts)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x !== 0),
        fc.integer({ min: 1, max: 17 }),
        (x, sig) => {
          const text = formatTruncated(x, sig);
          const [mantissa = '', exp = '0'] = Math.abs(x).toExponential().split('e');
          const exponent = Number(exp);
          const own = mantissa.replace('.', '').length;
          const expected = !text.includes('e') && exponent + 1 > Math.min(sig, own) ? exponent + 1 : Math.min(sig, own);
          expect(shownDigits(text)).toHaveLength(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('never NaN, Infinity or undefined on screen', () => {
  const digitChoices = fc.oneof(
    fc.constantFrom(...DIGIT_CHOICES),
    fc.integer({ min: -3, max: 40 }),
  );

  test('property: every formatter, for any double and any digit choice', () => {
    fc.assert(
      fc.property(fc.double(), digitChoices, (x, digits) => {
        for (const text of [formatTruncated(x, digits), formatParameter(x, digits), formatExact(x)]) {
          expect(typeof text).toBe('string');
          expect(text.length).toBeGreaterThan(0);
          expect(text).not.toMatch(FORBIDDEN);
          expect(text).not.toContain('-');
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('property: formatQuantity for any name, epoch and value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUANTITY_NAMES),
        fc.integer({ min: 1, max: 300 }),
        fc.double(),
        digitChoices,
        (name, epoch, value, digits) => {
          const text = formatQuantity({ name, epoch }, value, digits);
          expect(text.length).toBeGreaterThan(0);
          expect(text).not.toMatch(FORBIDDEN);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('the special doubles', () => {
    for (const x of [0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON]) {
      for (const digits of DIGIT_CHOICES) {
        const text = formatTruncated(x, digits);
        expect(text).toMatch(NUMBER_SHAPE);
        expect(text).not.toMatch(FORBIDDEN);
      }
    }
  });
});

describe('signs folded into the operator before a term', () => {
  test('a negative term after "+" reads as a subtraction, after "−" as an addition', () => {
    expect(foldedTerm('+', `${MINUS}0.03126`)).toEqual({ operator: MINUS, text: '0.03126' });
    expect(foldedTerm(MINUS, `${MINUS}0.1`)).toEqual({ operator: '+', text: '0.1' });
    expect(foldedTerm('+', '0.01022')).toEqual({ operator: '+', text: '0.01022' });
    expect(foldedTerm(MINUS, '0')).toEqual({ operator: MINUS, text: '0' });
  });

  test('property: the folded pair means what the unfolded one did', () => {
    fc.assert(
      fc.property(fc.constantFrom('+', MINUS), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (operator, x) => {
        const text = formatTruncated(x, 6);
        const folded = foldedTerm(operator, text);
        expect(folded.text.startsWith(MINUS)).toBe(false);
        const signed = (op: string, t: string) => (op === MINUS ? -1 : 1) * readBack(t);
        expect(signed(folded.operator, folded.text)).toBe(signed(operator, text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatField: what a parameter field shows while not edited', () => {
  test('a value as entered, as before', () => {
    expect(formatField(0.15, 4)).toBe('0.15');
    expect(formatField(-0.5, 4)).toBe('-0.5');
    expect(formatField(1e-7, 4)).toBe('1e-7');
    expect(formatField(1000000, 4)).toBe('1000000');
  });

  test('a trained weight to the page’s digits, at most FIELD_DIGITS, marked as cut', () => {
    expect(formatField(0.3974272851711, 4)).toBe('0.3974…');
    expect(formatField(-0.3974272851711, 6)).toBe('-0.397427…');
    expect(formatField(0.3974272851711, Infinity)).toBe(`0.${'39742728'.slice(0, FIELD_DIGITS)}…`);
  });

  test('property: at most FIELD_CHARS characters and "…", and exact whenever it shows no "…"', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constantFrom(...DIGIT_CHOICES), (x, digits) => {
        const text = formatField(x, digits);
        expect(text.replace(/…$/, '').length).toBeLessThanOrEqual(FIELD_CHARS);
        if (!text.endsWith('…')) expect(Number(text)).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatParameter: what the reader entered', () => {
  test('keeps short values as typed', () => {
    expect(formatParameter(0.15, 4)).toBe('0.15');
    expect(formatParameter(0.05, 4)).toBe('0.05');
    expect(formatParameter(2, 4)).toBe('2');
    expect(formatParameter(-0.5, 4)).toBe(`${MINUS}0.5`);
  });

  test('cuts long values like any other', () => {
    expect(formatParameter(0.123456789, 4)).toBe('0.1234');
    expect(formatParameter(0.123456789, 8)).toBe('0.12345678');
  });

  test('formatQuantity shows parameters as entered at epoch 1 and cut at later epochs', () => {
    expect(formatQuantity({ name: 'w1' }, 0.15, 4)).toBe('0.15');
    expect(formatQuantity({ name: 'w1', epoch: 2 }, 0.14996830066040898, 7)).toBe('0.1499683');
    expect(formatQuantity({ name: 'a_o1' }, 0.606477732206728, 4)).toBe('0.6064');
  });

  test('formatExact writes the shortest round-trip form with typographic minus signs', () => {
    expect(formatExact(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatExact(-1e-7)).toBe(`${MINUS}1e${MINUS}7`);
    expect(formatExact(1e21)).toBe('1e21');
  });
});
