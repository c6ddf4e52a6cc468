/**
 * The controls every section shares: precision, reset to the article's values,
 * a polite spoken summary after an edit, and a notice when the page's address
 * held values that could not be used.
 *
 * A class component on purpose: the islands every section loads first avoid
 * preact/hooks (about 1 KB gzipped) to stay within the page's JavaScript budget.
 */
import { Component } from 'preact';
import { summariseChange } from '../lib/announce';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, DIGIT_CHOICES, PARAM_NAMES, describeDigits, type Params } from '../lib/backprop';
import type { QueryProblem } from '../lib/params';
import { $digits, $params, $queryProblems, dismissQueryProblems, resetParams, setDigits } from '../state/tutorial';

interface State {
  params: Params;
  digits: number;
  problems: readonly QueryProblem[];
  announcement: string;
}

/** How long the reader must pause before the summary is spoken. */
const ANNOUNCE_AFTER_MS = 700;

export default class Toolbar extends Component<Record<string, never>, State> {
  // The first render matches the server's (the article's values); the state in force follows on mount.
  override state: State = { params: ARTICLE_PARAMS, digits: ARTICLE_DIGITS, problems: [], announcement: '' };
  private stops: (() => void)[] = [];
  private announced: Params = ARTICLE_PARAMS;
  private timer: ReturnType<typeof setTimeout> | undefined;

  override componentDidMount(): void {
    // What the page opened with is not news; only later edits are announced.
    this.announced = $params.get();
    this.stops = [
      $params.subscribe((params) => this.setState({ params }, this.scheduleAnnouncement)),
      $digits.subscribe((digits) => this.setState({ digits })),
      $queryProblems.subscribe((problems) => this.setState({ problems })),
    ];
  }

  override componentWillUnmount(): void {
    for (const stop of this.stops) stop();
    clearTimeout(this.timer);
  }

  /** One polite summary after the reader pauses, not one per keystroke or per number. */
  private scheduleAnnouncement = (): void => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const { params, digits } = this.state;
      const announcement = summariseChange(this.announced, params, digits);
      this.announced = params;
      if (announcement) this.setState({ announcement });
    }, ANNOUNCE_AFTER_MS);
  };

  override render() {
    const { params, digits, problems, announcement } = this.state;
    const changed = PARAM_NAMES.filter((n) => params[n] !== ARTICLE_PARAMS[n]);
    return (
      <div class="toolbar">
        <label class="toolbar-item">
          <span>Significant digits</span>
          <select
            name="digits"
            value={digits === Infinity ? 'all' : String(digits)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDigits(v === 'all' ? Infinity : Number(v));
            }}
          >
            {DIGIT_CHOICES.map((d) => (
              <option key={d} value={d === Infinity ? 'all' : String(d)}>
                {d === ARTICLE_DIGITS ? `${describeDigits(d)}, as the article` : describeDigits(d)}
              </option>
            ))}
          </select>
        </label>
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page top the moment Reset works. */}
        <button
          type="button"
          class="toolbar-item"
          onClick={() => changed.length > 0 && resetParams()}
          aria-disabled={changed.length === 0 ? 'true' : undefined}
          data-action="reset"
        >
          Reset to the article's values
        </button>
        <span class="toolbar-status">
          {changed.length === 0 ? "Showing the article's values." : `Changed from the article: ${changed.join(', ')}.`}
        </span>
        <span class="visually-hidden" aria-live="polite" data-announcer="">
          {announcement}
        </span>
        {problems.length > 0 && (
          <div class="notice" role="status" data-notice="query">
            <p>Some values in the address could not be used; the article's values stand in for them:</p>
            <ul>
              {problems.map((p) => (
                <li key={p.name}>
                  <code>{p.name}</code>: {p.message}
                </li>
              ))}
            </ul>
            <button type="button" onClick={dismissQueryProblems}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    );
  }
}
