/**
 * The controls every section shares: precision, reset to the article's values,
 * and a notice when the page's address held values that could not be used.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { summariseChange } from '../lib/announce';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, DIGIT_CHOICES, PARAM_NAMES, describeDigits } from '../lib/backprop';
import { useDigits, useParams } from './use-tutorial';
import { $queryProblems, dismissQueryProblems, resetParams, setDigits } from '../state/tutorial';

export default function Toolbar() {
  const params = useParams();
  const digits = useDigits();
  const problems = useStore($queryProblems);
  const changed = PARAM_NAMES.filter((n) => params[n] !== ARTICLE_PARAMS[n]);
  const announced = useRef(params);
  const [announcement, setAnnouncement] = useState('');
  // One polite summary after the reader pauses, not one per keystroke or per number.
  useEffect(() => {
    const timer = setTimeout(() => {
      setAnnouncement(summariseChange(announced.current, params, digits));
      announced.current = params;
    }, 700);
    return () => clearTimeout(timer);
  }, [params, digits]);
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
