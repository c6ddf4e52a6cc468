/**
 * The Train control's behaviour (NetworkFigure): play gradient descent epoch by epoch through the
 * shared state, step once, go back to epoch 1, and say where training stands in words.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { evaluate, formatTruncated } from '../lib/backprop';
import { epochsDue, LAST_EPOCH, SPEEDS } from '../lib/figures/training';
import { $params, $trained, canTrain, train, untrain } from '../state/tutorial';
import { useTrained } from './use-tutorial';

/** Whether the reader asks for reduced motion: read after hydration (the server cannot know it), and followed. */
function useReducedMotion(onReduce: () => void): boolean {
  const [reduced, setReduced] = useState(false);
  useLayoutEffect(() => {
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    const follow = () => {
      setReduced(query.matches);
      if (query.matches) onReduce();
    };
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return reduced;
}

/** What the Train control shows and does. */
export interface Training {
  readonly epoch: number;
  readonly playing: boolean;
  readonly reduced: boolean;
  readonly speed: number;
  /** Said to screen readers after a step, a pause or a restart. */
  readonly said: string;
  /** No epoch left to play, or a weight the embed locks. */
  readonly done: boolean;
  readonly play: () => void;
  readonly pause: () => void;
  readonly stepOnce: () => void;
  readonly restart: () => void;
  readonly setSpeed: (speed: number) => void;
}

/** Plays epochs on animation frames while `playing`, at `speed` epochs a second. */
function usePlayer(playing: boolean, speed: number, epoch: number, stop: (reached?: number) => void, running: { current: boolean }): void {
  useEffect(() => {
    if (!playing) return undefined;
    running.current = true;
    const began = performance.now();
    const from = epoch;
    let played = 0;
    let frame = requestAnimationFrame(function tick(now) {
      if (!running.current) return;
      // Another change since the last frame (an edit of the reader's own starts the count again, Reset): stop.
      if ($trained.get() + 1 !== from + played) return stop();
      const due = epochsDue(now - began, speed, played, from + played);
      const reached = playEpochs(due, from + played);
      // Refused (a locked weight, an overflow): nothing more to play.
      const refused = due > 0 && reached === from + played;
      played += due;
      if (reached >= LAST_EPOCH || refused) stop(reached);
      else frame = requestAnimationFrame(tick);
    });
    return () => {
      running.current = false;
      cancelAnimationFrame(frame);
    };
    // Restarted only by play/pause and the speed; the epoch it starts from is read when it starts.
  }, [playing, speed]);
}

/** Plays `count` epochs at once from the weights in force; returns the epoch reached (`from` if refused). */
const playEpochs = (count: number, from: number): number => (count > 0 && train(count) ? $trained.get() + 1 : from);

/** The Train control's state and actions, for numbers shown at `digits`. */
export function useTraining(digits: number): Training {
  const epoch = useTrained() + 1;
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(SPEEDS[1]);
  const [said, setSaid] = useState('');
  const reduced = useReducedMotion(() => setPlaying(false));
  const sayEpoch = (n: number) => setSaid(`Epoch ${n}: the total error is ${formatTruncated(evaluate($params.get()).E_total, digits)}`);
  // Whether frames may still play epochs: cleared at once on Pause, since the effect's own cleanup runs
  // only after the next render, by when one more frame may have played an epoch after the reader paused.
  const running = useRef(false);
  usePlayer(
    playing,
    speed,
    epoch,
    (reached) => {
      setPlaying(false);
      if (reached !== undefined) sayEpoch(reached);
    },
    running,
  );
  const halt = () => {
    running.current = false;
    setPlaying(false);
  };
  return {
    epoch,
    playing,
    reduced,
    speed,
    said,
    // Training cannot move a weight an embed locks.
    done: epoch >= LAST_EPOCH || !canTrain(),
    play: () => setPlaying(true),
    pause: () => {
      halt();
      sayEpoch(epoch);
    },
    stepOnce: () => sayEpoch(playEpochs(1, epoch)),
    restart: () => {
      halt();
      untrain();
      setSaid('Back to epoch 1, the starting weights.');
    },
    setSpeed,
  };
}
