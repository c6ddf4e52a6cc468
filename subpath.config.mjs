// @ts-check
/**
 * The second build the browser tests run against: the site as a course would host it, under a
 * sub-path of another origin. `npm run build:sub` builds it (scripts/build-subpath.mjs); the
 * Playwright project `subpath` serves it and runs every test tagged `@subpath` against it
 * (playwright.config.ts, e2e/support/fixtures.ts).
 */

/** Where the sub-path build goes, the path it is served under, and the origin its absolute addresses use. */
export const SUBPATH_BUILD = Object.freeze({
  outDir: 'dist-sub',
  base: '/course/backprop/',
  site: 'https://course.example.edu',
});

/** The environment astro.config.mjs reads to make that build (and to serve it with `astro preview`). */
export function subpathEnv() {
  return { OUT_DIR: SUBPATH_BUILD.outDir, BASE_PATH: SUBPATH_BUILD.base, SITE_URL: SUBPATH_BUILD.site };
}
