import { readdirSync, existsSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { createDemoBackend } from './examples/demo-backend.js';
import { minifyLiterals } from './scripts/minify-literals.mjs';

const SANDBOX_BASE = '/api/mono';

/**
 * Mounts the host backend at /api/mono on the dev server: the offline sandbox, so the demo runs with no
 * keys, or live Mono when MONO_SECRET_KEY is set (examples/demo-backend.ts).
 */
function monoSandbox(): Plugin {
  return {
    name: 'mono-sandbox',
    configureServer(server) {
      server.middlewares.use(createDemoBackend(process.env, SANDBOX_BASE).middleware);
    },
  };
}

/** Every element folder with a define module gets its own entry, `define/<folder>.js`. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync('src/elements')) {
    if (existsSync(`src/elements/${name}/define.ts`)) entries[`define/${name}`] = `src/elements/${name}/define.ts`;
  }
  return entries;
}

/** Message catalogues other than the built-in English: `locales/<lang>.js`, and `locales/index.js` with all of them. */
function localeEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  if (!existsSync('src/i18n/locales')) return entries;
  for (const file of readdirSync('src/i18n/locales')) {
    if (/^([a-z]{2,3}(-[a-z0-9]+)*|index)\.ts$/i.test(file)) entries[`locales/${file.slice(0, -3)}`] = `src/i18n/locales/${file}`;
  }
  return entries;
}

/** One React wrapper module per tag, `react/<tag without mono->.js`, so that bundlers keep only those used. */
function reactEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const file of existsSync('src/react') ? readdirSync('src/react') : []) {
    if (file.endsWith('.ts') && file !== 'index.ts') entries[`react/${file.slice(0, -3)}`] = `src/react/${file}`;
  }
  return entries;
}

/** The npm entries besides the per-element ones (the redirect helper only once it exists). */
export function libraryEntries(): Record<string, string> {
  const optional: Record<string, string> = { redirect: 'src/connect/redirect-page.ts' };
  const entries: Record<string, string> = {
    index: 'src/index.ts',
    define: 'src/define.ts',
    server: 'src/server/index.ts',
    react: 'src/react/index.ts',
    'jsx-react': 'src/jsx/react.ts',
    'jsx-preact': 'src/jsx/preact.ts',
  };
  for (const [name, file] of Object.entries(optional)) if (existsSync(file)) entries[name] = file;
  return { ...entries, ...elementEntries(), ...localeEntries(), ...reactEntries() };
}

// Dependencies stay imports in the npm build; the script-tag build bundles everything.
const external = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^chart\.js($|\/)/, /^node:/, /^react($|\/)/, /^react-dom($|\/)/, /^preact($|\/)/];

/** Where the script-tag build finds chart.js: a sibling file, fetched the first time a chart is shown. */
export const CDN_CHART_FILE = 'mono-elements.chart.js';

/**
 * A classic `<script>` cannot split code, so in the script-tag build `import('./chart-runtime.js')` (chart.js
 * with the kit's chart configuration) becomes an `import()` of the sibling chart bundle, resolved against the
 * script's own URL (captured while it runs).
 */
function lazyChartForScriptTag(): Plugin {
  const id = '\0mono-cdn-chart';
  return {
    name: 'mono-cdn-lazy-chart',
    enforce: 'pre',
    resolveId(source) {
      return source === 'virtual:mono-cdn-chart' ? id : null;
    },
    load(source) {
      if (source !== id) return null;
      // `data-chart-src` on the script tag wins; a bare package URL (unpkg.com/mono-elements@x) is the package root.
      return `
const script = typeof document === 'undefined' ? null : document.currentScript || document.querySelector('script[src*="mono-elements"]');
const base = script && script.src ? script.src : typeof location === 'undefined' ? '' : location.href;
function chartUrl() {
  if (script && script.dataset && script.dataset.chartSrc) return new URL(script.dataset.chartSrc, location.href).href;
  const url = new URL(base);
  if (/\\.js$/.test(url.pathname)) return new URL('./${CDN_CHART_FILE}', url).href;
  return new URL(url.pathname.replace(/\\/?$/, '/dist/cdn/${CDN_CHART_FILE}'), url).href;
}
export const importChartJs = () => import(/* @vite-ignore */ chartUrl());`;
    },
    transform(code, file) {
      const lazyChart = /import\(\s*['"]\.\/chart-runtime\.js['"]\s*\)/g;
      if (!/\.[cm]?[jt]s$/.test(file) || file.includes('node_modules') || !lazyChart.test(code)) return null;
      const replaced = code.replace(lazyChart, '__monoImportChartJs()');
      return { code: `import { importChartJs as __monoImportChartJs } from 'virtual:mono-cdn-chart';\n${replaced}`, map: null };
    },
  };
}

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return { root: 'demo', plugins: [monoSandbox()], server: { port: Number(process.env.PORT) || 5173 } };
  }
  const cdn = { target: 'es2022', outDir: 'dist/cdn', sourcemap: true } as const;
  if (mode === 'iife') {
    // The script-tag build: registers every tag, exposes the API as `window.MonoElements`.
    return {
      plugins: [minifyLiterals(), lazyChartForScriptTag()],
      build: {
        ...cdn,
        emptyOutDir: true,
        lib: { entry: 'src/cdn/index.ts', name: 'MonoElements', formats: ['iife'], fileName: () => 'mono-elements.js' },
      },
    };
  }
  if (mode === 'cdn-chart') {
    // chart.js with the kit's chart configuration, as the ES module the script-tag build imports on first use.
    return {
      plugins: [minifyLiterals()],
      build: {
        ...cdn,
        emptyOutDir: false,
        // A file served as it is, not bundled again: Vite keeps a library's ES output's whitespace (for the
        // consumer's tree-shaking), so the bundler is asked to minify it all.
        rolldownOptions: { output: { minify: true } },
        lib: { entry: 'src/cdn/chart-js.ts', formats: ['es'], fileName: () => CDN_CHART_FILE },
      },
    };
  }
  if (mode === 'cdn-redirect') {
    // The redirect helper as a classic script for the host's plain `redirect_url` page.
    return {
      plugins: [minifyLiterals()],
      build: {
        ...cdn,
        emptyOutDir: false,
        lib: { entry: 'src/connect/redirect-page.ts', name: 'MonoRedirect', formats: ['iife'], fileName: () => 'mono-redirect.js' },
      },
    };
  }
  return {
    plugins: [minifyLiterals()],
    build: {
      target: 'es2022',
      outDir: 'dist/esm',
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      lib: { entry: libraryEntries(), formats: ['es'] },
      rolldownOptions: {
        external,
        // The React wrappers' 'use client' stays at the top of their own files (one output file per module).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
          warn(warning);
        },
        output: {
          // One file per source module, as the model libraries ship: a consumer's bundler drops what a page
          // does not import (shared chunks made `formatMoney` from the root keep Lit and every English word).
          preserveModules: true,
          preserveModulesRoot: 'src',
          chunkFileNames: 'chunks/[name].js',
        },
      },
    },
  };
});
