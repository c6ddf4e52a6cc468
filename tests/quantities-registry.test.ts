/**
 * The registry of quantities (src/lib/quantities/registry.ts) against the math module: every
 * name has one entry; each formula, computed from its ingredients alone, is `evaluate`'s value
 * bit for bit, for any parameters a field accepts; a formula reads exactly its ingredients and
 * its live template has a slot for each; the ingredient graph has no cycle and ends at the
 * parameters; every TeX typesets with KaTeX in strict mode. And the epoch rules of chain.ts.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import {
  ARTICLE_PARAMS,
  PARAM_NAMES,
  QUANTITY_NAMES,
  WEIGHT_NAMES,
  atEpoch,
  createResolver,
  evaluate,
  isParameter,
  type Params,
  type QuantityName,
  type Snapshot,
} from '../src/lib/backprop';
import { parseSlots, typesetLive } from '../src/lib/live-tex';
import { ENTRY_COUNT, REGISTRY, liveEquation, updateRule, type Formula } from '../src/lib/quantities/registry';
import { consumerRefs, ingredientRefs, kindOf, refAt, retarget } from '../src/lib/quantities/chain';

/** Any value a field accepts (|x| ≤ 1e6), with the edges drawn often. */
const value = fc.oneof(
  fc.constantFrom(1e6, -1e6, 0, 1e-6, -1e-6, 0.5),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double({ min: -3, max: 3, noNaN: true }),
);
const anyParams: fc.Arbitrary<Params> = fc.record(
  Object.fromEntries(PARAM_NAMES.map((name) => [name, value])) as Record<keyof Params, fc.Arbitrary<number>>,
);

/** Runs a formula on the ingredients' values only, recording what it reads; reading anything else fails. */
function computeFrom(f: Formula, s: Snapshot): { value: number; read: Set<string> } {
  const read = new Set<string>();
  const allowed = new Set<string>(f.ingredients);
  const only = new Proxy({} as Record<QuantityName, number>, {
    get(_, key) {
      if (typeof key !== 'string' || !allowed.has(key)) throw new Error(`reads ${String(key)}, not an ingredient`);
      read.add(key);
      return s[key as QuantityName];
    },
  });
  return { value: f.compute(only), read };
}

const derived = QUANTITY_NAMES.filter((n) => REGISTRY[n].formula);

describe('the registry covers the math module', () => {
  test('every name of the math module has an entry, and there is no entry without a name', () => {
    expect(Object.keys(REGISTRY).sort()).toEqual([...QUANTITY_NAMES].sort());
    expect(ENTRY_COUNT, 'entries written (a duplicate would be lost in the record)').toBe(QUANTITY_NAMES.length);
    for (const name of QUANTITY_NAMES) expect(REGISTRY[name].name).toBe(name);
  });

  test('parameters, and only parameters, have no formula', () => {
    for (const name of QUANTITY_NAMES) expect(REGISTRY[name].formula === undefined, name).toBe(isParameter(name));
  });

  test('every entry says in words what it is, and where it is worked out', () => {
    for (const name of QUANTITY_NAMES) {
      const e = REGISTRY[name];
      expect(e.meaning.length, name).toBeGreaterThan(20);
      expect(e.meaning, name).toMatch(/\.$/);
      expect(e.derivedAt.anchor, name).toMatch(/^[a-z0-9-]+$/);
    }
  });
});

