/**
 * How quantities are named for readers where text cannot be typeset: accessible names, live
 * regions, titles, an island's text. The symbols are the registry's (src/lib/quantities/registry.ts,
 * whose TeX the pages typeset), written with Unicode subscripts: a_h1 is "aₕ₁", dE_dw3 "∂E/∂w₃".
 * The code names (`a_h1`, `dE_dw3`) belong to the DOM contract, never to what a student reads.
 */
import type { ParamName, QuantityName } from './backprop';

const SUBSCRIPT: Readonly<Record<string, string>> = {
  0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉',
  a: 'ₐ', e: 'ₑ', h: 'ₕ', l: 'ₗ', o: 'ₒ', t: 'ₜ',
};

/** `text` lowered as a subscript. */
function lowered(text: string): string {
  return [...text].map((c) => SUBSCRIPT[c] ?? c).join('');
}

/** A symbol that is not a derivative: `w5` → w₅, `a_o1` → aₒ₁, `E_total` → Eₜₒₜₐₗ, `lr` → η. */
function plain(name: string): string {
  if (name === 'lr') return 'η';
  const [base = '', sub = ''] = name.includes('_') ? name.split('_') : [name.slice(0, 1), name.slice(1)];
  return `${base}${lowered(sub)}`;
}

/**
 * A quantity's symbol as plain text, as the registry writes it: `dE_dw3` → ∂E/∂w₃ (the total error
 * written E), `dE_da_o1` → ∂E₁/∂aₒ₁ (only E₁ depends on aₒ₁), `dE1_da_h2` → ∂E₁/∂aₕ₂,
 * `da_h1_dh1` → ∂aₕ₁/∂h₁, `a_h1` → aₕ₁, `lr` → η.
 */
export function symbolText(name: QuantityName): string {
  const derivative = /^d(E\d?|a_[ho]\d)_d(.+)$/.exec(name);
  if (!derivative) return plain(name);
  const [, top = '', bottom = ''] = derivative;
  const output = /^a_o(\d)$/.exec(bottom)?.[1];
  return `∂${top === 'E' && output ? `E${lowered(output)}` : plain(top)}/∂${plain(bottom)}`;
}

/** The total error's symbol, the one most sentences name. */
export const E_TOTAL_TEXT = symbolText('E_total');

/** Symbol and a few words for each parameter, for labels and announcements. */
export const PARAM_LABELS: Readonly<Record<ParamName, { symbol: string; label: string }>> = {
  i1: { symbol: 'i1', label: 'input 1' },
  i2: { symbol: 'i2', label: 'input 2' },
  t1: { symbol: 't1', label: `target for ${symbolText('a_o1')}` },
  t2: { symbol: 't2', label: `target for ${symbolText('a_o2')}` },
  w1: { symbol: 'w1', label: 'i₁ → h₁' },
  w2: { symbol: 'w2', label: 'i₂ → h₁' },
  w3: { symbol: 'w3', label: 'i₁ → h₂' },
  w4: { symbol: 'w4', label: 'i₂ → h₂' },
  w5: { symbol: 'w5', label: 'h₁ → o₁' },
  w6: { symbol: 'w6', label: 'h₂ → o₁' },
  w7: { symbol: 'w7', label: 'h₁ → o₂' },
  w8: { symbol: 'w8', label: 'h₂ → o₂' },
  lr: { symbol: 'η', label: 'learning rate' },
};
