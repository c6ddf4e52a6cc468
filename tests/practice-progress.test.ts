/** Issue 20, item 4: the exercises' memory in localStorage, read forgivingly. */
import { describe, expect, test } from 'vitest';
import {
  NO_PROGRESS,
  SEED_MAX,
  cleanSeed,
  parseProgress,
  randomSeed,
  seedFor,
  serializeProgress,
  solvedCount,
  withExerciseSeed,
  withSeed,
  withSolved,
} from '../src/lib/practice/progress';

describe('stored progress', () => {
  test('round-trips', () => {
    const p = withExerciseSeed(withSeed(withSolved(withSolved(NO_PROGRESS, 'h1'), 'dE_dw5'), 'abc123'), 'w1', 'zz9');
    expect(parseProgress(serializeProgress(p))).toEqual(p);
  });

  test.each([null, '', 'not json', '42', 'null', '[]', '{"solved":"h1"}', '{"solved":[1,null,""]}', '{"seeds":[1]}'])('%s reads as nothing solved', (raw) => {
    const p = parseProgress(raw);
    expect(p.solved).toEqual([]);
    expect(p.seed).toBeUndefined();
  });

  test('keeps what it understands and drops the rest', () => {
    const p = parseProgress('{"solved":["h1","h1",3,"a_h1"],"seed":"  s1 ","seeds":{"h1":"x","o1":4,"E_total":""}}');
    expect(p).toEqual({ solved: ['h1', 'a_h1'], seed: 's1', seeds: { h1: 'x' } });
  });

  test('solving twice counts once', () => {
    const p = withSolved(withSolved(NO_PROGRESS, 'h1'), 'h1');
    expect(p.solved).toEqual(['h1']);
    expect(solvedCount(p, ['h1', 'a_h1', 'o1'])).toBe(1);
  });
});

describe('seeds', () => {
  test("the address's seed wins, then the exercise's own, then the reader's", () => {
    const p = withExerciseSeed(withSeed(NO_PROGRESS, 'mine'), 'h1', 'new');
    expect(seedFor(p, 'h1', 'link')).toBe('link');
    expect(seedFor(p, 'h1', undefined)).toBe('new');
    expect(seedFor(p, 'o1', undefined)).toBe('mine');
    expect(seedFor(NO_PROGRESS, 'o1', undefined)).toBeUndefined();
  });

  test('a pasted seed is trimmed and cut, an empty one is none', () => {
    expect(cleanSeed('  s 12 ')).toBe('s 12');
    expect(cleanSeed('   ')).toBeUndefined();
    expect(cleanSeed(null)).toBeUndefined();
    expect(cleanSeed('x'.repeat(200))).toHaveLength(SEED_MAX);
  });

  test('random seeds are short, readable and differ', () => {
    const seeds = new Set(Array.from({ length: 200 }, () => randomSeed()));
    expect(seeds.size).toBeGreaterThan(195);
    for (const s of seeds) expect(s).toMatch(/^[a-km-np-z2-9]{6}$/);
  });
});
