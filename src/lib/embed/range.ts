/**
 * The steps an embed shows and the page that holds them: a step or a run of steps of a section has a
 * page of its own (`/embed/1-4-backpropagation/steps/6/`, `…/steps/2-3/`) holding only those steps,
 * and the older address (`/embed/1-4-backpropagation/?steps=6&lock=w5`) leads there. Without imports:
 * the embed's classic head script carries it (components/EmbedBoot.astro). Pure.
 */

/** A run of numbered steps, both ends included (`from` ≤ `to`). */
export interface StepRange {
  readonly from: number;
  readonly to: number;
}

const STEPS = /^(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?$/;

/**
 * Reads `steps=` (`6`, `5-6`; a reversed range is turned round) for a section of `stepCount`
 * steps. Absent, or a section without steps: the whole section. Not a step of this section: the
 * whole section, and a problem saying so.
 */
export function parseSteps(raw: string | null, stepCount: number): { steps: StepRange | null; problem?: string } {
  const text = raw?.trim() ?? '';
  if (text === '' || stepCount < 1) return { steps: null };
  const match = STEPS.exec(text);
  const a = Number(match?.[1]);
  const b = match?.[2] === undefined ? a : Number(match[2]);
  const [from, to] = a <= b ? [a, b] : [b, a];
  if (!match || from < 1 || to > stepCount) {
    return { steps: null, problem: `steps: “${text.slice(0, 20)}” is not a step or range of steps of this section (1 to ${stepCount}); the whole section is shown.` };
  }
  return { steps: { from, to } };
}

/** A run of steps as its page's address writes it: `6`, `2-3`. */
export function stepsSegment(range: StepRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

/** Every run of contiguous steps of a section of `stepCount` steps: each step alone, then each longer run. */
export function stepRanges(stepCount: number): StepRange[] {
  const ranges: StepRange[] = [];
  for (let length = 1; length <= stepCount; length++) {
    for (let from = 1; from + length - 1 <= stepCount; from++) ranges.push({ from, to: from + length - 1 });
  }
  return ranges;
}

/** The page of a run of steps, under the path of its section's embed (`/base/embed/1-4-x/` → `/base/embed/1-4-x/steps/2-3/`). */
export function stepsPagePath(sectionEmbedPath: string, range: StepRange): string {
  return `${sectionEmbedPath.replace(/\/?$/, '/')}steps/${stepsSegment(range)}/`;
}

/** What the head script knows of the embed page it runs on. */
export interface EmbedPageKind {
  /** The path of the section's whole embed (`/base/embed/1-4-backpropagation/`). */
  readonly section: string;
  /** How many steps the section has. */
  readonly stepCount: number;
  /** The steps this page holds, or `null` for the whole section. */
  readonly shown: StepRange | null;
}

/**
 * Where an embed address with `steps=` belongs: the page of those steps, with every other part of the
 * query and the fragment kept; steps= that names no step of the section, on a page of steps: the whole
 * section, `steps=` kept so that it can say what could not be used. `null` when this page is the place
 * (no `steps=`, or this page holds those steps, or it is the whole section and steps= cannot be used).
 */
export function stepsAddress(search: string, hash: string, page: EmbedPageKind): string | null {
  const raw = new URLSearchParams(search).get('steps');
  if (raw === null || raw.trim() === '') return null;
  const { steps } = parseSteps(raw, page.stepCount);
  if (!steps) return page.shown ? `${page.section}${search}${hash}` : null;
  if (page.shown && page.shown.from === steps.from && page.shown.to === steps.to) return null;
  // The rest of the query as it was written, byte for byte.
  const rest = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && new URLSearchParams(pair).keys().next().value !== 'steps')
    .join('&');
  return `${stepsPagePath(page.section, steps)}${rest ? `?${rest}` : ''}${hash}`;
}
