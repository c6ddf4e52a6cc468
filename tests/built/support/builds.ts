/**
 * The builds the checks of built files read, as the browser tests' `site` fixture gives them: the
 * default build (`OUT_DIR`, `BASE_PATH`, `SITE_URL`, as astro.config.mjs reads them) and the
 * sub-path build of subpath.config.mjs. A check whose result depends on the address runs on both
 * (`ADDRESSED_BUILDS`); the others on the default build.
 */
import { existsSync } from 'node:fs';
import { SUBPATH_BUILD } from '../../../subpath.config.mjs';
import { defaultSite, siteAt, type Site } from '../../../e2e/support/site';

// Through npm (`npm test`, `npm run test:built`) a missing sub-path build is an error, as in playwright.config.ts.
const subpathBuilt = existsSync(SUBPATH_BUILD.outDir);
if (!subpathBuilt && /^test/.test(process.env['npm_lifecycle_event'] ?? '')) {
  throw new Error(`No sub-path build in ${SUBPATH_BUILD.outDir}/: run \`npm run build:sub\` first (npm test does).`);
}

/** A build with a name for test titles. */
export interface NamedBuild {
  readonly name: string;
  readonly site: Site;
}

/** The default build. */
export const DEFAULT_SITE: NamedBuild = { name: 'default build', site: defaultSite };

/** The builds a check of addresses runs on: the default one, and the sub-path one when it is built. */
export const ADDRESSED_BUILDS: readonly NamedBuild[] = [
  DEFAULT_SITE,
  ...(subpathBuilt ? [{ name: `under ${SUBPATH_BUILD.base}`, site: siteAt(SUBPATH_BUILD) }] : []),
];
