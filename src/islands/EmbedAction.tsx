/**
 * "Embed", beside a step's copy-link: a disclosure that opens on click, Enter or Space without
 * any script, and once hydrated (on the first pointer or focus into it) holds the snippet for an
 * instructor's page: the frame with the current configuration, the steps, read-only values and
 * hidden parts chosen here, and a short script that sizes it. The addresses and the snippet come
 * from lib/embed.ts; this island only reads the page and the state and renders.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { ARTICLE_PARAMS, PARAM_NAMES, type ParamName } from '../lib/backprop';
import { PARAM_LABELS } from '../lib/labels';
import { EMBED_PARTS, embedHelpPath, embedPath, stepsLabel, type EmbedPart, type StepRange } from '../lib/embed/address';
import { embedQuery, embedSnippet, fallbackHeight } from '../lib/embed/snippet';
import { configurationQuery, queryString } from '../lib/params';
import { useDigits, useParams } from './use-tutorial';

interface Props {
  /** The section's slug, e.g. `1-4-backpropagation`. */
  slug: string;
  /** The section's number and title, for the frame's accessible name. */
  section: string;
  /** The id this action sits beside (`step-5`, `grad-w5`); none for the whole section. */
  target?: string;
  /** What is embedded, in words: "Step 5", "the gradient of w5", "section 1.5". */
  what: string;
  /** For a whole section away from its page: the parts it has that can be left out (else read from the page). */
  parts?: readonly EmbedPart[];
}

/** The frame's height for a whole section away from its page, where nothing can be measured. */
const SECTION_HEIGHT = 900;

const PART_LABELS: Readonly<Record<EmbedPart, string>> = {
  fields: 'the fields',
  toolbar: 'the toolbar (digits, Reset)',
  errata: 'the corrections',
};

/** The step a target lies in (`grad-w5` lies in Step 8), from the page. */
function stepOf(target: string | undefined): number | null {
  const step = target ? document.getElementById(target)?.closest<HTMLElement>('.step[id^="step-"]') : null;
  return step ? Number(step.id.slice('step-'.length)) : null;
}

/** The height of what the embed will show, measured on this page: a first guess for the frame. */
function measure(steps: StepRange | null, hide: readonly EmbedPart[]): number {
  const height = (el: Element | null | undefined) => el?.getBoundingClientRect().height ?? 0;
  // Title line, the embed's padding and margins between parts.
  let total = 80;
  if (!hide.includes('toolbar')) total += height(document.querySelector('.toolbar'));
  if (!steps) return total + height(document.querySelector('article.section'));
  if (!hide.includes('fields')) for (const fields of document.querySelectorAll('article.section .params')) total += height(fields) + 24;
  for (let n = steps.from; n <= steps.to; n++) {
    const step = document.getElementById(`step-${n}`);
    // Not this panel, open inside the step as it is measured.
    total += height(step) - height(step?.querySelector('.embed-action[open] > .embed-panel')) + 24;
  }
  return total;
}

/** The parts this embed could hide: the fields and toolbar always; corrections only where the view has some. */
function partsIn(steps: StepRange | null): EmbedPart[] {
  const errata = steps
    ? Array.from({ length: steps.to - steps.from + 1 }, (_, k) => document.getElementById(`step-${steps.from + k}`)).some((s) => s?.querySelector('.erratum'))
    : document.querySelector('article.section .erratum') !== null;
  return EMBED_PARTS.filter((part) => part !== 'errata' || errata);
}

