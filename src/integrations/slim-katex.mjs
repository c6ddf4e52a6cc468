// @ts-check
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * KaTeX with fewer elements and the same look. KaTeX's HTML builds every sub- and superscript and
 * fraction as a small table, with parts that draw nothing in Chromium, Firefox or Safari today, and
 * its MathML carries the TeX source as an annotation that no reader is shown. Each rule below removes
 * only what changes neither a pixel (screenshots of every page at 390 and 1280 px compared pixel for
 * pixel) nor what assistive technology reads:
 *
 * - the 2 px `vlist-s` cell of a table, with the -2 px margin (`vlist-t2`) that cancels it;
 * - the empty span in a table's depth row, whose cell has its height of its own;
 * - the `msupsub` span around a sub-/superscript's table: its class (text-align) moves onto the table;
 * - a `mord` span holding only the text of a `sizing` span, which holds nothing else;
 * - in MathML, the TeX annotation and the `semantics` element left holding a single child.
 *
 * Runs on the built pages (`slimKatex()`, after the build), so every typeset equation, whoever
 * wrote it (Markdown math, `<Eq>`, the mistake notes), gets the same treatment; the rest of a page
 * is left byte for byte as it was.
 */

/** A parsed element: its raw opening tag, tag name and children (elements or raw text). */
/** @typedef {{ open: string, name: string, children: Node[], close: string }} Element */
/** @typedef {Element | string} Node */

const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

/**
 * Parses a fragment of machine-written markup (KaTeX's): elements with explicit end tags, text between.
 * @param {string} html
 * @returns {Node[]}
 */
function parse(html) {
  /** @type {Element} */
  const root = { open: '', name: '', children: [], close: '' };
  const stack = [root];
  let at = 0;
  for (const m of html.matchAll(TAG)) {
    const top = /** @type {Element} */ (stack[stack.length - 1]);
    const index = m.index ?? 0;
    if (index > at) top.children.push(html.slice(at, index));
    at = index + m[0].length;
    const [tag, closing, name = '', selfClosing] = m;
    if (closing) {
      if (top.name !== name) throw new Error(`unbalanced </${name}> in typeset math`);
      top.close = tag;
      stack.pop();
    } else {
      /** @type {Element} */
      const el = { open: tag, name, children: [], close: '' };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    }
  }
  if (at < html.length) root.children.push(html.slice(at));
  if (stack.length !== 1) throw new Error('unclosed element in typeset math');
  return root.children;
}

/** @param {Node[]} nodes @returns {string} */
function serialise(nodes) {
  return nodes.map((n) => (typeof n === 'string' ? n : `${n.open}${serialise(n.children)}${n.close}`)).join('');
}

/** The class tokens of an element whose only attribute is `class`, or undefined. @param {Node | undefined} n */
function onlyClasses(n) {
  if (!n || typeof n === 'string') return undefined;
  const m = /^<span class="([^"]*)">$/.exec(n.open);
  return m ? (m[1] ?? '').split(' ') : undefined;
}

/** @param {Node | undefined} n @param {string} token */
const hasClass = (n, token) => !!n && typeof n !== 'string' && (/\sclass="([^"]*)"/.exec(n.open)?.[1] ?? '').split(' ').includes(token);

