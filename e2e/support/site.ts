/**
 * The built site as the tests see it: the output folder, its HTML files and
 * the pages listed in its sitemap. Pure Node reads, no browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The build output folder the tests read (`OUT_DIR`, as astro.config.mjs uses it). */
export const OUT_DIR = resolve(process.cwd(), process.env['OUT_DIR'] ?? 'dist');

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

function assertBuilt(): void {
  if (!existsSync(OUT_DIR)) {
    throw new Error(`No build output at ${OUT_DIR}: run \`astro build\` first (OUT_DIR selects the folder).`);
  }
}

/** Every HTML file of the build, as absolute paths (the _astro asset folder excluded). */
export function htmlFiles(): string[] {
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
  walk(OUT_DIR);
  return out.sort();
}

/** The site path a built HTML file is served at (`1-3-x/index.html` → `/1-3-x/`). */
export function pathOfFile(file: string): string {
  const rel = relative(OUT_DIR, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`;
}

/** The pages to visit: the sitemap's addresses (paths only), else every built HTML page but 404. */
export function pagePaths(): string[] {
  assertBuilt();
  const sitemap = join(OUT_DIR, 'sitemap-0.xml');
  if (existsSync(sitemap)) {
    const xml = readFileSync(sitemap, 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
    if (locs.length > 0) return [...new Set(locs)].sort();
  }
  return htmlFiles()
    .map(pathOfFile)
    .filter((p) => !/\/404\/?$/.test(p))
    .sort();
}

/** The section pages (everything in the sitemap but the contents page), in reading order. */
export function sectionPaths(): string[] {
  return pagePaths().filter((p) => /\/\d+-\d+-[^/]+\/?$/.test(p));
}

/** The path of the section whose slug is given, from the sitemap (honours a base path). */
export function sectionPath(slug: string): string {
  const found = pagePaths().find((p) => p.replace(/\/$/, '').endsWith(`/${slug}`));
  return found ?? `/${slug}/`;
}

/** The built HTML of a page path (empty when there is none). */
export function builtHtml(path: string): string {
  const file = join(OUT_DIR, path.replace(/^\//, ''), path.endsWith('.html') ? '' : 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Which of `names` have a form control (`name="…"`) in the page's built HTML. */
export function fieldsIn(path: string, names: readonly string[]): string[] {
  const html = builtHtml(path);
  return names.filter((name) => new RegExp(`<(input|select|textarea)\\b[^>]*\\sname="${name}"`).test(html));
}
