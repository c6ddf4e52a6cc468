/**
 * The link-preview picture of a page (Open Graph / Twitter, 1200 × 630): the page's title beside a
 * drawing of what the page is about (the layers for 1.1, the weights for 1.2, the forward pass for
 * 1.3, the backward pass for 1.4, the loss curves for 1.5, …), large enough to read as a thumbnail.
 * Pure: `previewLayout` is the drawing as shapes and labels (the tests check its geometry: no line
 * crosses a label), `previewSvg` writes it as the SVG that render.ts rasterises at build time. The
 * numbers come from the math module, formatted as the pages format them.
 */
import {
  ARTICLE_DIGITS,
  ARTICLE_EPOCHS,
  ARTICLE_LEARNING_RATES,
  ARTICLE_PARAMS,
  createResolver,
  formatQuantity,
  sweep,
  type QuantityName,
} from '../backprop';

/** The size social sites ask for (Open Graph's 1.91:1). */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** What a page's picture draws on its right half. */
export type PreviewView = 'contents' | 'layers' | 'network' | 'forward' | 'backward' | 'loss' | 'pages' | 'embed' | 'practice';

/** What one preview says and shows. */
export interface PreviewCard {
  /** A short line above the title, e.g. "Section 1.4". */
  readonly kicker: string;
  readonly title: string;
  readonly view: PreviewView;
}

/** Font families rasterised from KaTeX's own font files (render.ts registers them), so any machine draws the same. */
const SANS = 'KaTeX_SansSerif';
const SERIF = 'KaTeX_Main';
const COLOURS = { bg: '#ffffff', fg: '#1a1a1a', muted: '#4a4a4a', accent: '#1d4ed8', node: '#f4f5f7', edge: '#8a8f98', faint: '#d5d8de' } as const;
/** One colour per learning rate, in the order of ARTICLE_LEARNING_RATES (distinct in grey too: dark to light). */
const RATE_COLOURS = ['#1b2a4a', '#1d4ed8', '#0f766e', '#b45309', '#9d174d', '#6d28d9'] as const;

type Point = readonly [number, number];

/** A piece of text: `text` then, lowered and smaller, `sub`, then `after`; (x, y) is its baseline anchor. */
export interface Label {
  readonly text: string;
  readonly sub?: string;
  readonly after?: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly family: string;
  readonly fill: string;
  readonly bold?: boolean;
  /** Degrees, clockwise, about (x, y). */
  readonly rotate?: number;
}

/** A line through `points` (two for a straight one). */
export interface Stroke {
  readonly points: readonly Point[];
  readonly colour: string;
  readonly width: number;
  readonly dash?: string;
}

export interface Circle {
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
  readonly stroke?: string;
}

/** A picture as shapes: boxes first, then lines, circles and labels on top. */
export interface PreviewLayout {
  readonly boxes: readonly Box[];
  readonly strokes: readonly Stroke[];
  readonly circles: readonly Circle[];
  readonly labels: readonly Label[];
}

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

/** A character's advance in ems, on the generous side for KaTeX's fonts (digits are 0.5 em). */
function advance(char: string, bold: boolean): number {
  const em = /[mwMW∂]/.test(char) ? 0.9 : /[A-Z=+−]/.test(char) ? 0.8 : char === ' ' ? 0.36 : /[il.,:·1]/.test(char) ? 0.42 : 0.6;
  return bold ? em * 1.08 : em;
}

/** The subscript's size, relative to the label's. */
const SUB_SCALE = 0.7;

/** The label's width in pixels (an upper estimate). */
function labelWidth(label: Label): number {
  const run = (text: string, scale: number) => [...text].reduce((w, c) => w + advance(c, label.bold ?? false) * label.size * scale, 0);
  return run(label.text, 1) + run(label.sub ?? '', SUB_SCALE) + run(label.after ?? '', 1);
}

