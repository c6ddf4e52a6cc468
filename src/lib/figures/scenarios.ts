/**
 * Scenarios worth trying: named configurations, each with what to notice. The sentences describe
 * the fixed configuration (not the reader's), and every number in them is computed here from the
 * math module, at build time; tests/figures-scenarios.test.ts holds each claim. Pure.
 */
import {
  ARTICLE_EPOCHS,
  ARTICLE_PARAMS,
  atEpoch,
  evaluate,
  formatTruncated,
  lossCurve,
  train,
  type Params,
} from '../backprop';
import { firstRise } from '../chart/oscillation';
import { paramsToQuery, queryString } from '../params';
import { E_TOTAL_TEXT, symbolText } from '../labels';

/** A scenario: its name, where it teaches best, its configuration and what it says. */
export interface Scenario {
  readonly id: 'article' | 'far-targets' | 'saturated' | 'identical' | 'oscillating';
  readonly title: string;
  /** The section slug it links to, and the figure or step on it to open at. */
  readonly page: string;
  readonly hash: string;
  readonly params: Params;
  /** One or two sentences; every number in them is computed. */
  readonly note: string;
}

/** Numbers in scenario sentences are cut to the article's four digits, as everywhere else. */
const cut = (x: number): string => formatTruncated(x, 4);

/** Learning rates tried, in order, when looking for one that makes the error rise. */
export const RATES_TRIED = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;

/** The article's targets moved to the ends of the sigmoid's range. */
export const FAR_TARGETS: Params = Object.freeze({ ...ARTICLE_PARAMS, t1: 0.01, t2: 0.99 });

/** w1 … w4 two hundred times the article's: the hidden sums land far out on the sigmoid's flat tails. */
export const SATURATED: Params = Object.freeze({ ...ARTICLE_PARAMS, w1: 30, w2: 40, w3: 50, w4: 60 });

/** Every weight the same. */
export const IDENTICAL: Params = Object.freeze({
  ...ARTICLE_PARAMS,
  w1: 0.5, w2: 0.5, w3: 0.5, w4: 0.5, w5: 0.5, w6: 0.5, w7: 0.5, w8: 0.5,
});

/** The first of RATES_TRIED at which E_total over 300 epochs from `p` rises again, with that epoch. */
export function oscillatingRate(p: Params = ARTICLE_PARAMS): { lr: number; epoch: number } | undefined {
  for (const lr of RATES_TRIED) {
    const epoch = firstRise(lossCurve({ ...p, lr }, ARTICLE_EPOCHS));
    if (epoch !== undefined) return { lr, epoch };
  }
  return undefined;
}

/** Do the two hidden neurons stay identical (w1 = w3, w2 = w4, a_h1 = a_h2) at every epoch of a run from `p`? */
export function hiddenStayIdentical(p: Params, epochs: number = ARTICLE_EPOCHS): boolean {
  return train(p, epochs).every((s) => s.w1 === s.w3 && s.w2 === s.w4 && s.a_h1 === s.a_h2);
}

/** |∂E/∂w1| as a fraction of |∂E/∂w5|. */
export function hiddenToOutputRatio(p: Params): number {
  const s = evaluate(p);
  return Math.abs(s.dE_dw1) / Math.abs(s.dE_dw5);
}

/** The facts each sentence quotes, computed (exported for the tests). */
export function scenarioFacts() {
  // Each sentence below is written for these facts; a configuration that broke one would need new words.
  const article = evaluate(ARTICLE_PARAMS);
  const far = evaluate(FAR_TARGETS);
  const saturated = evaluate(SATURATED);
  const oscillating = oscillatingRate();
  return {
    article: {
      start: article.E_total,
      end: atEpoch(ARTICLE_PARAMS, ARTICLE_EPOCHS).E_total,
      rises: firstRise(lossCurve(ARTICLE_PARAMS, ARTICLE_EPOCHS)) !== undefined,
    },
    far: {
      start: far.E_total,
      times: far.E_total / article.E_total,
      end: atEpoch(FAR_TARGETS, ARTICLE_EPOCHS).E_total,
      a_o1: atEpoch(FAR_TARGETS, ARTICLE_EPOCHS).a_o1,
    },
    saturated: {
      slope: saturated.da_h1_dh1,
      articleSlope: article.da_h1_dh1,
      ratio: hiddenToOutputRatio(SATURATED),
      articleRatio: hiddenToOutputRatio(ARTICLE_PARAMS),
      w1Moved: Math.abs(atEpoch(SATURATED, ARTICLE_EPOCHS).w1 - SATURATED.w1),
    },
    identical: { stays: hiddenStayIdentical(IDENTICAL) },
    oscillating,
  };
}

