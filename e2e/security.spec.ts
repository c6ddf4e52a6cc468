/**
 * Security in the browser (issue 4, item 6):
 * - every page loads, hydrates and takes an edit with no CSP violation;
 * - markup pasted into any field or put in the URL never becomes markup.
 * The policy each page carries is checked on the build output (tests/built/security.test.ts), and the
 * source files' HTML sinks by tests/html-sinks.test.ts.
 *
 * `npm audit --omit=dev --audit-level=high` is `npm run audit`, not part of these tests: the
 * registry's advisory endpoint (a POST) is refused on the project's build machines (HTTP 405),
 * so here it could only fail or be skipped. Run it where the endpoint is reachable.
 */
import { expect, test, type Page } from '@playwright/test';
import { PARAM_NAMES } from '../src/lib/backprop';
import { htmlFiles, pathOfFile } from './support/site';

const paths = htmlFiles().map(pathOfFile);

/** Fields a reader can type text into. */
const TEXT_FIELDS = 'input[name]:not([type="hidden"], [type="checkbox"], [type="radio"], [type="file"], [type="range"], [type="color"]), textarea[name]';

const MARKUP_PAYLOADS = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>'] as const;

/** Starts recording CSP violations and dialogs; returns what was recorded so far. */
async function watch(page: Page): Promise<() => Promise<{ violations: string[]; dialogs: string[]; consoleCsp: string[] }>> {
  const dialogs: string[] = [];
  const consoleCsp: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleCsp.push(message.text());
  });
  await page.addInitScript(() => {
    const store: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: store });
    document.addEventListener('securitypolicyviolation', (e) => {
      store.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return async () => ({
    violations: await page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]),
    dialogs: [...dialogs],
    consoleCsp: [...consoleCsp],
  });
}

async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]:not([client="visible"]):not([client="needed"])') === null);
}

/** Elements that pasted markup would have created. */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const img of document.querySelectorAll('img')) if (img.getAttribute('src') === 'x') found.push(img.outerHTML);
    for (const el of document.querySelectorAll('[onerror], [onload], [onclick]')) found.push(el.outerHTML.slice(0, 120));
    for (const script of document.querySelectorAll('script')) if (script.textContent?.includes('alert(1)')) found.push(script.outerHTML);
    return found;
  });
}

for (const path of paths) {
  test.describe(path, () => {
    test('loads, hydrates and takes an edit with no CSP violation', async ({ page }) => {
      const recorded = await watch(page);
      await page.goto(path);
      await hydrated(page);
      const field = page.locator(TEXT_FIELDS).first();
      if ((await field.count()) > 0) {
        await field.fill('0.3');
        await expect(field).toHaveValue('0.3');
      }
      await page.waitForLoadState('networkidle');
      const { violations, consoleCsp, dialogs } = await recorded();
      expect(violations, 'securitypolicyviolation events').toEqual([]);
      expect(consoleCsp, 'CSP messages in the console').toEqual([]);
      expect(dialogs).toEqual([]);
    });

    test('markup in the URL query or fragment never becomes markup', async ({ page }) => {
      const recorded = await watch(page);
      for (const payload of MARKUP_PAYLOADS) {
        const query = new URLSearchParams([...PARAM_NAMES, 'digits'].map((name) => [name, payload]));
        await page.goto(`${path}?${query.toString()}#${encodeURIComponent(payload)}`);
        await hydrated(page);
        await page.waitForLoadState('networkidle');
        expect(await injectedElements(page), payload).toEqual([]);
      }
      const { dialogs, violations } = await recorded();
      expect(dialogs, 'dialogs opened').toEqual([]);
      expect(violations, 'CSP violations (an injected script would show here)').toEqual([]);
    });

    test('markup pasted into any field never becomes markup', async ({ page }) => {
      test.setTimeout(120_000);
      const recorded = await watch(page);
      await page.goto(path);
      await hydrated(page);
      const fields = page.locator(TEXT_FIELDS);
      const count = await fields.count();
      for (let i = 0; i < count; i++) {
        const field = fields.nth(i);
        if (!(await field.isEditable())) continue;
        for (const payload of MARKUP_PAYLOADS) {
          await field.fill(payload);
          await field.press('Tab');
          expect(await injectedElements(page), `${payload} in field ${i}`).toEqual([]);
        }
      }
      const { dialogs, violations } = await recorded();
      expect(dialogs, 'dialogs opened').toEqual([]);
      expect(violations).toEqual([]);
    });
  });
}
