/**
 * The article's 2-2-2 network as an SVG, in one of two views:
 * - values: each neuron with its weighted sum and activation, the eight weights on their
 *   connections, the targets beside the outputs;
 * - backward: each connection drawn by its weight's gradient (sign by colour and dash, size by
 *   width on a log scale, lib/figures/backward) and labelled with it, each neuron with its error term.
 * Every number is an element with `data-q`/`data-value`. Presentational: the NetworkFigure island
 * renders it (at build time at the article's values, then live once hydrated). The drawing's frame
 * is one keyboard stop for all its numbers (src/scripts/explain/stops.ts).
 */
import type { QuantityName, Snapshot } from '../lib/backprop';
import { shown } from '../lib/chart/shown';
import { edgeLooks, NODE_ERROR_TERMS } from '../lib/figures/backward';
import { symbolText } from '../lib/labels';

/** Which numbers the diagram shows. */
export type DiagramView = 'values' | 'backward';

/** A neuron: column, row, its symbol, and the quantities beside it in each view, top to bottom. */
type Neuron = readonly [col: 0 | 1 | 2, row: 0 | 1, symbol: 'i1' | 'i2' | 'h1' | 'h2' | 'o1' | 'o2', values: readonly QuantityName[]];

// Lines sit above the node in the top row and below it in the bottom row.
const NEURONS: readonly Neuron[] = [
  [0, 0, 'i1', ['i1']],
  [0, 1, 'i2', ['i2']],
  [1, 0, 'h1', ['h1', 'a_h1']],
  [1, 1, 'h2', ['h2', 'a_h2']],
  [2, 0, 'o1', ['t1', 'o1', 'a_o1']],
  [2, 1, 'o2', ['o2', 'a_o2', 't2']],
];

/** The lines of a neuron in the backward view: its activation and its error term. */
function backwardLines([, row, symbol]: Neuron): QuantityName[] {
  if (symbol[0] === 'i') return [symbol];
  const term = NODE_ERROR_TERMS[symbol as keyof typeof NODE_ERROR_TERMS];
  const activation = `a_${symbol}` as QuantityName;
  return row === 0 ? [activation, term] : [term, activation];
}

/** [from column, from row, to row] for w1 … w8, in the article's numbering. */
const EDGES: readonly (readonly [0 | 1, 0 | 1, 0 | 1])[] = [
  [0, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 1],
  [1, 0, 0], [1, 1, 0], [1, 0, 1], [1, 1, 1],
];

const R = 19; // node radius
const LINE = 17; // line height of value labels
const CHAR = 7.4; // rough width of one character at the font size used
const ROW_GAP = 140;

/** A symbol split into its base and lowered subscript: a_h1 → a, h1; dE_dh1 → ∂E/∂h, 1; w5 → w, 5. */
function symbolParts(name: string): [string, string] {
  const grad = /^dE_d([a-z])(\d)$/.exec(name);
  if (grad) return [`∂E/∂${grad[1]}`, grad[2] ?? ''];
  const [base = '', sub = ''] = name.includes('_') ? name.split('_') : [name[0], name.slice(1)];
  return [base, sub];
}

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

export default function NetworkDiagram({ s, digits, view, idPrefix, purpose }: Props) {
  const value = (name: QuantityName, cls?: string) => <tspan class={cls} {...shown({ name }, s[name], digits)} />;
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

  // role="img" hides the drawn text from assistive technology, so a visually hidden list of the same
  // live values describes it.
  const described: QuantityName[] = backward
    ? ['E_total', 'dE_do1', 'dE_do2', 'dE_dh1', 'dE_dh2', ...looks.map((l) => `dE_d${l.weight}` as QuantityName)]
    : [...NEURONS.flatMap((n) => n[3]), ...EDGES.map((_, i) => `w${i + 1}` as QuantityName)];

  return (
    <>
      {/* On a phone the drawing keeps a readable size and scrolls sideways in its own box. */}
      <section
        class="nd-frame"
        tabIndex={0}
        aria-label={`Network diagram, ${purpose} (scrolls sideways on a narrow screen)`}
        data-explain-stop=""
        aria-describedby="explain-keys"
      >
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
        {EDGES.map(([col, from, to], i) => {
          const [x1, y1, x2, y2] = [x(col), y(from), x(col + 1), y(to)];
          // Straight edges carry their label midway; crossing ones near their start, clear of the crossing.
          const t = from === to ? 0.5 : 0.27;
          const lx = x1 + t * (x2 - x1);
          const ly = y1 + t * (y2 - y1) + (from !== to ? 4 : from === 0 ? -8 : 18);
          const look = looks[i];
          const name = (backward ? `dE_dw${i + 1}` : `w${i + 1}`) as QuantityName;
          return (
            <g key={i}>
              <line
                class={backward ? `nd-edge nd-${look?.sign}` : 'nd-edge'}
                x1={x1}
                y1={y1}
                x2={x2}
                y2={y2}
                style={backward ? { strokeWidth: look?.width } : undefined}
                data-weight={`w${i + 1}`}
                data-gradient={backward ? String(look?.gradient) : undefined}
                data-width={backward ? String(look?.width) : undefined}
              />
              <text class="nd-w" x={lx} y={ly} text-anchor="middle">
                <Sym name={name} eq={backward ? ' = ' : '='} />
                {value(name)}
              </text>
            </g>
          );
        })}
        {NEURONS.map((neuron) => {
          const [col, row, symbol, values] = neuron;
          const lines = backward ? backwardLines(neuron) : values;
          const cx = x(col);
          const cy = y(row);
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
      </section>
      <p class="visually-hidden" id={`${idPrefix}-values`}>
        {backward
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

