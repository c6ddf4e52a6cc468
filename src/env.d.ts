/** Project-wide type declarations. */

declare namespace Astro {
  /** `client:needed` (src/integrations/client-needed.mjs): hydrate when near the screen, when the state changes, or before printing. */
  interface ClientDirectives {
    'client:needed'?: boolean | string;
  }
}

/** `?chunk-url` (src/integrations/chunk-url.mjs): the address of a module built as its own client chunk, not loaded. */
declare module '*?chunk-url' {
  const url: string;
  export default url;
}
