/**
 * Link previews (issue 10, item 5; issue 17), on every page of the build, under `/` and (tagged
 * `@subpath`) under a course's sub-path: a title, a description, a canonical address, Open Graph and
 * Twitter cards. Built with SITE_URL (the sub-path build), every address is absolute from it and the
 * base, and the card's picture is a 1200 × 630 PNG served where the card says. Built without it (the
 * default build), the canonical address is the page's path and nothing that must be absolute is
 * written; the pictures are built all the same.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';

/** Width and height from a PNG's IHDR chunk, or a reason it is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | string {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) return 'not a PNG (signature)';
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return 'not a PNG (no IHDR first)';
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The head's link-preview tags of a built page, read by the browser's own parser. */
interface Card {
  title: string;
  description: string;
  canonical: string;
  meta: Record<string, string>;
}

/** The picture's name for a page path: `index`, `all`, `embed` or the section's slug. */
function pictureName(path: string, base: string): string {
  const inside = path.slice(base.length).replace(/\/$/, '');
  return inside === '' ? 'index' : inside;
}

test('every page has a title, a description, a canonical address and cards; with SITE_URL absolute from it and the base, with a 1200 × 630 PNG @subpath', async ({
  page,
  site,
}) => {
  const paths = site.pagePaths();
  expect(paths.length, 'pages').toBeGreaterThanOrEqual(7);
  const pictures = new Set<string>();
  for (const path of paths) {
    const card: Card = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const meta: Record<string, string> = {};
      for (const el of doc.querySelectorAll('meta[property], meta[name]')) {
        meta[el.getAttribute('property') ?? el.getAttribute('name') ?? ''] = el.getAttribute('content') ?? '';
      }
      return {
        title: doc.title,
        description: meta['description'] ?? '',
        canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
        meta,
      };
    }, site.builtHtml(path));
    expect(card.title, `${path}: title`).not.toBe('');
    expect(card.description.length, `${path}: description`).toBeGreaterThan(20);
    expect(card.meta['og:title'], `${path}: og:title`).toBe(card.title.split(' · ')[0]);
    expect(card.meta['og:description'], `${path}: og:description`).toBe(card.description);
    expect(card.meta['twitter:title']).toBe(card.meta['og:title']);
    expect(card.meta['twitter:description']).toBe(card.description);
    // The page's own picture is built either way.
    const file = site.fileForPath(site.path(`og/${pictureName(path, site.base)}.png`));
    expect(file, `${path}: its picture is in the build`).toBeTruthy();
    expect(pngSize(readFileSync(file ?? '')), `${path}: its picture`).toEqual({ width: 1200, height: 630 });

    if (!site.siteUrl) {
      expect(card.canonical, `${path}: canonical, a path`).toBe(path);
      for (const name of ['og:url', 'og:image', 'twitter:image']) expect(card.meta[name], `${path}: ${name} needs an absolute address`).toBeUndefined();
      expect(card.meta['twitter:card']).toBe('summary');
      continue;
    }
    const origin = site.origin();
    const self = `${origin}${path}`;
    expect(card.canonical, `${path}: canonical`).toBe(self);
    expect(card.meta['og:url'], `${path}: og:url`).toBe(self);
    expect(card.meta['twitter:card'], `${path}: twitter:card`).toBe('summary_large_image');
    expect([card.meta['og:image:width'], card.meta['og:image:height'], card.meta['og:image:type']]).toEqual(['1200', '630', 'image/png']);
    // The picture's title, then what it draws (each page its own).
    expect(card.meta['og:image:alt'], `${path}: og:image:alt`).toMatch(/^[^:]+: \w+ \w/);

    // The picture: an absolute address under SITE_URL and the base, the same for both cards, one per page.
    const image = card.meta['og:image'] ?? '';
    expect(image, `${path}: og:image`).toBe(`${origin}${site.path(`og/${pictureName(path, site.base)}.png`)}`);
    expect(card.meta['twitter:image']).toBe(image);
    pictures.add(image);
    // ...and served at that path by this build's server (same path, the test server's origin).
    const served = await page.request.get(new URL(image).pathname);
    expect(served.status(), `${image} served`).toBe(200);
    expect(served.headers()['content-type']).toMatch(/^image\/png/);
  }
  if (site.siteUrl) expect(pictures.size, 'each page has its own picture').toBe(paths.length);
});
