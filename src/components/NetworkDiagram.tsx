/**
 * The article's 2-2-2 network, in one of two views:
 * - values: each neuron with its weighted sum and activation, the eight weights on their
 *   connections, the targets beside the outputs;
 * - backward: each connection drawn by its weight's gradient (sign by colour and dash, size by
 *   width on a log scale, lib/figures/backward) and labelled with it, each neuron with its error term.
 * It is drawn twice: left to right as an SVG for a wide column, and layers top to bottom
 * (NetworkNarrow) for a phone. The stylesheet shows the one that fits (a container query), so the
 * page is right before the island wakes; the other is display: none, out of reach of screen readers.
 * Every number is an element with `data-q`/`data-value`. Presentational: the NetworkFigure island
 * renders it (at build time at the article's values, then live once hydrated). Each drawing's frame
 * is one keyboard stop for its numbers (src/scripts/explain/stops.ts).
 */
import type { QuantityName, Snapshot } from '../lib/backprop';
import { shown } from '../lib/dom-contract/write';
import { edgeLooks } from '../lib/figures/backward';
import { CONNECTIONS, connectionQuantity, describedQuantities, NEURONS, neuronQuantities, symbolParts, type DiagramView } from '../lib/figures/network';
import NetworkNarrow from './NetworkNarrow';
import { symbolText } from '../lib/labels';

export type { DiagramView } from '../lib/figures/network';

const R = 19; // node radius
const LINE = 17; // line height of value labels
const CHAR = 7.4; // rough width of one character at the font size used
const ROW_GAP = 140;

/** A symbol with its subscript lowered, then `eq`. */
function Sym({ name, eq = '' }: { name: string; eq?: string }) {
  const [base, sub] = symbolParts(name);
  return (
    <>
      {base}
      <tspan class="nd-sub" dy="4">
        {sub}
      </tspan>
      <tspan dy="-4">{eq}</tspan>
    </>
  );
}

interface Props {
  /** Every value the diagram shows. */
  s: Snapshot;
  digits: number;
  view: DiagramView;
  /** Prefix of the diagram's own ids, unique on the page (the whole tutorial on one page shows it twice). */
  idPrefix: string;
  /** What distinguishes this drawing from another on the same page, for its landmark's name. */
  purpose: string;
}

/** The SVG drawing, layers left to right. */
function Wide({ s, digits, view, idPrefix }: Omit<Props, 'purpose'>) {
  const value = (name: QuantityName) => <tspan {...shown({ name }, s[name], digits)} />;
  const backward = view === 'backward';
  const looks = edgeLooks(s);
  // Laid out for the article's precision; at more digits the stylesheet sets the labels smaller.
  const labelWidth = (4 + 3 + 8) * CHAR;
  // An output's error term (∂E/∂o2 = −0.08375) is wider than its values.
  const margin = backward ? 74 : Math.max(R + 8, labelWidth / 2);
  // A gradient's label (∂E/∂w1 = 0.0003169) is longer than a weight's and sits between two nodes.
  const gap = backward ? 176 : Math.max(128, labelWidth + 16);
  const x = (col: number) => margin + col * gap;
  const top = 10 + 3 * LINE + R;
  const y = (row: number) => top + row * ROW_GAP;
  const width = Math.ceil(2 * margin + 2 * gap);
  const height = Math.ceil(y(1) + R + 10 + 3 * LINE);
  return (
    <svg
      class={`nd nd-${view}`}
      role="img"
      aria-labelledby={`${idPrefix}-title`}
      aria-describedby={`${idPrefix}-values`}
      viewBox={`0 0 ${width} ${height}`}
      width={Math.round(width * 1.3)}
      height={Math.round(height * 1.3)}
      font-size="13"
    >
      <title id={`${idPrefix}-title`}>
        {backward ? 'The 2-2-2 network with the gradient of every weight' : 'The 2-2-2 network with its current values'}
      </title>
      {CONNECTIONS.map((c, i) => {
        const [x1, y1, x2, y2] = [x(c.layer), y(c.from), x(c.layer + 1), y(c.to)];
        // Straight edges carry their label midway; crossing ones near their start, clear of the crossing.
        const t = c.from === c.to ? 0.5 : 0.27;
        const look = looks[i];
        const name = connectionQuantity(c, view);
        return (
          <g key={c.weight}>
            <line
              class={backward ? `nd-edge nd-${look?.sign}` : 'nd-edge'}
              x1={x1}
              y1={y1}
              x2={x2}
              y2={y2}
              style={backward ? { strokeWidth: look?.width } : undefined}
              data-weight={c.weight}
              data-gradient={backward ? String(look?.gradient) : undefined}
              data-width={backward ? String(look?.width) : undefined}
            />
            <text class="nd-w" x={x1 + t * (x2 - x1)} y={y1 + t * (y2 - y1) + (c.from !== c.to ? 4 : c.from === 0 ? -8 : 18)} text-anchor="middle">
              <Sym name={name} eq={backward ? ' = ' : '='} />
              {value(name)}
            </text>
          </g>
        );
      })}
      {NEURONS.map((neuron) => {
        const { layer, row, name: symbol } = neuron;
        const lines = neuronQuantities(neuron, view, row === 0 ? 'above' : 'below');
        const [cx, cy] = [x(layer), y(row)];
        const lineY = (k: number) => (row === 0 ? cy - R - 8 - (lines.length - 1 - k) * LINE : cy + R + 17 + k * LINE);
        return (
          <g key={symbol}>
            <circle class="nd-node" cx={cx} cy={cy} r={R} />
            <text class="nd-sym" x={cx} y={cy + 4} text-anchor="middle">
              <Sym name={symbol} />
            </text>
            {lines.map((name, k) => (
              <text key={name} class={name[0] === 't' ? 'nd-val nd-target' : name[0] === 'd' ? 'nd-val nd-term' : 'nd-val'} x={cx} y={lineY(k)} text-anchor="middle">
                <Sym name={name} eq=" = " />
                {value(name)}
              </text>
            ))}
          </g>
        );
      })}
    </svg>
  );
}

export default function NetworkDiagram({ s, digits, view, idPrefix, purpose }: Props) {
  const described = describedQuantities(view);
  // The drawings are images to assistive technology: a visually hidden list of the same live values describes them.
  return (
    <>
      <div class="nd-drawings">
        <section class="nd-frame nd-wide" tabIndex={0} aria-label={`Network diagram, ${purpose}`} data-explain-stop="" aria-describedby="explain-keys">
          <Wide s={s} digits={digits} view={view} idPrefix={idPrefix} />
        </section>
        <section
          class="nd-frame nd-narrow"
          tabIndex={0}
          aria-label={`Network diagram, ${purpose}, layers from top to bottom`}
          data-explain-stop=""
          aria-describedby="explain-keys"
        >
          <NetworkNarrow s={s} digits={digits} view={view} describedBy={`${idPrefix}-values`} />
        </section>
      </div>
      <p class="visually-hidden" id={`${idPrefix}-values`}>
        {view === 'backward'
          ? 'Backward view: each connection is drawn by the gradient of its weight, each neuron labelled with its error term. Current values: '
          : 'Inputs i₁, i₂ feed hidden neurons h₁, h₂ through w₁ to w₄; the hidden activations feed outputs o₁, o₂ through w₅ to w₈. Current values: '}
        {described.map((name, k) => (
          <span key={name}>
            {symbolText(name)} = <span {...shown({ name }, s[name], digits)} />
            {k < described.length - 1 ? ', ' : '.'}
          </span>
        ))}
      </p>
    </>
  );
}
