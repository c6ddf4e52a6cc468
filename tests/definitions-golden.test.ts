/**
 * What the registry, the workbook's formulas, the checker's wrong versions, the notes and the
 * explanations produce, compared with files written before each quantity got one definition
 * (tests/golden/*.json): every TeX string, every Excel formula, every value, exactly.
 *
 * After a deliberate change, rewrite them with `WRITE_GOLDEN=1 npx vitest run tests/definitions-golden.test.ts`
 * and read the diff before committing it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  ARTICLE_EPOCHS,
  ARTICLE_PARAMS,
  QUANTITY_NAMES,
  WEIGHT_NAMES,
  atEpoch,
  evaluate,
  type ParamName,
  type Params,
  type QuantityName,
  type Snapshot,
} from '../src/lib/backprop';
import { buildExplanations } from '../src/lib/quantities/explanations';
import { REGISTRY, liveEquation, updateRule, type Formula } from '../src/lib/quantities/registry';
import { EXPORT_COLUMNS, EXPORT_LAYOUT, buildWorkbookModel, exportContext } from '../src/lib/workbook/export';
import { columnFormula, evaluateExpr, type Getter } from '../src/lib/quantities/definitions';
import { printFormula, type PrintContext } from '../src/lib/workbook/formulas';
import { MISTAKES, NOTED_MISTAKES, wrongVersions } from '../src/lib/mistakes';
import { runWorkbook } from '../src/lib/mistakes/run';
import { findEpochTable, printContext, type EpochTable } from '../src/lib/workbook/table';
import { readXlsx } from '../src/lib/xlsx/read';
import { writeXlsx, type CellModel, type WorkbookModel } from '../src/lib/xlsx/write';
import { agreeName, createMistakeResolver, mistakenName } from '../src/lib/mistakes/notes/quantities';
import { noteFormulas } from '../src/lib/mistakes/notes/tex';
import { moveSheet, oneTabModel, STUDENT_SPELLINGS } from './support/workbook-fixtures';

vi.setConfig({ testTimeout: 60_000 });

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GOLDEN_DIR = path.join(repoRoot, 'tests/golden');

/** The article's values and two others: targets apart, other signs, a large rate, and sums far out on the sigmoid. */
const CONFIGS: Readonly<Record<string, Params>> = {
  article: ARTICLE_PARAMS,
  apart: { i1: 0.8, i2: -0.3, t1: 0.1, t2: 0.9, w1: -0.5, w2: 0.7, w3: 1.2, w4: -0.9, w5: 0.3, w6: -1.1, w7: 0.8, w8: 0.25, lr: 2 },
  steep: { i1: 3, i2: 2.5, t1: 0.99, t2: 0.02, w1: 4, w2: -3, w3: 2.5, w4: 1.5, w5: -6, w6: 5, w7: 3.5, w8: -4.5, lr: 0.5 },
};

/** Every double as its exact text (NaN and ±Infinity included). */
const num = (v: number): string => String(v);

/** A formula run on the ingredients' values only. */
function computeAt(f: Formula, s: Snapshot): string {
  return num(f.compute(s as Readonly<Record<QuantityName, number>>));
}

function registryGolden(): unknown {
  const snapshots = Object.entries(CONFIGS).map(([key, p]) => [key, evaluate(p), atEpoch(p, 2)] as const);
  const entries = Object.fromEntries(
    QUANTITY_NAMES.map((name) => {
      const e = REGISTRY[name];
      const f = e.formula;
      return [
        name,
        {
          symbol: e.symbol,
          ...(f
            ? {
                tex: f.tex,
                substituted: f.substituted,
                ingredients: f.ingredients,
                values: Object.fromEntries(snapshots.map(([key, s]) => [key, computeAt(f, s)])),
              }
            : {}),
          liveEquation: liveEquation(name),
        },
      ];
    }),
  );
  const updates = Object.fromEntries(
    WEIGHT_NAMES.map((w) => {
      const rule = updateRule(w);
      return [
        w,
        {
          symbol: rule.symbol,
          tex: rule.formula.tex,
          substituted: rule.formula.substituted,
          ingredients: rule.formula.ingredients,
          values: Object.fromEntries(snapshots.map(([key, s]) => [key, computeAt(rule.formula, s)])),
          liveEquationAtEpoch2: liveEquation(w, 2),
          liveEquationAtEpoch3: liveEquation(w, 3),
        },
      ];
    }),
  );
  return { entries, updates };
}

