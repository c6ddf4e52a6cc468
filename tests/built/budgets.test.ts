/**
 * Byte budgets on the build output (issue 4, item 3): static and deterministic, from what each
 * page references and what that imports. The browser half (every request a page really makes at
 * first load) is e2e/budgets.spec.ts; the budgets themselves are in e2e/support/budgets.ts.
 *
 * Checks are soft: one run reports every budget a page breaks, not just the first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, EMBED_OWN_BYTES, PAGE_WITHOUT_ISLAND_BYTES, budgetOf, isLive, kib, sectionOfEmbed } from '../../e2e/support/budgets';
import {
  KATEX_JS_SIGNATURE,
  builtPage as built,
  cssUrls,
  firstLoadScripts,
  gzipSize,
  inlineScriptGzip,
  pageStylesheets,
} from '../../e2e/support/built-html';
import { OUT_DIR, htmlFiles, pathOfFile } from '../../e2e/support/site';

const paths = htmlFiles().map(pathOfFile);

/** Link relations that make the browser fetch something. */
const FETCHING_RELS = /\b(stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon)\b/;

describe('build output', () => {
  for (const path of paths) {
    it(`${path}: JavaScript at first load within budget, none without an island, no KaTeX`, () => {
      const p = built(path);
      const scripts = firstLoadScripts(p);
      const inline = inlineScriptGzip(p);
      const total = scripts.reduce((sum, s) => sum + s.gzip, 0) + inline;
      const detail = [...scripts.map((s) => `${s.path} ${s.gzip}`), `inline ${inline}`].join(', ');
      if (!isLive(path)) {
        expect.soft(scripts.map((s) => s.path), `${path} has nothing live, so it should load no script file`).toEqual([]);
        expect.soft(inline, `${path} has nothing live: its inline scripts (links carry the query) stay tiny`).toBeLessThanOrEqual(PAGE_WITHOUT_ISLAND_BYTES);
      }
      expect.soft(total, `${path}: ${kib(total)} of JavaScript (${detail})`).toBeLessThanOrEqual(budgetOf(path));
      const section = sectionOfEmbed(path);
      if (section) {
        const sectionScripts = new Set(firstLoadScripts(built(section)).map((s) => s.path));
        const own = scripts.filter((s) => !sectionScripts.has(s.path));
        const ownBytes = own.reduce((sum, s) => sum + s.gzip, 0);
        expect.soft(own.length, `${path} loads its section's page script and its own`).toBeGreaterThan(0);
        expect.soft(ownBytes, `${path}: its own code ${kib(ownBytes)} (${own.map((s) => s.path).join(', ')})`).toBeLessThanOrEqual(EMBED_OWN_BYTES);
      }
      const katex = scripts.filter((s) => KATEX_JS_SIGNATURE.test(s.text)).map((s) => s.path);
      expect.soft(katex, 'KaTeX JavaScript must load only on demand').toEqual([]);
    });

    it(`${path}: CSS within budget, fonts only woff2, every reference on this origin`, () => {
      const p = built(path);
      expect.soft(p.stylesheets.filter((href, i) => p.stylesheets.indexOf(href) !== i), 'stylesheets linked more than once').toEqual([]);
      const sheets = pageStylesheets(p);
      const inline = p.inlineStyles.join('\n');
      const total = sheets.reduce((sum, s) => sum + s.gzip, 0) + (inline.trim() ? gzipSize(inline) : 0);
      expect.soft(total, `${path}: ${kib(total)} of CSS`).toBeLessThanOrEqual(BUDGET_BYTES);

      const fontUrls = sheets.flatMap((s) => cssUrls(s.text)).filter((u) => /\.(woff2?|ttf|otf|eot)(\?|#|$)/i.test(u));
      expect.soft(fontUrls.filter((u) => !/\.woff2(\?|#|$)/i.test(u)), 'font URLs that are not woff2').toEqual([]);
      expect.soft(cssUrls([...sheets.map((s) => s.text), inline].join('\n')).filter((u) => u.startsWith('data:')), 'data: URLs in CSS').toEqual([]);

      const pageUrl = new URL(path, 'http://site.invalid');
      const foreign = [
        ...p.resources.filter((r) => r.tag !== 'link' || FETCHING_RELS.test(r.rel)).map((r) => `<${r.tag}> ${r.url}`),
        ...p.islands.flatMap((i) => i.modules.map((u) => `island ${u}`)),
        ...sheets.flatMap((s) => cssUrls(s.text).map((u) => `css ${u}`)),
      ].filter((entry) => {
        const url = entry.slice(entry.indexOf(' ') + 1);
        return new URL(url, pageUrl).origin !== pageUrl.origin;
      });
      expect.soft(foreign, 'references to another origin (or data: URLs)').toEqual([]);
    });
  }

  it('the build emits no font format but woff2', () => {
    const fonts = readdirSync(join(OUT_DIR, '_astro')).filter((f) => /\.(woff|ttf|otf|eot)$/i.test(f));
    expect.soft(fonts).toEqual([]);
    const css = readdirSync(join(OUT_DIR, '_astro')).filter((f) => f.endsWith('.css'));
    for (const file of css) {
      const urls = cssUrls(readFileSync(join(OUT_DIR, '_astro', file), 'utf8'));
      expect.soft(urls.filter((u) => /\.(woff|ttf|otf|eot)(\?|#|$)/i.test(u)), file).toEqual([]);
    }
  });
});
