/**
 * The workbook tools on the built 1.5 page: files go in through the page's own
 * file input, downloads come back out and are read with the project's reader.
 * Fixtures are built at test time into a temporary folder; nothing binary is
 * committed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_PARAMS, train } from '../src/lib/backprop';
import { checkSheets } from '../src/lib/workbook/check';
import { EXPORT_COLUMNS, EXPORT_LAYOUT, exportColumn } from '../src/lib/workbook/export';
import { cellAt, readXlsx } from '../src/lib/xlsx/read';
import { columnIndex } from '../src/lib/xlsx/cells';
import { badFiles, mistakeWorkbook, oversized } from '../tests/support/workbook-fixtures';
import { AXE_TAGS } from './support/a11y-page';
import { SECTION_SLUGS, sectionPath } from './support/site';

// Building eight 300-row tabs, checking workbooks and axe scans are real work in the browser; allow for a busy machine.
test.describe.configure({ timeout: 120_000 });

const UPDATE = sectionPath(SECTION_SLUGS.update);
let folder = '';
/** Console errors and uncaught exceptions per page: none may happen. */
const pageErrors = new WeakMap<Page, string[]>();

test.beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'workbook-e2e-'));
});
test.afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function fixture(name: string, bytes: Uint8Array): string {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

/** Opens the page, brings the tools into view and waits until they are hydrated. */
async function openTools(page: Page, query = ''): Promise<void> {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${UPDATE}${query}`);
  const input = page.locator('input[type="file"][name="workbook"]');
  await input.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island', { has: input })).not.toHaveAttribute('ssr', /.*/, { timeout: 15_000 });
}

function errorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

const status = (page: Page) => page.locator('.wb-status');

test.describe('check my workbook', () => {
  test('the file input is labelled and the status is announced politely', async ({ page }) => {
    await openTools(page);
    const input = page.getByLabel(/check my workbook/i);
    await expect(input).toHaveAttribute('name', 'workbook');
    await expect(input).toHaveAttribute('accept', '.xlsx');
    await expect(status(page)).toHaveAttribute('aria-live', 'polite');
  });

  for (const bad of badFiles()) {
    test(`a bad file gets its message: ${bad.label}`, async ({ page }) => {
      await openTools(page);
      await page.locator('input[name="workbook"]').setInputFiles(fixture(bad.name, bad.bytes));
      await expect(status(page)).toHaveText(bad.message);
      await expect(page.locator('.wb-report')).toContainText(bad.message);
      // The page keeps working: the tools can take another file straight away.
      await expect(page.locator('input[name="workbook"]')).toBeEnabled();
      expect(await page.locator('body').innerText()).not.toMatch(/\b(NaN|Infinity|undefined)\b/);
      expect(errorsOf(page)).toEqual([]);
    });
  }

  test('a file over 10 MB gets its message', async ({ page }) => {
    await openTools(page);
    await page.locator('input[name="workbook"]').setInputFiles(fixture('huge.xlsx', oversized()));
    await expect(status(page)).toHaveText(/10 MB/);
    expect(errorsOf(page)).toEqual([]);
  });

  test('a workbook with the slope mistake gets a named report at the right first cell', async ({ page }) => {
    await openTools(page);
    await page.locator('input[name="workbook"]').setInputFiles(fixture('slope.xlsx', mistakeWorkbook('slope', { epochs: 40 })));
    const dw3 = `${exportColumn('dE_dw3')}${EXPORT_LAYOUT.firstDataRow}`;
    await expect(status(page)).toHaveText(new RegExp(`a_h1’s slope.*First wrong cell: ${dw3}`));
    const report = page.locator('.wb-report');
    await expect(report.getByRole('heading', { level: 3 })).toHaveText(/Report for “slope\.xlsx”/);
    await expect(report.getByRole('heading', { level: 4 })).toHaveText(/Sheet “LR 0\.1”/);
    const table = report.locator('table');
    await expect(table.locator('caption')).toHaveText(/Column by column/);
    const row = table.locator('tr', { has: page.locator('th[scope="row"]', { hasText: '∂E/∂w3' }) });
    await expect(row.locator('td').nth(1)).toHaveText(dw3);
    await expect(row.locator('td').nth(4).locator('code')).toContainText(`M${EXPORT_LAYOUT.firstDataRow}*(1-M${EXPORT_LAYOUT.firstDataRow})`);
    await expect(report).toContainText('multiply by a_h1·(1−a_h1) instead');
    // The report itself passes axe in both colour schemes.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const scan = await new AxeBuilder({ page }).include('section.wb').withTags([...AXE_TAGS]).analyze();
      expect(scan.violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    }
    expect(errorsOf(page)).toEqual([]);
  });

  test('dropping a workbook on the box checks it, as choosing it does', async ({ page }) => {
    await openTools(page);
    const bytes = Array.from(mistakeWorkbook('e2-a-o1', { epochs: 20 }));
    // A real drag carries a DataTransfer with the file; build one in the page from the fixture's bytes.
    const dataTransfer = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'dropped.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      return transfer;
    }, bytes);
    const box = page.locator('.wb-drop');
    await box.dispatchEvent('dragenter', { dataTransfer });
    await box.dispatchEvent('dragover', { dataTransfer });
    // The box shows it will take the file...
    await expect(box).toHaveClass(/\bwb-over\b/);
    await box.dispatchEvent('drop', { dataTransfer });
    // ...and checks it: the same named report as through the file input.
    await expect(box).not.toHaveClass(/\bwb-over\b/);
    await expect(status(page)).toHaveText(/E2 computed with a_o1/);
    await expect(page.locator('.wb-report').getByRole('heading', { level: 3 })).toHaveText(/Report for “dropped\.xlsx”/);
    // The file box names the dropped file, as it would a chosen one.
    expect(await page.locator('input[name="workbook"]').evaluate((el) => [...((el as HTMLInputElement).files ?? [])].map((f) => f.name))).toEqual(['dropped.xlsx']);
    expect(errorsOf(page)).toEqual([]);
  });

  test('dropping something that is not a file changes nothing', async ({ page }) => {
    await openTools(page);
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', 'w1 = 0.3');
      return transfer;
    });
    const box = page.locator('.wb-drop');
    await box.dispatchEvent('dragover', { dataTransfer });
    await box.dispatchEvent('drop', { dataTransfer });
    await expect(box).not.toHaveClass(/\bwb-over\b/);
    await expect(status(page)).toHaveText(/drop a \.xlsx file/i);
    await expect(page.locator('.wb-report')).toHaveCount(0);
    await expect(page.locator('input[name="workbook"]')).toBeEnabled();
    expect(errorsOf(page)).toEqual([]);
  });

  test('a workbook whose weights are updated with + gets that named', async ({ page }) => {
    await openTools(page);
    await page.locator('input[name="workbook"]').setInputFiles(fixture('plus.xlsx', mistakeWorkbook('plus', { epochs: 20 })));
    await expect(status(page)).toHaveText(/\+ instead of −/);
    await expect(page.locator('.wb-report')).toContainText(`first in ${exportColumn('w1')}${EXPORT_LAYOUT.firstDataRow + 1}`);
    expect(errorsOf(page)).toEqual([]);
  });
});

test.describe('the report on a phone', () => {
  for (const width of [320, 390]) {
    test.describe(`at ${width} px with touch`, () => {
      test.use({ viewport: { width, height: 800 }, hasTouch: true, isMobile: true });

      test('the report fits the screen, its formulas wrap, and the file box names the file checked', async ({ page }) => {
        await openTools(page);
        const input = page.locator('input[name="workbook"]');
        await input.setInputFiles(fixture('slope-phone.xlsx', mistakeWorkbook('slope', { epochs: 40 })));
        await expect(status(page)).toHaveText(/a_h1’s slope/);
        const report = page.locator('.wb-report');
        // Nothing of the report reaches past the screen or scrolls sideways inside it.
        const outside = await report.evaluate((root, w) => {
          const out: string[] = [];
          // What is there only for screen readers (clipped to a pixel) is not on screen.
          const unseen = (el: Element | null): boolean =>
            !!el && ((el.getBoundingClientRect().width <= 1 && getComputedStyle(el).overflow === 'hidden') || unseen(el.parentElement));
          for (const el of [root, ...root.querySelectorAll('*')]) {
            if (unseen(el)) continue;
            const r = el.getBoundingClientRect();
            if (r.width && (r.left < -0.5 || r.right > w + 0.5)) out.push(`${el.tagName} “${(el.textContent ?? '').slice(0, 30)}” spans ${Math.round(r.left)}–${Math.round(r.right)}`);
            if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName}.${el.className} scrolls sideways`);
          }
          return out;
        }, width);
        expect(outside, outside.join('\n')).toEqual([]);
        // Each column's expected value, found value and formula can be read, labelled by its column.
        const row = report.locator('tr', { has: page.locator('th[scope="row"]', { hasText: '∂E/∂w3' }) });
        for (const [n, name] of [[2, 'Expected'], [3, 'Found'], [4, 'Formula that belongs there']] as const) {
          const cell = row.locator('td').nth(n);
          await cell.scrollIntoViewIfNeeded();
          await expect(cell).toBeInViewport({ ratio: 1 });
          await expect(cell).toHaveAttribute('data-label', name);
          expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toContain(name);
        }
        // The file box shows the checked file, not "No file chosen".
        expect(await input.evaluate((el) => [...((el as HTMLInputElement).files ?? [])].map((f) => f.name))).toEqual(['slope-phone.xlsx']);
      });
    });
  }
});

