/**
 * The network diagram with its two views (values, backward) and the Train control, which plays
 * gradient descent epoch by epoch by moving the eight weights in the shared state, so that every
 * number on the page follows. The epoch shown is the state's training count (a hand edit starts it
 * again, and an address with `trained=` reopens at it). Stops at epoch 300; under reduced motion
 * it only steps. Hydrates when needed: the drawing is on screen at load but its code is not.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { evaluate, formatTruncated } from '../lib/backprop';
import { shown } from '../lib/dom-contract';
import { epochsDue, LAST_EPOCH, SPEEDS } from '../lib/figures/training';
import { $params, $trained, canTrain, train, untrain } from '../state/tutorial';
import NetworkDiagram, { type DiagramView } from '../components/NetworkDiagram';
import { useDigits, useParams, useTrained } from './use-tutorial';

interface Props {
  /** The view shown first. */
  view?: DiagramView;
  /** The figure's id, unique on the page; `#fig-network` by default. */
  id?: string;
  /** What this drawing is for, to tell it from another one on the same page (/all/ shows 1.2's and 1.4's). */
  purpose?: string;
}

export default function NetworkFigure({ view: initialView = 'values', id = 'fig-network', purpose = 'the network and its values' }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const params = useParams(root);
  const digits = useDigits(root);
  const s = useMemo(() => evaluate(params), [params]);
  const [view, setView] = useState<DiagramView>(initialView);
  const epoch = useTrained() + 1;
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(SPEEDS[1]);
  const [reduced, setReduced] = useState(false);
  const [said, setSaid] = useState('');

  // Reduced motion is read after hydration (the server cannot know it), and followed if it changes.
  useLayoutEffect(() => {
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    const follow = () => {
      setReduced(query.matches);
      if (query.matches) setPlaying(false);
    };
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);

  /** Plays `count` epochs at once from the weights in force; returns the epoch reached (`from` if refused). */
  const play = (count: number, from: number): number => (count > 0 && train(count) ? $trained.get() + 1 : from);

  const sayEpoch = (n: number) =>
    setSaid(`Epoch ${n}: the total error is ${formatTruncated(evaluate($params.get()).E_total, digits)}`);

  // Whether frames may still play epochs: cleared at once on Pause, since the effect's own cleanup runs
  // only after the next render, by when one more frame may have played an epoch after the reader paused.
  const running = useRef(false);

  useEffect(() => {
    if (!playing) return undefined;
    running.current = true;
    const began = performance.now();
    const from = epoch;
    let played = 0;
    let frame = requestAnimationFrame(function tick(now) {
      if (!running.current) return;
      // Another change since the last frame (an edit of the reader's own starts the count again, Reset): stop.
      if ($trained.get() + 1 !== from + played) return setPlaying(false);
      const due = epochsDue(now - began, speed, played, from + played);
      const reached = play(due, from + played);
      // Refused (a locked weight, an overflow): nothing more to play.
      const refused = due > 0 && reached === from + played;
      played += due;
      if (reached >= LAST_EPOCH || refused) {
        setPlaying(false);
        sayEpoch(reached);
      } else frame = requestAnimationFrame(tick);
    });
    return () => {
      running.current = false;
      cancelAnimationFrame(frame);
    };
    // Restarted only by play/pause and the speed; the epoch it starts from is read when it starts.
  }, [playing, speed]);

  const stepOnce = () => sayEpoch(play(1, epoch));
  const pause = () => {
    running.current = false;
    setPlaying(false);
    sayEpoch(epoch);
  };
  const restart = () => {
    running.current = false;
    setPlaying(false);
    untrain();
    setSaid('Back to epoch 1, the starting weights.');
  };
  // Training cannot move a weight an embed locks.
  const done = epoch >= LAST_EPOCH || !canTrain();

  return (
    <div class="fig" id={id} ref={root}>
      <div class="fig-controls" role="group" aria-label="What the drawing shows">
        <button type="button" aria-pressed={view === 'values'} onClick={() => setView('values')}>
          Values
        </button>
        <button type="button" aria-pressed={view === 'backward'} onClick={() => setView('backward')}>
          Gradients (backward pass)
        </button>
      </div>
      <NetworkDiagram s={s} digits={digits} view={view} idPrefix={id} purpose={purpose} />
      {view === 'backward' && (
        <ul class="nd-legend">
          <li>
            <svg viewBox="0 0 36 10" aria-hidden="true"><line class="nd-edge nd-positive" x1="1" y1="5" x2="35" y2="5" stroke-width="3" /></svg>
            solid: positive gradient, the update lowers the weight
          </li>
          <li>
            <svg viewBox="0 0 36 10" aria-hidden="true"><line class="nd-edge nd-negative" x1="1" y1="5" x2="35" y2="5" stroke-width="3" /></svg>
            dashed: negative gradient, the update raises it
          </li>
          <li>width: the gradient’s size on a log scale, from 10⁻⁶ or less (thinnest) to 1 or more</li>
        </ul>
      )}
      <div class="train" role="group" aria-label="Train">
        <div class="fig-controls">
          {!reduced && (
            <button type="button" data-train="play" onClick={() => (playing ? pause() : setPlaying(true))} disabled={done && !playing}>
              {playing ? 'Pause' : 'Play'}
            </button>
          )}
          <button type="button" data-train="step" onClick={stepOnce} disabled={playing || done}>
            One epoch
          </button>
          <button type="button" data-train="restart" onClick={restart} disabled={epoch <= 1}>
            Back to epoch 1
          </button>
          {!reduced && (
            <label class="train-speed">
              Speed{' '}
              <select value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
                {SPEEDS.map((v) => (
                  <option key={v} value={v}>
                    {v} epochs/s
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <p class="train-status">
          Epoch <strong data-train-epoch={String(epoch)}>{epoch}</strong>{epoch <= LAST_EPOCH ? ` of ${LAST_EPOCH}` : ''}
          {epoch > 1 ? ` (after ${epoch - 1} update${epoch > 2 ? 's' : ''} at η = ` : ' (the starting weights)'}
          {epoch > 1 && <span {...shown({ name: 'lr' }, params.lr, digits)} />}
          {epoch > 1 && ')'}: <i>E</i><sub>total</sub> = <span {...shown({ name: 'E_total' }, s.E_total, digits)} />
          {reduced ? '. Reduced motion is on, so training only steps.' : ''}
        </p>
        <p class="visually-hidden" role="status">
          {said}
        </p>
      </div>
    </div>
  );
}
