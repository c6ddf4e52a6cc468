/**
 * Small pieces of wording the explanations share: lists of cells and of
 * column names read as a sentence reads them.
 */
import type { QuantityName } from '../backprop';
import { plainName } from '../quantities/definitions';

/** "A", "A and B", "A, B and C". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Column names as headers show them: "∂E/∂w7 and ∂E/∂w8". */
export function names(columns: readonly QuantityName[]): string {
  return list(columns.map(plainName));
}
