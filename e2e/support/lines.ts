/** A box as `getBoundingClientRect` gives it, in page order. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * How many lines boxes laid out one after another (left to right) fill. A box starts a new line
 * when it begins left of the box before it or wholly below it; boxes of different heights on one
 * line, whose tops differ by a pixel while fonts load, stay on one line.
 */
export function linesSpanned(boxes: readonly Box[]): number {
  let lines = 0;
  let before: Box | undefined;
  for (const box of boxes) {
    if (!before || box.left < before.left - 0.5 || box.top >= before.bottom - 0.5) lines++;
    before = box;
  }
  return lines;
}
