/**
 * Words with symbols written as `$TeX$` (the exercises' questions, verdicts and hints) as HTML: the
 * words escaped, each symbol typeset by KaTeX. At build time for a block's question, in the browser
 * for what depends on the dealt numbers.
 */
import katex from 'katex';

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One formula, inline or display, without the TeX annotation (its MathML carries the meaning). */
export function texHtml(tex: string, displayMode = false): string {
  const html = katex.renderToString(tex, { displayMode, output: 'htmlAndMathml', throwOnError: true, strict: 'error' });
  return html.replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/, '');
}

/** Words with `$…$` symbols, as HTML. */
export function texWordsHtml(words: string): string {
  return words
    .split(/(\$[^$]+\$)/)
    .map((piece) => (/^\$[^$]+\$$/.test(piece) ? texHtml(piece.slice(1, -1)) : escapeText(piece)))
    .join('');
}
