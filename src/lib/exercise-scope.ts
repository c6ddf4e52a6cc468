/**
 * Numbers inside an exercise (`data-exercise`) hold the exercise's own dealt configuration, not the
 * page's state: whatever keeps or reads the page's numbers (the page script, explanations, change
 * marks, the tests' page-truth helpers) skips them through these selectors.
 */

/** An exercise block. */
export const EXERCISE = '[data-exercise]';
/** Numbers inside exercises: they follow the exercise's configuration. */
export const EXERCISE_NUMBERS = `${EXERCISE} [data-q]`;
/** Every number that shows the page's state. */
export const PAGE_NUMBERS = `[data-q]:not(${EXERCISE_NUMBERS})`;

/** Whether `el` is inside an exercise block (its numbers are the exercise's, not the page's). */
export function inExercise(el: Element): boolean {
  return el.closest(EXERCISE) !== null;
}
