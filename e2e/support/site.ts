/**
 * The built site as the tests see it: the output folder, its HTML files and the pages listed in
 * its sitemap. Pure Node reads, no browser.
 *
 * A build lives in a folder (`outDir`) and is served under a base path (`base`, `/` or e.g.
 * `/course/backprop/`). Every path these helpers take or return is the path the page is SERVED
 * at, base included (`/course/backprop/1-4-backpropagation/`), so it can go straight to
 * `page.goto` and be compared with `location.pathname`.
 *
 * The module-level functions read the default build: `OUT_DIR` and `BASE_PATH` from the
 * environment, as astro.config.mjs does (`dist` and `/` unless set). The `subpath` Playwright
 * project runs tests tagged `@subpath` once more against a second build (subpath.config.mjs);
 * such a test takes the build it runs against from the `site` fixture (e2e/support/fixtures.ts),
 * whose methods are these same functions for that build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** Where a build is and where it is served. */
export interface SiteBuild {
  /** The output folder, relative to the project or absolute. */
  readonly outDir: string;
  /** The path the site is served under: `/` or `/a/b/` (slashes added where missing). */
  readonly base: string;
  /** The origin its absolute addresses (canonical, previews, sitemap) were built with, if known. */
  readonly site?: string;
}

/** The section slugs the issue names; their pages are a public contract. */
export const SECTION_SLUGS = {
  forward: '1-3-forward-propagation',
  backprop: '1-4-backpropagation',
  update: '1-5-weight-update',
} as const;

/** Deep-link ids that course material may point at (issue 2, item 8). */
export const DEEP_LINK_IDS: readonly string[] = [
  ...Array.from({ length: 8 }, (_, i) => `step-${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `grad-w${i + 1}`),
];

/** `/a/b/` from `a/b`, `/a/b` or `/a/b/`; `/` from an empty base. */
function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The helpers for one build. */
export interface Site {
  /** The output folder, absolute. */
  readonly outDir: string;
  /** The base path, `/` or `/a/b/`. */
  readonly base: string;
  /** The SITE_URL the build was made with, if any: a build without it publishes no absolute address. */
  readonly siteUrl: string | undefined;
  /** The origin the build's absolute addresses use (SITE_URL): given, or read from its sitemap. */
  origin(): string;
  /** The served path of a path inside the site: `path('1-4-backpropagation/')` → `/course/backprop/1-4-backpropagation/`. */
  path(inside: string): string;
  /** The path inside the site of a served path (the base taken off), or undefined when it is outside the base. */
  inside(served: string): string | undefined;
  /** Every HTML file of the build, as absolute paths (the _astro asset folder excluded). */
  htmlFiles(): string[];
  /** The served path of a built HTML file (`1-3-x/index.html` → `<base>1-3-x/`). */
  pathOfFile(file: string): string;
  /** The pages to visit: the sitemap's addresses (paths only), else every built HTML page but 404 and the embeds (as the sitemap). */
  pagePaths(): string[];
  /** The section pages (everything in the sitemap but the contents page and /all/), in reading order. */
  sectionPaths(): string[];
  /** The served path of the section whose slug is given. */
  sectionPath(slug: string): string;
  /** The built HTML of a served page path (empty when there is none). */
  builtHtml(path: string): string;
  /** Which of `names` have a form control (`name="…"`) in the page's built HTML. */
  fieldsIn(path: string, names: readonly string[]): string[];
  /** The file in the build a served URL path comes from, or undefined (also for a path outside the base). */
  fileForPath(pathname: string): string | undefined;
}

/** The helpers for the build in `outDir`, served under `base`. */
export function siteAt(build: SiteBuild): Site {
  const outDir = resolve(process.cwd(), build.outDir);
  const base = normaliseBase(build.base);

  const assertBuilt = () => {
    if (!existsSync(outDir)) {
      throw new Error(`No build output at ${outDir}: run \`npm run build\` (or \`npm run build:sub\`) first.`);
    }
  };
  const inside = (served: string): string | undefined => {
    if (served.startsWith(base)) return served.slice(base.length);
    // The base without its slash (`/course/backprop`) is the contents page too.
    return `${served}/` === base ? '' : undefined;
  };

  const site: Site = {
    outDir,
    base,
    siteUrl: build.site,
    origin() {
      if (build.site) return new URL(build.site).origin;
      const index = join(outDir, 'sitemap-index.xml');
      const loc = existsSync(index) ? /<loc>\s*([^<\s]+)\s*<\/loc>/.exec(readFileSync(index, 'utf8'))?.[1] : undefined;
      if (!loc) throw new Error(`${index} names no sitemap, so the build's origin is unknown`);
      return new URL(loc).origin;
    },
    path: (path) => `${base}${path.replace(/^\/+/, '')}`,
    inside,
    htmlFiles() {
      assertBuilt();
      const out: string[] = [];
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const full = join(dir, entry.name);
          if (entry.isDirectory()) {
            if (entry.name !== '_astro') walk(full);
          } else if (entry.name.endsWith('.html')) {
            out.push(full);
          }
        }
      };
      walk(outDir);
      return out.sort();
    },
    pathOfFile(file) {
      const rel = relative(outDir, file).split(sep).join('/');
      return site.path(rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, ''));
    },
    pagePaths() {
      assertBuilt();
      const sitemap = join(outDir, 'sitemap-0.xml');
      if (existsSync(sitemap)) {
        const xml = readFileSync(sitemap, 'utf8');
        const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
        if (locs.length > 0) return [...new Set(locs)].sort();
      }
      return site
        .htmlFiles()
        .map(site.pathOfFile)
        .filter((p) => !/\/404\/?$/.test(p) && !/\/embed\/.+\/$/.test(p))
        .sort();
    },
    sectionPaths: () => site.pagePaths().filter((p) => /\/\d+-\d+-[^/]+\/?$/.test(p)),
    sectionPath(slug) {
      const found = site.pagePaths().find((p) => p.replace(/\/$/, '').endsWith(`/${slug}`));
      return found ?? site.path(`${slug}/`);
    },
    builtHtml(path) {
      const file = site.fileForPath(path);
      return file ? readFileSync(file, 'utf8') : '';
    },
    fieldsIn(path, names) {
      const html = site.builtHtml(path);
      return names.filter((name) => new RegExp(`<(input|select|textarea)\\b[^>]*\\sname="${name}"`).test(html));
    },
    fileForPath(pathname) {
      const within = inside(decodeURIComponent(pathname));
      if (within === undefined) return undefined;
      const clean = within.replace(/^\/+/, '');
      const candidates =
        clean === '' || clean.endsWith('/')
          ? [join(outDir, clean, 'index.html')]
          : [join(outDir, clean), join(outDir, clean, 'index.html'), join(outDir, `${clean}.html`)];
      return candidates.find((file) => existsSync(file) && !file.endsWith('/'));
    },
  };
  return site;
}

