/**
 * No function in src/ is longer than 80 lines, components included: a figure keeps its drawing in
 * small components and its logic in hooks or src/lib/figures, where each part can be read (and
 * tested) alone.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { lineOf, parse, read, sourceFiles, walk } from './support/source-scan';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAX_LINES = 80;

/** Every function, arrow function and method in a source longer than `max` lines, as `file:line name (n lines)`. */
function longFunctions(file: string, text: string, max: number): string[] {
  const source = parse(file, text);
  const found: string[] = [];
  walk(source, (node) => {
    if (!ts.isFunctionLike(node) || !('body' in node) || !node.body) return;
    const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line + 2 - lineOf(source, node);
    if (lines > max) found.push(`${file}:${lineOf(source, node)} ${nameOf(node, source)} (${lines} lines)`);
  });
  return found;
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.getText(source);
  if (ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent)) return node.parent.name.getText(source);
  return '(anonymous)';
}

describe('function length', () => {
  test(`no function in src/ is over ${MAX_LINES} lines`, () => {
    const files = sourceFiles(ROOT, 'src', ['.ts', '.tsx']);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => longFunctions(f, read(ROOT, f), MAX_LINES))).toEqual([]);
  }, 60_000);

  test('functions, arrow functions and methods are measured from their first line to their last', () => {
    const body = (n: number): string => Array.from({ length: n - 2 }, () => '  x++;').join('\n');
    const code = [
      `function long() {\n${body(81)}\n}`,
      `function fits() {\n${body(80)}\n}`,
      `const arrow = () => {\n${body(81)}\n};`,
      `class C {\n  method() {\n${body(81)}\n  }\n}`,
      `export default function Component() {\n  return (\n    <div>\n${body(78)}\n    </div>\n  );\n}`,
    ].join('\n');
    expect(longFunctions('x.tsx', code, 80).map((f) => f.replace(/^x\.tsx:\d+ /, ''))).toEqual([
      'long (81 lines)',
      'arrow (81 lines)',
      'method (81 lines)',
      'Component (82 lines)',
    ]);
  });
});
