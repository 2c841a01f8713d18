// Builds the bench pages (bench/pages/*.html) for production with Vite, as an app would ship them —
// minified, Lit in production mode — into a temporary folder the bench server serves.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { minifyLiterals } from '../../scripts/minify-literals.mjs';

export const PAGES_DIR = resolve(import.meta.dirname, '..', 'pages');

export async function buildPages(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'mono-bench-'));
  const input = Object.fromEntries(
    readdirSync(PAGES_DIR)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f.replace(/\.html$/, ''), join(PAGES_DIR, f)]),
  );
  await build({
    configFile: false,
    root: PAGES_DIR,
    base: '/',
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    // The kit's template literals as the package ships them.
    plugins: [minifyLiterals()],
    build: {
      outDir: dir,
      emptyOutDir: true,
      target: 'es2022',
      // BENCH_MINIFY=0 keeps names readable in CPU profiles (diagnosis only; figures use minified code).
      minify: process.env.BENCH_MINIFY !== '0',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 5000,
      rolldownOptions: { input, output: { strictExecutionOrder: true } },
    },
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
