/**
 * The reader's scheme choice (the toggle) overrides the system's, so colours must follow the
 * root's color-scheme (light-dark() pairs), never the system's preference directly: a stylesheet
 * with its own prefers-color-scheme block shows dark-scheme colours on a page the reader set to
 * light (seen: the mistake notes' headings failed contrast that way).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const STYLES = new URL('../src/styles/', import.meta.url);

/** Where a prefers-color-scheme query is right: the toggle's label, which names the scheme it switches to under "auto". */
const ALLOWED: Readonly<Record<string, RegExp>> = {
  'layout.css': /^\s*:root\[data-theme='auto'\] \.theme-to-(dark|light) \{ display: (none|inline); \}\s*$/,
};

describe('colours follow the scheme in force, not the system’s preference', () => {
  for (const file of readdirSync(STYLES).filter((f) => f.endsWith('.css'))) {
    it(`${file} has no prefers-color-scheme block of its own`, () => {
      const css = readFileSync(new URL(file, STYLES), 'utf8');
      const blocks = [...css.matchAll(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g)];
      for (const [, body = ''] of blocks) {
        const rules = body.split('\n').filter((line) => line.trim());
        const allowed = ALLOWED[file];
        expect(rules.every((rule) => allowed?.test(rule)), `${file}: ${body.trim()}`).toBe(true);
      }
    });
  }
});