/** The four corners of the box a label covers (clockwise from top left), rotation included. */
export function labelBox(label: Label): Point[] {
  const width = labelWidth(label);
  const left = label.anchor === 'start' ? 0 : label.anchor === 'middle' ? -width / 2 : -width;
  // Above the baseline: the capitals and ∂; below it: descenders, and a lowered subscript.
  const top = -0.78 * label.size;
  const bottom = (label.sub ? 0.42 : 0.24) * label.size;
  const angle = ((label.rotate ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  return ([[left, top], [left + width, top], [left + width, bottom], [left, bottom]] as const).map(
    ([dx, dy]) => [label.x + dx * cos - dy * sin, label.y + dx * sin + dy * cos] as const,
  );
}

const resolve = createResolver(ARTICLE_PARAMS);
/** A quantity at the article's values, as the pages show it. */
const shown = (name: QuantityName) => formatQuantity({ name }, resolve({ name }), ARTICLE_DIGITS);

/** A label with defaults for the drawing: serif, dark, centred. */
function label(text: string, x: number, y: number, size: number, more: Partial<Label> = {}): Label {
  return { text, x, y, size, anchor: 'middle', family: SERIF, fill: COLOURS.fg, ...more };
}

/** A quantity's symbol as a label part: `a_h1` → a with h1 lowered, `w5` → w with 5 lowered. */
function symbol(name: string): { text: string; sub: string } {
  const [text, sub] = name.includes('_') ? (name.split('_') as [string, string]) : [name.slice(0, 1), name.slice(1)];
  return { text, sub };
}

/** The 2-2-2 network's geometry: columns' x, rows' y, the nodes' radius. */
interface Net {
  readonly x: readonly [number, number, number];
  readonly y: readonly [number, number];
  readonly r: number;
}

const NODE_NAMES = [['i1', 'i2'], ['h1', 'h2'], ['o1', 'o2']] as const;
/** [from column, from row, to row] for w1 … w8, in the article's numbering. */
const EDGES: readonly (readonly [0 | 1, 0 | 1, 0 | 1])[] = [
  [0, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 1],
  [1, 0, 0], [1, 1, 0], [1, 0, 1], [1, 1, 1],
];

/** An edge's ends, from one node's rim to the other's. */
function edgeEnds(net: Net, [col, from, to]: readonly [0 | 1, 0 | 1, 0 | 1]): [Point, Point] {
  const a: Point = [net.x[col], net.y[from]];
  const b: Point = [net.x[col + 1] ?? 0, net.y[to]];
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const [ux, uy] = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
  return [
    [a[0] + ux * net.r, a[1] + uy * net.r],
    [b[0] - ux * net.r, b[1] - uy * net.r],
  ];
}

/** The network's nodes (named inside) and edges, in `colour`. */
function network(net: Net, colour: string, width = 2.5): Pick<PreviewLayout, 'strokes' | 'circles' | 'labels'> {
  return {
    strokes: EDGES.map((edge) => ({ points: edgeEnds(net, edge), colour, width })),
    circles: NODE_NAMES.flatMap((column, c) => column.map((_, r) => ({ cx: net.x[c as 0 | 1 | 2], cy: net.y[r as 0 | 1], r: net.r }))),
    labels: NODE_NAMES.flatMap((column, c) =>
      column.map((name, r) => label(symbol(name).text, net.x[c as 0 | 1 | 2], (net.y[r as 0 | 1] ?? 0) + 11, 32, { sub: symbol(name).sub })),
    ),
  };
}

/** A weight's name on its edge: over a straight edge, under the bottom one, along a crossing one near its start. */
function weightLabel(net: Net, edge: readonly [0 | 1, 0 | 1, 0 | 1], w: number): Label {
  const [a, b] = edgeEnds(net, edge);
  const from = edge[1];
  const name = symbol(`w${w}`);
  const size = 30;
  if (from === edge[2]) {
    return label(name.text, (a[0] + b[0]) / 2, from === 0 ? a[1] - 14 : a[1] + 38, size, { sub: name.sub, fill: COLOURS.accent });
  }
  // A crossing edge: written along it, near its start, on the side of the straight edge from the same
  // node (above a falling edge, below a rising one), away from the other crossing edge.
  const angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
  const up: Point = [Math.sin(angle), -Math.cos(angle)];
  // The text rises from its baseline towards `up`: above the edge, clear its descent; below, its height.
  const offset = from === 0 ? 0.42 * size + 8 : -(0.78 * size + 8);
  const t = 0.3;
  const [x, y] = [a[0] + t * (b[0] - a[0]) + up[0] * offset, a[1] + t * (b[1] - a[1]) + up[1] * offset];
  return label(name.text, x, y, size, { sub: name.sub, fill: COLOURS.accent, rotate: (angle * 180) / Math.PI });
}

/** An arrowhead on the line from `from` to `to`, pointing towards `to`, a fraction `t` of the way along. */
function arrowhead(from: Point, to: Point, t: number, colour: string): Stroke {
  const back = Math.atan2(from[1] - to[1], from[0] - to[0]);
  const [x, y] = [from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])];
  const wing = (turn: number): Point => [x + 15 * Math.cos(back + turn), y + 15 * Math.sin(back + turn)];
  return { points: [wing(0.5), [x, y], wing(-0.5)], colour, width: 3 };
}

