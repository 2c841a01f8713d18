// <mono-transactions> at scale: time from data to first rows, filter latency and DOM size for 1k, 10k and
// 100k rows from the sandbox (account txns_N), in headless Chromium on a production (minified) build.
//
//   node --import tsx bench/transactions.bench.ts [--runs=5] [--rows=1000,10000,100000]
//
// `measureTransactionsScale(page, options)` is the reusable part: give it any playwright page that has a
// `<mono-transactions>` element (defined) and the sandbox under `endpoint`, and it returns the figures.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, findChrome } from '../scripts/chrome.mjs';
import { createSandboxHandler, toNodeHandler } from '../src/server/index.js';

export interface TransactionsScaleOptions {
  /** Rows to load; the sandbox serves exactly this many for the account `txns_<rows>` (at most 100,000). */
  rows: number;
  /** The element to measure (default `mono-transactions`). */
  selector?: string;
  /** Where the sandbox answers (default `/api/mono`). */
  endpoint?: string;
  /** Timed repetitions; figures are medians (default 5). */
  runs?: number;
  /** Narration searches typed for the filter figure (default: common words of the sandbox's narrations). */
  searches?: string[];
}

export interface TransactionsScaleResult {
  rows: number;
  /** Normalised rows set through `.transactions` → first rows painted (median ms). */
  dataToRows: number;
  /** The host's JSON text → parsed, validated, filtered and first rows painted (median ms). */
  jsonToRows: number;
  /** The first search on fresh data → filtered rows painted (median ms); it lower-cases every narration once. */
  filterFirst: number;
  /** Later searches → filtered rows painted (median ms over all searches and runs). */
  filter: number;
  /** Longest time between two frames during a search, median over searches (ms; ~17 = no frame was late). */
  filterFrame: number;
  /** The same, worst search (ms; includes whatever else the page did, e.g. garbage collection). */
  filterFrameWorst: number;
  /** Switching the type filter to "Money in" → rows painted (median ms). */
  typeFilter: number;
  /** Elements in the element and its shadow trees with all rows loaded. */
  domNodes: number;
  /** Data rows in the DOM at that moment. */
  renderedRows: number;
}

