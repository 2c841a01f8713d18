// Finds a Chromium/Chrome for the browser tests; as root on Debian/Ubuntu it installs the distribution's
// package when none exists, otherwise it stops with one line saying how to get one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChrome } from './chrome.mjs';

export function ensureChrome() {
  let path = findChrome();
  if (path) return path;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing the distribution package (apt-get install chromium)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit', shell: '/bin/bash' });
    path = findChrome();
    if (path) return path;
  }
  console.error('No Chromium or Chrome found: install one (e.g. `sudo apt-get install chromium`) or set CHROME_PATH to its executable.');
  process.exit(1);
}
