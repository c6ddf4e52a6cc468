/** The Train control's arithmetic: how many epochs a frame plays, where training stops. Pure. */
import { ARTICLE_EPOCHS } from '../backprop';

/** Training plays up to the article's last epoch and stops there. */
export const LAST_EPOCH = ARTICLE_EPOCHS;

/** The speeds offered, in epochs per second. */
export const SPEEDS = [2, 10, 30] as const;

/**
 * How many epochs to play after `elapsedMs` at `perSecond`, having already played `played` since
 * play began, without passing the last epoch from `epoch`.
 */
export function epochsDue(elapsedMs: number, perSecond: number, played: number, epoch: number): number {
  const due = Math.floor((Math.max(0, elapsedMs) * perSecond) / 1000) - played;
  return Math.max(0, Math.min(due, LAST_EPOCH - epoch));
}
