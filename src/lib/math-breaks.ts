/**
 * Where a formula may break across lines on a narrow screen. KaTeX lets inline math break after
 * any relation or binary operator at the formula's outer level, which includes those inside a
 * bracket: "(1 − ⏎ 0.5068)". `groupBrackets` wraps each bracketed group in braces, so it cannot
 * break, unless it holds a sum too wide for a phone's line, which may then break between its
 * terms and before the factors after it. `estimateEm` is a rough width of typeset TeX, in em, for such decisions. Pure.
 */

/** A piece of TeX at one level: a command, a braced group, a single character, or white space. */
interface Item {
  readonly kind: 'cmd' | 'group' | 'char' | 'space';
  /** The command's name (`frac`, `,`), or the character. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly children?: readonly Item[];
}

/** Splits `tex[start, end)` into items, braced groups parsed recursively. */
function parse(tex: string, start = 0, end = tex.length): Item[] {
  const items: Item[] = [];
  let i = start;
  while (i < end) {
    const c = tex[i] as string;
    if (c === '\\') {
      const name = /^[A-Za-z]+/.exec(tex.slice(i + 1, end))?.[0] ?? tex[i + 1] ?? '';
      items.push({ kind: 'cmd', text: name, start: i, end: i + 1 + name.length });
      i += 1 + name.length;
    } else if (c === '{') {
      let depth = 1;
      let j = i + 1;
      for (; j < end && depth > 0; j++) {
        if (tex[j] === '\\') j++;
        else if (tex[j] === '{') depth++;
        else if (tex[j] === '}') depth--;
      }
      items.push({ kind: 'group', text: '', start: i, end: j, children: parse(tex, i + 1, j - 1) });
      i = j;
    } else {
      items.push({ kind: /\s/.test(c) ? 'space' : 'char', text: c, start: i, end: i + 1 });
      i++;
    }
  }
  return items;
}

const SIZED = new Set(['bigl', 'Bigl', 'biggl', 'bigr', 'Bigr', 'biggr']);
const OPEN = new Set(['(', '[']);
const CLOSE = new Set([')', ']']);
const NOT_BRACKETS_AFTER = new Set(['left', 'right', 'middle', 'sqrt']);

/** If a bracket opens or closes at item `k`, its kind and how many items it takes (`\bigl(` is two). */
function bracketAt(items: readonly Item[], k: number): { open: boolean; size: number } | undefined {
  const item = items[k];
  if (!item) return undefined;
  const [delim, size] = item.kind === 'cmd' && SIZED.has(item.text) ? [items[k + 1], 2] : [item, 1];
  if (delim?.kind !== 'char') return undefined;
  if (OPEN.has(delim.text)) return { open: true, size };
  if (CLOSE.has(delim.text)) return { open: false, size };
  return undefined;
}

/** Binary operators and relations a line may break after, as KaTeX sets them. */
const BIN_CHARS = new Set(['+', '-', '*']);
const REL_CHARS = new Set(['=', '<', '>']);
const BIN_CMDS = new Set(['cdot', 'times', 'pm', 'mp', 'div']);
const REL_CMDS = new Set(['approx', 'ne', 'neq', 'le', 'leq', 'ge', 'geq', 'to', 'rightarrow', 'longrightarrow', 'xrightarrow', 'equiv', 'sim']);

/** Whether an item is an operator after which a line may break. */
function isBreakOperator(item: Item): boolean {
  return item.kind === 'char' ? BIN_CHARS.has(item.text) || REL_CHARS.has(item.text) : item.kind === 'cmd' && (BIN_CMDS.has(item.text) || REL_CMDS.has(item.text));
}

/** A bracketed sum wider than this (em) may break between its terms; narrower ones never break. */
export const BREAKABLE_BRACKET_EM = 14;

/** The bracket pairs of one level: the first and last item of each (closing scripts included). */
function bracketPairs(items: readonly Item[]): [number, number][] {
  const pairs: [number, number][] = [];
  const open: number[] = [];
  for (let k = 0; k < items.length; k++) {
    const b = bracketAt(items, k);
    // \left( … \right) is one unit already; \sqrt[3] is an argument, not a bracket.
    const before = items[k - 1];
    if (!b || (before?.kind === 'cmd' && NOT_BRACKETS_AFTER.has(before.text))) continue;
    if (b.open) open.push(k);
    else {
      const from = open.pop();
      let to = k + b.size - 1;
      // A power or index on the closing bracket belongs to the group: (t1 − a)².
      while (items[to + 1]?.kind === 'char' && /[\^_]/.test(items[to + 1]?.text ?? '')) to += 2;
      if (from !== undefined) pairs.push([from, Math.min(to, items.length - 1)]);
    }
    k += b.size - 1;
  }
  return pairs;
}

/** Whether the items hold a + or − between terms at their own level. */
function holdsSum(items: readonly Item[]): boolean {
  return items.some((item, k) => item.kind === 'char' && /[+-]/.test(item.text) && items.slice(0, k).some((x) => x.kind !== 'space'));
}

/** Rewrites one level: braces around unbreakable bracket groups, groups and long brackets rewritten inside. */
function rewrite(tex: string, items: readonly Item[]): string {
  const pairs = bracketPairs(items);
  let out = '';
  let k = 0;
  while (k < items.length) {
    const item = items[k] as Item;
    const pair = pairs.find(([from]) => from === k);
    if (pair) {
      const [from, to] = pair;
      const inner = items.slice(from, to + 1);
      const long = holdsSum(inner.slice(bracketAt(items, from)?.size ?? 1)) && estimateItems(inner, 1) > BREAKABLE_BRACKET_EM;
      const body = rewriteBracket(tex, inner, items, from, long);
      // After a sum that breaks, the factors that follow may start the next line too.
      const next = items.slice(to + 1).find((x) => x.kind !== 'space' && !(x.kind === 'cmd' && x.text in WIDTH));
      out += long ? body + (next && !isBreakOperator(next) ? '\\allowbreak ' : '') : `{${body}}`;
      k = to + 1;
    } else {
      out += item.kind === 'group' ? `{${rewrite(tex, item.children ?? [])}}` : tex.slice(item.start, item.end);
      k++;
    }
  }
  return out;
}

/** Each term of a sum (split after its + and −) as one unbreakable group: a line breaks only between terms. */
function termsApart(tex: string, items: readonly Item[]): string {
  const terms: Item[][] = [[]];
  let depth = 0;
  for (const [k, item] of items.entries()) {
    const b = bracketAt(items, k);
    if (b && item.kind === 'char') depth += b.open ? 1 : -1;
    const sign = depth === 0 && item.kind === 'char' && /[+-]/.test(item.text) && items.slice(0, k).some((x) => x.kind !== 'space');
    if (sign) terms.push([item], []);
    else terms.at(-1)?.push(item);
  }
  return terms.map((t) => (t.length === 1 && t[0]?.kind === 'char' && /[+-]/.test(t[0].text) ? tex.slice(t[0].start, t[0].end) : `{${rewrite(tex, t)}}`)).join('');
}

/** A bracket's own items rewritten: its delimiters as written, what is between them one level deeper (term by term if it may break). */
function rewriteBracket(tex: string, inner: readonly Item[], level: readonly Item[], from: number, long: boolean): string {
  const openSize = bracketAt(level, from)?.size ?? 1;
  let closeAt = inner.length - 1;
  while (closeAt > 0 && !bracketAt(inner, closeAt)) closeAt--;
  // \bigr) spans two items: step back to the command.
  if (closeAt > 0 && inner[closeAt - 1]?.kind === 'cmd' && SIZED.has(inner[closeAt - 1]?.text ?? '')) closeAt--;
  const head = inner.slice(0, openSize);
  const middle = inner.slice(openSize, closeAt);
  const tail = inner.slice(closeAt);
  const raw = (list: readonly Item[]) => list.map((x) => tex.slice(x.start, x.end)).join('');
  return raw(head) + (long ? termsApart(tex, middle) : rewrite(tex, middle)) + raw(tail);
}

/**
 * The same TeX with every bracketed group made unbreakable (wrapped in braces, which KaTeX sets as
 * one unit), except a bracketed sum wider than BREAKABLE_BRACKET_EM, which may still break after
 * the + or − between its terms. Brackets nested in it are grouped in turn.
 */
export function groupBrackets(tex: string): string {
  return rewrite(tex, parse(tex));
}

/** TeX's math styles: display, text, script, scriptscript, and their sizes. */
type Style = 0 | 1 | 2 | 3;
const SCALE = [1, 1, 0.7, 0.5] as const;
const smaller = (s: Style): Style => (s < 2 ? 2 : 3);

/** Rough widths in em of what KaTeX draws. */
const WIDTH: Readonly<Record<string, number>> = { partial: 0.56, eta: 0.5, sigma: 0.57, quad: 1, qquad: 2, ',': 0.17, ';': 0.28, ':': 0.22, '!': -0.17, ' ': 0.33, dots: 1.2, ldots: 1.2, cdots: 1.2 };

/** The width of items in `style`, in em of the surrounding text. */
function estimateItems(items: readonly Item[], style: Style): number {
  let em = 0;
  const scale = SCALE[style];
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as Item;
    const arg = (n: number) => items[k + n];
    const sub = (x: Item | undefined, s: Style) => (x ? (x.kind === 'group' ? estimateItems(x.children ?? [], s) : estimateItems([x], s)) : 0);
    if (item.kind === 'space') continue;
    if (item.kind === 'group') em += estimateItems(item.children ?? [], style);
    else if (item.kind === 'char') {
      if (item.text === '^' || item.text === '_') {
        em += sub(arg(1), smaller(style));
        k++;
      } else if (BIN_CHARS.has(item.text) || REL_CHARS.has(item.text)) em += (0.78 + (style < 2 ? 0.5 : 0)) * scale;
      else em += (/[()[\].,;|'!]/.test(item.text) ? 0.35 : 0.55) * scale;
    } else if (/^[dt]?frac$/.test(item.text)) {
      const inner: Style = item.text === 'tfrac' || style > 0 ? smaller(style) : 1;
      em += Math.max(sub(arg(1), inner), sub(arg(2), inner)) + 0.25 * scale;
      k += 2;
    } else if (/^(math[a-z]+|text|operatorname|boxed|mathord)$/.test(item.text)) {
      em += sub(arg(1), style) + (item.text === 'boxed' ? 0.7 * scale : 0);
      k++;
    } else if (item.text === 'displaystyle') {
      return em + estimateItems(items.slice(k + 1), 0);
    } else if (item.text === 'xrightarrow') {
      em += Math.max(2, sub(arg(1), 2) + 1) * scale;
      k++;
    } else if (BIN_CMDS.has(item.text) || REL_CMDS.has(item.text)) em += ((item.text === 'cdot' ? 0.28 : 0.9) + (style < 2 ? 0.5 : 0)) * scale;
    else if (SIZED.has(item.text) || /^(left|right|big|Big)$/.test(item.text)) em += 0.1 * scale;
    else em += (WIDTH[item.text] ?? 0.6) * scale;
  }
  return em;
}

/** A rough width of `tex` as KaTeX sets it in display style, in em; good to a tenth or so. */
export function estimateEm(tex: string): number {
  return estimateItems(parse(tex), 0);
}

/** The widest part of `tex` between the places a line may break at its outer level, in em (display style). */
export function widestUnbreakableEm(tex: string): number {
  const items = parse(groupBrackets(tex));
  let widest = 0;
  let from = 0;
  for (let k = 0; k <= items.length; k++) {
    const item = items[k];
    if (item && !isBreakOperator(item)) continue;
    widest = Math.max(widest, estimateItems(items.slice(from, k + 1), 0));
    from = k + 1;
  }
  return widest;
}

/**
 * The formulas of a list set apart by `\qquad` at the outer level ("h_1 = …, \qquad h_2 = …"), each
 * with the punctuation before its gap; one piece when there is no such gap.
 */
export function listPieces(tex: string): string[] {
  const items = parse(tex);
  const pieces: string[] = [];
  let from = 0;
  for (const item of items) {
    if (item.kind !== 'cmd' || item.text !== 'qquad') continue;
    pieces.push(tex.slice(from, item.start).trim());
    from = item.end;
  }
  pieces.push(tex.slice(from).trim());
  return pieces.filter(Boolean);
}
