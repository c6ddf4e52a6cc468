/** The DOM contract for one displayed number, as attributes an island can spread. Pure. */
import { formatQuantity, type QuantityRef } from '../backprop';

/** `data-q`, `data-value`, `data-epoch`/`data-lr` when given, and the formatted text as `children`. */
export type Shown = Readonly<Record<string, string>>;

/**
 * Everything an element needs to show `value` as the quantity `ref` under the
 * page's DOM contract: `<td {...shown(ref, v, digits)} />`.
 */
export function shown(ref: QuantityRef, value: number, digits: number): Shown {
  const out: Record<string, string> = {
    'data-q': ref.name,
    'data-value': String(value),
    children: formatQuantity(ref, value, digits),
  };
  if (ref.epoch !== undefined) out['data-epoch'] = String(ref.epoch);
  if (ref.lr !== undefined) out['data-lr'] = String(ref.lr);
  return out;
}
