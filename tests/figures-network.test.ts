/** The network diagram's structure and its narrow (phone) layout: lib/figures/network. */
import { describe, expect, test } from 'vitest';
import { ARTICLE_DIGITS, ARTICLE_PARAMS, evaluate, formatQuantity, type QuantityName } from '../src/lib/backprop';
import {
  CONNECTIONS,
  connectionQuantity,
  describedQuantities,
  NARROW_ACROSS,
  NARROW_BAND_REM,
  narrowBand,
  narrowLabelBoxes,
  NEURONS,
  neuronQuantities,
  segmentClearance,
  symbolParts,
  type Box,
} from '../src/lib/figures/network';

describe('the network', () => {
  test('connections follow the article’s numbering: w1 i1→h1, w2 i2→h1, w3 i1→h2, w4 i2→h2, then w5 … w8 from h to o', () => {
    const ends = CONNECTIONS.map((c) => {
      const from = NEURONS.find((n) => n.layer === c.layer && n.row === c.from)?.name;
      const to = NEURONS.find((n) => n.layer === c.layer + 1 && n.row === c.to)?.name;
      return `${c.weight} ${from}→${to}`;
    });
    expect(ends).toEqual(['w1 i1→h1', 'w2 i2→h1', 'w3 i1→h2', 'w4 i2→h2', 'w5 h1→o1', 'w6 h2→o1', 'w7 h1→o2', 'w8 h2→o2']);
  });

  test('each view’s numbers beside a neuron, the value the neuron computes last nearest to it', () => {
    const [, , h1, , o1] = NEURONS;
    if (!h1 || !o1) throw new Error('six neurons');
    expect(neuronQuantities(o1, 'values', 'above')).toEqual(['t1', 'o1', 'a_o1']);
    expect(neuronQuantities(o1, 'values', 'below')).toEqual(['o1', 'a_o1', 't1']);
    expect(neuronQuantities(h1, 'backward', 'above')).toEqual(['a_h1', 'dE_dh1']);
    expect(neuronQuantities(h1, 'backward', 'below')).toEqual(['dE_dh1', 'a_h1']);
    expect(CONNECTIONS.map((c) => connectionQuantity(c, 'backward'))).toEqual(['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8']);
  });

  test('the description names every number the values view draws, once', () => {
    const drawn = [...NEURONS.flatMap((n) => neuronQuantities(n, 'values', 'below')), ...CONNECTIONS.map((c) => connectionQuantity(c, 'values'))];
    expect([...describedQuantities('values')].sort()).toEqual([...drawn].sort());
    expect(new Set(describedQuantities('backward')).size).toBe(describedQuantities('backward').length);
  });

  test('symbols split into base and subscript', () => {
    expect(symbolParts('a_h1')).toEqual(['a', 'h1']);
    expect(symbolParts('dE_dw5')).toEqual(['∂E/∂w', '5']);
    expect(symbolParts('t2')).toEqual(['t', '2']);
  });
});

describe('the narrow layout', () => {
  /** Columns of a 320 px and a 390 px phone (1 rem of page margin each side), in px. */
  const COLUMNS = [288, 358];
  const BAND = NARROW_BAND_REM * 16;
  /** A label as drawn at 13 px: a wide font's digits are 0.64 em; two lines, the number a 24 px target. */
  const FONT = 13;
  const labelSize = (name: QuantityName): [number, number] => {
    const s = evaluate(ARTICLE_PARAMS);
    const number = formatQuantity({ name }, s[name], ARTICLE_DIGITS);
    const [base, sub] = symbolParts(name);
    const chars = Math.max(number.length, base.length + sub.length + 2);
    return [chars * 0.64 * FONT + 4, FONT * 1.2 + 24];
  };
  const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

  for (const view of ['values', 'backward'] as const) {
    for (const width of COLUMNS) {
      for (const layer of [0, 1] as const) {
        test(`${view} view, ${width} px column, connections from layer ${layer}: each label on its own line, clear of the others and of every other line`, () => {
          const band = narrowBand(layer);
          const sizes = band.map((c) => labelSize(connectionQuantity(c, view)));
          const labelWidth = Math.max(...sizes.map(([w]) => w));
          const labelHeight = Math.max(...sizes.map(([, h]) => h));
          const boxes = narrowLabelBoxes(layer, width, BAND, labelWidth, labelHeight);
          const lines = band.map(({ line: [x1, y1, x2, y2] }) => [(x1 / 100) * width, (y1 / 100) * BAND, (x2 / 100) * width, (y2 / 100) * BAND] as const);
          for (const [i, box] of boxes.entries()) {
            // Its own line runs through the middle of its label.
            const centre: Box = [(box[0] + box[2]) / 2 - 1, (box[1] + box[3]) / 2 - 1, (box[0] + box[2]) / 2 + 1, (box[1] + box[3]) / 2 + 1];
            expect(segmentClearance(lines[i] ?? [0, 0, 0, 0], centre)).toBe(0);
            for (const [j, line] of lines.entries()) {
              if (j !== i) expect(segmentClearance(line, box), `${band[i]?.weight}’s label and ${band[j]?.weight}’s line`).toBeGreaterThanOrEqual(3);
            }
            for (const other of boxes.slice(i + 1)) expect(overlap(box, other)).toBe(false);
            expect(box[0]).toBeGreaterThanOrEqual(0);
            expect(box[2]).toBeLessThanOrEqual(width);
          }
        });
      }
    }
  }

  test('a neuron’s card fits its half of a 320 px phone’s column', () => {
    expect(Math.min(NARROW_ACROSS[0], 100 - NARROW_ACROSS[1]) * 2 * 2.88).toBeGreaterThan(120);
  });

  test('segmentClearance measures the gap between a line and a box', () => {
    expect(segmentClearance([0, 0, 10, 0], [12, -1, 20, 1])).toBeCloseTo(2);
    expect(segmentClearance([0, 0, 10, 10], [4, 4, 6, 6])).toBe(0);
  });
});
