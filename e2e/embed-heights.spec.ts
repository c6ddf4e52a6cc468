/**
 * The table of embed heights (src/lib/embed/layout.json) that gives a snippet its fixed height, for
 * course sites that strip the resize script: measured here on the built embeds, at the table's frame
 * width. Checked on every run against the build; `--update-snapshots` writes it anew:
 *
 *   npx playwright test e2e/embed-heights.spec.ts --project chromium --update-snapshots
 *
 * It also checks views the table composes (a step range, parts left out) against the real thing, every
 * page of a step or run of steps (`/embed/<section>/steps/2-3/`) among them: the snippet's height is
 * never short of the view (no scroll inside) and not much more.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { EMBED_LAYOUTS, frameHeight, type EmbedLayouts, type SectionLayout } from '../src/lib/embed/heights';
import type { EmbedPart, StepRange } from '../src/lib/embed/address';
import { stepRanges, stepsSegment } from '../src/lib/embed/range';
import { embedPathFor, layOutEverything } from './support/embed-host';
import type { Site } from './support/site';
import { serveMathModule } from './support/quantities';
import { expect, test } from './support/fixtures';

test.describe.configure({ timeout: 120_000 });

const TABLE = 'src/lib/embed/layout.json';
const SLUGS = ['1-1-introduction', '1-2-the-network', '1-3-forward-propagation', '1-4-backpropagation', '1-5-weight-update'];

/** Loads an embed at the table's width and waits until it has applied its address and drawn its figures. */
async function openEmbed(page: Page, path: string): Promise<void> {
  await page.setViewportSize({ width: EMBED_LAYOUTS.width, height: 900 });
  await page.goto(path);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-embed-ready'));
  await page.evaluate(() => document.fonts.ready);
  // Measured as a frame shows it: every part laid out, none skipped at an estimated height.
  await layOutEverything(page);
}

/** The layout of the embed on screen, as the table records it. */
function measure(page: Page): Promise<SectionLayout> {
  return page.evaluate(() => {
    const main = document.querySelector('.embed-main') as HTMLElement;
    const body = document.querySelector('.embed-body') as HTMLElement;
    const toolbar = document.querySelector('.embed-toolbar') as HTMLElement;
    const box = (el: Element) => el.getBoundingClientRect();
    /** An element's height with the larger of its margins (what leaving it out saves, at least). */
    const outer = (el: Element) => {
      const style = getComputedStyle(el);
      return box(el).height + Math.max(parseFloat(style.marginTop), parseFloat(style.marginBottom));
    };
    /** The element and those inside it that match `selector`. */
    const within = (el: Element, selector: string) => [...(el.matches(selector) ? [el] : []), ...el.querySelectorAll(selector)];
    const sum = (els: Iterable<Element>) => [...els].reduce((total, el) => total + outer(el), 0);
    /** Where an element starts on screen: its own box, or (an island's display: contents) its first box inside; none if not shown. */
    const topOf = (el: Element): number | undefined =>
      el.getClientRects().length > 0 ? box(el).top : [...el.querySelectorAll('*')].find((e) => e.getClientRects().length > 0)?.getBoundingClientRect().top;
    const children = [...body.children].filter((el) => topOf(el) !== undefined);
    const parts = children.map((el, i) => {
      const next = children[i + 1];
      const step = /^step-(\d+)$/.exec(el.id)?.[1];
      return {
        kind: el.matches('.params') ? 'params' : /^H[2-6]$/.test(el.tagName) ? 'heading' : step ? 'step' : 'other',
        ...(step ? { step: Number(step) } : {}),
        height: Math.ceil((next ? (topOf(next) ?? 0) : box(body).bottom) - (topOf(el) ?? 0)),
        notes: Math.floor(sum(within(el, '.mistake-note'))),
        errata: Math.floor(sum(within(el, '.erratum'))),
      } as const;
    });
    const toolbarHeight = Math.ceil(outer(toolbar));
    return {
      head: Math.ceil(box(main).height - box(body).height - toolbarHeight),
      toolbar: toolbarHeight,
      parts,
    };
  });
}

test.beforeEach(async ({ page }) => {
  await serveMathModule(page);
});

