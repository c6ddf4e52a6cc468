/**
 * The built tutorial in a browser: reference values with and without
 * JavaScript, every shown number following edits, Reset, URL state, deep
 * links, precision, and a clean console on every page.
 */
import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_PARAMS, createResolver, formatExact, formatTruncated, type Params } from '../src/lib/backprop';
import {
  UNSHOWABLE_WORDS,
  changedCount,
  mismatches,
  mismatchesInPage,
  readShown,
  serveMathModule,
  settledSearch,
  waitForHydration,
  withParams,
} from './support/quantities';
import { DEEP_LINK_IDS, SECTION_SLUGS, builtHtml, fieldsIn, pagePaths, sectionPath, sectionPaths } from './support/site';
import { shareStep } from './support/share';

// Pages with hundreds of live numbers, checked several times each, on machines that may be busy.
test.describe.configure({ timeout: 120_000 });

const FORWARD = sectionPath(SECTION_SLUGS.forward);
const BACKPROP = sectionPath(SECTION_SLUGS.backprop);
const ALL = pagePaths().find((p) => p.endsWith('/all/')) ?? '/all/';
const UPDATE = sectionPath(SECTION_SLUGS.update);

/** The first element showing `name` at epoch 1 with the page's precision (no fixed digits, no other rate). */
function plain(page: Page, name: string) {
  return page.locator(`[data-q="${name}"]:not([data-epoch]):not([data-lr]):not([data-digits] *):not([data-digits])`);
}

/** E_total after one update at the reader's rate (or explicitly at 0.1). */
function epoch2Loss(page: Page) {
  return page.locator(
    [
      '[data-q="E_total"][data-epoch="2"]:not([data-lr])',
      '[data-q="E_total"][data-epoch="2"][data-lr="0.1"]',
    ].join(', '),
  ).and(page.locator(':not([data-digits]):not([data-digits] *)'));
}

/**
 * Waits until the hydrated page shows exactly what the math module, run in the
 * same browser, computes for `params`.
 */
async function expectPageMatches(page: Page, params: Params, digits = 4): Promise<void> {
  await expect.poll(() => mismatchesInPage(page, params, digits), { timeout: 20_000 }).toEqual([]);
}

test.beforeEach(async ({ page, javaScriptEnabled }) => {
  if (javaScriptEnabled) await serveMathModule(page);
});

/** The article's reference values where the content puts them (after hydration when `hydrate`). */
async function expectReferenceValues(page: Page, hydrate: boolean): Promise<void> {
  await page.goto(FORWARD);
  if (hydrate) await waitForHydration(page);
  for (const [name, text] of [['a_o1', '0.6064'], ['o2', '0.5342'], ['E_total', '0.01418']] as const) {
    const shown = plain(page, name);
    expect(await shown.count(), `${name} is shown on ${FORWARD}`).toBeGreaterThan(0);
    for (const el of await shown.all()) await expect(el).toHaveText(text);
  }
  await page.goto(UPDATE);
  if (hydrate) await waitForHydration(page);
  const after = epoch2Loss(page);
  expect(await after.count(), `E_total at epoch 2 is shown on ${UPDATE}`).toBeGreaterThan(0);
  for (const el of await after.all()) await expect(el).toHaveText('0.01410');
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the article’s reference values are in the built HTML', async ({ page }) => {
    await expectReferenceValues(page, false);
  });

  for (const path of pagePaths().filter((p) => builtHtml(p).includes(' data-q='))) {
    test(`${path}: every shown number is the math module’s, at the article’s values`, async ({ page }) => {
      await page.goto(path);
      const shown = await readShown(page);
      expect(shown.length).toBeGreaterThan(0);
      expect(mismatches(shown, ARTICLE_PARAMS)).toEqual([]);
      for (const input of await page.locator('input[name="w1"]').all()) await expect(input).toHaveValue('0.15');
    });
  }
});

