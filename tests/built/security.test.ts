/**
 * Security on the build output (issue 4, item 6): every page carries a Content-Security-Policy that
 * allows nothing from another origin, no inline script but Astro's hashed ones, and no eval; every
 * inline script and style on the page is covered by a hash (or it would be blocked). What a page does
 * in the browser under that policy (no violation, markup never becoming markup) is e2e/security.spec.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtPage as built } from '../../e2e/support/built-html';
import { htmlFiles, pathOfFile } from '../../e2e/support/site';

const paths = htmlFiles().map(pathOfFile);

/** A policy as directive name → source list. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Sources that allow nothing beyond this origin and hashes: keywords, never a host or a scheme. */
const SAFE_SOURCE = /^'(self|none|sha(256|384|512)-[A-Za-z0-9+/=]+|strict-dynamic|report-sample)'$/;

for (const path of paths) {
  describe(path, () => {
    it('has a strict Content-Security-Policy that covers its inline code', () => {
      const p = built(path);
      expect(p.cspMeta, 'one CSP <meta>').toHaveLength(1);
      const policy = parsePolicy(p.cspMeta[0] ?? '');
      expect(policy.get('default-src'), 'default-src').toEqual(["'none'"]);
      expect(policy.get('object-src'), 'object-src').toEqual(["'none'"]);
      expect(policy.get('base-uri'), 'base-uri').toEqual(["'none'"]);
      const script = policy.get('script-src') ?? [];
      expect(script, 'script-src allows this origin').toContain("'self'");
      const problems: string[] = [];
      for (const [name, sources] of policy) {
        for (const source of sources) {
          // Inline style attributes are the one exception (KaTeX's layout; see astro.config.mjs).
          if (name === 'style-src-attr' && source === "'unsafe-inline'") continue;
          if (!SAFE_SOURCE.test(source)) problems.push(`${name} ${source}`);
        }
      }
      expect(problems, 'sources that are not this origin or a hash').toEqual([]);
      expect(policy.has('script-src-attr') ? policy.get('script-src-attr') : ["'none'"]).not.toContain("'unsafe-inline'");
      const missing = [
        ...p.inlineScripts.filter((s) => !script.includes(sha256(s))).map((s) => `script ${s.slice(0, 60)}`),
        ...p.inlineStyles
          .filter((s) => !(policy.get('style-src-elem') ?? policy.get('style-src') ?? []).includes(sha256(s)))
          .map((s) => `style ${s.slice(0, 60)}`),
      ];
      expect(missing, 'inline code the policy would block').toEqual([]);
    });
  });
}

it('the site has fields to paste into (so the browser’s paste test is not empty)', () => {
  const withFields: string[] = [];
  for (const path of paths) {
    const p = built(path);
    if (readFileSync(p.file, 'utf8').match(/<input[^>]*\sname="(w1|lr|i1|t1)"/)) withFields.push(path);
  }
  expect(withFields.length).toBeGreaterThan(0);
});
