/**
 * The mistakes' plain words (shared with the checker's report, which writes
 * a_h1 and ∂E/∂w3 as plain text) split so that a page can set the article's
 * names with their subscripts: a<sub>h1</sub>, ∂E/∂w<sub>3</sub>. Build time.
 */

/** A run of plain text, or a name with its subscript. */
export type WordPart = { readonly text: string } | { readonly base: string; readonly sub: string };

/** a_h1, a_o2, E_total, and single letters with a digit as the article uses them (w3, t1, E2, i1, h1, o2). */
const NAME = /\b(a)_([ho][12])\b|\b(E)_(total)\b|(?<=^|[^\p{L}\d])([witEho])([1-8])\b/gu;

/** Text in typographic quotes is a cell's own text (the header “t1”), kept as it is written. */
const QUOTED = /(“[^”]*”)/u;

/** Splits words into plain text and names; joined back, the parts give the words unchanged. */
export function wordParts(words: string): WordPart[] {
  return words.split(QUOTED).flatMap((piece, i) => (i % 2 === 1 ? [{ text: piece }] : namesIn(piece)));
}

function namesIn(words: string): WordPart[] {
  const parts: WordPart[] = [];
  let last = 0;
  for (const m of words.matchAll(NAME)) {
    const start = m.index;
    if (start > last) parts.push({ text: words.slice(last, start) });
    const [, a, aSub, e, eSub, letter, digit] = m;
    parts.push({ base: a ?? e ?? letter ?? '', sub: aSub ?? eSub ?? digit ?? '' });
    last = start + m[0].length;
  }
  if (last < words.length) parts.push({ text: words.slice(last) });
  return parts;
}
