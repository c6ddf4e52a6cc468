// @ts-check
import { fileURLToPath } from 'node:url';

/**
 * Adds the `client:needed` directive (src/scripts/hydrate-when-needed.ts): hydrate an island
 * when it comes near the screen, when the page's state leaves its build-time values, or
 * before printing.
 * @returns {import('astro').AstroIntegration}
 */
export function clientNeeded() {
  return {
    name: 'client-needed',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({
          name: 'needed',
          entrypoint: fileURLToPath(new URL('../scripts/hydrate-when-needed.ts', import.meta.url)),
        });
      },
    },
  };
}
