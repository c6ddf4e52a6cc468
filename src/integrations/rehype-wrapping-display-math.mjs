// @ts-check
/**
 * Prepares math for narrow screens before rehype-katex typesets it:
 * - display math (`$$…$$`) becomes inline math set in display style, inside a centred block:
 *   KaTeX's display mode never breaks a line, inline math breaks after `=`, `+` and `−` like text;
 * - brackets become unbreakable groups (src/lib/math-breaks.ts), so no line breaks inside
 *   "(1 − a)", while a bracketed sum too wide for a phone's line still breaks between its terms;
 * - a list of short formulas set apart by `\qquad` breaks only between them, each kept on one line;
 * - aligned rows (`\begin{aligned}`) cannot break: they keep display mode and, when their widest
 *   row is too wide for a phone, also get a copy as rows that break, which the stylesheet shows
 *   in a narrow column instead;
 * - inline math in prose never breaks, and keeps the punctuation after it on its line.
 * A block that may still be too wide scrolls sideways with a visible cue (site.css), and takes
 * focus with a name, so keyboard users can scroll it too.
 */
import { estimateEm, groupBrackets, listPieces, widestUnbreakableEm } from '../lib/math-breaks.ts';

/** A part of a formula wider than this (em) may not fit a small phone's column: its block takes focus. */
const MAY_OVERFLOW_EM = 15;
/** Aligned rows wider than this (em) get a copy that breaks, for narrow columns. */
const NARROW_COPY_EM = 20;
/** A formula of a list no wider than this (em) fits a small phone's line, so it is kept on one. */
const LIST_PIECE_EM = 12;

/** @param {string} tag @param {Record<string, unknown>} properties @param {any[]} children */
const element = (tag, properties, children) => ({ type: 'element', tagName: tag, properties, children });
/** @param {string} tex */
const inlineMath = (tex) => element('span', { className: ['math-inline'] }, [{ type: 'text', value: tex }]);

export function rehypeWrappingDisplayMath() {
  /** @param {any} tree */
  return (tree) => {
    /** @param {any} node */
    const visit = (node) => {
      const children = node.children ?? [];
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        const code = child.type === 'element' && child.tagName === 'pre' ? child.children?.find((/** @type {any} */ c) => c.tagName === 'code') : undefined;
        const classes = code?.properties?.className ?? [];
        if (code && classes.includes('language-math')) {
          const tex = code.children.map((/** @type {any} */ t) => t.value ?? '').join('').trim();
          children[i] = /\\\\|\\begin\{/.test(tex) ? alignedBlock(tex) : displayBlock(tex);
        } else if (isInlineMath(child)) {
          for (const t of child.children ?? []) if (t.type === 'text') t.value = groupBrackets(t.value);
          children[i] = keepTogether(child, children, i);
        } else {
          visit(child);
        }
      }
    };
    visit(tree);
  };
}

/** @param {any} node */
function isInlineMath(node) {
  const classes = node?.type === 'element' ? (node.properties?.className ?? []) : [];
  return classes.includes('math-inline') && node.tagName === 'code';
}

/**
 * Inline math with the punctuation that follows it (taken from the next text node), in a span
 * that never breaks: no line starts with ", and" after a formula.
 * @param {any} math @param {any[]} siblings @param {number} i
 */
function keepTogether(math, siblings, i) {
  const next = siblings[i + 1];
  const punctuation = next?.type === 'text' ? (/^[,.;:!?)]+/.exec(next.value)?.[0] ?? '') : '';
  if (punctuation) next.value = next.value.slice(punctuation.length);
  return element('span', { className: ['math-nobreak'] }, punctuation ? [math, { type: 'text', value: punctuation }] : [math]);
}

/**
 * One display formula, set inline in display style so that it breaks.
 * @param {string} tex
 */
function displayBlock(tex) {
  // A list of short formulas ("h_1 = …, \qquad h_2 = …") breaks between them, never inside one.
  const pieces = listPieces(tex);
  if (pieces.length > 1 && pieces.every((piece) => estimateEm(piece) <= LIST_PIECE_EM)) {
    return element('div', { className: ['math-block', 'math-list'] }, pieces.map((piece) => element('span', { className: ['math-piece'] }, [inlineMath(`\\displaystyle ${groupBrackets(piece)}`)])));
  }
  const focus = widestUnbreakableEm(tex) > MAY_OVERFLOW_EM ? { tabIndex: 0, role: 'group', ariaLabel: 'Equation (scroll sideways if cut off)' } : {};
  return element('div', { className: ['math-block'], ...focus }, [inlineMath(`\\displaystyle ${groupBrackets(tex)}`)]);
}

/**
 * Aligned rows in display mode (they cannot break), scrolling sideways when too wide; rows too
 * wide for a phone also come as a copy of one breaking formula per row, for narrow columns.
 * @param {string} tex
 */
function alignedBlock(tex) {
  const rows = tex
    .replace(/\\begin\{aligned\}|\\end\{aligned\}/g, '')
    .split('\\\\')
    .map((row) => row.replace(/&/g, '').trim())
    .filter(Boolean);
  const narrow = Math.max(...rows.map(estimateEm)) > NARROW_COPY_EM;
  const display = element('span', { className: ['math-display'] }, [{ type: 'text', value: groupBrackets(tex) }]);
  return element('div', { className: ['math-block', 'math-scroll', ...(narrow ? ['math-aligned'] : [])], tabIndex: 0, role: 'group', ariaLabel: 'Equations (scroll sideways if cut off)' }, narrow
    ? [
        element('div', { className: ['math-wide'] }, [display]),
        element('div', { className: ['math-narrow'] }, rows.map((row) => element('div', { className: ['math-row'] }, [inlineMath(`\\displaystyle ${groupBrackets(row)}`)]))),
      ]
    : [display]);
}
