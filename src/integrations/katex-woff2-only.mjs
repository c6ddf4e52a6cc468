// @ts-check
/**
 * KaTeX's stylesheet lists every font three times (woff2, woff, ttf). Every
 * browser this site supports takes woff2, so the other two only make the CSS
 * longer and make the build emit about 1 MB of files nobody downloads. This
 * Vite plugin rewrites KaTeX's CSS as it is imported, before Vite resolves its
 * url()s, so only the woff2 files are referenced and therefore emitted. The
 * CSS itself stays KaTeX's own (no copy lives in the repository), so it
 * follows the installed katex version.
 */

/** The KaTeX stylesheets this plugin rewrites (katex.css, katex.min.css, and the -swap variants). */
const KATEX_CSS = /[\\/]katex[\\/]dist[\\/]katex(?:-swap)?(?:\.min)?\.css(?:\?.*)?$/;

/** A woff or ttf source after a woff2 one, with its format() hint. */
const LEGACY_SOURCE = /\s*,\s*url\(\s*["']?[^)"']+\.(?:woff|ttf)["']?\s*\)\s*format\(\s*["'](?:woff|truetype)["']\s*\)/g;

/**
 * Removes the woff and ttf sources from KaTeX's @font-face rules.
 * @param {string} css
 * @returns {string}
 */
export function keepOnlyWoff2(css) {
  return css.replace(LEGACY_SOURCE, '');
}

/**
 * The Vite plugin. `enforce: 'pre'` runs it before Vite's own CSS plugin,
 * which is where url()s become emitted assets.
 * @returns {import('vite').Plugin}
 */
export function katexWoff2Only() {
  return {
    name: 'katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!KATEX_CSS.test(id)) return null;
      const css = keepOnlyWoff2(code);
      if (/\.(?:woff|ttf)\b/.test(css.replace(/\.woff2\b/g, ''))) {
        // KaTeX changed its CSS layout: fail the build rather than ship the old font formats silently.
        this.error(`katex-woff2-only: ${id} still references woff or ttf fonts after rewriting`);
      }
      return { code: css, map: null };
    },
  };
}
