/** The reading of line breaks that the phone tests use for inline formulas (e2e/small-screens.spec.ts). */
import { describe, expect, test } from 'vitest';
import { linesSpanned, type Box } from '../e2e/support/lines';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });

describe('linesSpanned', () => {
  test('no box fills no line, one box one', () => {
    expect(linesSpanned([])).toBe(0);
    expect(linesSpanned([box(33, 100, 60, 24)])).toBe(1);
  });

  test('two parts of a formula side by side are one line, though their tops differ by a pixel (as read at 320 px while fonts loaded)', () => {
    expect(linesSpanned([box(33.4, 7294.92, 68.4, 24.22), box(101.8, 7293.92, 90, 25.22)])).toBe(1);
  });

  test('a part that wraps back to the start of the next line starts a second line', () => {
    expect(linesSpanned([box(33.4, 7294.92, 68.4, 24.22), box(33.4, 7322, 90, 24)])).toBe(2);
    expect(linesSpanned([box(200, 100, 80, 24), box(20, 128, 60, 24), box(90, 128, 40, 24)])).toBe(2);
  });

  test('a part wholly below the one before starts a line, even at the same left', () => {
    expect(linesSpanned([box(33, 100, 60, 24), box(33, 124, 60, 24)])).toBe(2);
  });
});