/** @param {Element} el @param {string[]} classes */
function withClasses(el, classes) {
  return { ...el, open: el.open.replace(/\sclass="[^"]*"/, ` class="${classes.join(' ')}"`) };
}

/**
 * The HTML rules, applied to one element's children (depth first).
 * @param {Element} parent
 * @returns {Node[]}
 */
function slimChildren(parent) {
  /** @type {Node[]} */
  const out = [];
  for (const child of parent.children) {
    if (typeof child === 'string') {
      out.push(child);
      continue;
    }
    const el = { ...child, children: slimChildren(child) };
    const classes = onlyClasses(el);
    // A table's 2 px cell (see vlist-t2 below).
    if (classes?.join(' ') === 'vlist-s' && el.children.join('') === '\u200b') continue;
    // The empty span of a depth row: its cell keeps its height by its own style.
    if (el.open === '<span>' && el.children.length === 0 && hasClass(parent, 'vlist') && parent.children.length === 1) continue;
    // The -2 px margin that cancelled the 2 px cell, once the cell is gone.
    if (onlyClasses(el)?.includes('vlist-t2') && !serialise(el.children).includes('class="vlist-s"')) {
      out.push(withClasses(el, (classes ?? []).filter((c) => c !== 'vlist-t2')));
      continue;
    }
    // msupsub around its table: the class (text-align: left, inherited by the cells) moves onto the table.
    const only = el.children.length === 1 ? el.children[0] : undefined;
    if (classes?.join(' ') === 'msupsub' && only && typeof only !== 'string' && onlyClasses(only)?.includes('vlist-t')) {
      out.push(withClasses(only, [...(onlyClasses(only) ?? []), 'msupsub']));
      continue;
    }
    // A sizing span's only child, a plain mord holding text: the text goes straight into the sizing span.
    const inner = onlyClasses(only)?.join(' ');
    if (hasClass(el, 'sizing') && only && typeof only !== 'string' && (inner === 'mord' || inner === 'mord mtight') && only.children.every((c) => typeof c === 'string')) {
      out.push({ ...el, children: only.children });
      continue;
    }
    out.push(el);
  }
  return out;
}

/**
 * One equation's visual HTML (the inside of `.katex-html`), slimmed.
 * @param {string} html
 */
export function slimKatexHtml(html) {
  return serialise(slimChildren({ open: '', name: '', children: parse(html), close: '' }));
}

/**
 * One equation's MathML (a whole `<math>` element), slimmed: no TeX annotation, no `semantics` around a single child.
 * @param {string} math
 */
export function slimMathml(math) {
  const [el] = parse(math.replace(/<annotation encoding="application\/x-tex">[^<]*<\/annotation>/g, ''));
  if (!el || typeof el === 'string' || el.name !== 'math') return math;
  const semantics = el.children.length === 1 ? el.children[0] : undefined;
  if (semantics && typeof semantics !== 'string' && semantics.name === 'semantics') {
    const kids = semantics.children.filter((c) => typeof c !== 'string');
    if (kids.length === 1 && semantics.children.length === 1) return serialise([{ ...el, children: semantics.children }]);
  }
  return serialise([el]);
}

const KATEX_HTML_OPEN = '<span class="katex-html" aria-hidden="true">';
const KATEX_MATHML_OPEN = '<span class="katex-mathml">';

/**
 * The end of the element that starts at `from` (its tag `name`), counting nested elements of that name.
 * @param {string} page @param {number} from @param {string} name
 */
function endOf(page, from, name) {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'g');
  tags.lastIndex = from;
  let depth = 0;
  for (let m = tags.exec(page); m; m = tags.exec(page)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error(`no end to the <${name}> at ${from}`);
}

/**
 * A built page with every equation slimmed (its visual HTML and its MathML); the rest as it was.
 * @param {string} page
 */
export function slimPage(page) {
  let out = '';
  let at = 0;
  const starts = /<span class="katex-html" aria-hidden="true">|<span class="katex-mathml"><math\b/g;
  for (let m = starts.exec(page); m; m = starts.exec(page)) {
    const mathml = m[0] !== KATEX_HTML_OPEN;
    const from = mathml ? m.index + KATEX_MATHML_OPEN.length : m.index;
    const end = endOf(page, from, mathml ? 'math' : 'span');
    const whole = page.slice(from, end);
    out += page.slice(at, from);
    out += mathml ? slimMathml(whole) : `${KATEX_HTML_OPEN}${slimKatexHtml(whole.slice(KATEX_HTML_OPEN.length, -'</span>'.length))}</span>`;
    at = end;
    starts.lastIndex = end;
  }
  return out + page.slice(at);
}

/**
 * Slims the typeset math of every built page (see the top of this file).
 * @returns {import('astro').AstroIntegration}
 */
export function slimKatex() {
  return {
    name: 'slim-katex',
    hooks: {
      'astro:build:done': async ({ dir, pages }) => {
        for (const { pathname } of pages) {
          const file = fileURLToPath(new URL(`${pathname.replace(/\/?$/, '/')}index.html`, dir));
          const page = await readFile(file, 'utf8').catch(() => undefined);
          if (page?.includes(KATEX_HTML_OPEN)) await writeFile(file, slimPage(page));
        }
      },
    },
  };
}
