/**
 * Stage 5 of the check: follow what a disagreement spreads to. Down its own
 * column (the later rows that are wrong too), and through the weight
 * updates into every later row: from the first row whose weights leave the
 * math module's training run, the whole table drifts.
 */
import { WEIGHT_NAMES, evaluate, train, type Params, type Snapshot } from '../backprop';
import { columnLetters } from '../xlsx/cells';
import type { ColumnVerdict } from './classify';
import { matches } from '../mistakes/compare';
import type { Recomputed } from './recompute';
import type { ColumnResult, Drift } from './result';
import { columnOf, type EpochTable } from './table';

/** Every column's verdict with the later rows that are wrong too, and where the weights drift. */
export interface Spread {
  readonly columns: readonly ColumnResult[];
  readonly drift: Drift | undefined;
}

/** Rows of a column after its first disagreement that disagree too. */
function laterWrong(rows: Recomputed, column: ColumnVerdict): number {
  const tally = rows.tallies.get(column.name);
  const first = tally?.first;
  return first === undefined ? 0 : [...(tally?.wrong ?? [])].filter((i) => i > first).length;
}

/** The first row whose weights differ from the math module's training run from the sheet's first row. */
function findDrift(table: EpochTable, params: readonly Params[]): Drift | undefined {
  const start = params[0];
  const lr = table.lr?.value ?? Number.NaN;
  if (!start || !Number.isFinite(lr) || params.length < 2) return undefined;
  const run = train({ ...start, lr }, params.length);
  for (let i = 1; i < params.length; i++) {
    const got = params[i] as Params;
    const want = run[i] as Snapshot;
    const off = WEIGHT_NAMES.find((w) => !matches(got[w], want[w]));
    if (off) {
      // Weights that left the run cannot come back to it through real updates: only values computed before an edit can.
      const back = params.findIndex((p, j) => j > i && WEIGHT_NAMES.every((w) => matches(p[w], (run[j] as Snapshot)[w])));
      return {
        fromRow: table.rows[i] as number,
        toRow: table.rows[params.length - 1] as number,
        lastFound: evaluate(params.at(-1) as Params).E_total,
        lastExpected: (run.at(-1) as Snapshot).E_total,
        column: columnLetters(columnOf(table, off) ?? 0),
        ...(back > 0 ? { backOnRun: table.rows[back] as number } : {}),
      };
    }
  }
  return undefined;
}

/** Follows each column's first disagreement down the column and through the weights. */
export function followSpread(table: EpochTable, rows: Recomputed, verdicts: readonly ColumnVerdict[]): Spread {
  return {
    columns: verdicts.map((column) => ({ ...column, laterWrong: laterWrong(rows, column) })),
    drift: findDrift(table, rows.params),
  };
}
