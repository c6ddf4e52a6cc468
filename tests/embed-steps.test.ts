import { describe, expect, it } from 'vitest';
import { parseSteps, stepRanges, stepsAddress, stepsPagePath, stepsSegment } from '../src/lib/embed/range';
import { kindOf, parametersShown, stepsView, topLevelNodes } from '../src/lib/embed/steps-view';
import { embedViewPath } from '../src/lib/embed/address';
import { PARAM_NAMES } from '../src/lib/backprop';

describe('the pages of runs of steps', () => {
  it('are every contiguous run, each step alone first', () => {
    const ranges = stepRanges(3);
    expect(ranges.map(stepsSegment)).toEqual(['1', '2', '3', '1-2', '2-3', '1-3']);
    expect(stepRanges(8)).toHaveLength((8 * 9) / 2);
    expect(stepRanges(0)).toEqual([]);
  });

  it('live under their section’s embed, base path and all', () => {
    expect(stepsPagePath('/embed/1-4-backpropagation/', { from: 6, to: 6 })).toBe('/embed/1-4-backpropagation/steps/6/');
    expect(stepsPagePath('/b/embed/1-4-backpropagation', { from: 2, to: 3 })).toBe('/b/embed/1-4-backpropagation/steps/2-3/');
    expect(embedViewPath('/b/', '1-4-backpropagation', { from: 2, to: 3 })).toBe('/b/embed/1-4-backpropagation/steps/2-3/');
    expect(embedViewPath('/', '1-3-forward-propagation', null)).toBe('/embed/1-3-forward-propagation/');
  });

  it('read steps= as before: a reversed run turned round, a step the section lacks a problem', () => {
    expect(parseSteps('6-5', 8)).toEqual({ steps: { from: 5, to: 6 } });
    expect(parseSteps(' 6 ', 8)).toEqual({ steps: { from: 6, to: 6 } });
    expect(parseSteps('9', 8).steps).toBeNull();
    expect(parseSteps('9', 8).problem).toMatch(/1 to 8/);
    expect(parseSteps('6', 0)).toEqual({ steps: null });
  });
});

describe('an older address with steps= leads to the page of those steps', () => {
  const whole = { section: '/b/embed/1-4-backpropagation/', stepCount: 8, shown: null };
  const six = { ...whole, shown: { from: 6, to: 6 } };

  it('with every other part of the query as written, and the fragment', () => {
    expect(stepsAddress('?steps=6&lock=w5&hide=notes', '', whole)).toBe('/b/embed/1-4-backpropagation/steps/6/?lock=w5&hide=notes');
    expect(stepsAddress('?w1=0.3&steps=5-6&lock=w1,w5&theme=dark', '#grad-w5', whole)).toBe('/b/embed/1-4-backpropagation/steps/5-6/?w1=0.3&lock=w1,w5&theme=dark#grad-w5');
    expect(stepsAddress('?steps=6%E2%80%935', '', whole)).toBe('/b/embed/1-4-backpropagation/steps/5-6/');
    expect(stepsAddress('?steps=3', '', six)).toBe('/b/embed/1-4-backpropagation/steps/3/');
  });

  it('stays where it is without steps=, with the steps the page holds, or on the whole section when steps= names no step', () => {
    expect(stepsAddress('?lock=w5', '', whole)).toBeNull();
    expect(stepsAddress('?steps=', '', whole)).toBeNull();
    expect(stepsAddress('?steps=12&lock=w9', '', whole)).toBeNull();
    expect(stepsAddress('?steps=6&lock=w5', '', six)).toBeNull();
  });

  it('from a page of steps, steps= that names no step goes to the whole section, which says so', () => {
    expect(stepsAddress('?steps=12&lock=w5', '#x', six)).toBe('/b/embed/1-4-backpropagation/?steps=12&lock=w5#x');
  });
});

const field = (name: string) => `<div class="field"><label for="f-${name}">${name}</label><input id="f-${name}" name="${name}" type="text" value="1" data-param/><p class="field-error"></p></div>`;
const step = (n: number, body: string) => `<section class="step" id="step-${n}"><h3 class="step-title"><span class="step-number">Step ${n}</span> A &gt; B</h3>${body}</section>`;
const SECTION = [
  '<h2 id="a">Part A</h2>',
  '<p>Prose with <span data-q="E_total">0.3</span>.</p>',
  `<fieldset class="params" id="hidden-weights"><legend>Weights</legend>${['w1', 'w2'].map(field).join('')}</fieldset>`,
  `<fieldset class="params" id="rate"><legend>Rate</legend>${field('lr')}</fieldset>`,
  '<style>astro-island{display:contents}</style><script>(self.Astro||(self.Astro={})).needed=1;</script><astro-island uid="x" component-url="/Slope.js"><figure><svg><path d="M0 0"/></svg></figure></astro-island>',
  '<h2 id="b">Part B</h2>',
  step(1, '<p><span data-q="a_h1" title="a > b">0.59</span></p><script type="module">note()</script><br><img src="x.png">'),
  '<!-- between -->',
  step(2, '<p><span data-q="E_total--some-mistake">0.29</span></p>'),
  '<h2 id="c">Part C</h2>',
  '<p>Between parts.</p>',
  step(3, '<p><span data-q="dE_dw5" data-epoch="300">0.1</span></p>'),
].join('\n');