function EmbedForm({ slug, section, target, what, parts: sectionParts }: Props) {
  const params = useParams();
  const digits = useDigits();
  const from = useMemo(() => stepOf(target), [target]);
  const stepCount = useMemo(() => document.querySelectorAll('.step[id^="step-"]').length, []);
  const [to, setTo] = useState(from ?? 0);
  const [locked, setLocked] = useState<readonly ParamName[]>([]);
  const [hidden, setHidden] = useState<readonly EmbedPart[]>([]);
  const [said, setSaid] = useState('');
  const code = useRef<HTMLTextAreaElement>(null);

  const changed = PARAM_NAMES.filter((n) => params[n] !== ARTICLE_PARAMS[n]);
  const steps: StepRange | null = from === null ? null : { from, to: Math.max(from, to) };
  const parts = sectionParts ?? partsIn(steps);
  const lock = locked.filter((n) => changed.includes(n));
  const hide = hidden.filter((p) => parts.includes(p));
  const configuration = queryString(configurationQuery(params, digits));
  const hash = target?.startsWith('grad-') ? `#${target}` : '';
  const src = `${location.origin}${embedPath(import.meta.env.BASE_URL, slug)}${embedQuery({ steps, lock, hide }, configuration)}${hash}`;
  const height = fallbackHeight(target ? measure(steps, hide) : SECTION_HEIGHT);
  const title = `Backpropagation, live: ${section}${steps ? `, ${stepsLabel(steps)}` : ''}`;
  const snippet = embedSnippet({ src, title, height });
  const id = `embed-${target ?? slug}`;

  const toggle = <T,>(list: readonly T[], item: T, on: boolean): readonly T[] => (on ? [...list, item] : list.filter((x) => x !== item));
  const copy = () => {
    const done = () => setSaid('Copied. Paste it into your page’s HTML.');
    const select = () => {
      code.current?.select();
      setSaid('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    };
    if (navigator.clipboard) navigator.clipboard.writeText(snippet).then(done, select);
    else select();
  };
  const onCheck = (handler: (on: boolean) => void) => (event: JSX.TargetedEvent<HTMLInputElement>) => handler(event.currentTarget.checked);

  return (
    <div class="embed-form">
      <p class="embed-intro">
        Show {what} with these values inside another page: a course page, a learning platform, slides.
      </p>
      {steps && from !== null && stepCount > from && (
        <label class="embed-row">
          <span>Steps</span>
          <select value={String(steps.to)} onChange={(e) => setTo(Number(e.currentTarget.value))}>
            {Array.from({ length: stepCount - from + 1 }, (_, k) => from + k).map((n) => (
              <option value={String(n)}>{n === from ? `Step ${from} only` : `Steps ${from} to ${n}`}</option>
            ))}
          </select>
        </label>
      )}
      <fieldset class="embed-choices">
        <legend>Read-only in the embed</legend>
        {changed.length === 0 ? (
          <p class="embed-hint">Change a value on this page first; then it can be fixed here for your students.</p>
        ) : (
          changed.map((name) => (
            <label class="embed-check">
              <input type="checkbox" checked={lock.includes(name)} onChange={onCheck((on) => setLocked(toggle(locked, name, on)))} />
              {PARAM_LABELS[name].symbol} = {String(params[name])}
            </label>
          ))
        )}
      </fieldset>
      <fieldset class="embed-choices">
        <legend>Leave out</legend>
        {parts.map((part) => (
          <label class="embed-check">
            <input type="checkbox" checked={hide.includes(part)} onChange={onCheck((on) => setHidden(toggle(hidden, part, on)))} />
            {PART_LABELS[part]}
          </label>
        ))}
      </fieldset>
      <label class="embed-code-label" for={`${id}-code`}>
        Code to paste
      </label>
      <textarea id={`${id}-code`} class="embed-code" readOnly rows={7} value={snippet} ref={code} spellcheck={false} />
      <div class="embed-actions">
        <button type="button" onClick={copy}>
          Copy the code
        </button>
        <a href={src} target="_blank" rel="noopener">
          Preview<span class="visually-hidden"> the embed (opens a new tab)</span>
        </a>
        {target && <a href={`${embedHelpPath(import.meta.env.BASE_URL)}${configuration}`}>How embedding works</a>}
        <span class="embed-status" aria-live="polite">
          {said}
        </span>
      </div>
      <p class="embed-hint">
        The frame is {height} px high; the script makes it as high as its content. Where a site removes scripts, the frame keeps {height} px and
        scrolls inside.
      </p>
    </div>
  );
}

export default function EmbedAction(props: Props) {
  // The server's HTML and the first render in the browser match (closed, no form). The form lives
  // only while the disclosure is open: it measures the page, which no edit elsewhere should pay for.
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // A reader may have opened it before this code arrived.
  useEffect(() => setOpen(details.current?.open ?? false), []);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !details.current?.open) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  return (
    <details class="embed-action" ref={details} onKeyDown={closeOnEscape} onToggle={() => setOpen(details.current?.open ?? false)}>
      <summary>
        Embed<span class="visually-hidden"> {props.what} in another page</span>
      </summary>
      <div class="embed-panel">
        {open ? <EmbedForm {...props} /> : <p class="embed-hint">Preparing the code to embed {props.what}…</p>}
      </div>
    </details>
  );
}