test.describe('downloads', () => {  test('the spreadsheet code loads only when asked for', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await openTools(page);
    const before = scripts.filter((s) => /\/workbook\.[^/]*\.js$/.test(s));
    expect(before, 'the workbook chunk must not load with the page').toEqual([]);
    const download = page.waitForEvent('download');
    await page.locator('[data-action="download-csv"]').click();
    await download;
    expect(scripts.some((s) => /\/workbook\.[^/]*\.js$/.test(s))).toBe(true);
  });

  test('the workbook download for the reader’s parameters reads back, with their own rate’s tab', async ({ page }) => {
    await openTools(page, '?lr=0.35&t2=0.7');
    const pending = page.waitForEvent('download');
    await page.locator('[data-action="download-xlsx"]').click();
    const download = await pending;
    expect(download.suggestedFilename()).toBe('backprop-workbook-lr0.35.xlsx');
    const bytes = new Uint8Array(readFileSync((await download.path()) ?? ''));
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.sheets.map((s) => s.name)).toEqual(['LR 0.1', 'LR 0.2', 'LR 0.35 (yours)', 'LR 0.5', 'LR 0.8', 'LR 1', 'LR 2', 'E_total by LR']);
    const params = { ...ARTICLE_PARAMS, lr: 0.35, t2: 0.7 };
    const run = train(params, 300);
    const own = read.sheets[2];
    if (!own) throw new Error('no tab');
    for (const epoch of [1, 2, 150, 300]) {
      for (const name of EXPORT_COLUMNS) {
        const cell = cellAt(own, columnIndex(exportColumn(name)), EXPORT_LAYOUT.firstDataRow + epoch - 1);
        // The browser's Math.exp may differ from Node's in the last bit, so compare to 1e-12, not exactly.
        const want = run[epoch - 1]?.[name] ?? Number.NaN;
        const got = cell?.value as number;
        expect(Math.abs(got - want), `${name} at epoch ${epoch}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-12 * Math.abs(want));
      }
    }
    expect(checkSheets(read.sheets).filter((s) => s.status === 'checked').every((s) => s.clean)).toBe(true);
    await expect(status(page)).toHaveText(/Workbook ready: 7 learning-rate tabs/);

    // The same file, given back to the page, checks clean.
    await page.locator('input[name="workbook"]').setInputFiles(fixture('roundtrip.xlsx', bytes));
    await expect(status(page)).toHaveText(/every checked cell matches/, { timeout: 20_000 });
    expect(errorsOf(page)).toEqual([]);
  });

  test('the CSV download holds the current rate’s 300 epochs', async ({ page }) => {
    await openTools(page, '?lr=2');
    const pending = page.waitForEvent('download');
    await page.locator('[data-action="download-csv"]').click();
    const download = await pending;
    expect(download.suggestedFilename()).toBe('backprop-epochs-lr2.csv');
    const lines = readFileSync((await download.path()) ?? '', 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(301);
    const run = train({ ...ARTICLE_PARAMS, lr: 2 }, 300);
    const last = lines[300]?.split(',').map(Number) ?? [];
    expect(last[0]).toBe(300);
    const want = run[299]?.E_total ?? Number.NaN;
    expect(Math.abs((last[1 + EXPORT_COLUMNS.indexOf('E_total')] ?? 0) - want)).toBeLessThanOrEqual(1e-12 * want);
  });
});
