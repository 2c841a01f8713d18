// Size budgets (`npm run size`; `.ci/run` runs it after the build). Each target is the package's built define
// entries (dist/esm), bundled on its own the way a site's bundler would: every dependency included, minified,
// split where the code says `import()`. Vite's own import() runtime is left out: it is the site's bundler's (see
// bundlerRuntimeApart in bench/weight.mjs); the table says what it adds where a Vite site has no lazy import of its own.
// Sizes are gzip -9 of what loads up front (the entry and everything it imports statically); lazily
// loaded chunks are listed apart. Fails, with the numbers, when a budget is exceeded or chart.js ends up
// anywhere but a lazily loaded chunk.
//
//   node scripts/check-size.mjs                 the table and the budgets
//   node scripts/check-size.mjs --json          the same figures as JSON (for tests)
//   MONO_SIZE_BUDGET_SCALE=0.1 node scripts/…    shrinks every budget (to see it fail)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { minifyLiterals } from './minify-literals.mjs';
import { bundlerRuntimeApart } from '../bench/weight.mjs';

const KB = 1000;
const scale = Number(process.env.MONO_SIZE_BUDGET_SCALE ?? 1);
/** The issue's budgets, in gzip bytes of what loads up front. */
export const BUDGETS = {
  'mono-connect-button alone': 10 * KB,
  // Issue 7 asks for 35 kB for every element but the charts; the kit measures more (mostly the elements'
  // own code, then Lit and the data model). Until that is cut, CI holds today's figures so they cannot
  // grow; the missed target is printed on every run. Raised by 0.5 kB on 2026-11-29 for the transaction
  // table's phone layout, its date sort there and the bidi isolation of money and dates (+0.45 kB together).
  // Raised again on 2026-11-30 (+0.68 kB non-chart, +0.88 kB all) for review fixes: the sync button following
  // the account on screen, the provider keeping its client across new functions, wrong shapes refused for
  // identity and assets, exact totals past 2^53, bidi isolation of bank text, the earnings' phone layout.
  // Raised by 1 kB (all and non-chart) later on 2026-11-30 for fixes from accessibility and visual reviews:
  // focus kept in an element when a render removes the control that had it, 3:1 focus rings and borders,
  // forced-colours states, live regions that wait for the outcome, the page said with the count, a host page
  // of rows all in the DOM, the holdings table's layout, themed chart tooltips and fonts.
  // Raised by 0.5 kB on 2026-11-30 (session 9): the income chart reads the monthly credits the host sends with
  // the records (their check is +0.37 kB), so a dashboard asks for transactions once.
  // Raised by 0.1 kB on 2026-11-30 (session 10): a BVN sent as its last four digits (the reference backend's new
  // default) shows masked with no toggle, and a sync job can end in reauthorisation (+0.04 kB).
  // Raised by 0.7 kB (all) and 0.4 kB (non-chart) on 2026-11-30 (session 11): the transactions table sizes its
  // amount and balance columns to the rows' widest amounts (on phones too), so no amount is cut and the
  // narration gets the room; a connect button claims an unconfirmed link again; figures outside tables are
  // isolated for right-to-left pages and wrap before their currency code, not inside it; an account's type
  // without the bank's repetition of it; scroll shadows on the insight tables (from a visual review).
  // Raised by 0.1 kB on 2026-11-30 (session 12): the transactions table's category column sized to the rows'
  // longest category (Mono's "Online transactions" was cut at 1,280 px), and Lit's dev-mode notice turned off
  // for the table's by-design second update (+0.06 kB together). Raised by 0.2 kB later that session: one pass
  // over new rows finds their date order, widest values and totals (RowsSummary), 5 ms less at 100k rows.
  // Raised by 0.1 kB (all) and 0.2 kB (non-chart) on 2026-11-30 (session 13), for review fixes: a load that runs past
  // 10 s says it is taking longer than usual (+0.13 kB: the host that never answers showed "Loading…" for 83 s), the
  // compact account's one-line loading box, the narration's 15rem before the category, the sort arrows, the date
  // field's focus ring, the locale found through shadow roots.
  // Raised by 0.1 kB (all) later that session for the second review's fixes to the slow notice (an element's own
  // loading words win; the clock stops when the element leaves).
  // Raised by 0.1 kB (both) on 2026-11-30 (session 14): bank text is shown clipped to 500 characters (one
  // 100,000-character narration or address held the page for 8 to 15 s in a single layout).
  // Raised by 0.2 kB (both) later that session, for review fixes: aria-disabled buttons are faded by colour, not
  // opacity (which faded their focus ring to 2.5:1); two answers that said they failed are refused; poll-timeout and
  // pdf-timeout hold while a check hangs (it waited 82 s); moving a sync button or statement keeps what was started.
  // Raised by 0.1 kB (both) on 2026-11-30 (session 15): a host page without `meta.total` pages on as far as
  // `meta.next` goes ("Page 2", "Showing 50"; the pager was hidden), and a headers option that throws or that the
  // browser refuses is a `config` error, not a network error retried three times or an uncaught error.
  // Lowered to 59.1 kB later that session: the income summary's own removal handling went (the data elements' shared
  // one replaces it) and a template's HTML comment no longer ships.
  // Lowered to 57.0 kB (all) and 45.4 kB (non-chart) on 2026-11-30 (session 16), by a size pass that changed no
  // behaviour: internals as #private fields (the minifier shortens them), Lit's live directive and query decorator
  // no longer needed, dead options, logic written twice and repeated CSS gone (-1.9 kB non-chart).
  // Raised to 45.6 kB (non-chart) on 2026-11-30 (session 17): measured on the built dist/esm entries that npm users
  // import rather than on src (+0.13 kB: module boundaries compress a little worse), and fixes from a data review
  // (+0.04 kB: the Load more count under a local filter, phone masks by digits, the sync cooldown said as it is,
  // oldest-first ties).
  // Raised to 57.3 kB (all) and 45.9 kB (non-chart) on 2026-11-30 (session 18), for fixes from network and localisation
  // reviews (+0.3 kB): a request given up while an async headers function ran is never sent, rows wait for their
  // account's currency 2 s at most, reload() skips the cache, a changed lang or a catalogue registered later
  // re-renders every element, counts follow the locale's plural rules, the sync and connect buttons' lines are said
  // in the locale of each render, money in the insight tables is isolated for right-to-left pages. 57.4 kB (all) for
  // chart labels drawn in the direction of the locale's language. 46.0 kB (non-chart) for the second review's fixes:
  // rows relabelled when their account's currency comes late, and every element working in jsdom.
  // Raised to 57.6 kB (all) and 46.1 kB (non-chart) on 2026-12-01 (session 19): every element's words carry their
  // language in its shadow root (+0.13 kB), so a screen reader reads English on a Yoruba page, or French on an
  // English one, in the right voice. The connect button fell from 10.00 to 9.95 kB in the same session: it no
  // longer carries the state boxes' CSS (-0.14 kB), and says OPENED and marks its words' language (+0.09 kB).
  // Raised to 57.8 kB (all) on 2026-12-01 (session 20) with the non-chart figure below.
  // Raised to 57.9 kB (all) on 2026-12-01 (session 21) with the non-chart figure below.
  // Raised to 58.0 kB (all) on 2026-12-01 (session 22), for fixes from a review of a French page (+0.10 kB): labels,
  // values and lists in the locale's punctuation ("Période : Tout", "identité et solde", chart tooltips too), Mono's
  // codes in the catalogue's words, and the category column sized to the words shown.
  // Raised to 58.4 kB (all) on 2026-12-01 (session 23) with the non-chart figure below, and for printed charts (+0.08 kB):
  // a chart prints as its table (one never scrolled into view printed as a blank box) and the insight tables fit the
  // paper (the holdings' last column was cut).
  // Raised to 58.5 kB, then 58.7, 58.8 and 58.9 kB (all) on 2026-12-01 (session 24) with the non-chart figure below;
  // +0.02 kB of it is a chart whose code could not load offline drawn once the browser is back online. 59.0 kB for a
  // job poll that checks again as soon as the browser is back online (a PDF finished 24 s after the network came back).
  // Raised to 59.1, then 59.2 and 59.25 kB (all) on 2026-12-02 (session 25) with the non-chart figure below.
  // Lowered to 58.65 kB (all) on 2026-12-02 (session 26), with the non-chart figure below, when Vite's import() runtime
  // (0.65 kB on the connect button, 0.6 kB here) stopped being counted as the kit's: it is the site's bundler's.
  // Raised to 58.67 kB (all) later that day, with the non-chart figure below, for a phone review (+0.064 kB: +0.041 the
  // insight tables, which widened their element in a grid column so that a 320 px page scrolled sideways, and charts as
  // tables, which ran out of it; -0.016 the rows' scroll box; +0.039 fields of 16 px, as iOS zoomed in on a tap).
  // 58.72 kB with job polls that come back from a frozen page (+0.012 kB, the non-chart figure's below; measured 58,713 B).
  'every element (charts lazy)': 58.72 * KB,
  // 46.2 kB (non-chart) later that session, for a review's fixes: the provider keeps no box of its own, and the
  // connect button says OPENED only when the widget was shown (+0.03 kB).
  // Raised to 46.3 kB (non-chart) on 2026-12-01 (session 20), for a lifecycle review's fixes (+0.16 kB): an element
  // off the page during a sync of its account reloads it on its return (a router's keep-alive showed stale data),
  // a moved element keeps its slow-load clock, a removed one cancels the account read beside its rows, and the
  // transaction table finishes a filter pass it was moved during (it stayed on "filtering" with no rows).
  // Raised to 46.4 kB (non-chart) on 2026-12-01 (session 21), for fixes from Firefox, WebKit and framework reviews
  // (+0.02 kB): reflected defaults are no longer written as attributes (a server-rendered React page hydrated with a
  // mismatch), the connect dialog's frame is shown before it takes focus (Firefox left focus on the close button),
  // and a narration cell takes its text's direction (Firefox and WebKit cut right-to-left text with no ellipsis).
  // Raised to 46.5 kB (non-chart) on 2026-12-01 (session 22), for fixes from a review of a French page (+0.10 kB):
  // Mono's codes (categories, gender…) looked up in the catalogue before they are made readable, labels and lists in
  // the locale's punctuation, and the connect popup's "Opening…" page marked with its language.
  // Raised to 46.8 kB (non-chart) on 2026-12-01 (session 23) for printing (+0.28 kB): a printed transactions list had
  // 9 of its rows (the scroll box's), narrations cut and, in a dark theme, light grey text on the paper. Now every
  // row prints (up to 1,000, with a note past that), bank text wraps, and printed text is dark.
  // Raised to 46.9 kB (non-chart) on 2026-12-01 (session 24), for slow lines (+0.09 kB): the client's timeout covered
  // the whole download, so a long answer still arriving at 20 s was cut, fetched again from its start three more
  // times, then shown as a timeout. The limit is now for the answer to start and for each stall in its body.
  // Raised to 47.0 kB later that session (+0.16 kB, mostly the words): a load that failed offline says so, and every
  // data element loads again by itself when the browser is back online (it waited for Try again), and a host's
  // fetch that drops the signal no longer leaves a request spinning for ever.
  // 47.2 kB after a review of those changes (+0.19 kB, with -0.1 kB from the PDF statement following its job through
  // the shared poll): the income analysis' POST is never sent again on the online event, an online event during a
  // load or while the element is away is not lost, a job poll honours Retry-After and ends with the checks' own
  // failure, and bodies decode as Response.text() does in every engine.
  // 47.3 kB for a slow-network review on the demo (+0.11 kB): a reload that fails keeps the data on screen under its
  // error (a drop after a sync wiped 7 of 8 elements), every element keeps its data up while a sync reloads it (the
  // account, identity and statement blanked, a 0.34 layout shift), and words follow the connection (a sync button
  // still said "You are offline." once back online).
  // 47.45 kB on 2026-12-02 (session 25) for a bar over data that reloads (+0.12 kB): a sync, Try again or the next page
  // kept the old data up with no sign that it was being replaced; only the live region said "Loading…". 47.5 kB for
  // a visual review of that bar (+0.05 kB): focus after Try again went to it, forced colours hid it, reduced motion
  // flashed it on every quick reload, its z-index reached the page, and it ran over the earnings' pickers. 47.55 kB
  // for the transactions' Previous and Next tapped below the table (a phone): the new page's start comes into view
  // (+0.04 kB; the bar and the first rows were off the screen above).
  // Lowered to 47.0 kB on 2026-12-02 (session 26): Vite's import() runtime (-0.6 kB here) is measured apart, as the
  // site's bundler's, not the kit's. Nothing in the kit changed; the figures of every earlier ratchet included it.
  // Raised to 47.02 kB on 2026-12-02 for job polls that come back from a frozen page (+0.012 kB): a sync or a
  // PDF left in a background tab or the back/forward cache past its timeout showed a false time-out on the return.
  // Raised to 47.05 kB (non-chart) for the same phone review (+0.034 kB: +0.040 fields of 16 px at least, as iOS Safari
  // zooms the page in on a tap into a smaller one, and no autocorrect in the transactions' search; -0.006 the scroll box).
  'every element but the chart elements': 47.05 * KB,
};
/** The issue's targets where CI cannot hold them yet: reported on every run, never hidden. */
export const TARGETS = { 'every element but the chart elements': 35 * KB };
const json = process.argv.includes('--json');

