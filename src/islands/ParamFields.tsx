/**
 * Editable parameters for one section. Each field accepts text, shows why text
 * is not a number right beside it, and keeps the last valid value in force.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ParamName } from '../lib/backprop';
import { PARAM_LABELS } from '../lib/labels';
import { parseNumber } from '../lib/params';
import { $params, setParam } from '../state/tutorial';
import { useParams } from './use-tutorial';

interface Props {
  /** Which parameters this section lets the reader edit. */
  names: readonly ParamName[];
  /** A heading for the group, e.g. "Inputs and targets". */
  legend: string;
  /** Distinguishes several groups on one page (used in element ids). */
  id: string;
}

interface Draft {
  text: string;
  error: string | null;
}

function ParamField({ name, groupId }: { name: ParamName; groupId: string }) {
  const value = useParams()[name];
  const [draft, setDraft] = useState<Draft>({ text: String(value), error: null });

  // When the value changes elsewhere (Reset, the same field in another island), show it,
  // unless the text already means that value (so "0.50" is not rewritten while typing).
  useEffect(() => {
    const parsed = parseNumber(draft.text);
    if (!parsed.ok || parsed.value !== value) setDraft({ text: String(value), error: null });
    // Only a change of the value in force should trigger this, not every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const inputId = `${groupId}-${name}`;
  const errorId = `${inputId}-error`;
  const onInput = (text: string) => {
    const parsed = parseNumber(text);
    if (parsed.ok) {
      setDraft({ text, error: null });
      setParam(name, parsed.value);
    } else {
      setDraft({ text, error: parsed.message });
    }
  };

  return (
    <div class={draft.error ? 'field field-invalid' : 'field'}>
      <label for={inputId}>
        <span class="field-name">{PARAM_LABELS[name].symbol}</span>
        <span class="field-help">{PARAM_LABELS[name].label}</span>
      </label>
      <input
        id={inputId}
        name={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellcheck={false}
        value={draft.text}
        maxLength={40}
        aria-invalid={draft.error ? 'true' : undefined}
        aria-describedby={draft.error ? errorId : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={() => draft.error === null && setDraft({ text: String($params.get()[name]), error: null })}
      />
      {/* Always present and polite: a live region must exist before its text changes to be read out, and an
          assertive alert would interrupt on the "-" of "-0.5". The text changes only when the reason does. */}
      <p class="field-error" id={errorId} aria-live="polite">
        {draft.error && `${draft.error} Still using ${String(value)}.`}
      </p>
    </div>
  );
}

/** A group of parameter fields bound to the shared state. */
export default function ParamFields({ names, legend, id }: Props) {
  return (
    <fieldset class="params" id={id}>
      <legend>{legend}</legend>
      <div class="params-grid">
        {names.map((name) => (
          <ParamField key={name} name={name} groupId={id} />
        ))}
      </div>
    </fieldset>
  );
}