describe('each formula is the math module’s, from its ingredients alone', () => {
  test('computed from its ingredients, every entry equals evaluate bit for bit', () => {
    fc.assert(
      fc.property(anyParams, (p) => {
        const s = evaluate(p);
        for (const name of derived) {
          const f = REGISTRY[name].formula;
          if (!f) continue;
          expect(Object.is(computeFrom(f, s).value, s[name]), `${name}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a formula reads each of its ingredients (none is listed for nothing)', () => {
    const s = evaluate(ARTICLE_PARAMS);
    for (const name of derived) {
      const f = REGISTRY[name].formula;
      if (f) expect([...computeFrom(f, s).read].sort(), name).toEqual([...f.ingredients].sort());
    }
  });

  test('its live template has a slot for every ingredient and for nothing else', () => {
    for (const name of derived) {
      const f = REGISTRY[name].formula;
      if (!f) continue;
      const slots = new Set(parseSlots(f.substituted).slots.map((s) => s.name));
      expect([...slots].sort(), name).toEqual([...new Set(f.ingredients)].sort());
    }
  });

  test('the update rule, from the previous epoch, is the next epoch’s weight bit for bit', () => {
    fc.assert(
      fc.property(anyParams, fc.integer({ min: 1, max: 40 }), (p, epoch) => {
        const before = atEpoch(p, epoch);
        const after = atEpoch(p, epoch + 1);
        for (const w of WEIGHT_NAMES) {
          const { value } = computeFrom(updateRule(w).formula, before);
          expect(Object.is(value, after[w]), `${w} at epoch ${epoch + 1}`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the ingredient graph', () => {
  const ingredients = (name: QuantityName): readonly QuantityName[] => REGISTRY[name].formula?.ingredients ?? [];

  test('has no cycle, and every path ends at parameters', () => {
    const done = new Set<QuantityName>();
    const visit = (name: QuantityName, path: readonly QuantityName[]): void => {
      expect(path, `cycle through ${name}`).not.toContain(name);
      if (done.has(name)) return;
      const next = ingredients(name);
      if (next.length === 0) expect(isParameter(name), `${name} has no ingredients but is not a parameter`).toBe(true);
      for (const n of next) visit(n, [...path, name]);
      done.add(name);
    };
    for (const name of QUANTITY_NAMES) visit(name, []);
    expect(done.size).toBe(QUANTITY_NAMES.length);
  });

  test('at a later epoch, a walk through ingredients always reaches the parameters of epoch 1', () => {
    const hasFormula = (n: QuantityName) => REGISTRY[n].formula !== undefined;
    const seen = new Set<string>();
    const leaves = new Set<string>();
    const key = (r: ReturnType<typeof refAt>) => `${r.name}@${r.epoch ?? 1}:${r.lr ?? ''}`;
    const walk = (ref: ReturnType<typeof refAt>, depth: number): void => {
      expect(depth, `walk from E_total at epoch 4 stops (at ${key(ref)})`).toBeLessThan(200);
      if (seen.has(key(ref))) return;
      seen.add(key(ref));
      const next = ingredientRefs(ref, ingredients(ref.name), hasFormula(ref.name));
      if (next.length === 0) leaves.add(key(ref));
      for (const n of next) walk(n, depth + 1);
    };
    walk(refAt('E_total', 4, 2), 0);
    expect([...leaves].sort()).toEqual(PARAM_NAMES.map((n) => `${n}@1:2`).sort());
  });
});

describe('every TeX of the registry typesets with KaTeX in strict mode', () => {
  const strict = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: 'error', output: 'htmlAndMathml' });
  const articleValue = () => ({ value: 1, text: '1' });

  test.each(QUANTITY_NAMES.map((n) => [n]))('%s', (name) => {
    const e = REGISTRY[name];
    expect(() => strict(e.symbol)).not.toThrow();
    if (e.formula) expect(() => strict(e.formula?.tex ?? '')).not.toThrow();
    const html = typesetLive(`\\displaystyle ${liveEquation(name)}`, articleValue, false);
    expect(html).not.toContain('katex-error');
  });

  test.each(WEIGHT_NAMES.map((w) => [w]))('the update rule of %s', (w) => {
    const rule = updateRule(w);
    expect(() => strict(rule.symbol)).not.toThrow();
    expect(() => strict(rule.formula.tex)).not.toThrow();
    expect(typesetLive(liveEquation(w, 2), articleValue)).not.toContain('katex-error');
  });
});

describe('live equations in the registry’s form', () => {
  test('symbol = formula = numbers = result, with the slots of the formula and the result', () => {
    expect(liveEquation('h1')).toBe('h_1 = w_1 i_1 + w_2 i_2 = {{w1}}\\cdot{{i1}} + {{w2}}\\cdot{{i2}} = {{h1}}');
    expect(liveEquation('w5')).toBe('w_5 = {{w5}}');
  });

  test('a weight at a later epoch is its update from the epoch before; inputs and the rate stay at epoch 1', () => {
    expect(liveEquation('w1', 2)).toBe(
      'w_1^{+} = w_1 - \\eta\\,\\frac{\\partial E_{\\mathrm{total}}}{\\partial w_1} = {{w1}} - {{lr}} \\cdot {{dE_dw1}} = {{w1@2}}',
    );
    expect(liveEquation('w1', 3)).toContain('{{w1@2}} - {{lr}} \\cdot {{dE_dw1@2}} = {{w1@3}}');
    expect(liveEquation('h1', 3)).toContain('{{w1@3}}\\cdot{{i1}}');
  });

  test('every slot of every live equation resolves to the math module’s value', () => {
    const resolve = createResolver(ARTICLE_PARAMS);
    for (const name of QUANTITY_NAMES) {
      for (const epoch of WEIGHT_NAMES.includes(name as never) ? [1, 2, 5] : [1, 5]) {
        for (const slot of parseSlots(liveEquation(name, epoch)).slots) expect(Number.isFinite(resolve(slot)), `${name}@${epoch}`).toBe(true);
      }
    }
  });
});

describe('the chain across epochs (chain.ts)', () => {
  test('a weight at a later epoch is made from the weight, the rate and the gradient one epoch before', () => {
    expect(ingredientRefs({ name: 'w5', epoch: 3, lr: 2 }, [], false)).toEqual([
      { name: 'w5', epoch: 2, lr: 2 },
      { name: 'lr', lr: 2 },
      { name: 'dE_dw5', epoch: 2, lr: 2 },
    ]);
    expect(ingredientRefs({ name: 'w5', epoch: 2 }, [], false)).toEqual([{ name: 'w5' }, { name: 'lr' }, { name: 'dE_dw5' }]);
    expect(kindOf({ name: 'w5' }, false)).toBe('parameter');
    expect(kindOf({ name: 'i1', epoch: 4 }, false)).toBe('unchanged');
    expect(ingredientRefs({ name: 'i1', epoch: 4 }, [], false)).toEqual([{ name: 'i1' }]);
  });

  test('what is made from a quantity includes, for what the update reads, the weight one epoch on', () => {
    expect(consumerRefs({ name: 'dE_dw5' }, [])).toEqual([{ name: 'w5', epoch: 2 }]);
    expect(consumerRefs({ name: 'w5', epoch: 2 }, ['o1', 'dE1_da_h1'])).toEqual([
      { name: 'o1', epoch: 2 },
      { name: 'dE1_da_h1', epoch: 2 },
      { name: 'w5', epoch: 3 },
    ]);
    expect(consumerRefs({ name: 'lr' }, [])).toHaveLength(8);
  });

  test('a slot typeset at one epoch moves with the explained quantity; inputs and targets stay', () => {
    expect(retarget({ name: 'w5' }, 2, { name: 'w5', epoch: 7, lr: 0.5 })).toEqual({ name: 'w5', epoch: 6, lr: 0.5 });
    expect(retarget({ name: 'w5', epoch: 2 }, 2, { name: 'w5', epoch: 7 })).toEqual({ name: 'w5', epoch: 7 });
    expect(retarget({ name: 'i1' }, 1, { name: 'h1', epoch: 7 })).toEqual({ name: 'i1' });
  });
});
