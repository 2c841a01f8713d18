// The built package bundled by esbuild, a second bundler beside the Vite of check-size.mjs, the way a site's build
// would take it from npm (the package is resolved by its name through its exports map): `sideEffects` keeps the
// define modules and drops what is not imported, chart.js stays in a lazily loaded chunk, and what loads up front
// weighs what `npm run size` says, within a few per cent.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { ensureBuild } from './build.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

interface Bundle {
  /** Input paths of the modules in what loads up front (the entry and its static imports). */
  upFront: string[];
  /** Input paths of the modules in lazily loaded chunks. */
  lazy: string[];
  upFrontGzip: number;
}

async function bundle(code: string): Promise<Bundle> {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = (result.metafile as Metafile).outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint);
  assert.ok(entry, 'an entry chunk');
  const upFront = new Set<string>();
  const visit = (file: string) => {
    if (upFront.has(file)) return;
    upFront.add(file);
    for (const { path, kind } of outputs[file].imports) if (kind === 'import-statement' && outputs[path]) visit(path);
  };
  visit(entry);
  const inputs = (files: string[]) => files.flatMap((file) => Object.keys(outputs[file].inputs));
  const chunks = Object.keys(outputs).filter((file) => file.endsWith('.js'));
  const text = new Map(result.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf('/out/') + 1), f.contents]));
  return {
    upFront: inputs([...upFront]),
    lazy: inputs(chunks.filter((file) => !upFront.has(file))),
    upFrontGzip: [...upFront].reduce((sum, file) => sum + gzipSync(text.get(file)!, { level: 9 }).length, 0),
  };
}

describe('the package bundled by esbuild', () => {
  before(ensureBuild, { timeout: 240_000 });

  it('keeps chart.js in a lazy chunk and weighs up front what npm run size says', async () => {
    const every = await bundle(`import '${pkg.name}/define';`);
    assert.ok(every.upFront.some((path) => path.endsWith('dist/esm/elements/transactions/mono-transactions.js')), 'the define entry keeps its elements');
    assert.deepEqual(every.upFront.filter((path) => path.includes('node_modules/chart.js')), [], 'chart.js up front');
    assert.ok(every.lazy.some((path) => path.includes('node_modules/chart.js')), 'chart.js in a lazy chunk');
    const sizes = JSON.parse(spawnSync(process.execPath, ['scripts/check-size.mjs', '--json'], { encoding: 'utf8' }).stdout);
    const vite = sizes.rows.find((row: { name: string }) => row.name === 'every element (charts lazy)').gzip;
    // esbuild's minifier and chunking differ from Vite's (+3.9 % measured on 2026-12-02); a large gap would mean
    // the package bundles differently than the figures say.
    const ratio = every.upFrontGzip / vite;
    assert.ok(ratio > 0.94 && ratio < 1.08, `esbuild ${every.upFrontGzip} B against Vite ${vite} B (${ratio.toFixed(3)})`);
  });

  it('brings no Lit, data model or data element with the connect button', async () => {
    const connect = await bundle(`import '${pkg.name}/define/connect-button';`);
    assert.ok(connect.upFront.some((path) => path.endsWith('mono-connect-button.js')));
    assert.deepEqual(connect.upFront.filter((path) => /node_modules\/(lit|@lit|lit-html|lit-element)\/|dist\/esm\/(model|elements\/(?!connect-button))/.test(path)), []);
  });

  it('drops every element from a root import of formatMoney', async () => {
    const format = await bundle(`import { formatMoney } from '${pkg.name}'; console.log(formatMoney(100));`);
    assert.deepEqual(format.upFront.filter((path) => /node_modules\/|dist\/esm\/elements\//.test(path)), []);
  });
});
