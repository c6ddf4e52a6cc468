/**
 * See what changed: after an edit, every number whose text changed is marked for a moment
 * (explain.css: a tint and an underline, so not by colour alone, and no fading under
 * prefers-reduced-motion), so the reader sees how far a change reached. Watches the page's
 * text rather than its renderers, so numbers the page script writes, islands render and
 * explanations show are all marked alike; text that ends as it began (an island hydrating) is not.
 */
import { numberAt } from '../../lib/dom-contract/core';
import { $params } from '../../state/tutorial';

const MARK = 'q-changed';
/** How long a number stays marked after the last edit that changed it. */
const MARK_MS = 1500;
/** Text changes this soon after an edit are its consequences; later ones are not the reader's doing. */
const EDIT_WINDOW_MS = 500;

/** Starts marking changed numbers for the rest of the page's life. */
export function startMarks(): void {
  let editedAt = -Infinity;
  $params.listen(() => (editedAt = performance.now()));
  const marked = new Set<Element>();
  // Numbers never marked: the MathML copies, read by screen readers, not seen.
  const unseen = new WeakSet<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  new MutationObserver((records) => {
    if (performance.now() - editedAt > EDIT_WINDOW_MS) return;
    // The text each number had before this batch: the first record of it holds the old text.
    const before = new Map<Element, string>();
    for (const r of records) {
      const node = r.type === 'characterData' ? r.target.parentElement : r.target;
      // Most records of a drag's frames are numbers already marked or never marked: no search up the page for them.
      if (node instanceof Element && (marked.has(node) || unseen.has(node))) continue;
      const el = numberAt(node);
      if (!el || before.has(el)) continue;
      if (el.closest('.katex-mathml')) {
        unseen.add(el);
        continue;
      }
      before.set(el, r.type === 'characterData' ? (r.oldValue ?? '') : [...r.removedNodes].map((n) => n.textContent).join(''));
    }
    for (const [el, text] of before) {
      if (el.textContent === text) continue;
      if (!el.classList.contains(MARK)) el.classList.add(MARK);
      marked.add(el);
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const el of marked) el.classList.remove(MARK);
      marked.clear();
    }, MARK_MS);
  }).observe(document.body, { subtree: true, childList: true, characterData: true, characterDataOldValue: true });
}
