/**
 * Reads an .xlsx file's sheets (cached values and formula text) without any
 * spreadsheet library: unzip with fflate, then scan the XML parts. Every
 * problem with the file becomes a {@link FileProblem} with a plain message;
 * nothing here throws to the caller.
 */
import { strFromU8, unzipSync } from 'fflate';
import { parseAddress, shiftFormula } from './cells';
import { attrByLocalName, scanXml } from './xml';

/** The largest file the checker accepts. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The most a file may unpack to (a guard against zip bombs). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** What a cell holds, as the file stores it. */
export interface ReadCell {
  /** `n` number, `s` text, `b` true/false, `e` an error such as #VALUE!, `empty` a formatted blank. */
  readonly type: 'n' | 's' | 'b' | 'e' | 'empty';
  /** The number, text or error text; for `b`, 1 or 0. */
  readonly value: number | string | null;
  /** The cached value exactly as written in the file (for judging its printed precision). */
  readonly raw: string;
  /** The formula without "=", shared formulas expanded to this cell. */
  readonly formula?: string;
}

/** One worksheet's cells, by row then column (0-based column, 1-based row). */
export interface ReadSheet {
  readonly name: string;
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, ReadCell>>;
}

/** Why a file could not be read at all. */
export interface FileProblem {
  readonly kind: 'empty' | 'too-large' | 'encrypted' | 'old-xls' | 'not-zip' | 'not-workbook' | 'damaged' | 'no-sheets';
  readonly message: string;
}

/** The outcome of reading a file. */
export type ReadResult = { ok: true; sheets: ReadSheet[] } | { ok: false; problem: FileProblem };

/** A cell of a read sheet, or undefined. */
export function cellAt(sheet: ReadSheet, col: number, row: number): ReadCell | undefined {
  return sheet.rows.get(row)?.get(col);
}

/** A cell of a read sheet by A1 address. */
export function cellAtAddress(sheet: ReadSheet, ref: string): ReadCell | undefined {
  const pos = parseAddress(ref);
  return pos ? cellAt(sheet, pos.col, pos.row) : undefined;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Does the byte array contain `text` as UTF-16LE (how CFB directory entries name their streams)? */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < text.length; j++) {
      if (bytes[i + 2 * j] !== text.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Recognises files that are not plain .xlsx before trying to unzip them. */
export function sniffProblem(bytes: Uint8Array): FileProblem | null {
  if (bytes.length === 0) return { kind: 'empty', message: 'The file is empty (0 bytes). Save the workbook again and pick the saved file.' };
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
  if (startsWith(bytes, CFB_MAGIC)) {
    // Excel wraps a password-protected .xlsx in the same container format as an old .xls file.
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) {
      return {
        kind: 'encrypted',
        message:
          'This workbook is protected with a password, so its cells cannot be read here. Open it, remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear it), save, and pick it again.',
      };
    }
    return {
      kind: 'old-xls',
      message: 'This looks like an old-style .xls file (or a password-protected workbook). Save it as an Excel Workbook (.xlsx) and pick that file.',
    };
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    return {
      kind: 'not-zip',
      message: 'This is not an Excel workbook: an .xlsx file starts differently. Pick the .xlsx file your spreadsheet program saved.',
    };
  }
  return null;
}

/** The message for a file over the size limit. */
export function tooLarge(bytes: number): FileProblem {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return {
    kind: 'too-large',
    message: `The file is ${mb} MB; the checker reads workbooks up to 10 MB. The assignment's workbook is far smaller — remove pasted images or extra sheets and try again.`,
  };
}

const DAMAGED: FileProblem = {
  kind: 'damaged',
  message: 'The file could not be unpacked: it may be damaged or only partly downloaded. Open it in your spreadsheet program, save it again as .xlsx, and pick the new file.',
};

const NOT_WORKBOOK: FileProblem = {
  kind: 'not-workbook',
  message: 'This is a zip file but not an Excel workbook (no workbook inside). Pick the .xlsx file itself.',
};

/** Resolves a relationship target against the folder of the part that owns it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relsPathFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function readRels(xml: string | undefined): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  if (!xml) return rels;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'Relationship' && attrs['Id'] && attrs['Target']) {
        rels.set(attrs['Id'], { type: attrs['Type'] ?? '', target: attrs['Target'] });
      }
    },
  });
  return rels;
}

/** Excel writes characters XML cannot hold as _xHHHH_. */
function decodeExcelEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function readSharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let current: string | null = null;
  let inText = false;
  let skipDepth = 0; // inside <rPh> (phonetic hints), whose text is not part of the string
  scanXml(xml, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 'rPh' && !selfClosing) skipDepth++;
      else if (name === 't') inText = true;
    },
    text(text) {
      if (inText && skipDepth === 0 && current !== null) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') skipDepth = Math.max(0, skipDepth - 1);
      else if (name === 'si' && current !== null) {
        out.push(decodeExcelEscapes(current));
        current = null;
      }
    },
  });
  return out;
}

