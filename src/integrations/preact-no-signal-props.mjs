// @ts-check
/**
 * @astrojs/preact's browser hydrator lazily imports @preact/signals for islands
 * that receive a Preact signal as a prop. This site shares state through
 * nanostores and never passes a signal to an island, but the mere presence of
 * that dynamic import() makes Vite add its module-preload helper (about 0.7 KB
 * gzipped) to the code every section page loads first. This Vite plugin
 * replaces the import with an error, so the helper and the signals chunk are
 * not shipped. The build-output test fails if an island ever does receive a
 * signal (Astro marks it with `data-preact-signals`), so the error can never be
 * reached silently.
 */

const HYDRATOR = /[\\/]@astrojs[\\/]preact[\\/]dist[\\/]client\.js(?:\?.*)?$/;
const SIGNALS_IMPORT = /await\s+import\(\s*["']@preact\/signals["']\s*\)/;

/**
 * The Vite plugin; `enforce: 'pre'` so Vite's import analysis never sees the import.
 * @returns {import('vite').Plugin}
 */
export function preactNoSignalProps() {
  return {
    name: 'preact-no-signal-props',
    enforce: 'pre',
    transform(code, id) {
      if (!HYDRATOR.test(id)) return null;
      if (!SIGNALS_IMPORT.test(code)) {
        // @astrojs/preact changed: fail loudly rather than silently ship the helper again.
        this.error(`preact-no-signal-props: no @preact/signals import found in ${id}`);
      }
      const replaced = code.replace(
        SIGNALS_IMPORT,
        '(() => { throw new Error("Signals as island props are not supported: share state through src/state/tutorial.ts") })()',
      );
      return { code: replaced, map: null };
    },
  };
}
