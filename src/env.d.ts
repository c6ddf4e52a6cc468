/** Project-wide type declarations. */

declare namespace Astro {
  /** `client:needed` (src/integrations/client-needed.mjs): hydrate when near the screen, when the state changes, or before printing. */
  interface ClientDirectives {
    'client:needed'?: boolean | string;
  }
}
