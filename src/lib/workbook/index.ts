/**
 * The spreadsheet tools as the page uses them, loaded only when the reader
 * downloads a file or gives one to check: build the workbook or CSV for the
 * current parameters, and check a student's workbook into a report. Nothing
 * here throws to the caller; every failure becomes a message.
 */
import type { VNode } from 'preact';
import type { Params } from '../backprop';
import { checkSheets } from './check';
import { exportCsv, exportFileName, exportRates, exportWorkbook } from './export';
import { reportBlocks, summarise, type Block } from './report';
import { reportView } from './view';
import { MAX_FILE_BYTES, readXlsx, tooLarge } from '../xlsx/read';

export type { Block, ReportCell } from './report';

/** A file ready to hand to the browser's download. */
export interface DownloadFile {
  readonly name: string;
  readonly type: string;
  readonly data: Uint8Array;
  /** What to announce once it is saved. */
  readonly status: string;
}

/** The .xlsx workbook for the reader's parameters. */
export function workbookFile(params: Params): DownloadFile {
  const tabs = exportRates(params.lr).length;
  return {
    name: exportFileName(params, 'xlsx'),
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: exportWorkbook(params),
    status: `Workbook ready: ${tabs} learning-rate tabs of 300 epochs each, plus a tab of E_total per epoch for every rate.`,
  };
}

/** The CSV of the reader's own learning rate. */
export function csvFile(params: Params): DownloadFile {
  return {
    name: exportFileName(params, 'csv'),
    type: 'text/csv;charset=utf-8',
    data: new TextEncoder().encode(exportCsv(params)),
    status: `CSV ready: 300 epochs at learning rate ${params.lr}.`,
  };
}

/** The outcome of checking a file: a one-line status and the report to show. */
export interface CheckOutcome {
  readonly status: string;
  readonly blocks: readonly Block[];
}

/** What the checker needs of a File (so it also runs outside a browser). */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

function failure(name: string, message: string): CheckOutcome {
  return { status: message, blocks: [{ t: 'h3', text: `Report for “${name}”` }, { t: 'p', tone: 'bad', text: message }] };
}

/** Checks the bytes of a workbook. */
export function checkBytes(bytes: Uint8Array, name: string): CheckOutcome {
  try {
    const read = readXlsx(bytes);
    if (!read.ok) return failure(name, read.problem.message);
    const sheets = checkSheets(read.sheets);
    return { status: summarise(name, sheets), blocks: reportBlocks(name, sheets) };
  } catch {
    return failure(name, 'Something in this file could not be read, so it was not checked. Save it again as .xlsx and try once more.');
  }
}

/** Checks a file the reader picked or dropped, refusing oversized files before reading them. */
export async function checkFile(file: FileLike): Promise<CheckOutcome> {
  if (file.size > MAX_FILE_BYTES) return failure(file.name, tooLarge(file.size).message);
  try {
    return checkBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch {
    return failure(file.name, 'The file could not be opened for reading. Pick it again.');
  }
}

/** Checks a file and renders its report, for the page: the status line and the report's elements. */
export async function checkFileView(file: FileLike): Promise<{ status: string; view: VNode }> {
  const outcome = await checkFile(file);
  return { status: outcome.status, view: reportView(outcome.blocks) };
}
