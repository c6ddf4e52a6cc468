/**
 * Section 1.5's update table: each weight, its gradient, and the weight after
 * one gradient-descent step at the reader's learning rate.
 */
import { evaluate, gradientName, step, WEIGHT_NAMES } from '../lib/backprop';
import { shown } from '../lib/dom-contract/write';
import { useDigits, useParams } from './use-tutorial';
import { symbolText } from '../lib/labels';

export default function UpdateTable() {
  const params = useParams();
  const digits = useDigits();
  const now = evaluate(params);
  const next = step(params, now);
  return (
    // Focusable so that, when more digits make it overflow, a keyboard can scroll it.
    // Also the keyboard stop for its numbers (src/scripts/explain/stops.ts).
    <section class="table-wrap" tabIndex={0} aria-label="Weight update table" data-explain-stop="" aria-describedby="explain-keys">
      <table class="update-table">
        <caption>
          One update at learning rate η = <span {...shown({ name: 'lr' }, params.lr, digits)} />
        </caption>
        <thead>
          <tr>
            <th scope="col">Weight</th>
            <th scope="col">w</th>
            <th scope="col">∂E/∂w</th>
            <th scope="col">w − η·∂E/∂w</th>
          </tr>
        </thead>
        <tbody>
          {WEIGHT_NAMES.map((w) => (
            <tr key={w}>
              <th scope="row">{symbolText(w)}</th>
              <td {...shown({ name: w }, params[w], digits)} />
              <td {...shown({ name: gradientName(w) }, now[gradientName(w)], digits)} />
              <td {...shown({ name: w, epoch: 2 }, next[w], digits)} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