test.describe('after hydration', () => {
  test('the article’s reference values stay', async ({ page }) => {
    await expectReferenceValues(page, true);
    await expectPageMatches(page, ARTICLE_PARAMS);
    await page.goto(FORWARD);
    await waitForHydration(page);
    await expectPageMatches(page, ARTICLE_PARAMS);
    await expect(plain(page, 'a_o1').first()).toHaveText('0.6064');
  });

  test('the sections offer the fields the issue asks for', async ({ page }) => {
    await page.goto(FORWARD);
    for (const name of ['i1', 'i2', 't1', 't2', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8']) {
      expect(await page.locator(`input[name="${name}"]`).count(), `${name} on ${FORWARD}`).toBeGreaterThan(0);
    }
    await page.goto(UPDATE);
    expect(await page.locator('input[name="lr"]').count(), `lr on ${UPDATE}`).toBeGreaterThan(0);
  });
});

/** The edits the issue names, applied one after another. */
const EDITS: readonly { name: 'w1' | 'lr' | 't1'; text: string; value: number }[] = [
  { name: 'w1', text: '0.3', value: 0.3 },
  { name: 'lr', text: '0.5', value: 0.5 },
  { name: 't1', text: '0.2', value: 0.2 },
];

test.describe('editing follows everywhere', () => {
  for (const path of sectionPaths()) {
    // The fields this page offers, read from its build; a page without any has nothing to edit.
    const edits = EDITS.filter((edit) => fieldsIn(path, [edit.name]).length > 0);
    if (edits.length === 0) continue;
    test(`${path}: editing ${edits.map((e) => e.name).join(', ')} updates every data-q to the math module’s value`, async ({ page }) => {
      await page.goto(path);
      await waitForHydration(page);
      let params: Params = ARTICLE_PARAMS;
      for (const edit of edits) {
        const field = page.locator(`input[name="${edit.name}"]`);
        const before = params;
        params = { ...params, [edit.name]: edit.value };
        await field.first().fill(edit.text);
        await expectPageMatches(page, params);
        const shown = await readShown(page);
        expect(changedCount(shown, before, params), `numbers on ${path} that depend on ${edit.name}`).toBeGreaterThan(0);
        // Every field for the same parameter shows the value in force.
        for (const other of await field.all()) await expect(other).toHaveValue(edit.text);
      }
    });
  }

  test('a value that is not a number shows a message and keeps the last valid value', async ({ page }) => {
    await page.goto(FORWARD);
    await waitForHydration(page);
    const field = page.locator('input[name="w1"]').first();
    await field.fill('0.3');
    await expectPageMatches(page, withParams({ w1: 0.3 }));
    await field.fill('abc');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const messageId = await field.getAttribute('aria-describedby');
    expect(messageId).toBeTruthy();
    const message = page.locator(`[id="${messageId}"]`);
    await expect(message).toBeVisible();
    await expect(message).not.toHaveText('');
    await expectPageMatches(page, withParams({ w1: 0.3 }));
    expect(await page.locator('body').innerText()).not.toMatch(UNSHOWABLE_WORDS);
  });
});

test.describe('state: reset, address, links', () => {
  test('Reset restores the article’s values', async ({ page }) => {
    await page.goto(FORWARD);
    await waitForHydration(page);
    await page.locator('input[name="w1"]').first().fill('0.3');
    await page.locator('input[name="t1"]').first().fill('0.2');
    await expectPageMatches(page, withParams({ w1: 0.3, t1: 0.2 }));
    await page.locator('button[data-action="reset"]').first().click();
    await expectPageMatches(page, ARTICLE_PARAMS);
    await expect(plain(page, 'a_o1').first()).toHaveText('0.6064');
    await expect(plain(page, 'E_total').first()).toHaveText('0.01418');
    await expect(page.locator('input[name="w1"]').first()).toHaveValue('0.15');
    await expect(page.locator('input[name="t1"]').first()).toHaveValue('0.5');
    expect(await settledSearch(page)).toBe('');
  });

  for (const path of sectionPaths()) {
    const fields = fieldsIn(path, ['w1', 'lr', 't1']);
    if (fields.length === 0 && !builtHtml(path).includes(' data-q=')) continue;
    test(`${path}: a URL query loads its values into the fields and the numbers`, async ({ page }) => {
      const params = withParams({ w1: 0.3, lr: 0.5, t1: 0.2 });
      await page.goto(`${path}?w1=0.3&lr=0.5&t1=0.2`);
      await waitForHydration(page);
      await expectPageMatches(page, params);
      const dependent = changedCount(await readShown(page), ARTICLE_PARAMS, params);
      expect(dependent + fields.length, `numbers or fields on ${path} that the query changes`).toBeGreaterThan(0);
      for (const [name, text] of [['w1', '0.3'], ['lr', '0.5'], ['t1', '0.2']] as const) {
        for (const input of await page.locator(`input[name="${name}"]`).all()) await expect(input).toHaveValue(text);
      }
    });
  }

  test('edits update the address in place and links carry it', async ({ page }) => {
    await page.goto(FORWARD);
    await waitForHydration(page);
    const historyLength = await page.evaluate(() => history.length);
    await page.locator('input[name="w1"]').first().fill('0.3');
    await expect(page).toHaveURL(/[?&]w1=0\.3(&|#|$)/);
    // replaceState, not pushState: Back still leaves the page.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    for (const rel of ['prev', 'next']) {
      const link = page.locator(`a[rel="${rel}"]`).first();
      await expect(link).toHaveAttribute('href', /[?&]w1=0\.3(&|#|$)/);
    }
    await page.locator('a[rel="next"]').first().click();
    await expect(page).toHaveURL(/[?&]w1=0\.3(&|#|$)/);
    expect(new URL(page.url()).pathname).not.toBe(FORWARD);
    await waitForHydration(page);
    await expectPageMatches(page, withParams({ w1: 0.3 }));
  });

  test(`${BACKPROP}: every deep-link id exists once, with a visible link that carries the parameters`, async ({ page }) => {
    await page.goto(`${BACKPROP}?w1=0.3`);
    await waitForHydration(page);
    for (const id of DEEP_LINK_IDS) {
      await expect(page.locator(`[id="${id}"]`), id).toHaveCount(1);
      // A step's link is in its Share control; a gradient's `#` stands beside it.
      if (id.startsWith('step-')) await shareStep(page, id);
      const link = page.locator(`[id="${id}"] a[href$="#${id}"]`).first();
      await expect(link, `visible deep link for ${id}`).toBeVisible();
      await expect(link).toHaveAttribute('href', new RegExp(`w1=0\\.3.*#${id}$`));
    }
  });

  // Steps far off screen are not rendered until they come near (content-visibility), so the page
  // above a linked step is laid out from estimates: the link must still land on the step itself.
  // On the one-page tutorial whole sections far off screen are skipped too.
  for (const [path, width] of [[BACKPROP, 320], [BACKPROP, 1280], [ALL, 390]] as const) {
    test(`${path}: a link to a late step lands on it, at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      for (const id of ['step-7', 'grad-w8', 'step-3']) {
        await page.goto(`${path}?w1=0.3#${id}`);
        await page.waitForLoadState('networkidle');
        const target = page.locator(`[id="${id}"]`);
        await expect(target).toBeInViewport();
        // Its top sits where scroll-margin puts it (or as high as the end of the page allows).
        const place = () =>
          target.evaluate((el) => {
            const top = Math.round(el.getBoundingClientRect().top);
            const atEnd = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1;
            return top >= 0 && (top <= 40 || atEnd) ? 'on the step' : `top at ${top} px, scrollY ${Math.round(scrollY)}`;
          });
        expect(await place(), id).toBe('on the step');
        // ...and stays there once everything has settled.
        await page.waitForTimeout(500);
        expect(await place(), id).toBe('on the step');
        // And it is drawn: its typeset numbers are on screen.
        await expect(target.locator('.katex-html [data-q]').first()).toBeVisible();
      }
    });
  }

  // Containment (what content-visibility gives a part near the screen) must not move anything: no inner
  // margin may collapse through a skippable part's edge, or the page would not look as it did.
  for (const width of [390, 1280]) {
    test(`every section and the one-page tutorial look the same with their skippable parts contained or not, at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const moved: string[] = [];
      for (const path of [...sectionPaths(), ALL]) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        moved.push(
          ...(await page.evaluate(() => {
            const skippable = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => getComputedStyle(el).contentVisibility === 'auto');
            const laidOut = new CSSStyleSheet();
            laidOut.replaceSync('* { content-visibility: visible !important; }');
            const contained = new CSSStyleSheet();
            contained.replaceSync('[data-contained] { contain: layout style paint !important; }');
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, laidOut];
            for (const el of skippable) el.dataset['contained'] = '';
            // Where everything shown on the page stands (not what a closed disclosure hides), and how long the page is.
            const shown = (el: Element): boolean => {
              for (let d = el.parentElement?.closest('details:not([open])'); d; d = d.parentElement?.closest('details:not([open])')) {
                if (!d.querySelector(':scope > summary')?.contains(el)) return false;
              }
              return true;
            };
            const everything = [...document.querySelectorAll('body *')].filter(shown);
            const places = () => everything.map((el) => (el.getClientRects().length ? el.getBoundingClientRect().top + scrollY : NaN));
            const free = places();
            const freeHeight = document.documentElement.scrollHeight;
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, contained];
            const boxed = places();
            const out = everything.flatMap((el, i) =>
              Math.abs(free[i]! - boxed[i]!) > 0.5 || Number.isNaN(free[i]!) !== Number.isNaN(boxed[i]!)
                ? [`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${el.id ? `#${el.id}` : ''} moves from ${free[i]!.toFixed(1)} to ${boxed[i]!.toFixed(1)}`]
                : [],
            );
            if (document.documentElement.scrollHeight !== freeHeight) out.unshift(`the page is ${document.documentElement.scrollHeight} px long, not ${freeHeight}`);
            return out.slice(0, 3).map((o) => `${location.pathname}: ${o}`);
          })),
        );
      }
      expect(moved).toEqual([]);
    });
  }

  test(`${BACKPROP}: the step a link targets is highlighted`, async ({ page }) => {
    const look = (id: string) =>
      page.locator(`[id="${id}"]`).evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.backgroundColor, s.boxShadow, s.outlineStyle, s.outlineColor, s.borderLeftColor].join(' | ');
      });
    await page.goto(`${BACKPROP}#step-3`);
    expect(await look('step-3')).not.toBe(await look('step-4'));
    await page.goto(`${BACKPROP}#grad-w5`);
    expect(await look('grad-w5')).not.toBe(await look('grad-w6'));
    // And the highlight is about the target, not about step 3 itself.
    expect(await look('step-3')).toBe(await look('step-4'));
  });

  test('the precision control shows more digits', async ({ page }) => {
    await page.goto(FORWARD);
    await waitForHydration(page);
    const aO1 = createResolver(ARTICLE_PARAMS)({ name: 'a_o1' });
    const digits = page.locator('select[name="digits"]').first();
    await digits.selectOption('8');
    await expect(plain(page, 'a_o1').first()).toHaveText(formatTruncated(aO1, 8));
    await expectPageMatches(page, ARTICLE_PARAMS, 8);
    await expect(page).toHaveURL(/[?&]digits=8(&|#|$)/);
    await digits.selectOption('all');
    await expect(plain(page, 'a_o1').first()).toHaveText(formatExact(aO1));
    await expectPageMatches(page, ARTICLE_PARAMS, Infinity);
  });
});

test.describe('page load order', () => {
  // Seen on CI: Chromium under load ran the deferred page script while 1.4 was still
  // being parsed, and the numbers below that point never followed the state. Here the
  // parser is held on purpose (a blocking script in the middle of the page) while an
  // async copy of the page script loads and runs; every number must still follow.
  test(`${BACKPROP}: numbers follow the state when the page script runs before the page is parsed`, async ({ page }) => {
    const html = builtHtml(BACKPROP);
    const tag = /<script type="module" src="([^"]+)"><\/script>/.exec(html);
    expect(tag, 'the page script tag in the built page').not.toBeNull();
    const [pageScriptTag, pageScriptSrc = ''] = tag ?? [];
    const middle = html.indexOf('id="step-5"');
    expect(middle, 'step 5 in the built page').toBeGreaterThan(0);
    const cut = html.lastIndexOf('<section', middle);
    const held =
      html.slice(0, cut).replace('</head>', `<script type="module" async src="${pageScriptSrc}"></script></head>`) +
      '<script src="/__hold-parser__.js"></script>' +
      html.slice(cut).replace(pageScriptTag ?? '', '');

    let pageScriptServed = false;
    page.on('requestfinished', (request) => {
      if (request.url().endsWith(pageScriptSrc)) pageScriptServed = true;
    });
    await page.route(`**${BACKPROP}?*`, (route) => route.fulfill({ contentType: 'text/html', body: held }));
    await page.route('**/__hold-parser__.js', async (route) => {
      // Keep the parser waiting until the page script (and what it imports) has surely run.
      for (let waited = 0; !pageScriptServed && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 1_000));
      await route.fulfill({ contentType: 'text/javascript', body: 'document.documentElement.dataset.parserHeld = document.readyState;' });
    });

    await page.goto(`${BACKPROP}?w1=0.3&t1=0.2`);
    // The set-up did what it says: the parser was held while the page was loading, after the page script arrived.
    await expect(page.locator('html')).toHaveAttribute('data-parser-held', 'loading');
    expect(pageScriptServed).toBe(true);
    await waitForHydration(page);
    await expectPageMatches(page, withParams({ w1: 0.3, t1: 0.2 }));
    await expect(page.locator('a[data-deep-link="grad-w8"]')).toHaveAttribute('href', /w1=0\.3.*#grad-w8$/);
  });
});

test.describe('every page', () => {
  const queries = ['', '?w1=1000000&lr=-1000000&t1=-1000000&i1=1000000', '?w1=abc&lr=1e400&t2=NaN'];
  for (const path of pagePaths()) {
    test(`${path}: no console error, no page error, nothing unshowable`, async ({ page }) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('response', (res) => {
        if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      for (const query of queries) {
        await page.goto(`${path}${query}`);
        await waitForHydration(page);
        await page.waitForLoadState('networkidle');
        const text = await page.locator('body').innerText();
        const bad = UNSHOWABLE_WORDS.exec(text);
        expect(bad, `"${bad?.[0]}" near "${text.slice(Math.max(0, (bad?.index ?? 0) - 60), (bad?.index ?? 0) + 60)}" with ${query || 'no query'}`).toBeNull();
      }
      expect(errors).toEqual([]);
    });
  }
});
