/**
 * The backward view of the network diagram: how each edge draws its weight's gradient (sign by
 * colour and by dash, magnitude by width on a log scale) and which error term each node shows. Pure.
 */
import { gradientName, WEIGHT_NAMES, type DerivedName, type Snapshot, type WeightName } from '../backprop';

/** Gradients at or below this magnitude get the thinnest edge. */
export const THIN_GRADIENT = 1e-6;
/** Gradients at or above this magnitude get the thickest edge. */
export const THICK_GRADIENT = 1;
/** The thinnest and thickest edge, in user units. */
export const EDGE_WIDTHS = [0.75, 9] as const;

/** Which way the update moves a weight: its gradient's sign, as a word for class names and the legend. */
export type GradientSign = 'positive' | 'negative' | 'zero';

/** How one edge is drawn in the backward view. */
export interface EdgeLook {
  readonly weight: WeightName;
  readonly gradient: number;
  readonly sign: GradientSign;
  /** Stroke width: linear in log10 |gradient| between the thin and thick limits. */
  readonly width: number;
}

/** The stroke width for a gradient of magnitude |g| (log scale, clamped; not finite → thinnest). */
export function edgeWidth(g: number): number {
  const [thin, thick] = EDGE_WIDTHS;
  const m = Math.abs(g);
  if (!(m > THIN_GRADIENT) || !Number.isFinite(m)) return thin;
  const lo = Math.log10(THIN_GRADIENT);
  const t = Math.min(1, (Math.log10(m) - lo) / (Math.log10(THICK_GRADIENT) - lo));
  return Math.round((thin + t * (thick - thin)) * 100) / 100;
}

/** The sign of a gradient as the legend names it. */
export function gradientSign(g: number): GradientSign {
  return g > 0 ? 'positive' : g < 0 ? 'negative' : 'zero';
}

/** How each of w1 … w8 is drawn for the snapshot `s`. */
export function edgeLooks(s: Snapshot): EdgeLook[] {
  return WEIGHT_NAMES.map((weight) => {
    const gradient = s[gradientName(weight)];
    return { weight, gradient, sign: gradientSign(gradient), width: edgeWidth(gradient) };
  });
}

/** The error term shown at each hidden and output node in the backward view: ∂E_total/∂(its weighted sum). */
export const NODE_ERROR_TERMS: Readonly<Record<'h1' | 'h2' | 'o1' | 'o2', DerivedName>> = {
  h1: 'dE_dh1',
  h2: 'dE_dh2',
  o1: 'dE_do1',
  o2: 'dE_do2',
};
