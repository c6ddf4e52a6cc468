/**
 * The link-preview picture of a page (Open Graph / Twitter, 1200 × 630): the page's title beside
 * the article's network at the article's values. Pure: builds the SVG that render.ts rasterises at
 * build time. The numbers come from the math module, formatted as the pages format them.
 */
import { ARTICLE_DIGITS, ARTICLE_PARAMS, createResolver, formatQuantity, type QuantityName } from '../backprop';

/** The size social sites ask for (Open Graph's 1.91:1). */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** What one preview says. */
export interface PreviewCard {
  /** A short line above the title, e.g. "Section 1.4". */
  readonly kicker: string;
  readonly title: string;
}

/** Font families rasterised from KaTeX's own font files (render.ts registers them), so any machine draws the same. */
const SANS = 'KaTeX_SansSerif';
const SERIF = 'KaTeX_Main';
const COLOURS = { bg: '#ffffff', fg: '#1a1a1a', muted: '#4a4a4a', accent: '#1d4ed8', node: '#f4f5f7', edge: '#8a8f98' } as const;

/** Escapes text for an XML text node or attribute. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Greedy word wrap to lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A quantity's symbol with its subscript lowered (`a_h1` → a with h1 below, `w5` → w with 5 below). */
function symbol(name: string): string {
  const [base, sub] = name.includes('_') ? (name.split('_') as [string, string]) : [name.slice(0, 1), name.slice(1)];
  return `${xmlText(base)}<tspan baseline-shift="sub" font-size="70%">${xmlText(sub)}</tspan>`;
}

/** Columns and rows of the drawing, in pixels of the 1200 × 630 picture. */
const COLUMN_X = [650, 850, 1050] as const;
const ROW_Y = [215, 445] as const;
const RADIUS = 34;

/** [from column, from row, to row] for w1 … w8, in the article's numbering (as the page's diagram). */
const EDGES: readonly (readonly [0 | 1, 0 | 1, 0 | 1])[] = [
  [0, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 1],
  [1, 0, 0], [1, 1, 0], [1, 0, 1], [1, 1, 1],
];

/** The neurons: column, row, the name inside the circle and the value written beside it. */
const NEURONS: readonly (readonly [0 | 1 | 2, 0 | 1, string, QuantityName])[] = [
  [0, 0, 'i1', 'i1'], [0, 1, 'i2', 'i2'],
  [1, 0, 'h1', 'a_h1'], [1, 1, 'h2', 'a_h2'],
  [2, 0, 'o1', 'a_o1'], [2, 1, 'o2', 'a_o2'],
];

/** The SVG source of a page's preview picture. */
export function previewSvg(card: PreviewCard): string {
  const resolve = createResolver(ARTICLE_PARAMS);
  const shown = (name: QuantityName) => xmlText(formatQuantity({ name }, resolve({ name }), ARTICLE_DIGITS));
  const parts: string[] = [];

  // Left: whose site, which page. The title wraps at about 16 characters of 60 px bold sans.
  parts.push(`<rect x="0" y="0" width="16" height="${PREVIEW_HEIGHT}" fill="${COLOURS.accent}"/>`);
  parts.push(`<text x="64" y="92" font-family="${SANS}" font-size="30" fill="${COLOURS.muted}">Backpropagation, live</text>`);
  parts.push(`<text x="64" y="176" font-family="${SANS}" font-size="34" fill="${COLOURS.accent}">${xmlText(card.kicker)}</text>`);
  wrapWords(card.title, 16).forEach((line, k) => {
    parts.push(`<text x="64" y="${252 + k * 70}" font-family="${SANS}" font-weight="bold" font-size="60" fill="${COLOURS.fg}">${xmlText(line)}</text>`);
  });
  parts.push(
    `<text x="64" y="570" font-family="${SANS}" font-size="26" fill="${COLOURS.muted}">A 2-2-2 network worked by hand; every number live.</text>`,
  );

  // Right: the network at the article's values; weights on their edges, activations beside the nodes.
  EDGES.forEach(([col, from, to], i) => {
    const [x1, y1, x2, y2] = [COLUMN_X[col], ROW_Y[from], COLUMN_X[col + 1] ?? 0, ROW_Y[to]];
    parts.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${COLOURS.edge}" stroke-width="2"/>`);
    // Straight edges carry their label midway, crossing ones near their start, clear of the crossing.
    const t = from === to ? 0.5 : 0.3;
    const lx = x1 + t * (x2 - x1);
    const ly = y1 + t * (y2 - y1) + (from === to ? (from === 0 ? -12 : 30) : 8);
    const name = `w${i + 1}` as QuantityName;
    parts.push(
      `<text x="${lx}" y="${ly}" text-anchor="middle" font-family="${SERIF}" font-size="21" fill="${COLOURS.accent}" stroke="${COLOURS.bg}" stroke-width="6" paint-order="stroke">${symbol(name)} = ${shown(name)}</text>`,
    );
  });
  for (const [col, row, label, value] of NEURONS) {
    const [cx, cy] = [COLUMN_X[col], ROW_Y[row]];
    parts.push(`<circle cx="${cx}" cy="${cy}" r="${RADIUS}" fill="${COLOURS.node}" stroke="${COLOURS.fg}" stroke-width="2.5"/>`);
    parts.push(`<text x="${cx}" y="${cy + 9}" text-anchor="middle" font-family="${SERIF}" font-size="26" fill="${COLOURS.fg}">${symbol(label)}</text>`);
    const vy = row === 0 ? cy - RADIUS - 16 : cy + RADIUS + 34;
    parts.push(`<text x="${cx}" y="${vy}" text-anchor="middle" font-family="${SERIF}" font-size="22" fill="${COLOURS.fg}">${symbol(value)} = ${shown(value)}</text>`);
  }
  parts.push(
    `<text x="${COLUMN_X[1]}" y="570" text-anchor="middle" font-family="${SERIF}" font-size="26" fill="${COLOURS.fg}">${symbol('E_total')} = ${shown('E_total')}</text>`,
  );

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}"><rect width="100%" height="100%" fill="${COLOURS.bg}"/>${parts.join('')}</svg>`;
}

/** The picture's text alternative for a page. */
export function previewAlt(name: string, title: string): string {
  return `${title}: the 2-2-2 network of the tutorial with the article's values (${name})`;
}
