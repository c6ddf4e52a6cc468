/**
 * Writing a live number's text into the page, shared by the page script and the explanations. A
 * term written after "+" or "−" in a typeset equation (`data-fold`, src/lib/live-tex.ts) shows its
 * magnitude and folds its sign into that operator (`data-fold-op`): "0.01 + −0.03" reads
 * "0.01 − 0.03". Its `data-value` keeps the signed value.
 */
import { foldedTerm } from '../lib/backprop';

/** The operator a folding term's sign joins: in the same typeset copy (picture or MathML) as the term. */
export function operatorOf(el: Element): HTMLElement | undefined {
  const fold = el.getAttribute('data-fold');
  return fold === null ? undefined : (el.closest('.katex-html, math')?.querySelector<HTMLElement>(`[data-fold-op="${fold}"]`) ?? undefined);
}

/** Writes a number's text, and for a folding term its operator too: "+ −0.03" reads "− 0.03". */
export function writeNumber(el: Element, text: string, operator: Element | undefined): void {
  const shown = operator ? foldedTerm(operator.getAttribute('data-sign') ?? '+', text) : { text, operator: '' };
  if (el.textContent !== shown.text) setText(el, shown.text);
  if (operator && operator.textContent !== shown.operator) setText(operator, shown.operator);
}

/** Rewrites the text in place: an island's renderer keeps the text node it made, and a write into it costs less. */
function setText(el: Node, text: string): void {
  const only = el.firstChild;
  if (only instanceof Text && !only.nextSibling) only.data = text;
  else el.textContent = text;
}