/** A workbook model read back as the checker reads a student's file, and its one epoch table. */
function tableOf(model: WorkbookModel): EpochTable {
  const read = readXlsx(writeXlsx(model));
  if (!read.ok) throw new Error(read.problem.message);
  const sheet = read.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const table = findEpochTable(sheet, read.sheets);
  if (!('checked' in table)) throw new Error(table.message);
  return table;
}

/** A student's own layout: inputs, targets and the rate in labelled cells, no column for h1, h2, o1, o2, E1, E2. */
function compactModel(): WorkbookModel {
  const cells = new Map<string, CellModel>();
  const labels: [string, number][] = [['i1', 0.05], ['i2', 0.1], ['t1', 0.5], ['t2', 0.5], ['LR', 0.5]];
  labels.forEach(([label, value], i) => {
    cells.set(`${String.fromCharCode(65 + 2 * i)}1`, { value: label });
    cells.set(`${String.fromCharCode(66 + 2 * i)}1`, { value });
  });
  const header = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'out_h1', 'out_h2', 'out_o1', 'out_o2', 'E', ...WEIGHT_NAMES.map((w) => `dE/d${w}`)];
  header.forEach((text, i) => cells.set(`${String.fromCharCode(65 + i)}3`, { value: text }));
  for (let row = 4; row <= 6; row++) WEIGHT_NAMES.forEach((w, i) => cells.set(`${String.fromCharCode(65 + i)}${row}`, { value: ARTICLE_PARAMS[w] }));
  return { sheets: [{ name: 'Mine', cells }], activeSheet: 0 };
}

/** The export's tab moved down and right, with students' spellings of its headers. */
function movedModel(): WorkbookModel {
  const model = oneTabModel(ARTICLE_PARAMS, 3);
  const sheet = model.sheets[0];
  if (!sheet) throw new Error('no sheet');
  return { sheets: [moveSheet(sheet, 4, 2, (text) => STUDENT_SPELLINGS[text] ?? text)], activeSheet: 0 };
}

const LAYOUTS: Readonly<Record<string, () => WorkbookModel>> = { moved: movedModel, compact: compactModel };

/** A row of the math module's run, read only where `has` says the sheet has the quantity (the rest comes from the definitions). */
function rowGetter(rows: readonly Snapshot[], epoch: number, has: (q: QuantityName) => boolean = () => true): Getter {
  return (name, prev) => (has(name) ? rows[epoch - (prev ? 2 : 1)]?.[name] : undefined);
}

function runOf(p: Params, epochs = 3): Snapshot[] {
  return Array.from({ length: epochs }, (_, i) => atEpoch(p, i + 1));
}

function workbookGolden(): unknown {
  // The export's formulas: every cell of the first two epoch rows of the reader's tab, and its epoch column.
  const model = buildWorkbookModel(ARTICLE_PARAMS, 3);
  const tab = model.sheets[model.activeSheet ?? 0];
  const exported: Record<string, string | null> = {};
  for (const [ref, cell] of tab?.cells ?? []) {
    const row = Number(/\d+$/.exec(ref)?.[0]);
    if (row >= EXPORT_LAYOUT.firstDataRow && row <= EXPORT_LAYOUT.firstDataRow + 2) exported[ref] = cell.formula ?? null;
  }
  const summary = model.sheets.at(-1);
  const summaryFormulas = Object.fromEntries([...(summary?.cells ?? [])].filter(([ref]) => /^[A-Z]+[45]$/.test(ref)).map(([ref, c]) => [ref, c.formula ?? null]));

  // "The formula that belongs there", in a student's own column letters, and the value it gives from the row's cells.
  const belongs = Object.fromEntries(
    Object.entries(LAYOUTS).map(([key, make]) => {
      const table = tableOf(make());
      const has = (q: QuantityName) => table.header.columns.has(q) || table.constants.has(q as ParamName);
      const columns = Object.fromEntries(
        table.checked.map((q) => {
          const texts = [0, 1].map((index) => {
            const expr = columnFormula(q, index === 0);
            return expr ? printFormula(expr, printContext(table, table.rows[index] as number)) : null;
          });
          const expr = columnFormula(q, false);
          const values = Object.fromEntries(
            Object.entries(CONFIGS).map(([c, p]) => [c, expr ? num(evaluateExpr(expr, rowGetter(runOf(p), 2, has), p.lr)) : null]),
          );
          return [q, { firstRow: texts[0], laterRow: texts[1], valueAtEpoch2: values }];
        }),
      );
      return [key, { lr: table.lr ?? null, columns }];
    }),
  );
  return { exportColumns: EXPORT_COLUMNS, exported, summary: summaryFormulas, belongs };
}

