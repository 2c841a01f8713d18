// Bundle weight, measured the way a user's bundler would produce it: each entry is built on its own with
// Vite (rolldown) from the sources and node_modules — minified, es2022, code splitting on, Vite's own import()
// runtime left to the site (bundlerRuntimeApart) — and every output chunk is compressed with gzip -9 and
// brotli -q 11. Exact and deterministic, so `bench:check` can hold them to budgets. Plain JS (no tsx) so CI
// scripts such as scripts/check-size.mjs can import it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** raw, gzip -9 and brotli q11 byte counts of one buffer or string. */
export function compressedSizes(content) {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** Sum of sizes of several chunks, each compressed on its own (as a browser downloads them). */
function total(chunks) {
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const chunk of chunks) {
    const s = compressedSizes(chunk.code);
    sum.raw += s.raw;
    sum.gzip += s.gzip;
    sum.brotli += s.brotli;
  }
  return sum;
}

const ENTRY_PREFIX = '\0bench-entry:';
const PRELOAD_HELPER = '\0vite/preload-helper.js';

/**
 * Vite's app builds wrap every `import()` in a helper of their own (0.65 kB gzip: module preloading and its error
 * event). It is the site's bundler runtime, not the kit's code: a Vite site has it once for all its lazy imports,
 * as a webpack site has webpack's chunk loader (about 1.2 kB); Rollup, esbuild or a Vite library build add none.
 * Measured without it, as a bare `import()`.
 */
export const bundlerRuntimeApart = {
  name: 'mono-bundler-runtime-apart',
  enforce: 'pre',
  resolveId: (id) => (id === PRELOAD_HELPER ? id : null),
  load: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : null),
};

/**
 * Builds `source` (a module body importing what a user would import) exactly as an app bundle, and
 * returns the chunks: `eager` are those loaded with the entry, `lazy` those behind a dynamic import().
 */
export async function bundle(source, { root = ROOT } = {}) {
  const { build } = await import('vite');
  const { minifyLiterals } = await import('../scripts/minify-literals.mjs');
  const entryId = `${ENTRY_PREFIX}entry.js`;
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    publicDir: false,
    plugins: [
      bundlerRuntimeApart,
      minifyLiterals(),
      {
        name: 'bench-entry',
        resolveId(id) {
          return id === entryId ? id : null;
        },
        load(id) {
          return id === entryId ? source : null;
        },
      },
    ],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: { input: entryId, output: { format: 'es' } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry);
  const eager = new Set();
  const visit = (chunk) => {
    if (!chunk || eager.has(chunk)) return;
    eager.add(chunk);
    for (const dep of chunk.imports) visit(byName.get(dep));
  };
  visit(entry);
  return { eager: [...eager], lazy: chunks.filter((c) => !eager.has(c)), all: chunks };
}

const isChartModule = (id) => /[\\/]node_modules[\\/](chart\.js|@kurkle)[\\/]/.test(id) || /[\\/]src[\\/]charts[\\/]/.test(id);

const src = (path) => JSON.stringify(join(ROOT, 'src', path));

/** The element folders that have a define module (what `ls src/elements` shows today). */
export function elementFolders() {
  const dir = join(ROOT, 'src', 'elements');
  return readdirSync(dir).filter((name) => existsSync(join(dir, name, 'define.ts'))).sort();
}

/** Output chunks of one `vite build --mode <mode>` with the project's own config, kept in memory. */
async function projectBuild(mode) {
  const { build } = await import('vite');
  const result = await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    mode,
    logLevel: 'silent',
    build: { write: false, sourcemap: false, reportCompressedSize: false, emptyOutDir: false },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
}

/**
 * The unpkg script as `npm run build` makes it (modes `iife` and `cdn-chart` of vite.config.ts): the
 * classic script a page loads, and the sibling chart.js module it imports on the first chart.
 */
async function measureUnpkg() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const script = await projectBuild('iife');
  const entry = script.find((c) => c.isEntry) ?? script[0];
  const chart = await projectBuild('cdn-chart');
  const unpkgName = typeof pkg.unpkg === 'string' ? pkg.unpkg.split('/').pop() : null;
  return {
    entry: { ...total([entry]), files: [entry.fileName] },
    chart: chart.length ? { ...total(chart), files: chart.map((c) => c.fileName) } : null,
    note: unpkgName && unpkgName !== entry.fileName ? `package.json unpkg names ${unpkgName}, the build produced ${entry.fileName}` : undefined,
  };
}

/** Minified bytes per source (npm package, or src/<folder>) in some chunks: where the weight comes from. */
export function composition(chunks) {
  const bySource = new Map();
  for (const chunk of chunks) {
    for (const [id, m] of Object.entries(chunk.modules ?? {})) {
      const path = id.replace(/\\/g, '/');
      const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
      const key = pkg ?? (path.startsWith(ROOT) ? path.slice(ROOT.length + 1).split('/').slice(0, 2).join('/') : path.replace(/^\0/, ''));
      bySource.set(key, (bySource.get(key) ?? 0) + (m.renderedLength ?? 0));
    }
  }
  return Object.fromEntries([...bySource].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]));
}

