// `npm run build`: manifest and generated wrappers, the npm ES modules (dist/esm), the script-tag build
// with its lazily loaded chart.js (dist/cdn), the .d.ts of every entry (dist/types) and the themes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { asciiOnlyFile } from './ascii-only.mjs';

const started = performance.now();
function run(label, command, args) {
  const t = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`build: ${label} ${Math.round(performance.now() - t)} ms`);
}

run('manifest and generated files', process.execPath, ['scripts/generate.mjs']);

const modes = ['production', 'iife', 'cdn-chart'];
if (existsSync('src/connect/redirect-page.ts')) modes.push('cdn-redirect');
for (const mode of modes) {
  const t = performance.now();
  await build({ configFile: 'vite.config.ts', mode, logLevel: 'warn' });
  console.log(`build: vite --mode ${mode} ${Math.round(performance.now() - t)} ms`);
}

// Script-tag files are read in whatever charset the page or server names: written as ASCII, any reads the same.
for (const file of readdirSync('dist/cdn')) if (file.endsWith('.js')) asciiOnlyFile(`dist/cdn/${file}`);

rmSync('dist/types', { recursive: true, force: true });
{
  // Type errors are `npm run typecheck`'s to report (CI runs it first); the declarations are emitted anyway,
  // and the consumer-compile test checks what they give users.
  const t = performance.now();
  const types = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { encoding: 'utf8' });
  if (!existsSync('dist/types/index.d.ts')) {
    console.error(`${types.stdout}${types.stderr}\nbuild: types failed`);
    process.exit(1);
  }
  const errors = (types.stdout.match(/error TS\d+/g) ?? []).length;
  console.log(`build: types ${Math.round(performance.now() - t)} ms${errors ? ` (${errors} type errors: see npm run typecheck)` : ''}`);
}

rmSync('dist/themes', { recursive: true, force: true });
cpSync('src/themes', 'dist/themes', { recursive: true });

// Tests compare this stamp with the sources to know whether dist is current.
writeFileSync('dist/.build-stamp', new Date().toISOString());
console.log(`build: done in ${Math.round(performance.now() - started)} ms`);
