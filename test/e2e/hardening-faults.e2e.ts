// Faults, end to end, on the strict-CSP page with the sandbox's fault switches: HTTP 500/502/503, 429 with
// Retry-After, answers slower than the timeout, connections dropped mid-body, malformed and HTML bodies,
// offline then online. GETs retry with backoff and recover; POSTs never repeat on their own; the retry
// button works; nothing is left spinning; rapid account and period changes never show stale data; no
// uncaught error. Prints faults injected and survived.
import type { Page, Request, Route } from 'playwright-core';
import { ELEMENTS } from '../hardening/elements.js';
import { RESOURCES } from '../hardening/resources.js';
import { startRun } from '../hardening/e2e.js';

const run = await startRun({ csp: true });
const { check } = run;
const figures = { injected: 0, survived: 0, scenarios: 0 };
const dataElements = ELEMENTS.filter((c) => c.states).map((c) => c.tag);
let keySeq = 0;

const { page, pageErrors, cspConsole } = await run.open();
const requests: { key: string | undefined; method: string; path: string }[] = [];
page.on('request', (r: Request) => {
  const url = new URL(r.url());
  if (url.pathname.startsWith('/api/mono/')) requests.push({ key: r.headers()['x-sandbox-fault-key'], method: r.method(), path: url.pathname.slice(9) });
});
page.on('response', (r) => {
  if (r.headers()['x-sandbox-fault']) figures.injected++;
});
page.on('requestfailed', (r) => {
  if (r.headers()['x-sandbox-fault']) figures.injected++;
});

type Handle = { id: string; settled: boolean; state: string; kind: string | null };
const mount = (p: Page, tag: string, options: Record<string, unknown>): Promise<Handle> =>
  p.evaluate(([t, o]) => window.hardening.mount(t as string, o as never), [tag, options] as const);
const state = (id: string) => page.evaluate((i) => ({ state: window.hardening.state(i), kind: window.hardening.kind(i), busy: window.hardening.busy(i) }), id);
const errorsOf = (id: string) => page.evaluate((i) => window.hardening.events(i).filter((e) => e.type === 'mono-error').map((e) => (e.detail as { error: { kind: string } }).error.kind), id);

async function survived(name: string, ok: boolean, detail?: unknown) {
  figures.scenarios++;
  if (check(name, ok, detail)) figures.survived++;
}

