/**
 * Section 1.5's loss-vs-epoch chart: E_total over the article's 300 epochs for
 * its six learning rates and the reader's own. Its key is a table of the values,
 * which doubles as the text alternative. All layout comes from lib/chart; this only renders.
 */
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ARTICLE_EPOCHS, ARTICLE_LEARNING_RATES, formatExact, sweep, type Params } from '../lib/backprop';
import { describeFloor, describeLossChart, lossChart, withReaderRate, type LossChartModel, type LossRun } from '../lib/chart/loss-chart';
import { shown } from '../lib/dom-contract/write';
import { useDigits, useParams } from './use-tutorial';
import { E_TOTAL_TEXT } from '../lib/labels';

/** The width an element is laid out at, followed as it changes; `initial` until it is measured. */
function useWidth(initial: number): { frame: RefObject<HTMLDivElement>; width: number } {
  const [width, setWidth] = useState(initial);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = frame.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { frame, width };
}

/** The runs drawn: the article's six learning rates and the reader's. Editing only the rate retrains only the reader's curve. */
function useRuns(params: Params): LossRun[] {
  const { lr, ...rest } = params;
  const restKey = Object.values(rest).join();
  const article = useMemo(() => sweep(params, ARTICLE_LEARNING_RATES, ARTICLE_EPOCHS), [restKey]);
  return useMemo(() => withReaderRate(article, params, ARTICLE_EPOCHS), [article, lr]);
}

/** " own" for the reader's own learning rate: its line is drawn apart. */
const ownClass = (rate: number, lr: number): string => (rate === lr ? ' own' : '');

/** The axes, their ticks and labels. */
function Axes({ c }: { c: LossChartModel }) {
  return (
    <>
      {c.yTicks.map((t) => (
        <g key={t.label} class="chart-tick">
          <line x1={c.left} x2={c.right} y1={t.at} y2={t.at} />
          <text x={c.left - 6} y={t.at} dy="0.32em" text-anchor="end">
            {t.label}
          </text>
        </g>
      ))}
      {c.xTicks.map((t) => (
        <g key={t.label} class="chart-tick">
          <line x1={t.at} x2={t.at} y1={c.bottom} y2={c.bottom + 5} />
          <text x={t.at} y={c.bottom + 18} text-anchor="middle">
            {t.label}
          </text>
        </g>
      ))}
      <path class="chart-axis" d={`M${c.left} ${c.top}V${c.bottom}H${c.right}`} />
      <text x="4" y="14">
        {E_TOTAL_TEXT}
      </text>
      <text x={c.right} y={c.height - 4} text-anchor="end">
        epoch
      </text>
    </>
  );
}

/** The drawing: axes, a line per learning rate, where each rises again, and the floor of a log axis. */
function Drawing({ c, runs, floor, lr }: { c: LossChartModel; runs: readonly LossRun[]; floor: string; lr: number }) {
  return (
    <svg
      viewBox={`0 0 ${c.width} ${c.height}`}
      role="img"
      aria-labelledby="loss-chart-title"
      aria-describedby="loss-chart-desc"
    >
      <title id="loss-chart-title">Loss against epoch for each learning rate</title>
      <desc id="loss-chart-desc">{describeLossChart(runs, c.log, floor)}</desc>
      <Axes c={c} />
      {/* Keyed by place: the reader's line is always last, and a new rate redraws it rather than replacing it. */}
      {c.lines.map((l, i) => (
        <path key={i} class={`chart-line s${i}${ownClass(l.lr, lr)}`} d={l.d} />
      ))}
      {c.lines.map(
        (l, i) => l.rise && <circle key={i} class={`chart-rise s${i}`} cx={l.rise.x} cy={l.rise.y} r="4.5" />,
      )}
      {c.floor && (
        <g class="chart-floor">
          <line x1={c.left} x2={c.right} y1={c.floor.at} y2={c.floor.at} />
          <text x={c.right - 4} y={c.floor.at + 14} text-anchor="end">
            below {c.floor.label}
          </text>
        </g>
      )}
      {/* Where a line leaves for below the floor: an arrowhead pointing down, on the floor. */}
      {c.lines.map((l, i) => l.below && <path key={i} class={`chart-below s${i}`} d={`M${l.below.x - 5} ${l.below.y - 7}l5 7l5 -7`} />)}
    </svg>
  );
}

/** The key: a row per line with its rate, E_total at the last epoch and where it rises again; also the text alternative. */
function Key({ c, runs, floor, lr, digits }: { c: LossChartModel; runs: readonly LossRun[]; floor: string; lr: number; digits: number }) {
  return (
    <table class="chart-key">
      <caption>Key: <i>E</i><sub>total</sub> at epoch {ARTICLE_EPOCHS}, and the epoch where the loss first rises again (ringed){floor && `. ${floor}`}</caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">η</th>
          <th scope="col"><i>E</i><sub>total</sub></th>
          <th scope="col">Rises at</th>
        </tr>
      </thead>
      <tbody>
        {c.lines.map((l, i) => (
          <tr key={i}>
            <td>
              <svg viewBox="0 0 32 10" aria-hidden="true">
                <path class={`chart-line s${i}${ownClass(l.lr, lr)}`} d="M1 5H31" />
              </svg>
            </td>
            <th scope="row">
              {formatExact(l.lr)}
              {ownClass(l.lr, lr) && ' (yours)'}
            </th>
            <td
              {...shown(
                { name: 'E_total', epoch: ARTICLE_EPOCHS, lr: l.lr },
                runs[i]?.loss[ARTICLE_EPOCHS - 1] ?? NaN,
                digits,
              )}
            />
            <td>{l.rise ? l.rise.epoch : 'never'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function LossChart() {
  const root = useRef<HTMLElement>(null);
  const params = useParams(root);
  const digits = useDigits(root);
  // The drawing is laid out at its real width so its text stays a readable size on a phone.
  const { frame, width } = useWidth(640);
  const [log, setLog] = useState<boolean>();
  const runs = useRuns(params);
  const c = useMemo(() => lossChart(runs, width, log), [runs, width, log]);
  const floor = describeFloor(c);
  return (
    <figure class="loss-chart" ref={root}>
      <label class="chart-scale">
        <input type="checkbox" checked={c.log} onChange={(e) => setLog(e.currentTarget.checked)} />
        {/* One flex item: the label's symbol keeps its subscript on the line. */}
        <span>
          Logarithmic <i>E</i><sub>total</sub> axis
        </span>
      </label>
      <div class="chart-frame" ref={frame}>
        <Drawing c={c} runs={runs} floor={floor} lr={params.lr} />
      </div>
      {/* Focusable so that, when more digits make it overflow, a keyboard can scroll it; also the stop for its numbers. */}
      <section class="table-wrap" tabIndex={0} aria-label="Key and final values" data-explain-stop="" aria-describedby="explain-keys">
        <Key c={c} runs={runs} floor={floor} lr={params.lr} digits={digits} />
      </section>
    </figure>
  );
}
