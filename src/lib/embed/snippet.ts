/**
 * The copy-paste snippet an instructor puts in a course page: the embed's address for a chosen
 * view and configuration, the frame at a fixed height, and the listener that sizes it. Pure.
 */
import { EMBED_HEIGHT_MESSAGE, type EmbedOptions } from './address';

/**
 * An embed's query: `steps` first, then the configuration as given (`?w1=0.3&digits=8`, from
 * the state module), then `lock` and `hide`. Lists keep their commas readable.
 */
export function embedQuery(options: EmbedOptions, configuration: string): string {
  const query = new URLSearchParams(configuration);
  for (const key of ['steps', 'lock', 'hide']) query.delete(key);
  const out = new URLSearchParams();
  if (options.steps) out.set('steps', options.steps.from === options.steps.to ? String(options.steps.from) : `${options.steps.from}-${options.steps.to}`);
  for (const [key, value] of query) out.append(key, value);
  if (options.lock.length > 0) out.set('lock', options.lock.join(','));
  if (options.hide.length > 0) out.set('hide', options.hide.join(','));
  const text = out.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** The frame's height without the resize script: what was measured, rounded up to 20 px, within 320–1600 px. */
export function fallbackHeight(measured: number): number {
  if (!Number.isFinite(measured)) return 640;
  return Math.min(1600, Math.max(320, Math.ceil(measured / 20) * 20));
}

/** Text for an HTML attribute value in double quotes. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What goes into a snippet. */
export interface SnippetInput {
  /** The embed's absolute address. */
  readonly src: string;
  /** The frame's accessible name. */
  readonly title: string;
  /** The frame's height without the script, in CSS pixels. */
  readonly height: number;
}

/**
 * The copy-paste snippet: the frame, at a fixed height that works alone (some course sites strip
 * scripts), and a short listener that sets its height from the embed's messages. The listener
 * takes a message only from the embed's own origin and only for the frame that sent it.
 */
export function embedSnippet({ src, title, height }: SnippetInput): string {
  const origin = new URL(src).origin;
  const frame =
    `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${Math.round(height)}"` +
    ` style="width: 100%; border: 0" loading="lazy" allow="clipboard-write"></iframe>`;
  const script = [
    '<script>',
    'addEventListener("message", function (e) {',
    '  var d = e.data;',
    `  if (e.origin !== ${JSON.stringify(origin)} || !d || d.type !== ${JSON.stringify(EMBED_HEIGHT_MESSAGE)} || typeof d.height !== "number") return;`,
    '  document.querySelectorAll("iframe").forEach(function (f) {',
    '    if (f.contentWindow === e.source) f.style.height = Math.ceil(d.height) + "px";',
    '  });',
    '});',
    '</script>',
  ];
  return [frame, ...script].join('\n');
}
