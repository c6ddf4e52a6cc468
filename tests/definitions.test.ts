/**
 * The one description of the network's quantities (src/lib/quantities/definitions.ts): every
 * quantity of the contract has exactly one entry, computed ones a definition that reads only
 * quantities; the hand-written `evaluate` of the math module is the definitions bit for bit, for
 * any finite parameters; and no other module restates the arithmetic.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DERIVED_NAMES,
  PARAM_NAMES,
  QUANTITY_NAMES,
  WEIGHT_NAMES,
  atEpoch,
  evaluate,
  isParameter,
  type Params,
  type QuantityName,
  type Snapshot,
} from '../src/lib/backprop';
import { DEFINITIONS, SYMBOLS, definitionOf, evaluateExpr, symbolOf, updateOf, updatedSymbol } from '../src/lib/quantities/definitions';
import { directRefs, ingredientsOf } from '../src/lib/quantities/expr';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFINITIONS_FILE = 'src/lib/quantities/definitions.ts';

/** Parameters from a record of arbitraries per kind of parameter. */
function paramsFrom(value: (name: string) => fc.Arbitrary<number>): fc.Arbitrary<Params> {
  return fc.record(Object.fromEntries(PARAM_NAMES.map((name) => [name, value(name)])) as Record<keyof Params, fc.Arbitrary<number>>);
}

/** What a reader would type: inputs and targets near [0, 1], weights of a few units, a modest rate. */
const sensible = paramsFrom((name) =>
  name === 'lr'
    ? fc.double({ min: 0.001, max: 5, noNaN: true })
    : name.startsWith('t')
      ? fc.double({ min: 0, max: 1, noNaN: true })
      : fc.double({ min: -5, max: 5, noNaN: true }),
);
/** Any finite doubles, with zeros, subnormals and the largest magnitudes drawn often: sums overflow, sigmoids saturate. */
const extreme = paramsFrom(() =>
  fc.oneof(
    fc.constantFrom(0, -0, 5e-324, -5e-324, 1e6, -1e6, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, 709.8, -745.2),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  ),
);

/** Reads a snapshot (`prev`: the one before), as a spreadsheet row reads its cells. */
function reading(now: Snapshot, before?: Snapshot): (name: QuantityName, prev: boolean) => number | undefined {
  return (name, prev) => (prev ? before : now)?.[name];
}

/** Reads only the parameters: everything else must come from the definitions. */
function parametersOnly(p: Params): (name: QuantityName) => number | undefined {
  return (name) => (isParameter(name) ? p[name] : undefined);
}

/** Every .ts, .tsx and .astro file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir)).flatMap((entry) => {
    const rel = `${dir}/${entry}`;
    if (statSync(path.join(repoRoot, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|astro)$/.test(entry) ? [rel] : [];
  });
}

describe('every quantity of the contract has exactly one definition', () => {
  test('one definition per computed quantity and one symbol per quantity of the math module, and no other', () => {
    expect(Object.keys(DEFINITIONS).sort()).toEqual([...DERIVED_NAMES].sort());
    expect(Object.keys(SYMBOLS).sort()).toEqual([...QUANTITY_NAMES].sort());
    // The definitions are written in two parts (forward and backward pass): a name written twice would be lost in them.
    const source = readFileSync(path.join(repoRoot, DEFINITIONS_FILE), 'utf8');
    for (const name of QUANTITY_NAMES) {
      const entries = source.match(new RegExp(`^  ${name}: `, 'gm')) ?? [];
      expect(entries.length, `${name} is written in ${DEFINITIONS_FILE} ${isParameter(name) ? 'once (its symbol)' : 'twice (its definition and its symbol)'}`).toBe(isParameter(name) ? 1 : 2);
    }
  });

  test('the parameters have a symbol only; every computed quantity a definition over quantities, and a symbol', () => {
    for (const name of QUANTITY_NAMES) {
      expect(symbolOf(name).length, name).toBeGreaterThan(0);
      expect(definitionOf(name) === undefined, name).toBe(isParameter(name));
    }
    for (const name of DERIVED_NAMES) {
      for (const ref of directRefs(DEFINITIONS[name])) {
        expect(QUANTITY_NAMES, `${name} reads ${ref.q}`).toContain(ref.q);
        expect(ref.prev, `${name} reads its own epoch`).toBe(false);
      }
      expect(ingredientsOf(DEFINITIONS[name]), `${name} does not read itself`).not.toContain(name);
    }
  });

  test('a weight’s update reads the weight, the rate and the gradient, of the epoch before', () => {
    for (const w of WEIGHT_NAMES) {
      const definition = updateOf(w);
      expect(ingredientsOf(definition)).toEqual([w, 'lr', `dE_d${w}`]);
      expect(directRefs(definition).every((ref) => ref.prev)).toBe(true);
      expect(updatedSymbol(w)).toBe(`${symbolOf(w)}^{+}`);
    }
  });

  test('nothing in src/ but the math module and the definitions writes the arithmetic of a sigmoid or its slope', () => {
    const allowed = new Set(['src/lib/backprop/network.ts', 'src/lib/backprop/training.ts', DEFINITIONS_FILE]);
    const arithmetic = /Math\.exp\(|\*\s*\(1\s*-\s*\w+\)/;
    const offenders = ['src'].flatMap(sourceFiles).filter((file) => !allowed.has(file) && arithmetic.test(readFileSync(path.join(repoRoot, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('evaluate is the definitions, bit for bit', () => {
  const same = (p: Params): void => {
    const s = evaluate(p);
    for (const name of DERIVED_NAMES) {
      const definition = DEFINITIONS[name];
      // One step, from the values it reads…
      expect(Object.is(evaluateExpr(definition, reading(s), p.lr), s[name]), `${name} from its ingredients`).toBe(true);
      // …and all the way from the parameters, through the definitions of everything in between.
      expect(Object.is(evaluateExpr(definition, parametersOnly(p), p.lr), s[name]), `${name} from the parameters`).toBe(true);
    }
  };

  test('for parameters a reader would type', () => {
    fc.assert(fc.property(sensible, same), { numRuns: 500 });
  });

  test('for any finite parameters, at the extremes too (overflow, saturation, zeros)', () => {
    fc.assert(fc.property(extreme, same), { numRuns: 500 });
  });

  test('the update rule, from one epoch, is the next epoch’s weight', () => {
    fc.assert(
      fc.property(fc.oneof(sensible, extreme), fc.integer({ min: 1, max: 5 }), (p, epoch) => {
        const before = atEpoch(p, epoch);
        const after = atEpoch(p, epoch + 1);
        for (const w of WEIGHT_NAMES) {
          const value = evaluateExpr(updateOf(w), reading(after, before), p.lr);
          expect(Object.is(value, after[w]), `${w} at epoch ${epoch + 1}`).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

