// The built package as its users get it: exports resolve, every entry imports in Node without a DOM,
// the .d.ts compile in consumer projects (plain TS, React 19 JSX, Preact JSX), sideEffects is honest,
// and the manifest is complete. Builds first when dist is missing or stale (see build.ts).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild } from './build.js';

interface Manifest {
  modules: Array<{ path: string; declarations?: Array<Record<string, any>> }>;
}
type ExportTarget = string | null | { types?: string; default?: string };

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const exportsMap = pkg.exports as Record<string, ExportTarget>;
const elementFolders = readdirSync('src/elements')
  .filter((name) => existsSync(`src/elements/${name}/define.ts`))
  .sort();

/** DESIGN.md's tags and the events each must document (every element but the provider reports errors). */
const DATA_EVENTS = ['mono-load', 'mono-error', 'mono-reauth-required'];
const DESIGN: Record<string, string[]> = {
  'mono-provider': [],
  'mono-connect-button': ['mono-open', 'mono-widget-event', 'mono-success', 'mono-close', 'mono-error'],
  'mono-account': DATA_EVENTS,
  'mono-transactions': [...DATA_EVENTS, 'mono-transaction-select'],
  'mono-statement': DATA_EVENTS,
  'mono-identity': DATA_EVENTS,
  'mono-income-summary': DATA_EVENTS,
  'mono-assets': DATA_EVENTS,
  'mono-earnings': DATA_EVENTS,
  'mono-sync-button': ['mono-sync', 'mono-reauth-required', 'mono-error'],
};

/** Every concrete subpath of the exports map: `./define/*` becomes one per built file. */
function concreteExports(): Array<{ subpath: string; types?: string; js?: string; file?: string }> {
  const out: Array<{ subpath: string; types?: string; js?: string; file?: string }> = [];
  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (target === null) continue;
    const types = typeof target === 'string' ? undefined : target.types;
    const js = typeof target === 'string' ? undefined : target.default;
    const file = typeof target === 'string' ? target : undefined;
    if (!subpath.includes('*')) {
      out.push({ subpath, types, js, file });
      continue;
    }
    // Expand a pattern from the files its main target matches.
    const pattern = (js ?? file)!;
    const [dir, suffix] = [pattern.slice(0, pattern.indexOf('*')), pattern.slice(pattern.indexOf('*') + 1)];
    assert.ok(existsSync(dir), `${subpath}: ${dir} does not exist`);
    const names = readdirSync(dir).filter((n) => n.endsWith(suffix) && !n.endsWith('.map'));
    assert.ok(names.length > 0, `${subpath}: no file matches ${pattern}`);
    for (const name of names) {
      const star = name.slice(0, name.length - suffix.length);
      out.push({ subpath: subpath.replace('*', star), types: types?.replace('*', star), js: js?.replace('*', star), file: file?.replace('*', star) });
    }
  }
  return out;
}

const jsEntries = () => concreteExports().filter((e) => e.js).map((e) => `${pkg.name}${e.subpath.slice(1)}`);

