/** Spotting where gradient descent stops going steadily downhill. Pure. */

/**
 * Below this a squared error only measures rounding: a_o ≈ 0.5 carries about
 * 1e-16 of absolute precision, so (t − a_o)² cannot resolve changes much under
 * 1e-30. Rises down there are noise, not oscillation.
 */
export const LOSS_NOISE_FLOOR = 1e-30;

/**
 * The first epoch (1-based, as on the page) whose loss is higher than the
 * epoch before, after the loss has fallen at least once: where a learning
 * rate starts to overshoot. `undefined` when the loss never rises after a
 * fall (steady descent, or a run that only climbs, as with a negative rate).
 * Non-finite values and values under the noise floor are neither a rise nor a fall.
 */
export function firstRise(loss: ArrayLike<number>, floor: number = LOSS_NOISE_FLOOR): number | undefined {
  let fell = false;
  for (let i = 1; i < loss.length; i++) {
    const before = loss[i - 1] as number;
    const now = loss[i] as number;
    if (!(Number.isFinite(before) && Number.isFinite(now)) || Math.max(before, now) < floor) continue;
    if (now < before) fell = true;
    else if (now > before && fell) return i + 1;
  }
  return undefined;
}
