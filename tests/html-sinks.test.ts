/**
 * No source file writes HTML from a string, except the allow-listed build-time KaTeX output (in pages
 * and, fetched from this origin, in explanations) and the build-time inline scripts (issue 4, item 6).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

/**
 * Places where source code may turn a string into HTML, each with the reason
 * it is safe. The test fails on any other place, and on an entry that no
 * longer matches (so this list cannot go stale).
 */
const HTML_SINK_ALLOWED: readonly { file: string; line: RegExp; reason: string }[] = [
  {
    file: 'src/components/Eq.astro',
    line: /set:html=\{html\}/,
    reason:
      'Build time only: the HTML is KaTeX output for TeX written in the content, with numbers from the math module for the article’s values, escaped by live-tex.ts; no reader input exists at build time.',
  },
  {
    file: 'src/components/ThemeBoot.astro',
    line: /<script is:inline set:html=\{code\} \/>/,
    reason:
      'Build time only: the text of our own src/scripts/theme-boot.js, minified; no reader input exists at build time, and the CSP allows exactly this text by its hash.',
  },
  {
    file: 'src/components/EmbedBoot.astro',
    line: /<script is:inline set:html=\{code\} \/>/,
    reason:
      'Build time only: the text of our own src/scripts/embed-boot.js, bundled with lib/embed/range.ts and minified, with the height message\'s type written in; no reader input exists at build time, and the CSP allows exactly this text by its hash.',
  },
  {
    file: 'src/layouts/Page.astro',
    line: /<script is:inline set:html=\{writeAddress\} \/>/,
    reason:
      'Build time only: a constant line of our own code that writes the page\'s address from `location` (through textContent); no reader input exists at build time, and the CSP allows exactly this text by its hash.',
  },
  {
    file: 'src/components/Exercise.astro',
    line: /set:html=\{texWordsHtml\(exercise\.question, texMathml\)\}/,
    reason: 'Build time only: an exercise\'s question from the exercise list, its words escaped and its symbols typeset by KaTeX (lib/practice/tex-words.ts); no reader input exists at build time.',
  },
  {
    file: 'src/components/ExerciseMarks.astro',
    line: /<style is:inline set:html=\{css\} \/>/,
    reason: 'Build time only: the marks of solved exercises, written from the exercise list; no reader input, and the CSP allows exactly this text by its hash.',
  },
  {
    file: 'src/scripts/exercise/Block.tsx',
    line: /dangerouslySetInnerHTML=\{\{ __html: (texHtml\(tex\)|html|texWordsHtml\(verdict\.message\)) \}\}/,
    reason: 'KaTeX output (trust off, so no links or HTML from TeX) for TeX the exercise code writes from the dealt numbers, and words escaped by texWordsHtml; a verdict\'s message never repeats what the student typed, and the seed only picks numbers.',
  },
  {
    file: 'src/layouts/Embed.astro',
    line: /<Fragment set:html=\{cut\} \/>/,
    reason:
      'Build time only: the section\'s own content as Astro rendered it, cut to a run of steps by lib/embed/steps-view.ts (whole top-level elements kept or left out, nothing rewritten); no reader input exists at build time.',
  },
  {
    file: 'src/scripts/explain/markup.ts',
    line: /parser\.parseFromString\(html, 'text\/html'\)/,
    reason:
      'The same build-time KaTeX output, for the explanations: typeset from the registry when the site is built (src/pages/explanations.json.ts) and fetched from this origin; parsed inert (no script runs) and then given numbers through textContent only. Reader input never reaches it.',
  },
];

const HTML_SINK = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|createContextualFragment|parseFromString|setHTMLUnsafe|srcdoc)\b|set:html|document\.write|\beval\s*\(|new\s+Function\s*\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|jsx|astro|mdx|md)$/.test(entry.name) ? [full] : [];
  });
}

it('no source file turns a string into HTML except the allow-listed build-time one', () => {
  const root = process.cwd();
  const found: string[] = [];
  const used = new Set<number>();
  for (const file of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'content'))]) {
    const rel = relative(root, file).split('\\').join('/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (!HTML_SINK.test(text)) return;
        // Comments that merely mention a sink are not sinks.
        if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
        const allowed = HTML_SINK_ALLOWED.findIndex((a) => a.file === rel && a.line.test(text));
        if (allowed >= 0) used.add(allowed);
        else found.push(`${rel}:${index + 1}: ${text.trim()}`);
      });
  }
  expect(found, 'HTML sinks outside the allow-list').toEqual([]);
  const stale = HTML_SINK_ALLOWED.filter((_, i) => !used.has(i)).map((a) => a.file);
  expect(stale, 'allow-list entries that no longer match anything').toEqual([]);
});
