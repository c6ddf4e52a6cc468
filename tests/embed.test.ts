/**
 * Embed addresses (lib/embed/): reading `steps`, `lock` and `hide`, building an embed's address,
 * its links and the snippet an instructor pastes.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { PARAM_NAMES } from '../src/lib/backprop';
import {
  EMBED_HEIGHT_MESSAGE,
  EMBED_PARTS,
  embedPath,
  fullTutorialHref,
  parseSteps,
  embedViewPath,
  sectionOfPath,
  stepsLabel,
} from '../src/lib/embed/address';
import { EMBED_LAYOUTS, UNKNOWN_HEIGHT, frameHeight, shownParts, viewHeight, type EmbedLayouts, type SectionLayout } from '../src/lib/embed/heights';
import { EXAMPLE_ORIGIN, LARGEST_HEIGHT, embedAddress, embedQuery, embedSnippet, exampleSnippet } from '../src/lib/embed/snippet';
import { stepsAddress } from '../src/lib/embed/range';
import { parseEmbedQuery, parseHide, parseLock, parseTheme } from '../src/lib/embed/query';

describe('steps=', () => {
  test.each([
    ['6', { from: 6, to: 6 }],
    ['5-6', { from: 5, to: 6 }],
    [' 5 - 6 ', { from: 5, to: 6 }],
    ['5–6', { from: 5, to: 6 }],
    ['6-5', { from: 5, to: 6 }],
    ['1-8', { from: 1, to: 8 }],
  ])('%j is a step or range of steps', (raw, steps) => {
    expect(parseSteps(raw, 8)).toEqual({ steps });
  });

  test.each([null, '', '  '])('%j (absent) means the whole section, quietly', (raw) => {
    expect(parseSteps(raw, 8)).toEqual({ steps: null });
  });

  test.each(['0', '9', '3-9', 'abc', '5-', '-5', '5-6-7', '1.5', '<b>', '5,6', '1'.repeat(50)])(
    '%j is not a step of 1 to 8: the whole section, with a problem saying so',
    (raw) => {
      const { steps, problem } = parseSteps(raw, 8);
      expect(steps).toBeNull();
      expect(problem).toMatch(/^steps: .* \(1 to 8\); the whole section is shown\.$/);
      expect(problem!.length).toBeLessThan(140);
    },
  );

  test('a section without steps is shown whole, whatever steps= says', () => {
    expect(parseSteps('5-6', 0)).toEqual({ steps: null });
  });

  test('any range within the section is read back as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (a, b) => {
        const { steps } = parseSteps(`${a}-${b}`, 8);
        expect(steps).toEqual({ from: Math.min(a, b), to: Math.max(a, b) });
      }),
    );
  });

  test('is named as a reader would say it', () => {
    expect(stepsLabel({ from: 6, to: 6 })).toBe('Step 6');
    expect(stepsLabel({ from: 5, to: 6 })).toBe('Steps 5–6');
  });
});

describe('lock=', () => {
  test('names parameters, in the order of PARAM_NAMES, once each', () => {
    expect(parseLock('w2,w1, w1 lr')).toEqual({ lock: ['w1', 'w2', 'lr'], problems: [] });
  });

  test('all locks every parameter', () => {
    expect(parseLock('all').lock).toEqual([...PARAM_NAMES]);
  });

  test('absent or empty locks nothing', () => {
    expect(parseLock(null)).toEqual({ lock: [], problems: [] });
    expect(parseLock(',,')).toEqual({ lock: [], problems: [] });
  });

  test('an unknown name is left out and named, cut short', () => {
    const { lock, problems } = parseLock('w1,w9,' + 'x'.repeat(100));
    expect(lock).toEqual(['w1']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^lock: “w9” is not a parameter/);
    expect(problems[1]).toContain(`“${'x'.repeat(20)}…”`);
  });
});

describe('hide=', () => {
  test('names the parts, in their own order', () => {
    expect(parseHide('errata,fields')).toEqual({ hide: ['fields', 'errata'], problems: [] });
    expect(parseHide('fields,toolbar,errata,notes').hide).toEqual([...EMBED_PARTS]);
  });

  test('notes hides the "Where spreadsheets go wrong" notes', () => {
    expect(parseHide('notes')).toEqual({ hide: ['notes'], problems: [] });
  });

  test('an unknown part is left out and named', () => {
    expect(parseHide('header,toolbar')).toEqual({ hide: ['toolbar'], problems: [expect.stringMatching(/^hide: “header” is not a part/)] });
  });
});

describe('theme=', () => {
  test.each([
    [null, 'auto'],
    ['', 'auto'],
    ['auto', 'auto'],
    ['light', 'light'],
    ['dark', 'dark'],
  ] as const)('%j is the scheme %s, quietly', (raw, theme) => {
    expect(parseTheme(raw)).toEqual({ theme });
  });

  test('an unknown scheme is auto, and named', () => {
    const { theme, problem } = parseTheme('<b>pink');
    expect(theme).toBe('auto');
    expect(problem).toMatch(/^theme: “<b>pink” is not a colour scheme/);
  });
});

describe('an embed address', () => {
  test('is read whole, with every problem', () => {
    const request = parseEmbedQuery(new URLSearchParams('steps=6&w1=0.3&lock=w1,zz&hide=toolbar&theme=dark'), 8);
    expect(request).toEqual({ steps: { from: 6, to: 6 }, lock: ['w1'], hide: ['toolbar'], theme: 'dark', problems: [expect.stringContaining('“zz”')] });
  });

  test('on a page of steps, holds that page’s steps: another run named in steps= is not read, and said so', () => {
    const six = { from: 6, to: 6 };
    expect(parseEmbedQuery(new URLSearchParams('steps=6&lock=w1'), 8, six)).toEqual({ steps: six, lock: ['w1'], hide: [], theme: 'auto', problems: [] });
    expect(parseEmbedQuery(new URLSearchParams('lock=w1'), 8, six).problems).toEqual([]);
    for (const raw of ['5', '5-6', '12', 'x']) {
      const request = parseEmbedQuery(new URLSearchParams({ steps: raw }), 8, six);
      expect(request.steps).toEqual(six);
      expect(request.problems).toEqual([`steps: “${raw}” is not read here: this page shows Step 6.`]);
    }
  });

  test('is written with the steps in the path, then the configuration, lock, hide and theme, with readable commas', () => {
    const options = { steps: { from: 5, to: 6 }, lock: ['w1', 'w2'], hide: ['fields', 'errata'], theme: 'dark' } as const;
    expect(embedQuery(options, '?w1=0.3&w2=0.1&digits=8')).toBe('?w1=0.3&w2=0.1&digits=8&lock=w1,w2&hide=fields,errata&theme=dark');
    expect(embedAddress('https://t.example', '/b/', '1-4-backpropagation', options, '?w1=0.3')).toBe(
      'https://t.example/b/embed/1-4-backpropagation/steps/5-6/?w1=0.3&lock=w1,w2&hide=fields,errata&theme=dark',
    );
    expect(embedQuery({ steps: null, lock: [], hide: [], theme: 'auto' }, '')).toBe('');
    expect(embedAddress('', '/', '1-4-backpropagation', { steps: { from: 6, to: 6 }, lock: [], hide: [], theme: 'auto' }, '')).toBe('/embed/1-4-backpropagation/steps/6/');
    expect(embedAddress('', '/', '1-3-forward-propagation', { steps: null, lock: [], hide: [], theme: 'auto' }, '?w1=2')).toBe('/embed/1-3-forward-propagation/?w1=2');
  });

  test('locking every parameter is written lock=all', () => {
    expect(embedQuery({ steps: null, lock: [...PARAM_NAMES], hide: [], theme: 'auto' }, '?w1=0.3')).toBe('?w1=0.3&lock=all');
  });

  test('written and read again, asks for the same (a round trip over every choice)', () => {
    const choice = fc.record({
      steps: fc.option(fc.integer({ min: 1, max: 8 }).chain((from) => fc.record({ from: fc.constant(from), to: fc.integer({ min: from, max: 8 }) })), { nil: null }),
      lock: fc.subarray([...PARAM_NAMES]),
      hide: fc.subarray([...EMBED_PARTS]),
      theme: fc.constantFrom('auto', 'light', 'dark'),
    });
    const whole = { section: embedPath('/b/', '1-4-backpropagation'), stepCount: 8, shown: null };
    fc.assert(
      fc.property(choice, (options) => {
        const address = new URL(embedAddress('https://t.example', '/b/', '1-4-backpropagation', options, '?w1=0.3'));
        expect(address.pathname).toBe(embedViewPath('/b/', '1-4-backpropagation', options.steps));
        expect(parseEmbedQuery(address.searchParams, 8)).toEqual({ ...options, steps: null, problems: [] });
        expect(address.searchParams.get('w1')).toBe('0.3');
        // The same view as an older address (steps= on the section's embed) leads to this one.
        const older = `?${[options.steps ? `steps=${options.steps.from}-${options.steps.to}` : '', address.search.slice(1)].filter(Boolean).join('&')}`;
        expect(stepsAddress(older, '', whole) ?? `${whole.section}${older === '?' ? '' : older}`).toBe(`${address.pathname}${address.search}`);
      }),
    );
  });

  test('drops embed entries the configuration carried, so that each is said once', () => {
    expect(embedQuery({ steps: null, lock: ['lr'], hide: [], theme: 'auto' }, '?steps=2&lock=w1&lr=0.5&theme=dark')).toBe('?lr=0.5&lock=lr');
  });

  test('lives under the base path', () => {
    expect(embedPath('/', '1-4-backpropagation')).toBe('/embed/1-4-backpropagation/');
    expect(embedPath('/course/backprop/', '1-4-backpropagation')).toBe('/course/backprop/embed/1-4-backpropagation/');
    expect(embedPath('/course/backprop', '1-4-backpropagation')).toBe('/course/backprop/embed/1-4-backpropagation/');
  });

  test('is told apart from a section page by its path, under any base', () => {
    expect(sectionOfPath('/embed/1-4-backpropagation/', '/')).toEqual({ slug: '1-4-backpropagation', embed: true });
    expect(sectionOfPath('/1-4-backpropagation/', '/')).toEqual({ slug: '1-4-backpropagation', embed: false });
    expect(sectionOfPath('/course/backprop/embed/1-2-the-network/', '/course/backprop/')).toEqual({ slug: '1-2-the-network', embed: true });
    expect(sectionOfPath('/course/backprop/1-2-the-network/', '/course/backprop')).toEqual({ slug: '1-2-the-network', embed: false });
    expect(sectionOfPath('/', '/')).toEqual({ slug: '', embed: false });
    // The whole tutorial on one page and the embed help page are not sections: no Embed action, no embed link.
    expect(sectionOfPath('/all/', '/')).toEqual({ slug: '', embed: false });
    expect(sectionOfPath('/course/backprop/embed/', '/course/backprop/')).toEqual({ slug: '', embed: true });
  });
});

describe('"Open in the full tutorial"', () => {
  test('opens the section page with the configuration, at the first step shown', () => {
    expect(fullTutorialHref('/', '1-4-backpropagation', '?w1=0.3', { from: 5, to: 6 })).toBe('/1-4-backpropagation/?w1=0.3#step-5');
    expect(fullTutorialHref('/b/', '1-5-weight-update', '?lr=2', null)).toBe('/b/1-5-weight-update/?lr=2');
  });

  test('keeps a step or gradient the embed was opened at, and nothing else from the hash', () => {
    expect(fullTutorialHref('/', '1-4-backpropagation', '', { from: 8, to: 8 }, '#grad-w5')).toBe('/1-4-backpropagation/#grad-w5');
    expect(fullTutorialHref('/', '1-4-backpropagation', '', { from: 8, to: 8 }, '#"><b>')).toBe('/1-4-backpropagation/#step-8');
  });
});

describe('the snippet', () => {
  const src = 'https://tutorial.example.org/course/embed/1-4-backpropagation/steps/6/?w1=0.3&lock=w1';
  const link = { href: 'https://tutorial.example.org/course/1-4-backpropagation/?w1=0.3#step-6', text: 'Step 6 of 1.4 Backpropagation, in the full tutorial' };
  const snippet = embedSnippet({ src, title: 'Backpropagation, live: 1.4 Backpropagation, Step 6', height: 640, link });

  test('is a frame with the address, an accessible name and a fixed height', () => {
    expect(snippet).toContain(`src="${src.replace(/&/g, '&amp;')}"`);
    expect(snippet).toContain('title="Backpropagation, live: 1.4 Backpropagation, Step 6"');
    expect(snippet).toMatch(/<iframe [^>]*height="640"/);
  });

  test('has a plain link to the same view in the full tutorial below the frame, before the script', () => {
    const frameEnd = snippet.indexOf('</iframe>');
    const anchor = snippet.indexOf(`<a href="${link.href}">${link.text}</a>`);
    expect(anchor).toBeGreaterThan(frameEnd);
    expect(anchor).toBeLessThan(snippet.indexOf('<script>'));
  });

  test('stays short: a frame, a link and a dozen lines of script', () => {
    expect(snippet.split('\n').length).toBeLessThanOrEqual(12);
  });

  test('escapes what goes into attributes and text', () => {
    const odd = embedSnippet({ src: 'https://x.example/embed/a/?q="><script>', title: 'A "quoted" <title> & more', height: 400, link: { href: 'https://x.example/"><b>', text: '<b>bold</b> & more' } });
    expect(odd).not.toContain('"><script>');
    expect(odd).not.toContain('"><b>');
    expect(odd).not.toContain('<b>bold');
    expect(odd).toContain('title="A &quot;quoted&quot; &lt;title&gt; &amp; more"');
    expect(odd).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; more');
  });

  /** Runs the snippet's script against two fake frames; returns the listener and the frames. */
  function listen() {
    const script = snippet.slice(snippet.indexOf('<script>') + '<script>'.length, snippet.indexOf('</script>'));
    const frames = [{ contentWindow: 'frame-a', style: { height: '' } }, { contentWindow: 'frame-b', style: { height: '' } }];
    let listener: ((e: { origin: string; data: unknown; source: unknown }) => void) | undefined;
    new Function('addEventListener', 'document', script)(
      (type: string, fn: typeof listener) => {
        if (type === 'message') listener = fn;
      },
      { querySelectorAll: () => frames },
    );
    return { send: (e: { origin: string; data: unknown; source: unknown }) => listener!(e), heights: () => frames.map((f) => f.style.height) };
  }

  test('its listener resizes only the frame that sent a message of the documented shape', () => {
    const { send, heights } = listen();
    const origin = 'https://tutorial.example.org';
    send({ origin, data: { type: 'other', height: 10 }, source: 'frame-a' });
    send({ origin, data: { type: EMBED_HEIGHT_MESSAGE, height: '10' }, source: 'frame-a' });
    send({ origin, data: { type: EMBED_HEIGHT_MESSAGE, height: -5 }, source: 'frame-a' });
    send({ origin, data: { type: EMBED_HEIGHT_MESSAGE, height: LARGEST_HEIGHT }, source: 'frame-a' });
    send({ origin, data: { type: EMBED_HEIGHT_MESSAGE, height: Number.NaN }, source: 'frame-a' });
    send({ origin, data: null, source: 'frame-a' });
    send({ origin, data: { type: EMBED_HEIGHT_MESSAGE, height: 10 }, source: 'another-window' });
    expect(heights()).toEqual(['', '']);
    send({ origin, data: { type: EMBED_HEIGHT_MESSAGE, height: 812.4 }, source: 'frame-b' });
    expect(heights()).toEqual(['', '813px']);
  });

  test('its listener resizes a sandboxed frame, whose messages come from the origin "null"', () => {
    const { send, heights } = listen();
    send({ origin: 'null', data: { type: EMBED_HEIGHT_MESSAGE, height: 700 }, source: 'frame-a' });
    expect(heights()).toEqual(['700px', '']);
  });
});