const EMPTY: PreviewLayout = { boxes: [], strokes: [], circles: [], labels: [] };

/** Joins the parts of a drawing. */
function merge(...parts: Partial<PreviewLayout>[]): PreviewLayout {
  return {
    boxes: parts.flatMap((p) => p.boxes ?? []),
    strokes: parts.flatMap((p) => p.strokes ?? []),
    circles: parts.flatMap((p) => p.circles ?? []),
    labels: parts.flatMap((p) => p.labels ?? []),
  };
}

/** The right half of each view. */
const VIEWS: Readonly<Record<PreviewView, () => PreviewLayout>> = {
  // The contents: the five sections, by number.
  contents: () => ({
    ...EMPTY,
    labels: [
      ['1.1', 'Introduction'],
      ['1.2', 'The network'],
      ['1.3', 'Forward pass'],
      ['1.4', 'Backpropagation'],
      ['1.5', 'Weight update'],
    ].flatMap(([n, title], k) => [
      label(n ?? '', 650, 170 + k * 86, 34, { anchor: 'start', family: SANS, fill: COLOURS.accent, bold: true }),
      label(title ?? '', 730, 170 + k * 86, 34, { anchor: 'start', family: SANS }),
    ]),
  }),
  // Layers: the three columns of neurons, named.
  layers: () => {
    const net: Net = { x: [690, 890, 1090], y: [210, 420], r: 40 };
    return merge(network(net, COLOURS.edge), {
      labels: (['inputs', 'hidden', 'outputs'] as const).map((name, c) => label(name, net.x[c] ?? 0, 530, 32, { family: SANS, fill: COLOURS.muted })),
    });
  },
  // The network: every weight named on its edge.
  network: () => {
    const net: Net = { x: [680, 880, 1080], y: [180, 450], r: 40 };
    return merge(network(net, COLOURS.edge), { labels: EDGES.map((edge, i) => weightLabel(net, edge, i + 1)) });
  },
  // The forward pass: the activations beside their neurons, the error at the end.
  forward: () => {
    const net: Net = { x: [680, 880, 1080], y: [190, 400], r: 40 };
    const values: QuantityName[][] = [['i1', 'i2'], ['a_h1', 'a_h2'], ['a_o1', 'a_o2']];
    const arrows = EDGES.map((edge) => {
      const [a, b] = edgeEnds(net, edge);
      return arrowhead(a, b, 0.85, COLOURS.accent);
    });
    return merge(network(net, COLOURS.accent), {
      strokes: arrows,
      labels: [
        ...values.flatMap((column, c) =>
          column.map((name, r) => label(shown(name), net.x[c as 0 | 1 | 2], r === 0 ? (net.y[0] ?? 0) - 56 : (net.y[1] ?? 0) + 84, 30)),
        ),
        label('E', 880, 580, 36, { sub: 'total', after: ` = ${shown('E_total')}`, bold: true }),
      ],
    });
  },
  // The backward pass: the error's gradient flows from the outputs back to every weight.
  backward: () => {
    const net: Net = { x: [670, 850, 1030], y: [190, 400], r: 40 };
    const arrows = EDGES.map((edge) => {
      const [a, b] = edgeEnds(net, edge);
      return arrowhead(b, a, 0.85, COLOURS.accent);
    });
    const grad = (w: number, y: number) => label('∂E/∂', 850, y, 32, { sub: `w${w}`, after: ` = ${shown(`dE_dw${w}` as QuantityName)}` });
    return merge(network(net, COLOURS.accent), {
      strokes: arrows,
      labels: [label('∂E/∂', 1082, 202, 28, { anchor: 'start', sub: 'o1' }), label('∂E/∂', 1082, 412, 28, { anchor: 'start', sub: 'o2' }), grad(5, 520), grad(1, 585)],
    });
  },
  // The loss curves: E_total over 300 epochs, log scale, one curve per learning rate, named at its end.
  loss: () => {
    const [left, right, top, bottom] = [640, 1020, 120, 520];
    const runs = sweep(ARTICLE_PARAMS, ARTICLE_LEARNING_RATES, ARTICLE_EPOCHS);
    const all = runs.flatMap((run) => [...run.loss]);
    const [lo, hi] = [Math.log10(Math.min(...all)), Math.log10(Math.max(...all))];
    const yOf = (loss: number) => top + ((hi - Math.log10(loss)) / (hi - lo)) * (bottom - top);
    const xOf = (k: number) => left + (k / (ARTICLE_EPOCHS - 1)) * (right - left);
    const curves: Stroke[] = runs.map((run, i) => ({
      points: Array.from({ length: 61 }, (_, j) => Math.min(ARTICLE_EPOCHS - 1, j * 5)).map((k) => [xOf(k), yOf(run.loss[k] ?? 0)] as const),
      colour: RATE_COLOURS[i] ?? COLOURS.fg,
      width: 4,
    }));
    // Names at the curves' ends, spread apart where the ends are close.
    const ends = runs.map((run, i) => ({ i, y: yOf(run.loss[ARTICLE_EPOCHS - 1] ?? 0) + 9 })).sort((a, b) => a.y - b.y);
    for (let k = 1; k < ends.length; k++) {
      const [prev, cur] = [ends[k - 1], ends[k]];
      if (prev && cur && cur.y - prev.y < 30) cur.y = prev.y + 30;
    }
    return {
      ...EMPTY,
      strokes: [{ points: [[left, top - 10], [left, bottom], [right + 10, bottom]], colour: COLOURS.fg, width: 2.5 }, ...curves],
      labels: [
        label('E', left, top - 28, 28, { anchor: 'start', sub: 'total', after: ' (log scale)' }),
        label('η', right + 26, top - 28, 28, { anchor: 'start', fill: COLOURS.muted }),
        ...ends.map(({ i, y }) => label(String(ARTICLE_LEARNING_RATES[i]), right + 22, y, 28, { anchor: 'start', fill: RATE_COLOURS[i] ?? COLOURS.fg, bold: true })),
        label(`epochs 1 to ${ARTICLE_EPOCHS}`, (left + right) / 2, bottom + 44, 28, { family: SANS, fill: COLOURS.muted }),
      ],
    };
  },
  // The whole tutorial on one page: the five sections as sheets, one after the other.
  pages: () => ({
    ...EMPTY,
    boxes: [0, 1, 2, 3, 4].map((k) => ({ x: 650 + k * 92, y: 130 + k * 40, width: 170, height: 250, fill: COLOURS.bg, stroke: COLOURS.fg })),
    labels: [0, 1, 2, 3, 4].map((k) => label(`1.${k + 1}`, 650 + k * 92 + 46, 130 + k * 40 + 50, 34, { family: SANS, fill: COLOURS.accent, bold: true })),
  }),
  // An embed: a step inside a course page.
  embed: () => ({
    ...EMPTY,
    boxes: [
      { x: 630, y: 90, width: 520, height: 470, fill: COLOURS.node, stroke: COLOURS.edge },
      ...[0, 1].map((k) => ({ x: 660, y: 160 + k * 28, width: k ? 300 : 440, height: 12, fill: COLOURS.faint })),
      { x: 660, y: 230, width: 460, height: 250, fill: COLOURS.bg, stroke: COLOURS.accent },
      ...[0, 1].map((k) => ({ x: 660, y: 502 + k * 28, width: k ? 240 : 400, height: 12, fill: COLOURS.faint })),
    ],
    labels: [
      label('Week 3: backpropagation', 660, 136, 28, { anchor: 'start', family: SANS, bold: true }),
      label('Step 5, live', 684, 290, 30, { anchor: 'start', family: SANS, fill: COLOURS.accent, bold: true }),
      label('∂E/∂', 684, 370, 32, { anchor: 'start', sub: 'w5', after: ` = ${shown('dE_dw5')}` }),
      label('w', 684, 440, 32, { anchor: 'start', sub: '5', after: ` = ${shown('w5')}` }),
    ],
  }),
  // The exercises: a question, a typed answer, and its check.
  practice: () => ({
    ...EMPTY,
    boxes: [
      { x: 630, y: 90, width: 520, height: 470, fill: COLOURS.node, stroke: COLOURS.edge },
      { x: 660, y: 320, width: 300, height: 80, fill: COLOURS.bg, stroke: COLOURS.accent },
    ],
    labels: [
      label('Your turn', 660, 160, 34, { anchor: 'start', family: SANS, fill: COLOURS.accent, bold: true }),
      label('∂E/∂', 660, 260, 32, { anchor: 'start', sub: 'w5', after: ' = ?' }),
      label(shown('dE_dw5'), 684, 372, 30, { anchor: 'start' }),
      label('Right', 990, 372, 30, { anchor: 'start', family: SANS, fill: COLOURS.accent, bold: true }),
      label('a seed for each student', 660, 490, 26, { anchor: 'start', family: SANS, fill: COLOURS.muted }),
    ],
  }),
};

