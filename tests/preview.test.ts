import { describe, expect, it } from 'vitest';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, createResolver, formatQuantity, type QuantityName } from '../src/lib/backprop';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH, previewSvg, wrapWords, xmlText } from '../src/lib/preview/card';
import { previewPng } from '../src/lib/preview/render';

const shown = (name: QuantityName) => formatQuantity({ name }, createResolver(ARTICLE_PARAMS)({ name }), ARTICLE_DIGITS);

describe('preview card', () => {
  it('wraps a title at word boundaries within the width, a long word on its own line', () => {
    expect(wrapWords('Weight update and learning rate', 16)).toEqual(['Weight update', 'and learning', 'rate']);
    expect(wrapWords('Backpropagation', 5)).toEqual(['Backpropagation']);
    for (const line of wrapWords('one two three four five six seven', 9)) expect(line.length).toBeLessThanOrEqual(9);
  });

  it('escapes text for XML', () => {
    expect(xmlText(`a < b & "c" > d`)).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });

  it('draws the title and the network at the article’s values, as the pages show them', () => {
    const svg = previewSvg({ kicker: 'Section 1.4', title: 'Steps & <b>' });
    expect(svg).toContain(`width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}"`);
    expect(svg).toContain('Steps &amp; &lt;b&gt;');
    expect(svg).not.toContain('<b>');
    // Every weight and activation, and the error, computed by the math module (a_o1 = 0.6064, E_total = 0.01418).
    for (const name of ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'i1', 'i2', 'a_h1', 'a_h2', 'a_o1', 'a_o2', 'E_total'] as const) {
      expect(svg, name).toContain(`= ${shown(name)}<`);
    }
    expect(shown('a_o1')).toBe('0.6064');
    expect(shown('E_total')).toBe('0.01418');
  });

  it('rasterises to a 1200 × 630 PNG', async () => {
    const png = Buffer.from(await previewPng({ kicker: 'Section 1.1', title: 'Introduction' }));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }, 30_000);
});
