// @ts-check
/**
 * Turns display math (`$$…$$`) into inline math set in display style, inside a
 * centred block. KaTeX's display mode never breaks a line, so a long equation
 * would make a phone-width page scroll sideways; inline math breaks after
 * `=` and `+` like text. Runs before rehype-katex.
 */
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
          const tex = code.children.map((/** @type {any} */ t) => t.value ?? '').join('');
          children[i] = /\\\\|\\begin\{/.test(tex) ? scrollingBlock(tex) : {
            type: 'element',
            tagName: 'div',
            properties: { className: ['math-block'] },
            children: [
              {
                type: 'element',
                tagName: 'span',
                properties: { className: ['math-inline'] },
                children: [{ type: 'text', value: `\\displaystyle ${tex.trim()}` }],
              },
            ],
          };
        } else {
          visit(child);
        }
      }
    };
    visit(tree);
  };
}

/**
 * Rows of aligned equations cannot break, so they keep display mode and scroll
 * sideways when too wide; the box takes focus so keyboard users can scroll it too.
 * @param {string} tex
 */
function scrollingBlock(tex) {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['math-block', 'math-scroll'], tabIndex: 0, role: 'group', ariaLabel: 'Equations (scroll sideways if cut off)' },
    children: [{ type: 'element', tagName: 'span', properties: { className: ['math-display'] }, children: [{ type: 'text', value: tex.trim() }] }],
  };
}
