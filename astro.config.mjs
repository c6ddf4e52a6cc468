// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeHeadingLinks } from './src/integrations/rehype-heading-links.mjs';

// Where the site will live. Override for a deployment under another origin or sub-path.
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';
// Lets several builds (parallel work, the benchmark) live side by side; dist/ by default.
const outDir = process.env.OUT_DIR ?? './dist';

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: 'ignore',
  // Astro 7's default Markdown processor runs no remark/rehype plugins; unified() does.
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      // throwOnError stays false in rehype-katex regardless; the build-output test looks for .katex-error.
      rehypePlugins: [[rehypeKatex, { strict: 'error', output: 'htmlAndMathml' }], rehypeHeadingLinks],
    }),
  },
  integrations: [mdx(), preact(), sitemap()],
  server: { host: '127.0.0.1' },
});
