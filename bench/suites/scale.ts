// Transactions at scale: <mono-transactions> against AG Grid Community (its row and column
// virtualisation on) and a plain non-virtualised Lit table, on identical data (the sandbox's txns_N
// answer) in the same page, each in a fresh browser context, interleaved run by run.
import { openPage } from '../lib/browser.js';
import type { BenchContext, SuiteResult } from '../lib/context.js';
import { median, medianRatio } from '../lib/stats.js';
import { mib, ms, times, type Row } from '../lib/report.js';
import type { ScaleWindow } from '../pages/scale-types.js';
import { measureTransactionsScale } from '../transactions.bench.js';

export const SIZES = [1_000, 10_000, 100_000] as const;
export const IMPLS = ['kit', 'kit-fetch', 'aggrid', 'lit'] as const;
/** Not a table: the page only holds the parsed rows, the heap every table starts from. */
const DATA_ONLY = 'data';
type Impl = (typeof IMPLS)[number];
/** The plain table renders every row: at 100k it takes tens of seconds and ~700k elements, so it stops here. */
export const PLAIN_TABLE_MAX = 10_000;

export interface ScaleSample {
  firstRows: number;
  filter: number;
  scrollEnd: number;
  domElements: number;
  renderedRows: number;
  heap: number;
  letter: string;
}


/** Heap of a page holding only the parsed rows (what any table must keep at the least). */
async function dataHeap(ctx: BenchContext, n: number): Promise<number> {
  const p = await openPage(ctx.browser, `${ctx.server.url}/scale.html?impl=${DATA_ONLY}&n=${n}`);
  try {
    await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.ready);
    await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.hold());
    return await p.heapAfterGc();
  } finally {
    await p.close();
  }
}

async function sample(ctx: BenchContext, impl: Impl, n: number): Promise<ScaleSample> {
  const p = await openPage(ctx.browser, `${ctx.server.url}/scale.html?impl=${impl}&n=${n}`);
  try {
    p.page.setDefaultTimeout(180_000);
    await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.ready);
    const firstRows = await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.mount());
    // Let deferred work finish (row measuring, idle callbacks) before the heap and DOM are read.
    await p.page.waitForTimeout(300);
    const heap = await p.heapAfterGc();
    const domElements = await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.domElements());
    const renderedRows = await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.renderedRows());
    const scrollEnd = await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.scrollEnd());
    await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.scrollTop());
    if (!(await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.focusFilter()))) throw new Error(`${impl}: no filter input`);
    const letter = await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.pickFilterLetter());
    await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.armFilter());
    await p.page.keyboard.press(`Key${letter.toUpperCase()}`);
    const filter = await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.filterDone());
    if (p.errors.length) throw new Error(`${impl} ${n}: ${p.errors.join('; ')}`);
    return { firstRows, filter, scrollEnd, domElements, renderedRows, heap, letter };
  } finally {
    await p.close();
  }
}

export type ScaleData = Record<
  string,
  Partial<Record<Impl, { runs: ScaleSample[]; median: Omit<ScaleSample, 'letter'> }>> & {
    /** The transactions helper's own figures on a warmed-up page (bench/transactions.bench.ts). */
    kitWarm?: Record<string, number>;
    /** Heap of the page holding only the parsed rows (median). */
    dataHeap?: number;
  }
>;

/** <mono-transactions> on a warm page, measured by bench/transactions.bench.ts's reusable function. */
async function warmKit(ctx: BenchContext, n: number): Promise<Record<string, number>> {
  const p = await openPage(ctx.browser, `${ctx.server.url}/scale.html?impl=kit&n=${n}`);
  try {
    p.page.setDefaultTimeout(300_000);
    await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.ready);
    await p.page.evaluate(() => (window as unknown as ScaleWindow).bench.mount());
    const result = await measureTransactionsScale(p.page, { rows: n, runs: ctx.runs, selector: 'mono-transactions', endpoint: '/api/mono' });
    if (p.errors.length) throw new Error(p.errors.join('; '));
    return result as unknown as Record<string, number>;
  } finally {
    await p.close();
  }
}

const LABEL: Record<Impl, string> = { kit: 'mono-elements', 'kit-fetch': 'mono-elements (fetching itself)', aggrid: 'AG Grid', lit: 'plain Lit' };