describe('the built package', () => {
  before(ensureBuild, { timeout: 240_000 });

  it('resolves every exports path, its types and its code, by the package name', () => {
    const entries = concreteExports();
    for (const entry of entries) {
      for (const target of [entry.types, entry.js, entry.file]) if (target) assert.ok(existsSync(target), `${entry.subpath} → ${target} is missing`);
      if (entry.js) {
        const resolved = import.meta.resolve(`${pkg.name}${entry.subpath.slice(1)}`);
        assert.ok(existsSync(new URL(resolved)), `${entry.subpath} resolves to ${resolved}, which is missing`);
      }
    }
    for (const folder of elementFolders) {
      assert.ok(entries.some((e) => e.subpath === `./define/${folder}`), `no ./define/${folder} entry`);
    }
    for (const field of ['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements']) {
      assert.ok(existsSync(pkg[field]), `package.json ${field} → ${pkg[field]} is missing`);
    }
    assert.ok(existsSync('dist/cdn/mono-elements.chart.js'), 'the script-tag build has no chart.js file to load on demand');
    // Read right whatever charset the page or server names (scripts/ascii-only.mjs).
    for (const file of readdirSync('dist/cdn').filter((f) => f.endsWith('.js'))) {
      assert.match(readFileSync(`dist/cdn/${file}`, 'latin1'), /^[\x00-\x7e]*$/, `dist/cdn/${file} is not ASCII`);
    }
  });

  it('has code for every subpath a wildcard export types (or excludes it with null), so nothing type-checks and then fails to load', () => {
    for (const [subpath, target] of Object.entries(exportsMap)) {
      if (!subpath.includes('*') || target === null || typeof target === 'string' || !target.types || !target.default) continue;
      const [dir, suffix] = [target.types.slice(0, target.types.indexOf('*')), target.types.slice(target.types.indexOf('*') + 1)];
      for (const name of readdirSync(dir).filter((n) => n.endsWith(suffix))) {
        const star = name.slice(0, name.length - suffix.length);
        const concrete = subpath.replace('*', star);
        if (exportsMap[concrete] === null) continue;
        assert.ok(existsSync(target.default.replace('*', star)), `${concrete} has types but no code (${target.default.replace('*', star)}); build it or export it as null`);
      }
    }
  });

  it('has a React wrapper and a define entry for every registered tag', () => {
    const manifest: Manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName && existsSync(join(m.path, '..', 'define.ts'))).map((d) => d.tagName as string));
    for (const tag of tags) {
      assert.ok(existsSync(`dist/esm/react/${tag.slice(5)}.js`), `no React wrapper for <${tag}>`);
      assert.match(readFileSync('dist/esm/react.js', 'utf8'), new RegExp(`\\./react/${tag.slice(5)}\\.js|${tag.slice(5)}\\.js`), `react index misses <${tag}>`);
    }
  });

  it("marks every React wrapper 'use client', so a React Server Component (Next.js App Router page) can render it", () => {
    // Without it a server page importing `mono-elements/react` fails: "useRef only works in Client Components".
    for (const file of readdirSync('dist/esm/react').filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(`dist/esm/react/${file}`, 'utf8');
      assert.match(code, /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["'];/, `dist/esm/react/${file} does not start with 'use client'`);
    }
  });

  it('keeps registration in the define modules only, so sideEffects can list just them', () => {
    const sideEffectful = (file: string) => /^dist\/esm\/(define\.js|define\/|redirect\.js)/.test(file);
    // Registration at module level (a statement at the start of a line); inside a constructor it is lazy.
    const registering = /^[\w$.]+\.define\(\s*["']mono-|^customElements\.define\(/m;
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        const path = `${dir}/${name.name}`;
        if (name.isDirectory()) walk(path);
        else if (path.endsWith('.js')) files.push(path);
      }
    };
    walk('dist/esm');
    const offenders = files.filter((file) => !sideEffectful(file) && registering.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, [], 'these modules register tags but are not listed in sideEffects');
    for (const folder of elementFolders) {
      assert.match(readFileSync(`dist/esm/define/${folder}.js`, 'utf8'), /\.define\(\s*["']mono-/, `define/${folder}.js registers nothing`);
    }
    for (const pattern of pkg.sideEffects as string[]) assert.ok(!/index|react|server|locales/.test(pattern), `sideEffects lists ${pattern}`);
  });

  it('lets a bundler keep only what a consumer imports from the root entry', async () => {
    const { build } = await import('vite');
    const bundle = async (code: string) => {
      const result = await build({
        configFile: false,
        logLevel: 'silent',
        root: process.cwd(),
        plugins: [{ name: 'entry', resolveId: (id) => (id === 'entry' ? '\0entry' : null), load: (id) => (id === '\0entry' ? code : null) }],
        build: { write: false, minify: false, modulePreload: false, rolldownOptions: { input: 'entry' } },
      });
      const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : [])).filter((o) => o.type === 'chunk');
      return Object.keys(chunks.find((c) => c.isEntry)!.modules).map((id) => id.replace(`${process.cwd()}/`, ''));
    };
    const format = await bundle(`import { formatMoney } from '${pkg.name}'; console.log(formatMoney(100));`);
    assert.deepEqual(format.filter((id) => /node_modules|elements\/|i18n\//.test(id)), [], 'formatMoney alone');
    const client = await bundle(`import { MonoClient } from '${pkg.name}'; console.log(new MonoClient({ endpoint: '/api' }));`);
    assert.deepEqual(client.filter((id) => /node_modules\/(lit|@lit)|elements\//.test(id)), [], 'MonoClient alone');
    const account = await bundle(`import '${pkg.name}/define/account';`);
    assert.ok(account.includes('dist/esm/elements/account/mono-account.js'), 'a define entry keeps its element');
    assert.deepEqual(account.filter((id) => /elements\/(?!account)/.test(id)), [], 'and no other element');
  });

  it('imports every entry in Node, where there is no window or document', () => {
    const result = spawnSync(process.execPath, ['test/packaging/import-entries.mjs', ...jsEntries()], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout.trim().split('\n').pop()!);
    assert.deepEqual(report.failed, [], 'entries that failed to import in Node');
    // Existence checks (`typeof window`) are how server-safe code decides; any real use would have thrown.
    assert.deepEqual(report.leaked, [], 'importing the kit created browser globals');
    assert.equal(report.imported.length, jsEntries().length);
    const server = report.imported.find((i: { specifier: string }) => i.specifier === `${pkg.name}/server`);
    assert.ok(server.exports > 3, 'the server entry exports its handlers');
  });

  it('compiles consumer code (TypeScript, React 19 JSX, Preact JSX) against the built types', () => {
    const dir = `.tmp/consumer-${process.pid}`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      const manifest: Manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
      const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName && existsSync(join(m.path, '..', 'define.ts'))).map((d) => d.tagName as string));
      const events = Object.keys(DESIGN).flatMap((t) => DESIGN[t]).filter((e, i, all) => all.indexOf(e) === i);
      // Every entry imported by name; every tag typed by HTMLElementTagNameMap; every event by GlobalEventHandlersEventMap.
      const generated = [
        "import { MONO_ELEMENTS, type MonoEventDetails } from 'mono-elements';",
        ...jsEntries().map((specifier, i) => `import * as entry${i} from '${specifier}';`),
        `export const entries = [${jsEntries().map((_, i) => `entry${i}`).join(', ')}];`,
        ...tags.map((tag, i) => `export const tag${i}: InstanceType<(typeof MONO_ELEMENTS)['${tag}']> = document.createElement('${tag}');`),
        ...events.map((name) => `document.addEventListener('${name}', (event) => { const detail: MonoEventDetails['${name}'] = event.detail; void detail; });`),
      ];
      writeFileSync(`${dir}/entries.ts`, `${generated.join('\n')}\n`);
      writeFileSync(`${dir}/usage.ts`, readFileSync('test/packaging/consumer/usage.ts.txt', 'utf8'));
      writeFileSync(`${dir}/react.tsx`, readFileSync('test/packaging/consumer/react.tsx.txt', 'utf8'));
      writeFileSync(`${dir}/preact.tsx`, readFileSync('test/packaging/consumer/preact.tsx.txt', 'utf8'));
      const options = {
        strict: true,
        // The strictest setting a consumer may have: an optional property must take an explicit undefined.
        exactOptionalPropertyTypes: true,
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        lib: ['es2022', 'dom', 'dom.iterable'],
        types: [],
        noEmit: true,
        skipLibCheck: true,
        jsx: 'react-jsx',
      };
      // React's file on its own: `mono-elements/react` must bring the raw tags' JSX typings with it.
      writeFileSync(`${dir}/tsconfig.json`, JSON.stringify({ compilerOptions: options, files: ['entries.ts', 'usage.ts'] }));
      writeFileSync(`${dir}/tsconfig.react.json`, JSON.stringify({ compilerOptions: options, files: ['react.tsx'] }));
      writeFileSync(`${dir}/tsconfig.preact.json`, JSON.stringify({ compilerOptions: { ...options, jsxImportSource: 'preact' }, files: ['preact.tsx'] }));
      // Only the root entry (registering with defineElements(), or the script tag for the tags): the tags are still typed.
      const rootOnly = [
        "import { defineElements, MONO_ELEMENTS } from 'mono-elements';",
        'defineElements();',
        ...tags.map((tag, i) => `export const root${i}: InstanceType<(typeof MONO_ELEMENTS)['${tag}']> = document.querySelector('${tag}')!;`),
        "export const shown: import('mono-elements').Account | undefined = document.querySelector('mono-account')!.account;",
      ];
      writeFileSync(`${dir}/root-only.ts`, `${rootOnly.join('\n')}\n`);
      writeFileSync(`${dir}/tsconfig.root.json`, JSON.stringify({ compilerOptions: options, files: ['root-only.ts'] }));
      // Only a define entry, as README's npm example loads the kit: its tags and events are typed all the same.
      const defineOnly = (entry: string, tag: string, event: string) =>
        [
          `import '${entry}';`,
          `export const endpoint: string | undefined = document.querySelector('${tag}')!.endpoint;`,
          // No import of the root entry here: that alone would bring the global typings.
          `document.addEventListener('${event}', (event) => { const detail: object = event.detail; void detail; });`,
        ].join('\n');
      writeFileSync(`${dir}/define-all.ts`, `${defineOnly('mono-elements/define', 'mono-connect-button', 'mono-success')}\n`);
      writeFileSync(`${dir}/define-one.ts`, `${defineOnly('mono-elements/define/account', 'mono-account', 'mono-load')}\n`);
      writeFileSync(`${dir}/tsconfig.define-all.json`, JSON.stringify({ compilerOptions: options, files: ['define-all.ts'] }));
      writeFileSync(`${dir}/tsconfig.define-one.json`, JSON.stringify({ compilerOptions: options, files: ['define-one.ts'] }));
      for (const project of ['tsconfig.json', 'tsconfig.react.json', 'tsconfig.preact.json', 'tsconfig.root.json', 'tsconfig.define-all.json', 'tsconfig.define-one.json']) {
        const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `${dir}/${project}`], { encoding: 'utf8' });
        assert.equal(tsc.status, 0, `${project}:\n${tsc.stdout}${tsc.stderr}`);
      }
      // The declarations themselves, with library checking on (skipLibCheck hides errors inside .d.ts files).
      const strictTypes = spawnSync(
        process.execPath,
        ['node_modules/typescript/bin/tsc', '--noEmit', '--strict', '--skipLibCheck', 'false', '--types', '', '--lib', 'es2022,dom,dom.iterable', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', `${dir}/entries.ts`],
        { encoding: 'utf8' },
      );
      const ours = strictTypes.stdout.split('\n').filter((line) => line.startsWith('dist/types/'));
      assert.deepEqual(ours, [], 'errors inside the shipped .d.ts files');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Custom Elements Manifest', () => {
  before(ensureBuild, { timeout: 240_000 });

  const manifest = (): Manifest => JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const declarations = (): Array<Record<string, any>> =>
    manifest().modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => Object.assign({}, d, { module: m.path })));
  const folderOf = (modulePath: string) => modulePath.split('/')[2];

  it('lists every tag of DESIGN.md with the events it must fire', () => {
    const byTag = new Map(declarations().map((d) => [d.tagName as string, d]));
    for (const [tag, events] of Object.entries(DESIGN)) {
      const d = byTag.get(tag);
      assert.ok(d, `<${tag}> is not in custom-elements.json`);
      assert.ok(d.summary || d.description, `<${tag}> has no description`);
      const fired = new Set((d.events ?? []).map((e: { name: string }) => e.name));
      for (const event of events) assert.ok(fired.has(event), `<${tag}> does not document ${event}`);
      for (const event of d.events ?? []) assert.ok(event.description, `<${tag}> ${event.name} has no description`);
    }
  });

  it('documents every attribute the classes observe, every event, part and CSS property their code uses', async () => {
    const kit = await import(new URL('../../dist/esm/index.js', import.meta.url).href);
    for (const d of declarations()) {
      const tag = d.tagName as string;
      const folder = folderOf(d.module);
      if (!existsSync(`src/elements/${folder}/define.ts`)) continue;
      const documented = new Set<string>((d.attributes ?? []).map((a: { name: string }) => a.name));
      const observed: string[] = kit[d.name]?.observedAttributes ?? [];
      assert.ok(observed.length > 0 || tag === 'mono-provider', `${d.name} is not exported from the package index`);
      for (const attribute of observed) assert.ok(documented.has(attribute), `<${tag}> observes ${attribute}, which the manifest does not list`);
      for (const attribute of d.attributes ?? []) assert.ok(attribute.description, `<${tag}> [${attribute.name}] has no description`);
    }
    // Per folder, what the source uses must be documented by one of that folder's tags.
    for (const folder of elementFolders) {
      const docs = declarations().filter((d) => folderOf(d.module) === folder);
      const source = readdirSync(`src/elements/${folder}`)
        .filter((f) => f.endsWith('.ts') && f !== 'define.ts')
        .map((f) => readFileSync(`src/elements/${folder}/${f}`, 'utf8'))
        .join('\n');
      const events = new Set(docs.flatMap((d) => (d.events ?? []).map((e: { name: string }) => e.name)));
      const emitted = [...source.matchAll(/emit\(\s*['"](mono-[a-z-]+)['"]/g)].map((m) => m[1]);
      if (/new ResourceController/.test(source)) emitted.push(...DATA_EVENTS);
      for (const event of emitted) assert.ok(events.has(event), `src/elements/${folder} fires ${event} but its JSDoc has no @fires for it`);
      const parts = new Set(docs.flatMap((d) => (d.cssParts ?? []).map((p: { name: string }) => p.name)));
      const partsIn = (text: string) => [...text.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => m[1].trim().split(/\s+/));
      // States the controller renders for every element that has one (loading and empty can be the element's own).
      const used = [...partsIn(source), ...(/new ResourceController/.test(source) ? ['idle', 'error', 'retry-button'] : [])];
      for (const part of used) assert.ok(parts.has(part), `src/elements/${folder} renders part="${part}" but its JSDoc has no @csspart for it`);
      const properties = new Set(docs.flatMap((d) => (d.cssProperties ?? []).map((p: { name: string }) => p.name)));
      const hooks = [...source.matchAll(/var\(\s*(--mono-[a-z0-9-]+)/g)].map((m) => m[1]).filter((name) => !/^--mono-(sys-|chart-|color-scheme)/.test(name));
      for (const hook of hooks) assert.ok(properties.has(hook), `src/elements/${folder} reads ${hook} but its JSDoc has no @cssprop for it`);
      if (folder !== 'provider') assert.ok(parts.size > 0, `src/elements/${folder} exposes no ::part`);
    }
  });

  it('registers every element folder in src/define.ts and types every tag', () => {
    const define = readFileSync('src/define.ts', 'utf8');
    for (const folder of elementFolders) assert.match(define, new RegExp(`'\\./elements/${folder}/define\\.js'`), `src/define.ts does not import ${folder}`);
    const vscode = JSON.parse(readFileSync('vscode.html-custom-data.json', 'utf8'));
    // Attributes typed by a named union (ConnectMode, a template like SortName, the DOM's RequestCredentials) list their values.
    const values = (tag: string, attribute: string) =>
      vscode.tags.find((t: { name: string }) => t.name === tag)?.attributes.find((a: { name: string }) => a.name === attribute)?.values?.map((v: { name: string }) => v.name);
    assert.deepEqual(values('mono-connect-button', 'mode'), ['modal', 'popup', 'redirect']);
    assert.deepEqual(values('mono-transactions', 'sort')?.sort(), ['amount-asc', 'amount-desc', 'date-asc', 'date-desc']);
    assert.deepEqual(values('mono-provider', 'credentials'), ['omit', 'same-origin', 'include']);
    for (const d of declarations()) {
      if (!existsSync(`src/elements/${folderOf(d.module)}/define.ts`)) continue;
      assert.ok(vscode.tags.some((t: { name: string }) => t.name === d.tagName), `VS Code data misses <${d.tagName}>`);
      // In the class's own module, so that importing the class (the root entry, a subclass) types the tag too.
      assert.match(readFileSync(d.module, 'utf8'), new RegExp(`HTMLElementTagNameMap \\{\\s*'${d.tagName}'\\s*:\\s*${d.name};`), `no HTMLElementTagNameMap entry for <${d.tagName}> in ${d.module}`);
    }
  });

  it('and the files generated from it are current (`npm run analyze` rewrites them)', () => {
    const result = spawnSync(process.execPath, ['scripts/generate.mjs', '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
});

describe('the size budget script', () => {
  before(ensureBuild, { timeout: 240_000 });
  const run = (scale: string) =>
    spawnSync(process.execPath, ['scripts/check-size.mjs', '--json'], { encoding: 'utf8', env: { ...process.env, MONO_SIZE_BUDGET_SCALE: scale } });

  it('fails with the numbers when a budget is exceeded, and keeps chart.js lazy', () => {
    const tight = run('0.01');
    assert.equal(tight.status, 1);
    const report = JSON.parse(tight.stdout);
    assert.ok(report.problems.some((p: string) => /over its budget of \d+\.\d\d kB \(by \d+\.\d\d kB\)/.test(p)), report.problems.join('\n'));
    const all = report.rows.find((r: { name: string }) => r.name.startsWith('every element'));
    assert.ok(all.gzip > 5000, 'measures real bundles');
    assert.equal(all.chartJsUpFront, false, 'chart.js must not load with the elements');
    if (elementFolders.some((f) => ['income-summary', 'assets', 'earnings'].includes(f))) assert.equal(all.chartJsLazy, true, 'chart.js is in a lazy chunk');
    // What an element adds to the others is a real share: more than nothing, less than the element alone.
    for (const row of report.rows.filter((r: { name: string }) => r.name.endsWith(' alone'))) {
      assert.ok(row.adds > 0 && row.adds < row.gzip, `${row.name} adds ${row.adds} B to the others (alone ${row.gzip} B)`);
    }
    // Vite's import() runtime is the site's and measured apart: with it, the connect button weighs more.
    assert.ok(report.viteRuntime > 300 && report.viteRuntime < 1500, `Vite's runtime measured apart (${report.viteRuntime} B)`);
    // Every problem reported is a budget: chart.js placement and the connect button's presence passed.
    assert.ok(report.problems.every((p: string) => /over its budget/.test(p)), report.problems.join('\n'));
  });
});
