/**
 * Cell addresses (A1 style) and the cell references inside formulas: reading
 * them, and moving them the way a spreadsheet does when a formula is filled
 * down (relative parts move, `$` parts stay).
 */

/** Column letters for a 0-based column index: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let n = Math.max(0, Math.floor(index)) + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based column index for column letters: A → 0, AB → 27 (case-insensitive). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** An A1 address for a 0-based column and a 1-based row. */
export function address(col: number, row: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A cell position: 0-based column, 1-based row. */
export interface CellPos {
  readonly col: number;
  readonly row: number;
}

/** Reads `AB21` or `$AB$21`; null for anything else. */
export function parseAddress(ref: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { col: columnIndex(m[1] ?? 'A'), row: Number(m[2]) };
}

/** One cell reference found in a formula. */
export interface FormulaRef {
  /** The sheet named before `!`, without quotes; undefined for the formula's own sheet. */
  readonly sheet: string | undefined;
  readonly col: number;
  readonly row: number;
  readonly colAbsolute: boolean;
  readonly rowAbsolute: boolean;
  /** Where the reference (without its sheet prefix) starts and ends in the formula text. */
  readonly start: number;
  readonly end: number;
}

const REF_AT = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const WORD_CHAR = /[A-Za-z0-9_.]/;

/**
 * Every single-cell reference in a formula (both ends of a range count),
 * skipping string literals and function names such as LOG10(.
 */
export function formulaRefs(formula: string): FormulaRef[] {
  const refs: FormulaRef[] = [];
  let sheet: string | undefined;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? '';
    if (ch === '"') {
      // A string literal; "" inside is an escaped quote.
      i++;
      while (i < formula.length) {
        if (formula[i] === '"' && formula[i + 1] === '"') i += 2;
        else if (formula[i] === '"') break;
        else i++;
      }
      i++;
      sheet = undefined;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: 'LR 0.1'!X4 ('' inside is an escaped quote).
      let j = i + 1;
      let name = '';
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j + 1] === '!') {
        sheet = name;
        i = j + 2;
      } else {
        i = j + 1;
      }
      continue;
    }
    const prev = i > 0 ? (formula[i - 1] ?? '') : '';
    if (/[A-Za-z$_]/.test(ch) && !WORD_CHAR.test(prev)) {
      // An unquoted sheet name followed by "!".
      const word = /^[A-Za-z_][A-Za-z0-9_.]*!/.exec(formula.slice(i));
      if (word) {
        sheet = word[0].slice(0, -1);
        i += word[0].length;
        continue;
      }
      const m = REF_AT.exec(formula.slice(i));
      if (m) {
        const end = i + m[0].length;
        const next = formula[end] ?? '';
        if (!WORD_CHAR.test(next) && next !== '(' && next !== '!') {
          refs.push({
            sheet,
            col: columnIndex(m[2] ?? 'A'),
            row: Number(m[4]),
            colAbsolute: m[1] === '$',
            rowAbsolute: m[3] === '$',
            start: i,
            end,
          });
          i = end;
          // A range's second end belongs to the same sheet.
          if (formula[i] !== ':') sheet = undefined;
          continue;
        }
      }
      const skip = /^[A-Za-z0-9_.$]+/.exec(formula.slice(i));
      i += skip ? skip[0].length : 1;
      sheet = undefined;
      continue;
    }
    if (ch !== ':') sheet = undefined;
    i++;
  }
  return refs;
}

/** Writes a reference back as text, keeping its `$` marks. */
export function refText(ref: Pick<FormulaRef, 'col' | 'row' | 'colAbsolute' | 'rowAbsolute'>): string {
  return `${ref.colAbsolute ? '$' : ''}${columnLetters(ref.col)}${ref.rowAbsolute ? '$' : ''}${ref.row}`;
}

/**
 * The formula as it reads after being copied `rows` down and `cols` right:
 * relative parts move, absolute (`$`) parts stay. Used to expand shared formulas.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  const refs = formulaRefs(formula);
  let out = '';
  let last = 0;
  for (const ref of refs) {
    const moved = {
      ...ref,
      col: ref.colAbsolute ? ref.col : ref.col + cols,
      row: ref.rowAbsolute ? ref.row : ref.row + rows,
    };
    out += formula.slice(last, ref.start) + (moved.col < 0 || moved.row < 1 ? '#REF!' : refText(moved));
    last = ref.end;
  }
  return out + formula.slice(last);
}