// In-page helpers, as plain JS so that no bundler helper (e.g. tsx's __name) leaks into the page.
const IN_PAGE = `(() => {
  if (window.__txnBench) return;
  const paint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  // The longest gap between two frames while something runs: what a user would feel as a stall.
  const frameWatch = () => {
    let last = performance.now();
    let longest = 0;
    let on = true;
    const tick = () => { const t = performance.now(); longest = Math.max(longest, t - last); last = t; if (on) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    return async () => { await new Promise((r) => requestAnimationFrame(r)); on = false; return longest; };
  };
  const table = (el) => el.shadowRoot.querySelector('mono-transaction-table');
  const rows = (el) => [...(table(el)?.shadowRoot?.querySelectorAll('tbody tr.row') ?? [])];
  const count = (root) => {
    let n = 0;
    const walk = (node) => { for (const c of node.children) { n++; walk(c); if (c.shadowRoot) walk(c.shadowRoot); } };
    walk(root);
    return n;
  };
  const reset = async (el) => {
    const search = el.shadowRoot.querySelector('[part~="search-input"]');
    if (search && search.value) { search.value = ''; search.dispatchEvent(new InputEvent('input')); }
    el.removeAttribute('type');
    el.transactions = [];
    await el.settled;
    await paint();
  };
  window.__txnBench = {
    async stallObserved() {
      const stop = frameWatch();
      await new Promise((r) => setTimeout(r, 20));
      const t0 = performance.now();
      while (performance.now() - t0 < 80) {}
      return (await stop()) >= 80;
    },
    async fetchText(url) { window.__txnText = await (await fetch(url)).text(); return window.__txnText.length; },
    async jsonToRows(selector) {
      const el = document.querySelector(selector);
      await reset(el);
      const t0 = performance.now();
      el.transactions = JSON.parse(window.__txnText).data;
      await el.settled;
      await paint();
      const ms = performance.now() - t0;
      if (!rows(el).length) throw new Error('no rows rendered');
      window.__txnRows = el.shown;
      return ms;
    },
    async dataToRows(selector) {
      const el = document.querySelector(selector);
      await reset(el);
      const data = window.__txnRows;
      const t0 = performance.now();
      el.transactions = data;
      await el.settled;
      await paint();
      const ms = performance.now() - t0;
      if (!rows(el).length) throw new Error('no rows rendered');
      return ms;
    },
    async search(selector, text) {
      const el = document.querySelector(selector);
      const input = el.shadowRoot.querySelector('[part~="search-input"]');
      const stop = frameWatch();
      await new Promise((r) => requestAnimationFrame(r));
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new InputEvent('input'));
      await el.settled;
      await paint();
      const ms = performance.now() - t0;
      const longest = await stop();
      const shown = rows(el);
      if (!shown.every((r) => r.querySelector('.col-narration').textContent.toLowerCase().includes(text))) throw new Error('unfiltered rows shown');
      input.value = '';
      input.dispatchEvent(new InputEvent('input'));
      await el.settled;
      await paint();
      return [ms, longest];
    },
    async typeFilter(selector) {
      const el = document.querySelector(selector);
      const radio = el.shadowRoot.querySelector('input[name=type][value=credit]');
      const t0 = performance.now();
      radio.click();
      await el.settled;
      await paint();
      const ms = performance.now() - t0;
      el.shadowRoot.querySelector('input[name=type][value=all]').click();
      await el.settled;
      await paint();
      return ms;
    },
    dom(selector) {
      const el = document.querySelector(selector);
      return { domNodes: 1 + count(el.shadowRoot), renderedRows: rows(el).length };
    },
  };
})()`;

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Measures one row count on a page that has the element and the sandbox (see the options). */
export async function measureTransactionsScale(page: Page, options: TransactionsScaleOptions): Promise<TransactionsScaleResult> {
  const selector = options.selector ?? 'mono-transactions';
  const endpoint = options.endpoint ?? '/api/mono';
  const runs = options.runs ?? 5;
  const searches = options.searches ?? ['pos', 'transfer', 'airtime', 'uber', 'salary'];
  await page.evaluate(IN_PAGE);
  await page.evaluate(`customElements.whenDefined(${JSON.stringify(selector)})`);
  await page.evaluate(([url]) => (window as unknown as TxnBenchWindow).__txnBench.fetchText(url), [`${endpoint}/accounts/txns_${options.rows}/transactions?paginate=false`]);
  // Proves that a stall shows up as a late frame in this browser, so that short frames below mean no stall.
  const observable = await page.evaluate(() => (window as unknown as TxnBenchWindow).__txnBench.stallObserved());
  const call = <K extends keyof TxnBench>(name: K, ...args: string[]) =>
    page.evaluate(([n, ...a]) => ((window as unknown as TxnBenchWindow).__txnBench[n as K] as (...x: string[]) => unknown)(...a), [name, ...args]) as ReturnType<TxnBench[K]>;

  const json: number[] = [];
  const data: number[] = [];
  const first: number[] = [];
  const filter: number[] = [];
  const type: number[] = [];
  const frames: number[] = [];
  // One untimed round first, so that the figures are of a warmed-up page (code compiled, fonts loaded).
  await call('jsonToRows', selector);
  await call('dataToRows', selector);
  for (const text of searches) await call('search', selector, text);
  await call('typeFilter', selector);
  for (let run = 0; run < runs; run++) {
    json.push(await call('jsonToRows', selector));
    data.push(await call('dataToRows', selector));
    for (const [i, text] of searches.entries()) {
      const [ms, task] = await call('search', selector, text);
      (i === 0 ? first : filter).push(ms);
      frames.push(task);
    }
    type.push(await call('typeFilter', selector));
  }
  const dom = await page.evaluate(([s]) => (window as unknown as TxnBenchWindow).__txnBench.dom(s), [selector]);
  return {
    rows: options.rows,
    dataToRows: median(data),
    jsonToRows: median(json),
    filterFirst: median(first),
    filter: median(filter),
    filterFrame: observable ? median(frames) : NaN,
    filterFrameWorst: observable ? Math.max(...frames) : NaN,
    typeFilter: median(type),
    ...dom,
  };
}

