/**
 * A student on a phone (issue 16): at 320 and 390 px with touch, and at 1280 px, the network
 * figures fit their column (a narrow screen gets a layout of its own, chosen by the stylesheet,
 * so it is right before the island wakes), their labels are at least 12 px and their numbers
 * 24 × 24 px targets; display equations fit their column at 390 px and break only where a reader
 * expects, and one that still cannot fit at 320 px shows that it scrolls; on 1.5 the learning
 * rate is within a screen of the map and the chart it drives; the slope figure's axis labels
 * never collide or leave it; the loss chart marks the floor it draws.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { hydrate } from './support/a11y-page';
import { linesSpanned } from './support/lines';
import { SECTION_SLUGS } from './support/site';

test.describe.configure({ timeout: 180_000 });

const PHONES = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
] as const;

/** Lays out every step, as a reader scrolling through the page would have (steps far off screen skip rendering). */
async function renderAllSteps(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  await page.evaluate(() => {
    for (const step of document.querySelectorAll<HTMLElement>('.step')) step.style.contentVisibility = 'visible';
  });
}

/** Boxes inside `root` (a selector) that reach past the viewport's sides, and inner boxes that scroll sideways. */
function outsideViewport(page: Page, root: string): Promise<string[]> {
  return page.$$eval(root, (roots) => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const root of roots) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (el.closest('.visually-hidden, .katex-mathml')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`;
        if (r.left < -0.5 || r.right > width + 0.5) out.push(`${name} spans ${Math.round(r.left)}–${Math.round(r.right)}`);
        if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
          out.push(`${name} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
        }
      }
    }
    // The first few are enough to tell what is wrong.
    return out.length > 4 ? [...out.slice(0, 4), `and ${out.length - 4} more`] : out;
  });
}

/**
 * For the network drawing on show in `figure`: how many drawings are on show (one), its text
 * smaller than 12 px as rendered, and its numbers smaller than a 24 × 24 px target (the smallest named).
 */
function smallParts(page: Page, figure: string): Promise<string[]> {
  return page.$eval(figure, (fig) => {
    const out: string[] = [];
    const frames = [...fig.querySelectorAll('.nd-frame')].filter((f) => f.getClientRects().length > 0);
    if (frames.length !== 1) out.push(`${frames.length} drawings on show`);
    const small: [number, string][] = [];
    const tight: [number, string][] = [];
    for (const frame of frames) {
      for (const el of frame.querySelectorAll('*')) {
        const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (!text || el.getClientRects().length === 0) continue;
        const scale = el instanceof SVGElement ? (el.ownerSVGElement?.getScreenCTM()?.a ?? 1) : 1;
        const size = parseFloat(getComputedStyle(el).fontSize) * scale;
        if (size < 11.95) small.push([size, `“${el.textContent}” at ${size.toFixed(1)} px`]);
      }
      for (const el of frame.querySelectorAll('[data-q]')) {
        const r = el.getBoundingClientRect();
        if (r.width < 23.95 || r.height < 23.95) tight.push([Math.min(r.width, r.height), `${el.getAttribute('data-q')} ${r.width.toFixed(1)} × ${r.height.toFixed(1)}`]);
      }
    }
    const least = (list: [number, string][]) => list.sort((a, b) => a[0] - b[0])[0]?.[1];
    if (small.length) out.push(`${small.length} texts under 12 px, e.g. ${least(small)}`);
    if (tight.length) out.push(`${tight.length} numbers under a 24 × 24 px target, e.g. ${least(tight)}`);
    return out;
  });
}

/** Names whose number a screen reader meets more than once in the drawing of `figure` and its description (hidden layouts and drawings set as images excluded). */
function repeatedForScreenReaders(page: Page, figure: string): Promise<string[]> {
  return page.$eval(figure, (fig) => {
    const seen = new Map<string, number>();
    for (const el of fig.querySelectorAll('.nd-frame [data-q], [id$="-values"] [data-q]')) {
      const hidden = el.closest('[role="img"], [aria-hidden="true"]') || !(el.closest('.visually-hidden') || el.getClientRects().length > 0);
      if (hidden) continue;
      const name = el.getAttribute('data-q') ?? '';
      seen.set(name, (seen.get(name) ?? 0) + 1);
    }
    return [...seen].filter(([, n]) => n > 1).map(([name, n]) => `${name} × ${n}`);
  });
}

