/**
 * The article's 2-2-2 network as a live SVG: each neuron with its weighted sum
 * and activation, the eight weights on their connections, the targets beside
 * the outputs. Every number is an element with `data-q`/`data-value`/`data-bind`.
 *
 * Rendered once at build time (no client directive, so no JavaScript of its own):
 * the page script keeps every bound number live, as it does for the equations.
 * That keeps section 1.2 within its JavaScript budget. The drawing is one keyboard stop for its
 * numbers (src/scripts/explain/stops.ts).
 */
import { ARTICLE_DIGITS, ARTICLE_PARAMS, evaluate, formatQuantity, type QuantityName, type Snapshot } from '../lib/backprop';

/** A neuron: its column and row, and the quantities shown beside it, top to bottom. */
type Neuron = readonly [col: 0 | 1 | 2, row: 0 | 1, lines: readonly QuantityName[]];

// Lines sit above the node in the top row and below it in the bottom row; the node is labelled with
// its first line that is not a target.
const NEURONS: readonly Neuron[] = [
  [0, 0, ['i1']],
  [0, 1, ['i2']],
  [1, 0, ['h1', 'a_h1']],
  [1, 1, ['h2', 'a_h2']],
  [2, 0, ['t1', 'o1', 'a_o1']],
  [2, 1, ['o2', 'a_o2', 't2']],
];

/** [from column, from row, to row] for w1 … w8, in the article's numbering. */
const EDGES: readonly (readonly [0 | 1, 0 | 1, 0 | 1])[] = [
  [0, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 1],
  [1, 0, 0], [1, 1, 0], [1, 0, 1], [1, 1, 1],
];

const R = 19; // node radius
const LINE = 17; // line height of value labels
const CHAR = 7.4; // rough width of one character at the font size used
const ROW_GAP = 140;

/** A symbol with its subscript lowered (`a_h1` → a with h1 below), then `eq`. */
function Sym({ name, eq = '' }: { name: string; eq?: string }) {
  const [base, sub] = name.includes('_') ? name.split('_') : [name[0], name.slice(1)];
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

export default function NetworkDiagram() {
  const digits = ARTICLE_DIGITS;
  const s: Snapshot = evaluate(ARTICLE_PARAMS);
  const text = (name: QuantityName) => formatQuantity({ name }, s[name], digits);
  const value = (name: QuantityName, cls?: string) => (
    <tspan class={cls} data-q={name} data-value={String(s[name])} data-bind="">
      {text(name)}
    </tspan>
  );

  // Laid out for the article's precision; at more digits the stylesheet sets the labels smaller.
  const labelWidth = (digits + 3 + 8) * CHAR;
  const margin = Math.max(R + 8, labelWidth / 2);
  const gap = Math.max(128, labelWidth + 16);
  const x = (col: number) => margin + col * gap;
  const top = 10 + 3 * LINE + R;
  const y = (row: number) => top + row * ROW_GAP;
  const width = Math.ceil(2 * margin + 2 * gap);
  const height = Math.ceil(y(1) + R + 10 + 3 * LINE);

  // role="img" hides the drawn text from assistive technology, so a visually hidden list of the same
  // live values describes it.
  const described: QuantityName[] = [...NEURONS.flatMap((n) => n[2]), ...EDGES.map((_, i) => `w${i + 1}` as QuantityName)];

  return (
    <>
    <svg
      class="nd"
      role="img"
      aria-labelledby="nd-title"
      aria-describedby="nd-values explain-keys"
      tabIndex={0}
      data-explain-stop=""
      viewBox={`0 0 ${width} ${height}`}
      width={Math.round(width * 1.3)}
      height={Math.round(height * 1.3)}
      font-size="13"
    >
      <title id="nd-title">The 2-2-2 network with its current values</title>
      {EDGES.map(([col, from, to], i) => {
        const [x1, y1, x2, y2] = [x(col), y(from), x(col + 1), y(to)];
        // Straight edges carry their label midway; crossing ones near their start, clear of the crossing.
        const t = from === to ? 0.5 : 0.27;
        const lx = x1 + t * (x2 - x1);
        const ly = y1 + t * (y2 - y1) + (from !== to ? 4 : from === 0 ? -6 : 16);
        const name = `w${i + 1}` as QuantityName;
        return (
          <g key={name}>
            <line class="nd-edge" x1={x1} y1={y1} x2={x2} y2={y2} />
            <text class="nd-w" x={lx} y={ly} text-anchor="middle">
              <Sym name={name} eq="=" />
              {value(name)}
            </text>
          </g>
        );
      })}
      {NEURONS.map(([col, row, lines]) => {
        const cx = x(col);
        const cy = y(row);
        const lineY = (k: number) =>
          row === 0 ? cy - R - 8 - (lines.length - 1 - k) * LINE : cy + R + 17 + k * LINE;
        return (
          <g key={lines[0]}>
            <circle class="nd-node" cx={cx} cy={cy} r={R} />
            <text class="nd-sym" x={cx} y={cy + 4} text-anchor="middle">
              <Sym name={lines.find((n) => n[0] !== 't') ?? ''} />
            </text>
            {lines.map((name, k) => (
              <text key={name} class={name[0] === 't' ? 'nd-val nd-target' : 'nd-val'} x={cx} y={lineY(k)} text-anchor="middle">
                <Sym name={name} eq=" = " />
                {value(name)}
              </text>
            ))}
          </g>
        );
      })}
    </svg>
    <p class="visually-hidden" id="nd-values">
      Inputs i1, i2 feed hidden neurons h1, h2 through w1 to w4; the hidden activations feed outputs o1, o2
      through w5 to w8. Current values:{' '}
      {described.map((name, k) => (
        <span key={name}>
          {name} ={' '}
          <span data-q={name} data-value={String(s[name])} data-bind="">
            {text(name)}
          </span>
          {k < described.length - 1 ? ', ' : '.'}
        </span>
      ))}
    </p>
    </>
  );
}
