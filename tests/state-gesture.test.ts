/**
 * The state module's transient changes (`holdAddress`), in a stand-in browser: during a drag
 * every listener sees each new value, the address is rewritten once, when the drag ends.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

/** A minimal location and history: replaceState rewrites the location, and is counted. */
function fakeBrowser(search = ''): { writes: string[] } {
  const writes: string[] = [];
  const location = { pathname: '/1-4-backpropagation/', search, hash: '#step-3', origin: 'http://site' };
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
  return { writes };
}

async function freshState() {
  vi.resetModules();
  return import('../src/state/tutorial');
}

describe('holdAddress', () => {
  let browser: { writes: string[] };
  beforeEach(() => {
    browser = fakeBrowser();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  test('an edit outside a gesture rewrites the address at once', async () => {
    const state = await freshState();
    state.setParam('w5', 0.5);
    expect(browser.writes).toEqual(['/1-4-backpropagation/?w5=0.5#step-3']);
  });

  test('during a gesture every value reaches the listeners, and the address is written once, at the end', async () => {
    const state = await freshState();
    const seen: number[] = [];
    state.$params.listen((p) => seen.push(p.w5));
    const end = state.holdAddress();
    for (const w5 of [0.41, 0.42, 0.43]) state.setParam('w5', w5);
    expect(seen).toEqual([0.41, 0.42, 0.43]);
    expect(browser.writes, 'nothing written while dragging').toEqual([]);
    end();
    expect(browser.writes).toEqual(['/1-4-backpropagation/?w5=0.43#step-3']);
    end();
    expect(browser.writes, 'ending twice writes nothing more').toHaveLength(1);
    state.setParam('w5', 0.44);
    expect(browser.writes.at(-1), 'after the gesture, edits write again').toBe('/1-4-backpropagation/?w5=0.44#step-3');
  });

  test('those who follow the address (the links that carry the configuration) hear of each edit, and of a gesture only at its end', async () => {
    const state = await freshState();
    const heard: string[] = [];
    state.watchAddress(() => heard.push(location.search));
    expect(heard, 'at once').toEqual(['']);
    state.setParam('w5', 0.5);
    expect(heard).toEqual(['', '?w5=0.5']);
    const end = state.holdAddress();
    for (const w5 of [0.41, 0.42, 0.43]) state.setParam('w5', w5);
    expect(heard, 'nothing while dragging').toHaveLength(2);
    end();
    expect(heard).toEqual(['', '?w5=0.5', '?w5=0.43']);
  });

  test('a gesture that ends where it began leaves the address as it was', async () => {
    const state = await freshState();
    const end = state.holdAddress();
    state.setParam('w5', 0.7);
    state.setParam('w5', 0.4);
    end();
    expect(browser.writes).toEqual([]);
  });

  test('overlapping gestures write only when the last ends', async () => {
    const state = await freshState();
    const first = state.holdAddress();
    const second = state.holdAddress();
    state.setParam('w1', 0.2);
    first();
    expect(browser.writes).toEqual([]);
    second();
    expect(browser.writes).toEqual(['/1-4-backpropagation/?w1=0.2#step-3']);
  });
});
