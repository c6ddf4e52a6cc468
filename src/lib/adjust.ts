/**
 * Changing a parameter where it stands, by steps: the arithmetic of a drag sideways or an arrow
 * key on a number (src/scripts/explain/drag.ts). Pure.
 */
import { PARAM_LIMIT } from './params';

/** One step: a hundredth. */
export const STEP = 0.01;
/** One step with the modifier (Shift): a tenth. */
export const BIG_STEP = 0.1;
/** Sideways pointer movement, in CSS pixels, per step of a drag. */
export const PIXELS_PER_STEP = 4;

/**
 * `value` moved by `steps` steps of `size`, without the binary noise of repeated addition
 * (0.15 + 0.01 is 0.16, not 0.16000000000000003), and within what a field accepts.
 * Rounded to 12 significant digits of the larger of the value and the move, not of the sum:
 * -0.35 and 35 steps up is 0, where the sum alone (5.55e-17) would keep its noise.
 */
export function stepped(value: number, steps: number, size: number): number {
  if (steps === 0) return value;
  const scale = Math.max(Math.abs(value), Math.abs(steps * size), size);
  const decimals = Math.min(20, Math.max(0, 12 - Math.ceil(Math.log10(scale))));
  const next = Number((value + steps * size).toFixed(decimals));
  const clamped = Math.max(-PARAM_LIMIT, Math.min(PARAM_LIMIT, next));
  // -0 would behave as -0 in later arithmetic but print as 0; a field never holds it either.
  return clamped === 0 ? 0 : clamped;
}

/** The whole steps a drag of `dx` pixels sideways has made (toward zero, so a small wobble makes none). */
export function dragSteps(dx: number): number {
  return Math.trunc(dx / PIXELS_PER_STEP) || 0;
}
