import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.config.mjs';

/**
 * Browser tests run against the BUILT site served by `astro preview`
 * (`npm test` builds first). Chromium comes from the system where it exists
 * (Debian's package on CI); elsewhere Playwright's own browser is used.
 */
const port = Number(process.env['PORT'] ?? 4329);
const baseURL = `http://127.0.0.1:${port}`;
const systemChromium = CHROMIUM_PATH;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: true,
  // No retries: the one 'flaky' failure seen on CI was a real bug (the page script ran before 1.4 was parsed).
  // `--retries=N` still works for a local investigation, and the summary then names tests that passed only on retry.
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? [['list'], ['./e2e/support/summary-reporter.ts']] : 'list',
  use: {
    baseURL,
    trace: 'off',
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // Plain `astro`, not `npx astro`: npm scripts put node_modules/.bin (and its Node 22) first on the PATH,
    // and npx on old npm versions (npm 6) would run Astro on the machine's own Node.
    command: `astro preview --port ${port} --ignore-lock`,
    url: baseURL,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
