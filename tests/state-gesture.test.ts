/**
 * When the state module rewrites the address, in a stand-in browser: after the frame that shows a
 * change (once for all the changes of that frame), and during a drag (`holdAddress`) only once, when
 * it ends; while every listener sees each new value at once.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from './support/fake-browser';

async function freshState() {
  vi.resetModules();
  return import('../src/state/tutorial');
}

describe('holdAddress', () => {
  let browser: FakeBrowser;
  beforeEach(() => {
    browser = fakeBrowser({ hash: '#step-3' });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    vi.resetModules();
  });

  test('an edit outside a gesture rewrites the address after the frame that shows it, once for all the edits of that frame', async () => {
    const state = await freshState();
    state.setParam('w5', 0.5);
    expect(browser.writes, 'not before the frame').toEqual([]);
    expect(state.addressSearch(), 'what it is about to be').toBe('?w5=0.5');
    state.setParam('w1', 0.2);
    browser.frame();
    expect(browser.writes).toEqual(['/1-4-backpropagation/?w1=0.2&w5=0.5#step-3']);
    browser.frame();
    expect(browser.writes, 'nothing more to write').toHaveLength(1);
  });

  test('a page that draws no frame (hidden) has its address rewritten all the same', async () => {
    const state = await freshState();
    state.setParam('w5', 0.5);
    vi.advanceTimersByTime(100);
    expect(browser.writes).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(browser.writes).toEqual(['/1-4-backpropagation/?w5=0.5#step-3']);
  });

  test('at load, an address holding values that cannot be used is cleaned at once', async () => {
    vi.unstubAllGlobals();
    browser = fakeBrowser({ search: '?w1=0.3&w2=abc' });
    await freshState();
    expect(browser.writes).toEqual(['/1-4-backpropagation/?w1=0.3']);
  });

  test('during a gesture every value reaches the listeners, and the address is written once, at the end', async () => {
    const state = await freshState();
    const seen: number[] = [];
    state.$params.listen((p) => seen.push(p.w5));
    const end = state.holdAddress();
    for (const w5 of [0.41, 0.42, 0.43]) state.setParam('w5', w5);
    expect(seen).toEqual([0.41, 0.42, 0.43]);
    browser.frame();
    expect(browser.writes, 'nothing written while dragging').toEqual([]);
    end();
    browser.frame();
    expect(browser.writes).toEqual(['/1-4-backpropagation/?w5=0.43#step-3']);
    end();
    browser.frame();
    expect(browser.writes, 'ending twice writes nothing more').toHaveLength(1);
    state.setParam('w5', 0.44);
    browser.frame();
    expect(browser.writes.at(-1), 'after the gesture, edits write again').toBe('/1-4-backpropagation/?w5=0.44#step-3');
  });

  test('those who follow the address (the links that carry the configuration) hear of each edit, and of a gesture only at its end', async () => {
    const state = await freshState();
    const heard: string[] = [];
    state.watchAddress(() => heard.push(state.addressSearch()));
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
    browser.frame();
    expect(browser.writes).toEqual([]);
  });

  test('overlapping gestures write only when the last ends', async () => {
    const state = await freshState();
    const first = state.holdAddress();
    const second = state.holdAddress();
    state.setParam('w1', 0.2);
    first();
    browser.frame();
    expect(browser.writes).toEqual([]);
    second();
    browser.frame();
    expect(browser.writes).toEqual(['/1-4-backpropagation/?w1=0.2#step-3']);
  });
});
