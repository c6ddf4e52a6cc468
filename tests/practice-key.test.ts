/**
 * Issue 20, item 3: the instructor's answer key. Its answers are the ones the students' blocks judge
 * right for the same seed, and its CSV holds every number exactly.
 */
import { describe, expect, test } from 'vitest';
import { PARAM_NAMES } from '../src/lib/backprop';
import { EXERCISES, deal, judge } from '../src/lib/exercises';
import { MAX_SEEDS, answerKey, answerText, keyCsv, keyHeads, seedsOf } from '../src/lib/practice/key';

/** A small RFC 4180 reader, for the test only. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('pasted seeds', () => {
  test('one per line, trimmed, without empty lines or repeats', () => {
    expect(seedsOf(' anna \r\n\nben\nanna\n  \ncara, 12\n')).toEqual({ seeds: ['anna', 'ben', 'cara, 12'], leftOut: 0 });
  });

  test(`at most ${MAX_SEEDS}`, () => {
    const text = Array.from({ length: MAX_SEEDS + 5 }, (_, k) => `s${k}`).join('\n');
    const { seeds, leftOut } = seedsOf(text);
    expect(seeds).toHaveLength(MAX_SEEDS);
    expect(leftOut).toBe(5);
  });
});

describe('the key', () => {
  const seeds = ['student-17', 'ana', '4711'];
  const rows = answerKey(seeds);

  test("a row's configuration is the one the seed deals", () => {
    rows.forEach((row, k) => expect(row.config).toEqual(deal(seeds[k] ?? '')));
  });

  test('every answer, as the table shows it, is judged right by the exercise it answers', () => {
    for (const row of rows) {
      EXERCISES.forEach((e, k) => {
        const verdict = judge(e, row.config, row.shown[k] ?? '');
        expect(verdict.kind, `${row.seed} ${e.id}${e.epoch ? '@2' : ''}: ${row.shown[k]} → ${verdict.message}`).toBe('right');
      });
    }
  });

  test('the CSV holds a head and one row per seed, every number exact', () => {
    const table = parseCsv(keyCsv(rows));
    expect(table[0]).toEqual(keyHeads());
    expect(table).toHaveLength(seeds.length + 1);
    table.slice(1).forEach((cells, k) => {
      const row = rows[k];
      if (!row) throw new Error('row missing');
      expect(cells[0]).toBe(row.seed);
      expect(cells.slice(1, 1 + PARAM_NAMES.length).map(Number)).toEqual(PARAM_NAMES.map((n) => row.config[n]));
      expect(cells.slice(1 + PARAM_NAMES.length).map(Number)).toEqual(row.answers);
    });
  });

  test('seeds with commas, quotes or a leading = stay one text field', () => {
    const odd = ['a,b', 'say "hi"', '=1+1', '-5'];
    const table = parseCsv(keyCsv(answerKey(odd)));
    expect(table.slice(1).map((cells) => cells[0])).toEqual(['a,b', 'say "hi"', "'=1+1", "'-5"]);
  });

  test('students read symbols in the heads, not code names', () => {
    expect(keyHeads().join(' ')).not.toMatch(/_|\bdE|\blr\b/);
  });
});

describe('answers as the table writes them', () => {
  test.each([
    [0.347, 6, '0.347000'],
    [12, 4, '12.00'],
    [-0.0123456789, 6, '\u22120.0123456'],
    [1.5e-7, 6, '1.5e\u22127'],
  ])('%s to %s digits: %s', (x, digits, text) => {
    expect(answerText(x, digits)).toBe(text);
  });
});
