// `npm run bench`: every figure of BENCHMARKS.md in one run on a real headless Chromium. Prints one table,
// writes bench/results.json and the latest-results block of BENCHMARKS.md.
//
//   npm run bench                               everything (about 5–10 min on 2 cores)
//   npm run bench -- --only=weight,connect      some sections (others keep their last results)
//   npm run bench -- --runs=3                   fewer repetitions (default 5)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser.js';
import type { BenchContext } from './lib/context.js';
import { buildPages } from './lib/pages.js';
import { markdownTable, textTable, type Row } from './lib/report.js';
import { startBenchServer } from './lib/server.js';
import { connectSuite } from './suites/connect.js';
import { leaksSuite } from './suites/leaks.js';
import { networkSuite } from './suites/network.js';
import { pageCostSuite } from './suites/pagecost.js';
import { scaleSuite } from './suites/scale.js';
import { measureWeights, ROOT } from './weight.mjs';
import { weightRows, type WeightItem } from './weight-rows.js';

const SECTIONS = ['weight', 'connect', 'scale', 'network', 'leaks', 'pagecost'] as const;
type Section = (typeof SECTIONS)[number];

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const only = (arg('only')?.split(',') ?? SECTIONS) as Section[];
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}; one of ${SECTIONS.join(', ')}`);
const runs = Number(arg('runs') ?? 5);

const RESULTS = join(ROOT, 'bench', 'results.json');
const BENCHMARKS = join(ROOT, 'BENCHMARKS.md');
const BUDGETS = join(ROOT, 'bench', 'budgets.json');

interface Results {
  generated: string;
  machine: Record<string, unknown>;
  sections: Partial<Record<Section, { generated: string; runs?: number; seconds: number; data: unknown; rows: Row[] }>>;
}

const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const previous: Results | null = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : null;
const results: Results = { generated: new Date().toISOString(), machine: {}, sections: { ...previous?.sections } };

async function timed<T>(section: Section, fn: () => Promise<{ data: T; rows: Row[] }>, withRuns = true): Promise<void> {
  if (!only.includes(section)) return;
  const t = performance.now();
  log(`${section}…`);
  const { data, rows } = await fn();
  const seconds = Math.round((performance.now() - t) / 1000);
  results.sections[section] = { generated: new Date().toISOString(), ...(withRuns ? { runs } : {}), seconds, data, rows };
  log(`${section} done in ${seconds} s`);
}

await timed(
  'weight',
  async () => {
    const items = (await measureWeights()) as WeightItem[];
    const budgets = JSON.parse(readFileSync(BUDGETS, 'utf8')) as Record<string, { gzip: number; brotli: number }>;
    return { data: items, rows: weightRows(items, budgets) };
  },
  false,
);

const browserSections = only.filter((s) => s !== 'weight');
let chromium = String(previous?.machine.chromium ?? '');
if (browserSections.length) {
  log('building the bench pages…');
  const pages = await buildPages();
  const server = await startBenchServer(pages.dir);
  const browser = await launchBrowser();
  chromium = browser.version();
  const ctx: BenchContext = { browser, server, runs, log };
  try {
    await timed('connect', () => connectSuite(ctx));
    await timed('scale', () => scaleSuite(ctx));
    await timed('network', () => networkSuite(ctx), false);
    await timed('leaks', () => leaksSuite(ctx), false);
    await timed('pagecost', () => pageCostSuite(ctx));
  } finally {
    await browser.close();
    await server.close();
    pages.remove();
  }
}

const cpus = os.cpus();
results.machine = {
  cpu: cpus[0]?.model.trim(),
  cores: cpus.length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  chromium,
  loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
};
const rows = SECTIONS.flatMap((s) => results.sections[s]?.rows ?? []);
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

console.log(textTable(rows));
const misses = rows.filter((r) => r.status === 'miss').length;
const passes = rows.filter((r) => r.status === 'pass').length;
console.log(`\n${passes} targets met, ${misses} missed; ${((performance.now() - started) / 1000).toFixed(0)} s; written to bench/results.json and BENCHMARKS.md`);

// The latest-results block of BENCHMARKS.md (the text around it is written by hand).
const START = '<!-- bench:latest:start -->';
const END = '<!-- bench:latest:end -->';
if (existsSync(BENCHMARKS)) {
  const doc = readFileSync(BENCHMARKS, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a >= 0 && b > a) {
    const m = results.machine;
    const when = SECTIONS.filter((s) => results.sections[s])
      .map((s) => `${s} ${results.sections[s]!.generated.slice(0, 16).replace('T', ' ')} UTC${results.sections[s]!.runs ? ` (${results.sections[s]!.runs} runs)` : ''}`)
      .join(', ');
    const block = [
      START,
      '',
      `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; Chromium ${m.chromium} headless. Load average at the end: ${(m.loadAverageAtEnd as number[]).join(', ')}.`,
      '',
      `Measured: ${when}. ${passes} targets met, ${misses} missed.`,
      '',
      markdownTable(rows),
      '',
      END,
    ].join('\n');
    writeFileSync(BENCHMARKS, doc.slice(0, a) + block + doc.slice(b + END.length));
  } else console.warn('BENCHMARKS.md has no bench:latest markers; its table was not updated');
}
