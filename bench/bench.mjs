// @ts-check
/**
 * `npm run bench`: builds the site into dist-bench/, serves it with `astro
 * preview`, and prints one table (also written into docs/benchmark.md, between its markers):
 * the machine, the build time, for every page Lighthouse's four scores (mobile
 * preset, the system Chromium), the JavaScript and CSS the page loads at first
 * load (gzipped), edit-to-screen latency over 50 edits of different fields,
 * the time to open an explanation (a click on a number to its explanation on
 * screen, over up to 20 numbers of the page), the frame time while dragging a
 * weight (every number on the page follows), the math module's sweep of six
 * learning rates × 300 epochs, and the contour map's recompute per edit.
 *
 * The pages: every page of the site, every section's embed, and for a section with steps the
 * embed of its first step (and of 1.4's Step 6), with each page's gzipped HTML and its element
 * count once loaded; for a section's embed, the drag once more inside a frame on another origin;
 * on 1.3, 1.4 and /all/ the drag once more with the CPU four times slower (a mid-range phone).
 *
 * Timings, so not part of `npm test`. Environment: CHROMIUM_PATH (default
 * /usr/bin/chromium), BENCH_LIGHTHOUSE_RUNS (default 3; the median is shown),
 * BENCH_EDITS (default 50), BENCH_OUT_DIR (default ./dist-bench), BENCH_PAGES
 * (comma-separated paths, e.g. `/1-4-backpropagation/`, to measure only those
 * while working on them; the table is then printed but not written), BENCH_QUICK=1
 * (a check of the benchmark itself: one Lighthouse run, a few edits, opens and moves per page;
 * nothing written), BENCH_REUSE_BUILD=1 (measure the build already in BENCH_OUT_DIR).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { runnerImport } from 'vite';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.config.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env['BENCH_OUT_DIR'] ?? 'dist-bench');
const chromiumPath = CHROMIUM_PATH;
const quick = process.env['BENCH_QUICK'] === '1';
const lighthouseRuns = quick ? 1 : Math.max(1, Number(process.env['BENCH_LIGHTHOUSE_RUNS'] ?? 3));
const edits = quick ? 4 : Math.max(1, Number(process.env['BENCH_EDITS'] ?? 50));
const reuseBuild = process.env['BENCH_REUSE_BUILD'] === '1';
const astroBin = join(root, 'node_modules', '.bin', 'astro');
const onlyPages = (process.env['BENCH_PAGES'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);

/** Lighthouse starts its own Chromium, headless, with the project's usual flags. */
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

/** @param {number[]} values @param {number} q */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return /** @type {number} */ (sorted[index]);
}

/** @param {number[]} values */
const median = (values) => quantile(values, 0.5);

/** @param {string | Buffer} data */
const gzipSize = (data) => gzipSync(data, { level: 9 }).length;

/** @returns {Promise<number>} a free TCP port on 127.0.0.1 */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** @param {string} url */
async function waitForHttp(url, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** A section's slug, as its page's path names it (`/1-4-backpropagation/`). */
const SECTION_PATH = /^\/(\d+-\d+-[a-z0-9-]+)\/$/;

/** The served path of each built page (`index.html` files; not the previews' folder). */
function builtPaths(dir = outDir, at = '/') {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !['_astro', 'og'].includes(entry.name)) found.push(...builtPaths(join(dir, entry.name), `${at}${entry.name}/`));
    else if (entry.name === 'index.html') found.push(at);
  }
  return found;
}

/**
 * The pages measured: the site's pages, every section's embed and, for a section with steps, the
 * embed of its first step (plus 1.4's Step 6, the one the targets name).
 */
function pagePaths() {
  const built = new Set(builtPaths());
  const pages = [...built].filter((p) => !p.startsWith('/embed/') || p === '/embed/');
  const sections = pages.map((p) => SECTION_PATH.exec(p)?.[1]).filter((slug) => slug !== undefined);
  const embeds = sections.flatMap((slug) => [`/embed/${slug}/`, `/embed/${slug}/steps/1/`, ...(slug === '1-4-backpropagation' ? [`/embed/${slug}/steps/6/`] : [])]);
  const all = [...pages.sort(), ...embeds].filter((p) => built.has(p));
  const unknown = onlyPages.filter((p) => !all.includes(p));
  if (unknown.length) throw new Error(`BENCH_PAGES names pages the benchmark does not measure: ${unknown.join(', ')}`);
  return onlyPages.length ? all.filter((p) => onlyPages.includes(p)) : all;
}