export async function scaleSuite(ctx: BenchContext, sizes: readonly number[] = SIZES): Promise<SuiteResult<ScaleData>> {
  const samples = new Map<string, ScaleSample[]>();
  const dataHeaps = new Map<number, number[]>(sizes.map((n) => [n, []]));
  const key = (impl: Impl, n: number) => `${impl}:${n}`;
  for (let run = 0; run < ctx.runs; run++) {
    for (const n of sizes) {
      dataHeaps.get(n)!.push(await dataHeap(ctx, n));
      for (const impl of IMPLS) {
        if (impl === 'lit' && n > PLAIN_TABLE_MAX) continue;
        const s = await sample(ctx, impl, n);
        (samples.get(key(impl, n)) ?? samples.set(key(impl, n), []).get(key(impl, n))!).push(s);
      }
      const line = IMPLS.filter((i) => samples.has(key(i, n)))
        .map((i) => `${LABEL[i]} ${ms(samples.get(key(i, n))![run].firstRows)}`)
        .join(', ');
      ctx.log(`scale run ${run + 1}/${ctx.runs}, ${n} rows, first rows: ${line}`);
    }
  }

  const warm = new Map<number, Record<string, number>>();
  for (const n of sizes) {
    warm.set(n, await warmKit(ctx, n));
    ctx.log(`scale, warm <mono-transactions> at ${n} rows: ${JSON.stringify(warm.get(n))}`);
  }

  const data: ScaleData = {};
  const rows: Row[] = [];
  for (const n of sizes) {
    const entry: ScaleData[string] = { kitWarm: warm.get(n), dataHeap: median(dataHeaps.get(n)!) };
    for (const impl of IMPLS) {
      const runs = samples.get(key(impl, n));
      if (!runs) continue;
      const m = (f: keyof Omit<ScaleSample, 'letter'>) => median(runs.map((r) => r[f]));
      entry[impl] = {
        runs,
        median: { firstRows: m('firstRows'), filter: m('filter'), scrollEnd: m('scrollEnd'), domElements: m('domElements'), renderedRows: m('renderedRows'), heap: m('heap') },
      };
    }
    data[String(n)] = entry;

    const kit = samples.get(key('kit', n))!;
    const grid = samples.get(key('aggrid', n))!;
    const plain = entry.lit?.median;
    const section = `Transactions at scale, ${n.toLocaleString('en')} rows (median of ${ctx.runs}; ratio = kit / AG Grid, per run)`;
    const at100k = n === 100_000;
    const ratioRow = (figure: string, field: 'firstRows' | 'filter' | 'scrollEnd' | 'heap', format: (v: number) => string, limit?: number, targetText?: string): Row => {
      const ratio = medianRatio(kit.map((r) => r[field]), grid.map((r) => r[field]));
      return {
        section,
        figure,
        kit: format(entry.kit!.median[field]),
        baseline: `AG Grid ${format(entry.aggrid!.median[field])}`,
        ratio: times(ratio),
        also: plain ? format(plain[field]) : n > PLAIN_TABLE_MAX ? 'not run' : '',
        target: limit !== undefined && at100k ? (targetText ?? `≤ ${limit}× AG Grid`) : '',
        status: limit !== undefined && at100k ? (ratio <= limit ? 'pass' : 'miss') : 'info',
      };
    };
    rows.push(ratioRow('data (parsed host rows) → first rows painted', 'firstRows', ms, 0.3));
    rows.push(ratioRow('narration filter: keystroke → rows painted', 'filter', ms, 0.3));
    rows.push(ratioRow('scroll to the end → last row painted', 'scrollEnd', ms));
    const heapRow = ratioRow('JS heap after load (after GC)', 'heap', mib, 0.5);
    heapRow.note = `the page holding only the parsed rows: ${mib(entry.dataHeap!)}; above that, kit ${mib(entry.kit!.median.heap - entry.dataHeap!)}, AG Grid ${mib(entry.aggrid!.median.heap - entry.dataHeap!)}`;
    rows.push(heapRow);
    const small = data[String(sizes[0])]?.kit?.median.domElements;
    rows.push({
      section,
      figure: 'DOM elements (with shadow trees) / rows in DOM',
      kit: `${entry.kit!.median.domElements} / ${entry.kit!.median.renderedRows}`,
      baseline: `AG Grid ${entry.aggrid!.median.domElements} / ${entry.aggrid!.median.renderedRows}`,
      also: plain ? `${plain.domElements} / ${plain.renderedRows}` : n > PLAIN_TABLE_MAX ? 'not run' : '',
      target: at100k && small !== undefined ? `as at ${sizes[0].toLocaleString('en')} rows (${small})` : '',
      status: at100k && small !== undefined ? (Math.abs(entry.kit!.median.domElements - small) <= Math.max(20, small * 0.1) ? 'pass' : 'miss') : 'info',
    });
    const w = warm.get(n);
    if (w) {
      const part = (label: string, key: string) => (typeof w[key] === 'number' && Number.isFinite(w[key]) ? `${label} ${ms(w[key])}` : null);
      rows.push({
        section,
        figure: '  kit, warm page (transactions.bench.ts) → painted',
        kit: [part('rows', 'dataToRows'), part('JSON', 'jsonToRows'), part('1st search', 'filterFirst'), part('search', 'filter'), part('type', 'typeFilter')]
          .filter(Boolean)
          .join(', '),
        status: 'info',
      });
    }
    const fetching = entry['kit-fetch'];
    if (fetching) {
      rows.push({
        section,
        figure: '  kit fetching itself: response → rows; heap',
        kit: `${ms(fetching.median.firstRows)}; ${mib(fetching.median.heap)}`,
        baseline: `AG Grid ${ms(entry.aggrid!.median.firstRows)}; ${mib(entry.aggrid!.median.heap)}`,
        // Heap only: the kit's time includes reading and validating the JSON, AG Grid's starts from parsed rows.
        ratio: `heap ${times(medianRatio(samples.get(key('kit-fetch', n))!.map((r) => r.heap), grid.map((r) => r.heap)))}`,
        status: 'info',
        note: "time not compared: the kit's includes reading and validating the JSON, AG Grid's starts from parsed rows",
      });
    }
  }
  return { data, rows };
}
