/**
 * Issue 16, item 5: students see symbols, never code names. The plain-text symbols (for labels,
 * announcements, titles) are the registry's TeX symbols, and every word written for students from
 * the registry (explanations' meanings, field hints) names quantities by symbol.
 */
import { describe, expect, test } from 'vitest';
import { QUANTITY_NAMES } from '../src/lib/backprop';
import { PARAM_LABELS, symbolText } from '../src/lib/labels';
import { meaningHtml } from '../src/lib/quantities/explanations';
import { REGISTRY } from '../src/lib/quantities/registry';

const SUB: Readonly<Record<string, string>> = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', a: 'ₐ', h: 'ₕ', l: 'ₗ', o: 'ₒ', t: 'ₜ' };
const lower = (s: string) => [...s].map((c) => SUB[c] ?? c).join('');

/** The registry's TeX symbol written as plain text (the few forms it uses), the total error E in a derivative. */
function plainOfTex(tex: string): string {
  const atom = (t: string) =>
    t
      .replace(/\\mathrm\{(\w+)\}/g, '$1')
      .replace(/_\{(\w+)\}|_(\w)/g, (_m, a?: string, b?: string) => lower(a ?? b ?? ''))
      .replace('\\eta', 'η');
  const frac = /^\\frac\{\\partial ([^{}]*(?:\{[^{}]*(?:\{[^{}]*\})?[^{}]*\})?)\}\{\\partial ([^{}]*(?:\{[^{}]*\})?)\}$/.exec(tex);
  if (!frac) return atom(tex);
  return `∂${atom(frac[1] ?? '').replace(/^Eₜₒₜₐₗ$/, 'E')}/∂${atom(frac[2] ?? '')}`;
}

/** A code name of the DOM contract: a quantity's name with an underscore, or a data attribute. */
const CODE_NAME = new RegExp(`\\b(${QUANTITY_NAMES.filter((n) => n.includes('_')).join('|')}|data-[a-z-]+)\\b`);

describe('symbols as plain text', () => {
  test.each(QUANTITY_NAMES.map((n) => [n]))('%s is written as the registry writes its symbol', (name) => {
    expect(symbolText(name)).toBe(plainOfTex(REGISTRY[name].symbol));
    expect(symbolText(name)).not.toMatch(/_/);
  });

  test('a few by hand', () => {
    expect(symbolText('dE_dw3')).toBe('∂E/∂w₃');
    expect(symbolText('a_h1')).toBe('aₕ₁');
    expect(symbolText('dE_da_o1')).toBe('∂E₁/∂aₒ₁');
    expect(symbolText('lr')).toBe('η');
  });
});

describe('words for students', () => {
  test('field hints name quantities by symbol', () => {
    for (const [name, { label }] of Object.entries(PARAM_LABELS)) expect(label, name).not.toMatch(CODE_NAME);
  });

  test.each(QUANTITY_NAMES.map((n) => [n]))('the explanation of %s says what it means with symbols typeset', (name) => {
    const html = meaningHtml(REGISTRY[name].meaning);
    const words = html.replace(/<annotation[\s\S]*?<\/annotation>/g, '').replace(/<math[\s\S]*?<\/math>/g, '').replace(/<[^>]+>/g, '');
    expect(words).not.toMatch(CODE_NAME);
    if (/\ba_[ho]\d\b/.test(REGISTRY[name].meaning)) expect(html).toContain('class="katex"');
    expect(words.length).toBeGreaterThan(20);
  });
});