/** The pages whose drag is measured once more at 4× CPU throttling: 1.3, 1.4 and the whole tutorial. */
const THROTTLED_DRAG_PAGES = ['/1-3-forward-propagation/', '/1-4-backpropagation/', '/all/'];
/** A mid-range phone's CPU, against a desktop core (Chrome DevTools' own preset). */
const CPU_SLOWDOWN = 4;

/** Builds the site; returns the wall-clock build time in seconds. */
function build() {
  if (reuseBuild && existsSync(join(outDir, 'index.html'))) return NaN;
  rmSync(outDir, { recursive: true, force: true });
  const start = performance.now();
  const result = spawnSync(astroBin, ['build'], { cwd: root, env: { ...process.env, OUT_DIR: outDir }, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
  return seconds;
}

/**
 * Starts Chromium with a DevTools port for Lighthouse.
 * @returns {Promise<{ port: number, stop: () => Promise<void> }>}
 */
async function startChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const child = spawn(chromiumPath, [...CHROME_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise((done, fail) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not open a DevTools port:\n${seen}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      seen += String(chunk);
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
    child.once('exit', (code) => fail(new Error(`Chromium exited (${code}):\n${seen}`)));
  });
  return {
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill();
        await exited;
      }
      // Chromium's helper processes may still be flushing the profile for a moment.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);

/**
 * Lighthouse's four scores (0–100) and its Total Blocking Time (ms) for one URL, the median of
 * `lighthouseRuns` runs each.
 * @param {string} url @param {number} port
 */
async function lighthouseScores(url, port) {
  /** @type {Record<string, number[]>} */
  const runs = Object.fromEntries([...CATEGORIES, 'tbt'].map((c) => [c, []]));
  for (let i = 0; i < lighthouseRuns; i++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    for (const category of CATEGORIES) {
      const score = result.lhr.categories[category]?.score;
      runs[category]?.push(typeof score === 'number' ? Math.round(score * 100) : NaN);
    }
    runs['tbt']?.push(result.lhr.audits['total-blocking-time']?.numericValue ?? NaN);
  }
  return Object.fromEntries([...CATEGORIES, 'tbt'].map((c) => [c, median(runs[c] ?? [])]));
}

/**
 * First-load bytes and edit-to-screen latency for one page.
 * @param {import('@playwright/test').Browser} browser @param {string} url
 * @param {readonly string[]} paramNames the editable parameters (DOM contract: a field's `name`)
 */
async function measurePage(browser, url, paramNames) {
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {Promise<{ type: string, gzip: number }>[]} */
  const fetched = [];
  // The document's own bytes, as sent (the HTML an embed must keep small).
  const html = await context.request.get(url).then(async (r) => gzipSize(await r.body()));
  /** @param {import('@playwright/test').Request} request */
  const record = (request) => {
    fetched.push(
      (async () => {
        const response = await request.response();
        const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        return { type: request.resourceType(), gzip: gzipSize(body) };
      })(),
    );
  };
  page.on('requestfinished', record);
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]:not([client="visible"]):not([client="needed"])') === null);
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', record);
  const requests = await Promise.all(fetched);
  const inline = await page.$$eval('script:not([src])', (els) => els.map((el) => el.textContent ?? '').join('\n'));
  const js = requests.filter((r) => r.type === 'script').reduce((s, r) => s + r.gzip, 0) + (inline.trim() ? gzipSize(inline) : 0);
  const css = requests.filter((r) => r.type === 'stylesheet').reduce((s, r) => s + r.gzip, 0);
  // The elements the page builds once loaded, at the default 1280 px (before anything is edited).
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);

  // Edit-to-screen: from the input event to the last DOM mutation it causes on the screen, and to
  // the animation frame after that mutation; and to the last it causes anywhere (what is far from the
  // screen catches up in idle time), once the page has settled (no mutation for 150 ms).
  const fields = page.locator(paramNames.map((name) => `input[name="${name}"]`).join(', ')).filter({ visible: true });
  const fieldCount = await fields.count();
  /** @type {number[]} */
  const toDom = [];
  /** @type {number[]} */
  const toFrame = [];
  /** @type {number[]} */
  const toSettled = [];
  if (fieldCount > 0) {
    // Islands that wait to be visible are hydrated first, as a reader scrolling down would.
    // Always the first still waiting: hydrated islands drop [ssr], so a list taken up front goes stale.
    const waiting = page.locator('astro-island[ssr]:is([client="visible"], [client="needed"])');
    // Those that wait for a touch (the Embed actions) get one: a pointer passing over.
    for (let tries = 0, left = await waiting.count(); tries < 120 && left > 0; tries++) {
      await waiting
        .first()
        .evaluate((island) => {
          const shown = island.firstElementChild ?? island.parentElement ?? island;
          shown.scrollIntoView({ block: 'center' });
          shown.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        }, undefined, { timeout: 5_000 })
        .catch(() => undefined);
      await page
        .waitForFunction((before) => document.querySelectorAll('astro-island[ssr]:is([client="visible"], [client="needed"])').length < before, left, { timeout: 1_000 })
        .catch(() => undefined);
      left = await waiting.count();
    }
    await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__bench = { input: 0, lastMutation: 0, changed: [] };
      window.addEventListener('input', () => (w.__bench.input = performance.now()), true);
      // Each change's time and element, sorted out after the page settles (no layout is forced meanwhile).
      new MutationObserver((records) => {
        const now = performance.now();
        w.__bench.lastMutation = now;
        for (const r of records) w.__bench.changed.push([now, r.target]);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    for (let i = 0; i < edits; i++) {
      const field = fields.nth(i % fieldCount);
      const current = Number(await field.inputValue());
      const base = Number.isFinite(current) ? current : 0.5;
      // A different valid value each time, alternating up and down so values stay near the article's.
      const value = (base + (i % 2 === 0 ? 1 : -1) * 0.001 * ((i % 7) + 1)).toFixed(6);
      // A reader sees the field before typing in it: scrolled to, and what came near the screen told so.
      await field.scrollIntoViewIfNeeded();
      await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        w.__bench.input = 0;
        w.__bench.lastMutation = 0;
        w.__bench.changed = [];
        // The frame after the last change on the screen is found once the page settles: every frame is marked until then.
        w.__bench.frames = [];
        const mark = () => {
          w.__bench.frames.push(performance.now());
          if (w.__bench.frames.length < 240) requestAnimationFrame(mark);
        };
        return new Promise((ready) => requestAnimationFrame(() => requestAnimationFrame(() => ready(mark()))));
      });
      await field.fill(value);
      const timing = await page.evaluate(
        () =>
          new Promise((done) => {
            const w = /** @type {any} */ (window);
            const check = () => {
              const b = w.__bench;
              const quietFor = performance.now() - Math.max(b.lastMutation, b.input);
              if (!b.input || quietFor <= 150) return void setTimeout(check, 25);
              const onScreen = (/** @type {Node} */ node) => {
                const el = node instanceof Element ? node : node.parentElement;
                if (!el?.isConnected) return false;
                const r = el.getBoundingClientRect();
                return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && (r.width > 0 || r.height > 0);
              };
              let lastOnScreen = 0;
              for (const [time, node] of b.changed) if (time > lastOnScreen && onScreen(node)) lastOnScreen = time;
              const frame = b.frames.find((/** @type {number} */ t) => t > lastOnScreen) ?? 0;
              done({ input: b.input, lastMutation: b.lastMutation, lastOnScreen, frame });
            };
            check();
          }),
      );
      const t = /** @type {{ input: number, lastMutation: number, lastOnScreen: number, frame: number }} */ (timing);
      if (t.lastOnScreen > 0 && t.frame > 0) {
        toDom.push(t.lastOnScreen - t.input);
        toFrame.push(t.frame - t.input);
      }
      if (t.lastMutation > 0) toSettled.push(t.lastMutation - t.input);
    }
  }
  await context.close();
  return { html, elements, js, css, fieldCount, toDom, toFrame, toSettled };
}

/** How many numbers of a page are opened to time explanations; how many pointer moves a drag is timed over. */
const EXPLAIN_OPENS = quick ? 3 : 20;
const DRAG_MOVES = quick ? 15 : 60;

/**
 * Explanations on one page: the time from the press on a number to its explanation on screen
 * (the frame after it appeared; the first open also fetches the explanations file), for up to
 * EXPLAIN_OPENS numbers spread over the page; and, where a weight's number is shown, its drag (`dragWeight`).
 * @param {import('@playwright/test').Browser} browser @param {string} url
 */
async function measureExplanations(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const clickable = await page.$$eval('[data-q]', (els) =>
    els
      // A spreadsheet mistake's number (NAME--MISTAKE) is explained by its note and opens nothing.
      .map((el, i) =>
        el.closest('.katex-mathml, .visually-hidden, input') || el.getAttribute('data-q')?.includes('--') || !el.checkVisibility({ visibilityProperty: true }) ? -1 : i,
      )
      .filter((i) => i >= 0),
  );
  const every = Math.max(1, Math.floor(clickable.length / EXPLAIN_OPENS));
  const picks = clickable.filter((_, k) => k % every === 0).slice(0, EXPLAIN_OPENS);
  /** @type {number[]} */
  const open = [];
  for (const index of picks) {
    const number = page.locator('[data-q]').nth(index);
    await number.scrollIntoViewIfNeeded();
    // Let the scroll's own rendering (steps coming into view) finish before the press is timed.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__opened = new Promise((done) => {
        let pressed = 0;
        addEventListener('pointerdown', (e) => (pressed = e.timeStamp), { once: true, capture: true });
        const shown = () => document.querySelector('[data-explains] .explain-meaning');
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          // After the frame that paints it: a task queued from the frame's callbacks runs once it is rendered.
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - pressed)));
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
    });
    await number.click();
    open.push(/** @type {number} */ (await page.evaluate(() => /** @type {any} */ (window).__opened)));
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-explains]', { state: 'detached' });
  }

  const drag = await dragWeight(page);
  await context.close();
  return { open, drag };
}

