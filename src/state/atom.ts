/**
 * A value that tells its listeners when it changes: the little of nanostores' `atom` this project
 * uses (get, set, listen, subscribe), written out because every section page loads it first and
 * the page's JavaScript budget is 12 KiB (nanostores' atom brings lifecycle hooks and a listener
 * queue this project never uses).
 */

/** A readable value with change listeners. */
export interface ReadableAtom<T> {
  /** The current value. */
  get(): T;
  /** Calls `listener` after every change; returns a function that stops it. */
  listen(listener: (value: T) => void): () => void;
  /** Calls `listener` now and after every change; returns a function that stops it. */
  subscribe(listener: (value: T) => void): () => void;
}

/** A readable value that can also be set. */
export interface WritableAtom<T> extends ReadableAtom<T> {
  /** Puts `value` in force and tells the listeners, unless it is the value already in force. */
  set(value: T): void;
}

/** A new atom holding `value`. Listeners run in the order they were added, synchronously. */
export function atom<T>(value: T): WritableAtom<T> {
  const listeners = new Set<(value: T) => void>();
  const listen = (listener: (value: T) => void) => {
    // A wrapper per call, so that the same function listening twice is stopped once each.
    const own = (v: T) => listener(v);
    listeners.add(own);
    return () => void listeners.delete(own);
  };
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    listen,
    subscribe(listener) {
      listener(value);
      return listen(listener);
    },
  };
}
