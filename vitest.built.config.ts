import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * Checks of the built site's files (tests/built/), no browser: `npm run test:built`, which `npm test`
 * runs after both builds. They read the build as the browser tests do (OUT_DIR, BASE_PATH, SITE_URL,
 * and subpath.config.mjs for the sub-path build).
 */
export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['tests/built/**/*.test.ts'],
    environment: 'node',
    // Parsing the biggest pages (/all/, 1.4) takes seconds on a busy machine.
    testTimeout: 120_000,
  },
});
