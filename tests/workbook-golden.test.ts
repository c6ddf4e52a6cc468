/**
 * The whole report for the two real student workbooks, compared with the one
 * the checker gave before it was reshaped into stages and rules (issue 12):
 * every block of wording, the status line and every field of each sheet's
 * verdict. The workbooks are read from ../shared at test time (never copied
 * into the project); the expected reports are `workbook-golden.json`.
 *
 * After a deliberate change of wording or findings, rewrite the expected file
 * with `WRITE_GOLDEN=1 npx vitest run tests/workbook-golden.test.ts` and read
 * its diff before committing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSheets } from '../src/lib/workbook/check';
import { checkBytes } from '../src/lib/workbook/index';
import { readXlsx } from '../src/lib/xlsx/read';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STUDENT_DIR = path.resolve(repoRoot, '../shared/fixtures/student-sheets');
const GOLDEN = path.join(repoRoot, 'tests/workbook-golden.json');
const FILES = ['correct-lr2.xlsx', 'slope-mistake-lr0.1.xlsx'] as const;

/** JSON keeps every double exactly; NaN and ±Infinity become strings so they are not lost as null. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
}

function fullReport(file: string): unknown {
  const bytes = new Uint8Array(readFileSync(path.join(STUDENT_DIR, file)));
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(read.problem.message);
  const outcome = checkBytes(bytes, file);
  return plain({ status: outcome.status, blocks: outcome.blocks, sheets: checkSheets(read.sheets) });
}

describe('the real student workbooks give the same whole report as before the checker was reshaped', () => {
  if (process.env['WRITE_GOLDEN'] === '1') {
    it('writes the expected reports', () => {
      const all = Object.fromEntries(FILES.map((file) => [file, fullReport(file)]));
      writeFileSync(GOLDEN, `${JSON.stringify(all, null, 1)}\n`);
    });
    return;
  }
  const expected = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;
  for (const file of FILES) {
    it(file, () => {
      expect(fullReport(file)).toEqual(expected[file]);
    });
  }
});
