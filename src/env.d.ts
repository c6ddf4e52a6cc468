/** Project-wide type declarations. */

declare namespace Astro {
  /** `client:needed` (src/integrations/client-needed.mjs): hydrate when near the screen, when the state changes, or before printing. */
  interface ClientDirectives {
    'client:needed'?: boolean | string;
  }
}

/** The explanation code's loader (src/integrations/lazy-module.mjs): a dynamic import of its built chunk. */
declare module 'virtual:explain' {
  const load: () => Promise<typeof import('./scripts/explain/main')>;
  export default load;
}
