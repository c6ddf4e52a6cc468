/**
 * A stand-in browser for the state module (src/state/tutorial.ts): a location, a history whose
 * `replaceState` rewrites it and is recorded, and frames that run only when a test draws one.
 * Timers are vitest's fake ones, so a test decides when time passes.
 */
import { vi } from 'vitest';

export interface FakeBrowser {
  /** Every address written with `replaceState`, in order. */
  readonly writes: string[];
  /** Draws a frame: runs the animation-frame callbacks waiting, then the timers they set for right after. */
  frame(): void;
}

/** Installs the stand-in at `pathname` + `search` + `hash`; `embed` marks the page as an embed. Undo with `vi.unstubAllGlobals()` and `vi.useRealTimers()`. */
export function fakeBrowser({ search = '', pathname = '/1-4-backpropagation/', hash = '', embed = false } = {}): FakeBrowser {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const writes: string[] = [];
  const location = { pathname, search, hash, origin: 'http://site' };
  let frames: (() => void)[] = [];
  vi.stubGlobal('window', {});
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', {
    state: null,
    replaceState(_state: unknown, _title: string, url: string) {
      writes.push(url);
      const parsed = new URL(url, 'http://site');
      location.search = parsed.search;
      location.hash = parsed.hash;
    },
  });
  vi.stubGlobal('document', { documentElement: { hasAttribute: (name: string) => embed && name === 'data-embed' } });
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
  return {
    writes,
    frame() {
      const due = frames;
      frames = [];
      for (const run of due) run();
      vi.advanceTimersByTime(0);
    },
  };
}
