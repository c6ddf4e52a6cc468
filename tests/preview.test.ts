/**
 * Link-preview pictures (src/lib/preview/): each page's own drawing, legible as a thumbnail, whose
 * geometry (the layout model the SVG is written from) never puts a line across a label.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, createResolver, formatQuantity, type QuantityName } from '../src/lib/backprop';
import {
  PREVIEW_HEIGHT,
  PREVIEW_WIDTH,
  labelBox,
  previewAlt,
  previewCards,
  previewLayout,
  previewSvg,
  wrapWords,
  xmlText,
  type PreviewLayout,
} from '../src/lib/preview/card';
import { previewPng } from '../src/lib/preview/render';

const shown = (name: QuantityName) => formatQuantity({ name }, createResolver(ARTICLE_PARAMS)({ name }), ARTICLE_DIGITS);

type Point = readonly [number, number];

/** The sections as the site builds them, read from content/ (number and title from each file's front matter). */
const sections = readdirSync('content')
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((file) => {
    const text = readFileSync(`content/${file}`, 'utf8');
    return { id: file.replace(/\.mdx$/, ''), number: /^number: "([^"]+)"/m.exec(text)?.[1] ?? '', title: /^title: (.+)$/m.exec(text)?.[1] ?? '' };
  });
const cards = previewCards(sections);

/** Which side of the line a→b the point p is on (the sign of the cross product). */
const side = (a: Point, b: Point, p: Point) => Math.sign((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));

/** Whether r, on the line through p and q, lies between them. */
const between = (p: Point, q: Point, r: Point) =>
  Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);

/** Whether two segments cross or touch. */
function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const [d1, d2, d3, d4] = [side(a, b, c), side(a, b, d), side(c, d, a), side(c, d, b)];
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (d1 === 0 && between(a, b, c)) || (d2 === 0 && between(a, b, d)) || (d3 === 0 && between(c, d, a)) || (d4 === 0 && between(c, d, b));
}

/** Whether p is inside a convex polygon given clockwise or anticlockwise. */
function inside(polygon: readonly Point[], p: Point): boolean {
  const sides = polygon.map((a, i) => side(a, polygon[(i + 1) % polygon.length] ?? a, p));
  return sides.every((s) => s >= 0) || sides.every((s) => s <= 0);
}

/** The polygon's edges. */
const edgesOf = (polygon: readonly Point[]) => polygon.map((a, i) => [a, polygon[(i + 1) % polygon.length] ?? a] as const);

/** Whether a segment crosses, touches or lies inside a convex polygon. */
function segmentHitsPolygon(a: Point, b: Point, polygon: readonly Point[]): boolean {
  return inside(polygon, a) || inside(polygon, b) || edgesOf(polygon).some(([c, d]) => segmentsMeet(a, b, c, d));
}

/** Whether two convex polygons overlap. */
function polygonsMeet(p: readonly Point[], q: readonly Point[]): boolean {
  return edgesOf(p).some(([a, b]) => segmentHitsPolygon(a, b, q)) || inside(p, q[0] ?? [0, 0]);
}

/** Every straight line the picture draws: strokes, piece by piece, and the outlines of boxes. */
function linesOf(layout: PreviewLayout): (readonly [Point, Point])[] {
  return [
    ...layout.strokes.flatMap((s) => s.points.slice(1).map((p, i) => [s.points[i] ?? p, p] as const)),
    ...layout.boxes
      .filter((b) => b.stroke)
      .flatMap((b) => edgesOf([[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]])),
  ];
}

/** A label's words, for messages. */
const words = (l: { text: string; sub?: string; after?: string }) => `${l.text}${l.sub ?? ''}${l.after ?? ''}`;