/** The whole picture: the title on the left, the page's view on the right. */
export function previewLayout(card: PreviewCard): PreviewLayout {
  const title = wrapWords(card.title, 16).map((line, k) => label(line, 64, 252 + k * 66, 54, { anchor: 'start', family: SANS, bold: true }));
  return merge(
    {
      boxes: [{ x: 0, y: 0, width: 16, height: PREVIEW_HEIGHT, fill: COLOURS.accent }],
      labels: [
        label('Backpropagation, live', 64, 92, 30, { anchor: 'start', family: SANS, fill: COLOURS.muted }),
        label(card.kicker, 64, 176, 34, { anchor: 'start', family: SANS, fill: COLOURS.accent }),
        ...title,
        label('Every number live.', 64, 580, 30, { anchor: 'start', family: SANS, fill: COLOURS.muted }),
      ],
    },
    VIEWS[card.view](),
  );
}

/** One decimal: coordinates in the SVG. */
const n = (v: number) => String(Math.round(v * 10) / 10);

/** A label as SVG text. */
function labelSvg(l: Label): string {
  const parts = [xmlText(l.text)];
  if (l.sub) parts.push(`<tspan baseline-shift="sub" font-size="${Math.round(SUB_SCALE * 100)}%">${xmlText(l.sub)}</tspan>`);
  // A space right after a subscript is collapsed by the renderer: written as a shift instead.
  if (l.after) parts.push(`<tspan${/^ /.test(l.after) ? ` dx="${n(l.size * 0.3)}"` : ''}>${xmlText(l.after.replace(/^ /, ''))}</tspan>`);
  const rotate = l.rotate ? ` transform="rotate(${n(l.rotate)} ${n(l.x)} ${n(l.y)})"` : '';
  return `<text x="${n(l.x)}" y="${n(l.y)}" text-anchor="${l.anchor}" font-family="${l.family}" font-size="${l.size}"${l.bold ? ' font-weight="bold"' : ''} fill="${l.fill}"${rotate}>${parts.join('')}</text>`;
}

