/**
 * Section 1.5's epoch stepper: walks training forward and back one update at a
 * time at the reader's learning rate. The epoch shown is this island's own view
 * state; the reader's parameters change only through "Use these weights", which trains the shared
 * state that many epochs (the address says `trained=`, not eight long weights).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { atEpoch, formatTruncated, WEIGHT_NAMES } from '../lib/backprop';
import { shown } from '../lib/dom-contract/write';
import { canTrain, train } from '../state/tutorial';
import { useDigits, useParams } from './use-tutorial';
import { symbolText } from '../lib/labels';

const ROWS = ['E1', 'E2', ...WEIGHT_NAMES] as const;

export default function EpochStepper() {
  const params = useParams();
  const digits = useDigits();
  const [epoch, setEpoch] = useState(1);
  const [said, setSaid] = useState('');
  const s = useMemo(() => atEpoch(params, epoch), [params, epoch]);
  // In an embed whose course page fixes a weight, the weights cannot be taken over (after hydration, as the server rendered it free).
  const [weightsFixed, setWeightsFixed] = useState(false);
  useEffect(() => setWeightsFixed(!canTrain()), []);

  // Announce only what a button did, not every keystroke elsewhere on the page.
  const go = (n: number) => {
    setEpoch(n);
    setSaid(`Epoch ${n}: the total error is ${formatTruncated(atEpoch(params, n).E_total, digits)}`);
  };
  const adopt = () => {
    if (!train(epoch - 1)) return;
    setEpoch(1);
    setSaid(`Epoch ${epoch}'s weights are now the starting weights.`);
  };

  return (
    <div class="stepper">
      <div class="stepper-controls">
        <button type="button" onClick={() => go(epoch - 1)} disabled={epoch <= 1}>
          Previous epoch
        </button>
        <button type="button" onClick={() => go(epoch + 1)}>
          Next epoch
        </button>
        <button type="button" onClick={() => go(1)} disabled={epoch <= 1}>
          Back to epoch 1
        </button>
      </div>
      {/* Keyboard stops for the numbers (src/scripts/explain/stops.ts). */}
      <p class="stepper-total" data-explain-stop="" tabIndex={0} role="group" aria-label="Total error" aria-describedby="explain-keys">
        Epoch <strong>{epoch}</strong>
        {epoch > 1 ? ` (after ${epoch - 1} update${epoch > 2 ? 's' : ''} at η = ` : ' (the starting weights'}
        {epoch > 1 && <span {...shown({ name: 'lr' }, params.lr, digits)} />}): <i>E</i><sub>total</sub> ={' '}
        <strong {...shown({ name: 'E_total', epoch }, s.E_total, digits)} />
      </p>
      <div data-explain-stop="" tabIndex={0} role="group" aria-label={`Values at epoch ${epoch}`} aria-describedby="explain-keys">
        <dl class="stepper-values">
          {ROWS.map((name) => (
            <div key={name}>
              <dt>{symbolText(name)}</dt>
              <dd {...shown({ name, epoch }, s[name], digits)} />
            </div>
          ))}
        </dl>
      </div>
      <button type="button" onClick={adopt} disabled={epoch <= 1 || weightsFixed}>
        Use these weights
      </button>
      {weightsFixed && <p class="field-help">The weights are set by your course page.</p>}
      <p class="visually-hidden" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
