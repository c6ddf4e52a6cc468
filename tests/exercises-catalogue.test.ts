/**
 * A mistake added to the catalogue later is named by the exercises it applies to, with no change
 * to the exercises' code: rules that exist only in this test are added to the catalogue here.
 */
import { describe, expect, it, vi } from 'vitest';
import { WEIGHT_NAMES, type Params } from '../src/lib/backprop';

vi.mock('../src/lib/mistakes', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/lib/mistakes')>();
  const { formulaRule } = await import('../src/lib/mistakes/rule');
  const { q, sub } = await import('../src/lib/quantities/expr');
  const note = { column: 'dE_dw5', epoch: 1, words: '' } as const;
  const rules = [
    formulaRule({
      id: 'test-targets-subtracted',
      title: 'The second output’s error written t2 − t1',
      short: '',
      columns: ['dE_dw7', 'dE_dw8'],
      variants: [{ replace: { dE_da_o2: sub(q('t2'), q('t1')) } }],
      note,
      explain: () => '',
    }),
    formulaRule({
      id: 'test-t2-in-first-error',
      title: 'The first output’s error measured against t2',
      short: '',
      columns: ['dE_dw5', 'dE_dw6'],
      variants: [{ replace: { dE_da_o1: sub(q('a_o1'), q('t2')) } }],
      note,
      explain: () => '',
    }),
    formulaRule({
      id: 'test-rate-left-out',
      title: 'The update without the learning rate',
      short: '',
      columns: WEIGHT_NAMES,
      variants: [{ rewrite: (e) => (e.k === 'op' && e.op === '-' && e.b.k === 'op' && e.b.op === '*' ? sub(e.a, e.b.b) : e) }],
      note: { ...note, column: 'w1', epoch: 2 },
      explain: () => '',
    }),
  ];
  return { ...actual, MISTAKES: [...actual.MISTAKES, ...rules] };
});

const { deal, exerciseById, judge, shownValues } = await import('../src/lib/exercises');

/** What an exercise shows, by name. */
function shown(id: string, config: Params, epoch?: number): (name: string) => number {
  const def = exerciseById(id, epoch);
  if (!def) throw new Error(id);
  const values = new Map(shownValues(def, config).map((s) => [s.ref.name as string, s.value]));
  return (name) => values.get(name) ?? Number.NaN;
}

describe('a mistake added to the catalogue', () => {
  it('is named where it applies, with its words and formulas; not where it reads a value the exercise does not show', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const config = deal(seed);
      const s7 = shown('dE_dw7', config);
      const [t1, t2, a, h] = [s7('t1'), s7('t2'), s7('a_o2'), s7('a_h1')];
      const targets = (t2 - t1) * (a * (1 - a)) * h;
      const named = judge(exerciseById('dE_dw7') as never, config, targets.toPrecision(6));
      expect(named.kind, seed).toBe('mistake');
      expect(named.mistake?.id).toBe('test-targets-subtracted');
      expect(named.mistake?.title).toBe('The second output’s error written $t_{2}$ − $t_{1}$');
      expect(named.mistake?.wrongTex).toContain('(\\boxed{t_2} - \\boxed{t_1})');

      // ∂E/∂w5 with t2: the exercise shows no t2, so no student made it there.
      const s5 = shown('dE_dw5', config);
      const [a1, h1] = [s5('a_o1'), s5('a_h1')];
      const withT2 = (a1 - config.t2) * (a1 * (1 - a1)) * h1;
      expect(judge(exerciseById('dE_dw5') as never, config, withT2.toPrecision(6)).mistake?.id).not.toBe('test-t2-in-first-error');

      // A rewrite rule: the update without its rate, w1 − ∂E/∂w1.
      const s1 = shown('w1', config, 2);
      const update = s1('w1') - s1('dE_dw1');
      const rate = judge(exerciseById('w1', 2) as never, config, update.toPrecision(8));
      expect(rate.kind, seed).toBe('mistake');
      expect(rate.mistake?.id).toBe('test-rate-left-out');
      // The notes' boxing marks where the two differ (the left-out rate, or what stands in its place).
      expect(`${rate.mistake?.rightTex} ${rate.mistake?.wrongTex}`).toContain('\\boxed{');
      expect(rate.mistake?.rightTex).toContain('\\eta');
      expect(rate.mistake?.wrongTex).not.toContain('\\eta');
    }
  });
});
