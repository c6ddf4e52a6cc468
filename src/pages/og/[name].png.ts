/** Each page's link-preview picture, drawn at build time: `og/<section id>.png`, `og/index.png`, `og/all.png`, `og/embed.png`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { PreviewCard } from '~/lib/preview/card';
import { previewPng } from '~/lib/preview/render';
import { sectionsInOrder } from '~/lib/sections';

export const getStaticPaths = (async () => {
  const sections = await sectionsInOrder();
  const first = sections[0]?.data.number ?? '';
  const last = sections[sections.length - 1]?.data.number ?? '';
  const cards: { name: string; card: PreviewCard }[] = [
    { name: 'index', card: { kicker: 'Contents', title: 'Backpropagation, worked by hand and live' } },
    { name: 'all', card: { kicker: `Sections ${first} to ${last}`, title: 'The whole tutorial on one page' } },
    { name: 'embed', card: { kicker: 'For instructors', title: 'Embed a step in a course page' } },
    ...sections.map((s) => ({ name: s.id, card: { kicker: `Section ${s.data.number}`, title: s.data.title } })),
  ];
  return cards.map(({ name, card }) => ({ params: { name }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: PreviewCard }> = async ({ props }) =>
  new Response(await previewPng(props.card), { headers: { 'Content-Type': 'image/png' } });
