/**
 * Recalculates a workbook read back from .xlsx bytes with HyperFormula, an
 * engine independent of this project, so tests can compare what the formulas
 * compute with what the math module says.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import type { ReadSheet } from '../../src/lib/xlsx/read';

/** A recalculated workbook: the value of any cell by sheet name and 0-based column, 1-based row. */
export interface Recalculated {
  value(sheet: string, col: number, row: number): unknown;
  destroy(): void;
}

/** Feeds every sheet's formulas (or plain values) to HyperFormula and recalculates. */
export function recalculate(sheets: readonly ReadSheet[]): Recalculated {
  const input: Record<string, RawCellContent[][]> = {};
  for (const sheet of sheets) {
    const grid: RawCellContent[][] = [];
    for (const [row, cells] of sheet.rows) {
      const line: RawCellContent[] = (grid[row - 1] ??= []);
      for (const [col, cell] of cells) {
        line[col] = cell.formula !== undefined ? `=${cell.formula}` : cell.type === 'n' ? cell.value : cell.type === 's' ? String(cell.value) : null;
      }
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    input[sheet.name] = grid;
  }
  // smartRounding off: no rounding of results to 10 digits, so the comparison sees every bit.
  const hf = HyperFormula.buildFromSheets(input, { licenseKey: 'gpl-v3', smartRounding: false });
  return {
    value(sheet, col, row) {
      const id = hf.getSheetId(sheet);
      if (id === undefined) throw new Error(`no sheet ${sheet}`);
      return hf.getCellValue({ sheet: id, col, row: row - 1 });
    },
    destroy: () => hf.destroy(),
  };
}
