/**
 * The exercises' pure logic (issue 20): what each asks and where it sits, the judge's verdicts
 * against values computed here from the math module and from the catalogue's stated wrong
 * formulas, the hints, and the configurations dealt from seeds.
 */
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import { atEpoch, isParameter, type Params, type QuantityName } from '../src/lib/backprop';
import { MISTAKES, type Variant } from '../src/lib/mistakes';
import { columnFormula, definitionOf, evaluateExpr, replaceQuantities, type Getter } from '../src/lib/quantities/definitions';
import { ingredientsOf, q, type Expr } from '../src/lib/quantities/expr';
import { stepsIn } from '../src/lib/steps';
import {
  EXERCISES,
  answerOf,
  applicableWays,
  deal,
  exerciseById,
  foldSigns,
  hints,
  judge,
  minimumDigits,
  roundedAnswer,
  shownValues,
  type ExerciseDef,
} from '../src/lib/exercises';

vi.setConfig({ testTimeout: 60_000 });

const SEEDS = Array.from({ length: 40 }, (_, i) => `student-${i}`);
const configs = SEEDS.map(deal);

/** The values an exercise shows, by name and epoch. */
function shownMap(def: ExerciseDef, config: Params): Map<string, number> {
  return new Map(shownValues(def, config).map((s) => [`${s.ref.name}@${s.ref.epoch ?? 1}`, s.value]));
}

const key = (name: QuantityName, epoch: number) => `${name}@${isParameter(name) && !/^w/.test(name) ? 1 : epoch}`;

/**
 * The value a student gets with one way of a mistake, computed here apart from the judge: a
 * workbook whose cells hold the shown values where the exercise shows them, and elsewhere the
 * catalogue's stated formula: the rule's wrong one (its variant applied by the catalogue's own
 * functions, not looking through a shown value) in a column it changes, in the target too when
 * the rewrite reaches it, the right one otherwise. Undefined when it needs a parameter not shown.
 */
function statedValue(def: ExerciseDef, config: Params, rule: (typeof MISTAKES)[number] | null, variant: Variant | undefined): number | undefined {
  const shown = shownMap(def, config);
  const top = def.target.epoch ?? 1;
  let needsUnshown = false;
  const stops = (): Record<string, Expr> => Object.fromEntries([...shown.keys()].map((k) => k.split('@')[0] as QuantityName).map((n) => [n, q(n)]));
  /** The rule's formula for a quantity, or null where it states none. */
  const wrong = (name: QuantityName, right: Expr, asTarget: boolean): Expr | null => {
    if (!rule) return null;
    if (!variant) return 'wrongFormula' in rule && rule.columns.includes(name) ? rule.wrongFormula(name) : null;
    if (!('replace' in variant)) return rule.columns.includes(name) ? variant.rewrite(right) : null;
    // Shown values stay as shown, unless the mistake reads another value in their place.
    const replace = { ...stops(), ...Object.fromEntries(Object.entries(variant.replace).filter(([n, r]) => !shown.has(key(n as QuantityName, top)) || r.k === 'q')) };
    if (rule.columns.includes(name)) return replaceQuantities(right, replace);
    if (!asTarget) return null;
    // The target inside a column's rewrite: the rule's replacements written into its own formula.
    const reached = rule.columns.some((c) => {
      const f = columnFormula(c, false);
      return f !== null && JSON.stringify(replaceQuantities(f, { [name]: q('lr' as QuantityName) })) !== JSON.stringify(f);
    });
    if (!reached) return null;
    const own = variant.replace[name];
    return own ?? replaceQuantities(right, replace);
  };
  const value = (name: QuantityName, epoch: number, asTarget = false): number => {
    const s = shown.get(key(name, epoch));
    if (s !== undefined) return s;
    const right = columnFormula(name, epoch === 1 || !/^w/.test(name)) ?? (isParameter(name) ? null : definitionOf(name) ?? null);
    if (!right) {
      needsUnshown = true;
      return atEpoch(config, epoch)[name];
    }
    const formula = wrong(name, right, asTarget) ?? right;
    const get: Getter = (n, prev) => value(n, prev ? epoch - 1 : epoch);
    if (ingredientsOf(formula).includes('lr') && !shown.has('lr@1')) needsUnshown = true;
    const lr = rule && 'rateInto' in rule && epoch > 1 ? rule.rateInto(epoch, config.lr, (n) => get(n, true)) : config.lr;
    return evaluateExpr(formula, get, lr);
  };
  const v = value(def.target.name, top, true);
  return needsUnshown ? undefined : v;
}

