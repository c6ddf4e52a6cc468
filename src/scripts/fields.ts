/**
 * Makes the parameter fields (components/Fields.astro) live. Each field accepts text, shows why
 * text is not a number right beside it, and keeps the last valid value in force; every field
 * follows the value in force (the address on load, Reset, the same parameter edited elsewhere).
 */
import type { ParamName } from '../lib/backprop';
import { parseNumber } from '../lib/params';
import { $params, setParam } from '../state/tutorial';

/** Wires one field to the shared state; the returned function stops it following the state (for a field that goes away). */
export function startField(input: HTMLInputElement): () => void {
  const name = input.name as ParamName;
  const field = input.closest<HTMLElement>('.field');
  const message = document.getElementById(`${input.id}-error`);
  let error: string | null = null;

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
    if (message) message.textContent = next === null ? '' : `${next} Still using ${String($params.get()[name])}.`;
  };

  input.addEventListener('input', () => {
    const parsed = parseNumber(input.value);
    showError(parsed.ok ? null : parsed.message);
    if (!parsed.ok) return;
    setParam(name, parsed.value);
    // A locked parameter (an embed's lock=) refuses the value: the field goes back to the one in force.
    if ($params.get()[name] !== parsed.value) input.value = String($params.get()[name]);
  });
  input.addEventListener('blur', () => {
    // Tidy a valid entry ("1e-3" becomes "0.001"); leave an invalid one for the reader to fix.
    if (error === null) input.value = String($params.get()[name]);
  });
  return $params.subscribe((params) => {
    const value = params[name];
    const parsed = parseNumber(input.value);
    // Unless the text already means the value (so "0.50" is not rewritten while typing).
    if (parsed.ok && parsed.value === value) return;
    input.value = String(value);
    showError(null);
  });
}
