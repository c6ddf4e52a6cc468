/**
 * The `test` for specs that also run under a sub-path. Tag a test `@subpath` (in its title, or
 * `{ tag: '@subpath' }`) and the `subpath` Playwright project runs it a second time against the
 * build in subpath.config.mjs, served under `/course/backprop/`. Such a test must take every
 * path and build file from the `site` fixture (`site.sectionPath(…)`, `site.path('all/')`,
 * `site.builtHtml(…)`), never from module-level constants, which always name the default build;
 * its title must not name a served path either (it is the same test in both projects).
 */
import { test as base } from '@playwright/test';
import { DEFAULT_BUILD, siteAt, type Site, type SiteBuild } from './site';

/** Options a Playwright project can set (`use: { siteBuild }`). */
export interface SiteOptions {
  /** The build the project's server serves; the default build unless the project says otherwise. */
  readonly siteBuild: SiteBuild;
}

/** `@playwright/test`'s `test` with the `site` fixture: the helpers of e2e/support/site.ts for this project's build. */
export const test = base.extend<object, SiteOptions & { site: Site }>({
  siteBuild: [DEFAULT_BUILD, { scope: 'worker', option: true }],
  site: [async ({ siteBuild }, use) => use(siteAt(siteBuild)), { scope: 'worker' }],
});

export { expect } from '@playwright/test';
