/**
 * The explanations of every quantity, typeset at build time (src/lib/quantities/explanations.ts),
 * as one file under the site's base path. The explanation island fetches it on first use.
 */
import type { APIRoute } from 'astro';
import { buildExplanations } from '~/lib/quantities/explanations';
import { sectionsInOrder, withBase } from '~/lib/sections';

export const GET: APIRoute = async () => {
  const sections = new Map((await sectionsInOrder()).map((s) => [s.id, s.data]));
  const explanations = buildExplanations((at) => {
    const section = sections.get(at.page);
    // A registry place on a page that does not exist must fail the build, not give a dead link.
    if (!section) throw new Error(`The registry points at ${at.page}, which is not a section`);
    return { href: `${withBase(`${at.page}/`)}#${at.anchor}`, title: `${section.number} ${section.title}, ${at.title}` };
  });
  return new Response(JSON.stringify(explanations), { headers: { 'Content-Type': 'application/json' } });
};
