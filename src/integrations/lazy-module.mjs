// @ts-check
import { fileURLToPath } from 'node:url';

/**
 * Code that every page may need but few readers use (the explanations) should cost the first
 * load almost nothing. An Astro island would bring Astro's island runtime, inlined into every
 * section page (2.1 KB gzipped); a bundled `import()` brings Vite's module-preload helper
 * (0.7 KB). This Vite plugin offers a third way: `import load from '<id>'` gives a function that
 * loads `entry` with a plain `import()` of its built file. The entry is emitted as its own chunk of
 * the client build, so it shares the modules the page already loaded (the state, the math) instead
 * of bundling copies, and Vite's import analysis leaves an `import()` of a computed URL alone.
 * In development the entry is imported as source.
 *
 * @param {string} id the virtual module's name, e.g. `virtual:explain`
 * @param {string} entry the module to load, relative to this file
 * @returns {import('vite').Plugin}
 */
export function lazyModule(id, entry) {
  const file = fileURLToPath(new URL(entry, import.meta.url));
  const resolved = `\0${id}`;
  /** @type {string | undefined} */
  let reference;
  let building = false;
  return {
    name: 'lazy-module',
    configResolved(config) {
      building = config.command === 'build';
    },
    buildStart() {
      if (building && this.environment.name === 'client') {
        reference = this.emitFile({ type: 'chunk', id: file, name: id.replace(/^.*:/, '') });
      }
    },
    resolveId(source) {
      return source === id ? resolved : null;
    },
    load(moduleId) {
      if (moduleId !== resolved) return null;
      if (reference) return `export default () => import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_${reference});`;
      return `export default () => import(${JSON.stringify(file)});`;
    },
  };
}
