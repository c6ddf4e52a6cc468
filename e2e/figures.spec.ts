/**
 * Issue 11: the figures. Each exposes what it draws as data attributes, which follow every edit
 * and equal the math module computed in the browser's own engine; the slope figure's point drags
 * and steps with the keyboard; Train plays, pauses, steps and stops at epoch 300, and only steps
 * under reduced motion; each scenario link loads its values; without JavaScript every figure is
 * there at the article's values; axe finds nothing in the states the figures add.
 */
import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_PARAMS, evaluate, PARAM_NAMES, type Params } from '../src/lib/backprop';
import { firstRise } from '../src/lib/chart/oscillation';
import { pairDescent } from '../src/lib/figures/descent';
import { scenarioHref, scenarios } from '../src/lib/figures/scenarios';
import { stateFromQuery } from '../src/lib/params';
import { axeViolations, watchPage } from './support/a11y-page';
import { mismatches, mismatchesInPage, readShown, serveMathModule } from './support/quantities';
import { SECTION_SLUGS, sectionPath } from './support/site';

test.describe.configure({ timeout: 120_000 });

const NETWORK = sectionPath('1-2-the-network');
const BACKPROP = sectionPath(SECTION_SLUGS.backprop);
const UPDATE = sectionPath(SECTION_SLUGS.update);
const MATH = '/__test-math-module__/index.js';

/** The parameters in force, as the page's address holds them: its configuration, trained `trained=` times in the page's engine. */
async function paramsInForce(page: Page): Promise<Params> {
  const { state } = stateFromQuery(new URL(page.url()).searchParams);
  if (state.trained === 0) return state.start;
  return page.evaluate(async ({ url, start, trained }) => (await import(url)).advance(start, trained), { url: MATH, start: state.start, trained: state.trained });
}

/** Hydrates the figure whose root has `id`: brings it on screen and points at it, as a reader would. */
async function hydrateFigure(page: Page, id: string): Promise<void> {
  const figure = page.locator(`#${id}`);
  await figure.scrollIntoViewIfNeeded();
  await figure.hover({ position: { x: 2, y: 2 } });
  await expect(page.locator(`astro-island:has(#${id})`)).not.toHaveAttribute('ssr', { timeout: 15_000 });
}

/** Sets a parameter through the page's first field of that name, as a reader types. */
async function typeParam(page: Page, name: string, value: number): Promise<void> {
  await page.locator(`input[name="${name}"]`).first().fill(String(value));
}

test.beforeEach(async ({ page }) => {
  await serveMathModule(page);
});

test.describe('the gradient as a slope (1.4)', () => {
  /** The tangent's slope, the finite difference and ∂E/∂w, all computed in the page for the parameters in force. */
  async function expectTangentTrue(page: Page, w: string): Promise<void> {
    const tangent = page.locator('#fig-slope .slope-tangent');
    await expect(tangent).toHaveAttribute('data-weight', w);
    const params = await paramsInForce(page);
    const expected = await page.evaluate(
      async ({ url, params, w }) => {
        const m = await import(url);
        return { slope: String(m.evaluate(params)[`dE_d${w}`]), fd: String(m.numericalGradient(params, w)) };
      },
      { url: MATH, params, w },
    );
    await expect(tangent).toHaveAttribute('data-slope', expected.slope);
    await expect(tangent).toHaveAttribute('data-fd-slope', expected.fd);
    expect(await mismatchesInPage(page, params)).toEqual([]);
  }

  test('the tangent’s slope is ∂E/∂w for the chosen weight, beside the finite difference, and follows an edit', async ({ page }) => {
    await page.goto(BACKPROP);
    await hydrateFigure(page, 'fig-slope');
    await expectTangentTrue(page, 'w5');
    await typeParam(page, 'w6', -1.5);
    await expect(page).toHaveURL(/w6=-1\.5/);
    await expectTangentTrue(page, 'w5');
    await page.locator('#fig-slope select').selectOption('w1');
    await expectTangentTrue(page, 'w1');
    // A change the figure's own weight drives.
    await typeParam(page, 'w1', 2.5);
    await expect(page).toHaveURL(/w1=2\.5/);
    await expectTangentTrue(page, 'w1');
  });

  test('dragging the point moves the weight and every number on the page; arrow keys step it, Shift by more', async ({ page }) => {
    await page.goto(BACKPROP);
    await hydrateFigure(page, 'fig-slope');
    const svg = page.locator('#fig-slope svg');
    const point = page.locator('#fig-slope .slope-point');
    const box = await svg.boundingBox();
    const start = await point.boundingBox();
    if (!box || !start) throw new Error('the slope figure is not laid out');
    // Drag the point to the right by a quarter of the plot.
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 + box.width / 8, start.y, { steps: 5 });
    await page.mouse.move(start.x + start.width / 2 + box.width / 4, start.y, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/w5=/);
    const dragged = await paramsInForce(page);
    expect(dragged.w5).toBeGreaterThan(ARTICLE_PARAMS.w5 + 1);
    expect(dragged.w5).toBe(Number(dragged.w5.toFixed(2)));
    await expect(page.locator('input[name="w5"]').first()).toHaveValue(String(dragged.w5));
    expect(await mismatchesInPage(page, dragged)).toEqual([]);
    await expectTangentTrue(page, 'w5');

    await point.focus();
    await expect(point).toBeFocused();
    const ring = await point.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(ring).not.toBe('none');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('input[name="w5"]').first()).toHaveValue(String(Number((dragged.w5 + 0.05).toFixed(2))));
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page.locator('input[name="w5"]').first()).toHaveValue(String(Number((dragged.w5 + 0.05 - 0.5).toFixed(2))));
    expect(await mismatchesInPage(page, await paramsInForce(page))).toEqual([]);
  });

  test('the plot lets vertical pans through to the page (touch-action)', async ({ page }) => {
    await page.goto(BACKPROP);
    expect(await page.locator('#fig-slope svg').evaluate((el) => getComputedStyle(el).touchAction)).toBe('pan-y');
  });
});

