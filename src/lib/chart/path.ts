/** SVG path data for a line through a series of values. Pure. */
import type { Scale } from './scale';

/**
 * One decimal of a user unit is finer than a device pixel and keeps the markup
 * short. Far-off positions are pulled in: browsers mis-draw huge coordinates,
 * and String() would write them in exponent form.
 */
function round(v: number): number {
  return Math.round(Math.min(1e5, Math.max(-1e5, v)) * 10) / 10;
}

/**
 * The `d` attribute of a polyline through `values` (index i at x(i)). A value
 * that is not finite, or whose position is not, breaks the line instead of
 * drawing to NaN; the line resumes at the next drawable value. Returns '' when
 * nothing is drawable.
 */
export function linePath(values: ArrayLike<number>, x: Scale, y: Scale): string {
  let d = '';
  let pen = 'M';
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const px = round(x(i));
    const py = round(y(v));
    if (!(Number.isFinite(v) && Number.isFinite(px) && Number.isFinite(py))) {
      pen = 'M';
      continue;
    }
    d += `${pen}${px} ${py}`;
    pen = 'L';
  }
  return d;
}
