/**
 * How numbers are written on the page. The article quotes values cut (not
 * rounded) to four significant digits: a_o1 = 0.606477… reads 0.6064 and
 * E_total = 0.0141818… reads 0.01418. The default display does the same.
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
function decimalDigits(abs: number): { digits: string; exponent: number } {
  const [mantissa = '0', exp = '0'] = abs.toExponential().split('e');
  return { digits: mantissa.replace('.', '').padEnd(17, '0'), exponent: Number(exp) };
}

/**
 * Writes `x` with `significant` digits, cut toward zero. Keeps trailing zeros
 * (0.01410 stays 0.01410) so every value shows the same precision. Uses
 * scientific notation only for very small or very large magnitudes.
 */
export function formatTruncated(x: number, significant: number = ARTICLE_DIGITS): string {
  if (!Number.isFinite(x)) return UNSHOWABLE;
  if (significant === Infinity) return formatExact(x);
  const sig = Math.max(1, Math.min(17, Math.floor(significant)));
  if (x === 0) return sig > 1 ? `0.${'0'.repeat(sig - 1)}` : '0';
  const sign = x < 0 ? MINUS : '';
  const { digits, exponent } = decimalDigits(Math.abs(x));
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

/** A short name for a digit choice, for the precision control ("4", "all"). */
export function describeDigits(significant: number): string {
  return significant === Infinity ? 'all' : String(significant);
}
