/**
 * Plain words that name quantities as the checker's report does (a_h1, ∂E/∂w3, t2) turned into
 * words with symbols, `$a_{h1}$`, `$\frac{\partial E_{\mathrm{total}}}{\partial w_3}$`-style TeX in
 * dollars, so that a student never reads a code name.
 */
import { isQuantityName } from '../backprop';
import { symbolOf } from '../quantities/definitions';
import { wordParts } from '../mistakes/notes/words';

/** ∂E/∂w3 (the report's plain name of a gradient) and code names such as dE_dw3 or da_h1_dh1. */
const GRADIENT = /∂E\/∂w([1-8])|\b(d[A-Za-z0-9_]+)\b/g;

/** Words with every quantity written as its symbol in `$…$`. */
export function wordsTex(words: string): string {
  const gradients = words.replace(GRADIENT, (match, w: string | undefined, code: string | undefined) => {
    const name = w ? `dE_dw${w}` : (code ?? '');
    return isQuantityName(name) ? `$${symbolOf(name)}$` : match;
  });
  // Split the rest at the symbols just written, so that their TeX is not read as words.
  return gradients
    .split(/(\$[^$]*\$)/)
    .map((piece) =>
      piece.startsWith('$')
        ? piece
        : wordParts(piece)
            .map((part) => ('text' in part ? part.text : `$${part.base}_{${part.sub === 'total' ? '\\mathrm{total}' : part.sub}}$`))
            .join(''),
    )
    .join('');
}
