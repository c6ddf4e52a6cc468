/**
 * A course page on another origin, for the embed tests: a tiny HTTP server that serves whatever
 * HTML a test gives it (an instructor's pasted snippet), on `localhost` while the site runs on
 * 127.0.0.1, so that the frame is cross-origin and cross-site, as on a learning platform.
 * Plus the embed's addresses under the base path of the build a project serves.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import type { Site } from './site';

/** The path of a section's embed with a query, under the build's base (`/base/embed/1-4-backpropagation/?steps=6`). */
export function embedPathFor(site: Site, slug: string, query = ''): string {
  return `${site.path(`embed/${slug}/`)}${query}`;
}

/** A running host: `page(html)` gives the address at which it serves that HTML. */
export interface Host {
  readonly origin: string;
  page(html: string): string;
  close(): Promise<void>;
}

/**
 * Starts a host on `EMBED_HOST_PORT` (plus the worker's index, so parallel workers never meet),
 * or on a free port the system picks when that is not set.
 */
export async function startHost(workerIndex: number): Promise<Host> {
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://host.invalid').pathname);
    response.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(html ?? 'not found');
  });
  const wanted = process.env['EMBED_HOST_PORT'] ? Number(process.env['EMBED_HOST_PORT']) + workerIndex : 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', () => resolve());
  });
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  let count = 0;
  return {
    origin,
    page(html) {
      const path = `/course-page-${++count}.html`;
      pages.set(path, html);
      return `${origin}${path}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A plain course page around pasted HTML, with a log of the messages it receives (to check their
 * shape); `csp`, a Content-Security-Policy the page sends (as a learning platform may).
 */
export function coursePage(pasted: string, csp?: string): string {
  const policy = csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${policy}<title>Week 3: backpropagation</title>
<style>body { font-family: sans-serif; margin: 0 auto; max-width: 60rem; padding: 0 8px; }</style>
<script>window.received = []; addEventListener("message", function (e) { window.received.push({ origin: e.origin, data: e.data }); });</script>
</head>
<body>
<main>
<h1>Week 3: backpropagation</h1>
<p>Work through the step below before the lecture.</p>
${pasted}
<p>Questions? Post them in the forum.</p>
</main>
</body>
</html>`;
}

/** Lays out every part of an embed, as in a frame before it skips what is off the screen (a sheet the page's CSP allows). */
export function layOutEverything(target: { evaluate: Page['evaluate'] }): Promise<void> {
  return target.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { content-visibility: visible !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
}

/** Undoes `layOutEverything`. */
export function stopLayingOutEverything(target: { evaluate: Page['evaluate'] }): Promise<void> {
  return target.evaluate(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1);
  });
}
