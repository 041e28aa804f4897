import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(results, tally) {
  if (!results) return;
  for (const test of results.tests ?? []) {
    if (test.skipped) tally.skipped++;
    else if (test.passed) tally.passed++;
    else tally.failed++;
  }
  for (const suite of results.suites ?? []) count(suite, tally);
}

/** Writes `{ passed, failed, skipped }` for the whole browser run, for the `N passed, N failed` line. */
export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const tally = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, tally);
        // A file that failed to load, or threw outside a test, has no test results: count it as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) tally.failed++;
      }
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(tally));
      }
    },
  };
}
