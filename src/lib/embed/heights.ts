/**
 * The fixed height a snippet's frame gets, for the script-free case (a platform that strips the
 * resize script): the height of the view it shows, from a table measured on the built embeds
 * (layout.json, written by `npx playwright test e2e/embed-heights.spec.ts --update-snapshots`, which
 * also checks it on every run). Pure.
 */
import type { EmbedPart, StepRange } from './address';
import measured from './layout.json' with { type: 'json' };

/** One top-level part of an embed's body, as measured: its height to the next part, and what inside it `hide=` can remove. */
export interface LayoutPart {
  readonly kind: 'heading' | 'step' | 'params' | 'other';
  /** The step's number, for a step. */
  readonly step?: number;
  /** From its top to the next part's top, in CSS pixels. */
  readonly height: number;
  /** The height of the "Where spreadsheets go wrong" notes and of the corrections inside it. */
  readonly notes: number;
  readonly errata: number;
}

/** An embed's layout at the table's frame width. */
export interface SectionLayout {
  /** Everything above the body but the toolbar (padding, title line), and below it. */
  readonly head: number;
  readonly toolbar: number;
  readonly parts: readonly LayoutPart[];
}

/** The measured table: the frame width it was measured at, and each section's layout. */
export interface EmbedLayouts {
  readonly width: number;
  readonly sections: Readonly<Record<string, SectionLayout>>;
}

/** The table in use. */
export const EMBED_LAYOUTS: EmbedLayouts = measured as EmbedLayouts;

/** A frame's height when a section is not in the table (a new section before the table is measured again). */
export const UNKNOWN_HEIGHT = 900;

/** The parts a view shows: with `steps`, those steps, the heading before each and the fields; else all. */
export function shownParts(layout: SectionLayout, steps: StepRange | null): LayoutPart[] {
  if (!steps) return [...layout.parts];
  const shown = new Set<LayoutPart>();
  let heading: LayoutPart | undefined;
  for (const part of layout.parts) {
    if (part.kind === 'heading') heading = part;
    if (part.kind === 'params') shown.add(part);
    if (part.kind === 'step' && part.step !== undefined && part.step >= steps.from && part.step <= steps.to) {
      if (heading) shown.add(heading);
      shown.add(part);
    }
  }
  return layout.parts.filter((part) => shown.has(part));
}

/** The height of a view of a section as measured, without what `hide` removes. */
export function viewHeight(layout: SectionLayout, steps: StepRange | null, hide: readonly EmbedPart[]): number {
  let total = layout.head + (hide.includes('toolbar') ? 0 : layout.toolbar);
  for (const part of shownParts(layout, steps)) {
    if (part.kind === 'params' && hide.includes('fields')) continue;
    total += part.height - (hide.includes('notes') ? part.notes : 0) - (hide.includes('errata') ? part.errata : 0);
  }
  return total;
}

/**
 * The snippet's fixed height for a view: the view's measured height with a little room, rounded up
 * to 20 px, at least 320. A wider frame then shows some space below; a narrower one scrolls inside.
 */
export function frameHeight(slug: string, steps: StepRange | null, hide: readonly EmbedPart[], layouts: EmbedLayouts = EMBED_LAYOUTS): number {
  const layout = layouts.sections[slug];
  if (!layout) return UNKNOWN_HEIGHT;
  return Math.max(320, Math.ceil((viewHeight(layout, steps, hide) + 24) / 20) * 20);
}
