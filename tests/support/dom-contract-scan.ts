/**
 * Where a source reads or writes a number's `data-q` or `data-value` itself rather than through
 * src/lib/dom-contract/: the attribute's name in a string, a template, a regular expression or
 * JSX, or `dataset.q` / `dataset.value`. Comments do not count.
 */
import ts from 'typescript';
import { astroParts, lineOf, parse, walk } from './source-scan';

/** `data-q` or `data-value` as a whole attribute name (not `data-quiz`, not `data-values`). */
const CONTRACT_ATTRIBUTE = /data-(?:q|value)(?![\w-])/;
const DATASET_KEYS = new Set(['q', 'value']);

/** What a TypeScript source does with the attributes itself, as `file:line what`. */
export function codeUses(file: string, text: string, lineOffset = 0): string[] {
  const source = parse(file, text);
  const found: string[] = [];
  const at = (node: ts.Node, what: string): void => void found.push(`${file}:${lineOf(source, node) + lineOffset} ${what}`);
  walk(source, (node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node) || ts.isJsxText(node)) {
      if (CONTRACT_ATTRIBUTE.test(node.getText(source))) at(node, node.getText(source));
    } else if (ts.isJsxAttribute(node) && CONTRACT_ATTRIBUTE.test(node.name.getText(source))) {
      at(node, node.name.getText(source));
    } else if (ts.isPropertyAccessExpression(node) && DATASET_KEYS.has(node.name.text) && /\bdataset$/.test(node.expression.getText(source))) {
      at(node, node.getText(source));
    } else if (
      ts.isElementAccessExpression(node) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      DATASET_KEYS.has(node.argumentExpression.text) &&
      /\bdataset$/.test(node.expression.getText(source))
    ) {
      at(node, node.getText(source));
    }
  });
  return found;
}

/** The same for any source of the site: TypeScript, JavaScript or an .astro component. */
export function contractUses(file: string, text: string): string[] {
  if (!file.endsWith('.astro')) return codeUses(file, text);
  const { code, markup } = astroParts(text);
  const inMarkup = markup
    .split('\n')
    .filter((line) => CONTRACT_ATTRIBUTE.test(line))
    .map((line) => `${file} markup ${line.trim()}`);
  return [...codeUses(`${file}.ts`, code), ...inMarkup];
}
