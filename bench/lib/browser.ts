// Headless Chromium for the bench: the project's flags plus `--expose-gc`, one fresh context per
// measured page, and the few CDP calls the figures need (forced GC, heap, Performance metrics, listeners).
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumArgs, findChrome } from '../../scripts/chrome.mjs';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || findChrome();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH (see scripts/ensure-chrome.mjs)');
  return chromium.launch({ executablePath, args: [...chromiumArgs, '--js-flags=--expose-gc'] });
}

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  errors: string[];
  /** Two full collections, as `gc()` from --expose-gc does, then the used JS heap in bytes. */
  heapAfterGc(): Promise<number>;
  /** Chromium's Performance.getMetrics as a name → value map (Nodes, JSEventListeners, ScriptDuration…). */
  metrics(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /**
   * For pages that reach Mono's real widget host (connect.js), unreachable offline: fail it at once instead
   * of waiting on DNS. Off elsewhere: any route makes Playwright intercept every request of the page, which
   * adds 10–20 ms to each.
   */
  abortMonoHosts?: boolean;
}

export async function openPage(browser: Browser, url?: string, { viewport = { width: 1280, height: 900 }, abortMonoHosts = false }: PageOptions = {}): Promise<BenchPage> {
  const context = await browser.newContext({ viewport });
  if (abortMonoHosts) await context.route(/^https:\/\/(connect|link)\.mono\.co\//, (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    if (!/ResizeObserver loop/.test(e.message)) errors.push(e.message);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const bench: BenchPage = {
    context,
    page,
    cdp,
    errors,
    async heapAfterGc() {
      await page.evaluate(() => {
        (globalThis as { gc?: () => void }).gc?.();
        (globalThis as { gc?: () => void }).gc?.();
      });
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    },
    async metrics() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    },
    close: () => context.close(),
  };
  if (url) await page.goto(url);
  return bench;
}

/** Listener counts on window and document (where leaked global listeners live), by event type. */
export async function globalListeners(bench: BenchPage): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const expression of ['window', 'document']) {
    const { result } = await bench.cdp.send('Runtime.evaluate', { expression });
    if (!result.objectId) continue;
    const { listeners } = await bench.cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    for (const l of listeners) {
      const key = `${expression}:${l.type}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    await bench.cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return counts;
}
