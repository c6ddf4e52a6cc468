/**
 * The hint ladder of an exercise, TeX: the formula in symbols, the formula with the shown values in
 * place, and the worked step (symbol = formula = numbers = result) that giving up shows.
 */
import { formatTruncated, type Params } from '../backprop';
import { columnTex } from '../mistakes/notes/tex';
import { SLOT_STYLE, ARTICLE_STYLE, texOf, type TexStyle } from '../quantities/tex';
import { shownValues, valueWith, withoutNoise, written } from './chain';
import type { ExerciseDef } from './list';

/** Significant digits of the result in the worked step: more for a weight's update, which changes its later digits. */
function workedDigits(def: ExerciseDef): number {
  return (def.target.epoch ?? 1) > 1 ? 8 : 6;
}

/** A number as TeX: a minus sign, a power of ten for e-notation, in parentheses when negative. */
export function numberTex(text: string): string {
  const tex = text.replace(/\u2212/g, '-').replace(/e(-?\d+)$/, ' \\times 10^{$1}');
  return tex.startsWith('-') ? `(${tex})` : tex;
}

/**
 * A negative number after + or − folds its sign into the operator, as the pages write it:
 * "a + (−b)" is "a − b", "a − (−b)" is "a + b"; one raised to a power keeps its parentheses.
 */
export function foldSigns(tex: string): string {
  return tex.replace(/([+-]) \((-)([^()]*)\)(?!\^)/g, (_all, op: string, _minus: string, magnitude: string) => `${op === '+' ? '-' : '+'} ${magnitude}`);
}

/** The three hints: formula, formula with the shown numbers, worked step. */
export function hints(def: ExerciseDef, config: Params): readonly [formula: string, substituted: string, worked: string] {
  const expr = written(def, null).expr;
  const lhs = columnTex(def.target.name);
  const texts = new Map(shownValues(def, config).map((s) => [s.ref.name, s.text]));
  const numbers: TexStyle = {
    ...SLOT_STYLE,
    quantity: (name) => numberTex(texts.get(name) ?? '?'),
    lr: numberTex(texts.get('lr') ?? '?'),
  };
  const formula = `${lhs} = ${texOf(expr, ARTICLE_STYLE)}`;
  // A negative number leading the line needs no parentheses (unless it is raised to a power).
  const filled = foldSigns(texOf(expr, numbers)).replace(/^\((-[^()]*)\)(?=\s|\\cdot|$)/, '$1');
  const substituted = `${formula} = ${filled}`;
  const result = formatTruncated(withoutNoise(valueWith(def, config, null)), workedDigits(def));
  return [formula, substituted, `${substituted} = ${numberTex(result).replace(/^\((.*)\)$/, '$1')}`];
}
