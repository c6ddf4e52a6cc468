/**
 * The exercise code, loaded when a "Your turn" block is first opened (src/scripts/exercises.ts):
 * deals the block's numbers from its seed and renders it (./Block.tsx). The seed is the address's
 * `?seed=` (an instructor's link: it becomes the reader's seed, so other pages deal the same
 * numbers), else the block's own after "New numbers", else the reader's, made on first open and
 * kept in this browser so that a reload shows the same numbers.
 */
import { h, render } from 'preact';
import { PARAM_NAMES } from '../../lib/backprop';
import { deal, exerciseById } from '../../lib/exercises';
import { symbolText } from '../../lib/labels';
import { isParamName, paramsFromQuery } from '../../lib/params';
import { exerciseTitle } from '../../lib/practice/title';
import { cleanSeed, randomSeed, seedFor, withExerciseSeed, withSeed, withSolved } from '../../lib/practice/progress';
import Block from './Block';
import openStyles from '../../styles/exercise-open.css?url';
import { addStylesheet } from '../stylesheet';
import { readProgress, updateProgress } from './store';

const SEED = 'seed';

/** The seed an instructor's link gives (`?seed=`), if any. */
function addressSeed(): string | undefined {
  return cleanSeed(new URLSearchParams(location.search).get(SEED));
}

/** The address without its seed: a block given new numbers no longer follows it. */
function dropAddressSeed(): void {
  const search = new URLSearchParams(location.search);
  if (!search.has(SEED)) return;
  search.delete(SEED);
  const query = search.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/**
 * In an exercise's embed, values its address gives replace the dealt ones and lock= keeps the numbers
 * as they are; values that cannot be used are named in the embed's notice, and the dealt ones used.
 */
function embedOptions(): { fixedNames: string[]; fixedQuery: URLSearchParams; lockNumbers: boolean } {
  if (!document.documentElement.hasAttribute('data-exercise-embed')) return { fixedNames: [], fixedQuery: new URLSearchParams(), lockNumbers: false };
  // The address as the embed was opened with: the page's state module, which this code brings along, has
  // since dropped from it what it could not use and the article's own values.
  const opened = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.name ?? location.href;
  const search = new URL(opened, location.href).searchParams;
  const { problems } = paramsFromQuery(search);
  const notice = document.querySelector<HTMLElement>('[data-embed-notice]');
  if (notice && problems.length > 0 && notice.hidden) {
    const list = document.createElement('ul');
    for (const problem of problems) {
      const item = document.createElement('li');
      item.textContent = `${isParamName(problem.name) ? symbolText(problem.name) : problem.name}: ${problem.message} The dealt value is used.`;
      list.append(item);
    }
    notice.append(list);
    notice.hidden = false;
  }
  const fixedNames = PARAM_NAMES.filter((n) => search.has(n) && !problems.some((p) => p.name === n));
  return { fixedNames, fixedQuery: search, lockNumbers: fixedNames.length > 0 || search.has('lock') };
}

/** Renders an opened block, once. */
export function openExercise(block: HTMLDetailsElement): void {
  const live = block.querySelector<HTMLElement>('[data-exercise-live]');
  const name = block.dataset['exercise'] ?? '';
  const exercise = exerciseById(name, block.dataset['epoch'] ? Number(block.dataset['epoch']) : undefined);
  if (!live || !exercise || live.hasAttribute('data-started')) return;
  live.setAttribute('data-started', '');
  // The open blocks' stylesheet (the CSP allows this origin's stylesheets).
  void addStylesheet(openStyles);
  live.textContent = '';
  const title = exerciseTitle(exercise);
  const { fixedNames, fixedQuery, lockNumbers } = embedOptions();

  const fromLink = addressSeed();
  let seed = seedFor(readProgress(), name, fromLink);
  if (fromLink) updateProgress((p) => withSeed(p, fromLink));
  else if (!seed) {
    const made = randomSeed();
    seed = updateProgress((p) => (p.seed ? p : withSeed(p, made))).seed ?? made;
  }

  const show = (dealtFrom: string): void => {
    block.dataset['seed'] = dealtFrom;
    const dealt = deal(dealtFrom);
    const config = fixedNames.length > 0 ? paramsFromQuery(fixedQuery, dealt).params : dealt;
    render(
      h(Block, {
        exercise,
        seed: dealtFrom,
        config,
        fixed: fixedNames,
        canDeal: !lockNumbers,
        title,
        onDeal: () => {
          const fresh = randomSeed();
          updateProgress((p) => withExerciseSeed(p, name, fresh));
          dropAddressSeed();
          show(fresh);
        },
        onSolved: () => updateProgress((p) => withSolved(p, name)),
      }),
      live,
    );
  };
  show(seed ?? randomSeed());
}
