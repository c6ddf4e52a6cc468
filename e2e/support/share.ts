/** A step's one share control (components/Share.astro), as a reader uses it. */
import type { Frame, Locator, Page } from '@playwright/test';

/** Opens the Share control of the step with id `step` (`step-6`) and returns it. */
export async function shareStep(where: Page | Frame, step: string): Promise<Locator> {
  const share = where.locator(`[id="${step}"] > .share`);
  if ((await share.getAttribute('open')) === null) await share.locator('> summary').click();
  return share;
}
