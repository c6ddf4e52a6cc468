/** A menu of the eight weights, for a figure that shows one or two of them. */
import { WEIGHT_NAMES, type WeightName } from '../lib/backprop';

interface Props {
  label: string;
  value: WeightName;
  onPick: (w: WeightName) => void;
}

export default function WeightPicker({ label, value, onPick }: Props) {
  return (
    <label class="fig-pick">
      {label}{' '}
      <select value={value} onChange={(e) => onPick(e.currentTarget.value as WeightName)}>
        {WEIGHT_NAMES.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
