import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.config.mjs';
import { SUBPATH_BUILD, subpathEnv } from './subpath.config.mjs';
import type { SiteOptions } from './e2e/support/fixtures';
import { DEFAULT_BUILD } from './e2e/support/site';

/**
 * Browser tests run against the BUILT site served by `astro preview` (`npm test` builds first).
 * Chromium comes from the system where it exists (Debian's package on CI); elsewhere Playwright's
 * own browser is used.
 *
 * Two projects: `chromium` runs every test against the default build (dist/, or OUT_DIR and
 * BASE_PATH if set); `subpath` runs the tests tagged `@subpath` once more against the build in
 * subpath.config.mjs (dist-sub/, served under /course/backprop/), each on its own server.
 */
const port = Number(process.env['PORT'] ?? 4329);
const subpathPort = Number(process.env['SUBPATH_PORT'] ?? port + 10);
const origin = `http://127.0.0.1:${port}`;
const subpathOrigin = `http://127.0.0.1:${subpathPort}`;
const systemChromium = CHROMIUM_PATH;
const base = DEFAULT_BUILD.base.replace(/^\/*/, '/').replace(/\/*$/, '/');

// The sub-path run needs its build. `npm test` makes it, and through npm (`npm test`, `npm run
// test:e2e`) a missing one is an error; a single spec run with npx without it runs the default project only.
const subpathBuilt = existsSync(SUBPATH_BUILD.outDir);
if (!subpathBuilt && /^test/.test(process.env['npm_lifecycle_event'] ?? '')) {
  throw new Error(`No sub-path build in ${SUBPATH_BUILD.outDir}/: run \`npm run build:sub\` first (npm test does).`);
}

/** Starts Astro's preview server; plain `astro`, not `npx astro` (see below). */
function preview(at: number, url: string, env: Record<string, string> = {}) {
  return {
    // Plain `astro`, not `npx astro`: npm scripts put node_modules/.bin (and its Node 22) first on the PATH,
    // and npx on old npm versions (npm 6) would run Astro on the machine's own Node.
    command: `astro preview --port ${at} --ignore-lock`,
    url,
    env,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  };
}

export default defineConfig<SiteOptions>({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: true,
  // No retries: the one 'flaky' failure seen on CI was a real bug (the page script ran before 1.4 was parsed).
  // `--retries=N` still works for a local investigation, and the summary then names tests that passed only on retry.
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? [['list'], ['./e2e/support/summary-reporter.ts']] : 'list',
  use: {
    baseURL: origin,
    trace: 'off',
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
    ...(subpathBuilt
      ? [
          {
            name: 'subpath',
            grep: /@subpath/,
            use: { ...devices['Desktop Chrome'], baseURL: subpathOrigin, siteBuild: SUBPATH_BUILD },
          },
        ]
      : []),
  ],
  webServer: [
    preview(port, `${origin}${base}`),
    ...(subpathBuilt ? [preview(subpathPort, `${subpathOrigin}${SUBPATH_BUILD.base}`, subpathEnv())] : []),
  ],
});
