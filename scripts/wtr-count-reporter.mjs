// Prints "N passed, N failed[, N skipped]" as the last line of a wtr run; a file that fails to load counts as one failure.
function walk(suite, acc) {
  if (!suite) return;
  for (const t of suite.tests) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites) walk(s, acc);
}

export function countReporter() {
  let last;
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        walk(s.testResults, acc);
        if (!s.passed && (s.errors?.length || !s.testResults)) acc.failed++;
      }
      last = acc;
    },
    stop() {
      // On exit, so that the line follows wtr's own buffered summary.
      process.once('exit', () => {
        if (!last) return;
        const skip = last.skipped ? `, ${last.skipped} skipped` : '';
        process.stdout.write(`\n${last.passed} passed, ${last.failed} failed${skip}\n`);
      });
    },
  };
}