/**
 * Every weight figure of BENCHMARKS.md §Weight. Each item: { id, label, raw, gzip, brotli, files } or
 * { id, label, missing } when the element it needs has not landed yet.
 */
export async function measureWeights({ perElement = true, context = true } = {}) {
  const folders = elementFolders();
  const has = (name) => folders.includes(name);
  const items = [];
  const add = (id, label, sizes, files, extra = {}) => items.push({ id, label, ...sizes, files, ...extra });

  if (has('connect-button')) {
    const b = await bundle(`import ${src('elements/connect-button/define.ts')};`);
    // What the button fetches once the page is idle, with no click: the chunks of the click's code
    // (the widget side and the client's transport and parsers) and what they import.
    const byName = new Map(b.all.map((c) => [c.fileName, c]));
    const idle = new Set();
    const visit = (chunk) => {
      if (!chunk || idle.has(chunk) || b.eager.includes(chunk)) return;
      idle.add(chunk);
      for (const dep of chunk.imports) visit(byName.get(dep));
    };
    for (const chunk of b.lazy) if (chunk.moduleIds.some((id) => /[\\/]src[\\/](connect[\\/]widget-side|client[\\/]connect-runtime)\.ts$/.test(id))) visit(chunk);
    add('connect-button', '<mono-connect-button> alone', total(b.eager), b.eager.map((c) => c.fileName), {
      lazy: b.lazy.length ? total(b.lazy) : undefined,
      idle: total([...b.eager, ...idle]),
      idleFiles: [...idle].map((c) => c.fileName),
      composition: composition(b.eager),
    });
  } else items.push({ id: 'connect-button', label: '<mono-connect-button> alone', missing: 'src/elements/connect-button not there yet' });

  // Every element, as `import 'mono-elements/define'` in an app: the chart chunk is split out by its
  // dynamic import; anything else lazy (e.g. the virtualizer's layout) still counts for the elements.
  const all = await bundle(`import ${src('define.ts')};`);
  const chart = all.lazy.filter((c) => c.moduleIds.some(isChartModule));
  const nonChart = all.all.filter((c) => !chart.includes(c));
  add('elements', 'every element, chart.js lazy (src/define.ts)', total(nonChart), nonChart.map((c) => c.fileName), {
    eager: total(all.eager),
    composition: composition(nonChart),
  });
  if (chart.length) add('chart-chunk', 'chart chunk (lazy, loaded on first chart)', total(chart), chart.map((c) => c.fileName));
  else items.push({ id: 'chart-chunk', label: 'chart chunk (lazy, loaded on first chart)', missing: 'no lazily loaded chart.js chunk in the build yet' });

  const unpkg = await measureUnpkg();
  add('unpkg', 'unpkg script (one <script src>; chart.js apart)', unpkg.entry, unpkg.entry.files, { note: unpkg.note });
  if (unpkg.chart) add('unpkg-chart', 'unpkg sibling chart.js file (first chart)', unpkg.chart, unpkg.chart.files);

  const connectJs = await bundle(`import Connect from '@mono.co/connect.js';\nglobalThis.MonoConnect = Connect;`);
  add('connect.js', '@mono.co/connect.js 2.2.0 (bundled, with its axios)', total(connectJs.eager), connectJs.eager.map((c) => c.fileName), {
    composition: composition(connectJs.eager),
  });

  if (context && has('transactions')) {
    const t = await bundle(`import ${src('elements/transactions/define.ts')};`);
    add('transactions', '<mono-transactions> alone', total(t.all), t.all.map((c) => c.fileName), { composition: composition(t.all) });
  }
  const grid = !context
    ? null
    : await bundle(
    `import { createGrid, ModuleRegistry, ClientSideRowModelModule, QuickFilterModule } from 'ag-grid-community';\n` +
      `ModuleRegistry.registerModules([ClientSideRowModelModule, QuickFilterModule]);\nglobalThis.createGrid = createGrid;`,
  );
  if (grid) add('ag-grid', 'AG Grid Community (client-side rows + quick filter)', total(grid.all), grid.all.map((c) => c.fileName));

  if (perElement && context) {
    for (const name of folders) {
      if (name === 'connect-button' || name === 'transactions') continue;
      const b = await bundle(`import ${src(`elements/${name}/define.ts`)};`);
      const eager = total(b.eager);
      add(`element:${name}`, `src/elements/${name} alone (eager part)`, eager, b.eager.map((c) => c.fileName));
    }
  }
  return items;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const items = await measureWeights();
  for (const i of items) {
    console.log(i.missing ? `${i.label}: ${i.missing}` : `${i.label}: ${i.raw} B raw, ${i.gzip} B gzip, ${i.brotli} B brotli`);
    if (i.composition) console.log('   ', Object.entries(i.composition).slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', '));
  }
}
