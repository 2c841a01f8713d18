// Runs the browser tests in Firefox ESR and WebKitGTK (web-test-runner.browsers.config.mjs). WebKit's
// MiniBrowser has no headless mode, so without a display this re-runs itself under `xvfb-run -a`; it starts
// WebKitWebDriver on a free port and stops it afterwards. Engines whose binaries are missing are reported
// as a failure (not skipped): `MONO_ENGINES` asked for them. Ends with wtr's "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const engines = (process.env.MONO_ENGINES ?? 'firefox,webkit')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s && s !== 'chromium');
const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const missing = [];
if (engines.includes('firefox') && !existsSync(process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr')) missing.push('firefox-esr');
if (engines.includes('webkit') && !has('WebKitWebDriver')) missing.push('webkit2gtk-driver');
if (engines.includes('webkit') && !process.env.DISPLAY && !has('xvfb-run')) missing.push('xvfb');
if (missing.length) {
  console.error(`Missing for ${engines.join(', ')}: ${missing.join(', ')} (apt-get install -y ${missing.join(' ')})`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (engines.includes('webkit') && !process.env.DISPLAY) {
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24 -nolisten tcp', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit' });
  child.on('close', (code) => process.exit(code ?? 1));
} else {
  const freePort = () =>
    new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
        s.close(() => resolve(port));
      });
    });
  let driver;
  const env = { ...process.env, WTR_BROWSERS: engines.join(','), PUPPETEER_SKIP_DOWNLOAD: '1' };
  if (engines.includes('webkit')) {
    const port = await freePort();
    env.WEBKIT_DRIVER_PORT = String(port);
    driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
    let up = false;
    for (let i = 0; i < 100 && !up; i++) {
      up = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
      if (!up) await new Promise((r) => setTimeout(r, 100));
    }
    if (!up) {
      console.error('WebKitWebDriver did not start');
      driver.kill();
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
  // A port of its own unless given: `npm test` runs the engines side by side.
  const args = process.argv.slice(2);
  if (!args.includes('--port')) args.push('--port', String(await freePort()));
  const wtr = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.browsers.config.mjs', '--static-logging', ...args], { env, stdio: 'inherit' });
  wtr.on('close', (code, signal) => {
    driver?.kill();
    if (code !== 0) console.error(`web-test-runner exited with ${signal ? `signal ${signal}` : `code ${code}`}`);
    process.exit(code ?? 1);
  });
}
