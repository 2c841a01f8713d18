// Shared by the hardening end-to-end scripts: a headless Chromium (playwright-core), the hardening page
// server, a check() that prints each result and "N passed, N failed" at the end, and page helpers.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumArgs, findChrome } from '../../scripts/chrome.mjs';
import { startHardeningServer, type HardeningServer } from './csp-server.js';

/** Defines the helper tsx's keep-names transform leaves in functions sent to the page. */
export const KEEP_NAMES = 'window.__name = (f) => f;';

export interface Run {
  browser: Browser;
  server: HardeningServer;
  check(name: string, ok: boolean, detail?: unknown): boolean;
  /** A page on the hardening page, with page errors and CSP reports collected. */
  open(options?: BrowserContextOptions): Promise<{ page: Page; pageErrors: string[]; cspConsole: string[] }>;
  finish(): Promise<never>;
}

export async function startRun(options: { csp?: boolean; policy?: string } = {}): Promise<Run> {
  const server = await startHardeningServer(options);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || findChrome(), args: chromiumArgs });
  let passed = 0;
  let failed = 0;
  return {
    browser,
    server,
    check(name, ok, detail) {
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? 'ok' : 'FAIL'} - ${name}${!ok && detail !== undefined ? ` (${JSON.stringify(detail).slice(0, 600)})` : ''}`);
      return ok;
    },
    async open(contextOptions = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
      // tsx keeps function names with a `__name()` helper, which functions passed to page.evaluate carry along.
      await context.addInitScript(KEEP_NAMES);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      const cspConsole: string[] = [];
      page.on('pageerror', (e) => {
        if (!/ResizeObserver loop/.test(e.message)) pageErrors.push(e.message);
      });
      page.on('console', (m) => {
        if (/Content[- ]Security[- ]Policy|Trusted Type|Refused to/i.test(m.text())) cspConsole.push(m.text());
      });
      await page.goto(server.url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      return { page, pageErrors, cspConsole };
    },
    async finish() {
      await browser.close();
      await server.close();
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}

export { driveWidget } from '../e2e/sandbox-widget.js';

/** What every data element is mounted with for each shared state (sandbox account ids). */
export const STATE_ACCOUNTS = { loaded: 'acc_demo', empty: 'empty_hardening', error: 'failing_hardening' } as const;
