/**
 * The build output is sound (issue 4, item 5), read from OUT_DIR (default
 * dist): every internal link and #fragment resolves, every page validates
 * (html-validate with .htmlvalidate.mjs), KaTeX left no error, every page has a
 * title, a description and a language, and the sitemap lists every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { fileForPath, readBuiltPages, type BuiltPage } from '../../e2e/support/built-html';
import { htmlFiles, pathOfFile } from '../../e2e/support/site';
import { ADDRESSED_BUILDS } from './support/builds';

const paths = htmlFiles().map(pathOfFile);
/** Any origin stands for "this site" when resolving relative URLs. */
const SITE = 'http://site.invalid';

let builtPages: Map<string, BuiltPage> | undefined;
function allBuilt(): Map<string, BuiltPage> {
  builtPages ??= new Map(readBuiltPages().map((p) => [p.path, p]));
  return builtPages;
}

/** The built page a same-site path is served from (`/a/` and `/a` both find `a/index.html`). */
function pageForPath(pages: Map<string, BuiltPage>, pathname: string): BuiltPage | undefined {
  const file = fileForPath(pathname);
  return file ? [...pages.values()].find((p) => p.file === file) : undefined;
}

for (const path of paths) {
  describe(path, () => {
    it('every internal link and fragment resolves', () => {
      const pages = allBuilt();
      const self = pages.get(path);
      if (!self) throw new Error(`${path} is not in the build`);
      const problems: string[] = [];
      for (const href of self.links) {
        const url = new URL(href, `${SITE}${path}`);
        if (url.origin !== SITE) continue; // External links are not the build's to resolve.
        const target = url.pathname === path ? self : pageForPath(pages, url.pathname);
        if (!target) {
          if (!fileForPath(url.pathname)) problems.push(`${href}: no file for ${url.pathname}`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        // An empty fragment ("#" or none) means the top of the page.
        if (fragment && !target.ids.includes(fragment)) problems.push(`${href}: no id "${fragment}" on ${target.path}`);
      }
      for (const r of self.resources) {
        const url = new URL(r.url, `${SITE}${path}`);
        if (url.origin === SITE && !fileForPath(url.pathname)) problems.push(`<${r.tag}> ${r.url}: not in the build`);
      }
      expect(problems).toEqual([]);
    });

    it('the HTML validates', async () => {
      const file = htmlFiles().find((f) => pathOfFile(f) === path) ?? '';
      const validator = new HtmlValidate(new FileSystemConfigLoader());
      const report = await validator.validateFile(file);
      const messages = report.results.flatMap((r) =>
        r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`),
      );
      expect(messages).toEqual([]);
    });

    it('a title, a description, a language, no KaTeX error, no signal props', () => {
      const self = allBuilt().get(path);
      expect(self?.title, 'title').toBeTruthy();
      expect(self?.description, 'meta description').toBeTruthy();
      expect(self?.lang, 'html lang').toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
      expect(self?.katexErrors, '.katex-error elements').toBe(0);
      // astro.config.mjs drops @astrojs/preact's signal-prop support to save bytes; an island
      // given a signal would then fail to hydrate, so the build must never contain one.
      expect(self?.signalIslands, 'islands given a Preact signal as a prop').toBe(0);
    });
  });
}

// Only a build given SITE_URL has a sitemap (it lists absolute addresses): the sub-path build here; the
// default build's has none (build-output.spec.ts).
it.each(ADDRESSED_BUILDS)('$name: the sitemap lists every page, and only pages that exist; without SITE_URL there is none', ({ site }) => {
  const index = join(site.outDir, 'sitemap-index.xml');
  if (!site.siteUrl) {
    expect(existsSync(index), 'no sitemap without SITE_URL').toBe(false);
    return;
  }
  expect(existsSync(index), 'sitemap-index.xml').toBe(true);
  const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1] ?? '');
  const sitemaps = locs(readFileSync(index, 'utf8'));
  expect(sitemaps.length, 'sitemaps in the index').toBeGreaterThan(0);
  const listed: string[] = [];
  for (const sitemap of sitemaps) {
    const file = site.fileForPath(new URL(sitemap).pathname);
    expect(file, `${sitemap} is in the build`).toBeTruthy();
    listed.push(...locs(readFileSync(file ?? '', 'utf8')).map((loc) => new URL(loc).pathname));
  }
  // An embed (/embed/<section>/, /embed/<section>/steps/6/, /embed/exercise/<name>/) is its section inside another site's page: it stays out, and names
  // its section's page, which the sitemap lists, as canonical.
  const built = site.htmlFiles().map(site.pathOfFile);
  const isEmbedFrame = (p: string) => /\/embed\/.+\/$/.test(p);
  const pages = built.filter((p) => !/(^|\/)404\/?$/.test(p) && !isEmbedFrame(p));
  expect([...new Set(listed)].sort()).toEqual([...pages].sort());
  for (const frame of built.filter(isEmbedFrame)) {
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(site.builtHtml(frame))?.[1] ?? '';
    expect(listed, `${frame} names a listed page as canonical`).toContain(new URL(canonical, 'http://site.invalid').pathname);
  }
});
