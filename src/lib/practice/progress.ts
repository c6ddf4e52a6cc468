/**
 * What the exercises remember, in the reader's own browser only (`localStorage.backpropExercises`,
 * never sent anywhere): which exercises were solved, the reader's seed (one seed deals one
 * configuration, the same for every exercise), and the seeds of exercises given new numbers.
 * Stored as JSON; anything unreadable counts as nothing solved.
 */

/** The localStorage key (the inline head script reads `solved` from it too: src/scripts/theme-boot.js). */
export const PROGRESS_KEY = 'backpropExercises';

/** The exercises' memory. */
export interface Progress {
  /** Solved exercises by name, in the order solved, each once. */
  readonly solved: readonly string[];
  /** The reader's seed, dealt on first open (or taken from a link's `?seed=`). */
  readonly seed?: string;
  /** Exercises given new numbers: their own seed. */
  readonly seeds: Readonly<Record<string, string>>;
}

export const NO_PROGRESS: Progress = { solved: [], seeds: {} };

/** The longest seed kept (a pasted student id is short; anything longer is cut). */
export const SEED_MAX = 64;

/** A seed as typed or pasted: trimmed, inner spaces kept, at most SEED_MAX characters; undefined when empty. */
export function cleanSeed(raw: string | null | undefined): string | undefined {
  const seed = (raw ?? '').trim().slice(0, SEED_MAX);
  return seed === '' ? undefined : seed;
}

const isString = (x: unknown): x is string => typeof x === 'string' && x !== '';

/** Reads the stored JSON; whatever is not understood is dropped, never an error. */
export function parseProgress(raw: string | null | undefined): Progress {
  let data: unknown;
  try {
    data = JSON.parse(raw ?? '');
  } catch {
    return NO_PROGRESS;
  }
  if (typeof data !== 'object' || data === null) return NO_PROGRESS;
  const { solved, seed, seeds } = data as Record<string, unknown>;
  const kept: Record<string, string> = {};
  if (typeof seeds === 'object' && seeds !== null) {
    for (const [name, s] of Object.entries(seeds)) {
      const clean = typeof s === 'string' ? cleanSeed(s) : undefined;
      if (clean) kept[name] = clean;
    }
  }
  const ownSeed = typeof seed === 'string' ? cleanSeed(seed) : undefined;
  return {
    solved: Array.isArray(solved) ? [...new Set(solved.filter(isString))] : [],
    ...(ownSeed ? { seed: ownSeed } : {}),
    seeds: kept,
  };
}

/** The stored form. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** `progress` with `name` solved. */
export function withSolved(progress: Progress, name: string): Progress {
  return progress.solved.includes(name) ? progress : { ...progress, solved: [...progress.solved, name] };
}

/**
 * The seed an exercise deals from: the address's `?seed=` (an instructor's link decides), else the
 * exercise's own (after "New numbers"), else the reader's.
 */
export function seedFor(progress: Progress, name: string, fromAddress: string | undefined): string | undefined {
  return fromAddress ?? progress.seeds[name] ?? progress.seed;
}

/** `progress` with the reader's seed set (a link's seed becomes the reader's, so other pages deal the same numbers). */
export function withSeed(progress: Progress, seed: string): Progress {
  return progress.seed === seed ? progress : { ...progress, seed };
}

/** `progress` with an exercise's own seed (its "New numbers"). */
export function withExerciseSeed(progress: Progress, name: string, seed: string): Progress {
  return { ...progress, seeds: { ...progress.seeds, [name]: seed } };
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const SEED_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Characters in a random seed: 31⁶ ≈ 887 million seeds. */
const SEED_LENGTH = 6;

/** A new random seed, from `random` (32-bit unsigned integers). */
export function randomSeed(random: (count: number) => Uint32Array = (count) => crypto.getRandomValues(new Uint32Array(count))): string {
  return Array.from(random(SEED_LENGTH), (x) => SEED_ALPHABET[x % SEED_ALPHABET.length]).join('');
}

/** "2 of 5 solved": how many of `names` are solved. */
export function solvedCount(progress: Progress, names: readonly string[]): number {
  return names.filter((n) => progress.solved.includes(n)).length;
}