/**
 * Drags w5's number on a loaded page, where one is shown, while every number on the page follows.
 * For each pointer move (ms): `frame`, the frame that shows it, from the move's dispatch to the end of
 * that frame (the page keeps up with the display while this stays within 16.7 ms); `latency`, from
 * the move's timestamp to the same end. A move waits for the next frame before it is dispatched, so
 * the latency adds up to a frame that depends on when the input arrives, here on the test driver's
 * pace. `target`: the page, or the frame of it that holds the number.
 * @param {import('@playwright/test').Page} page
 * @param {import('@playwright/test').Page | import('@playwright/test').Frame} [target]
 * @returns {Promise<{ frame: number[], latency: number[] }>}
 */
async function dragWeight(page, target = page) {
  const drag = { frame: /** @type {number[]} */ ([]), latency: /** @type {number[]} */ ([]) };
  const weight = target.locator('.katex-html [data-q="w5"], .nd [data-q="w5"], .num[data-q="w5"]').filter({ visible: true }).first();
  if ((await weight.count()) === 0) return drag;
  await weight.scrollIntoViewIfNeeded();
  await target.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const box = await weight.boundingBox();
  if (!box) return drag;
  await target.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__frames = [];
    w.__latencies = [];
    // Listening first, on the window's capture phase: this runs before the page's own handlers.
    addEventListener(
      'pointermove',
      (e) => {
        const [moved, dispatched] = [e.timeStamp, performance.now()];
        requestAnimationFrame(() =>
          setTimeout(() => {
            const end = performance.now();
            w.__frames.push(end - dispatched);
            w.__latencies.push(end - moved);
          }),
        );
      },
      { capture: true },
    );
  });
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  // 4 px is one step: every move changes w5, and every number that depends on it. Out and back, and
  // leftwards where a phone's screen has no room on the right: a pointer that leaves a frame leaves its events.
  const half = Math.ceil(DRAG_MOVES / 2);
  const step = x + 4 * half + 8 < (page.viewportSize()?.width ?? Infinity) ? 4 : -4;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= DRAG_MOVES; i++) await page.mouse.move(x + step * (i <= half ? i : 2 * half - i), y);
  await page.mouse.up();
  await page.waitForTimeout(300);
  const { frames, latencies } = await target.evaluate(() => ({ frames: /** @type {any} */ (window).__frames, latencies: /** @type {any} */ (window).__latencies }));
  drag.frame.push(...frames);
  drag.latency.push(...latencies);
  return drag;
}

