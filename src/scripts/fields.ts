/**
 * Makes the parameter fields (components/Fields.astro) live. Each field accepts text, shows why
 * text is not a number right beside it, and keeps the last valid value in force; every field
 * follows the value in force (the address on load, Reset, training, the same parameter edited
 * elsewhere). A field shows what fits (`formatField`: a trained weight to the page's digits, "…"
 * when cut); focusing it shows and selects the exact value. Only typing changes a value.
 */
import { formatField, type ParamName } from '../lib/backprop';
import { parseNumber } from '../lib/params';
import { $digits, $params, setParam, watchState } from '../state/tutorial';

/** Wires one field to the shared state; the returned function stops it following the state (for a field that goes away). */
export function startField(input: HTMLInputElement): () => void {
  const name = input.name as ParamName;
  const field = input.closest<HTMLElement>('.field');
  const message = document.getElementById(`${input.id}-error`);
  let error: string | null = null;
  let editing = false;
  const value = (): number => $params.get()[name];

  /** Shows why the text is not a number (or nothing), beside the field and to assistive technology. */
  const showError = (next: string | null): void => {
    error = next;
    field?.classList.toggle('field-invalid', next !== null);
    if (next === null) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    } else {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${input.id}-error`);
    }
    if (message) message.textContent = next === null ? '' : `${next} Still using ${String(value())}.`;
  };

  /** The value in force as the field shows it: exact while edited, what fits otherwise. */
  const show = (): void => {
    input.value = editing ? String(value()) : formatField(value(), $digits.get());
  };

  input.addEventListener('focus', () => {
    editing = true;
    if (error !== null || input.value === String(value())) return;
    // The exact value, selected: one tap shows every digit, and typing replaces it.
    show();
    input.select();
  });
  input.addEventListener('input', () => {
    editing = true;
    const parsed = parseNumber(input.value);
    showError(parsed.ok ? null : parsed.message);
    if (!parsed.ok) return;
    setParam(name, parsed.value);
    // A locked parameter (an embed's lock=) refuses the value: the field goes back to the one in force.
    if (value() !== parsed.value) show();
  });
  input.addEventListener('blur', () => {
    editing = false;
    // Tidy a valid entry ("1e-3" becomes "0.001"); leave an invalid one for the reader to fix.
    if (error === null) show();
  });

  let shown: number | undefined;
  return watchState(() => {
    const changed = value() !== shown;
    shown = value();
    // Only the precision changed: a reader's unfinished text stays to be fixed.
    if (!changed && error !== null) return;
    // While typing, unless the text already means the value (so "0.50" is not rewritten).
    const parsed = parseNumber(input.value);
    if (editing && parsed.ok && parsed.value === value()) return;
    show();
    if (changed) showError(null);
  });
}
