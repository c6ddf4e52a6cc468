/**
 * "Embed this step" (in a step's Share panel) or "Embed" (a section, on the help page): a
 * disclosure that opens on click, Enter or Space without any script, and once hydrated (on the
 * first pointer or focus into it) holds the snippet for an instructor's page: the frame with the
 * current configuration, and the steps, fixed values, left-out parts and colours chosen here; a
 * plain link below it; a short script that sizes it. The addresses, the snippet and the frame's
 * height come from lib/embed/; this island only reads the page and the state and renders.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { ARTICLE_PARAMS, PARAM_NAMES, type ParamName, type Params } from '../lib/backprop';
import { PARAM_LABELS } from '../lib/labels';
import {
  EMBED_PARTS,
  EMBED_THEMES,
  embedHelpPath,
  fullTutorialHref,
  stepsLabel,
  type EmbedPart,
  type EmbedTheme,
  type StepRange,
} from '../lib/embed/address';
import { frameHeight, EMBED_LAYOUTS } from '../lib/embed/heights';
import { embedAddress, embedSnippet } from '../lib/embed/snippet';
import { configurationQuery, queryString } from '../lib/params';
import { useDigits, useParams } from './use-tutorial';

interface Props {
  /** The section's slug, e.g. `1-4-backpropagation`. */
  slug: string;
  /** The section's number and title, for the frame's accessible name. */
  section: string;
  /** The step this action belongs to (`step-5`); none for the whole section. */
  target?: string;
  /** What is embedded, in words: "Step 5", "section 1.5". */
  what: string;
  /** For a whole section away from its page: the parts it has that can be left out (else read from the page). */
  parts?: readonly EmbedPart[];
}

const PART_LABELS: Readonly<Record<EmbedPart, string>> = {
  fields: 'the fields',
  toolbar: 'the toolbar (digits, Reset)',
  errata: 'the corrections',
  notes: 'the notes on spreadsheet mistakes',
};

const THEME_LABELS: Readonly<Record<EmbedTheme, string>> = {
  auto: 'as the student’s system',
  light: 'light',
  dark: 'dark',
};

/** Which values the embed fixes: none, those changed on this page, every one, or a choice. */
type LockChoice = 'none' | 'changed' | 'all' | 'some';

/** The step a target lies in, from the page. */
function stepOf(target: string | undefined): number | null {
  const step = target ? document.getElementById(target)?.closest<HTMLElement>('.step[id^="step-"]') : null;
  return step ? Number(step.id.slice('step-'.length)) : null;
}

/** The parts this view could leave out: the fields and toolbar always; corrections and notes only where the view has some. */
function partsIn(steps: StepRange | null): EmbedPart[] {
  const where = steps
    ? Array.from({ length: steps.to - steps.from + 1 }, (_, k) => document.getElementById(`step-${steps.from + k}`))
    : [document.querySelector('article.section')];
  const has = (selector: string) => where.some((el) => el?.querySelector(selector));
  return EMBED_PARTS.filter((part) => (part === 'errata' ? has('.erratum') : part === 'notes' ? has('.mistake-note') : true));
}

/** A value as a reader reads it, with its symbol: "w1 = 0.3". */
function valueLabel(name: ParamName, params: Params): string {
  return `${PARAM_LABELS[name].symbol} = ${String(params[name])}`;
}

/** A choice among radio buttons of one group. */
function radio<T extends string>(name: string, value: T, current: T, set: (v: T) => void, label: string) {
  return (
    <label class="embed-check">
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => set(value)} />
      {label}
    </label>
  );
}

const onCheck = (handler: (on: boolean) => void) => (event: JSX.TargetedEvent<HTMLInputElement>) => handler(event.currentTarget.checked);
const toggle = <T,>(list: readonly T[], item: T, on: boolean): readonly T[] => (on ? [...list, item] : list.filter((x) => x !== item));

/** How many steps, from the one the embed starts at. */
function StepsSelect({ from, to, stepCount, setTo }: { from: number; to: number; stepCount: number; setTo: (to: number) => void }) {
  return (
    <label class="embed-row">
      <span>Steps</span>
      <select value={String(to)} onChange={(e) => setTo(Number(e.currentTarget.value))}>
        {Array.from({ length: stepCount - from + 1 }, (_, k) => from + k).map((n) => (
          <option value={String(n)}>{n === from ? `Step ${from} only` : `Steps ${from} to ${n}`}</option>
        ))}
      </select>
    </label>
  );
}

