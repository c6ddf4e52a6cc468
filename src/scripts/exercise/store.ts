/**
 * The exercises' memory in this browser (src/lib/practice/progress.ts): read afresh before every
 * write, so that two tabs, or a Reset elsewhere, lose nothing; the solved list is copied onto
 * `<html data-solved>`, which the marks in the contents, the sidebar and the blocks follow.
 */
import { NO_PROGRESS, PROGRESS_KEY, parseProgress, serializeProgress, type Progress } from '../../lib/practice/progress';

/** What is stored now (nothing, where storage is refused: a sandboxed frame, a private window's limits). */
export function readProgress(): Progress {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return NO_PROGRESS;
  }
}

/** Stores `change(stored)` and shows its solved list; returns it. */
export function updateProgress(change: (stored: Progress) => Progress): Progress {
  const next = change(readProgress());
  try {
    localStorage.setItem(PROGRESS_KEY, serializeProgress(next));
  } catch {
    // Not kept across visits; this page still shows it.
  }
  showSolved(next);
  return next;
}

/** Forgets every solved exercise and seed. */
export function forgetProgress(): void {
  try {
    localStorage.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing was stored.
  }
  showSolved(NO_PROGRESS);
}

function showSolved(progress: Progress): void {
  document.documentElement.dataset['solved'] = progress.solved.join(' ');
}
