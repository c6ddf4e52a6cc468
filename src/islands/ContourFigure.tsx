/**
 * Section 1.5's "the learning rate is a step": a contour map of E_total over two weights the reader
 * chooses, every other parameter held, with the path gradient descent takes at the learning rate in
 * force when only those two weights learn, epoch by epoch. Geometry from lib/figures/contour.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { ARTICLE_EPOCHS, formatTruncated, type Params, type WeightName } from '../lib/backprop';
import { shown } from '../lib/dom-contract/write';
import { contourMap, type ContourMap } from '../lib/figures/contour';
import type { WeightPair } from '../lib/figures/descent';
import { useDigits, useParams } from './use-tutorial';
import PlotAxes from '../components/PlotAxes';
import WeightPicker from '../components/WeightPicker';
import { E_TOTAL_TEXT } from '../lib/labels';

interface Props {
  /** The pair shown first (the page computes it at build time). */
  pair: WeightPair;
}

/** The caption: what is drawn, where the path starts and ends, and whether the loss rises on the way. */
function Caption({ id, m, pair, params, digits }: { id: string; m: ContourMap; pair: WeightPair; params: Params; digits: number }) {
  const [a, b] = pair;
  const last = m.path.a.length - 1;
  return (
    <figcaption id={`${id}-desc`}>
      <i>E</i><sub>total</sub> over {a} (across) and {b} (up), with the other six weights, the inputs and the targets held at
      their current values; lines join points of equal <i>E</i><sub>total</sub>, {m.contours.length} levels from the
      {' '}{m.gridSize} × {m.gridSize} grid drawn. The path starts (ringed) at {a} ={' '}
      <span {...shown({ name: a }, params[a], digits)} />, {b} = <span {...shown({ name: b }, params[b], digits)} />,{' '}
      <i>E</i><sub>total</sub> = <span {...shown({ name: 'E_total' }, m.path.loss[0] ?? NaN, digits)} />, and takes{' '}
      {ARTICLE_EPOCHS} steps at η = <span {...shown({ name: 'lr' }, params.lr, digits)} /> with only these two
      weights learning, one dot per epoch. At epoch {ARTICLE_EPOCHS} it reaches {a} ={' '}
      <span data-end={a}>{formatTruncated(m.path.a[last] ?? NaN, digits)}</span>, {b} ={' '}
      <span data-end={b}>{formatTruncated(m.path.b[last] ?? NaN, digits)}</span>, <i>E</i><sub>total</sub> ={' '}
      <span data-end="E_total">{formatTruncated(m.path.loss[last] ?? NaN, digits)}</span>
      {m.firstRise === undefined ? (
        <>
          ; <i>E</i><sub>total</sub> {m.falls ? 'never rises on the way.' : 'does not fall.'}
        </>
      ) : (
        <>
          ; <i>E</i><sub>total</sub> first rises at epoch <span data-first-rise={String(m.firstRise)}>{m.firstRise}</span>: the step
          is too large and overshoots.
        </>
      )}
    </figcaption>
  );
}

export default function ContourFigure({ pair: initialPair }: Props) {
  const root = useRef<HTMLElement>(null);
  const params = useParams(root);
  const digits = useDigits(root);
  const [pair, setPair] = useState<WeightPair>(initialPair);
  // The last map lends its contours when only the rate changed and the range held.
  const last = useRef<ContourMap>();
  const m = useMemo(() => (last.current = contourMap(params, pair, {}, last.current)), [params, pair]);
  const [a, b] = pair;
  const pick = (k: 0 | 1, value: WeightName) => {
    const other = pair[1 - k] as WeightName;
    // Choosing the other axis's weight swaps the two, so the pair always holds two different weights.
    const next: [WeightName, WeightName] = k === 0 ? [value, value === other ? pair[0] : other] : [value === other ? pair[1] : other, value];
    setPair(next);
  };
  const id = 'fig-contour';

  return (
    <figure class="fig contour-figure" id={id} ref={root}>
      <div class="fig-controls">
        {([0, 1] as const).map((k) => (
          <WeightPicker key={k} label={k === 0 ? 'Across' : 'Up'} value={pair[k]} onPick={(w) => pick(k, w)} />
        ))}
      </div>
      <svg
        class="fig-plot contour-plot"
        viewBox={`0 0 ${m.width} ${m.height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>
          Contours of {E_TOTAL_TEXT} over {a} and {b}, with the path of {ARTICLE_EPOCHS} epochs of descent
        </title>
        <defs>
          <clipPath id={`${id}-clip`}>
            <rect x={m.left} y={m.top} width={m.right - m.left} height={m.bottom - m.top} />
          </clipPath>
        </defs>
        <PlotAxes box={m} xTicks={m.xTicks} yTicks={m.yTicks} xName={a} />
        <rect class="contour-frame" x={m.left} y={m.top} width={m.right - m.left} height={m.bottom - m.top} />
        <text class="fig-axis-name" x={4} y={m.top + 4} dy="0.7em">
          {b}
        </text>
        <g clip-path={`url(#${id}-clip)`}>
          {m.contours.map((c, k) => (
            <path key={k} class={`contour-line cl${k}`} d={c.d} data-level={String(c.level)} />
          ))}
          <path
            class="contour-path"
            d={m.line}
            data-pair={`${a} ${b}`}
            data-rate={String(params.lr)}
            data-epochs={String(ARTICLE_EPOCHS)}
            data-points={m.points}
            data-first-rise={m.firstRise === undefined ? undefined : String(m.firstRise)}
          />
          <path class="contour-dots" d={m.dots} />
          <circle class="contour-start" cx={m.start.x} cy={m.start.y} r="5" />
          <circle class="contour-end" cx={m.end.x} cy={m.end.y} r="4" />
        </g>
      </svg>
      <Caption id={id} m={m} pair={pair} params={params} digits={digits} />
    </figure>
  );
}
