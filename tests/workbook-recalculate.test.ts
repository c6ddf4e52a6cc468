/**
 * Issue 16, item 11: a workbook saved after an edit without being recalculated. Its stored values are
 * out of date, so the checker once reported "E_total = 0.0022692634906446196, where the correct run
 * reaches 0.0022692634906446196", the same number twice. It says that the workbook needs
 * recalculating instead; a recalculated workbook, right or with a real mistake, is not told so.
 */
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE_PARAMS, type QuantityName } from '../src/lib/backprop';
import { checkBytes } from '../src/lib/workbook/index';
import { EXPORT_LAYOUT, exportColumn } from '../src/lib/workbook/export';
import { writeXlsx, type WorkbookModel } from '../src/lib/xlsx/write';
import { mistakeWorkbook, oneTabModel, recalculateModel } from './support/workbook-fixtures';

vi.setConfig({ testTimeout: 60_000 });

const first = EXPORT_LAYOUT.firstDataRow;
const at = (name: QuantityName, row: number) => `${exportColumn(name)}${row}`;

/** The export with `edits` typed over cells, as a spreadsheet saves it without recalculating. */
function editedWithoutRecalculating(edits: Readonly<Record<string, number>>, epochs = 60): WorkbookModel {
  const model = oneTabModel(ARTICLE_PARAMS, epochs);
  const sheet = model.sheets[0];
  if (!sheet) throw new Error('no sheet');
  for (const [ref, value] of Object.entries(edits)) {
    const cell = sheet.cells.get(ref);
    if (!cell) throw new Error(`no cell ${ref}`);
    // Typing a number over a cell keeps its style and drops its formula.
    const { formula: _formula, ...rest } = cell;
    sheet.cells.set(ref, { ...rest, value });
  }
  return model;
}

/** Every paragraph and the status line of the report, as text. */
function reportText(model: WorkbookModel): { status: string; text: string } {
  const outcome = checkBytes(writeXlsx(model), 'edited.xlsx');
  const text = outcome.blocks.map((b) => ('text' in b ? b.text : 'items' in b ? b.items.join(' ') : '')).join('\n');
  return { status: outcome.status, text };
}

/** A sentence that names the same number twice ("E_total = X, where the correct run reaches X"). */
const SAME_NUMBER_TWICE = /= ([\d.e−-]+), where the correct run reaches \1\b/;

describe('a workbook saved without recalculating', () => {
  it('a weight typed over in a middle row: says it needs recalculating, never the same number twice', () => {
    const { status, text } = reportText(editedWithoutRecalculating({ [at('w1', first + 20)]: 0.2 }));
    expect(status).toMatch(/needs recalculating/);
    expect(text).toMatch(/needs recalculating/);
    expect(text).not.toMatch(SAME_NUMBER_TWICE);
  });

  it('an input changed in the first row: names the out-of-date cell whose formula is right', () => {
    const { status, text } = reportText(editedWithoutRecalculating({ [at('t1', first)]: 0.9 }));
    expect(status).toMatch(/needs recalculating \([A-Z]+\d+ is out of date\)/);
    expect(text).toMatch(/its own formula, the right one, does not give/);
  });

  it('the same edits, recalculated: nothing is out of date', () => {
    for (const edits of [{ [at('t1', first)]: 0.9 }, { [at('w1', first + 20)]: 0.2 }]) {
      const { status, text } = reportText(recalculateModel(editedWithoutRecalculating(edits, 40)));
      expect(status).not.toMatch(/recalculat/);
      expect(text).not.toMatch(/needs recalculating/);
      expect(text).not.toMatch(SAME_NUMBER_TWICE);
    }
  });

  it('a real mistake, recalculated, is named as before and not taken for out-of-date values', () => {
    const outcome = checkBytes(mistakeWorkbook('slope', { epochs: 40 }), 'slope.xlsx');
    expect(outcome.status).not.toMatch(/recalculat/);
    expect(outcome.status).toMatch(/First wrong cell/);
  });
});
