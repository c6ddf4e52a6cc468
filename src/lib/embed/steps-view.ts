/**
 * The page of a run of steps, cut from its section's rendered content: the steps asked for, the
 * heading of the part each is in, and the fields their numbers depend on. Everything else (other
 * steps, prose between them, figures and their islands, fields no number shown depends on) is left
 * out, all but the scripts and styles it held: a component's script is written once, where the
 * component first appears, and a step further on may need it. Astro's island runtime goes too where no
 * island is left. Pure, but for the memo at the end.
 */
import { isParameter, isQuantityName, PARAM_NAMES, type ParamName, type QuantityName } from '../backprop';
import { definitionOf } from '../quantities/definitions';
import { ingredientsOf } from '../quantities/expr';
import type { StepRange } from './range';
import { EPOCH, NOTE_SEPARATOR, Q } from '../dom-contract';

/** Elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** A comment, a script or style with its raw text, or a tag (attribute values may hold `>`). */
const TOKEN = /<!--[\s\S]*?-->|<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * Splits machine-written markup (Astro's) into its top-level nodes: each element with all it holds,
 * each comment, script and style, and the text between them.
 */
export function topLevelNodes(html: string): string[] {
  const nodes: string[] = [];
  let depth = 0;
  let start = 0;
  let at = 0;
  for (const m of html.matchAll(TOKEN)) {
    const index = m.index ?? 0;
    if (depth === 0 && index > at) nodes.push(html.slice(at, index));
    if (depth === 0) start = index;
    at = index + m[0].length;
    const [, raw, closing, name = '', selfClosing] = m;
    if (!raw && name) {
      if (closing) depth = Math.max(0, depth - 1);
      else if (!selfClosing && !VOID.has(name.toLowerCase())) depth++;
    }
    if (depth === 0) nodes.push(html.slice(start, at));
  }
  if (at < html.length) nodes.push(html.slice(at));
  return nodes;
}

/** What a top-level node is, for the cut. */
export type NodeKind = { kind: 'step'; step: number } | { kind: 'heading' } | { kind: 'params' } | { kind: 'other' };

/** Tells a step (`<section class="step" id="step-6">`), a part's heading (h2), a group of fields (`.params`) from the rest. */
export function kindOf(node: string): NodeKind {
  const open = /^<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(node);
  if (!open) return { kind: 'other' };
  const [, tag = '', attributes = ''] = open;
  const step = /\sid="step-(\d+)"/.exec(attributes)?.[1];
  if (step !== undefined && /\sclass="(?:[^"]*\s)?step(?:\s[^"]*)?"/.test(attributes)) return { kind: 'step', step: Number(step) };
  if (tag.toLowerCase() === 'h2') return { kind: 'heading' };
  if (/\sclass="(?:[^"]*\s)?params(?:\s[^"]*)?"/.test(attributes)) return { kind: 'params' };
  return { kind: 'other' };
}

/** Astro's island runtime, written before a page's first island: its element's style, its hydrator, its directives. */
const ISLAND_RUNTIME = /astro-island|self\.Astro\b/;

/** The scripts and styles inside a piece of markup, in order. */
function scriptsIn(html: string): string[] {
  return [...html.matchAll(/<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>/g)].map((m) => m[0]);
}

/** The parameters a quantity's value depends on, through its definition. */
function parametersOf(name: QuantityName, into: Set<ParamName>): void {
  const definition = definitionOf(name);
  if (!definition) {
    if (isParameter(name)) into.add(name);
    return;
  }
  for (const ingredient of ingredientsOf(definition)) parametersOf(ingredient, into);
}

/**
 * The parameters the numbers in a piece of markup depend on: those of every `data-q` (a mistake
 * note's `dE_dw5--…` is its quantity's), and every parameter where a number is from a later epoch.
 */
export function parametersShown(html: string): Set<ParamName> {
  const found = new Set<ParamName>();
  if ([...html.matchAll(new RegExp(`\\s${EPOCH}="(\\d+)"`, 'g'))].some((m) => m[1] !== '1')) return new Set(PARAM_NAMES);
  for (const m of html.matchAll(new RegExp(`\\s${Q}="([^"]*)"`, 'g'))) {
    const name = (m[1] ?? '').split(NOTE_SEPARATOR)[0] ?? '';
    if (isQuantityName(name)) parametersOf(name, found);
  }
  return found;
}

/** The parameters a group of fields edits (its inputs' names). */
function parametersEdited(html: string): string[] {
  return [...html.matchAll(/<input\b(?:[^>"']|"[^"]*"|'[^']*')*?\sname="([^"]*)"/g)].map((m) => m[1] ?? '');
}

/**
 * The content of the page of `range`: of a section's rendered content, the steps in the range, the
 * heading before each (in order, each once), the groups of fields that edit a parameter the steps'
 * numbers depend on, and the scripts and styles of all that is left out.
 */
export function stepsView(html: string, range: StepRange): string {
  const nodes = topLevelNodes(html).map((node) => ({ node, ...kindOf(node) }));
  const kept = new Set<number>();
  let heading = -1;
  nodes.forEach((n, k) => {
    if (n.kind === 'heading') heading = k;
    if (n.kind === 'step' && n.step >= range.from && n.step <= range.to) {
      kept.add(k);
      if (heading >= 0) kept.add(heading);
    }
  });
  const needed = parametersShown(nodes.filter((_, k) => kept.has(k) && nodes[k]?.kind === 'step').map((n) => n.node).join(''));
  nodes.forEach((n, k) => {
    if (n.kind === 'params' && parametersEdited(n.node).some((name) => needed.has(name as ParamName))) kept.add(k);
  });
  const islands = nodes.some((n, k) => kept.has(k) && n.node.includes('<astro-island'));
  return nodes
    .flatMap((n, k) => (kept.has(k) ? [n.node] : scriptsIn(n.node).filter((script) => islands || !ISLAND_RUNTIME.test(script))))
    .join('\n');
}

const rendered = new Map<string, Promise<string>>();

/**
 * A section's content rendered once for all the pages of its runs of steps (some thirty for 1.4),
 * in a build; in development each time, as the content may change between requests.
 */
export function renderedOnce(key: string, render: () => Promise<string>, keep: boolean): Promise<string> {
  const done = keep ? rendered.get(key) : undefined;
  if (done) return done;
  const html = render();
  if (keep) rendered.set(key, html);
  return html;
}