/** The SVG source of a page's preview picture. */
export function previewSvg(card: PreviewCard): string {
  const { boxes, strokes, circles, labels } = previewLayout(card);
  const parts = [
    ...boxes.map((b) => `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" fill="${b.fill}"${b.stroke ? ` stroke="${b.stroke}" stroke-width="2"` : ''}/>`),
    ...strokes.map(
      (s) =>
        `<polyline points="${s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${s.colour}" stroke-width="${s.width}" stroke-linejoin="round" stroke-linecap="round"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    ),
    ...circles.map((c) => `<circle cx="${n(c.cx)}" cy="${n(c.cy)}" r="${c.r}" fill="${COLOURS.node}" stroke="${COLOURS.fg}" stroke-width="3"/>`),
    ...labels.map(labelSvg),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}"><rect width="100%" height="100%" fill="${COLOURS.bg}"/>${parts.join('')}</svg>`;
}

/** What each view shows, in words: the picture's text alternative after the page's title. */
const VIEW_WORDS: Readonly<Record<PreviewView, string>> = {
  contents: 'the five sections of the tutorial',
  layers: 'the network’s input, hidden and output layers',
  network: 'the 2-2-2 network with its eight weights',
  forward: 'the forward pass, with each neuron’s activation and the total error at the article’s values',
  backward: 'the backward pass, with the gradients of w5 and w1 at the article’s values',
  loss: 'the total error over 300 epochs for six learning rates',
  pages: 'the five sections as pages, one after the other',
  embed: 'a live step inside a course page',
  practice: 'an exercise asking for a gradient, with the typed answer checked',
};

/** The picture's text alternative. */
export function previewAlt(card: PreviewCard): string {
  return `${card.title}: ${VIEW_WORDS[card.view]}`;
}

/** What each section's picture shows, by its slug. */
const SECTION_VIEWS: Readonly<Record<string, PreviewView>> = {
  '1-1-introduction': 'layers',
  '1-2-the-network': 'network',
  '1-3-forward-propagation': 'forward',
  '1-4-backpropagation': 'backward',
  '1-5-weight-update': 'loss',
};

/** A section, as its picture needs it. */
export interface PreviewSection {
  readonly id: string;
  readonly number: string;
  readonly title: string;
}

/** Every page's picture, by its name (`index`, `all`, `embed`, `practice`, a section's id), from the sections in order. */
export function previewCards(sections: readonly PreviewSection[]): { name: string; card: PreviewCard }[] {
  const first = sections[0]?.number ?? '';
  const last = sections[sections.length - 1]?.number ?? '';
  return [
    { name: 'index', card: { kicker: 'Contents', title: 'Backpropagation, worked by hand and live', view: 'contents' } },
    { name: 'all', card: { kicker: `Sections ${first} to ${last}`, title: 'The whole tutorial on one page', view: 'pages' } },
    { name: 'embed', card: { kicker: 'For instructors', title: 'Embed a step in a course page', view: 'embed' } },
    { name: 'practice', card: { kicker: 'For instructors', title: 'Exercises with numbers of their own, and the answer key', view: 'practice' } },
    ...sections.map((s) => ({ name: s.id, card: { kicker: `Section ${s.number}`, title: s.title, view: SECTION_VIEWS[s.id] ?? 'network' } })),
  ];
}