const gz = (code) => gzipSync(Buffer.from(code), { level: 9 }).length;
const isChartJs = (id) => /[\\/]node_modules[\\/]chart\.js[\\/]/.test(id);

/** Bundles `code` (an entry module's source) and splits the output into up-front and lazy chunks. */
async function measure(name, code, { withViteRuntime = false } = {}) {
  const virtualId = '\0mono-size-entry';
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: process.cwd(),
    plugins: [
      ...(withViteRuntime ? [] : [bundlerRuntimeApart]),
      minifyLiterals(),
      {
        name: 'mono-size-entry',
        resolveId: (id) => (id === 'mono-size-entry' ? virtualId : null),
        load: (id) => (id === virtualId ? code : null),
      },
    ],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      modulePreload: false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: { input: { main: 'mono-size-entry' }, output: { format: 'es' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
  const byName = new Map(outputs.map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (fileName) => {
    if (initial.has(fileName)) return;
    initial.add(fileName);
    for (const dep of byName.get(fileName)?.imports ?? []) visit(dep);
  };
  for (const c of outputs) if (c.isEntry) visit(c.fileName);
  const chunks = outputs.map((c) => ({
    file: c.fileName,
    upFront: initial.has(c.fileName),
    raw: Buffer.byteLength(c.code),
    gzip: gz(c.code),
    chartJs: (c.moduleIds ?? Object.keys(c.modules ?? {})).some(isChartJs),
  }));
  // Where the up-front code comes from (shares of the code before minifying), shown for a failed budget.
  const sources = new Map();
  for (const c of outputs) {
    if (!initial.has(c.fileName)) continue;
    for (const [id, m] of Object.entries(c.modules ?? {})) {
      const path = id.replace(/\\/g, '/');
      const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
      const key = pkg ?? path.replace(`${process.cwd().replace(/\\/g, '/')}/`, '').replace(/^dist\/esm\//, '').split('/').slice(0, 2).join('/');
      sources.set(key, (sources.get(key) ?? 0) + (m.renderedLength ?? 0));
    }
  }
  const total = [...sources.values()].reduce((a, b) => a + b, 0) || 1;
  const breakdown = [...sources].sort((a, b) => b[1] - a[1]).map(([source, n]) => ({ source, share: n / total }));
  const upFront = chunks.filter((c) => c.upFront);
  const lazy = chunks.filter((c) => !c.upFront);
  return {
    name,
    gzip: upFront.reduce((n, c) => n + c.gzip, 0),
    raw: upFront.reduce((n, c) => n + c.raw, 0),
    lazyGzip: lazy.reduce((n, c) => n + c.gzip, 0),
    chartJsUpFront: upFront.some((c) => c.chartJs),
    chartJsLazy: lazy.some((c) => c.chartJs),
    chunks,
    breakdown,
  };
}

const elements = readdirSync('src/elements')
  .filter((name) => existsSync(`src/elements/${name}/define.ts`))
  .sort();
// What npm users import: the built define entries (run `npm run build` first), bundled as a site's bundler would.
const defineOf = (name) => `import './dist/esm/define/${name}.js';`;
if (!existsSync('dist/esm/define')) {
  console.error('size budget: dist/esm is missing: run `npm run build` first');
  process.exit(1);
}

const rows = [];
const problems = [];
const started = performance.now();

if (!elements.includes('connect-button')) problems.push('src/elements/connect-button/define.ts is missing: the connect button budget cannot be measured');
else rows.push({ ...(await measure('mono-connect-button alone', defineOf('connect-button'))), budget: BUDGETS['mono-connect-button alone'] * scale });
const viteRuntime = rows[0] && (await measure('', defineOf('connect-button'), { withViteRuntime: true })).gzip - rows[0].gzip;

const all = await measure('every element (charts lazy)', elements.map(defineOf).join('\n'));
rows.push({ ...all, budget: BUDGETS['every element (charts lazy)'] * scale });
// The elements that draw a chart (they import the chart controller) make up "the charts" of the issue's budget.
const drawsChart = (name) =>
  readdirSync(`src/elements/${name}`).some((file) => file.endsWith('.ts') && readFileSync(`src/elements/${name}/${file}`, 'utf8').includes('/charts/'));
const chartElements = elements.filter(drawsChart);
const nonChart = await measure('every element but the chart elements', elements.filter((name) => !chartElements.includes(name)).map(defineOf).join('\n'));
rows.push({ ...nonChart, budget: BUDGETS['every element but the chart elements'] * scale, note: `without ${chartElements.map((n) => `mono-${n}`).join(', ')}` });
if (all.chartJsUpFront) problems.push('chart.js is loaded up front by the elements: it must only be in a lazily loaded chunk');

// What each element adds to a page that has the others of its group (the chart elements' group is every
// element): the saving that dropping it would bring, shared code counted with whoever still uses it.
const nonChartElements = elements.filter((name) => !chartElements.includes(name));
for (const name of elements) {
  const group = chartElements.includes(name) ? { list: elements, total: all } : { list: nonChartElements, total: nonChart };
  const without = await measure('', group.list.filter((n) => n !== name).map(defineOf).join('\n'));
  const adds = group.total.gzip - without.gzip;
  if (name === 'connect-button') rows[0].adds = adds;
  else rows.push({ ...(await measure(`mono-${name} alone`, defineOf(name))), adds });
}
if (existsSync('dist/cdn/mono-elements.js')) {
  const code = readFileSync('dist/cdn/mono-elements.js');
  const chart = existsSync('dist/cdn/mono-elements.chart.js') ? readFileSync('dist/cdn/mono-elements.chart.js') : '';
  rows.push({ name: 'script tag (dist/cdn)', gzip: gz(code), raw: code.length, lazyGzip: chart ? gz(chart) : 0, chartJsLazy: Boolean(chart), chunks: [] });
}

for (const row of rows) if (row.budget !== undefined && row.gzip > row.budget) problems.push(`${row.name}: ${fmt(row.gzip)} gzip is over its budget of ${fmt(row.budget)} (by ${fmt(row.gzip - row.budget)})`);

const missedTargets = rows
  .filter((r) => TARGETS[r.name] !== undefined && r.gzip > TARGETS[r.name])
  .map((r) => `target missed: ${r.name} is ${fmt(r.gzip)} gzip against the issue's target of ${fmt(TARGETS[r.name])}`);

function fmt(bytes) {
  return `${(bytes / KB).toFixed(2)} kB`;
}

if (json) {
  console.log(JSON.stringify({ rows, viteRuntime, problems, missedTargets }, null, 2));
} else {
  const header = ['what', 'up front (gzip)', 'budget', 'adds to the others', 'raw (min)', 'lazy chunks (gzip)', 'chart.js'];
  const table = rows.map((r) => [
    r.name,
    fmt(r.gzip),
    r.budget === undefined ? '' : `${fmt(r.budget)} ${r.gzip > r.budget ? 'OVER' : 'ok'}`,
    r.adds === undefined ? '' : fmt(r.adds),
    fmt(r.raw),
    r.lazyGzip ? fmt(r.lazyGzip) : '',
    r.chartJsUpFront ? 'UP FRONT' : r.chartJsLazy ? 'lazy' : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  console.log(`\nmeasured in ${((performance.now() - started) / 1000).toFixed(1)} s; gzip -9 of minified ES2022 with every dependency bundled`);
  if (viteRuntime) console.log(`not counted: Vite's import() runtime, ${fmt(viteRuntime)} more on the connect button in a Vite site with no lazy import of its own`);
  for (const row of rows) if (row.note) console.log(`${row.name}: ${row.note}`);
  console.log('adds to the others: the up-front gzip the element adds to every other element but the charts (a chart element: to every other element)');

  for (const row of rows) {
    if (row.budget === undefined || row.gzip <= row.budget) continue;
    const top = row.breakdown.slice(0, 8).map((b) => `${b.source} ${(b.share * 100).toFixed(0)}%`);
    console.log(`\n${row.name} is made of: ${top.join(', ')}`);
  }
  for (const m of missedTargets) console.log(m);
  for (const p of problems) console.error(`size budget: ${p}`);
  if (!problems.length) console.log('size budgets: all met');
}
process.exit(problems.length ? 1 : 0);