/** Wakes the network figure `id` as a touch reader does: brought on screen, then tapped on its frame's edge. */
async function wake(page: Page, id: string): Promise<void> {
  const figure = page.locator(`#${id}`);
  await figure.scrollIntoViewIfNeeded();
  await figure.dispatchEvent('pointerover');
  await expect(page.locator(`astro-island:has(#${id})`)).not.toHaveAttribute('ssr', { timeout: 15_000 });
}

for (const phone of PHONES) {
  test.describe(`at ${phone.width} px with touch`, () => {
    test.use({ viewport: phone, hasTouch: true, isMobile: true });

    test('the network figures fit their column, before and after their islands wake, in both views', async ({ page, site }) => {
      const cases = [
        { path: site.sectionPath('1-2-the-network'), id: 'fig-network' },
        { path: site.sectionPath(SECTION_SLUGS.backprop), id: 'fig-backward' },
      ];
      const found: string[] = [];
      for (const { path, id } of cases) {
        await page.goto(path);
        await page.waitForLoadState('domcontentloaded');
        // As built: the island has not woken.
        await expect(page.locator(`astro-island:has(#${id})`)).toHaveAttribute('ssr', '');
        for (const p of await outsideViewport(page, `#${id}`)) found.push(`${path} before waking: ${p}`);
        for (const p of await smallParts(page, `#${id}`)) found.push(`${path} before waking: ${p}`);
        await wake(page, id);
        for (const view of ['Values', 'Gradients (backward pass)']) {
          await page.locator(`#${id}`).getByRole('button', { name: view }).click();
          for (const p of await outsideViewport(page, `#${id}`)) found.push(`${path} ${view}: ${p}`);
          for (const p of await smallParts(page, `#${id}`)) found.push(`${path} ${view}: ${p}`);
          for (const p of await repeatedForScreenReaders(page, `#${id}`)) found.push(`${path} ${view}: read twice: ${p}`);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path}: the page scrolls sideways`).toBeLessThanOrEqual(phone.width);
      }
      expect(found, found.join('\n')).toEqual([]);
    });

    test('on the whole tutorial both network figures fit, and every id is on the page once', async ({ page, site }) => {
      await page.goto(site.path('all/'));
      await hydrate(page);
      const found: string[] = [];
      for (const id of ['fig-network', 'fig-backward']) {
        for (const p of await outsideViewport(page, `#${id}`)) found.push(`${id}: ${p}`);
        for (const p of await smallParts(page, `#${id}`)) found.push(`${id}: ${p}`);
        for (const p of await repeatedForScreenReaders(page, `#${id}`)) found.push(`${id}: read twice: ${p}`);
      }
      const ids = await page.$$eval('[id]', (els) => els.map((el) => el.id));
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(found, found.join('\n')).toEqual([]);
    });

    test('a line never starts with the punctuation that follows an inline formula, and short inline formulas never break', async ({ page, site }) => {
      const found: string[] = [];
      for (const path of [...site.sectionPaths()]) {
        await page.goto(path);
        await renderAllSteps(page);
        // As a reader sees it: with the fonts in, whose widths decide where lines end.
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const formulas = await page.$$eval('.katex', (all) =>
          all.flatMap((k) => {
            if (k.closest('.eq-display, .math-block, .katex-display, .explain')) return [];
            const bases = [...k.querySelectorAll(':scope > .katex-html > .base')].map((b) => b.getBoundingClientRect());
            const text = (k.querySelector('.katex-mathml')?.textContent ?? '').trim();
            // The text right after the formula, in the same paragraph, when it starts with punctuation.
            let next: Node | null = k;
            while (next && !next.nextSibling) next = next.parentNode;
            const after = next?.nextSibling;
            let punctuation: { mark: string; left: number } | undefined;
            if (after?.nodeType === Node.TEXT_NODE && /^[,.;:!?)]/.test(after.textContent ?? '')) {
              const range = document.createRange();
              range.setStart(after, 0);
              range.setEnd(after, 1);
              punctuation = { mark: after.textContent?.[0] ?? '', left: range.getBoundingClientRect().left };
            }
            const box = ({ left, top, right, bottom }: DOMRect) => ({ left, top, right, bottom });
            return [{ text, bases: bases.map(box), punctuation }];
          }),
        );
        for (const { text, bases, punctuation } of formulas) {
          if (linesSpanned(bases) > 1) found.push(`${path}: “${text}” breaks across lines`);
          const last = bases.at(-1);
          if (punctuation && last && punctuation.left < last.right - 1) found.push(`${path}: “${punctuation.mark}” after “${text}” starts a line`);
        }
      }
      expect(found, found.join('\n')).toEqual([]);
    });

    test('a displayed list of short formulas (“h₁ = …, h₂ = …”) breaks between them, never inside one', async ({ page, site }) => {
      const found: string[] = [];
      let lists = 0;
      for (const path of site.sectionPaths()) {
        await page.goto(path);
        await renderAllSteps(page);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const formulas = await page.$$eval('.math-block .katex', (all) =>
          all.map((k) => ({
            list: !!k.closest('.math-list'),
            text: (k.querySelector('.katex-mathml')?.textContent ?? '').trim(),
            bases: [...k.querySelectorAll(':scope > .katex-html > .base')].map((b) => {
              const { left, top, right, bottom } = b.getBoundingClientRect();
              return { left, top, right, bottom };
            }),
          })),
        );
        // Two formulas side by side in one block, with a comma between: a list, set as one.
        for (const { list, text, bases } of formulas) {
          if (list && linesSpanned(bases) > 1) found.push(`${path}: “${text}” breaks across lines`);
          if (!list && /^[^,]*=[^,]*,[^,]*=[^,]*$/.test(text)) found.push(`${path}: “${text}” is not set as a list`);
        }
        lists += formulas.filter((f) => f.list).length;
      }
      expect(found, found.join('\n')).toEqual([]);
      expect(lists).toBeGreaterThan(1);
    });
  });
}

