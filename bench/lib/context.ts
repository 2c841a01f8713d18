import type { Browser } from 'playwright-core';
import type { Row } from './report.js';
import type { BenchServer } from './server.js';

export interface BenchContext {
  browser: Browser;
  server: BenchServer;
  /** Repetitions for the timed figures (medians are reported). */
  runs: number;
  log(message: string): void;
}

export interface SuiteResult<T> {
  data: T;
  rows: Row[];
}
