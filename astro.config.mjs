// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeHeadingLinks } from './src/integrations/rehype-heading-links.mjs';
import { rehypeWrappingDisplayMath } from './src/integrations/rehype-wrapping-display-math.mjs';
import { katexWoff2Only } from './src/integrations/katex-woff2-only.mjs';
import { preactNoSignalProps } from './src/integrations/preact-no-signal-props.mjs';
import { clientNeeded } from './src/integrations/client-needed.mjs';
import { chunkUrl } from './src/integrations/chunk-url.mjs';
import { siteAddress } from './src/integrations/site-address.mjs';
import { slimKatex } from './src/integrations/slim-katex.mjs';
import { dedupeStylesheets } from './src/integrations/dedupe-stylesheets.mjs';
import { firstLoadChunk } from './src/integrations/runtime-chunk.mjs';
import { fileURLToPath } from 'node:url';

// Where the site will live. SITE_URL is the origin alone (absolute canonical addresses, the cards'
// pictures and the sitemap are built from it and the base); unset, the build publishes no absolute
// address at all rather than one it was not given (src/integrations/site-address.mjs says what is left
// out). BASE_PATH is the path the site is served under (every link and asset). The GitHub Pages
// workflow and subpath.config.mjs (the tests' second build) set both.
const site = process.env.SITE_URL || undefined;
const base = process.env.BASE_PATH ?? '/';
// Lets several builds (parallel work, the benchmark) live side by side; dist/ by default.
const outDir = process.env.OUT_DIR ?? './dist';

/** The page script every section page loads (src/layouts/Page.astro): the first-load chunk is what it imports. */
const PAGE_SCRIPT = ['./src/scripts/live-page.ts', './src/scripts/explain-glue.ts'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
const EMBED_SCRIPT = fileURLToPath(new URL('./src/scripts/embed-page.ts', import.meta.url));

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  outDir,
  trailingSlash: 'ignore',
  // Astro 7's default Markdown processor runs no remark/rehype plugins; unified() does.
  markdown: {
    // No code blocks in the tutorial; Shiki's inline colour styles would also need a looser CSP.
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: [remarkMath],
      // throwOnError stays false in rehype-katex regardless; the build-output test looks for .katex-error.
      rehypePlugins: [rehypeWrappingDisplayMath, [rehypeKatex, { strict: 'error', output: 'htmlAndMathml' }], rehypeHeadingLinks],
    }),
  },
  // An embed (/embed/<section>/, /embed/<section>/steps/6/, /embed/exercise/<name>/) is part of a section
  // inside another site's page, not a page of its own: it names its section as canonical and stays out of
  // the sitemap. The page that explains embeds stays in.
  // A sitemap lists absolute addresses, so only a build given SITE_URL has one.
  integrations: [
    mdx(),
    preact(),
    ...(site ? [sitemap({ filter: (page) => !/\/embed\/.+\/?$/.test(new URL(page).pathname) })] : []),
    clientNeeded(),
    siteAddress(site),
    slimKatex(),
    dedupeStylesheets(),
  ],
  server: { host: '127.0.0.1' },
  // Stylesheets stay files: Astro inlines a small one as <style> without adding its hash to the
  // Content-Security-Policy below, which then blocks it (seen with the notes' stylesheet on 1.4).
  build: { inlineStylesheets: 'never' },
  // Content-Security-Policy as a <meta> on every page (a static host may add it as a header too).
  // Astro hashes its own inline scripts and styles, so neither needs 'unsafe-inline'. The one
  // exception is style ATTRIBUTES: KaTeX positions glyphs with style="height:…;vertical-align:…"
  // on thousands of elements, so style-src-attr must allow 'unsafe-inline' (hashing every distinct
  // attribute value would need 'unsafe-hashes' and a hash list longer than the page). Inline
  // style attributes cannot run script; scripts stay limited to this origin and Astro's hashes.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "connect-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
      ],
      scriptDirective: { resources: ["'self'"] },
      // Scoped, not generic: a style-src-elem / style-src-attr pair covers every style, and a generic
      // style-src beside them would never apply (browsers do not fall back from the scoped ones).
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
  vite: {
    plugins: [katexWoff2Only(), preactNoSignalProps(), chunkUrl()],
    build: {
      rolldownOptions: {
        // Astro marks MDX modules with a "use astro:head-inject" directive that its own plugins read
        // before bundling; the bundler then warns that it may drop it, which is harmless here (Astro's
        // open issue withastro/astro#18087). Only that warning is dropped; every other one is shown.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
          handler(level, log);
        },
      },
      // Never inline a font as a data: URI: it would put KaTeX glyphs most pages never use into every page's CSS.
      assetsInlineLimit: (file) => (/\.(?:woff2?|ttf|otf)$/.test(file) ? false : undefined),
    },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  // What every section page runs goes into one chunk (src/integrations/runtime-chunk.mjs). No island
                  // hydrates at first load (fields and toolbar are plain HTML kept live by the page script), so Preact
                  // and Astro's hydrator arrive only with the first island a reader needs; island-specific code
                  // (charts, workbook) stays with its island so other pages never load it.
                  { ...firstLoadChunk('runtime', PAGE_SCRIPT), priority: 2 },
                  // An embed's own part, with the address it reads, in one file beside the runtime.
                  { ...firstLoadChunk('embed', [EMBED_SCRIPT]), priority: 1 },
                ],
              },
            },
          },
        },
      },
    },
  },
});
