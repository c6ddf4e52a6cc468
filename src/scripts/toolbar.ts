/**
 * Keeps the section toolbar (components/Toolbar.astro) live: the precision menu and Reset act on
 * the shared state; the status line says what differs from the article; one polite summary is
 * spoken after the reader pauses, not one per keystroke; and a notice (./query-notice.ts, loaded
 * only when needed) names the address's values that could not be used. Text only ever goes in through textContent.
 */
import { summariseChange, type Said } from '../lib/announce';
import { ARTICLE_PARAMS, PARAM_NAMES, describeDigits, type ParamName, type Params } from '../lib/backprop';
import { PARAM_LABELS } from '../lib/labels';
import noticeUrl from './query-notice.ts?chunk-url';
import { $digits, $params, $queryProblems, $trained, isLocked, resetParams, setDigits, trainingState } from '../state/tutorial';

/** How long the reader must pause before the summary is spoken. */
const ANNOUNCE_AFTER_MS = 700;

function changedNames(params: Params): ParamName[] {
  return PARAM_NAMES.filter((n) => params[n] !== ARTICLE_PARAMS[n]);
}

/** The status line: what differs from the article, and the training on top of it. */
function statusText(): string {
  const { start, trained } = trainingState();
  const changed = changedNames(start).map((n) => PARAM_LABELS[n].symbol).join(', ');
  if (trained === 0) return changed ? `Changed from the article: ${changed}.` : "Showing the article's values.";
  const epochs = `Trained ${trained} epoch${trained === 1 ? '' : 's'} (epoch ${trained + 1})`;
  return changed ? `${epochs} from your values (changed: ${changed}).` : `${epochs} from the article's values.`;
}

/** What the announcement compares. */
const said = (): Said => ({ params: $params.get(), trained: $trained.get() });

/** Wires one toolbar to the shared state. */
export function startToolbar(bar: HTMLElement): void {
  const select = bar.querySelector<HTMLSelectElement>('select[name="digits"]');
  const reset = bar.querySelector<HTMLButtonElement>('[data-action="reset"]');
  const status = bar.querySelector<HTMLElement>('[data-status]');
  const announcer = bar.querySelector<HTMLElement>('[data-announcer]');

  select?.addEventListener('change', () => setDigits(select.value === 'all' ? Infinity : Number(select.value)));
  // Reset leaves locked parameters (an embed's lock=) as they are, so only the others count here.
  const resettable = (params: Params) => changedNames(params).filter((n) => !isLocked(n));
  reset?.addEventListener('click', () => {
    if (resettable($params.get()).length > 0 || $trained.get() > 0) resetParams();
  });

  // What the page opened with is not news; only later edits are announced.
  let announced = said();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = (): void => {
    if (reset) {
      if (resettable($params.get()).length === 0) reset.setAttribute('aria-disabled', 'true');
      else reset.removeAttribute('aria-disabled');
    }
    if (status) status.textContent = statusText();
    clearTimeout(timer);
    timer = setTimeout(() => {
      const summary = summariseChange(announced, said(), $digits.get());
      announced = said();
      if (summary && announcer) announcer.textContent = summary;
    }, ANNOUNCE_AFTER_MS);
  };
  follow();
  clearTimeout(timer);
  $params.listen(follow);
  $digits.subscribe((digits) => {
    if (select) select.value = describeDigits(digits);
  });
  $queryProblems.subscribe((problems) => {
    bar.querySelector('[data-notice="query"]')?.remove();
    if (problems.length === 0) return;
    void import(/* @vite-ignore */ noticeUrl).then(({ queryNotice }: typeof import('./query-notice')) => {
      // Unless they were dismissed or replaced meanwhile.
      if ($queryProblems.get() === problems) bar.append(queryNotice(problems));
    });
  });
}
