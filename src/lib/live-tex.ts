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
import { ARTICLE_DIGITS, ARTICLE_PARAMS, createResolver, formatQuantity, isQuantityName, type QuantityRef } from './backprop';
import { groupBrackets } from './math-breaks';

/** A slot found in a template. */
export interface Slot extends QuantityRef {
  /** The placeholder number KaTeX saw in its place. */
  readonly placeholder: string;
}

const SLOT = /\{\{\s*([A-Za-z_0-9]+)(?:@(\d+))?(?::lr=([0-9.e+-]+))?\s*\}\}/g;

/** Finds the slots of a template and gives each a placeholder no equation contains. */
export function parseSlots(template: string): { tex: string; slots: Slot[] } {
  const slots: Slot[] = [];
  const tex = template.replace(SLOT, (_match, name: string, epoch?: string, lr?: string) => {
    if (!isQuantityName(name)) throw new Error(`Unknown quantity "${name}" in equation: ${template}`);
    const placeholder = `7${String(slots.length).padStart(3, '0')}919193`;
    slots.push({
      name,
      placeholder,
      ...(epoch ? { epoch: Number(epoch) } : {}),
      ...(lr ? { lr: Number(lr) } : {}),
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
  let attrs = `data-q="${ref.name}" data-value="${escapeAttribute(String(value))}" data-bind=""`;
  if (ref.epoch !== undefined && ref.epoch !== 1) attrs += ` data-epoch="${ref.epoch}"`;
  if (ref.lr !== undefined) attrs += ` data-lr="${ref.lr}"`;
  return attrs;
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
  for (const slot of slots) {
    const { value, text } = valueOf(slot);
    const attrs = quantityAttributes(slot, value);
    const visual = new RegExp(`<span class="mord">${slot.placeholder}</span>`);
    const mathml = new RegExp(`<mn>${slot.placeholder}</mn>`);
    if (!visual.test(html) || !mathml.test(html)) {
      throw new Error(`Slot {{${slot.name}}} was not typeset as a plain number in: ${template}`);
    }
    html = html
      .replace(visual, `<span class="mord live" ${attrs}>${escapeText(text)}</span>`)
      .replace(mathml, `<mn ${attrs}>${escapeText(text)}</mn>`);
  }
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