describe('the fixed height of a view', () => {
  const layout: SectionLayout = {
    head: 60,
    toolbar: 70,
    parts: [
      { kind: 'heading', height: 50, notes: 0, errata: 0 },
      { kind: 'params', height: 200, notes: 0, errata: 0 },
      { kind: 'heading', height: 60, notes: 0, errata: 0 },
      { kind: 'step', step: 1, height: 400, notes: 150, errata: 0 },
      { kind: 'step', step: 2, height: 300, notes: 0, errata: 40 },
      { kind: 'heading', height: 60, notes: 0, errata: 0 },
      { kind: 'step', step: 3, height: 500, notes: 0, errata: 0 },
      { kind: 'other', height: 900, notes: 0, errata: 0 },
    ],
  };
  const layouts: EmbedLayouts = { width: 640, sections: { s: layout } };

  test('a range shows its steps, the heading of the part each is in, and the fields', () => {
    expect(shownParts(layout, { from: 2, to: 3 }).map((p) => p.step ?? p.kind)).toEqual(['params', 'heading', 2, 'heading', 3]);
    expect(shownParts(layout, null)).toHaveLength(layout.parts.length);
  });

  test('adds what is shown and takes off what is left out', () => {
    expect(viewHeight(layout, { from: 1, to: 1 }, [])).toBe(60 + 70 + 200 + 60 + 400);
    expect(viewHeight(layout, { from: 1, to: 2 }, ['notes', 'errata', 'toolbar', 'fields'])).toBe(60 + 60 + 400 - 150 + 300 - 40);
    expect(viewHeight(layout, null, [])).toBe(60 + 70 + 2470);
  });

  test('the snippet gets it with room, rounded up to 20 px, at least 320; an unknown section a fallback', () => {
    expect(frameHeight('s', { from: 1, to: 1 }, [], layouts)).toBe(Math.ceil((790 + 24) / 20) * 20);
    expect(frameHeight('s', { from: 2, to: 2 }, ['fields', 'toolbar', 'errata'], layouts)).toBe(420);
    expect(frameHeight('s', null, ['fields'], layouts) % 20).toBe(0);
    expect(frameHeight('unknown', null, [], layouts)).toBe(UNKNOWN_HEIGHT);
    expect(Math.min(...[null, { from: 1, to: 1 }].map((steps) => frameHeight('s', steps, ['fields', 'toolbar', 'notes'], layouts)))).toBeGreaterThanOrEqual(320);
  });

  test('the measured table has every section, and 1.4’s eight steps in order', () => {
    const backprop = EMBED_LAYOUTS.sections['1-4-backpropagation'];
    expect(Object.keys(EMBED_LAYOUTS.sections)).toHaveLength(5);
    expect(backprop?.parts.filter((p) => p.kind === 'step').map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('the help page’s example', () => {
  test('is written for the origin and base it is given, with the table’s height for Step 6 and the link below', () => {
    const example = exampleSnippet('https://tutor.example.net', '/course/');
    expect(example).toContain('src="https://tutor.example.net/course/embed/1-4-backpropagation/steps/6/?w1=0.3&amp;lock=w1"');
    expect(example).toContain(`height="${frameHeight('1-4-backpropagation', { from: 6, to: 6 }, [])}"`);
    expect(example).toContain('<a href="https://tutor.example.net/course/1-4-backpropagation/?w1=0.3#step-6">');
    expect(example).not.toMatch(/localhost|e\.origin/);
  });

  test('as built, with a stand-in for the origin that the page’s script replaces: the same example, and no address', () => {
    const built = exampleSnippet(EXAMPLE_ORIGIN, '/course/');
    expect(built).not.toMatch(/https?:/);
    expect(built.replaceAll(EXAMPLE_ORIGIN, 'https://tutor.example.net')).toBe(exampleSnippet('https://tutor.example.net', '/course/'));
  });
});
