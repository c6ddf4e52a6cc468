/** The answer key as a table, with its CSV download and a print button. */
import { PARAM_NAMES, formatParameter } from '../../lib/backprop';
import { keyHeads, type KeyRow } from '../../lib/practice/key';

export interface KeyTableProps {
  readonly rows: readonly KeyRow[];
  readonly leftOut: number;
  readonly csv: () => string;
}

function download(csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'answer-key.csv';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function KeyTable({ rows, leftOut, csv }: KeyTableProps) {
  if (rows.length === 0) return <p class="practice-empty">Paste at least one seed or student id, one per line.</p>;
  const heads = keyHeads();
  return (
    <div class="practice-key">
      <p>
        {rows.length} {rows.length === 1 ? 'seed' : 'seeds'}
        {leftOut > 0 ? ` (the first ${rows.length}; ${leftOut} more left out)` : ''}. Each answer is shown to as many digits as its
        check asks for; the CSV holds every digit.
      </p>
      <p class="practice-actions">
        <button type="button" data-action="download-key" onClick={() => download(csv())}>
          Download CSV
        </button>
        <button type="button" data-action="print-key" onClick={() => print()}>
          Print
        </button>
      </p>
      <div class="table-wrap" tabIndex={0} role="group" aria-label="Answer key (scrolls sideways)">
        <table class="practice-table" data-practice-table>
          <thead>
            <tr>
              {heads.map((head) => (
                <th scope="col">{head}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr data-seed={row.seed}>
                <th scope="row">{row.seed}</th>
                {PARAM_NAMES.map((n) => (
                  <td>{formatParameter(row.config[n])}</td>
                ))}
                {row.shown.map((text) => (
                  <td>{text}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
