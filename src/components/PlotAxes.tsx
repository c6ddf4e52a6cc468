/** The axes of a figure's plot: ticks and labels below and to the left, and the name of the horizontal axis in a row of its own below its labels. */
import type { Frame } from '../lib/figures/geometry';
import type { Tick } from '../lib/chart/loss-chart';

interface Props {
  box: Frame;
  xTicks: readonly Tick[];
  yTicks: readonly Tick[];
  /** The horizontal axis's name, written at its right end. */
  xName: string;
  /** Whether the vertical ticks run across the plot as grid lines. */
  yGrid?: boolean;
}

export default function PlotAxes({ box, xTicks, yTicks, xName, yGrid = false }: Props) {
  return (
    <g aria-hidden="true">
      {yTicks.map((t) => (
        <g key={`y${t.label}`} class="chart-tick">
          <line x1={yGrid ? box.left : box.left - 4} x2={yGrid ? box.right : box.left} y1={t.at} y2={t.at} />
          <text x={box.left - 6} y={t.at} dy="0.32em" text-anchor="end">
            {t.label}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <g key={`x${t.label}`} class="chart-tick">
          <line x1={t.at} x2={t.at} y1={box.bottom} y2={box.bottom + 4} />
          <text x={t.at} y={box.bottom + 16} text-anchor="middle">
            {t.label}
          </text>
        </g>
      ))}
      <text class="fig-axis-name" x={box.right} y={box.height - 4} text-anchor="end">
        {xName}
      </text>
    </g>
  );
}
