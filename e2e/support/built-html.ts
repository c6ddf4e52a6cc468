/**
 * Static analysis of the built site for the budget, soundness and security
 * checks (tests/built/): what each built HTML page references (parsed by parse5,
 * the HTML standard's parser, as a browser's DOMParser would, running nothing), and which
 * JavaScript and CSS files a page loads at first load (its script entries and islands,
 * followed through their static imports). Deterministic: reads files only, no server, no browser.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { defaultSite, type Site } from './site';

/** The budget for gzipped JavaScript (in total) and for CSS, per page (docs/benchmark.md lists each page's bytes). */
export const BUDGET_BYTES = 12 * 1024;

/** Gzip size at level 9 (what a static host precompresses with). */
export function gzipSize(data: string | Buffer): number {
  return gzipSync(data, { level: 9 }).length;
}

/** What one built page contains and references. */
export interface BuiltPage {
  /** The HTML file. */
  readonly file: string;
  /** The path it is served at, base included, e.g. `/1-3-forward-propagation/`. */
  readonly path: string;
  readonly lang: string;
  readonly title: string;
  readonly description: string;
  /** Every id and every `<a name>` on the page (fragment targets). */
  readonly ids: readonly string[];
  /** Every `href` of `<a>` and `<area>` elements, as written. */
  readonly links: readonly string[];
  /** Every URL the page would load: src/href of script, link, img, source, iframe, video, audio, object, embed. */
  readonly resources: readonly { readonly tag: string; readonly rel: string; readonly url: string }[];
  /** `src` of every external script. */
  readonly scriptSrcs: readonly string[];
  /** Text of every inline script. */
  readonly inlineScripts: readonly string[];
  /** Every island: its hydration directive (`load`, `idle`, `visible`, …) and the modules it imports to hydrate. */
  readonly islands: readonly { readonly client: string; readonly modules: readonly string[] }[];
  /** `href` of every stylesheet link. */
  readonly stylesheets: readonly string[];
  /** Text of every inline `<style>`. */
  readonly inlineStyles: readonly string[];
  /** `content` of every `<meta http-equiv="content-security-policy">`. */
  readonly cspMeta: readonly string[];
  /** How many `.katex-error` elements the build left. */
  readonly katexErrors: number;
  /** Islands that received a Preact signal as a prop (unsupported here; see astro.config.mjs). */
  readonly signalIslands: number;
}

type Parsed = Omit<BuiltPage, 'file' | 'path'>;

/** An element of parse5's tree (what a browser's parser builds; `<template>` contents stay apart, as in the DOM). */
type Element = DefaultTreeAdapterTypes.Element;

/** Every element of a document in document order, with its parent. */
function elementsOf(doc: DefaultTreeAdapterTypes.Document): { el: Element; parent: Element | undefined }[] {
  const out: { el: Element; parent: Element | undefined }[] = [];
  const walk = (node: DefaultTreeAdapterTypes.ParentNode, parent: Element | undefined) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      out.push({ el: child, parent });
      walk(child, child);
    }
  };
  walk(doc, undefined);
  return out;
}

/** An attribute's value, or undefined when the element has none. */
function attrOf(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** The text of an element's descendants (`textContent`). */
function textOf(el: Element): string {
  return el.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : 'tagName' in child ? textOf(child) : '')).join('');
}

/** Parses one built HTML document as a browser would (parse5, the HTML standard's parser; nothing runs). */
export function parseBuiltHtml(html: string): Parsed {
  // A DOMParser document runs no script, so its parser reads <noscript> as markup: the same here.
  const elements = elementsOf(parse(html, { scriptingEnabled: false }));
  const all = (tag: string | undefined, has?: string) =>
    elements.map(({ el }) => el).filter((el) => (tag === undefined || el.tagName === tag) && (has === undefined || attrOf(el, has) !== undefined));
  const attr = (el: Element, name: string) => attrOf(el, name) ?? '';
  const tokens = (el: Element, name: string) => attr(el, name).toLowerCase().split(/\s+/);
  const resources: { tag: string; rel: string; url: string }[] = [];
  for (const el of elements.map((e) => e.el)) {
    if (['script', 'img', 'source', 'iframe', 'video', 'audio', 'embed', 'track'].includes(el.tagName) && attrOf(el, 'src') !== undefined) {
      resources.push({ tag: el.tagName, rel: '', url: attr(el, 'src') });
    }
  }
  for (const el of [...all('img', 'srcset'), ...all('source', 'srcset')]) {
    for (const candidate of attr(el, 'srcset').split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) resources.push({ tag: el.tagName, rel: 'srcset', url });
    }
  }
  for (const el of all('link', 'href')) resources.push({ tag: 'link', rel: attr(el, 'rel'), url: attr(el, 'href') });
  for (const el of all('object', 'data')) resources.push({ tag: 'object', rel: '', url: attr(el, 'data') });
  for (const el of all('video', 'poster')) resources.push({ tag: 'video', rel: 'poster', url: attr(el, 'poster') });
  const root = all('html')[0];
  const title = elements.find(({ el, parent }) => el.tagName === 'title' && parent?.tagName === 'head')?.el;
  const description = all('meta').find((el) => attrOf(el, 'name') === 'description');
  const islands = all('astro-island');
  return {
    lang: root ? attr(root, 'lang') : '',
    title: title ? textOf(title).trim() : '',
    description: description ? attr(description, 'content').trim() : '',
    ids: [...all(undefined, 'id').map((el) => attr(el, 'id')), ...all('a', 'name').map((el) => attr(el, 'name'))],
    links: [...all('a', 'href'), ...all('area', 'href')].map((el) => attr(el, 'href')),
    resources,
    scriptSrcs: all('script', 'src').map((el) => attr(el, 'src')),
    inlineScripts: all('script')
      .filter((el) => attrOf(el, 'src') === undefined && !/json|template|text\/plain/.test(attr(el, 'type')))
      .map(textOf),
    islands: islands.map((el) => ({
      client: attr(el, 'client'),
      modules: ['component-url', 'renderer-url', 'before-hydration-url'].map((name) => attr(el, name)).filter(Boolean),
    })),
    stylesheets: all('link').filter((el) => tokens(el, 'rel').includes('stylesheet')).map((el) => attr(el, 'href')),
    inlineStyles: all('style').map(textOf),
    cspMeta: all('meta')
      .filter((el) => attr(el, 'http-equiv').toLowerCase() === 'content-security-policy')
      .map((el) => attr(el, 'content')),
    katexErrors: elements.filter(({ el }) => tokens(el, 'class').includes('katex-error')).length,
    signalIslands: all('astro-island', 'data-preact-signals').length,
  };
}

