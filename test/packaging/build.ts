// Tests of the built package call ensureBuild(): after `.ci/run`'s build it does nothing; on a fresh clone
// (or when sources are newer than dist) it runs `npm run build` once, guarded by a lock directory so
// that two test processes never build at the same time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/.build-stamp';
const INPUTS = ['src', 'package.json', 'vite.config.ts', 'tsconfig.build.json', 'custom-elements-manifest.config.mjs', 'scripts/build.mjs', 'scripts/generate.mjs'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

export function isBuildCurrent(): boolean {
  return existsSync(STAMP) && newest(STAMP) >= Math.max(...INPUTS.map(newest));
}

export async function ensureBuild(): Promise<void> {
  if (isBuildCurrent()) return;
  mkdirSync('.tmp', { recursive: true });
  const lock = '.tmp/build.lock';
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) throw new Error(`${lock} is still held after 3 minutes`);
      await new Promise((r) => setTimeout(r, 250));
      if (isBuildCurrent()) return;
    }
  }
  try {
    if (isBuildCurrent()) return;
    console.log('dist is missing or older than the sources: running npm run build');
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
