// Shared by the end-to-end scripts: the real demo served by Vite (as `npm start` does), a headless
// Chromium driven by playwright-core, and a tiny check() that prints "N passed, N failed" at the end.
import { basename } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChrome } from '../../scripts/chrome.mjs';

export interface Harness {
  url: string;
  browser: Browser;
  page: Page;
  pageErrors: string[];
  check(name: string, ok: boolean, detail?: unknown): void;
  finish(): Promise<never>;
}

/** The e2e scripts' tally: `check()` prints one line per check, `report()` the closing count and the exit code. */
export function tally() {
  let passed = 0;
  let failed = 0;
  return {
    check(name: string, ok: boolean, detail?: unknown): void {
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? 'ok' : 'FAIL'} - ${name}${!ok && detail !== undefined ? ` (${JSON.stringify(detail)})` : ''}`);
    },
    report(): never {
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}

/** `bfcache`: keep Chromium's back/forward cache on (Playwright turns it off by default). */
export async function startDemo(options: { bfcache?: boolean } = {}): Promise<Harness> {
  // A dependency cache of each script's own: `npm test` runs two scripts at a time, and two servers pre-bundling into
  // one folder could replace each other's files under a page that is loading them.
  const cacheDir = `node_modules/.vite-e2e/${basename(process.argv[1] ?? 'e2e', '.e2e.ts')}`;
  const server: ViteDevServer = await createServer({ configFile: 'vite.config.ts', cacheDir, server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  await server.listen();
  const address = server.httpServer!.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || findChrome(),
    args: chromiumArgs,
    ...(options.bfcache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => {
    if (!/ResizeObserver loop/.test(e.message)) pageErrors.push(e.message);
  });
  const { check, report } = tally();
  return {
    url,
    browser,
    page,
    pageErrors,
    check,
    async finish() {
      await browser.close();
      await server.close();
      return report();
    },
  };
}
