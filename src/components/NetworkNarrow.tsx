/**
 * The network diagram for a phone (NetworkDiagram's narrow drawing): the layers from top to bottom,
 * each neuron a card with its values, and between two layers a band where each connection is a line
 * carrying its number (its weight, or its gradient drawn as in the wide view). HTML rather than SVG,
 * so that text keeps its size and every number is a full-size target for a finger; the lines are
 * drawn in each band's own SVG, stretched to the band. Positions come from lib/figures/network.
 */
import type { QuantityName, Snapshot } from '../lib/backprop';
import { shown } from '../lib/dom-contract/write';
import { edgeLooks } from '../lib/figures/backward';
import { connectionQuantity, NARROW_ACROSS, NARROW_BAND_REM, narrowBand, NEURONS, neuronQuantities, symbolParts, type DiagramView } from '../lib/figures/network';

interface Props {
  s: Snapshot;
  digits: number;
  view: DiagramView;
  /** The id of the visually hidden list that describes the drawing. */
  describedBy: string;
}

/** "a_h1 = 0.5068": the symbol with its subscript, and the live number as a target of its own. */
function Labelled({ name, s, digits }: { name: QuantityName; s: Snapshot; digits: number }) {
  const [base, sub] = symbolParts(name);
  return (
    <span class={`ndn-q${name[0] === 't' ? ' nd-target' : name[0] === 'd' ? ' nd-term' : ''}`}>
      <span class="ndn-name">
        {base}
        <sub>{sub}</sub> =
      </span>{' '}
      <span class="ndn-num" {...shown({ name }, s[name], digits)} />
    </span>
  );
}

export default function NetworkNarrow({ s, digits, view, describedBy }: Props) {
  const looks = edgeLooks(s);
  const backward = view === 'backward';
  const layer = (n: 0 | 1 | 2) => (
    <div class="ndn-layer">
      {NEURONS.filter((neuron) => neuron.layer === n).map((neuron) => {
        const [base, sub] = symbolParts(neuron.name);
        return (
          <div class="ndn-neuron" key={neuron.name}>
            <span class="ndn-node">
              {base}
              <sub>{sub}</sub>
            </span>
            {neuronQuantities(neuron, view, 'below').map((name) => (
              <Labelled key={name} name={name} s={s} digits={digits} />
            ))}
          </div>
        );
      })}
    </div>
  );
  const band = (n: 0 | 1) => {
    const connections = narrowBand(n);
    return (
      <div class="ndn-band">
        <svg class="ndn-lines" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
          {connections.map(({ weight, line: [x1, y1, x2, y2] }) => {
            const look = looks.find((l) => l.weight === weight);
            return (
              <line
                key={weight}
                class={backward ? `nd-edge nd-${look?.sign}` : 'nd-edge'}
                x1={x1}
                y1={y1}
                x2={x2}
                y2={y2}
                vector-effect="non-scaling-stroke"
                style={backward ? { strokeWidth: look?.width } : undefined}
              />
            );
          })}
        </svg>
        {connections.map((c) => (
          <span class="ndn-label" key={c.weight} style={{ '--x': `${c.label.x}%`, '--y': `${c.label.y}%` }}>
            <Labelled name={connectionQuantity(c, view)} s={s} digits={digits} />
          </span>
        ))}
      </div>
    );
  };
  return (
    <div
      class={`ndn ndn-${view}`}
      role="img"
      aria-label={backward ? 'The 2-2-2 network with the gradient of every weight' : 'The 2-2-2 network with its current values'}
      aria-describedby={describedBy}
      style={{ '--ndn-band': `${NARROW_BAND_REM}rem`, '--ndn-left': `${NARROW_ACROSS[0]}%`, '--ndn-right': `${NARROW_ACROSS[1]}%` }}
    >
      {layer(0)}
      {band(0)}
      {layer(1)}
      {band(1)}
      {layer(2)}
    </div>
  );
}
