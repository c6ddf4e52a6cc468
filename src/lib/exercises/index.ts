/**
 * Exercises ("Your turn"): a configuration dealt from a seed, one quantity to work out from the
 * values shown, a typed answer judged right, rounded early, a known mistake of the catalogue or
 * wrong, and a ladder of hints. Pure: no DOM, no state; the page blocks build on this.
 */
export { EXERCISES, exerciseById, type ExerciseDef } from './list';
export { deal, degenerateReasons, hash32, generator, DEALT_RATES } from './deal';
export { parseAnswer, isWrittenValue, MIN_DIGITS, type Parsed } from './answer';
export {
  judge,
  answerOf,
  roundedAnswer,
  mistakeValues,
  applicableWays,
  minimumDigits,
  nameMistake,
  EARLY_ROUNDING,
  MAX_DIGITS,
  type VerdictKind,
  type Verdict,
  type NamedMistake,
  type MistakeValue,
} from './judge';
export { hints, numberTex, foldSigns } from './hints';
export { shownValues, GIVEN_DIGITS, type Shown, type Way } from './chain';
export { wordsTex } from './words';
