/**
 * Section 1.5's spreadsheet tools: download the workbook (.xlsx) or CSV for the
 * parameters in force, and check a workbook of the reader's own. All the
 * spreadsheet code, the report's wording and its rendering are fetched only
 * when one of these is used, which keeps this island tiny.
 */
import type { RefObject, VNode } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useParams } from './use-tutorial';
import { addStylesheet } from '../scripts/stylesheet';
import reportStyles from '../styles/workbook-report.css?url';

const tools = () => import('../lib/workbook');

/** The tools' state and jobs: downloads, a check of the reader's file, the status line and the report. */
function useWorkbookTools(picker: RefObject<HTMLInputElement>) {
  const params = useParams();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<VNode | null>(null);
  const checked = useRef<File | undefined>(undefined);

  /** The file box names the file the report is about (a dropped one too), never "No file chosen". */
  const showChecked = () => {
    const input = picker.current;
    if (!input || !checked.current || typeof DataTransfer === 'undefined') return;
    const files = new DataTransfer();
    files.items.add(checked.current);
    input.files = files.files;
  };

  const run = async (start: string, job: () => Promise<string>) => {
    setBusy(true);
    setStatus(start);
    try {
      setStatus(await job());
    } catch {
      setStatus('Something went wrong; nothing was changed. Please try again.');
    }
    setBusy(false);
  };
  const download = (kind: 'workbookFile' | 'csvFile') =>
    run('Preparing the file…', async () => {
      const file = (await tools())[kind](params);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.type }));
      a.download = file.name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 5000);
      return file.status;
    });
  const check = (file: File | undefined) => {
    if (!file) return undefined;
    checked.current = file;
    showChecked();
    return run(`Reading “${file.name}”…`, async () => {
      // The report's stylesheet loads while the file is read, and the report shows once both are there.
      const styled = addStylesheet(reportStyles);
      const done = await (await tools()).checkFileView(file);
      await styled;
      setReport(done.view);
      return done.status;
    });
  };
  return { status, setStatus, busy, report, download, check, showChecked };
}

/** Download buttons, a labelled file picker inside a drop zone, a polite status line and the report. */
export default function WorkbookTools() {
  const [over, setOver] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const { status, setStatus, busy, report, download, check, showChecked } = useWorkbookTools(picker);

  return (
    <section class="wb" aria-label="Workbook tools">
      <p class="wb-actions">
        <button type="button" disabled={busy} onClick={() => download('workbookFile')} data-action="download-xlsx">
          Download workbook (.xlsx)
        </button>
        <button type="button" disabled={busy} onClick={() => download('csvFile')} data-action="download-csv">
          Download CSV
        </button>
      </p>
      <div
        class={over ? 'wb-drop wb-over' : 'wb-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (busy) return; // One file at a time; the picker is disabled meanwhile too.
          const file = e.dataTransfer?.files[0];
          if (file) void check(file);
          else setStatus('Nothing to check: drop a .xlsx file on this box, or choose one.');
        }}
      >
        <label for="wb-file">Check my workbook (.xlsx): choose the file, or drop it on this box</label>
        <input
          id="wb-file"
          ref={picker}
          type="file"
          name="workbook"
          accept=".xlsx"
          disabled={busy}
          // Emptied as the picker opens, so that choosing the same file again (after fixing it) checks it again;
          // a picker closed without a choice gives the box back the file checked last.
          onClick={(e) => (e.currentTarget.value = '')}
          onCancel={showChecked}
          onChange={(e) => void check(e.currentTarget.files?.[0])}
        />
      </div>
      <p class="wb-status" role="status" aria-live="polite">
        {status}
      </p>
      {report}
    </section>
  );
}
