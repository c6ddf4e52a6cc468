/**
 * Editable parameters for one section. Each field accepts text, shows why text
 * is not a number right beside it, and keeps the last valid value in force.
 *
 * A class component on purpose: the islands every section loads first avoid
 * preact/hooks (about 1 KB gzipped) to stay within the page's JavaScript budget.
 * For the same reason the labels arrive as props, written at build time by
 * components/Fields.astro, rather than as a table of all thirteen in the bundle.
 */
import { Component } from 'preact';
import { ARTICLE_PARAMS, type ParamName } from '../lib/backprop';
import { parseNumber } from '../lib/params';
import { $params, setParam } from '../state/tutorial';

/** One parameter's field: its name and how it is labelled (from lib/labels, at build time). */
export interface FieldSpec {
  name: ParamName;
  symbol: string;
  label: string;
}

interface Props {
  /** Which parameters this section lets the reader edit, labelled (see components/Fields.astro). */
  fields: readonly FieldSpec[];
  /** A heading for the group, e.g. "Inputs and targets". */
  legend: string;
  /** Distinguishes several groups on one page (used in element ids). */
  id: string;
}

interface FieldProps extends FieldSpec {
  groupId: string;
}

interface FieldState {
  /** The value in force. */
  value: number;
  /** What the field shows: the reader's text, valid or not. */
  text: string;
  /** Why `text` is not a number, or null. */
  error: string | null;
}

class ParamField extends Component<FieldProps, FieldState> {
  // The latest text, known at once (setState is applied later, but the store answers at once).
  private text: string;
  private stop: (() => void) | undefined;

  constructor(props: FieldProps) {
    super(props);
    // The first render matches the server's (the article's values); the state in force follows on mount.
    const value = ARTICLE_PARAMS[props.name];
    this.text = String(value);
    this.state = { value, text: this.text, error: null };
  }

  override componentDidMount(): void {
    this.stop = $params.subscribe((params) => this.follow(params[this.props.name]));
  }

  override componentWillUnmount(): void {
    this.stop?.();
  }

  /**
   * The value in force changed (the URL on load, Reset, the same field elsewhere):
   * show it, unless the text already means it (so "0.50" is not rewritten while typing).
   */
  private follow(value: number): void {
    const parsed = parseNumber(this.text);
    if (parsed.ok && parsed.value === value) {
      this.setState({ value });
    } else {
      this.text = String(value);
      this.setState({ value, text: this.text, error: null });
    }
  }

  private onInput = (text: string): void => {
    this.text = text;
    const parsed = parseNumber(text);
    this.setState({ text, error: parsed.ok ? null : parsed.message });
    if (parsed.ok) setParam(this.props.name, parsed.value);
  };

  private onBlur = (): void => {
    // Tidy a valid entry ("1e-3" becomes "0.001"); leave an invalid one for the reader to fix.
    if (this.state.error !== null) return;
    this.text = String($params.get()[this.props.name]);
    this.setState({ text: this.text });
  };

  override render() {
    const { name, symbol, label, groupId } = this.props;
    const { value, text, error } = this.state;
    const inputId = `${groupId}-${name}`;
    const errorId = `${inputId}-error`;
    return (
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={inputId}>
          <span class="field-name">{symbol}</span>
          <span class="field-help">{label}</span>
        </label>
        <input
          id={inputId}
          name={name}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellcheck={false}
          value={text}
          maxLength={40}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => this.onInput(e.currentTarget.value)}
          onBlur={this.onBlur}
        />
        {/* Always present and polite: a live region must exist before its text changes to be read out, and an
            assertive alert would interrupt on the "-" of "-0.5". The text changes only when the reason does. */}
        <p class="field-error" id={errorId} aria-live="polite">
          {error && `${error} Still using ${String(value)}.`}
        </p>
      </div>
    );
  }
}

/** A group of parameter fields bound to the shared state. */
export default function ParamFields({ fields, legend, id }: Props) {
  return (
    <fieldset class="params" id={id}>
      <legend>{legend}</legend>
      <div class="params-grid">
        {fields.map((field) => (
          <ParamField key={field.name} {...field} groupId={id} />
        ))}
      </div>
    </fieldset>
  );
}