/** Which values the students cannot change: none, those the instructor changed, all, or some chosen. */
function LockChoices(props: {
  group: string;
  choice: LockChoice;
  setChoice: (choice: LockChoice) => void;
  changed: readonly ParamName[];
  chosen: readonly ParamName[];
  setChosen: (chosen: readonly ParamName[]) => void;
  params: Params;
}) {
  const { group, choice, changed, chosen, setChosen, params } = props;
  const setLockChoice = props.setChoice;
  return (
    <fieldset class="embed-choices embed-choices-column">
      <legend>Fixed for your students</legend>
      {radio(group, 'none', choice, setLockChoice, 'Nothing: they can change every value')}
      {changed.length > 0 &&
        radio(group, 'changed', choice, setLockChoice, `The values you changed: ${changed.map((n) => valueLabel(n, params)).join(', ')}`)}
      {radio(group, 'all', choice, setLockChoice, 'Every value, the article’s included')}
      {radio(group, 'some', choice, setLockChoice, 'Some values…')}
      {choice === 'some' && (
        <div class="embed-params">
          {PARAM_NAMES.map((name) => (
            <label class="embed-check embed-param">
              <input type="checkbox" checked={chosen.includes(name)} onChange={onCheck((on) => setChosen(toggle(chosen, name, on)))} />
              {valueLabel(name, params)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** The code to paste, a button that copies it, a preview, and what the frame's height will be. */
function CodeToPaste({ id, snippet, src, help, height }: { id: string; snippet: string; src: string; help: string | undefined; height: number }) {
  const [said, setSaid] = useState('');
  const code = useRef<HTMLTextAreaElement>(null);
  const copy = () => {
    const done = () => setSaid('Copied. Paste it into your page’s HTML.');
    const select = () => {
      code.current?.select();
      setSaid('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    };
    if (navigator.clipboard) navigator.clipboard.writeText(snippet).then(done, select);
    else select();
  };
  return (
    <>
      <label class="embed-code-label" for={`${id}-code`}>
        Code to paste
      </label>
      <textarea id={`${id}-code`} class="embed-code" readOnly rows={8} value={snippet} ref={code} spellcheck={false} />
      <div class="embed-actions">
        <button type="button" onClick={copy}>
          Copy the code
        </button>
        <a href={src} target="_blank" rel="noopener">
          Preview<span class="visually-hidden"> the embed (opens a new tab)</span>
        </a>
        {help && <a href={help}>How embedding works</a>}
        <span class="embed-status" aria-live="polite">
          {said}
        </span>
      </div>
      <p class="embed-hint">
        The frame is {height} px high: this view’s height in a frame {EMBED_LAYOUTS.width} px wide. The script makes it as high as its
        content; where a site removes scripts, it keeps {height} px. Below it, a plain link opens the same view in the full tutorial,
        for wherever the frame cannot show.
      </p>
    </>
  );
}

function EmbedForm({ slug, section, target, what, parts: sectionParts }: Props) {
  const params = useParams();
  const digits = useDigits();
  const from = useMemo(() => stepOf(target), [target]);
  const stepCount = useMemo(() => document.querySelectorAll('.step[id^="step-"]').length, []);
  const [to, setTo] = useState(from ?? 0);
  const [lockChoice, setLockChoice] = useState<LockChoice>('none');
  const [chosen, setChosen] = useState<readonly ParamName[]>([]);
  const [hidden, setHidden] = useState<readonly EmbedPart[]>([]);
  const [theme, setTheme] = useState<EmbedTheme>('auto');

  const changed = PARAM_NAMES.filter((n) => params[n] !== ARTICLE_PARAMS[n]);
  const steps: StepRange | null = from === null ? null : { from, to: Math.max(from, to) };
  const parts = sectionParts ?? partsIn(steps);
  const choice = lockChoice === 'changed' && changed.length === 0 ? 'none' : lockChoice;
  const lock: readonly ParamName[] =
    choice === 'all' ? PARAM_NAMES : choice === 'changed' ? changed : choice === 'some' ? PARAM_NAMES.filter((n) => chosen.includes(n)) : [];
  const hide = hidden.filter((p) => parts.includes(p));
  const configuration = queryString(configurationQuery(params, digits));
  const base = import.meta.env.BASE_URL;
  const src = embedAddress(location.origin, base, slug, { steps, lock, hide, theme }, configuration);
  const height = frameHeight(slug, steps, hide);
  const title = `Backpropagation, live: ${section}${steps ? `, ${stepsLabel(steps)}` : ''}`;
  const link = {
    href: `${location.origin}${fullTutorialHref(base, slug, configuration, steps)}`,
    text: `${steps ? `${stepsLabel(steps)} of ` : ''}${section}, in the full tutorial`,
  };
  const snippet = embedSnippet({ src, title, height, link });
  const id = `embed-${target ?? slug}`;


  return (
    <div class="embed-form">
      <p class="embed-intro">
        Show {what} with these values inside another page: a course page, a learning platform, slides.
      </p>
      {steps && from !== null && stepCount > from && <StepsSelect from={from} to={steps.to} stepCount={stepCount} setTo={setTo} />}
      <LockChoices group={`${id}-lock`} choice={choice} setChoice={setLockChoice} changed={changed} chosen={chosen} setChosen={setChosen} params={params} />
      <fieldset class="embed-choices">
        <legend>Leave out</legend>
        {parts.map((part) => (
          <label class="embed-check">
            <input type="checkbox" checked={hide.includes(part)} onChange={onCheck((on) => setHidden(toggle(hidden, part, on)))} />
            {PART_LABELS[part]}
          </label>
        ))}
      </fieldset>
      <fieldset class="embed-choices">
        <legend>Colours</legend>
        {EMBED_THEMES.map((t) => radio(`${id}-theme`, t, theme, setTheme, THEME_LABELS[t]))}
      </fieldset>
      <CodeToPaste id={id} snippet={snippet} src={src} help={target ? `${embedHelpPath(base)}${configuration}` : undefined} height={height} />
    </div>
  );
}

export default function EmbedAction(props: Props) {
  // The server's HTML and the first render in the browser match (closed, no form). The form lives
  // only while the disclosure is open, so no edit elsewhere pays for it.
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // A reader may have opened it before this code arrived.
  useEffect(() => setOpen(details.current?.open ?? false), []);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !details.current?.open) return;
    event.stopPropagation();
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  return (
    <details class="embed-action" ref={details} onKeyDown={closeOnEscape} onToggle={() => setOpen(details.current?.open ?? false)}>
      <summary>
        {props.target ? 'Embed this step' : 'Embed'}
        <span class="visually-hidden"> {props.target ? `(${props.what})` : props.what} in another page</span>
      </summary>
      <div class="embed-panel">
        {open ? <EmbedForm {...props} /> : <p class="embed-hint">Preparing the code to embed {props.what}…</p>}
      </div>
    </details>
  );
}
