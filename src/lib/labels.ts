/** How each parameter is named for readers. */
import type { ParamName } from './backprop';

/** Symbol and a few words for each parameter, for labels and announcements. */
export const PARAM_LABELS: Readonly<Record<ParamName, { symbol: string; label: string }>> = {
  i1: { symbol: 'i1', label: 'input 1' },
  i2: { symbol: 'i2', label: 'input 2' },
  t1: { symbol: 't1', label: 'target for a_o1' },
  t2: { symbol: 't2', label: 'target for a_o2' },
  w1: { symbol: 'w1', label: 'i1 → h1' },
  w2: { symbol: 'w2', label: 'i2 → h1' },
  w3: { symbol: 'w3', label: 'i1 → h2' },
  w4: { symbol: 'w4', label: 'i2 → h2' },
  w5: { symbol: 'w5', label: 'a_h1 → o1' },
  w6: { symbol: 'w6', label: 'a_h2 → o1' },
  w7: { symbol: 'w7', label: 'a_h1 → o2' },
  w8: { symbol: 'w8', label: 'a_h2 → o2' },
  lr: { symbol: 'η', label: 'learning rate' },
};
