/**
 * t1 where t2 belongs, in a sheet where t1 = t2: no number can show it, but a
 * gradient's formula still reads the t1 column. Same wrong formula, same
 * columns as {@link t1ForT2}.
 */
import type { QuantityName } from '../backprop';
import { list, names } from './words';
import { sheetEvidenceRule, type TableView } from './rule';
import { t1ForT2 } from './t1-for-t2';

/** Gradient cells of the first row that read a_o2 and t1 but not t2 (only their formula tells). */
function cellsReadingT1(view: TableView, columns: readonly QuantityName[]): { cell: string; column: QuantityName }[] {
  const out: { cell: string; column: QuantityName }[] = [];
  if (!view.hasColumn('t1') || !view.hasColumn('t2')) return out;
  for (const column of columns) {
    if (!view.matchesEverywhere(column)) continue;
    const reads = view.readsInRow(column, 0);
    // Only flag when the student's formula spells out the output error itself (it reads a_o2).
    if (reads.has('a_o2') && reads.has('t1') && !reads.has('t2')) out.push({ cell: view.address(column, 0), column });
  }
  return out;
}

/** t1 read where t2 belongs, hidden from the numbers because t1 = t2. */
export const t1ForT2Hidden = sheetEvidenceRule({
  id: 't1-for-t2-hidden',
  title: 't1 used where t2 belongs (hidden here because t1 = t2)',
  short: 'reads t1 for t2',
  columns: t1ForT2.columns,
  note: {
    within: t1ForT2.id,
    whenEqual:
      'The two numbers are equal for these values. That happens whenever t1 = t2, as in the article: then no comparison of values can find the mistake, ' +
      'and it shows only once the targets differ. (The checker in 1.5 reads the formulas too, and names it.)',
  },
  evidence(view) {
    const first = view.params(0);
    if (!first || first.t1 !== first.t2) return null;
    const cells = cellsReadingT1(view, t1ForT2.columns);
    if (cells.length > 0) return { cells, facts: { t: String(first.t1) } };
    if (view.formula('dE_dw7', 0) !== undefined || view.formula('dE_dw8', 0) !== undefined) return null;
    return {
      note: `t1 = t2 (${first.t1}) in this sheet, so using t1 where t2 belongs in ∂E/∂w7, ∂E/∂w8 would not change any number, and these cells hold no formulas to look at: that mistake cannot be seen here.`,
    };
  },
  explain: (seen) =>
    `${list(seen.cells)} (${names(seen.columns)}) read t1 where the second output’s target t2 belongs. ` +
    `In this sheet t1 = t2 = ${seen.facts['t'] ?? ''}, so every number still comes out right; set the targets apart and these cells go wrong. ` +
    'Point the formula at the t2 column.',
});