test('the table of embed heights is the build’s, at its frame width', async ({ page, site }, info) => {
  const sections: Record<string, SectionLayout> = {};
  for (const slug of SLUGS) {
    await openEmbed(page, embedPathFor(site, slug));
    sections[slug] = await measure(page);
  }
  const measured: EmbedLayouts = { width: EMBED_LAYOUTS.width, sections };
  if (info.config.updateSnapshots === 'all' || info.config.updateSnapshots === 'changed') {
    // One line per part, so that a change of content shows as a change of lines.
    writeFileSync(TABLE, `${JSON.stringify(measured).replace(/(\[|\},)\{/g, '$1\n  {').replace(/\},"/g, '},\n"')}\n`);
  }
  const table = JSON.parse(readFileSync(TABLE, 'utf8')) as EmbedLayouts;
  // Within a few pixels per part: fonts and rounding differ a little between machines.
  for (const slug of SLUGS) {
    const got = measured.sections[slug];
    const want = table.sections[slug];
    expect(want, `${slug} is in ${TABLE}: run this spec with --update-snapshots`).toBeDefined();
    expect(got?.parts.map((p) => p.kind), `${slug}: the parts changed; run with --update-snapshots`).toEqual(want?.parts.map((p) => p.kind));
    got?.parts.forEach((part, k) => {
      expect(Math.abs(part.height - (want?.parts[k]?.height ?? 0)), `${slug} part ${k} (${part.kind} ${part.step ?? ''}): run with --update-snapshots`).toBeLessThanOrEqual(24);
    });
  }
});

/** Views the table composes, each checked against the embed itself. */
const VIEWS: { slug: string; steps: StepRange | null; hide: EmbedPart[] }[] = [
  { slug: '1-4-backpropagation', steps: { from: 6, to: 6 }, hide: [] },
  { slug: '1-4-backpropagation', steps: { from: 3, to: 5 }, hide: ['notes'] },
  { slug: '1-4-backpropagation', steps: { from: 8, to: 8 }, hide: ['fields', 'toolbar'] },
  { slug: '1-4-backpropagation', steps: null, hide: [] },
  { slug: '1-3-forward-propagation', steps: null, hide: ['errata'] },
  { slug: '1-5-weight-update', steps: null, hide: ['notes', 'fields'] },
];

/** The embed of a view: the page of its steps, or its section's embed; `hide=` in the query. */
function viewPath(site: Site, slug: string, steps: StepRange | null, hide: readonly EmbedPart[]): string {
  return embedPathFor(site, slug, `${steps ? `steps/${stepsSegment(steps)}/` : ''}${hide.length ? `?hide=${hide.join(',')}` : ''}`);
}

/** The view's height on screen against the snippet's fixed height for it. */
async function checkView(page: Page, site: Site, slug: string, steps: StepRange | null, hide: readonly EmbedPart[]): Promise<void> {
  await openEmbed(page, viewPath(site, slug, steps, hide));
  const real = await page.evaluate(() => Math.ceil(document.querySelector('.embed-main')?.getBoundingClientRect().height ?? 0));
  const fixed = frameHeight(slug, steps, hide);
  const view = `${slug} ${steps ? stepsSegment(steps) : 'whole'} ${hide.join(',')}`;
  expect(fixed, `${view}: no scroll inside`).toBeGreaterThanOrEqual(real);
  expect(fixed, `${view}: not much empty below`).toBeLessThanOrEqual(Math.max(320, real * 1.08 + 80));
}

for (const { slug, steps, hide } of VIEWS) {
  test(`${slug} ${steps ? `steps/${stepsSegment(steps)}/` : ''}${hide.length ? `?hide=${hide.join(',')}` : ''}: the snippet's fixed height shows the whole view at the table's width, with little to spare`, async ({ page, site }) => {
    await checkView(page, site, slug, steps, hide);
  });
}

test('every page of a step or a run of steps: the snippet’s fixed height shows it all, with little to spare', async ({ page, site }) => {
  test.setTimeout(400_000);
  for (const [slug, layout] of Object.entries(EMBED_LAYOUTS.sections)) {
    const stepCount = layout.parts.filter((part) => part.kind === 'step').length;
    for (const steps of stepRanges(stepCount)) await checkView(page, site, slug, steps, []);
  }
});