/** The ways of each mistake: a formula rule's variants; a rule with only a wrong formula once; none for one no number shows. */
const WAYS = MISTAKES.flatMap((rule): { rule: (typeof MISTAKES)[number]; variant: Variant | undefined }[] =>
  'variants' in rule ? rule.variants.map((variant) => ({ rule, variant })) : 'wrongFormula' in rule ? [{ rule, variant: undefined }] : [],
);

/** Typed as a student would: `digits` significant digits, cut. */
function typedCut(x: number, digits: number): string {
  const [m = '', e = '0'] = Math.abs(x).toExponential(16).split('e');
  const kept = m.replace('.', '').slice(0, digits);
  const mantissa = `${kept[0]}.${kept.slice(1)}`;
  return `${x < 0 ? '-' : ''}${mantissa}e${e}`;
}

/** Code names a student must never read: a_h1, dE_dw3, E_total, da_h1_dh1. */
const CODE_NAME = /\b(?:[a-zA-Z]+_[a-zA-Z0-9]+|dE\w*|lr)\b/;

/** The text of a message or title outside its `$…$` TeX. */
const words = (text: string) => text.replace(/\$[^$]*\$/g, '');

function typesets(tex: string): void {
  expect(() => katex.renderToString(tex, { throwOnError: true, strict: 'error' }), tex).not.toThrow();
}

