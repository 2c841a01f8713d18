import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
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
  // MONO_TEST_TIMES=1 prints each file's time as it ends (the config then runs one file at a time, so the gaps between
  // ends): where CI time goes.
  const times = process.env.MONO_TEST_TIMES ? [] : undefined;
  let lap = performance.now();
  return {
    reportTestFileResults({ testFile, sessionsForTestFile }) {
      // MONO_WTR_PROGRESS=<file>: each finished test file and its counts, one JSON line each, so that `npm test` can run
      // only the unfinished files again when a runner dies before its summary.
      if (process.env.MONO_WTR_PROGRESS) {
        const acc = { passed: 0, failed: 0, skipped: 0 };
        for (const s of sessionsForTestFile) {
          walk(s.testResults, acc);
          if (!s.passed && (s.errors?.length || !s.testResults)) acc.failed++;
        }
        appendFileSync(process.env.MONO_WTR_PROGRESS, `${JSON.stringify({ file: relative(process.cwd(), testFile), passed: acc.passed, failed: acc.failed })}\n`);
      }
      if (!times) return;
      const now = performance.now();
      const file = testFile.replace(`${process.cwd()}/`, '');
      times.push([now - lap, file]);
      lap = now;
      const slow = (suite, path) => {
        for (const t of suite?.tests ?? []) if ((t.duration ?? 0) >= 1000) times.push([t.duration, `  ${file}: ${[...path, t.name].join(' > ')}`]);
        for (const s of suite?.suites ?? []) slow(s, [...path, s.name]);
      };
      for (const session of sessionsForTestFile) slow(session.testResults, []);
    },
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
        for (const [ms, file] of times?.sort((a, b) => b[0] - a[0]) ?? []) process.stdout.write(`${(ms / 1000).toFixed(1).padStart(6)} s  ${file}\n`);
        if (!last) return;
        const skip = last.skipped ? `, ${last.skipped} skipped` : '';
        process.stdout.write(`\n${last.passed} passed, ${last.failed} failed${skip}\n`);
      });
    },
  };
}
