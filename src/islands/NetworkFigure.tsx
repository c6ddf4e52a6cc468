/**
 * The network diagram with its two views (values, backward) and the Train control, which plays
 * gradient descent epoch by epoch by moving the eight weights in the shared state, so that every
 * number on the page follows. The epoch shown is the state's training count (a hand edit starts it
 * again, and an address with `trained=` reopens at it). Stops at epoch 300; under reduced motion
 * it only steps. Hydrates when needed: the drawing is on screen at load but its code is not.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { evaluate, type Params, type Snapshot } from '../lib/backprop';
import { shown } from '../lib/dom-contract/write';
import { LAST_EPOCH, SPEEDS } from '../lib/figures/training';
import NetworkDiagram, { type DiagramView } from '../components/NetworkDiagram';
import { useDigits, useParams } from './use-tutorial';
import { useTraining, type Training } from './use-training';

interface Props {
  /** The view shown first. */
  view?: DiagramView;
  /** The figure's id, unique on the page; `#fig-network` by default. */
  id?: string;
  /** What this drawing is for, to tell it from another one on the same page (/all/ shows 1.2's and 1.4's). */
  purpose?: string;
}

/** Which view the drawing shows. */
function ViewSwitch({ view, setView }: { view: DiagramView; setView: (view: DiagramView) => void }) {
  return (
    <div class="fig-controls" role="group" aria-label="What the drawing shows">
      <button type="button" aria-pressed={view === 'values'} onClick={() => setView('values')}>
        Values
      </button>
      <button type="button" aria-pressed={view === 'backward'} onClick={() => setView('backward')}>
        Gradients (backward pass)
      </button>
    </div>
  );
}

/** How the backward view draws a gradient. */
function GradientLegend() {
  return (
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
  );
}

/** Play or pause, one epoch, back to epoch 1, and the speed. */
function TrainButtons({ t }: { t: Training }) {
  return (
    <div class="fig-controls">
      {!t.reduced && (
        <button type="button" data-train="play" onClick={() => (t.playing ? t.pause() : t.play())} disabled={t.done && !t.playing}>
          {t.playing ? 'Pause' : 'Play'}
        </button>
      )}
      <button type="button" data-train="step" onClick={t.stepOnce} disabled={t.playing || t.done}>
        One epoch
      </button>
      <button type="button" data-train="restart" onClick={t.restart} disabled={t.epoch <= 1}>
        Back to epoch 1
      </button>
      {!t.reduced && (
        <label class="train-speed">
          Speed{' '}
          <select value={t.speed} onChange={(e) => t.setSpeed(Number(e.currentTarget.value))}>
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v} epochs/s
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** The Train control: its buttons, the epoch reached and the total error there. */
function Train({ t, params, s, digits }: { t: Training; params: Params; s: Snapshot; digits: number }) {
  const { epoch } = t;
  return (
    <div class="train" role="group" aria-label="Train">
      <TrainButtons t={t} />
      <p class="train-status">
        Epoch <strong data-train-epoch={String(epoch)}>{epoch}</strong>{epoch <= LAST_EPOCH ? ` of ${LAST_EPOCH}` : ''}
        {epoch > 1 ? ` (after ${epoch - 1} update${epoch > 2 ? 's' : ''} at η = ` : ' (the starting weights)'}
        {epoch > 1 && <span {...shown({ name: 'lr' }, params.lr, digits)} />}
        {epoch > 1 && ')'}: <i>E</i><sub>total</sub> = <span {...shown({ name: 'E_total' }, s.E_total, digits)} />
        {t.reduced ? '. Reduced motion is on, so training only steps.' : ''}
      </p>
      <p class="visually-hidden" role="status">
        {t.said}
      </p>
    </div>
  );
}

export default function NetworkFigure({ view: initialView = 'values', id = 'fig-network', purpose = 'the network and its values' }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const params = useParams(root);
  const digits = useDigits(root);
  const s = useMemo(() => evaluate(params), [params]);
  const [view, setView] = useState<DiagramView>(initialView);
  const training = useTraining(digits);
  return (
    <div class="fig" id={id} ref={root}>
      <ViewSwitch view={view} setView={setView} />
      <NetworkDiagram s={s} digits={digits} view={view} idPrefix={id} purpose={purpose} />
      {view === 'backward' && <GradientLegend />}
      <Train t={training} params={params} s={s} digits={digits} />
    </div>
  );
}
