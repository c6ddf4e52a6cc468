/**
 * One explanation: a quantity's symbol and meaning, its live equation (formula, numbers, result),
 * what it is made from and what is made from it (each opens its own explanation in place), the
 * way back, where the site works it out, and for a parameter a field to change it. Rendered by
 * src/scripts/explain/main.ts into the page's explanation popover, from the build-time
 * explanations file; every number is a `data-q` element of the state in force.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { createResolver, type ParamName, type Params, type QuantityRef } from '../../lib/backprop';
import { bindNumbers, numbersIn, readRef, renderQuantities } from '../../lib/dom-contract/core';
import { shown, writeRef } from '../../lib/dom-contract/write';
import { PARAM_LABELS } from '../../lib/labels';
import {
  EQUATION_EPOCH,
  UPDATE_EPOCH,
  consumerRefs,
  describeRef,
  epochOf,
  ingredientRefs,
  kindOf,
  refAt,
  retarget,
  type ExplanationKind,
} from '../../lib/quantities/chain';
import type { Explanation as Entry, Explanations } from '../../lib/quantities/explanations';
import { startField } from '../fields';
import { isLocked } from '../../state/tutorial';
import { buildTimeMarkup } from './markup';

/** What the explanation shows and what its controls do. */
export interface ExplanationProps {
  /** Every quantity's explanation; undefined while the file loads. */
  readonly explanations: Explanations | undefined;
  readonly failed: boolean;
  /** The explanations walked through, the one shown last. */
  readonly trail: readonly QuantityRef[];
  readonly params: Params;
  readonly digits: number;
  /** The reader's configuration as a query (`?w1=0.3`), for links to other pages. */
  readonly query: string;
  readonly go: (ref: QuantityRef) => void;
  readonly back: (index: number) => void;
  readonly close: () => void;
}

/** Build-time markup (KaTeX's output) as elements. */
function Markup({ html }: { html: string }) {
  const box = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => box.current?.replaceChildren(buildTimeMarkup(html)), [html]);
  return <span class="explain-tex" ref={box} />;
}

/**
 * A typeset live equation, its slots moved from the epoch it was typeset at to `target`'s epoch
 * and run, and its numbers rewritten from the state on every render.
 */
function LiveEquation(props: { html: string; base: number; target: QuantityRef; params: Params; digits: number }) {
  const { html, base, target, params, digits } = props;
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.replaceChildren(buildTimeMarkup(html));
    for (const n of numbersIn(el)) {
      const slot = readRef(n);
      if (slot) writeRef(n, retarget(slot, base, target));
    }
  }, [html, base, target.name, target.epoch, target.lr]);
  useLayoutEffect(() => {
    if (box.current) renderQuantities(bindNumbers(numbersIn(box.current), readRef), params, digits);
  });
  return (
    <div
      class="eq eq-display explain-eq"
      ref={box}
      data-explain-stop=""
      tabIndex={0}
      role="group"
      aria-label={`Equation for ${describeRef(target)}`}
      aria-describedby="explain-keys"
    />
  );
}

/** The section fields' markup and behaviour (src/scripts/fields.ts), for one parameter. */
function ParamField({ name }: { name: ParamName }) {
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => (input.current ? startField(input.current) : undefined), [name]);
  const id = `explain-field-${name}`;
  return (
    <div class="field explain-field">
      <label for={id}>
        <span class="field-name">Change {PARAM_LABELS[name].symbol}</span>
        <span class="field-help">{PARAM_LABELS[name].label}</span>
      </label>
      <input id={id} name={name} type="text" inputMode="decimal" autoComplete="off" spellcheck={false} maxLength={40} ref={input} />
      <p class="field-error" id={`${id}-error`} aria-live="polite" />
    </div>
  );
}

