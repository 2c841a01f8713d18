// chart.js is a lazy chunk: a page with every tag registered but only <mono-account> on it never requests it;
// the first chart about to be shown does. Then the demo's income, investments and earnings panels draw their
// charts, and the sync button refreshes the account so that they reload. Served by Vite as `npm start` does.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from './harness.js';

const CHART_CHUNK = /chart__js|\/chart\.js\/|@kurkle/;

const h = await startDemo();
const { page, check } = h;
const requested: string[] = [];
page.on('request', (request) => requested.push(request.url()));
const chartRequests = () => requested.filter((url) => CHART_CHUNK.test(url));

try {
  // A page of our own on the demo's origin, importing the kit's define entry (every tag) but showing only an account.
  const probe = new URL('__only-account.html', h.url).href;
  await page.route(probe, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en-NG"><body>
        <mono-provider account-id="acc_demo"><mono-account></mono-account></mono-provider>
        <script type="module" src="/@fs${process.cwd()}/src/define.ts"></script>
      </body></html>`,
    }),
  );
  await page.goto(probe);
  await page.waitForFunction(() => customElements.get('mono-income-summary') && customElements.get('mono-account'), null, { timeout: 20000 });
  await page.waitForFunction(() => (document.querySelector('mono-account')?.shadowRoot?.textContent ?? '').includes('Balance'), null, { timeout: 15000 });
  await page.waitForTimeout(500);
  check('every tag registered, <mono-account> shown: the chart chunk is never requested', chartRequests().length === 0, chartRequests());
  check('chart.js not loaded on the page', !(await page.evaluate(() => 'Chart' in window)));

  // The chart's code cannot be fetched (offline): the table stands in; back online, the chart is drawn.
  const cdp = await page.context().newCDPSession(page);
  const onlineListeners = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    return listeners.filter((l) => l.type === 'online').length;
  };
  const beforeChart = await onlineListeners();
  const failChart = (route: import('playwright-core').Route) => route.abort('internetdisconnected');
  await page.route(/chart-runtime/, failChart);
  await page.evaluate(() => {
    const income = document.createElement('mono-income-summary');
    document.querySelector('mono-provider')!.append(income);
  });
  const unavailable = await page
    .waitForFunction(() => (document.querySelector('mono-income-summary')?.shadowRoot?.textContent ?? '').includes('The chart could not be loaded'), null, { timeout: 20000 })
    .then(() => true, () => false);
  check('the chart code failing to load: the element says so and shows the table', unavailable);
  await page.unroute(/chart-runtime/, failChart);
  // Its wait for the online event goes with the element, and comes back when the element is put back.
  const withChartWaiting = await onlineListeners();
  const summary = await page.evaluateHandle(() => document.querySelector('mono-income-summary')!);
  await summary.evaluate((element) => element.remove());
  const removed = await onlineListeners();
  check('a removed chart that could not load listens for the online event no more', removed === beforeChart, { beforeChart, withChartWaiting, removed });
  await summary.evaluate((element) => document.querySelector('mono-provider')!.append(element));
  check('put back, it listens again', (await onlineListeners()) === withChartWaiting);
  await page.context().setOffline(true);
  await page.context().setOffline(false); // the browser's online event
  const back = await page
    .waitForFunction(() => document.querySelector('mono-income-summary')?.shadowRoot?.querySelector('canvas')?.style.height, null, { timeout: 20000 })
    .then(() => true, () => false);
  check('back online: the chart that could not load is drawn', back);
  check('the first chart shown requests the chart chunk', chartRequests().length > 0, requested.slice(-10));

  // The demo itself.
  requested.length = 0;
  await page.goto(h.url);
  await page.waitForFunction(() => customElements.get('mono-sync-button'), null, { timeout: 20000 });
  await page.waitForTimeout(1500);
  check('demo: charts below the fold are not fetched at load', chartRequests().length === 0, chartRequests());

  for (const tag of ['mono-income-summary', 'mono-assets', 'mono-earnings']) {
    await page.locator(tag).scrollIntoViewIfNeeded();
    const drawn = await page
      .waitForFunction((t) => (document.querySelector(t) as HTMLElement & { chart?: unknown })?.chart !== undefined, tag, { timeout: 20000 })
      .then(() => true, () => false);
    check(`demo: <${tag}> draws its chart when scrolled to`, drawn);
  }
  await page.screenshot({ path: process.env.CHARTS_SCREENSHOT ?? join(tmpdir(), 'mono-charts-demo.png'), fullPage: true });

  // Sync: the job runs, then the panels reload.
  await page.locator('mono-sync-button').scrollIntoViewIfNeeded();
  const outcome = page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        document.addEventListener('mono-sync', (e) => {
          const detail = (e as CustomEvent<{ status: string }>).detail;
          if (detail.status !== 'started') resolve(detail);
        });
      }),
  );
  const assetReads = () => performance.getEntriesByType('resource').filter((e) => /\/accounts\/acc_demo\/assets$/.test(e.name)).length;
  const before = await page.evaluate(assetReads);
  await page.locator('mono-sync-button button').click();
  const detail = (await outcome) as { status: string; hasNewData?: boolean };
  check('demo: the sync button completes through the job', detail.status === 'complete' && detail.hasNewData === true, detail);
  await page.waitForFunction((n) => performance.getEntriesByType('resource').filter((e) => /\/accounts\/acc_demo\/assets$/.test(e.name)).length > n, before, {
    timeout: 10000,
  });
  check('demo: after the sync the assets panel re-fetched', true);
  check('no page errors', h.pageErrors.length === 0, h.pageErrors);
} catch (e) {
  check(`charts run: ${(e as Error).message}`, false);
}
await h.finish();