test.describe('the learning rate as a step (1.5)', () => {
  /** The map's path, as its data attributes give it, against a two-weight descent computed in the page. */
  async function expectPathTrue(page: Page, pair: readonly [string, string]): Promise<string> {
    const path = page.locator('#fig-contour .contour-path');
    await expect(path).toHaveAttribute('data-pair', pair.join(' '));
    const params = await paramsInForce(page);
    await expect(path).toHaveAttribute('data-rate', String(params.lr));
    const expected = await page.evaluate(
      async ({ url, params, pair }) => {
        const m = await import(url);
        // Only the two weights learn, each by −lr·∂E/∂w, every other parameter held.
        let p: Record<string, number> = { ...params };
        const [a = '', b = ''] = pair;
        const points: string[] = [];
        for (let epoch = 1; epoch <= 300; epoch++) {
          const s = m.evaluate(p);
          points.push(`${p[a]},${p[b]}`);
          p = { ...p, [a]: (p[a] ?? NaN) - (p['lr'] ?? NaN) * s[`dE_d${a}`], [b]: (p[b] ?? NaN) - (p['lr'] ?? NaN) * s[`dE_d${b}`] };
        }
        return points.join(' ');
      },
      { url: MATH, params, pair },
    );
    await expect(path).toHaveAttribute('data-points', expected);
    expect(await mismatchesInPage(page, params)).toEqual([]);
    return expected;
  }

  test('the path’s points are the two-weight descent at the rate in force, and follow the rate, a weight and the pair', async ({ page }) => {
    await page.goto(UPDATE);
    await hydrateFigure(page, 'fig-contour');
    const first = await expectPathTrue(page, ['w6', 'w8']);
    await typeParam(page, 'lr', 60);
    await expect(page).toHaveURL(/lr=60/);
    expect(await expectPathTrue(page, ['w6', 'w8'])).not.toBe(first);
    // 1.5 has no weight fields: a weight comes from the address.
    await page.goto(`${UPDATE}?w5=1.2&lr=60`);
    await hydrateFigure(page, 'fig-contour');
    await expectPathTrue(page, ['w6', 'w8']);
    await page.locator('#fig-contour select').first().selectOption('w1');
    await expectPathTrue(page, ['w1', 'w8']);
    // Choosing the other axis's weight swaps the two.
    await page.locator('#fig-contour select').nth(1).selectOption('w1');
    await expectPathTrue(page, ['w8', 'w1']);
  });

  test('the caption reads as prose, as built and as the island redraws it: a space after every comma and semicolon, an equals sign before each value', async ({ page }) => {
    /** The caption's words as a reader gets them, on the screen (a figure far off it is not laid out, and has no rendered text). */
    const caption = async () => {
      const words = page.locator('#fig-contour figcaption');
      await words.scrollIntoViewIfNeeded();
      await expect.poll(() => words.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
      return words.innerText();
    };
    const expectProse = (text: string) => {
      expect(text, 'a comma or semicolon glued to the next word').not.toMatch(/[,;](?=\S)/);
      expect(text.match(/Etotal\s*=\s*\S/g)?.length, 'E_total = value, at the start and at the end').toBe(2);
    };
    await page.goto(UPDATE);
    expectProse(await caption());
    await hydrateFigure(page, 'fig-contour');
    // A rate at which the path's error rises again takes the caption's other ending.
    const rising = [10, 100, 300, 1000].find((lr) => firstRise(pairDescent({ ...ARTICLE_PARAMS, lr }, ['w6', 'w8']).loss) !== undefined);
    if (rising === undefined) throw new Error('no rate makes the error rise');
    await typeParam(page, 'lr', rising);
    await expect(page.locator('#fig-contour figcaption [data-first-rise]')).toHaveCount(1);
    expectProse(await caption());
  });

  test('contour lines are drawn, each at a level inside the grid’s range', async ({ page }) => {
    await page.goto(UPDATE);
    const levels = await page.locator('#fig-contour .contour-line').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-level'))));
    expect(levels.length).toBeGreaterThanOrEqual(5);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
  });
});

test.describe('the backward pass and Train', () => {
  /** The epoch Train says it has reached. */
  const epochShown = async (page: Page) => Number(await page.locator('[data-train-epoch]').getAttribute('data-train-epoch'));

  /** E_total on the page, the address's weights and the math module's atEpoch(article, n) agree, in the page's engine. */
  async function expectAtEpoch(page: Page, n: number): Promise<void> {
    await expect(page.locator('[data-train-epoch]')).toHaveAttribute('data-train-epoch', String(n));
    const expected = await page.evaluate(
      async ({ url, article, n }) => {
        const m = await import(url);
        const s = m.atEpoch(article, n);
        return { E_total: String(s.E_total), weights: ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'].map((w) => s[w]) };
      },
      { url: MATH, article: ARTICLE_PARAMS, n },
    );
    // The address follows after the frame that shows the change (within ADDRESS_AT_MOST_MS).
    await expect
      .poll(async () => {
        const params = await paramsInForce(page);
        return ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'].map((w) => params[w as keyof Params]);
      })
      .toEqual(expected.weights);
    const params = await paramsInForce(page);
    const totals = await page.locator('[data-q="E_total"]:not([data-epoch]):not([data-lr])').evaluateAll((els) => els.map((el) => el.getAttribute('data-value')));
    expect(totals.length).toBeGreaterThan(0);
    for (const t of totals) expect(t).toBe(expected.E_total);
    expect(await mismatchesInPage(page, params)).toEqual([]);
  }

  test(`${NETWORK}: the diagram does not hydrate because it is on screen; Train plays, pauses, steps and goes back`, async ({ page }) => {
    await page.goto(NETWORK);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const island = page.locator('astro-island:has(#fig-network)');
    await expect(island).toHaveAttribute('ssr', '');
    await hydrateFigure(page, 'fig-network');
    await page.locator('#fig-network select').selectOption('30');
    await page.locator('[data-train="play"]').click();
    await expect.poll(() => epochShown(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(12);
    await page.locator('[data-train="play"]').click();
    await expect(page.locator('[data-train="play"]')).toHaveText('Play');
    const n = await epochShown(page);
    await page.waitForTimeout(300);
    expect(await epochShown(page), 'paused').toBe(n);
    await expectAtEpoch(page, n);
    await page.locator('[data-train="step"]').click();
    await expectAtEpoch(page, n + 1);
    await page.locator('[data-train="restart"]').click();
    await expect(page.locator('[data-train-epoch]')).toHaveAttribute('data-train-epoch', '1');
    await expect.poll(() => paramsInForce(page)).toEqual(ARTICLE_PARAMS);
    expect(await mismatchesInPage(page, ARTICLE_PARAMS)).toEqual([]);
  });

  test(`${BACKPROP}: Train stops at epoch 300, and the backward view follows it`, async ({ page }) => {
    await page.goto(BACKPROP);
    await hydrateFigure(page, 'fig-backward');
    await page.locator('#fig-backward select').selectOption('30');
    await page.locator('[data-train="play"]').click();
    await expect(page.locator('[data-train-epoch]')).toHaveAttribute('data-train-epoch', '300', { timeout: 30_000 });
    await expect(page.locator('[data-train="play"]')).toHaveText('Play');
    await expect(page.locator('[data-train="play"]')).toBeDisabled();
    await expect(page.locator('[data-train="step"]')).toBeDisabled();
    await expectAtEpoch(page, 300);
    // Each edge is drawn from its gradient: data attributes equal the page's own ∂E/∂w.
    const edges = await page.locator('#fig-backward line[data-gradient]').evaluateAll((els) =>
      els.map((el) => ({ w: el.getAttribute('data-weight'), g: el.getAttribute('data-gradient'), dashed: getComputedStyle(el).strokeDasharray !== 'none' })),
    );
    expect(edges).toHaveLength(8);
    for (const e of edges) {
      const shown = await page.locator(`#fig-backward [data-q="dE_d${e.w}"]`).first().getAttribute('data-value');
      expect(e.g).toBe(shown);
      expect(e.dashed, `${e.w}: a negative gradient is dashed`).toBe(Number(e.g) < 0);
    }
  });

  test('under reduced motion Train only steps: no Play, no autoplay', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(NETWORK);
    await hydrateFigure(page, 'fig-network');
    await expect(page.locator('[data-train="play"]')).toHaveCount(0);
    await page.locator('[data-train="step"]').click();
    await expectAtEpoch(page, 2);
    await page.waitForTimeout(700);
    expect(await epochShown(page)).toBe(2);
  });

  test('an edit of the reader’s own starts the count again from the new weights', async ({ page }) => {
    await page.goto(NETWORK);
    await hydrateFigure(page, 'fig-network');
    await page.locator('[data-train="step"]').click();
    await page.locator('[data-train="step"]').click();
    await expect(page.locator('[data-train-epoch]')).toHaveAttribute('data-train-epoch', '3');
    await typeParam(page, 'w1', 0.7);
    await expect(page.locator('[data-train-epoch]')).toHaveAttribute('data-train-epoch', '1');
  });
});

test.describe('scenarios', () => {
  for (const s of scenarios()) {
    test(`“${s.title}” loads its values`, async ({ page }) => {
      const page_ = s.page === SECTION_SLUGS.backprop ? BACKPROP : UPDATE;
      await page.goto(page_);
      const link = page.locator(`li[data-scenario="${s.id}"] a`);
      await expect(link).toHaveCount(1);
      // The link carries its own configuration and nothing of the reader's, even after an edit.
      const name = (await page.locator('input[name]').first().getAttribute('name')) ?? 'lr';
      await typeParam(page, name, 0.9);
      await expect(page).toHaveURL(new RegExp(`${name}=0\\.9`));
      expect(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).search).toBe(new URL(scenarioHref(s), 'http://x/').search);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${s.page}/.*#${s.hash}$`));
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-precision'));
      for (const name of PARAM_NAMES) {
        const field = page.locator(`input[name="${name}"]`).first();
        if ((await field.count()) > 0) await expect(field, name).toHaveValue(String(s.params[name]));
      }
      expect(await mismatchesInPage(page, s.params)).toEqual([]);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every figure is there at the article’s values', async ({ page }) => {
    const s = evaluate(ARTICLE_PARAMS);
    await page.goto(BACKPROP);
    await expect(page.locator('#fig-slope .slope-curve')).toBeVisible();
    await expect(page.locator('#fig-slope .slope-tangent')).toHaveAttribute('data-slope', String(s.dE_dw5));
    await expect(page.locator('#fig-backward line[data-gradient]')).toHaveCount(8);
    expect(mismatches(await readShown(page), ARTICLE_PARAMS)).toEqual([]);
    await page.goto(UPDATE);
    const path = pairDescent(ARTICLE_PARAMS, ['w6', 'w8']);
    const points = Array.from(path.a, (a, k) => `${a},${path.b[k]}`).join(' ');
    await expect(page.locator('#fig-contour .contour-path')).toHaveAttribute('data-points', points);
    expect(await page.locator('#fig-contour .contour-line').count()).toBeGreaterThanOrEqual(5);
    expect(mismatches(await readShown(page), ARTICLE_PARAMS)).toEqual([]);
    await page.goto(NETWORK);
    await expect(page.locator('#fig-network svg.nd')).toBeVisible();
    expect(mismatches(await readShown(page), ARTICLE_PARAMS)).toEqual([]);
  });
});

test.describe('accessibility of the states the figures add', () => {
  for (const [path, setup] of [
    [NETWORK, 'backward view'],
    [UPDATE, 'a rate that overshoots'],
  ] as const) {
    test(`${path} with ${setup}: axe finds nothing, light and dark, 320 and 1280 px`, async ({ page }) => {
      const watch = watchPage(page);
      await page.goto(path === UPDATE ? `${path}?lr=100` : path);
      const id = path === UPDATE ? 'fig-contour' : 'fig-network';
      await hydrateFigure(page, id);
      if (path === NETWORK) {
        await page.getByRole('button', { name: 'Gradients (backward pass)' }).click();
        await page.locator('[data-train="step"]').click();
      }
      const found: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [320, 1280]) {
          await page.emulateMedia({ colorScheme });
          await page.setViewportSize({ width, height: 900 });
          // The page around the figure is accessibility.spec's; here the figure in its new state.
          for (const v of await axeViolations(page, `#${id}`)) found.push(`${colorScheme}, ${width} px: ${v}`);
          const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (pageWidth > width) found.push(`${colorScheme}, ${width} px: the page scrolls sideways (${pageWidth} px)`);
        }
      }
      expect(found, found.join('\n')).toEqual([]);
      expect(watch.problems).toEqual([]);
    });
  }
});
