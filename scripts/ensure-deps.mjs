// Installs dependencies when node_modules is missing or older than package-lock.json, so that
// `npm start` and `npm test` work on a fresh clone with no other step.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = existsSync('package-lock.json') ? readFileSync('package-lock.json') : readFileSync('package.json');
const hash = createHash('sha256').update(lock).digest('hex');
const stamp = 'node_modules/.mono-elements-deps';

// npm's own install (`npm ci` by hand) writes its hidden lockfile after package-lock.json: that counts too.
const hidden = 'node_modules/.package-lock.json';
const npmInstalledSinceLock = existsSync(hidden) && existsSync('package-lock.json') && statSync(hidden).mtimeMs >= statSync('package-lock.json').mtimeMs;

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
  // installed by this script for this lockfile
} else if (npmInstalledSinceLock) {
  writeFileSync(stamp, hash);
} else {
  console.log('Installing dependencies (node_modules is missing or stale)…');
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  const command = existsSync('package-lock.json') ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund';
  execSync(command, { stdio: 'inherit', env });
  writeFileSync(stamp, hash);
}