describe('the exercises', () => {
  it('one for each point the issue lists: the forward pass, every gradient and the hidden factors, each weight after an update', () => {
    const ids = EXERCISES.map((e) => `${e.id}${e.epoch ? `@${e.epoch}` : ''}`);
    expect(ids).toEqual(
      expect.arrayContaining(['h1', 'a_h1', 'o1', 'a_o1', 'E_total', 'dE_da_h1', 'da_h1_dh1', ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((k) => [`dE_dw${k}`, `w${k}@2`])]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(exerciseById('w3')?.epoch).toBe(2);
    expect(exerciseById('w3', 2)?.target).toEqual({ name: 'w3', epoch: 2 });
    expect(exerciseById('w3', 1)).toBeUndefined();
    expect(exerciseById('dE_dw3')?.target).toEqual({ name: 'dE_dw3' });
    expect(exerciseById('nothing')).toBeUndefined();
  });

  it('sits on a section page that exists, after a step or heading that page has', () => {
    for (const def of EXERCISES) {
      const mdx = readFileSync(new URL(`../content/${def.section}.mdx`, import.meta.url), 'utf8');
      const headings = [...mdx.matchAll(/^#{2,3} (.+)$/gm)].map((m) => (m[1] ?? '').toLowerCase().replace(/[^a-z0-9 -]/g, '').trim().replace(/ +/g, '-'));
      const places = [...headings, ...stepsIn(mdx).map((s) => `step-${s.n}`)];
      expect(places, def.id).toContain(def.place);
    }
  });

  it('stands in its content where its place says: inside its step, or under its heading', () => {
    const slug = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').trim().replace(/ +/g, '-');
    for (const section of new Set(EXERCISES.map((e) => e.section))) {
      const mdx = readFileSync(new URL(`../content/${section}.mdx`, import.meta.url), 'utf8');
      let place = '';
      const found: string[] = [];
      for (const line of mdx.split('\n')) {
        const step = /^<Step n=\{(\d+)\}/.exec(line);
        const heading = /^#{2,3} (.+)$/.exec(line);
        const block = /^<Exercise q="(\w+)"(?: epoch=\{2\})? \/>/.exec(line);
        if (step) place = `step-${step[1]}`;
        else if (heading) place = slug(heading[1] ?? '');
        else if (block) found.push(`${block[1]} ${place}`);
      }
      const expected = EXERCISES.filter((e) => e.section === section).map((e) => `${e.id} ${e.place}`);
      expect(found, section).toEqual(expected);
    }
  });

  it('every step of 1.4 has one, at least', () => {
    const mdx = readFileSync(new URL('../content/1-4-backpropagation.mdx', import.meta.url), 'utf8');
    const steps = stepsIn(mdx).map((s) => `step-${s.n}`);
    expect(steps.length).toBe(8);
    const placed = new Set(EXERCISES.filter((e) => e.section === '1-4-backpropagation').map((e) => e.place));
    expect(steps.filter((step) => !placed.has(step))).toEqual([]);
  });

  it('shows enough to work the answer out and asks in words and symbols, never code names', () => {
    for (const def of EXERCISES) {
      const config = configs[0] as Params;
      expect(statedValue(def, config, null, undefined), def.id).toBe(answerOf(def, config));
      expect(words(def.question), def.id).not.toMatch(CODE_NAME);
      for (const tex of def.question.match(/\$[^$]*\$/g) ?? []) typesets(tex.slice(1, -1));
    }
  });
});

describe('judging an answer', () => {
  it('the right value typed to 4, 6 and 17 significant digits is right, cut or rounded, with a comma as well as a point', () => {
    configs.forEach((config, i) => {
      for (const def of EXERCISES) {
        const x = atEpoch(config, def.target.epoch ?? 1)[def.target.name];
        // The exercise computes from the values it shows (cut to 4 digits), so its answer is within their precision of the network's.
        const answer = answerOf(def, config);
        expect(Math.abs(answer - x), def.id).toBeLessThan(1e-2 * Math.abs(x) + 1e-4);
        const least = minimumDigits(def, config);
        for (const digits of [Math.max(4, least), 6, 17]) {
          expect(judge(def, config, typedCut(answer, digits)).kind, `${SEEDS[i]} ${def.id} ${digits}`).toBe('right');
          expect(judge(def, config, answer.toPrecision(digits)).kind, `${SEEDS[i]} ${def.id} ${digits}`).toBe('right');
        }
        expect(judge(def, config, answer.toPrecision(6).replace('.', ',')).kind).toBe('right');
      }
    });
  });

  it('every catalogue mistake that applies is named, with its value computed from the rule’s stated wrong formula', () => {
    const named = new Map<string, number>();
    configs.forEach((config, i) => {
      for (const def of EXERCISES) {
        const right = answerOf(def, config);
        const byValue = WAYS.map(({ rule, variant }) => ({ rule, value: statedValue(def, config, rule, variant) }));
        for (const { rule, value } of byValue) {
          if (value === undefined || !Number.isFinite(value) || Math.abs(value - right) < 1e-3 * Math.abs(right)) continue;
          const verdict = judge(def, config, value.toPrecision(6));
          const label = `${SEEDS[i]} ${def.id}${def.epoch ? '@2' : ''} ${rule.id}`;
          // Where two ways give one value the first in the catalogue is named; rounding early is checked before.
          if (verdict.kind === 'rounded') continue;
          expect(verdict.kind, label).toBe('mistake');
          const same = byValue.filter((o) => o.value !== undefined && Math.abs(o.value - value) < 1e-9 * Math.abs(value)).map((o) => o.rule.id);
          expect(same, label).toContain(verdict.mistake?.id);
          if (verdict.mistake?.id === rule.id) named.set(`${def.id}${def.epoch ? '@2' : ''} ${rule.id}`, (named.get(`${def.id} ${rule.id}`) ?? 0) + 1);
        }
      }
    });
    // And the judge names none the stated formulas do not give.
    for (const def of EXERCISES) {
      for (const way of applicableWays(def)) {
        const rule = MISTAKES.find((r) => r.id === way.rule.id) ?? null;
        expect(statedValue(def, configs[0] as Params, rule, way.variant), `${def.id} ${way.rule.id}`).not.toBe(answerOf(def, configs[0] as Params));
      }
    }
    // The pairs the tutorial's notes are about, each found.
    const pairs = ['E_total e2-uses-a-o1', 'E2 e2-uses-a-o1', 'dE_da_o1 t-minus-a', 'dE_da_o1 half-misplaced', 'da_o1_do1 sigmoid-slope-plus', 'dE_dw5 missing-slope', 'dE_dw5 sum-for-activation'];
    pairs.push('da_h1_dh1 sigmoid-slope-plus', 'dE_dw7 t1-for-t2', 'dE_dw3 slope-a-h1', 'dE_dw4 slope-a-h1', 'dE_dw4 missing-slope', 'w1@2 plus-not-minus');
    for (const pair of pairs) {
      expect([...named.keys()], pair).toContain(pair);
    }
    // A mistake in a value the exercise shows is not the student's: the update is given its gradient.
    expect([...named.keys()]).not.toContain('w1@2 sigmoid-slope-plus');
    expect([...named.keys()]).not.toContain('dE_dw1 t1-for-t2');
  });

  it('names a mistake with the catalogue’s words and its formula right and wrong, in symbols', () => {
    const config = configs[0] as Params;
    const def = exerciseById('dE_dw3') as ExerciseDef;
    const rule = MISTAKES.find((r) => r.id === 'slope-a-h1');
    if (!rule || !('variants' in rule)) throw new Error('slope-a-h1 is a formula rule');
    const value = statedValue(def, config, rule, rule.variants[0]) as number;
    const verdict = judge(def, config, value.toPrecision(8));
    expect(verdict.mistake?.id).toBe('slope-a-h1');
    expect(verdict.mistake?.wrongTex).toContain('\\boxed{a_{h1}}');
    expect(verdict.mistake?.rightTex).toContain('\\boxed{a_{h2}}');
    for (const text of [verdict.message, verdict.mistake?.title ?? '']) expect(words(text)).not.toMatch(CODE_NAME);
    typesets(verdict.mistake?.rightTex ?? '');
    typesets(verdict.mistake?.wrongTex ?? '');
  });

  it('intermediate results rounded to 3 digits give rounded, told as such', () => {
    let told = 0;
    configs.forEach((config) => {
      for (const def of EXERCISES) {
        const early = roundedAnswer(def, config, 3);
        const typed = early.toPrecision(Math.max(6, minimumDigits(def, config)));
        const verdict = judge(def, config, typed);
        if (verdict.kind === 'right') continue; // no intermediate result here has more than 3 digits
        expect(verdict.kind, `${def.id} ${typed} (right ${answerOf(def, config)})`).toBe('rounded');
        expect(verdict.message).toMatch(/rounded too early/);
        told++;
      }
    });
    expect(told).toBeGreaterThan(configs.length * EXERCISES.length * 0.5);
  });

  it('a value 10 % off that no mistake or rounding explains is wrong, with the formula as a first hint', () => {
    configs.forEach((config) => {
      for (const def of EXERCISES) {
        const answer = answerOf(def, config);
        const off = answer * 1.1;
        const explained = WAYS.some(({ rule, variant }) => {
          const v = statedValue(def, config, rule, variant);
          return v !== undefined && Math.abs(v - off) < 1e-4 * Math.abs(off);
        });
        if (explained) continue;
        const verdict = judge(def, config, off.toPrecision(6));
        expect(verdict.kind, def.id).toBe('wrong');
        expect(verdict.message).toContain(hints(def, config)[0]);
        expect(words(verdict.message)).not.toMatch(CODE_NAME);
      }
    });
  });

  it('bad input is invalid with a message that says what to type; nothing else is read', () => {
    const def = exerciseById('dE_dw5') as ExerciseDef;
    const config = configs[0] as Params;
    const cases: [string, RegExp][] = [
      ['', /number/i],
      ['   ', /number/i],
      ['abc', /not a formula or letters/],
      ['1e999', /too large/],
      ['-1e999', /too large/],
      ['0.5*0.3', /not a formula/],
      ['=A1*B1', /not a formula/],
      ['σ(0.3)', /not a formula/],
      ['0.0123 0.0456', /.+/],
      ['1,5', /at least 4 significant digits/],
      ['0.012', /at least 4 significant digits/],
      ['0', /at least 4 significant digits/],
      ['1.2.3', /not a number/],
    ];
    for (const [typed, message] of cases) {
      const verdict = judge(def, config, typed);
      expect(verdict.kind, typed).toBe('invalid');
      expect(verdict.message, typed).toMatch(message);
      expect(words(verdict.message)).not.toMatch(CODE_NAME);
    }
    // An exact answer is right with all its digits, even fewer than 4: an instructor's values may make it 0.
    const zero = exerciseById('dE_dw1') as ExerciseDef;
    const noInput = { ...config, i1: 0 };
    expect(Math.abs(answerOf(zero, noInput))).toBe(0);
    expect(judge(zero, noInput, '0').kind).toBe('right');
    expect(judge(zero, noInput, '0.5').kind).toBe('invalid');
    const sum = exerciseById('h1') as ExerciseDef;
    const short = { ...config, i1: 0.5, i2: 0.1, w1: 0.3, w2: 0.2 };
    expect(answerOf(sum, short)).toBeCloseTo(0.17, 15);
    expect(judge(sum, short, '0.17').kind).toBe('right');
    expect(judge(sum, short, '0,17').kind).toBe('right');
    expect(judge(sum, short, '0.18').kind).toBe('invalid');
    // A comma is a decimal point, a typographic minus a minus; spaces are ignored.
    const answer = answerOf(def, config);
    expect(judge(def, config, ` ${answer.toPrecision(5).replace('.', ',').replace('-', '\u2212')} `).kind).toBe('right');
  });
});

describe('the hints', () => {
  it('fold a negative number’s sign into the + or − before it, except under a power', () => {
    expect(foldSigns('0.5 + (-0.1041) \\cdot 2')).toBe('0.5 - 0.1041 \\cdot 2');
    expect(foldSigns('0.5 - (-0.2)')).toBe('0.5 + 0.2');
    expect(foldSigns('(0.4 - (-0.2))^2')).toBe('(0.4 + 0.2)^2');
    expect(foldSigns('0.5 + (-0.2)^2')).toBe('0.5 + (-0.2)^2');
    expect(foldSigns('(-0.3) \\cdot 0.5')).toBe('(-0.3) \\cdot 0.5');
  });


  it('climb from the formula to the numbers to the worked step, which ends with the answer; all typeset, in symbols', () => {
    configs.slice(0, 5).forEach((config) => {
      for (const def of EXERCISES) {
        const [formula, substituted, worked] = hints(def, config);
        expect(substituted.startsWith(formula), def.id).toBe(true);
        expect(worked.startsWith(substituted), def.id).toBe(true);
        // Every number put in is one the exercise shows (or a constant of the formula).
        // A negative one after + or − is written as its magnitude, its sign folded into the operator.
        const texts = new Set(['1', '2', ...shownValues(def, config).flatMap((s) => [s.text.replace('\u2212', '-'), s.text.replace('\u2212', '')])]);
        expect(substituted, def.id).not.toMatch(/[+-] \(-/);
        for (const m of substituted.slice(formula.length).replace(/\\tfrac\{1\}\{2\}/g, '').matchAll(/-?\d+(?:\.\d+)?/g)) expect(texts, `${def.id} ${substituted}`).toContain(m[0]);
        const resultText = (worked.split(' = ').at(-1) ?? '').replace(/[()]/g, '').replace(/ \\times 10\^\{(-?\d+)\}$/, 'e$1');
        const result = Number(resultText);
        expect(judge(def, config, resultText).kind, `${def.id} ${worked}`).toBe('right');
        for (const tex of [formula, substituted, worked]) {
          typesets(tex);
          expect(tex).not.toMatch(/dE_|a_h|a_o|_total|\{\{/);
        }
        // The formula alone gives no number away.
        expect(formula).not.toContain(String(result));
      }
    });
  });
});

describe('dealing configurations', () => {
  it('the same seed gives the same values, other seeds others, from a hash written here (FNV-1a)', () => {
    expect(deal('alice')).toEqual(deal('alice'));
    expect(deal('alice')).not.toEqual(deal('bob'));
    expect(new Set(configs.map((c) => JSON.stringify(c))).size).toBe(configs.length);
  });

  it('1,000 seeds give hand-friendly values and no degenerate case', () => {
    const rates = new Set<number>();
    let negative = 0;
    for (let i = 0; i < 1000; i++) {
      const config = deal(`${i}`);
      const s = atEpoch(config, 1);
      for (const name of ['i1', 'i2', 't1', 't2', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'] as const) {
        expect(Math.round(config[name] * 100) / 100, name).toBe(config[name]);
        expect(Math.abs(config[name])).toBeGreaterThan(0);
        expect(Math.abs(config[name])).toBeLessThan(1);
        if (config[name] < 0) negative++;
      }
      rates.add(config.lr);
      expect(config.lr).toBeGreaterThan(0);
      expect(config.lr).toBeLessThanOrEqual(1);
      for (const sum of ['h1', 'h2', 'o1', 'o2'] as const) expect(Math.abs(s[sum])).toBeLessThan(6);
      expect(Math.abs(s.a_o1 - s.t1)).toBeGreaterThanOrEqual(0.02);
      expect(Math.abs(s.a_o2 - s.t2)).toBeGreaterThanOrEqual(0.02);
      for (const def of EXERCISES) {
        const answer = answerOf(def, config);
        expect(Number.isFinite(answer) && Math.abs(answer) >= 1e-4, `${i} ${def.id} ${answer}`).toBe(true);
        for (const shown of shownValues(def, config)) expect(Math.abs(shown.value), `${i} ${def.id}`).toBeGreaterThanOrEqual(1e-4);
      }
    }
    expect(rates.size).toBeGreaterThan(3);
    expect(negative).toBeGreaterThan(1000);
  });

  it('never deals the article’s values', () => {
    for (const seed of ['', 'article', '0']) expect(deal(seed)).not.toEqual(expect.objectContaining({ w1: 0.15, w2: 0.2, w3: 0.25, w4: 0.3 }));
  });
});
