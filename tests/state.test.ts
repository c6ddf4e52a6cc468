import { beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_PARAMS, advance, type Params } from '../src/lib/backprop';
import { summariseChange } from '../src/lib/announce';
import { $digits, $params, currentQuery, resetParams, setDigits, setParam, setParams, watchState } from '../src/state/tutorial';

describe('state module', () => {
  beforeEach(() => {
    resetParams();
    setDigits(4);
  });

  it("starts from the article's values outside a browser", () => {
    expect($params.get()).toEqual(ARTICLE_PARAMS);
    expect(currentQuery()).toBe('');
  });

  it('puts a finite value in force and writes it to the query', () => {
    setParam('w1', 0.3);
    expect($params.get().w1).toBe(0.3);
    expect(currentQuery()).toBe('?w1=0.3');
  });

  it('ignores non-finite values, keeping the last valid one', () => {
    setParam('lr', 0.5);
    setParam('lr', Number.NaN);
    setParam('lr', Infinity);
    expect($params.get().lr).toBe(0.5);
  });

  it('puts several values in force as one change, skipping non-finite ones', () => {
    let changes = 0;
    const stop = $params.listen(() => changes++);
    setParams({ w1: 0.3, w5: -1, lr: Number.NaN });
    expect(changes).toBe(1);
    expect($params.get()).toEqual({ ...ARTICLE_PARAMS, w1: 0.3, w5: -1 });
    // Values already in force are no change at all.
    setParams({ w1: 0.3, w2: ARTICLE_PARAMS.w2 });
    expect(changes).toBe(1);
    stop();
    expect(currentQuery()).toBe('?w1=0.3&w5=-1');
  });

  it('resets every parameter', () => {
    setParam('t1', 0.9);
    setParam('w8', -2);
    resetParams();
    expect($params.get()).toEqual(ARTICLE_PARAMS);
  });

  it('accepts only offered precisions and carries them in the query', () => {
    setDigits(8);
    expect(currentQuery()).toBe('?digits=8');
    setDigits(5);
    expect($digits.get()).toBe(8);
    setDigits(Infinity);
    expect(currentQuery()).toBe('?digits=all');
  });
});

describe('watching the state', () => {
  it('calls back at once and after each change of parameters or precision, until stopped', () => {
    let calls = 0;
    const stop = watchState(() => calls++);
    expect(calls).toBe(1);
    setParam('w2', 0.7);
    setDigits(6);
    expect(calls).toBe(3);
    stop();
    setParam('w2', 0.8);
    expect(calls).toBe(3);
    resetParams();
    setDigits(4);
  });
});

describe('edit announcements', () => {
  const at = (params: Params, trained = 0) => ({ params, trained });

  it('names the changed value, in symbols, and the new total error in words', () => {
    expect(summariseChange(at(ARTICLE_PARAMS), at({ ...ARTICLE_PARAMS, w1: 0.3 }), 4)).toMatch(/^w1 is 0\.3\. The total error is now 0\.\d{4}/);
    expect(summariseChange(at(ARTICLE_PARAMS), at({ ...ARTICLE_PARAMS, lr: 0.5 }), 4)).toMatch(/^η is 0\.5\./);
  });

  it('says nothing when nothing changed', () => {
    expect(summariseChange(at(ARTICLE_PARAMS), at(ARTICLE_PARAMS), 4)).toBe('');
  });

  it('recognises a reset and counts many changes instead of listing them', () => {
    const many = { ...ARTICLE_PARAMS, w1: 1, w2: 1, w3: 1, w4: 1 };
    expect(summariseChange(at(many), at(ARTICLE_PARAMS), 4)).toMatch(/^Reset to the article's values/);
    expect(summariseChange(at(ARTICLE_PARAMS), at(many), 4)).toMatch(/^4 values changed/);
  });

  it('says how far training went, and when it is undone', () => {
    const trained = advance(ARTICLE_PARAMS, 3);
    expect(summariseChange(at(ARTICLE_PARAMS), at(trained, 3), 4)).toMatch(/^Trained to epoch 4, after 3 updates\. The total error is now 0\.\d+\.$/);
    expect(summariseChange(at(trained, 3), at(ARTICLE_PARAMS), 4)).toMatch(/^Reset to the article's values/);
    const from = { ...ARTICLE_PARAMS, w1: 0.3 };
    expect(summariseChange(at(advance(from, 2), 2), at(from), 4)).toMatch(/^Back to the starting weights\./);
  });
});
