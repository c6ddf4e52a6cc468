import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints one plain closing line, "N passed, N failed", that CI logs can be read by (a test's last attempt counts). */
export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, TestResult['status']>();
  private readonly retried = new Set<string>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry > 0) this.retried.add(test.id);
    this.outcomes.set(test.id, result.status);
  }

  onEnd(_result: FullResult): void {
    const all = [...this.outcomes.values()];
    const passed = all.filter((s) => s === 'passed').length;
    const skipped = all.filter((s) => s === 'skipped').length;
    const failed = all.length - passed - skipped;
    const flaky = [...this.retried].filter((id) => this.outcomes.get(id) === 'passed').length;
    if (flaky) console.log(`playwright: ${flaky} test(s) passed only on retry (flaky under load): see the list above`);
    console.log(`playwright: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
