/**
 * How numbers are written on the page. The article quotes values cut (not
 * rounded) to four significant digits: a_o1 = 0.606477… reads 0.6064 and
 * E_total = 0.0141818… reads 0.01418. The default display does the same.
 * A value with no more digits than that is exact and written as it is
 * (0.45, 50, 0): a trailing zero is always one of the value's own digits.
 */

/** Significant digits the article uses. */
export const ARTICLE_DIGITS = 4;

/** The precision choices offered to readers; `Infinity` means "every digit JavaScript has". */
export const DIGIT_CHOICES = [4, 6, 8, 12, Infinity] as const;

/** What the page shows for a number it cannot show (never "NaN", "Infinity" or "undefined"). */
export const UNSHOWABLE = '—';

const MINUS = '\u2212';

/**
 * Splits |x| into its significant decimal digits (padded to 17) and its decimal exponent.
 * Uses the shortest round-trip digits (those of `String(x)`, the page's `data-value`):
 * 17 fixed digits would expose binary noise, and cutting 0.15 = 1.4999999999999999e-1 gave "0.1499".
 */
function decimalDigits(abs: number): { digits: string; exponent: number; own: number } {
  const [mantissa = '0', exp = '0'] = abs.toExponential().split('e');
  const own = mantissa.replace('.', '');
  return { digits: own.padEnd(17, '0'), exponent: Number(exp), own: own.length };
}

/**
 * Writes `x` with `significant` digits, cut toward zero. Keeps the value's own
 * trailing zeros (0.0141001 reads 0.01410) but adds none: an exact value with
 * fewer digits reads as it is (0.45, not 0.4500; 0, not 0.000). Uses
 * scientific notation only for very small or very large magnitudes.
 */
export function formatTruncated(x: number, significant: number = ARTICLE_DIGITS): string {
  if (!Number.isFinite(x)) return UNSHOWABLE;
  if (significant === Infinity) return formatExact(x);
  if (x === 0) return '0';
  const sign = x < 0 ? MINUS : '';
  const { digits, exponent, own } = decimalDigits(Math.abs(x));
  const sig = Math.min(own, Math.max(1, Math.min(17, Math.floor(significant))));
  if (exponent < -6 || exponent >= 9) {
    const kept = digits.slice(0, sig);
    const mantissa = kept.length > 1 ? `${kept[0]}.${kept.slice(1)}` : kept;
    return `${sign}${mantissa}e${exponent < 0 ? MINUS : ''}${Math.abs(exponent)}`;
  }
  if (exponent < 0) {
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits.slice(0, sig)}`;
  }
  const integerPart = digits.slice(0, exponent + 1);
  const fraction = digits.slice(exponent + 1, Math.max(sig, exponent + 1));
  return fraction ? `${sign}${integerPart}.${fraction}` : `${sign}${integerPart}`;
}

/** Writes `x` exactly as JavaScript would (shortest round-trip form), with a typographic minus. */
export function formatExact(x: number): string {
  if (!Number.isFinite(x)) return UNSHOWABLE;
  // Every hyphen, so 1e-7's exponent gets the typographic minus too, and no "e+": as formatTruncated writes them.
  return String(x).replace('e+', 'e').replaceAll('-', MINUS);
}

/**
 * Writes a parameter the reader set (an input, target, weight or learning rate):
 * exactly as entered when that is short, otherwise cut like any other value.
 */
export function formatParameter(x: number, significant: number = ARTICLE_DIGITS): string {
  if (!Number.isFinite(x)) return UNSHOWABLE;
  const exact = String(x);
  const digitCount = exact.replace(/^-|\.|e.*$/g, '').replace(/^0+/, '').length;
  if (!exact.includes('e') && digitCount <= Math.max(significant, ARTICLE_DIGITS)) return formatExact(x);
  return formatTruncated(x, significant).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/**
 * A term written after "+" or "−" in an equation: a negative one's sign joins the operator, so
 * that "0.01022 + −0.03126" reads "0.01022 − 0.03126" and "w − −0.1" reads "w + 0.1". `operator`
 * is the one the equation is written with ("+" or "−"); the result is what to show for both.
 */
export function foldedTerm(operator: string, text: string): { operator: string; text: string } {
  if (!text.startsWith(MINUS)) return { operator, text };
  return { operator: operator === '+' ? MINUS : '+', text: text.slice(1) };
}

/** The most significant digits a parameter field shows; its exact value is there when it is focused. */
export const FIELD_DIGITS = 8;

/** The most characters a parameter field shows (a narrow field on a phone holds about fourteen). */
export const FIELD_CHARS = 12;

/**
 * What a parameter field shows while the reader is not editing it: the value as `formatParameter`
 * writes it, with a plain hyphen (the text a reader types), at the page's digits but at most
 * FIELD_DIGITS and FIELD_CHARS, and "…" when digits were cut (a trained weight): the field never
 * holds more than it shows, and what it shows is never mistaken for the whole value.
 */
export function formatField(x: number, significant: number = ARTICLE_DIGITS): string {
  if (!Number.isFinite(x)) return UNSHOWABLE;
  let text = '';
  for (let digits = Math.min(significant, FIELD_DIGITS); digits >= 1; digits--) {
    text = formatParameter(x, digits).replaceAll(MINUS, '-');
    if (text.length <= FIELD_CHARS) break;
  }
  return Number(text) === x ? text : `${text}…`;
}

/** A short name for a digit choice, for the precision control ("4", "all"). */
export function describeDigits(significant: number): string {
  return significant === Infinity ? 'all' : String(significant);
}