/** The default build: `OUT_DIR` and `BASE_PATH` (and `SITE_URL`) as astro.config.mjs reads them. */
export const DEFAULT_BUILD: SiteBuild = {
  outDir: process.env['OUT_DIR'] ?? 'dist',
  base: process.env['BASE_PATH'] ?? '/',
  ...(process.env['SITE_URL'] ? { site: process.env['SITE_URL'] } : {}),
};

/** The helpers for the default build. */
export const defaultSite = siteAt(DEFAULT_BUILD);

/** The build output folder the tests read (`OUT_DIR`, as astro.config.mjs uses it). */
export const OUT_DIR = defaultSite.outDir;
/** The base path the default build is served under (`BASE_PATH`, `/` unless set). */
export const BASE_PATH = defaultSite.base;

/** Every HTML file of the default build. */
export const htmlFiles = (): string[] => defaultSite.htmlFiles();
/** The served path of a built HTML file of the default build. */
export const pathOfFile = (file: string): string => defaultSite.pathOfFile(file);
/** The default build's pages, from its sitemap. */
export const pagePaths = (): string[] => defaultSite.pagePaths();
/** The default build's section pages, in reading order. */
export const sectionPaths = (): string[] => defaultSite.sectionPaths();
/** The served path of a section of the default build. */
export const sectionPath = (slug: string): string => defaultSite.sectionPath(slug);
/** The served path of a path inside the default build. */
export const sitePath = (inside: string): string => defaultSite.path(inside);
/** The built HTML of a page of the default build. */
export const builtHtml = (path: string): string => defaultSite.builtHtml(path);
/** Which of `names` have a form control in a page of the default build. */
export const fieldsIn = (path: string, names: readonly string[]): string[] => defaultSite.fieldsIn(path, names);
