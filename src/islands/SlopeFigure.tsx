/**
 * Section 1.4's "the gradient is a slope": E_total against one weight the reader chooses, every
 * other parameter held, with the current point and its tangent. Dragging the point (or the arrow
 * keys on it) sets that weight for the whole page. Geometry from lib/figures/slope; this renders.
 */
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatTruncated, gradientName, type WeightName } from '../lib/backprop';
import { shown } from '../lib/dom-contract/write';
import { inWindow, keyedWeight, slopeFigure, snapWeight, weightWindow, type Window } from '../lib/figures/slope';

type SlopeModel = ReturnType<typeof slopeFigure>;
import { isLocked, setParam } from '../state/tutorial';
import { useDigits, useParams } from './use-tutorial';
import PlotAxes from '../components/PlotAxes';
import WeightPicker from '../components/WeightPicker';
import { E_TOTAL_TEXT } from '../lib/labels';

/** Dragging sets the weight to a hundredth: finer than a pixel, and a value a reader would type. */
const DRAG_STEP = 0.01;

/** The pointer and key handlers that set weight `w` from the plot, and clear `held` when a drag ends. */
function useDrag(svg: RefObject<SVGSVGElement>, f: SlopeModel, w: WeightName, value: number, held: Window | undefined, setHeld: (held: Window | undefined) => void) {
  const weightAt = (event: PointerEvent): number => {
    const el = svg.current;
    if (!el) return value;
    const box = el.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * f.width;
    const [lo, hi] = f.window;
    return snapWeight(Math.min(hi, Math.max(lo, f.toWeight(x))), DRAG_STEP);
  };
  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    setHeld(f.window);
    // A finger may be starting a scroll (the plot lets vertical pans through): only its moves count.
    if (event.pointerType !== 'touch') setParam(w, weightAt(event));
  };
  const onPointerMove = (event: PointerEvent) => {
    if (held && (event.currentTarget as Element).hasPointerCapture(event.pointerId)) setParam(w, weightAt(event));
  };
  const release = () => setHeld(undefined);
  const onKeyDown = (event: KeyboardEvent) => {
    const direction = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key] as 1 | -1 | undefined;
    if (!direction) return;
    event.preventDefault();
    setParam(w, keyedWeight(value, direction, event.shiftKey));
  };
  return { pointer: { onPointerDown, onPointerMove, onPointerUp: release, onPointerCancel: release, onLostPointerCapture: release }, onKeyDown };
}

/** The caption: the weight, the error there, the tangent's slope and the slope measured on the curve. */
function SlopeCaption({ id, w, value, f, digits }: { id: string; w: WeightName; value: number; f: SlopeModel; digits: number }) {
  return (
    <figcaption id={`${id}-desc`}>
      <i>E</i><sub>total</sub> against <strong>{w}</strong>, with the other seven weights, the inputs and the targets held at
      their current values. At {w} = <span {...shown({ name: w }, value, digits)} />, <i>E</i><sub>total</sub> ={' '}
      <span {...shown({ name: 'E_total' }, f.error, digits)} />. The tangent’s slope is ∂E/∂{w} ={' '}
      <span {...shown({ name: gradientName(w) }, f.slope, digits)} />; the slope measured on the curve itself (a central
      difference, ±10⁻⁶) is <span data-fd-slope={String(f.fdSlope)}>{formatTruncated(f.fdSlope, digits)}</span>.
    </figcaption>
  );
}

/** The tangent at the current point. */
function Tangent({ f, w }: { f: SlopeModel; w: WeightName }) {
  if (!f.tangent) return null;
  return (
    <line
      class="slope-tangent"
      x1={f.tangent[0]}
      y1={f.tangent[1]}
      x2={f.tangent[2]}
      y2={f.tangent[3]}
      data-weight={w}
      data-slope={String(f.slope)}
      data-fd-slope={String(f.fdSlope)}
      aria-hidden="true"
    />
  );
}

export default function SlopeFigure({ weight: initialWeight = 'w5' }: { weight?: WeightName }) {
  const root = useRef<HTMLElement>(null);
  const params = useParams(root);
  const digits = useDigits(root);
  const [w, setW] = useState<WeightName>(initialWeight);
  // While the point is dragged the axis stays put, even if the weight leaves the usual window.
  const [held, setHeld] = useState<Window | undefined>(undefined);
  const range = held && inWindow(params[w], held) ? held : weightWindow(params[w]);
  const f = useMemo(() => slopeFigure(params, w, 360, 240, range), [params, w, range[0], range[1]]);
  const svg = useRef<SVGSVGElement>(null);
  const { pointer, onKeyDown } = useDrag(svg, f, w, params[w], held, setHeld);
  const id = 'fig-slope';
  // A weight an embed's address locks is shown, fixed: the point is read-only and not draggable. Set
  // after the first render, which must match the server's HTML (hydration keeps its attributes).
  const [fixed, setFixed] = useState(false);
  useEffect(() => setFixed(isLocked(w)), [w]);
  return (
    <figure class="fig slope-figure" id={id} ref={root}>
      <WeightPicker label="Weight" value={w} onPick={setW} />
      <svg
        ref={svg}
        class={`fig-plot slope-plot${fixed ? ' slope-fixed' : ''}`}
        viewBox={`0 0 ${f.width} ${f.height}`}
        role="group"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        {...(fixed ? {} : pointer)}
      >
        <title id={`${id}-title`}>{E_TOTAL_TEXT} against {w}, everything else held</title>
        <PlotAxes box={f} xTicks={f.xTicks} yTicks={f.yTicks} xName={w} yGrid />
        <path class="chart-axis" d={`M${f.left} ${f.top}V${f.bottom}H${f.right}`} aria-hidden="true" />
        <path class="slope-curve" d={f.curve} aria-hidden="true" />
        <Tangent f={f} w={w} />
        <circle
          class="slope-point"
          cx={f.point.x}
          cy={f.point.y}
          r="7"
          tabIndex={0}
          role="slider"
          aria-label={fixed ? `${w}: set by your course page, fixed here` : `${w}: drag, or use the arrow keys (Shift for steps of 0.5)`}
          aria-readonly={fixed ? 'true' : undefined}
          aria-valuenow={params[w]}
          aria-valuemin={f.window[0]}
          aria-valuemax={f.window[1]}
          aria-valuetext={`${w} = ${String(params[w])}, ${E_TOTAL_TEXT} = ${formatTruncated(f.error, digits)}`}
          onKeyDown={fixed ? undefined : onKeyDown}
        />
      </svg>
      <SlopeCaption id={id} w={w} value={params[w]} f={f} digits={digits} />
    </figure>
  );
}
