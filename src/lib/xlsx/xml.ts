/**
 * A small, tolerant XML scanner for the parts of an .xlsx file. It works the
 * same in Node and in the browser (no DOMParser), streams through the text
 * once, and never throws on odd input: it simply reports what it can read.
 */

/** Callbacks for {@link scanXml}. Element names arrive without their namespace prefix. */
export interface XmlHandler {
  open?(name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML character references and the five named entities; unknown entities stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Escapes text for an XML text node or a double-quoted attribute. */
export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids outright are dropped rather than written.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Drops a namespace prefix: `x:row` → `row`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) {
    const name = m[1] ?? '';
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** Index of the `>` that ends the tag starting at `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i;
    }
  }
  return -1;
}

/**
 * Walks `xml` once, calling `handler` for each start tag, text run and end tag.
 * Comments, processing instructions and doctypes are skipped; CDATA is text.
 * Truncated input ends the walk quietly.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      handler.text?.(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i) handler.text?.(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return;
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return;
      handler.text?.(xml.slice(lt + 9, end));
      i = end + 3;
      continue;
    }
    const gt = tagEnd(xml, lt + 1);
    if (gt < 0) return;
    const body = xml.slice(lt + 1, gt);
    i = gt + 1;
    const first = body[0];
    if (first === '?' || first === '!') continue;
    if (first === '/') {
      handler.close?.(localName(body.slice(1).trim()));
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const nameEnd = inner.search(/[\s/]/);
    const rawName = nameEnd < 0 ? inner : inner.slice(0, nameEnd);
    const name = localName(rawName);
    handler.open?.(name, nameEnd < 0 ? {} : parseAttributes(inner.slice(nameEnd)), selfClosing);
    if (selfClosing) handler.close?.(name);
  }
}

/** The value of the attribute whose name, without prefix, is `local` (e.g. `r:id` for `id`). */
export function attrByLocalName(attrs: Readonly<Record<string, string>>, local: string, prefixed = true): string | undefined {
  for (const [key, value] of Object.entries(attrs)) {
    if (localName(key) === local && (!prefixed || key.includes(':'))) return value;
  }
  return undefined;
}
