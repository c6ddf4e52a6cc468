/**
 * The byte budgets (issue 4, item 3), held on the build output (tests/built/budgets.test.ts) and
 * in the browser (e2e/budgets.spec.ts), which read them from here.
 */
import { BUDGET_BYTES } from './built-html';
import { builtHtml } from './site';

export { BUDGET_BYTES };

/**
 * A page with nothing live (no island, no live number, no toolbar: the contents page) loads no
 * script file; its inline scripts (its links carry the reader's query) stay under this many gzipped bytes.
 */
export const PAGE_WITHOUT_ISLAND_BYTES = 512;

/**
 * An embed of steps (`/embed/<section>/steps/6/`) lives inside another site's page, often several to
 * a page, on the course's own budget of patience: it gets less than a section page. An embed of a
 * whole section is that section's page in a frame and has the section page's budget.
 */
export const EMBED_BUDGET_BYTES = 10 * 1024;
/**
 * Of that, the embed's own code (scripts its section's page does not load): ≈ 1.5 KB today (the words
 * for what its address got wrong load only with such an address); a kilobyte of room, and no more.
 */
export const EMBED_OWN_BYTES = 2.5 * 1024;

/** The section page an embed shows (`/base/embed/1-4-x/`, `/base/embed/1-4-x/steps/6/` → `/base/1-4-x/`), or undefined for other pages. */
export function sectionOfEmbed(path: string): string | undefined {
  const embed = /\/embed\/([^/]+\/)(?:steps\/[^/]+\/)?$/;
  return embed.test(path) ? path.replace(embed, '/$1') : undefined;
}

/** A page's first-load JavaScript budget: an embed of steps', or a page's. */
export function budgetOf(path: string): number {
  return /\/embed\/[^/]+\/steps\/[^/]+\/$/.test(path) ? EMBED_BUDGET_BYTES : BUDGET_BYTES;
}

/** Whether a built page (of the default build) has anything the page script keeps live. */
export function isLive(path: string): boolean {
  return /<astro-island\b|\sdata-q=|\sdata-toolbar\b|\sdata-exercise=|\sdata-practice-key\b/.test(builtHtml(path));
}

/** A short size report for failure messages and the test log. */
export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KiB`;
}