describe('the cut of a section', () => {
  it('finds the top-level nodes, whatever they hold (void elements, self-closing SVG, > in attributes, scripts)', () => {
    const nodes = topLevelNodes(SECTION).filter((n) => n.trim() !== '');
    expect(nodes.map((n) => kindOf(n).kind)).toEqual(['heading', 'other', 'params', 'params', 'other', 'other', 'other', 'heading', 'step', 'other', 'step', 'heading', 'other', 'step']);
    expect(nodes.join('')).toBe(SECTION.replace(/\n/g, ''));
  });

  it('keeps the steps asked for with their part’s heading, and nothing else but scripts and styles', () => {
    const view = stepsView(SECTION, { from: 1, to: 1 });
    expect([...view.matchAll(/id="(step-\d+|[a-c]|hidden-weights|rate)"/g)].map((m) => m[1])).toEqual(['hidden-weights', 'b', 'step-1']);
    expect(view).not.toContain('Prose with');
    expect(view).not.toContain('<astro-island');
    // No island is left, so neither is Astro's island runtime.
    expect(view).not.toContain('self.Astro');
    expect(view).not.toContain('<style>astro-island');
  });

  it('keeps Astro’s island runtime where an island is kept', () => {
    const withIsland = SECTION.replace('<p><span data-q="E_total--some-mistake">', '<astro-island uid="y"><p>in</p></astro-island><p><span data-q="E_total--some-mistake">');
    const view = stepsView(withIsland, { from: 2, to: 2 });
    expect(view.indexOf('self.Astro')).toBeGreaterThanOrEqual(0);
    expect(view.indexOf('self.Astro')).toBeLessThan(view.indexOf('<astro-island'));
    expect(view).toContain('<style>astro-island{display:contents}</style>');
  });

  it('keeps a step’s own scripts in place, and the scripts of steps left out', () => {
    expect(stepsView(SECTION, { from: 2, to: 2 })).toContain('<script type="module">note()</script>');
    expect(stepsView(SECTION, { from: 1, to: 1 }).match(/note\(\)/g)).toHaveLength(1);
  });

  it('keeps a run’s headings in order, each once', () => {
    const view = stepsView(SECTION, { from: 1, to: 3 });
    expect([...view.matchAll(/<(h2|section) [^>]*id="([^"]+)"/g)].map((m) => m[2])).toEqual(['b', 'step-1', 'step-2', 'c', 'step-3']);
    expect(view).not.toContain('Between parts.');
    expect(stepsView(SECTION, { from: 2, to: 2 }).match(/id="b"/g)).toHaveLength(1);
  });

  it('keeps the fields the steps’ numbers depend on and leaves out the others', () => {
    // a_h1 depends on w1, w2, i1, i2: the weights' fields stay, the rate's go.
    expect(stepsView(SECTION, { from: 1, to: 1 })).toContain('id="hidden-weights"');
    expect(stepsView(SECTION, { from: 1, to: 1 })).not.toContain('id="rate"');
    // A number from epoch 300 depends on every parameter, the rate too.
    expect(stepsView(SECTION, { from: 3, to: 3 })).toContain('id="rate"');
  });
});

describe('the parameters behind the numbers shown', () => {
  it('follow the definitions down to the parameters', () => {
    expect([...parametersShown('<span data-q="a_h1">')].sort()).toEqual(['i1', 'i2', 'w1', 'w2']);
    expect([...parametersShown('<span data-q="w5">')]).toEqual(['w5']);
    expect(parametersShown('<span data-q="dE_dw5--a-mistake--agree">').has('t1')).toBe(true);
    expect(parametersShown('<span data-q="E_total">').has('lr')).toBe(false);
    expect(parametersShown('<span data-q="E_total" data-epoch="2">').size).toBe(PARAM_NAMES.length);
    expect(parametersShown('<span data-q="nothing">').size).toBe(0);
  });
});
