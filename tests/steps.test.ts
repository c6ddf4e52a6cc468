import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stepsIn } from '../src/lib/steps';

describe('stepsIn', () => {
  it('reads number and title from <Step> tags in order, whatever the attribute order and quotes', () => {
    const mdx = `
Intro <Stepper /> is not a step.
<Step n={1} title="First">
</Step>
<Step title='Second, quoted' n={ 2 }>
<Step n={3}>no title</Step>
<Step title="no number">
`;
    expect(stepsIn(mdx)).toEqual([
      { n: 1, title: 'First' },
      { n: 2, title: 'Second, quoted' },
    ]);
  });

  it('finds the eight steps of 1.4, numbered 1 to 8', () => {
    const steps = stepsIn(readFileSync('content/1-4-backpropagation.mdx', 'utf8'));
    expect(steps.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const s of steps) expect(s.title.trim()).not.toBe('');
  });
});
