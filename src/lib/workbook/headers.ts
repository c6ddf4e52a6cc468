/**
 * Recognising a student's column headers and labels whatever their spelling:
 * E_tot / E_total / E_Total, ∂E/∂w1 / dE/dw1 / dE_dw1, out_h1 for a_h1, and
 * "η =" or "learning_rate" beside the learning-rate cell.
 */
import { DERIVED_NAMES, PARAM_NAMES, type QuantityName } from '../backprop';

/** Lower-cases and drops everything that varies between spellings: spaces, _, /, ∂→d, brackets, = and :. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[∂δ𝜕𝛿]/gu, 'd')
    .replace(/[\s_/\\()[\]{}*=:·.,'"’\-−]/gu, '');
}

const ALIASES = new Map<string, QuantityName>();

function alias(name: QuantityName, ...spellings: string[]): void {
  for (const s of spellings) ALIASES.set(normaliseLabel(s), name);
}

for (const name of [...PARAM_NAMES, ...DERIVED_NAMES]) alias(name, name);
for (const n of [1, 2] as const) {
  alias(`t${n}`, `target${n}`, `target_o${n}`, `t_o${n}`);
  alias(`i${n}`, `input${n}`, `x${n}`);
  alias(`h${n}`, `net_h${n}`, `in_h${n}`, `z_h${n}`);
  alias(`a_h${n}`, `out_h${n}`, `σ(h${n})`, `sigmoid(h${n})`, `sigma_h${n}`);
  alias(`o${n}`, `net_o${n}`, `in_o${n}`, `z_o${n}`);
  alias(`a_o${n}`, `out_o${n}`, `σ(o${n})`, `sigmoid(o${n})`, `sigma_o${n}`);
  alias(`E${n}`, `E_o${n}`, `error${n}`, `E${n}_total`);
}
alias('E_total', 'E_tot', 'Etotal', 'E total', 'total error', 'error total', 'E', 'loss', 'error');

const GRADIENT = /^(?:de(?:tot(?:al)?)?dw|gradw|gw)([1-8])$/;

/** The quantity a header cell names, or null if it names none the checker knows. */
export function headerQuantity(text: string): QuantityName | null {
  const key = normaliseLabel(text);
  if (!key) return null;
  const known = ALIASES.get(key);
  if (known) return known;
  const g = GRADIENT.exec(key);
  return g ? (`dE_dw${g[1]}` as QuantityName) : null;
}

const LR_LABEL = /^(?:lr|η|eta|α|alpha|learningrate(?:lr|η|eta|α|alpha)?|lrate|rate)$/u;

/** Does a cell's text label the learning rate ("LR", "η =", "learning_rate", "Learning Rate")? */
export function isLearningRateLabel(text: string): boolean {
  return LR_LABEL.test(normaliseLabel(text));
}