try {
  // 1. Transient faults on the first request: retried with backoff, the element recovers without showing an error.
  for (const fault of ['500', '502', '503', '429', 'timeout', 'drop']) {
    const results = await Promise.all(
      dataElements.map(async (tag) => {
        const key = `k${++keySeq}`;
        const headers = { 'x-sandbox-fault': fault, 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key };
        const r = await mount(page, tag, { accountId: 'acc_demo', client: { headers, timeout: 1500, retries: 3, retryDelay: 100 } });
        return { tag, key, r, errors: await errorsOf(r.id) };
      }),
    );
    for (const { tag, key, r, errors } of results) {
      const sent = requests.filter((q) => q.key === key).length;
      await survived(`${fault} once → <${tag}> retries (${sent} requests) and shows its data`, r.settled && r.state !== 'error' && errors.length === 0 && sent >= 2, { r, errors, sent });
    }
    await page.evaluate(() => window.hardening.clear());
  }

  // 2. Failing beyond the retries: the error state with a retry button, nothing spinning; once the backend is
  // back, the button recovers it.
  for (const status of [500, 503]) {
    let down = true;
    const outage = async (route: Route) => {
      if (!down || route.request().method() !== 'GET') return route.continue();
      figures.injected++;
      await route.fulfill({ status, contentType: 'application/json', headers: { 'retry-after': '0' }, body: '{"status":"failed","message":"Upstream outage (test)"}' });
    };
    await page.route('**/api/mono/accounts/**', outage);
    for (const tag of dataElements) {
      down = true;
      const r = await mount(page, tag, { accountId: 'acc_demo', client: { retries: 2, retryDelay: 50, maxRetryDelay: 100 } });
      const shown = await state(r.id);
      down = false;
      const clicked = await page.evaluate((i) => window.hardening.click(i, '[part~="retry-button"]'), r.id);
      const settled = await page.evaluate((i) => window.hardening.settle(i), r.id);
      const after = await state(r.id);
      await survived(`${status} on every attempt → <${tag}> shows an http error with retry; back up, the retry loads it`, shown.state === 'error' && shown.kind === 'http' && !shown.busy && clicked && settled && after.state !== 'error', { shown, after });
      await page.evaluate((i) => window.hardening.remove(i), r.id);
    }
    await page.unroute('**/api/mono/accounts/**', outage);
  }

  // 3. Malformed and HTML bodies for the element's main resource are not retried (not transient): an
  // invalid-response error with retry, which recovers.
  for (const [fault, body, contentType] of [
    ['malformed', '{"status":"successful","data":{"account":{"id":"x","bal', 'application/json'],
    ['html', '<!doctype html><title>502 Bad Gateway</title><h1>502 Bad Gateway</h1>', 'text/html'],
  ] as const) {
    for (const c of ELEMENTS.filter((e) => e.states)) {
      const main = RESOURCES[c.reads[0]];
      let served = 0;
      let sent = 0;
      const handler = async (route: Route) => {
        const url = new URL(route.request().url());
        if (route.request().method() !== 'GET' || !main.matches(url.pathname.slice('/api/mono'.length), url.searchParams)) return route.continue();
        sent++;
        if (served++ > 0) return route.continue();
        figures.injected++;
        await route.fulfill({ status: 200, contentType, body });
      };
      await page.route('**/api/mono/accounts/**', handler);
      const r = await mount(page, c.tag, { accountId: 'acc_demo', client: { retries: 3, retryDelay: 50 } });
      const before = sent;
      const clicked = await page.evaluate((i) => window.hardening.click(i, '[part~="retry-button"]'), r.id);
      await page.evaluate((i) => window.hardening.settle(i), r.id);
      const after = await state(r.id);
      await page.unroute('**/api/mono/accounts/**', handler);
      await survived(`${fault} ${c.reads[0]} → <${c.tag}> invalid-response, not repeated on its own; retry loads it`, r.state === 'error' && r.kind === 'invalid-response' && before === 1 && clicked && after.state !== 'error', { r, before, after });
      await page.evaluate((i) => window.hardening.remove(i), r.id);
    }
  }

  // 4. Slower than the timeout on every attempt: a timeout error, never an endless spinner.
  {
    const r = await mount(page, 'mono-account', { accountId: 'acc_demo', client: { headers: { 'x-sandbox-latency': '3000' }, timeout: 300, retries: 1, retryDelay: 50 } });
    figures.injected += 2;
    await survived('answers slower than the timeout → a timeout error, not a spinner', r.settled && r.state === 'error' && r.kind === 'timeout', r);
    await page.evaluate(() => window.hardening.clear());
  }

  // 4b. A slow line (Chromium's own throttling): an answer that takes four times the timeout to download, but never
  // stops arriving, loads in one request; the time limit is for the answer to start and for each stall.
  {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 50_000, uploadThroughput: -1 });
    const started = Date.now();
    const r = await mount(page, 'mono-transactions', { accountId: 'txns_1000', attributes: { paginate: 'false' }, client: { timeout: 800, retries: 2 } });
    const took = Date.now() - started;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
    const sent = requests.filter((q) => q.path.startsWith('/accounts/txns_1000/transactions')).length;
    figures.injected++;
    await survived(`a slow line: ${took} ms to load a 1,000-row answer with an 800 ms timeout → <mono-transactions> loads it in ${sent} request`, r.settled && r.state === 'content' && sent === 1 && took > 3200, { r, sent, took });
    await page.evaluate(() => window.hardening.clear());
  }

  // 5. Offline, then online while the GETs are still backing off: they recover on their own.
  {
    const context = page.context();
    await context.setOffline(true);
    const pending = dataElements.map((tag) => mount(page, tag, { accountId: 'acc_demo' }));
    await page.waitForTimeout(300);
    await context.setOffline(false);
    const results = await Promise.all(pending);
    figures.injected += dataElements.length;
    for (const [i, r] of results.entries()) await survived(`offline 300 ms, then online → <${dataElements[i]}> recovers by itself`, r.settled && r.state !== 'error', r);
    await page.evaluate(() => window.hardening.clear());

    // Offline longer than the retries: a network error that says so; back online, every element loads by itself.
    await context.setOffline(true);
    const down = await Promise.all(dataElements.map((tag) => mount(page, tag, { accountId: 'acc_demo', client: { retries: 1, retryDelay: 50 } })));
    const said = await Promise.all(down.map((r) => page.evaluate((i) => window.hardening.text(i), r.id)));
    await context.setOffline(false);
    figures.injected += 2 * dataElements.length;
    for (const [i, r] of down.entries()) {
      const id = r.id;
      const back = await page.waitForFunction((i) => window.hardening.state(i) !== 'error' && window.hardening.state(i) !== 'loading', id, { timeout: 5000 }).then(() => true, () => false);
      await survived(`offline past the retries → <${dataElements[i]}> says it is offline; online again, it loads with no click`, r.state === 'error' && r.kind === 'network' && /You are offline\. This will load again when you are back online\./.test(said[i]) && back, { r, said: said[i].slice(0, 200), after: await state(id) });
    }
    await page.evaluate(() => window.hardening.clear());
  }

  // 6. POSTs are never repeated on their own: one failed POST, one request; the control works again afterwards.
  for (const [tag, path, accountId] of [
    ['mono-sync-button', '/sync', 'acc_demo'],
    ['mono-connect-button', '/accounts/initiate', 'acc_demo'],
    ['mono-income-summary', '/income', 'fresh_hardening'],
  ] as const) {
    let failedOnce = false;
    const pattern = `**/api/mono/**${path}`;
    const handler = async (route: Route) => {
      if (route.request().method() !== 'POST' || failedOnce) return route.continue();
      failedOnce = true;
      figures.injected++;
      await route.fulfill({ status: 503, contentType: 'application/json', headers: { 'retry-after': '0' }, body: '{"status":"failed","message":"Service unavailable (test)"}' });
    };
    await page.route(pattern, handler);
    const posts = () => requests.filter((q) => q.method === 'POST' && q.path.endsWith(path)).length;
    const before = posts();
    const r = await mount(page, tag, { accountId, attributes: { 'no-preinitiate': '' }, client: { retries: 3, retryDelay: 50 } });
    if (tag !== 'mono-income-summary') await page.evaluate((i) => window.hardening.act(i), r.id);
    else await page.evaluate((i) => window.hardening.settle(i), r.id);
    await page.waitForTimeout(400);
    const once = posts() - before;
    const errors = await errorsOf(r.id);
    await page.unroute(pattern, handler);
    let again = true;
    if (tag === 'mono-income-summary') {
      again = await page.evaluate((i) => window.hardening.click(i, '[part~="retry-button"]'), r.id);
    } else {
      await page.evaluate((i) => window.hardening.act(i), r.id);
    }
    await page.waitForTimeout(300);
    await survived(`failed POST ${path} (<${tag}>) is sent once, reported, and the control works again`, once === 1 && errors.includes('http') && again && posts() - before === 2, { once, errors, total: posts() - before });
    await page.evaluate(() => window.hardening.clear());
  }

  // 7. Rapid changes: the newer request wins even when the older answer arrives last.
  {
    const slow = async (route: Route) => {
      await new Promise((r) => setTimeout(r, 1200));
      await route.continue().catch(() => {});
    };
    await page.route('**/api/mono/accounts/acc_slow_hardening**', slow);
    const nameOf = async (id: string) => ((await (await page.request.get(`${run.server.url}/api/mono/accounts/${id}`)).json()) as { data: { account: { name: string } } }).data.account.name;
    const [slowName, fastName] = await Promise.all([nameOf('acc_slow_hardening'), nameOf('acc_fast_hardening')]);
    for (const tag of ['mono-account', 'mono-identity', 'mono-transactions']) {
      const id = await page.evaluate((t) => window.hardening.mountNow(t, { accountId: 'acc_slow_hardening' }), tag);
      await page.waitForTimeout(50);
      await page.evaluate((i) => window.hardening.set(i, 'accountId', 'acc_fast_hardening'), id);
      await page.evaluate((i) => window.hardening.settle(i), id);
      await page.waitForTimeout(1500);
      const text = await page.evaluate((i) => window.hardening.text(i), id);
      const loads = await page.evaluate((i) => window.hardening.events(i).filter((e) => e.type === 'mono-load').length, id);
      // The transactions list shows no holder name: for it, one load (the new account's) is the proof.
      const stale = tag !== 'mono-transactions' && text.toUpperCase().includes(slowName.toUpperCase());
      const fresh = tag === 'mono-transactions' || text.toUpperCase().includes(fastName.toUpperCase());
      await survived(`account-id changed while the old answer is slow → <${tag}> shows only the new account`, !stale && fresh && loads === 1, { stale, fresh, loads });
    }
    await page.unroute('**/api/mono/accounts/acc_slow_hardening**', slow);

    const slowPeriod = async (route: Route) => {
      if (new URL(route.request().url()).searchParams.get('period') === 'last1month') await new Promise((r) => setTimeout(r, 1200));
      await route.continue().catch(() => {});
    };
    await page.route('**/api/mono/accounts/*/statement?**', slowPeriod);
    const id = await page.evaluate(() => window.hardening.mountNow('mono-statement', { accountId: 'acc_demo', attributes: { period: '1' } }));
    await page.waitForTimeout(50);
    await page.evaluate((i) => window.hardening.set(i, 'period', 6), id);
    await page.evaluate((i) => window.hardening.settle(i), id);
    await page.waitForTimeout(1500);
    const loads = await page.evaluate((i) => window.hardening.events(i).filter((e) => e.type === 'mono-load'), id);
    const last = loads.at(-1)?.detail as { data?: { months?: number; period?: number } } | undefined;
    await survived('statement period changed while the old answer is slow → one load, for the new period', loads.length === 1, { loads: loads.length, last: JSON.stringify(last).slice(0, 200) });
    await page.unroute('**/api/mono/accounts/*/statement?**', slowPeriod);
    await page.evaluate(() => window.hardening.clear());
  }

  check('no uncaught errors on the page', pageErrors.length === 0, pageErrors);
  const violations = await page.evaluate(() => window.hardening.violations);
  check('no CSP violations while faulting', violations.length === 0 && cspConsole.length === 0, violations.length ? violations : cspConsole);
  console.log(`hardening/faults: ${figures.injected} faults injected over ${figures.scenarios} scenarios on ${dataElements.length} data elements and 3 POST controls; ${figures.survived} scenarios survived`);
} catch (e) {
  check(`fault run: ${(e as Error).stack}`, false);
}
await run.finish();