/** Links to other quantities' explanations, each with its symbol and its number. */
function QuantityLinks(props: { heading: string; refs: readonly QuantityRef[]; all: Explanations; params: Params; digits: number; go: (ref: QuantityRef) => void }) {
  const { heading, refs, all, params, digits, go } = props;
  if (refs.length === 0) return null;
  const resolve = createResolver(params);
  return (
    <section class="explain-links">
      <h3>{heading}</h3>
      <ul>
        {refs.map((r) => (
          <li key={describeRef(r)}>
            <button type="button" data-explain-link={r.name} onClick={() => go(r)}>
              <Markup html={all[r.name].symbol} />
              {epochOf(r) > 1 && <span class="explain-epoch">epoch {epochOf(r)}</span>}
              <span aria-hidden="true">=</span>
              <span {...shown(r, resolve(r), digits)} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What kind of value this is, in a sentence. */
const SAYS: Readonly<Record<ExplanationKind | 'locked', string>> = {
  formula: '',
  parameter: 'You set this value. Change it here, or drag it sideways wherever it appears, or press the up and down arrows on it.',
  locked: 'Set by your course page: it is fixed here and cannot be changed.',
  update: 'Gradient descent moved it: the weight one epoch before, minus the learning rate times its gradient then.',
  unchanged: 'Training changes only the weights: this stays the value you set.',
};

/** The epoch and run a value belongs to, with the learning rate as a live number. */
function Run({ target, params, digits }: { target: QuantityRef; params: Params; digits: number }) {
  const epoch = epochOf(target);
  if (epoch === 1 && target.lr === undefined) return null;
  const rate = refAt('lr', 1, target.lr);
  const updates = epoch - 1;
  return (
    <p class="explain-run">
      {epoch > 1 ? `At epoch ${epoch}, after ${updates} update${updates === 1 ? '' : 's'} of the weights` : 'At epoch 1, before any update'}{' '}
      at learning rate η = <span {...shown(rate, createResolver(params)(rate), digits)} />.
    </p>
  );
}

function Body({ entry, all, props }: { entry: Entry; all: Explanations; props: ExplanationProps }) {
  const { trail, params, digits, query, go, close } = props;
  const target = trail[trail.length - 1] as QuantityRef;
  const kind = kindOf(target, entry.ingredients.length > 0);
  const update = kind === 'update' && entry.update !== undefined;
  const place = update && entry.updateAt ? entry.updateAt : entry.derivedAt;
  const here = new URL(place.href, location.href);
  const href = `${here.pathname === location.pathname ? '' : here.pathname}${query}${here.hash}`;
  const settable = kind === 'parameter' && !(target.name === 'lr' && target.lr !== undefined);
  // A parameter an embed's address locks is shown as fixed: no field, and words that say why.
  const locked = settable && isLocked(target.name as ParamName);
  const editable = settable && !locked;
  const says = SAYS[locked ? 'locked' : kind];
  return (
    <>
      <p class="explain-meaning">
        <Markup html={entry.meaning} />
      </p>
      <Run target={target} params={params} digits={digits} />
      {says && <p data-explain-says={locked ? 'locked' : kind}>{says}</p>}
      <LiveEquation
        html={update ? (entry.update ?? '') : entry.equation}
        base={update ? UPDATE_EPOCH : EQUATION_EPOCH}
        target={target}
        params={params}
        digits={digits}
      />
      {editable && <ParamField key={target.name} name={target.name as ParamName} />}
      <QuantityLinks heading="Made from" refs={ingredientRefs(target, entry.ingredients, entry.ingredients.length > 0)} all={all} params={params} digits={digits} go={go} />
      <QuantityLinks heading="Used to compute" refs={consumerRefs(target, entry.consumers)} all={all} params={params} digits={digits} go={go} />
      <p class="explain-where">
        Worked out in{' '}
        <a href={href} onClick={close}>
          {place.title}
        </a>
        .
      </p>
    </>
  );
}

/** Where a value stands when not at epoch 1 of the page's own run, in words: `at epoch 3, η = 0.5`. */
function runOf(ref: QuantityRef): string {
  return describeRef(ref).slice(describeRef({ name: ref.name }).length).trim();
}

/**
 * A step of the trail, short: its symbol (typeset once the explanations are there), and its epoch
 * where that changes along the way (the rate never does).
 */
function TrailLabel({ refd, before, all }: { refd: QuantityRef; before: QuantityRef | undefined; all: Explanations | undefined }) {
  const epoch = epochOf(refd);
  const shownEpoch = before === undefined ? epoch > 1 : epoch !== epochOf(before);
  const symbol = all ? <Markup html={all[refd.name].symbol} /> : describeRef({ name: refd.name });
  return (
    <>
      {symbol}
      {shownEpoch && `, epoch ${epoch}`}
    </>
  );
}

export default function Explanation(props: ExplanationProps) {
  const { explanations, failed, trail, back, close } = props;
  const target = trail[trail.length - 1];
  if (!target) return null;
  const entry = explanations?.[target.name];
  const previous = trail[trail.length - 2];
  return (
    <>
      <div class="explain-bar">
        {trail.length > 1 ? (
          <nav class="explain-trail" aria-label="Explanations opened">
            <ol>
              {trail.map((r, i) => (
                <li key={i}>
                  {i < trail.length - 1 ? (
                    <button type="button" onClick={() => back(i)}>
                      <TrailLabel refd={r} before={trail[i - 1]} all={explanations} />
                    </button>
                  ) : (
                    <span aria-current="step">
                      <TrailLabel refd={r} before={trail[i - 1]} all={explanations} />
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        ) : (
          <span />
        )}
        <button type="button" class="explain-close" onClick={close}>
          Close
        </button>
      </div>
      {/* Named in plain symbols too: the typeset symbol's MathML does not name the dialog in every reader. */}
      <h2 id="explanation-title" tabIndex={-1} aria-label={describeRef(target)}>
        {entry ? <Markup html={entry.symbol} /> : describeRef({ name: target.name })} <span class="explain-name">{runOf(target)}</span>
      </h2>
      {entry && explanations ? (
        <Body entry={entry} all={explanations} props={props} />
      ) : (
        <p role="status">{failed ? 'The explanation could not be loaded. Check the connection and try again.' : 'Loading…'}</p>
      )}
      {previous && (
        <button type="button" class="explain-back" onClick={() => back(trail.length - 2)}>
          Back to {describeRef(previous)}
        </button>
      )}
    </>
  );
}
