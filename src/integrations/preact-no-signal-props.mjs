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
/** The whole block that turns signal props back into signals, from reading the attribute to the child's creation. */
const SIGNALS_BLOCK = /let signalsRaw = element\.dataset\.preactSignals;[\s\S]*?(?=\n\s*const child = h\()/;

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
      // The block goes whole (its loops are dead code without signals); where @astrojs/preact reshapes
      // it, the import alone is replaced, which still keeps Vite's helper out.
      // Short: it ships in the first-load bundle. (Share state through src/state/tutorial.ts instead.)
      const error = 'throw new Error("No signal props")';
      const replaced = SIGNALS_BLOCK.test(code)
        ? code.replace(SIGNALS_BLOCK, `if (element.dataset.preactSignals) ${error};`)
        : code.replace(SIGNALS_IMPORT, `(() => { ${error} })()`);
      return { code: replaced, map: null };
    },
  };
}
