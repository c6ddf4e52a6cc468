/**
 * An open "Your turn" block: the numbers dealt from its seed (`data-q` elements holding the
 * exercise's configuration, never the page's), the answer field, the check and its verdict (a
 * polite live region), the hint ladder, giving up, and new numbers. The right answer reaches the
 * page only in the worked step, once the student has it right or gives up.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Params, QuantityName } from '../../lib/backprop';
import { hints, judge, minimumDigits, shownValues, type ExerciseDef, type Verdict } from '../../lib/exercises';
import { symbolOf } from '../../lib/quantities/definitions';
import { groupBrackets, widestUnbreakableEm } from '../../lib/math-breaks';
import { numberAttributes } from '../../lib/dom-contract/write';
import { texHtml, texWordsHtml } from '../../lib/practice/tex-words';

export interface BlockProps {
  readonly exercise: ExerciseDef;
  /** The seed the numbers are dealt from. */
  readonly seed: string;
  /** The configuration: dealt from the seed (values an embed's address gives replace the dealt ones). */
  readonly config: Params;
  /** Parameters the address of an embed fixed (shown as set by the course page). */
  readonly fixed: readonly string[];
  /** Whether "New numbers" is offered (not where a course page fixed the numbers). */
  readonly canDeal: boolean;
  /** The student's words for the asked quantity (`∂E/∂w₅`). */
  readonly title: string;
  readonly onDeal: () => void;
  readonly onSolved: () => void;
}

/** The hints' names, in the ladder's order. */
const HINT_NAMES = ['The formula', 'With your numbers', 'The worked step'];

/** How many hints come before the worked step. */
const HINTS_BEFORE_WORKED = 2;

function Tex({ tex }: { tex: string }) {
  return <span dangerouslySetInnerHTML={{ __html: texHtml(tex) }} />;
}

/**
 * A formula on its own line, set as inline math in display style so that on a phone it breaks after
 * = or + (as the pages' equations do); what still does not fit scrolls, and can be reached by keyboard to scroll.
 */
