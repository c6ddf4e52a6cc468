import { configDefaults, defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    // The checks of built files run after the build (vitest.built.config.ts).
    exclude: [...configDefaults.exclude, 'tests/built/**'],
    environment: 'node',
    setupFiles: ['tests/setup/fast-check.ts'],
    // Property tests run hundreds of cases; on a machine shared with builds 5 s is not enough. Not a speed check.
    testTimeout: 30_000,
  },
});
