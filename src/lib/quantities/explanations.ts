/**
 * What the explanations need, built once at build time from the registry: each quantity's words,
 * its ingredients and what it feeds, where the site derives it, and its symbol and live equation
 * typeset by KaTeX (with the article's values, as the pages are built). Served as one JSON file
 * (src/pages/explanations.json.ts) that the explanation island fetches the first time a reader
 * opens one, so no page carries it and no browser runs KaTeX.
 */
import katex from 'katex';
import { QUANTITY_NAMES, isWeight, type QuantityName, type WeightName } from '../backprop';
import { typesetAtArticleValues } from '../live-tex';
import { EQUATION_EPOCH, UPDATE_EPOCH } from './chain';
import { REGISTRY, liveEquation, updateRule, type DerivedAt } from './registry';

/** A place on the site, as a link: its address (with the site's base path) and its words. */
export interface Place {
  readonly href: string;
  readonly title: string;
}

/** One quantity's explanation, as the island receives it. Markup fields are KaTeX's output. */
export interface Explanation {
  /** One line in words, its symbols typeset (KaTeX HTML and MathML). */
  readonly meaning: string;
  /** The symbol, typeset inline (KaTeX HTML and MathML). */
  readonly symbol: string;
  /** The registry's live equation at epoch 1 (for a parameter, `symbol = value`), typeset. */
  readonly equation: string;
  /** For a weight: the update rule as a live equation at epoch 2, typeset. */
  readonly update?: string;
  readonly ingredients: readonly QuantityName[];
  /** The quantities of the same epoch whose formula reads this one. */
  readonly consumers: readonly QuantityName[];
  readonly derivedAt: Place;
  /** For a weight: where the update rule is explained. */
  readonly updateAt?: Place;
}

/** Every quantity's explanation, by name. */
export type Explanations = Readonly<Record<QuantityName, Explanation>>;

function symbolHtml(tex: string): string {
  const html = katex.renderToString(tex, { output: 'htmlAndMathml', throwOnError: true, strict: 'error' });
  return html.replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/, '');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The registry's words with every quantity it names typeset as its symbol (`a_o1` → a_{o1}): students read symbols, not code names. */
export function meaningHtml(meaning: string): string {
  const names = new RegExp(`\\b(${[...QUANTITY_NAMES].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
  let html = '';
  let from = 0;
  for (const match of meaning.matchAll(names)) {
    const name = match[0] as QuantityName;
    html += `${escapeText(meaning.slice(from, match.index))}${symbolHtml(REGISTRY[name].symbol)}`;
    from = (match.index ?? 0) + name.length;
  }
  return html + escapeText(meaning.slice(from));
}

/** A live equation as the island inserts it: no `data-bind`, since the island, not the page script, keeps it true. */
function equationHtml(template: string): string {
  return typesetAtArticleValues(template, { display: true }).replaceAll(' data-bind=""', '');
}

/** Builds every explanation; `place` turns the registry's places into links for this build. */
export function buildExplanations(place: (at: DerivedAt) => Place): Explanations {
  const consumers = new Map<QuantityName, QuantityName[]>(QUANTITY_NAMES.map((n) => [n, []]));
  for (const name of QUANTITY_NAMES) {
    for (const ingredient of REGISTRY[name].formula?.ingredients ?? []) consumers.get(ingredient)?.push(name);
  }
  const out: Partial<Record<QuantityName, Explanation>> = {};
  for (const name of QUANTITY_NAMES) {
    const entry = REGISTRY[name];
    const rule = isWeight(name) ? updateRule(name as WeightName) : undefined;
    out[name] = {
      meaning: meaningHtml(entry.meaning),
      symbol: symbolHtml(entry.symbol),
      equation: equationHtml(liveEquation(name, EQUATION_EPOCH)),
      ...(rule ? { update: equationHtml(liveEquation(name, UPDATE_EPOCH)), updateAt: place(rule.derivedAt) } : {}),
      ingredients: entry.formula?.ingredients ?? [],
      consumers: consumers.get(name) ?? [],
      derivedAt: place(entry.derivedAt),
    };
  }
  return out as Explanations;
}
