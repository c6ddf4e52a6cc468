/**
 * Reading the site's sources as code, not as text: comments never count, and each finding names
 * its file and line. Used by the tests that hold the code's shape (one owner of the DOM contract,
 * no long functions).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Every file under `dir` whose name ends with one of `extensions`, as paths relative to `root`. */
export function sourceFiles(root: string, dir: string, extensions: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (extensions.some((e) => entry.name.endsWith(e))) found.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return found.sort();
}

/** A TypeScript (or TSX) source parsed for walking. */
export function parse(file: string, text: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') || file.endsWith('.jsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

/** Visits every node of a parsed source. */
export function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** The 1-based line a node starts on. */
export function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** The code of an .astro file: its frontmatter and scripts as TypeScript, its markup with comments removed. */
export function astroParts(text: string): { code: string; markup: string } {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const rest = front ? text.slice(front[0].length) : text;
  const scripts = [...rest.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  const markup = rest
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  return { code: [front?.[1] ?? '', ...scripts].join('\n'), markup };
}

export function read(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}
