// @ts-check
/**
 * `import url from './module.ts?chunk-url'`: the address of `module.ts` built as its own
 * client chunk (sharing chunks with the rest of the page's code), without loading it. A page
 * script can then add it as a module script, or `import(/* @vite-ignore *\/ url)` it, when it is
 * first needed. A bundled `import('./module.ts')` would do the same, but the bundler wraps every one
 * in a preloading helper of about 900 gzipped bytes, more than the first-load scripts that use this
 * (src/scripts/mistake-notes.ts, src/scripts/explain-glue.ts) may weigh.
 * In development, and in the server build (which renders no script), the module's own path.
 * @returns {import('vite').Plugin}
 */
export function chunkUrl() {
  const SUFFIX = '?chunk-url';
  let base = '/';
  let building = false;
  return {
    name: 'chunk-url',
    enforce: 'pre',
    configResolved(config) {
      base = config.base;
      building = config.command === 'build';
    },
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer);
      return resolved ? `${resolved.id}${SUFFIX}` : null;
    },
    load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      if (!building || this.environment?.name !== 'client') return `export default ${JSON.stringify(`/@fs${file}`)};`;
      const reference = this.emitFile({ type: 'chunk', id: file });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
    // An absolute address, not one relative to import.meta.url: a small script may be inlined in the page.
    resolveFileUrl({ fileName }) {
      return JSON.stringify(`${base.replace(/\/?$/, '/')}${fileName}`);
    },
  };
}
