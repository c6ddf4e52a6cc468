// @ts-check
/**
 * Adds a visible "link to this heading" anchor after every h2–h4 that has an id.
 * The page script keeps each anchor's href carrying the reader's parameters and
 * copies the full address when it is clicked.
 */
export function rehypeHeadingLinks() {
  /** @param {any} tree */
  return (tree) => {
    /** @param {any} node */
    const visit = (node) => {
      if (node.type === 'element' && /^h[2-4]$/.test(node.tagName) && node.properties?.id) {
        const id = String(node.properties.id);
        node.children.push({
          type: 'element',
          tagName: 'a',
          properties: { href: `#${id}`, className: ['deep-link'], dataDeepLink: id, ariaLabel: 'Link to this section with the current values' },
          children: [{ type: 'text', value: '#' }],
        });
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
