/** An exercise named as a student reads it, in plain text: ∂E/∂w₅, or w₁ after one update. */
import type { QuantityName } from '../backprop';
import type { ExerciseDef } from '../exercises';
import { symbolText } from '../labels';

export function exerciseTitle(exercise: Pick<ExerciseDef, 'target' | 'epoch'>): string {
  const symbol = exerciseSymbol(exercise);
  return exercise.epoch ? `${symbol} after one update` : symbol;
}

/** The symbol an exercise's title starts with (∂E/∂w₅, w₁), which is never split across lines. */
export function exerciseSymbol(exercise: Pick<ExerciseDef, 'target'>): string {
  return symbolText(exercise.target.name as QuantityName);
}

/** The address of an exercise inside the site, relative to its base: `1-4-backpropagation/#exercise-dE_dw5`. */
export function exercisePath(exercise: Pick<ExerciseDef, 'section' | 'id'>): string {
  return `${exercise.section}/#exercise-${exercise.id}`;
}

/** The address of an exercise's embed, relative to the site's base: `embed/exercise/dE_dw5/`. */
export function exerciseEmbedPath(exercise: Pick<ExerciseDef, 'id'>): string {
  return `embed/exercise/${exercise.id}/`;
}