interface TxnBench {
  stallObserved(): Promise<boolean>;
  fetchText(url: string): Promise<number>;
  jsonToRows(selector: string): Promise<number>;
  dataToRows(selector: string): Promise<number>;
  search(selector: string, text: string): Promise<[number, number]>;
  typeFilter(selector: string): Promise<number>;
  dom(selector: string): { domNodes: number; renderedRows: number };
}
interface TxnBenchWindow {
  __txnBench: TxnBench;
}

/** Minified production bundle of an entry given as source text, and its gzip size. */
async function bundle(source: string): Promise<{ code: string; gzip: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: 'bench', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return { code, gzip: gzipSync(code, { level: 9 }).length };
}

async function serve(pageScript: string): Promise<{ server: Server; url: string }> {
  const api = toNodeHandler(createSandboxHandler({ basePath: '/api/mono' }), { onlyUnder: '/api/mono' });
  const html = `<!doctype html><html lang="en-NG"><head><meta charset="utf-8"><title>mono-transactions scale</title>
<script type="module" src="/bench.js"></script></head><body><mono-transactions locale="en-NG"></mono-transactions></body></html>`;
  const server = createServer((req, res) => {
    api(req, res, () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(pageScript);
      else if (path === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toString());

async function main() {
  const argv = process.argv.slice(2);
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const runs = Number(arg('runs') ?? 5);
  const counts = (arg('rows') ?? '1000,10000,100000').split(',').map(Number);

  const page = await bundle(`import '../src/elements/transactions/define.ts';`);
  const core = await bundle(`export * from '../src/core/index.ts'; export * from '../src/client/index.ts'; export * from '../src/model/index.ts';`);
  const { server, url } = await serve(page.code);
  const executablePath = process.env.CHROME_PATH || findChrome();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const results: TransactionsScaleResult[] = [];
  try {
    for (const rows of counts) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(url);
      results.push(await measureTransactionsScale(tab, { rows, runs }));
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  const version = browser.version();
  console.log(`\n<mono-transactions> at scale — Chromium ${version} headless, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; medians of ${runs} runs, production build\n`);
  console.log('| rows | data → first rows | host JSON → first rows | first search → rows | search → rows | longest frame while searching (median / worst) | type filter → rows | DOM elements | rows in DOM |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.rows.toLocaleString('en')} | ${fmt(r.dataToRows)} ms | ${fmt(r.jsonToRows)} ms | ${fmt(r.filterFirst)} ms | ${fmt(r.filter)} ms | ${Number.isNaN(r.filterFrame) ? 'not observable' : `${fmt(r.filterFrame)} / ${fmt(r.filterFrameWorst)} ms`} | ${fmt(r.typeFilter)} ms | ${r.domNodes} | ${r.renderedRows} |`,
    );
  }
  console.log('\nEvery figure ends when the rows are painted (the next frame after the DOM is up to date), so about one frame (~16 ms) is the floor.');
  console.log(
    `\nBundle (minified, gzip -9): <mono-transactions> entry with Lit, the data model, the client and core ${(page.gzip / 1024).toFixed(1)} kB; ` +
      `the same without the element ${(core.gzip / 1024).toFixed(1)} kB, so the element adds about ${((page.gzip - core.gzip) / 1024).toFixed(1)} kB.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
