/**
 * The copy-paste snippet an instructor puts in a course page: the embed's address for a chosen
 * view and configuration, the frame at a fixed height, and the listener that sizes it. Pure.
 */
import { PARAM_NAMES } from '../backprop';
import { EMBED_ENTRIES, EMBED_HEIGHT_MESSAGE, embedViewPath, fullTutorialHref, stepsLabel, type EmbedOptions } from './address';
import { frameHeight } from './heights';

/**
 * An embed's query: the configuration as given (`?w1=0.3&digits=8`, from the state module), then
 * `lock` (`all` when it names every parameter), `hide` and `theme` (left out when `auto`). Lists
 * keep their commas readable. The steps are in the path (embedAddress).
 */
export function embedQuery(options: EmbedOptions, configuration: string): string {
  const query = new URLSearchParams(configuration);
  for (const key of EMBED_ENTRIES) query.delete(key);
  const out = new URLSearchParams();
  for (const [key, value] of query) out.append(key, value);
  const all = PARAM_NAMES.every((name) => options.lock.includes(name));
  if (options.lock.length > 0) out.set('lock', all ? 'all' : options.lock.join(','));
  if (options.hide.length > 0) out.set('hide', options.hide.join(','));
  if (options.theme !== 'auto') out.set('theme', options.theme);
  const text = out.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/**
 * An embed's absolute address: the page of its steps, or its section's embed, then its query
 * (`https://…/embed/1-4-backpropagation/steps/6/?w1=0.3&lock=w1`).
 */
export function embedAddress(origin: string, base: string, slug: string, options: EmbedOptions, configuration: string): string {
  return `${origin}${embedViewPath(base, slug, options.steps)}${embedQuery(options, configuration)}`;
}

/** Text for an HTML attribute value in double quotes. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for an HTML text node. */
function text(words: string): string {
  return words.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What goes into a snippet. */
export interface SnippetInput {
  /** The embed's absolute address. */
  readonly src: string;
  /** The frame's accessible name. */
  readonly title: string;
  /** The frame's height without the script, in CSS pixels. */
  readonly height: number;
  /** The plain link below the frame: the same view in the full tutorial (absolute), and its words. */
  readonly link: { readonly href: string; readonly text: string };
}

/** The largest height the listener accepts, in CSS pixels: a whole section on a phone is well under it. */
export const LARGEST_HEIGHT = 100_000;

/**
 * The copy-paste snippet: the frame, at a fixed height that works alone (some course sites strip
 * scripts); a plain link to the same view in the full tutorial below it, for wherever the frame
 * cannot show (a platform's Content-Security-Policy, a reader without frames); and a short listener
 * that sets the frame's height from the embed's messages. The listener recognises a message by the
 * frame that sent it (`e.source`), not by its origin: a frame sandboxed without `allow-same-origin`
 * sends from the origin "null". It takes only the documented shape and a height in range.
 */
export function embedSnippet({ src, title, height, link }: SnippetInput): string {
  const frame =
    `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${Math.round(height)}"` +
    ` style="width: 100%; border: 0" loading="lazy" allow="clipboard-write"></iframe>`;
  const below = `<p><a href="${attribute(link.href)}">${text(link.text)}</a></p>`;
  const script = [
    '<script>',
    'addEventListener("message", function (e) {',
    '  var d = e.data;',
    `  if (!d || d.type !== ${JSON.stringify(EMBED_HEIGHT_MESSAGE)} || typeof d.height !== "number" || !(d.height > 0 && d.height < ${LARGEST_HEIGHT})) return;`,
    '  document.querySelectorAll("iframe").forEach(function (f) {',
    '    if (f.contentWindow === e.source) f.style.height = Math.ceil(d.height) + "px";',
    '  });',
    '});',
    '</script>',
  ];
  return [frame, below, ...script].join('\n');
}

/** The help page's example view: Step 6 of 1.4 with w1 = 0.3, fixed. */
export const EXAMPLE = { slug: '1-4-backpropagation', section: '1.4 Backpropagation', steps: { from: 6, to: 6 }, configuration: '?w1=0.3', lock: ['w1'] } as const;

/**
 * What stands for the site's origin in the help page's example as built (not an address: a build
 * publishes none it was not given): the page's script puts the origin it is served at in its place,
 * with no module of its own to load.
 */
export const EXAMPLE_ORIGIN = '{origin}';

/** The help page's example snippet, for the site served at `origin` under `base`. */
export function exampleSnippet(origin: string, base: string): string {
  const { slug, section, steps, configuration, lock } = EXAMPLE;
  return embedSnippet({
    src: embedAddress(origin, base, slug, { steps, lock, hide: [], theme: 'auto' }, configuration),
    title: `Backpropagation, live: ${section}, ${stepsLabel(steps)}`,
    height: frameHeight(slug, steps, []),
    link: { href: `${origin}${fullTutorialHref(base, slug, configuration, steps)}`, text: `${stepsLabel(steps)} of ${section}, in the full tutorial` },
  });
}