/** Display equations whose typeset content reaches past their column (their block's box). */
function overflowingEquations(page: Page): Promise<{ text: string; focusable: boolean; label: string; scrolls: boolean; cue: boolean; where: string }[]> {
  return page.$$eval('.eq-display, .math-block', (blocks) =>
    blocks.flatMap((block) => {
      if (block.getClientRects().length === 0 || block.closest('.explain')) return [];
      const box = block.getBoundingClientRect();
      let right = box.left;
      let left = box.right;
      for (const part of block.querySelectorAll('.katex-html > .base, .katex-html > .tag')) {
        if (part.getClientRects().length === 0) continue;
        const r = part.getBoundingClientRect();
        right = Math.max(right, r.right);
        left = Math.min(left, r.left);
      }
      const el = block as HTMLElement;
      const over = el.scrollWidth > el.clientWidth + 1 || right > box.right + 1 || left < box.left - 1;
      if (!over) return [];
      const style = getComputedStyle(el);
      return [
        {
          text: (block.querySelector('.katex-mathml')?.textContent ?? '').trim().slice(0, 60),
          focusable: el.tabIndex >= 0,
          label: el.getAttribute('aria-label') ?? '',
          scrolls: /auto|scroll/.test(style.overflowX),
          cue: style.backgroundImage.includes('gradient'),
          where: block.closest('.step')?.id ?? block.closest('[id]')?.id ?? '',
        },
      ];
    }),
  );
}

test.describe('display equations on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('at 390 px no display equation overflows its column, on any section or the whole tutorial', async ({ page, site }) => {
    const found: string[] = [];
    for (const path of [...site.sectionPaths(), site.path('all/')]) {
      await page.goto(path);
      await renderAllSteps(page);
      for (const eq of await overflowingEquations(page)) found.push(`${path} ${eq.where}: ${eq.text}`);
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});

