/**
 * One owner of the DOM contract: src/lib/dom-contract/ alone reads and writes a number's `data-q`
 * and `data-value`; every other source goes through it. Stylesheets may select on them.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { contractUses } from './support/dom-contract-scan';
import { read, sourceFiles } from './support/source-scan';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OWNER = 'src/lib/dom-contract/';

describe('the DOM contract has one owner', () => {
  test(`no source in src/ but ${OWNER} names data-q or data-value`, () => {
    const files = sourceFiles(ROOT, 'src', ['.ts', '.tsx', '.mjs', '.js', '.astro']).filter((f) => !f.startsWith(OWNER));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => contractUses(f, read(ROOT, f)))).toEqual([]);
  }, 60_000);

  test('the owner itself is found by the scan', () => {
    const core = `${OWNER}core.ts`;
    expect(contractUses(core, read(ROOT, core)).length).toBeGreaterThan(0);
  });

  test('the scan finds each way of reading or writing, and not comments or longer names', () => {
    const code = [
      "el.getAttribute('data-q');",
      'el.dataset["value"] = raw;',
      'const n = el.dataset.q;',
      'document.querySelectorAll(`[data-value="${v}"]`);',
      "const re = /data-q=/;",
      'const x = <td data-q="w1" />;',
      '// data-q in a comment',
      "el.getAttribute('data-quiz'); el.dataset.values; el.dataset['qq'];",
    ].join('\n');
    expect(contractUses('x.tsx', code).map((f) => f.split(' ')[0])).toEqual(['x.tsx:1', 'x.tsx:2', 'x.tsx:3', 'x.tsx:4', 'x.tsx:5', 'x.tsx:6']);
    const astro = '---\nconst a = "data-value";\n---\n<!-- data-q -->\n{/* data-q */}\n<span data-q={n}>1</span>\n<script>\n  el.dataset.q;\n</script>';
    expect(contractUses('x.astro', astro)).toHaveLength(3);
  });
});
