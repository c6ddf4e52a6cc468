/** The numbered steps a section's MDX declares (`<Step n={3} title="…">`), for the contents sidebar. */

/** One step: its number (its id is `step-<n>`) and its title. */
export interface StepHeading {
  readonly n: number;
  readonly title: string;
}

/** The `<Step>` tags of an MDX source, in document order; tags without a number or a title are skipped. */
export function stepsIn(mdx: string): StepHeading[] {
  const steps: StepHeading[] = [];
  for (const tag of mdx.matchAll(/<Step\b([^>]*)>/g)) {
    const attributes = tag[1] ?? '';
    const n = /\bn=\{\s*(\d+)\s*\}/.exec(attributes)?.[1];
    const title = /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(attributes);
    const text = title?.[1] ?? title?.[2];
    if (n !== undefined && text !== undefined) steps.push({ n: Number(n), title: text });
  }
  return steps;
}