test.describe('display equations on a small phone', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });

  test('at 320 px an equation that still overflows is a focusable, labelled scroll box that shows it scrolls', async ({ page, site }) => {
    const found: string[] = [];
    // Twelve digits make the substituted equations as long as they get.
    for (const query of ['', '?digits=12']) {
      for (const path of [...site.sectionPaths(), site.path('all/')]) {
        await page.goto(`${path}${query}`);
        await renderAllSteps(page);
        for (const eq of await overflowingEquations(page)) {
          const wrong = [!eq.scrolls && 'does not scroll', !eq.focusable && 'not focusable', !eq.label && 'no label', !eq.cue && 'no cue'].filter(Boolean);
          if (wrong.length) found.push(`${path}${query} ${eq.where}: “${eq.text}” ${wrong.join(', ')}`);
        }
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});

test.describe('the learning rate beside what it drives (1.5)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('from the contour map and from the loss chart, a learning-rate field and the whole plot fit in one screen', async ({ page, site }) => {
    await page.goto(site.sectionPath(SECTION_SLUGS.update));
    await hydrate(page);
    const span = (plot: string) =>
      page.evaluate((plot) => {
        const target = document.querySelector(plot)?.getBoundingClientRect();
        if (!target) return Infinity;
        const spans = [...document.querySelectorAll('input[name="lr"]')].map((f) => {
          const r = f.getBoundingClientRect();
          return Math.max(r.bottom, target.bottom) - Math.min(r.top, target.top);
        });
        return Math.min(...spans);
      }, plot);
    expect(await span('#fig-contour svg'), 'map').toBeLessThanOrEqual(844);
    expect(await span('.loss-chart svg'), 'chart').toBeLessThanOrEqual(844);
    // Every one of those fields edits the one learning rate.
    const fields = page.locator('input[name="lr"]');
    await fields.last().fill('0.7');
    for (const field of await fields.all()) await expect(field).toHaveValue('0.7');
    await expect(page.locator('#fig-contour .contour-path')).toHaveAttribute('data-rate', '0.7');
    // The scale switch's label reads as one line of text: its E keeps its subscript below it.
    const [e, sub] = await Promise.all(['.chart-scale i', '.chart-scale sub'].map((s) => page.locator(s).boundingBox()));
    expect(sub!.y + sub!.height - (e!.y + e!.height), 'the subscript hangs below the E').toBeGreaterThan(0);
    expect(sub!.x - (e!.x + e!.width), 'the subscript follows the E').toBeLessThan(2);
  });
});

/** Tick labels of `svg` that overlap one another or reach outside the drawing. */
function collidingLabels(page: Page, svg: string): Promise<string[]> {
  return page.$eval(svg, (el) => {
    const box = el.getBoundingClientRect();
    const labels = [...el.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }));
    const out: string[] = [];
    for (const [i, a] of labels.entries()) {
      if (a.r.left < box.left - 0.5 || a.r.right > box.right + 0.5 || a.r.top < box.top - 0.5 || a.r.bottom > box.bottom + 0.5) out.push(`“${a.text}” leaves the figure`);
      for (const b of labels.slice(i + 1)) {
        const apart = a.r.right <= b.r.left || b.r.right <= a.r.left || a.r.bottom <= b.r.top || b.r.bottom <= a.r.top;
        if (!apart) out.push(`“${a.text}” overlaps “${b.text}”`);
      }
    }
    return out;
  });
}

test.describe('figures with extreme values', () => {
  for (const width of [320, 1280]) {
    test(`at ${width} px the slope figure's axis labels never collide or leave it, for w5 = 1000 and −1000000`, async ({ page, site }) => {
      await page.setViewportSize({ width, height: 900 });
      const found: string[] = [];
      for (const w5 of ['1000', '-1000000', '0.4']) {
        await page.goto(`${site.sectionPath(SECTION_SLUGS.backprop)}?w5=${w5}`);
        await page.locator('#fig-slope').scrollIntoViewIfNeeded();
        await expect(page.locator('astro-island:has(#fig-slope)')).not.toHaveAttribute('ssr', { timeout: 15_000 });
        for (const p of await collidingLabels(page, '#fig-slope svg')) found.push(`w5 = ${w5}: ${p}`);
      }
      expect(found, found.join('\n')).toEqual([]);
    });
  }

  test('the loss chart marks the floor it draws: losses below it are drawn on a labelled line, and its key says so', async ({ page, site }) => {
    await page.goto(`${site.sectionPath(SECTION_SLUGS.update)}?lr=400`);
    const chart = page.locator('.loss-chart');
    await chart.scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island:has(.loss-chart)')).not.toHaveAttribute('ssr', { timeout: 15_000 });
    const floor = chart.locator('.chart-floor');
    await expect(floor).toHaveCount(1);
    await expect(floor).toContainText('below 10⁻³⁰');
    await expect(chart.locator('desc')).toContainText(/below 10⁻³⁰/);
    await expect(chart.locator('table')).toContainText(/below 10⁻³⁰/);
    for (const p of await collidingLabels(page, '.loss-chart svg')) throw new Error(p);
  });
});

