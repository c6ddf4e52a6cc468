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

/** One formula as MathML alone, which browsers draw themselves: a tenth of KaTeX's HTML, for a closed block's few symbols. */
export function texMathml(tex: string): string {
  const html = katex.renderToString(tex, { output: 'mathml', throwOnError: true, strict: 'error' });
  return html.replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/, '').replace(/<semantics>([\s\S]*)<\/semantics>/, '$1')
    .replace(/^<span class="katex">([\s\S]*)<\/span>$/, '$1');
}

/** Words with `$…$` symbols, as HTML; `typeset` sets each symbol (KaTeX's HTML by default). */
export function texWordsHtml(words: string, typeset: (tex: string) => string = texHtml): string {
  return words
    .split(/(\$[^$]+\$)/)
    .map((piece) => (/^\$[^$]+\$$/.test(piece) ? typeset(piece.slice(1, -1)) : escapeText(piece)))
    .join('');
}