/**
 * The drag of w5 with the CPU CPU_SLOWDOWN times slower (DevTools' CPU throttling), once the page
 * has loaded and its page script has run.
 * @param {import('@playwright/test').Browser} browser @param {string} url
 */
async function measureThrottledDrag(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-precision'));
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const drag = await dragWeight(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  return drag;
}

/**
 * The drag of w5 in an embed as a course page frames it: on another origin (localhost, the site being
 * on 127.0.0.1), 390 px wide, the frame sized by the height messages as the snippet's listener does.
 * @param {import('@playwright/test').Browser} browser @param {string} url
 */
async function measureFramedDrag(browser, url) {
  const { EMBED_HEIGHT_MESSAGE } = /** @type {any} */ ((await runnerImport(join(root, 'src/lib/embed/address.ts'), { configFile: false, logLevel: 'silent' })).module);
  const server = createHttpServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Course page</title>
<p>Read this part of the tutorial, then try the exercise below it.</p>
<iframe src="${url}" title="Backpropagation, live" width="100%" height="900" style="border:0"></iframe>
<p>Exercise.</p>
<script>addEventListener('message', (e) => { if (e.data && e.data.type === ${JSON.stringify(EMBED_HEIGHT_MESSAGE)} && Number.isInteger(e.data.height)) document.querySelector('iframe').height = e.data.height; });</script>`);
  });
  const port = await freePort();
  await new Promise((done) => server.listen(port, '127.0.0.1', () => done(undefined)));
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto(`http://localhost:${port}/`);
  const frame = page.frames().find((f) => f.url().startsWith(url));
  if (!frame) throw new Error(`no frame of ${url}`);
  await frame.waitForFunction(() => document.documentElement.hasAttribute('data-laid-out'));
  await frame.waitForLoadState('networkidle');
  const drag = await dragWeight(page, frame);
  await context.close();
  await new Promise((done) => server.close(() => done(undefined)));
  return drag;
}

/** The math module, loaded through Vite (it is TypeScript with extensionless imports). */
async function loadMath() {
  const { module } = await runnerImport(join(root, 'src/lib/backprop/index.ts'), { configFile: false, logLevel: 'silent' });
  return /** @type {any} */ (module);
}

/**
 * The math module's sweep (six rates × 300 epochs) in microseconds: warm-up, then many timed runs.
 * @param {any} m the math module
 */
async function benchSweep(m) {
  const run = () => m.sweep(m.ARTICLE_PARAMS, m.ARTICLE_LEARNING_RATES, m.ARTICLE_EPOCHS);
  let sink = 0;
  for (let i = 0; i < 200; i++) sink += run()[0].loss[0];
  /** @type {number[]} */
  const samples = [];
  const until = performance.now() + 3000;
  while (samples.length < 200 || (performance.now() < until && samples.length < 5000)) {
    const start = performance.now();
    const result = run();
    samples.push((performance.now() - start) * 1000);
    sink += result[result.length - 1].loss[m.ARTICLE_EPOCHS - 1];
  }
  if (!Number.isFinite(sink)) throw new Error('the sweep produced a non-finite loss');
  return { median: median(samples), p95: quantile(samples, 0.95), runs: samples.length, rates: m.ARTICLE_LEARNING_RATES.length, epochs: m.ARTICLE_EPOCHS };
}

/** The contour map's geometry (section 1.5), loaded through Vite like the math module. */
async function loadContour() {
  const { module } = await runnerImport(join(root, 'src/lib/figures/contour.ts'), { configFile: false, logLevel: 'silent' });
  return /** @type {any} */ (module);
}

/**
 * The contour map's recompute after an edit, in milliseconds: the grid of E_total, the contour
 * levels, marching squares and the 300-epoch two-weight path, all redone (what the figure does on
 * every change of a parameter). Each run edits a different value, as a reader dragging a field would.
 * @param {any} m the math module @param {any} c the contour module
 */
async function benchContour(m, c) {
  const pair = ['w6', 'w8'];
  const edit = (/** @type {number} */ i) => ({ ...m.ARTICLE_PARAMS, lr: 0.1 + (i % 50) * 0.1, w5: 0.4 + (i % 7) * 0.01 });
  let sink = 0;
  for (let i = 0; i < 20; i++) sink += c.contourMap(edit(i), pair).contours.length;
  /** @type {number[]} */
  const samples = [];
  const until = performance.now() + 3000;
  for (let i = 0; samples.length < 50 || (performance.now() < until && samples.length < 1000); i++) {
    const start = performance.now();
    const map = c.contourMap(edit(i), pair);
    samples.push(performance.now() - start);
    sink += map.contours.length;
  }
  if (!(sink > 0)) throw new Error('the contour map drew no line');
  return { median: median(samples), p95: quantile(samples, 0.95), runs: samples.length, grid: c.GRID_SIZE, levels: c.LEVEL_COUNT };
}

/** @param {number} n @param {number} [digits] */
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function main() {
  const started = new Date();
  const cpuList = cpus();
  const machine = `${cpuList.length} cores, ${cpuList[0]?.model.trim() ?? 'unknown CPU'}`;
  const chromiumVersion = existsSync(chromiumPath)
    ? spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' }).stdout.trim()
    : 'Playwright’s Chromium';
  const loadAtStart = loadavg()[0] ?? NaN;

  console.error('bench: building…');
  const buildSeconds = build();
  const paths = pagePaths();

  console.error('bench: math sweep…');
  const math = await loadMath();
  const sweep = await benchSweep(math);
  console.error('bench: contour map…');
  const contour = await benchContour(math, await loadContour());

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const preview = spawn(astroBin, ['preview', '--port', String(port), '--ignore-lock'], {
    cwd: root,
    env: { ...process.env, OUT_DIR: outDir },
    stdio: 'ignore',
  });
  /** @type {{ port: number, stop: () => Promise<void> } | undefined} */
  let lighthouseChrome;
  /** @type {import('@playwright/test').Browser | undefined} */
  let browser;
  try {
    await waitForHttp(`${base}/`);
    console.error('bench: first load and edit latency…');
    browser = await chromium.launch({
      ...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
      args: CHROMIUM_FLAGS,
    });
    /** @type {Map<string, Awaited<ReturnType<typeof measurePage>>>} */
    const measured = new Map();
    for (const path of paths) measured.set(path, await measurePage(browser, `${base}${path}`, math.PARAM_NAMES));
    console.error('bench: explanations…');
    /** @type {Map<string, Awaited<ReturnType<typeof measureExplanations>>>} */
    const explained = new Map();
    for (const path of paths) explained.set(path, await measureExplanations(browser, `${base}${path}`));
    console.error(`bench: dragging at ${CPU_SLOWDOWN}× CPU throttling…`);
    /** @type {Map<string, number[]>} */
    const throttled = new Map();
    for (const path of paths.filter((p) => THROTTLED_DRAG_PAGES.includes(p))) throttled.set(path, await measureThrottledDrag(browser, `${base}${path}`));
    console.error('bench: dragging in a framed embed…');
    /** @type {Map<string, number[]>} */
    const framed = new Map();
    for (const path of paths.filter((p) => /^\/embed\/[^/]+\/$/.test(p) && (explained.get(p)?.drag.frame.length ?? 0) > 0)) framed.set(path, await measureFramedDrag(browser, `${base}${path}`));
    await browser.close();
    browser = undefined;

    console.error(`bench: Lighthouse, ${lighthouseRuns} run(s) per page…`);
    lighthouseChrome = await startChromium();
    /** @type {Map<string, Record<string, number>>} */
    const scores = new Map();
    for (const path of paths) {
      console.error(`bench:   ${path}`);
      scores.set(path, await lighthouseScores(`${base}${path}`, lighthouseChrome.port));
    }

    const allOpen = [...explained.values()].flatMap((e) => e.open);
    const dragged = [...explained.entries()].filter(([, e]) => e.drag.frame.length > 0);
    const dragTimes = (/** @type {{ frame: number[], latency: number[] }} */ d) =>
      `frame median ${fmt(median(d.frame))} ms, p95 ${fmt(quantile(d.frame, 0.95))} ms; pointer event to the end of its frame median ${fmt(median(d.latency))} ms, p95 ${fmt(quantile(d.latency, 0.95))} ms`;
    const allDom = [...measured.values()].flatMap((m) => m.toDom);
    const allFrame = [...measured.values()].flatMap((m) => m.toFrame);
    const allSettled = [...measured.values()].flatMap((m) => m.toSettled);
    const lines = [
      `### Benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${machine}; load average ${fmt(loadAtStart, 2)} at start; Node ${process.version}; ${chromiumVersion}.`,
      '',
      Number.isFinite(buildSeconds) ? `Build (\`astro build\`, wall clock): ${fmt(buildSeconds)} s.` : 'Build: the one already there (BENCH_REUSE_BUILD), not timed.',
      '',
      `Math module, \`sweep\` of ${sweep.rates} learning rates × ${sweep.epochs} epochs: median ${fmt(sweep.median, 0)} µs, p95 ${fmt(sweep.p95, 0)} µs (${sweep.runs} runs).`,
      '',
      `Contour map (1.5), recompute per edit (${contour.grid} × ${contour.grid} grid, ${contour.levels} levels, 300-epoch two-weight path): median ${fmt(contour.median)} ms, p95 ${fmt(contour.p95)} ms (${contour.runs} edits; aim: within a 16 ms frame).`,
      '',
      `Edit to screen, all pages (${allDom.length} edits): to the last DOM change on the screen median ${fmt(median(allDom))} ms, p95 ${fmt(quantile(allDom, 0.95))} ms; to the next frame median ${fmt(median(allFrame))} ms, p95 ${fmt(quantile(allFrame, 0.95))} ms; to the last DOM change anywhere on the page (far parts catch up in idle time) median ${fmt(median(allSettled))} ms, p95 ${fmt(quantile(allSettled, 0.95))} ms.`,
      '',
      `Explanations, all pages (${allOpen.length} opens, the first on each page fetching the explanations file): press to explanation on screen median ${fmt(median(allOpen))} ms, p95 ${fmt(quantile(allOpen, 0.95))} ms.`,
      '',
      ...dragged.map(
        ([path, e]) =>
          `Dragging w5 on \`${path}\` (${e.drag.frame.length} pointer moves, each a step once the drag has started, every number on the page following): ${dragTimes(e.drag)}.`,
      ),
      '',
      ...[...framed.entries()].filter(([, drag]) => drag.frame.length > 0).map(
        ([path, drag]) =>
          `Dragging w5 in \`${path}\` framed by a course page on another origin, 390 px wide (the frame as high as the embed; ${drag.frame.length} pointer moves): ${dragTimes(drag)}.`,
      ),
      '',
      ...[...throttled.entries()].map(
        ([path, drag]) =>
          `Dragging w5 on \`${path}\` with the CPU ${CPU_SLOWDOWN}× slower (a mid-range phone; ${drag.frame.length} pointer moves): ${dragTimes(drag)}.`,
      ),
      '',
      `Lighthouse ${lighthouseRuns > 1 ? `(median of ${lighthouseRuns} runs) ` : ''}mobile preset, with its Total Blocking Time (TBT); JS and CSS are gzipped bytes at first load (inline scripts included); latency over ${edits} edits of the page's fields, median / p95 (to the last DOM change on the screen, the frame after it, and the last DOM change anywhere); opening up to ${EXPLAIN_OPENS} explanations and dragging w5 over ${DRAG_MOVES} moves, each move's frame (from its dispatch to the end of the frame that shows it), median / p95; HTML is the document's gzipped bytes, elements those it has once loaded at 1280 px; 4× CPU is the drag's frame with the CPU throttled, p95.`,
      '',
      '| Page | Performance | TBT (ms) | Accessibility | Best practices | SEO | HTML (KiB) | Elements | JS (KiB) | CSS (KiB) | Edit → screen (ms) | Edit → frame (ms) | Edit → settled (ms) | Open explanation (ms) | Drag frame (ms) | Drag at 4× CPU, p95 (ms) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...paths.map((path) => {
        const s = scores.get(path) ?? {};
        const m = measured.get(path);
        const latency = (/** @type {number[]} */ v) => (v.length ? `${fmt(median(v))} / ${fmt(quantile(v, 0.95))}` : 'no fields');
        const e = explained.get(path);
        const timing = (/** @type {number[]} */ v, /** @type {string} */ none) => (v.length ? `${fmt(median(v))} / ${fmt(quantile(v, 0.95))}` : none);
        const slow = throttled.get(path);
        return `| \`${path}\` | ${s['performance']} | ${fmt(s['tbt'] ?? NaN, 0)} | ${s['accessibility']} | ${s['best-practices']} | ${s['seo']} | ${fmt((m?.html ?? NaN) / 1024, 1)} | ${m?.elements ?? '–'} | ${fmt((m?.js ?? NaN) / 1024, 2)} | ${fmt((m?.css ?? NaN) / 1024, 2)} | ${latency(m?.toDom ?? [])} | ${latency(m?.toFrame ?? [])} | ${latency(m?.toSettled ?? [])} | ${timing(e?.open ?? [], 'no numbers')} | ${timing(e?.drag.frame ?? [], 'no w5')} | ${slow ? (slow.frame.length ? fmt(quantile(slow.frame, 0.95)) : 'no w5') : '–'} |`;
      }),
      '',
    ];
    const table = lines.join('\n');
    const summary = [
      `${started.toISOString().slice(0, 10)}, ${machine}, load average ${fmt(loadAtStart, 2)} at start.`,
      '',
      '| Page | Lighthouse performance | TBT (ms) | Elements | JS at first load (KiB) | Edit → screen p95 (ms) | Drag frame p95 (ms) | at 4× CPU (ms) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...paths.map((path) => {
        const m = measured.get(path);
        const drag = explained.get(path)?.drag.frame ?? [];
        const p95 = (/** @type {number[]} */ v, /** @type {string} */ none) => (v.length ? fmt(quantile(v, 0.95)) : none);
        return `| \`${path}\` | ${scores.get(path)?.['performance']} | ${fmt(scores.get(path)?.['tbt'] ?? NaN, 0)} | ${m?.elements ?? '–'} | ${fmt((m?.js ?? NaN) / 1024, 2)} | ${p95(m?.toDom ?? [], '–')} | ${p95(drag, '–')} | ${p95(throttled.get(path)?.frame ?? [], '–')} |`;
      }),
    ].join('\n');
    console.log(table);
    if (onlyPages.length || quick) {
      console.error(`bench: ${quick ? 'a quick check (BENCH_QUICK)' : 'only some pages (BENCH_PAGES)'}, so docs/benchmark.md is left as it was`);
    } else {
      writeResults(join(root, 'docs', 'benchmark.md'), 'bench', table);
      writeResults(join(root, 'README.md'), 'bench:summary', summary);
      console.error('bench: written to docs/benchmark.md and the README (between their bench markers)');
    }
  } finally {
    preview.kill();
    await browser?.close().catch(() => undefined);
    await lighthouseChrome?.stop().catch((error) => console.error(`bench: could not clean up Chromium: ${error}`));
  }
}

/**
 * Puts `table` between the `<marker>:start` and `<marker>:end` comments of `file`, leaving the rest
 * (the description and the hand-written reading) as it is.
 * @param {string} file
 * @param {string} marker
 * @param {string} table
 */
function writeResults(file, marker, table) {
  const text = readFileSync(file, 'utf8');
  const [start, end] = [`<!-- ${marker}:start -->`, `<!-- ${marker}:end -->`];
  const [from, to] = [text.indexOf(start), text.indexOf(end)];
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} markers`);
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${table.trim()}\n${text.slice(to)}`);
}

await main();
