/**
 * The 2-2-2 network as its diagram draws it: the neurons and connections, the numbers beside each
 * in either view, and where the narrow (phone) layout puts them. Pure; NetworkDiagram renders it.
 */
import { gradientName, WEIGHT_NAMES, type QuantityName, type WeightName } from '../backprop';
import { NODE_ERROR_TERMS } from './backward';

/** Which numbers the diagram shows. */
export type DiagramView = 'values' | 'backward';

/** A neuron: its layer (inputs, hidden, outputs), its row in the layer, and its symbol. */
export interface Neuron {
  readonly layer: 0 | 1 | 2;
  readonly row: 0 | 1;
  readonly name: 'i1' | 'i2' | 'h1' | 'h2' | 'o1' | 'o2';
}

/** The six neurons, layer by layer. */
export const NEURONS: readonly Neuron[] = [
  { layer: 0, row: 0, name: 'i1' },
  { layer: 0, row: 1, name: 'i2' },
  { layer: 1, row: 0, name: 'h1' },
  { layer: 1, row: 1, name: 'h2' },
  { layer: 2, row: 0, name: 'o1' },
  { layer: 2, row: 1, name: 'o2' },
];

/** A connection: its weight, the layer it leaves, and the rows it joins. */
export interface Connection {
  readonly weight: WeightName;
  readonly layer: 0 | 1;
  readonly from: 0 | 1;
  readonly to: 0 | 1;
}

/** w1 … w8 in the article's numbering: w1 joins i1 to h1, w2 i2 to h1, …, w8 h2 to o2. */
export const CONNECTIONS: readonly Connection[] = WEIGHT_NAMES.map((weight, i) => ({
  weight,
  layer: i < 4 ? 0 : 1,
  from: (i % 2) as 0 | 1,
  to: ((i >> 1) % 2) as 0 | 1,
}));

/**
 * The quantities written beside a neuron in a view, top to bottom, on the side of it given: the
 * value nearest the neuron is the one it computes last. Beside the outputs the values view adds
 * the targets; the backward view gives each hidden and output neuron its activation and error term.
 */
export function neuronQuantities({ name }: Neuron, view: DiagramView, side: 'above' | 'below'): QuantityName[] {
  if (name[0] === 'i') return [name];
  const activation = `a_${name}` as QuantityName;
  if (view === 'backward') {
    const term = NODE_ERROR_TERMS[name as keyof typeof NODE_ERROR_TERMS];
    return side === 'above' ? [activation, term] : [term, activation];
  }
  if (name[0] === 'h') return [name, activation];
  const target = `t${name[1]}` as QuantityName;
  return side === 'above' ? [target, name, activation] : [name, activation, target];
}

/** The number a connection carries in a view: its weight, or the weight's gradient. */
export function connectionQuantity({ weight }: Connection, view: DiagramView): QuantityName {
  return view === 'backward' ? gradientName(weight) : weight;
}

/** A symbol split into its base and lowered subscript: a_h1 → a, h1; dE_dh1 → ∂E/∂h, 1; w5 → w, 5. */
export function symbolParts(name: string): [string, string] {
  const grad = /^dE_d([a-z])(\d)$/.exec(name);
  if (grad) return [`∂E/∂${grad[1]}`, grad[2] ?? ''];
  const [base = '', sub = ''] = name.includes('_') ? name.split('_') : [name[0], name.slice(1)];
  return [base, sub];
}

/** The numbers a screen reader is given for the drawing (which it sees as one image), in reading order. */
export function describedQuantities(view: DiagramView): QuantityName[] {
  if (view === 'backward') return ['E_total', 'dE_do1', 'dE_do2', 'dE_dh1', 'dE_dh2', ...CONNECTIONS.map((c) => connectionQuantity(c, view))];
  return [...NEURONS.flatMap((n) => neuronQuantities(n, view, n.row === 0 ? 'above' : 'below')), ...WEIGHT_NAMES];
}

/*
 * The narrow layout stacks the layers from top to bottom, each neuron centred at one of two
 * places across the column, and draws each layer's four connections in a band of fixed height
 * below it. Positions are percentages of the column's width and of the band's height, so the
 * stylesheet can lay them out before any script runs.
 */

/** Where a layer's two neurons stand across the column, in percent. */
export const NARROW_ACROSS = [22, 78] as const;

/** The height of a band of connections, in rem: room for three rows of two-line labels. */
export const NARROW_BAND_REM = 12;

/** One connection in the narrow layout: its line across the band and the centre of its label (percent). */
export interface NarrowConnection extends Connection {
  readonly line: readonly [x1: number, y1: number, x2: number, y2: number];
  readonly label: { readonly x: number; readonly y: number };
}

/**
 * Where a label sits along its connection, as a fraction of the band's height: the two straight
 * connections in the middle row, the one crossing to the right in the top row and the one crossing
 * to the left in the bottom row. There the crossing lines run furthest from the straight ones, so
 * no label covers a line but its own, and labels that overlap across share no row.
 */
function labelRow({ from, to }: Connection): number {
  if (from === to) return 0.5;
  return from === 0 ? 0.27 : 0.73;
}

/** The four connections leaving `layer`, laid out for the narrow layout's band below it. */
export function narrowBand(layer: 0 | 1): NarrowConnection[] {
  return CONNECTIONS.filter((c) => c.layer === layer).map((c) => {
    const x1 = NARROW_ACROSS[c.from];
    const x2 = NARROW_ACROSS[c.to];
    const t = labelRow(c);
    return { ...c, line: [x1, 0, x2, 100], label: { x: Math.round((x1 + t * (x2 - x1)) * 100) / 100, y: Math.round(t * 100) } };
  });
}

/** A box in pixels: left, top, right, bottom. */
export type Box = readonly [number, number, number, number];

/** The label boxes of a band drawn `width` × `height` px, each label `labelWidth` × `labelHeight` px. */
export function narrowLabelBoxes(layer: 0 | 1, width: number, height: number, labelWidth: number, labelHeight: number): Box[] {
  return narrowBand(layer).map(({ label }) => {
    const x = (label.x / 100) * width;
    const y = (label.y / 100) * height;
    return [x - labelWidth / 2, y - labelHeight / 2, x + labelWidth / 2, y + labelHeight / 2];
  });
}

/** How far the segment (x1, y1)–(x2, y2) stays from the box: 0 when it touches or crosses it. */
export function segmentClearance([x1, y1, x2, y2]: readonly [number, number, number, number], [l, t, r, b]: Box): number {
  let best = Infinity;
  // Sampled: exact enough for a layout check, and simple.
  for (let k = 0; k <= 200; k++) {
    const x = x1 + ((x2 - x1) * k) / 200;
    const y = y1 + ((y2 - y1) * k) / 200;
    const dx = Math.max(l - x, 0, x - r);
    const dy = Math.max(t - y, 0, y - b);
    best = Math.min(best, Math.hypot(dx, dy));
  }
  return best;
}