/** Every built HTML page of a build (the default one unless given), parsed. */
export function readBuiltPages(site: Site = defaultSite): BuiltPage[] {
  return site.htmlFiles().map((file) => ({ file, path: site.pathOfFile(file), ...parseBuiltHtml(readFileSync(file, 'utf8')) }));
}

/** The file in the build output a same-site URL path (base included) is served from, or undefined. */
export function fileForPath(pathname: string, site: Site = defaultSite): string | undefined {
  return site.fileForPath(pathname);
}

/**
 * The static imports of a built ES module (`import … from "x"`, `import "x"`,
 * `export … from "x"`), not its dynamic `import("x")`s, which load on demand.
 * The build is minified by one known bundler, so a pattern suffices; every
 * specifier found must resolve to a file, which the budget test checks.
 */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[;}\s)])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;
  for (const match of code.matchAll(pattern)) {
    const specifier = match[2];
    if (specifier) found.push(specifier);
  }
  return found;
}

/** A script a page loads at first load, with its sizes. */
export interface LoadedFile {
  /** Site path, e.g. `/_astro/runtime.abc.js`. */
  readonly path: string;
  readonly bytes: number;
  readonly gzip: number;
  readonly text: string;
}

/** Directives that wait: until the island comes near the screen, or (`needed`) the state changes or the page prints. */
const WAITING_DIRECTIVES: readonly string[] = ['visible', 'needed'];

/**
 * Islands that hydrate at first load, at the article's values, whatever the viewport:
 * every directive but those that wait (the browser test catches waiting islands that
 * start on screen).
 */
export function firstLoadIslands(built: BuiltPage): BuiltPage['islands'] {
  return built.islands.filter((island) => !WAITING_DIRECTIVES.includes(island.client));
}

/**
 * Every JavaScript file a page loads before any user action: its `<script src>`s
 * and the component and renderer modules of its first-load islands, with
 * everything they import statically. Throws when a file is missing.
 */
export function firstLoadScripts(built: BuiltPage, site: Site = defaultSite): LoadedFile[] {
  const seen = new Map<string, LoadedFile>();
  const visit = (url: string, from: string) => {
    const resolved = new URL(url, `http://site${from}`);
    if (resolved.origin !== 'http://site') throw new Error(`${built.path}: script from another origin: ${url}`);
    const path = resolved.pathname;
    if (seen.has(path)) return;
    const file = site.fileForPath(path);
    if (!file) throw new Error(`${built.path}: script ${path} (imported by ${from}) is not in the build`);
    const text = readFileSync(file, 'utf8');
    seen.set(path, { path, bytes: Buffer.byteLength(text), gzip: gzipSize(text), text });
    for (const specifier of staticImports(text)) visit(specifier, path);
  };
  for (const src of [...built.scriptSrcs, ...firstLoadIslands(built).flatMap((i) => i.modules)]) visit(src, built.path);
  return [...seen.values()];
}

/** Gzipped size of a page's inline scripts (they travel inside the HTML, compressed together). */
export function inlineScriptGzip(built: BuiltPage): number {
  const text = built.inlineScripts.join('\n');
  return text.trim() === '' ? 0 : gzipSize(text);
}

/** The stylesheets a page loads, with sizes (inline `<style>` counted separately). */
export function pageStylesheets(built: BuiltPage, site: Site = defaultSite): LoadedFile[] {
  return built.stylesheets.map((href) => {
    const path = new URL(href, `http://site${built.path}`).pathname;
    const file = site.fileForPath(path);
    if (!file) throw new Error(`${built.path}: stylesheet ${path} is not in the build`);
    const text = readFileSync(file, 'utf8');
    return { path, bytes: Buffer.byteLength(text), gzip: gzipSize(text), text };
  });
}

/** The url()s a stylesheet references (fonts, images), as written. */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)].map((m) => m[2] ?? '');
}

/** A KaTeX JavaScript bundle contains this error prefix; its CSS and the HTML it produces do not. */
export const KATEX_JS_SIGNATURE = /KaTeX parse error/;

const builtPages = new Map<string, Map<string, BuiltPage>>();
/** One built page (served path), parsed once per process and build, and shared by the checks that read the build. */
export function builtPage(path: string, site: Site = defaultSite): BuiltPage {
  let pages = builtPages.get(site.outDir);
  if (!pages) {
    pages = new Map(readBuiltPages(site).map((p) => [p.path, p]));
    builtPages.set(site.outDir, pages);
  }
  const found = pages.get(path);
  if (!found) throw new Error(`${path} is not in the build at ${site.outDir}`);
  return found;
}
