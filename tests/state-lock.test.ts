/**
 * The state module's lock (an embed's `lock=`): a locked parameter keeps its value whatever
 * the page does through the module, and the lock cannot be undone. Each test takes a fresh copy
 * of the module, since a lock lasts for the module's life.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { ARTICLE_PARAMS, PARAM_NAMES, type ParamName } from '../src/lib/backprop';
import { lockFromQuery } from '../src/lib/params';
import { fakeBrowser } from './support/fake-browser';

type State = typeof import('../src/state/tutorial');

async function freshState(): Promise<State> {
  vi.resetModules();
  return import('../src/state/tutorial');
}

let state: State;
beforeEach(async () => {
  state = await freshState();
});

describe('a locked parameter', () => {
  test('keeps its value against setParam', () => {
    state.setParam('w1', 0.3);
    state.lockParams(['w1']);
    state.setParam('w1', 0.9);
    expect(state.$params.get().w1).toBe(0.3);
    expect(state.isLocked('w1')).toBe(true);
  });

  test('keeps its value against setParams, which still moves the others as one change', () => {
    state.lockParams(['w1']);
    let changes = 0;
    state.$params.listen(() => changes++);
    state.setParams({ w1: 0.9, w2: 0.7, w5: -1 });
    expect(changes).toBe(1);
    expect(state.$params.get()).toEqual({ ...ARTICLE_PARAMS, w2: 0.7, w5: -1 });
    state.setParams({ w1: 0.9 });
    expect(changes).toBe(1);
  });

  test('keeps its value against Reset, while the others go back to the article', () => {
    state.setParam('w1', 0.3);
    state.setParam('w2', 0.7);
    state.lockParams(['w1']);
    state.resetParams();
    expect(state.$params.get()).toEqual({ ...ARTICLE_PARAMS, w1: 0.3 });
  });

  test('locked at the article value, Reset changes nothing and tells no listener', () => {
    state.lockParams(['w1']);
    state.resetParams();
    let calls = 0;
    state.$params.listen(() => calls++);
    state.resetParams();
    expect(calls).toBe(0);
    expect(state.$params.get()).toEqual(ARTICLE_PARAMS);
  });

  test('tells no listener of a refused change', () => {
    state.lockParams(['t1']);
    let calls = 0;
    const stop = state.watchState(() => calls++);
    state.setParam('t1', 0.9);
    expect(calls).toBe(1);
    stop();
  });

  test('is carried in the configuration query like any value', () => {
    state.setParam('w1', 0.3);
    state.lockParams(['w1']);
    state.setParam('w1', 0.5);
    expect(state.currentQuery()).toBe('?w1=0.3');
  });

  test('cannot be changed by writing to $params: it offers no setter', () => {
    state.lockParams(['w1']);
    expect('set' in state.$params).toBe(false);
  });

  test('leaves every other parameter free', () => {
    state.lockParams(['w1', 'lr']);
    state.setParam('w2', 0.7);
    expect(state.$params.get().w2).toBe(0.7);
    expect(state.isLocked('w2')).toBe(false);
  });
});

describe('the lock, whatever the page does', () => {
  test('holds through any sequence of edits, several-at-once changes and resets (property)', () => {
    const name = fc.constantFrom(...PARAM_NAMES);
    const action = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), name, value: fc.double({ min: -10, max: 10, noNaN: true }) }),
      fc.record({ kind: fc.constant('many' as const), changes: fc.dictionary(name, fc.double({ min: -10, max: 10, noNaN: true })) }),
      fc.record({ kind: fc.constant('reset' as const) }),
    );
    return fc.assert(
      fc.asyncProperty(fc.subarray([...PARAM_NAMES], { minLength: 1 }), fc.array(action, { maxLength: 30 }), async (names, actions) => {
        const s = await freshState();
        s.setParam(names[0] as ParamName, 0.123);
        const before = s.$params.get();
        s.lockParams(names);
        for (const a of actions) {
          if (a.kind === 'set') s.setParam(a.name, a.value);
          else if (a.kind === 'many') s.setParams(a.changes);
          else s.resetParams();
        }
        const after = s.$params.get();
        for (const n of names) expect(after[n]).toBe(before[n]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('lock= in the address', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** The state module as a page at `search` loads it, inside an embed or not. */
  async function stateAt(search: string, embed: boolean): Promise<State> {
    fakeBrowser({ search, pathname: '/embed/1-4-backpropagation/', embed });
    return freshState();
  }

  test('names the parameters to lock: a list, or all; anything else is left out', () => {
    expect(lockFromQuery(new URLSearchParams('lock=w5,w1,zz'))).toEqual(['w1', 'w5']);
    expect(lockFromQuery(new URLSearchParams('lock=all'))).toEqual([...PARAM_NAMES]);
    expect(lockFromQuery(new URLSearchParams('w1=0.3'))).toEqual([]);
  });

  test('in an embed, is in force as the module loads, at the values the address gives', async () => {
    const s = await stateAt('?w1=0.3&lock=w1,t2', true);
    expect(s.isLocked('w1')).toBe(true);
    expect(s.isLocked('t2')).toBe(true);
    s.setParam('w1', 0.9);
    s.resetParams();
    expect(s.$params.get().w1).toBe(0.3);
    expect(s.$params.get().t2).toBe(ARTICLE_PARAMS.t2);
  });

  test('outside an embed, locks nothing', async () => {
    const s = await stateAt('?w1=0.3&lock=w1', false);
    expect(s.isLocked('w1')).toBe(false);
    s.setParam('w1', 0.9);
    expect(s.$params.get().w1).toBe(0.9);
  });
});
