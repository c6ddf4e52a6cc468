/**
 * When a number in a student's sheet counts as the right one: close enough
 * to be rounding noise, or, for a number typed by hand, as close as the
 * digits it was written with allow. Shared by the checker's stages and the
 * mistake rules that judge values.
 */

/** Relative tolerance for a match: far above rounding noise, far below any real mistake. */
export const RELATIVE_TOLERANCE = 1e-9;

/** Significant digits a number was written with ("0.15" → 2, "1.4181377937891659E-2" → 17). */
export function writtenDigits(raw: string): number {
  const mantissa = raw.trim().replace(/^[-+]/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '');
  return Math.max(1, mantissa.length);
}

/** Does a found value match the expected one, allowing for how many digits it was written with? */
export function matches(found: number, expected: number, raw?: string, typed = false): boolean {
  if (!Number.isFinite(found) || !Number.isFinite(expected)) return false;
  const scale = Math.max(Math.abs(found), Math.abs(expected));
  let tolerance = Math.max(RELATIVE_TOLERANCE * scale, 1e-15);
  if (typed && raw !== undefined && found !== 0) {
    // A number typed by hand is only as precise as the digits written.
    const digits = writtenDigits(raw);
    if (digits < 15) tolerance = Math.max(tolerance, 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(found))) - digits + 1) * 1.000001);
  }
  return Math.abs(found - expected) <= tolerance;
}

/** Leading significant digits two numbers share (e.g. 0.0003517 vs 0.0003518 → 3). */
export function agreeingDigits(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.sign(a) !== Math.sign(b)) return 0;
  if (a === b) return 17;
  const da = Math.abs(a).toExponential(16);
  const db = Math.abs(b).toExponential(16);
  if (da.split('e')[1] !== db.split('e')[1]) return 0;
  const ma = da.replace('.', '');
  const mb = db.replace('.', '');
  let n = 0;
  while (n < 17 && ma[n] === mb[n]) n++;
  return n;
}