interface SharedFormula {
  readonly formula: string;
  readonly col: number;
  readonly row: number;
}

/** A `<c>` element as it is scanned: its position, type attribute, value text and formula. */
interface ScannedCell {
  col: number;
  row: number;
  t: string;
  v: string;
  f: string | null;
  fAttrs: Record<string, string>;
}

/** A cell's formula, a shared formula expanded to the cell; the first cell of a shared group defines it for the rest. */
function cellFormula(cell: ScannedCell, shared: Map<string, SharedFormula>): string | undefined {
  const { col, row } = cell;
  let formula: string | undefined = cell.f ?? undefined;
  const si = cell.fAttrs['si'];
  if (cell.fAttrs['t'] === 'shared' && si !== undefined) {
    if (formula !== undefined && formula !== '') {
      shared.set(si, { formula, col, row });
    } else {
      const master = shared.get(si);
      formula = master ? shiftFormula(master.formula, row - master.row, col - master.col) : undefined;
    }
  }
  return formula === '' ? undefined : formula;
}

/** A cell's cached value by its type attribute: shared or inline text, true/false, an error, a number. */
function cellValue(t: string, v: string, strings: readonly string[]): ReadCell {
  const raw = v.trim();
  if (t === 's') {
    const index = Number(raw);
    const text = Number.isInteger(index) ? (strings[index] ?? '') : '';
    return { type: 's', value: text, raw: text };
  }
  if (t === 'inlineStr' || t === 'str') {
    const text = decodeExcelEscapes(v);
    return { type: 's', value: text, raw: text };
  }
  if (t === 'b') return { type: 'b', value: raw === '1' || raw.toLowerCase() === 'true' ? 1 : 0, raw };
  if (t === 'e') return { type: 'e', value: raw || '#N/A', raw };
  if (raw === '') return { type: 'empty', value: null, raw };
  const x = Number(raw);
  return Number.isFinite(x) ? { type: 'n', value: x, raw } : { type: 's', value: raw, raw };
}

