/**
 * src/scripts/far-work.ts: work off the screen waits for idle time, and a held pointer holds it
 * without asking for idle time on every change; the release runs it all. Run against stand-ins for
 * the few browser globals the module touches.
 */
import { afterAll, beforeAll, expect, test, vi } from 'vitest';

type Listener = () => void;
const listeners = new Map<string, Listener[]>();
const idleCallbacks: Listener[] = [];
const requestIdle = vi.fn((run: Listener) => void idleCallbacks.push(run));
const fire = (type: string) => listeners.get(type)?.forEach((listener) => listener());
const runIdle = () => idleCallbacks.splice(0).forEach((run) => run());

let later: (work: () => void) => void;

beforeAll(async () => {
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('requestIdleCallback', requestIdle);
  vi.stubGlobal('addEventListener', (type: string, listener: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]));
  vi.stubGlobal('document', { documentElement: { hasAttribute: () => false } });
  ({ later } = await import('../src/scripts/far-work'));
});

afterAll(() => vi.unstubAllGlobals());

test('with no pointer held, work runs in idle time, once however often it is handed', () => {
  const work = vi.fn();
  later(work);
  later(work);
  expect(requestIdle).toHaveBeenCalledTimes(1);
  expect(work).not.toHaveBeenCalled();
  runIdle();
  expect(work).toHaveBeenCalledTimes(1);
});

test('while a pointer is held, no idle time is asked for, however many changes come; the release runs it all', () => {
  requestIdle.mockClear();
  const drawing = vi.fn();
  const note = vi.fn();
  fire('pointerdown');
  for (let move = 0; move < 30; move++) {
    later(drawing);
    later(note);
    // The browser idles between a drag's frames.
    runIdle();
  }
  expect(requestIdle).not.toHaveBeenCalled();
  fire('pointerup');
  expect([drawing.mock.calls.length, note.mock.calls.length]).toEqual([1, 1]);
  // Nothing is left for later.
  runIdle();
  expect([drawing.mock.calls.length, note.mock.calls.length]).toEqual([1, 1]);
});
