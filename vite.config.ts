import { readdirSync, existsSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { createSandboxHandler, toNodeHandler } from './src/server/index.js';

const SANDBOX_BASE = '/api/mono';

/** Mounts the sandbox host backend at /api/mono on the dev server, so the demo runs with no keys. */
function monoSandbox(): Plugin {
  return {
    name: 'mono-sandbox',
    configureServer(server) {
      server.middlewares.use(toNodeHandler(createSandboxHandler({ basePath: SANDBOX_BASE }), { onlyUnder: `${SANDBOX_BASE}/` }));
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

// Dependencies stay imports in the npm build; the script-tag build bundles everything.
const external = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^chart\.js($|\/)/, /^node:/, /^react($|\/)/];

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return { root: 'demo', plugins: [monoSandbox()], server: { port: Number(process.env.PORT) || 5173 } };
  }
  if (mode === 'iife') {
    return {
      build: {
        target: 'es2022',
        outDir: 'dist/cdn',
        emptyOutDir: true,
        sourcemap: true,
        lib: { entry: 'src/define.ts', name: 'MonoElements', formats: ['iife'], fileName: () => 'mono-elements.js' },
      },
    };
  }
  return {
    build: {
      target: 'es2022',
      outDir: 'dist/esm',
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      lib: {
        entry: { index: 'src/index.ts', define: 'src/define.ts', server: 'src/server/index.ts', ...elementEntries() },
        formats: ['es'],
      },
      rolldownOptions: { external },
    },
  };
});
