/** Reading order and addresses of the sections. */
import { getCollection, type CollectionEntry } from 'astro:content';

/** A section entry from `content/`. */
export type Section = CollectionEntry<'sections'>;

/** The sections in the article's order (by their number, 1.1 before 1.10). */
export async function sectionsInOrder(): Promise<Section[]> {
  const all = await getCollection('sections');
  const key = (s: Section) => s.data.number.split('.').map(Number);
  return all.sort((a, b) => {
    const [a1 = 0, a2 = 0] = key(a);
    const [b1 = 0, b2 = 0] = key(b);
    return a1 - b1 || a2 - b2;
  });
}

/** The address of a page inside the site, honouring a deployment sub-path. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

/** The address of a section's page. */
export function sectionHref(section: Section): string {
  return withBase(`${section.id}/`);
}

/** The id of a section's place on the one-page tutorial (/all/): `section-1-3-forward-propagation`. */
export function allSectionId(id: string): string {
  return `section-${id}`;
}

/**
 * The absolute address of a page or file inside the site (`SITE_URL` and the base path), for links
 * that leave it; undefined in a build without SITE_URL, which publishes no address it was not given.
 */
export function absoluteUrl(path: string): string | undefined {
  const site = import.meta.env.SITE;
  return site ? new URL(withBase(path), site).href : undefined;
}

/** The address of a page's preview picture, `og/<name>.png` (`name` is the section id, `index` or `all`), if the build has an origin. */
export function previewUrl(name: string): string | undefined {
  return absoluteUrl(`og/${name}.png`);
}