function mistakesGolden(): unknown {
  const ctx: PrintContext = exportContext(EXPORT_LAYOUT.firstDataRow + 1);
  const compact = tableOf(compactModel());
  const compactCtx = printContext(compact, compact.rows[1] as number);
  const versions = Object.fromEntries(
    EXPORT_COLUMNS.flatMap((q) => {
      const correct = columnFormula(q, false);
      if (!correct) return [];
      const all = wrongVersions(q, correct);
      if (all.length === 0) return [];
      return [
        [
          q,
          all.map((v) => ({
            ids: v.ids,
            excel: printFormula(v.expr, ctx),
            compact: printFormula(v.expr, compactCtx),
            values: Object.fromEntries(Object.entries(CONFIGS).map(([c, p]) => [c, num(evaluateExpr(v.expr, rowGetter(runOf(p), 2), p.lr))])),
          })),
        ],
      ];
    }),
  );
  const rules = Object.fromEntries(
    MISTAKES.filter((rule) => 'wrongFormula' in rule).map((rule) => [
      rule.id,
      Object.fromEntries(
        EXPORT_COLUMNS.flatMap((q) => {
          const wrong = rule.wrongFormula(q);
          if (!wrong) return [];
          const values = Object.fromEntries(Object.entries(CONFIGS).map(([c, p]) => [c, num(rule.mistakenValue(q, rowGetter(runOf(p), 2), p.lr))]));
          return [[q, { excel: printFormula(wrong, ctx), mistakenValue: values }]];
        }),
      ),
    ]),
  );
  return { versions, rules };
}

function notesGolden(): unknown {
  const notes = Object.fromEntries(NOTED_MISTAKES.map((rule) => [rule.id, noteFormulas(rule)]));
  const values = Object.fromEntries(
    Object.entries(CONFIGS).map(([c, p]) => {
      const resolve = createMistakeResolver(p);
      const perMistake = Object.fromEntries(
        NOTED_MISTAKES.map((rule) => {
          const { column, epoch } = rule.note;
          const run = runWorkbook(rule, p, 3);
          return [
            rule.id,
            {
              cell: num(resolve({ name: mistakenName(column, rule.id), epoch })),
              agree: num(resolve({ name: agreeName(column, rule.id), epoch })),
              after: num(resolve({ name: mistakenName('E_total', rule.id), epoch: ARTICLE_EPOCHS })),
              afterAgree: num(resolve({ name: agreeName('E_total', rule.id), epoch: ARTICLE_EPOCHS })),
              rows: [1, 2, 3].map((e) => Object.fromEntries(QUANTITY_NAMES.map((q) => [q, num(run.value(q, e))]))),
            },
          ];
        }),
      );
      return [c, perMistake];
    }),
  );
  return { formulas: notes, values };
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function explanationsGolden(): unknown {
  const all = buildExplanations((at) => ({ href: `/${at.page}/#${at.anchor}`, title: at.title }));
  return Object.fromEntries(
    QUANTITY_NAMES.map((name) => {
      const e = all[name];
      return [
        name,
        {
          symbolTex: REGISTRY[name].symbol,
          equationTex: liveEquation(name, 1),
          ...(e.update !== undefined ? { updateTex: liveEquation(name, 2), update: sha(e.update) } : {}),
          symbol: sha(e.symbol),
          equation: sha(e.equation),
          meaning: e.meaning,
          ingredients: e.ingredients,
          consumers: e.consumers,
          derivedAt: e.derivedAt,
          ...(e.updateAt ? { updateAt: e.updateAt } : {}),
        },
      ];
    }),
  );
}

const GOLDEN: Readonly<Record<string, () => unknown>> = {
  registry: registryGolden,
  'workbook-formulas': workbookGolden,
  mistakes: mistakesGolden,
  notes: notesGolden,
  explanations: explanationsGolden,
};

describe('the registry, the workbook formulas, the mistakes, the notes and the explanations give what they gave before', () => {
  if (process.env['WRITE_GOLDEN'] === '1') {
    it('writes the golden files', () => {
      for (const [name, make] of Object.entries(GOLDEN)) writeFileSync(path.join(GOLDEN_DIR, `${name}.json`), `${JSON.stringify(make(), null, 1)}\n`);
    });
    return;
  }
  for (const [name, make] of Object.entries(GOLDEN)) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(path.join(GOLDEN_DIR, `${name}.json`), 'utf8')) as unknown;
      expect(JSON.parse(JSON.stringify(make()))).toEqual(expected);
    });
  }
});