/** The scenarios, in the order the pages list them. */
export function scenarios(): Scenario[] {
  const f = scenarioFacts();
  const list: Scenario[] = [
    {
      id: 'article',
      title: 'The article’s configuration',
      page: '1-5-weight-update',
      hash: 'fig-contour',
      params: ARTICLE_PARAMS,
      note:
        `Inputs ${ARTICLE_PARAMS.i1} and ${ARTICLE_PARAMS.i2}, targets ${ARTICLE_PARAMS.t1} and ${ARTICLE_PARAMS.t2}, ` +
        `η = ${ARTICLE_PARAMS.lr}: over ${ARTICLE_EPOCHS} epochs ${E_TOTAL_TEXT} falls from ${cut(f.article.start)} to ` +
        `${cut(f.article.end)}, without a single rise.`,
    },
    {
      id: 'far-targets',
      title: 'Targets 0.01 and 0.99',
      page: '1-5-weight-update',
      hash: 'fig-contour',
      params: FAR_TARGETS,
      note:
        `A larger error to remove: ${E_TOTAL_TEXT} starts at ${cut(f.far.start)}, ${Math.floor(f.far.times)} times the ` +
        `article’s, and after ${ARTICLE_EPOCHS} epochs at η = ${FAR_TARGETS.lr} it is still ${cut(f.far.end)}, with ` +
        `${symbolText('a_o1')} at ${cut(f.far.a_o1)} on its way down to ${FAR_TARGETS.t1}.`,
    },
    {
      id: 'saturated',
      title: 'A saturated hidden layer',
      page: '1-4-backpropagation',
      hash: 'fig-slope',
      params: SATURATED,
      note:
        `With w1 … w4 at ${SATURATED.w1}, ${SATURATED.w2}, ${SATURATED.w3} and ${SATURATED.w4} the hidden sums sit far out on the sigmoid’s flat tail: its slope ` +
        `${symbolText('da_h1_dh1')} is ${cut(f.saturated.slope)} instead of ${cut(f.saturated.articleSlope)}, and |∂E/∂w1| is ` +
        `${cut(f.saturated.ratio)} times |∂E/∂w5|, under a thousandth. That is the vanishing gradient: in ` +
        `${ARTICLE_EPOCHS} epochs at η = ${SATURATED.lr}, w1 moves by ${cut(f.saturated.w1Moved)}.`,
    },
    {
      id: 'identical',
      title: 'Identical weights',
      page: '1-4-backpropagation',
      hash: 'fig-backward',
      params: IDENTICAL,
      note:
        `With every weight at ${IDENTICAL.w1} both hidden neurons receive the same gradients, so they stay the same neuron: ` +
        `w1 = w3, w2 = w4 and ${symbolText('a_h1')} = ${symbolText('a_h2')} at every one of the ${ARTICLE_EPOCHS} epochs. That is the symmetry ` +
        `problem, and why networks start from random weights.`,
    },
  ];
  if (f.oscillating) {
    list.push({
      id: 'oscillating',
      title: `A learning rate of ${f.oscillating.lr}`,
      page: '1-5-weight-update',
      hash: 'fig-contour',
      params: { ...ARTICLE_PARAMS, lr: f.oscillating.lr },
      note:
        `The smallest of the rates ${RATES_TRIED.slice(0, RATES_TRIED.indexOf(f.oscillating.lr as (typeof RATES_TRIED)[number]) + 1).join(', ')} ` +
        `that makes the error go up again: steps overshoot, and ${E_TOTAL_TEXT} first rises at epoch ${f.oscillating.epoch}.`,
    });
  }
  return list;
}

/** A scenario's address relative to the site's base: its page, its query, the figure to open at. */
export function scenarioHref(s: Scenario): string {
  return `${s.page}/${queryString(paramsToQuery(s.params))}#${s.hash}`;
}