function Formula({ tex, label }: { tex: string; label: string }) {
  const html = texHtml(`\\displaystyle ${groupBrackets(tex)}`);
  // As the pages' equations (Eq.astro): a part too wide for a phone's line may scroll, so the formula takes focus.
  const mayScroll = widestUnbreakableEm(tex) > 15;
  return (
    <div
      class="eq-display exercise-eq"
      tabIndex={mayScroll ? 0 : undefined}
      role={mayScroll ? 'group' : undefined}
      aria-label={mayScroll ? `${label} (scroll sideways if cut off)` : undefined}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** The dealt numbers, the seed they come from, and New numbers. */
function Dealt({ seed, note, canDeal, onDeal, shown }: { seed: string; note: string | undefined; canDeal: boolean; onDeal: () => void; shown: ReturnType<typeof shownValues> }) {
  return (
    <div class="exercise-deal">
      <p class="exercise-seed">
        {note ?? 'Your numbers'}
        <span class="exercise-seed-text">
          (seed <span class="exercise-seed-value" translate={false}>{seed}</span>)
        </span>
        {canDeal && (
          <button type="button" class="exercise-button" data-action="deal" onClick={onDeal}>
            New numbers
          </button>
        )}
      </p>
      <ul class="exercise-given" aria-label="The values you are given">
        {shown.map((s) => (
          <li key={`${s.ref.name}@${s.ref.epoch ?? 1}`}>
            <Tex tex={symbolOf(s.ref.name as QuantityName)} /> ={' '}
            <span class="exercise-value" {...numberAttributes({ name: s.ref.name, ...(s.ref.epoch && s.ref.epoch > 1 ? { epoch: s.ref.epoch } : {}) }, s.value)}>
              {s.text}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What a check said (announced politely), and for a known mistake the right and the mistaken formula. */
function VerdictView({ id, verdict, gaveUp }: { id: string; verdict: Verdict | undefined; gaveUp: boolean }) {
  return (
    <div
      class="exercise-verdict"
      id={id}
      role="status"
      data-verdict={verdict?.kind}
      data-mistake={verdict?.mistake?.id}
    >
      {verdict && <p dangerouslySetInnerHTML={{ __html: texWordsHtml(verdict.message) }} />}
      {gaveUp && <p>The worked step is below. New numbers give you another try.</p>}
      {verdict?.mistake && (
        <div class="exercise-formulas">
          <p class="exercise-label">The right formula</p>
          <Formula tex={verdict.mistake.rightTex} label="The right formula" />
          <p class="exercise-label">With the mistake</p>
          <Formula tex={verdict.mistake.wrongTex} label="The formula with the mistake" />
        </div>
      )}
    </div>
  );
}

/** The hint ladder and Give up, then the hints asked for (all three, the worked step last, once worked). */
function Help({ worked, hintCount, ladder, onHint, onGiveUp }: { worked: boolean; hintCount: number; ladder: readonly string[]; onHint: () => void; onGiveUp: () => void }) {
  return (
    <>
      {!worked && (
        <div class="exercise-help">
          <button type="button" class="exercise-button" data-action="hint" onClick={onHint}>
            {hintCount < HINTS_BEFORE_WORKED ? `Hint ${hintCount + 1} of 3` : 'Hint 3 of 3: the worked step'}
          </button>
          <button type="button" class="exercise-button" data-action="give-up" onClick={onGiveUp}>
            Give up and show the worked step
          </button>
        </div>
      )}
      {(hintCount > 0 || worked) && (
        <ol class="exercise-hints" aria-label="Hints">
          {ladder.slice(0, worked ? 3 : hintCount).map((tex, k) => (
            <li key={k} data-hint={k + 1}>
              <p class="exercise-label">{HINT_NAMES[k]}</p>
              <Formula tex={tex} label={HINT_NAMES[k] ?? 'Hint'} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export default function Block({ exercise, seed, config, fixed, canDeal, title, onDeal, onSolved }: BlockProps) {
  const id = `exercise-${exercise.id}`;
  const shown = useMemo(() => shownValues(exercise, config), [exercise, config]);
  const ladder = useMemo(() => hints(exercise, config), [exercise, config]);
  const digits = useMemo(() => minimumDigits(exercise, config), [exercise, config]);
  const [typed, setTyped] = useState('');
  const [verdict, setVerdict] = useState<Verdict | undefined>();
  const [hintCount, setHintCount] = useState(0);
  const [worked, setWorked] = useState(false);
  const [gaveUp, setGaveUp] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  // New numbers: a fresh start.
  useEffect(() => {
    setTyped('');
    setVerdict(undefined);
    setHintCount(0);
    setWorked(false);
    setGaveUp(false);
  }, [config]);

  const check = (event: Event): void => {
    event.preventDefault();
    const next = judge(exercise, config, typed);
    setVerdict(next);
    if (next.kind === 'right') {
      setWorked(true);
      onSolved();
    }
    if (next.kind === 'invalid') field.current?.focus();
  };

  const giveUp = (): void => {
    setWorked(true);
    setGaveUp(true);
    setVerdict(undefined);
  };

  const nextHint = (): void => {
    if (hintCount < HINTS_BEFORE_WORKED) setHintCount(hintCount + 1);
    else giveUp();
  };

  const fixedNote = fixed.length > 0 ? 'Numbers set by your course page.' : undefined;
  return (
    <div class="exercise-open">
      <Dealt seed={seed} note={fixedNote} canDeal={canDeal} onDeal={onDeal} shown={shown} />
      <form class="exercise-form" onSubmit={check} noValidate>
        <label for={`${id}-answer`}>Your value of {title}, to at least {digits} significant digits</label>
        <div class="exercise-row">
          <input
            ref={field}
            id={`${id}-answer`}
            name="answer"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            value={typed}
            aria-invalid={verdict?.kind === 'invalid' ? 'true' : undefined}
            aria-describedby={`${id}-verdict`}
            onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="exercise-button exercise-check" data-action="check">
            Check
          </button>
        </div>
      </form>
      <VerdictView id={`${id}-verdict`} verdict={verdict} gaveUp={gaveUp} />
      <Help worked={worked} hintCount={hintCount} ladder={ladder} onHint={nextHint} onGiveUp={giveUp} />
    </div>
  );
}
