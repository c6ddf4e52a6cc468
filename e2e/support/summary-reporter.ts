import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints one plain closing line, "N passed, N failed", that CI logs can be read by. */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestEnd(_test: TestCase, result: TestResult): void {
    if (result.status === 'passed') this.passed++;
    else if (result.status === 'skipped') this.skipped++;
    else this.failed++;
  }

  onEnd(_result: FullResult): void {
    const skipped = this.skipped ? `, ${this.skipped} skipped` : '';
    console.log(`playwright: ${this.passed} passed, ${this.failed} failed${skipped}`);
  }
}
