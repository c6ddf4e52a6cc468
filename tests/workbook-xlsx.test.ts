import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { VNode } from 'preact';
import { ARTICLE_PARAMS } from '../src/lib/backprop';
import { columnIndex, columnLetters, formulaRefs, shiftFormula } from '../src/lib/xlsx/cells';
import { checkSheets } from '../src/lib/workbook/check';
import { DEFINITIONS, evaluateExpr, updateOf } from '../src/lib/quantities/definitions';
import { printFormula } from '../src/lib/workbook/formulas';
import { headerQuantity, isLearningRateLabel } from '../src/lib/workbook/headers';
import { reportBlocks } from '../src/lib/workbook/report';
import { reportView } from '../src/lib/workbook/view';
import { cellAt, readXlsx, type ReadSheet } from '../src/lib/xlsx/read';
import { writeXlsx, type CellModel } from '../src/lib/xlsx/write';
import { decodeEntities, escapeXml, scanXml } from '../src/lib/xlsx/xml';
import { oneTabModel } from './support/workbook-fixtures';

describe('XML scanning', () => {
  it('decodes entities and character references, keeps unknown ones', () => {
    expect(decodeEntities('a &lt; b &amp;&amp; c &gt; d &quot;e&quot; &apos;f&apos; &#8706; &#x2202; &nbsp;')).toBe(`a < b && c > d "e" 'f' ∂ ∂ &nbsp;`);
    expect(escapeXml('<a & "b">\u0001')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
  });

  it('reports tags without prefixes, attributes with quotes and > inside, CDATA as text, and survives truncation', () => {
    const events: string[] = [];
    scanXml(`<?xml version="1.0"?><!-- c --><x:row r="2" note='a>b'><x:c r="A2"/><t><![CDATA[1 < 2]]></t></x:row><broken attr="`, {
      open: (name, attrs, self) => events.push(`open ${name} ${JSON.stringify(attrs)} ${self}`),
      text: (t) => events.push(`text ${t}`),
      close: (name) => events.push(`close ${name}`),
    });
    expect(events).toEqual([
      'open row {"r":"2","note":"a>b"} false',
      'open c {"r":"A2"} true',
      'close c',
      'open t {} false',
      'text 1 < 2',
      'close t',
      'close row',
    ]);
  });
});

describe('cell references', () => {
  it('converts column letters both ways', () => {
    for (const [i, letters] of [[0, 'A'], [25, 'Z'], [26, 'AA'], [27, 'AB'], [701, 'ZZ'], [702, 'AAA']] as const) {
      expect(columnLetters(i)).toBe(letters);
      expect(columnIndex(letters)).toBe(i);
    }
  });

  it('finds references, not function names, strings or sheet prefixes', () => {
    // ln2 is a real reference in Excel (column LN, row 2); PI() is a function.
    const refs = formulaRefs(`LOG10(A1)+'LR 0.1'!$X$4+Sheet2!B$3+"C5"&SUM(D1:E2)+ln2*PI()`);
    expect(refs.map((r) => [r.sheet ?? '', columnLetters(r.col), r.row, r.colAbsolute, r.rowAbsolute])).toEqual([
      ['', 'A', 1, false, false],
      ['LR 0.1', 'X', 4, true, true],
      ['Sheet2', 'B', 3, false, true],
      ['', 'D', 1, false, false],
      ['', 'E', 2, false, false],
      ['', 'LN', 2, false, false],
    ]);
  });

  it('moves relative parts only, as filling a formula down does', () => {
    expect(shiftFormula('E19-$D$17*X19', 1, 0)).toBe('E20-$D$17*X20');
    expect(shiftFormula('F19-D$17*Y19+$A20', 2, 1)).toBe('G21-E$17*Z21+$A22');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });
});

describe('formulas mirror the math module', () => {
  it('evaluate to the same bits as evaluate() for every derived quantity', async () => {
    const { evaluate } = await import('../src/lib/backprop');
    const snap = evaluate(ARTICLE_PARAMS);
    const get = (q: string) => (q in ARTICLE_PARAMS ? ARTICLE_PARAMS[q as keyof typeof ARTICLE_PARAMS] : undefined);
    for (const [name, expr] of Object.entries(DEFINITIONS)) {
      expect(evaluateExpr(expr, get as never, ARTICLE_PARAMS.lr), name).toBe(snap[name as keyof typeof snap]);
    }
  });

  it('print readable formulas in any column layout, inlining what has no column', () => {
    const cols: Record<string, string> = { i1: 'C', i2: 'D', w1: 'E', w2: 'F', t1: 'A', a_o1: 'R', a_h1: 'J' };
    const ctx = { lr: '$D$17', loose: true, ref: (q: string, prev: boolean) => (cols[q] ? `${cols[q]}${prev ? 18 : 19}` : null) };
    expect(printFormula(DEFINITIONS.h1, ctx)).toBe('E19*C19+F19*D19');
    expect(printFormula(DEFINITIONS.E1, ctx)).toBe('0.5*(A19-R19)^2');
    expect(printFormula(DEFINITIONS.a_h1, ctx)).toBe('1/(1+EXP(-(E19*C19+F19*D19)))');
    expect(printFormula(updateOf('w1'), ctx)).toMatch(/^E18-\$D\$17\*\(/);
    // Exact order (for the export) keeps the grouping of products.
    expect(printFormula(DEFINITIONS.dE_dw5, { lr: '$B$1', ref: (q: string) => ({ a_o1: 'S4', t1: 'B4', a_h1: 'K4' })[q] ?? null })).toBe('(S4-B4)*(S4*(1-S4))*K4');
  });
});

describe('header names and labels', () => {
  it('recognises students’ spellings', () => {
    const cases: [string, string | null][] = [
      ['E_tot', 'E_total'], ['E_Total', 'E_total'], ['E total', 'E_total'], ['∂E/∂w1', 'dE_dw1'], ['dE/dw2', 'dE_dw2'],
      ['dE_dw3', 'dE_dw3'], ['∂E_total/∂w4', 'dE_dw4'], ['DEtot/dw8', 'dE_dw8'], ['out_h1', 'a_h1'], ['A_O2', 'a_o2'],
      ['net_o1', 'o1'], ['∂E/∂a_o1', 'dE_da_o1'], ['h1=i1*w1+i2*w2', null], ['w9', null], ['', null],
    ];
    for (const [text, q] of cases) expect(headerQuantity(text), text).toBe(q);
  });

  it('recognises learning-rate labels', () => {
    for (const text of ['LR', 'η =', 'eta', 'learning_rate', 'Learning Rate', 'Learning rate (LR)']) expect(isLearningRateLabel(text), text).toBe(true);
    for (const text of ['w1', 'E_total', 'rate of change of E']) expect(isLearningRateLabel(text), text).toBe(false);
  });
});

function sheetXml(rows: string): string {
  return `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
}

function workbook(sheets: Record<string, string>, sharedStrings?: string): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    '_rels/.rels': strToU8(
      '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/book.xml"/></Relationships>',
    ),
    'xl/book.xml': strToU8(
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
        .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="s${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/book.xml.rels': strToU8(
      `<Relationships>${names
        .map((_, i) => `<Relationship Id="s${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/s${i + 1}.xml"/>`)
        .join('')}<Relationship Id="ss" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>`,
    ),
  };
  names.forEach((n, i) => (files[`xl/sheets/s${i + 1}.xml`] = strToU8(sheetXml(sheets[n] ?? ''))));
  if (sharedStrings) files['xl/strings.xml'] = strToU8(sharedStrings);
  return zipSync(files);
}

describe('reading workbooks', () => {
  it('reads every cell type, rich shared strings, shared formulas and cells without addresses', () => {
    const bytes = workbook(
      {
        One: `<x:row r="3"><x:c r="B3" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>in&amp;line</x:t></x:is></x:c></x:row>
             <x:row r="4"><x:c r="B4" t="b"><x:v>1</x:v></x:c><x:c r="C4" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="D4" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="E4"><x:v>6.39816742627525E-008</x:v></x:c><x:c r="F4" s="3"/></x:row>
             <x:row r="5"><x:c r="B5"><x:f t="shared" ref="B5:B7" si="0">B4-$D$1*C4</x:f><x:v>1</x:v></x:c></x:row>
             <x:row r="7"><x:c r="B7"><x:f t="shared" si="0"/><x:v>2</x:v></x:c></x:row>`,
        Two: '<x:row><x:c><x:v>42</x:v></x:c></x:row>',
      },
      '<sst><si><t>E_tot</t></si><si><r><t>∂E/</t></r><r><t>∂w1</t></r><rPh><t>ignored</t></rPh></si></sst>',
    );
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.problem.message);
    const [one, two] = read.sheets as [ReadSheet, ReadSheet];
    expect(read.sheets.map((s) => s.name)).toEqual(['One', 'Two']);
    expect(cellAt(one, 1, 3)?.value).toBe('E_tot');
    expect(cellAt(one, 2, 3)?.value).toBe('∂E/∂w1');
    expect(cellAt(one, 3, 3)?.value).toBe('in&line');
    expect(cellAt(one, 1, 4)).toMatchObject({ type: 'b', value: 1 });
    expect(cellAt(one, 2, 4)).toMatchObject({ type: 'e', value: '#DIV/0!' });
    expect(cellAt(one, 3, 4)).toMatchObject({ type: 's', value: 'ab', formula: '"a"&"b"' });
    expect(cellAt(one, 4, 4)).toMatchObject({ type: 'n', value: 6.39816742627525e-8, raw: '6.39816742627525E-008' });
    expect(cellAt(one, 5, 4)).toBeUndefined();
    expect(cellAt(one, 1, 7)?.formula).toBe('B6-$D$1*C6');
    expect(cellAt(two, 0, 1)?.value).toBe(42);
  });

  it('writes and reads back numbers, text, booleans, errors and formulas unchanged', () => {
    const cells = new Map<string, CellModel>([
      ['A1', { value: 0.1 + 0.2 }],
      ['B1', { value: -1.2345678901234567e-300 }],
      ['C1', { value: 'x < y & "z"', style: 'bold' }],
      ['D1', { value: true }],
      ['E1', { value: { error: '#VALUE!' }, formula: 'A1*"t1"' }],
      ['F1', { value: 3, formula: 'A1+B1' }],
      ['AB300', { value: 1e21 }],
    ]);
    const read = readXlsx(writeXlsx({ sheets: [{ name: 'T & <q>', cells }] }));
    if (!read.ok) throw new Error(read.problem.message);
    const sheet = read.sheets[0] as ReadSheet;
    expect(sheet.name).toBe('T & <q>');
    expect(cellAt(sheet, 0, 1)?.value).toBe(0.1 + 0.2);
    expect(cellAt(sheet, 1, 1)?.value).toBe(-1.2345678901234567e-300);
    expect(cellAt(sheet, 2, 1)?.value).toBe('x < y & "z"');
    expect(cellAt(sheet, 3, 1)).toMatchObject({ type: 'b', value: 1 });
    expect(cellAt(sheet, 4, 1)).toMatchObject({ type: 'e', value: '#VALUE!', formula: 'A1*"t1"' });
    expect(cellAt(sheet, 5, 1)).toMatchObject({ value: 3, formula: 'A1+B1' });
    expect(cellAt(sheet, 27, 300)?.value).toBe(1e21);
  });
});

function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string' || typeof node === 'number') out.push(String(node));
  else if (Array.isArray(node)) node.forEach((n) => texts(n, out));
  else if (node && typeof node === 'object' && 'props' in node) {
    const props = (node as VNode<{ children?: unknown; dangerouslySetInnerHTML?: unknown }>).props;
    if (props.dangerouslySetInnerHTML !== undefined) throw new Error('the report must not set HTML');
    texts(props.children, out);
  }
  return out;
}

describe('the report view', () => {
  it('puts text from the file in as text, never as markup', () => {
    const model = oneTabModel(ARTICLE_PARAMS, 5);
    const hostile = '<img src=x onerror=alert(1)>';
    const sheet = model.sheets[0];
    if (!sheet) throw new Error('no sheet');
    const read = readXlsx(writeXlsx({ sheets: [{ ...sheet, name: 'x' }, { name: hostile.slice(0, 31), cells: new Map([['A1', { value: hostile }]]) }] }));
    if (!read.ok) throw new Error(read.problem.message);
    const blocks = reportBlocks(`${hostile}.xlsx`, checkSheets(read.sheets));
    const all = texts(reportView(blocks));
    expect(all.some((t) => t.includes(hostile))).toBe(true);
    expect(all.join(' ')).toContain('Column by column');
  });
});
