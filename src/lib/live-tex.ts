/**
 * Build-time typesetting of equations that contain live numbers.
 *
 * A template is TeX with slots: `a_{o1} = \sigma({{o1}}) = {{a_o1}}`, where a
 * slot names a quantity, optionally at an epoch and learning rate
 * (`{{E_total@2}}`, `{{E_total@300:lr=2}}`). KaTeX typesets the equation once with a
 * unique placeholder number in each slot; the placeholders are then replaced,
 * in the visual HTML and in the MathML alike, by an element carrying
 * `data-q`/`data-value`. The page script later rewrites only those elements'
 * text, so live equations never need KaTeX in the browser.
 */
import katex from 'katex';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, createResolver, foldedTerm, formatQuantity, isQuantityName, type QuantityRef } from './backprop';
import { foldAttributes, numberAttributes, quantityRef } from './dom-contract';
import { groupBrackets } from './math-breaks';

/** A slot found in a template. */
export interface Slot extends QuantityRef {
  /** The placeholder number KaTeX saw in its place. */
  readonly placeholder: string;
  /**
   * The operator the template writes just before the slot ("+" or "−"), when the slot is a whole
   * term (not raised to a power): its sign then folds into that operator on the page.
   */
  readonly fold?: '+' | '−';
}

const SLOT = /\{\{\s*([A-Za-z_0-9]+)(?:@(\d+))?(?::lr=([0-9.e+-]+))?\s*\}\}/g;

/** Finds the slots of a template and gives each a placeholder no equation contains. */
export function parseSlots(template: string): { tex: string; slots: Slot[] } {
  const slots: Slot[] = [];
  const tex = template.replace(SLOT, (match, name: string, epoch: string | undefined, lr: string | undefined, offset: number) => {
    if (!isQuantityName(name)) throw new Error(`Unknown quantity "${name}" in equation: ${template}`);
    const placeholder = `7${String(slots.length).padStart(3, '0')}919193`;
    // "+ {{x}}" or "- {{x}}" (spacing commands allowed between), unless "{{x}}^2" follows.
    const operator = /([+-])\s*(?:\\[,:;! ]\s*)*$/.exec(template.slice(0, offset))?.[1];
    const power = /^\s*\^/.test(template.slice(offset + match.length));
    slots.push({
      name,
      placeholder,
      ...(epoch ? { epoch: Number(epoch) } : {}),
      ...(lr ? { lr: Number(lr) } : {}),
      ...(operator && !power ? { fold: operator === '+' ? '+' : '−' } : {}),
    });
    return `{${placeholder}}`;
  });
  return { tex, slots };
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The attributes that tie an element to the quantity it shows. */
export function quantityAttributes(ref: QuantityRef, value: number): string {
  return attributeText(numberAttributes(quantityRef(ref.name, ref.epoch, ref.lr), value, true));
}

function attributeText(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([name, text]) => `${name}="${escapeAttribute(text)}"`)
    .join(' ');
}

/**
 * Typesets a template with live slots. `valueOf` gives each slot's number and
 * text for the build-time (no-JavaScript) rendering.
 */
export function typesetLive(
  template: string,
  valueOf: (slot: Slot) => { value: number; text: string },
  displayMode = true,
): string {
  const { tex, slots } = parseSlots(template);
  // Brackets as unbreakable groups: a narrow screen breaks the line at = or between terms, not inside "(1 − a)".
  let html = katex.renderToString(groupBrackets(tex), { displayMode, output: 'htmlAndMathml', throwOnError: true, strict: 'error' });
  // The TeX annotation would keep the build-time numbers after an edit; the MathML carries the meaning.
  html = html.replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/, '');
  slots.forEach((slot, index) => {
    const { value, text } = valueOf(slot);
    let attrs = quantityAttributes(slot, value);
    let shown = text;
    let visual = new RegExp(`<span class="mord">${slot.placeholder}</span>`);
    let mathml = new RegExp(`<mn>${slot.placeholder}</mn>`);
    let op = '';
    if (slot.fold) {
      // The operator KaTeX set just before the number, with only spacing and box boundaries between.
      const sign = slot.fold === '+' ? '\\+' : '−';
      visual = new RegExp(`<span class="mbin">${sign}</span>((?:<span class="(?:mspace|strut)"[^>]*></span>|</span>|<span class="(?:base|mord)">)*)<span class="mord">${slot.placeholder}</span>`);
      mathml = new RegExp(`<mo>${sign}</mo><mn>${slot.placeholder}</mn>`);
      const folded = foldedTerm(slot.fold, text);
      shown = folded.text;
      const fold = foldAttributes(index, slot.fold);
      op = ` ${attributeText(fold.operator)}>${folded.operator}`;
      attrs += ` ${attributeText(fold.term)}`;
    }
    if (!visual.test(html) || !mathml.test(html)) {
      throw new Error(`Slot {{${slot.name}}} was not typeset as a plain number${slot.fold ? ` after "${slot.fold}"` : ''} in: ${template}`);
    }
    const number = (tag: string, cls: string) => `<${tag}${cls} ${attrs}>${escapeText(shown)}</${tag}>`;
    html = slot.fold
      ? html
          .replace(visual, (_m, between: string) => `<span class="mbin"${op}</span>${between}${number('span', ' class="mord live"')}`)
          .replace(mathml, `<mo${op}</mo>${number('mn', '')}`)
      : html.replace(visual, number('span', ' class="mord live"')).replace(mathml, number('mn', ''));
  });
  return html;
}

/**
 * Typesets a template as the built page shows it before any script runs: every slot at the
 * article's values, cut to `digits`. Display equations are set as inline math in display style
 * so that, like text, they can break after "=" or "+" on a narrow screen.
 */
export function typesetAtArticleValues(template: string, { display, digits = ARTICLE_DIGITS }: { display: boolean; digits?: number }): string {
  const resolve = createResolver(ARTICLE_PARAMS);
  return typesetLive(
    display ? `\\displaystyle ${template}` : template,
    (slot) => {
      const value = resolve(slot);
      return { value, text: formatQuantity(slot, value, digits) };
    },
    false,
  );
}