function readSheetXml(name: string, xml: string, strings: readonly string[]): ReadSheet {
  const rows = new Map<number, Map<number, ReadCell>>();
  const shared = new Map<string, SharedFormula>();
  let rowNumber = 0;
  let nextCol = 0;
  let cell: ScannedCell | null = null;
  let target: 'v' | 'f' | 't' | null = null;
  let inInline = false;
  let inSheetData = false;

  const finish = () => {
    if (!cell) return;
    const formula = cellFormula(cell, shared);
    const value = cellValue(cell.t, cell.v, strings);
    const read = formula === undefined ? value : { ...value, formula };
    if (read.type !== 'empty' || formula !== undefined) {
      const line = rows.get(cell.row) ?? new Map<number, ReadCell>();
      line.set(cell.col, read);
      rows.set(cell.row, line);
    }
    cell = null;
  };

  scanXml(xml, {
    open(tag, attrs, selfClosing) {
      if (tag === 'sheetData') inSheetData = true;
      if (!inSheetData) return;
      if (tag === 'row') {
        const r = Number(attrs['r']);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        nextCol = 0;
      } else if (tag === 'c') {
        const pos = attrs['r'] ? parseAddress(attrs['r']) : null;
        const col = pos ? pos.col : nextCol;
        const row = pos ? pos.row : Math.max(1, rowNumber);
        nextCol = col + 1;
        cell = { col, row, t: attrs['t'] ?? 'n', v: '', f: null, fAttrs: {} };
        if (selfClosing) finish();
      } else if (cell && tag === 'v') {
        target = 'v';
      } else if (cell && tag === 'f') {
        cell.fAttrs = { ...attrs };
        cell.f = '';
        target = selfClosing ? null : 'f';
      } else if (cell && tag === 'is') {
        inInline = true;
      } else if (cell && inInline && tag === 't') {
        target = 't';
      }
    },
    text(text) {
      if (!cell || target === null) return;
      if (target === 'f') cell.f = (cell.f ?? '') + text;
      else cell.v += text;
    },
    close(tag) {
      if (tag === 'sheetData') inSheetData = false;
      if (tag === 'v' || tag === 'f' || tag === 't') target = null;
      else if (tag === 'is') inInline = false;
      else if (tag === 'c') finish();
    },
  });
  return { name, rows };
}

/**
 * Reads every worksheet of an .xlsx file: cached values and formulas. Chart
 * sheets and parts it does not need are ignored.
 */
export function readXlsx(bytes: Uint8Array): ReadResult {
  const sniffed = sniffProblem(bytes);
  if (sniffed) return { ok: false, problem: sniffed };
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        // Only XML parts are needed; images and printer settings can stay packed.
        const wanted = /\.(xml|rels)$/i.test(file.name);
        if (wanted) unpacked += file.originalSize;
        return wanted && unpacked <= MAX_UNPACKED_BYTES;
      },
    });
  } catch {
    return { ok: false, problem: DAMAGED };
  }
  if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, problem: tooLarge(unpacked) };
  const text = (path: string): string | undefined => {
    const data = files[path];
    return data ? strFromU8(data) : undefined;
  };
  try {
    let workbookPath = 'xl/workbook.xml';
    for (const rel of readRels(text('_rels/.rels')).values()) {
      if (rel.type.endsWith('/officeDocument')) workbookPath = resolvePart('', rel.target);
    }
    const workbookXml = text(workbookPath);
    if (!workbookXml) return { ok: false, problem: NOT_WORKBOOK };
    const rels = readRels(text(relsPathFor(workbookPath)));
    let strings: string[] = [];
    for (const rel of rels.values()) {
      if (rel.type.endsWith('/sharedStrings')) strings = readSharedStrings(text(resolvePart(workbookPath, rel.target)));
    }
    const entries: { name: string; part: string }[] = [];
    scanXml(workbookXml, {
      open(name, attrs) {
        if (name !== 'sheet') return;
        const id = attrByLocalName(attrs, 'id');
        const rel = id ? rels.get(id) : undefined;
        if (rel && rel.type.endsWith('/worksheet')) {
          entries.push({ name: attrs['name'] ?? `Sheet${entries.length + 1}`, part: resolvePart(workbookPath, rel.target) });
        }
      },
    });
    const sheets: ReadSheet[] = [];
    for (const entry of entries) {
      const xml = text(entry.part);
      if (xml !== undefined) sheets.push(readSheetXml(entry.name, xml, strings));
    }
    if (sheets.length === 0) {
      return { ok: false, problem: { kind: 'no-sheets', message: 'The workbook has no worksheets with cells in it.' } };
    }
    return { ok: true, sheets };
  } catch {
    return { ok: false, problem: DAMAGED };
  }
}

/** The text of a cell for messages: its number, text or error as stored. */
export function cellText(cell: ReadCell | undefined): string {
  if (!cell || cell.type === 'empty') return '(empty)';
  return cell.raw || String(cell.value ?? '');
}
