/**
 * The stylesheets' shape where it costs the reader a frame: a `:has()` on the page's root or body
 * makes every text the page script writes, anywhere, a check of that element's style: Chromium
 * invalidates it on each write, which was most of the style work of a drag's move on 1.4 and /all/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './support/source-scan';

const root = join(import.meta.dirname, '..');

/** The selectors of a stylesheet, comments left out, with the line each starts on. */
function selectors(css: string): { selector: string; line: number }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const found: { selector: string; line: number }[] = [];
  for (const m of text.matchAll(/([^{};]+)\{/g)) {
    const prelude = (m[1] ?? '').trim();
    if (prelude.startsWith('@')) continue;
    const line = text.slice(0, m.index + (m[0].length - m[0].trimStart().length)).split('\n').length;
    for (const selector of prelude.split(',')) found.push({ selector: selector.trim(), line });
  }
  return found;
}

/** Whether a selector puts `:has()` on the root or the body, alone or with classes and attributes. */
const HAS_ON_PAGE = /(^|[\s>+~(])(html|body|:root)((\.|#)[\w-]+|\[[^\]]*\]|:(?!has\()[\w-]+)*:has\(/;

describe('stylesheets', () => {
  const files = sourceFiles(root, 'src', ['.css']);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('the test tells a :has() on the page from one on a part of it', () => {
    const flagged = (css: string) => selectors(css).filter((s) => HAS_ON_PAGE.test(s.selector)).map((s) => s.selector);
    expect(flagged('body:has(> .a .b) { x: 1 }\nhtml.dark:has(.c) { x: 1 }\n:root:has(.d), .e { x: 1 }')).toEqual([
      'body:has(> .a .b)',
      'html.dark:has(.c)',
      ':root:has(.d)',
    ]);
    expect(flagged('/* body:has(.a) */ .note:has(.b) { x: 1 }\n.body:has(.c) { x: 1 }\nbody .f:has(+ .g) { x: 1 }')).toEqual([]);
  });

  it('put no :has() on the page root or the body', () => {
    const found = files.flatMap((file) =>
      selectors(readFileSync(join(root, file), 'utf8'))
        .filter((s) => HAS_ON_PAGE.test(s.selector))
        .map((s) => `${file}:${s.line}: ${s.selector}`),
    );
    expect(found).toEqual([]);
  });
});