describe('preview card', () => {
  it('wraps a title at word boundaries within the width, a long word on its own line', () => {
    expect(wrapWords('Weight update and learning rate', 16)).toEqual(['Weight update', 'and learning', 'rate']);
    expect(wrapWords('Backpropagation', 5)).toEqual(['Backpropagation']);
    for (const line of wrapWords('one two three four five six seven', 9)) expect(line.length).toBeLessThanOrEqual(9);
  });

  it('escapes text for XML', () => {
    expect(xmlText(`a < b & "c" > d`)).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    const svg = previewSvg({ kicker: 'Section 1.4', title: 'Steps & <b>', view: 'backward' });
    expect(svg).toContain(`width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}"`);
    expect(svg).toContain('Steps &amp; &lt;b&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('gives every page its own picture, with a drawing that fits the page', () => {
    expect(cards.map((c) => c.name)).toEqual(['index', 'all', 'embed', 'practice', ...sections.map((s) => s.id)]);
    const views = new Map(cards.map((c) => [c.name, c.card.view]));
    expect([views.get('1-3-forward-propagation'), views.get('1-4-backpropagation'), views.get('1-5-weight-update')]).toEqual(['forward', 'backward', 'loss']);
    // No two pages share a drawing, and so no two pictures are alike.
    expect(new Set(views.values()).size).toBe(cards.length);
    expect(new Set(cards.map((c) => previewSvg(c.card))).size).toBe(cards.length);
    for (const { card } of cards) expect(previewAlt(card)).toMatch(new RegExp(`^${card.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\w`));
  });

  it('shows the article’s numbers as the pages do: the forward pass’s activations and error, the backward pass’s gradients', () => {
    const text = (view: string) => previewLayout(cards.find((c) => c.card.view === view)!.card).labels.map(words).join(' | ');
    for (const name of ['a_h1', 'a_h2', 'a_o1', 'a_o2', 'E_total'] as const) expect(text('forward'), name).toContain(shown(name));
    expect(shown('a_o1')).toBe('0.6064');
    expect(shown('E_total')).toBe('0.01418');
    expect(text('backward')).toContain(`∂E/∂w5 = ${shown('dE_dw5')}`);
    expect(text('backward')).toContain(`∂E/∂w1 = ${shown('dE_dw1')}`);
    for (const lr of ['0.1', '0.2', '0.5', '0.8', '1', '2']) expect(text('loss').split(' | ')).toContain(lr);
  });

  for (const { name, card } of cards) {
    describe(`${name} (${card.view})`, () => {
      const layout = previewLayout(card);
      const boxes = layout.labels.map((l) => ({ l, box: labelBox(l) }));

      it('no line crosses or touches a label', () => {
        const crossings = boxes.flatMap(({ l, box }) =>
          linesOf(layout)
            .filter(([a, b]) => segmentHitsPolygon(a, b, box))
            .map(([a, b]) => `"${words(l)}" × line (${a.map(Math.round).join(',')})–(${b.map(Math.round).join(',')})`),
        );
        expect(crossings).toEqual([]);
      });

      it('no two labels overlap, no label covers a neuron it does not name, every label is inside the picture', () => {
        const overlaps = boxes.flatMap(({ l, box }, i) => boxes.slice(i + 1).filter((o) => polygonsMeet(box, o.box)).map((o) => `"${words(l)}" × "${words(o.l)}"`));
        expect(overlaps).toEqual([]);
        for (const { l, box } of boxes) {
          for (const c of layout.circles) {
            const names = Math.hypot(l.x - c.cx, l.y - 11 - c.cy) < 1;
            if (names) continue;
            const near = box.some(([x, y]) => Math.hypot(x - c.cx, y - c.cy) <= c.r) || inside(box, [c.cx, c.cy]) || edgesOf(box).some(([a, b]) => {
              // The closest point of the edge to the centre.
              const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
              const t = Math.max(0, Math.min(1, ((c.cx - a[0]) * dx + (c.cy - a[1]) * dy) / (dx * dx + dy * dy)));
              return Math.hypot(a[0] + t * dx - c.cx, a[1] + t * dy - c.cy) <= c.r;
            });
            expect(near, `"${words(l)}" covers the neuron at ${c.cx},${c.cy}`).toBe(false);
          }
          for (const [x, y] of box) {
            expect(x >= 0 && x <= PREVIEW_WIDTH && y >= 0 && y <= PREVIEW_HEIGHT, `"${words(l)}" at ${Math.round(x)},${Math.round(y)}`).toBe(true);
          }
        }
      });

      it('draws everything inside the picture', () => {
        const points = [
          ...layout.strokes.flatMap((st) => st.points),
          ...layout.boxes.flatMap((b) => [[b.x, b.y], [b.x + b.width, b.y + b.height]] as const),
          ...layout.circles.flatMap((c) => [[c.cx - c.r, c.cy - c.r], [c.cx + c.r, c.cy + c.r]] as const),
        ];
        expect(points.filter(([x, y]) => x < 0 || x > PREVIEW_WIDTH || y < 0 || y > PREVIEW_HEIGHT)).toEqual([]);
      });

      it('reads as a thumbnail: at a quarter of its size, no label is smaller than 6 px', () => {
        for (const l of layout.labels) expect(l.size / 4, words(l)).toBeGreaterThanOrEqual(6);
      });
    });
  }

  it('rasterises to a 1200 × 630 PNG', async () => {
    const png = Buffer.from(await previewPng({ kicker: 'Section 1.1', title: 'Introduction', view: 'layers' }));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }, 30_000);
});
