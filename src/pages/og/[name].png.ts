/** Each page's link-preview picture, drawn at build time: `og/<section id>.png`, `og/index.png`, `og/all.png`, `og/embed.png`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { previewCards, type PreviewCard } from '~/lib/preview/card';
import { previewPng } from '~/lib/preview/render';
import { sectionsInOrder } from '~/lib/sections';

export const getStaticPaths = (async () => {
  const sections = await sectionsInOrder();
  const cards = previewCards(sections.map((s) => ({ id: s.id, number: s.data.number, title: s.data.title })));
  return cards.map(({ name, card }) => ({ params: { name }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: PreviewCard }> = async ({ props }) =>
  new Response(await previewPng(props.card), { headers: { 'Content-Type': 'image/png' } });