/**
 * Runs in the page: for every typeset formula, the places a line may break (between KaTeX's
 * unbreakable parts) that fall inside brackets, unless right after a + or − of a bracketed sum
 * wider than `wide` em, which could not stand on one line of a small phone.
 */
function breaksInsideBrackets(wide: number): string[] {
  const out: string[] = [];
  for (const html of document.querySelectorAll('.katex-html')) {
    // A copy the stylesheet hides at this width is checked at the width that shows it.
    if (html.getClientRects().length === 0) continue;
    const parts = [...html.children].filter((c) => c.classList.contains('base'));
    const em = parseFloat(getComputedStyle(html).fontSize);
    // Widths are measured with the formula on one line, as it would stand in a column wide enough.
    const katex = html.parentElement as HTMLElement;
    katex.style.whiteSpace = 'nowrap';
    // Brackets open before each break: their opening element, innermost last.
    const open: Element[] = [];
    const closing = new Map<Element, Element>();
    for (const d of html.querySelectorAll('.mopen, .mclose')) {
      if (!/[()[\]]/.test(d.textContent ?? '')) continue;
      if (d.classList.contains('mopen')) open.push(d);
      else {
        const o = open.pop();
        if (o) closing.set(o, d);
      }
    }
    const stack: Element[] = [];
    for (const [i, part] of parts.entries()) {
      for (const d of part.querySelectorAll('.mopen, .mclose')) {
        if (!/[()[\]]/.test(d.textContent ?? '')) continue;
        if (d.classList.contains('mopen')) stack.push(d);
        else stack.pop();
      }
      if (i === parts.length - 1 || stack.length === 0) continue;
      const atoms = [...part.children].filter((c) => !c.classList.contains('strut') && !c.classList.contains('mspace'));
      const last = atoms.at(-1);
      const afterTerm = (last?.classList.contains('mbin') ?? false) && /[+−-]/.test(last?.textContent ?? '');
      const bracket = stack.at(-1) as Element;
      const end = closing.get(bracket);
      const width = end ? (end.getBoundingClientRect().right - bracket.getBoundingClientRect().left) / em : Infinity;
      if (!afterTerm || width < wide) {
        const formula = html.parentElement?.querySelector('.katex-mathml')?.textContent ?? '';
        const before = parts.slice(0, i + 1).map((p) => p.textContent).join('');
        out.push(`${formula.trim().slice(0, 70)} | may break after “${before.slice(-25)}” (bracket ${width.toFixed(1)} em)`);
      }
    }
    katex.style.removeProperty('white-space');
  }
  return out;
}

/** A sum in brackets at least this wide (em) cannot stand on one line of a 320 px phone's column: it may break between its terms. */
const PHONE_LINE_EM = 12;

test('no formula can break inside brackets, but between the terms of a sum too wide for a phone’s line: every page and the explanations', async ({ page, site }) => {
  const found: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of site.pagePaths()) {
      await page.goto(path);
      await renderAllSteps(page);
      for (const p of await page.evaluate(breaksInsideBrackets, PHONE_LINE_EM)) found.push(`${path} at ${width} px: ${p}`);
    }
  }
  // The explanations' equations, typeset at build time into one file, shown in a page of the site.
  const typeset: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string' && v.includes('katex-html')) typeset.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(JSON.parse(readFileSync(join(site.outDir, 'explanations.json'), 'utf8')));
  await page.goto(site.sectionPath(SECTION_SLUGS.forward));
  await page.locator('main').evaluate((main, html) => (main.innerHTML = html), typeset.map((t) => `<p>${t}</p>`).join(''));
  expect(await page.locator('main .katex-html').count()).toBeGreaterThan(50);
  for (const p of await page.evaluate(breaksInsideBrackets, PHONE_LINE_EM)) found.push(`explanations: ${p}`);
  expect(found, found.join('\n')).toEqual([]);
});
