// A single-page app's router mounts and removes the elements again and again on one long-lived page: every view
// left must be collectable, whatever it was doing. Views (a provider with elements) are mounted, brought to a state
// and removed; after a forced GC (CDP) their elements and listeners must not pile up.
import type { CDPSession } from 'playwright-core';
import { startDemo } from './harness.js';

const DATA = ['mono-account', 'mono-transactions', 'mono-statement', 'mono-identity', 'mono-income-summary', 'mono-assets', 'mono-earnings'];

const h = await startDemo();
const { page, check } = h;

/**
 * Elements of the views left that are still alive after a full collection, and the page's listener count.
 *
 * Chromium's autofill keeps the last `<select>` it saw (each view's statement period picker) until another form
 * control takes its place: a successful fetch makes its form tracker watch that select for removal (a
 * WebFormElementObserver, a C++ persistent root), and the watch climbs parent elements only, so it stops at the
 * shadow root and never sees the host leave; the select, its shadow root and the whole view stay reachable from it
 * (heap snapshot: C++ Persistent roots → MutationObserver::Delegate → <select id="period"> → ShadowRoot →
 * <mono-statement> → <mono-provider>). A plain `<select>` of the page's own, put in and taken out here as the
 * page's next form would be, takes autofill's attention: whatever is alive after that is the kit's.
 */
async function leftBehind(cdp: CDPSession): Promise<{ alive: string[]; listeners: number }> {
  await page.evaluate(async () => {
    const select = document.createElement('select');
    select.innerHTML = '<option>—</option>';
    document.body.append(select);
    await new Promise((resolve) => setTimeout(resolve, 100)); // autofill's own task notes it
    select.remove();
  });
  let alive: string[] = [];
  // A view still alive is measured again for a second: autofill's task may come late on a loaded machine.
  for (let attempt = 0; attempt < 10; attempt++) {
    if (attempt) await page.waitForTimeout(100);
    for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
    alive = await page.evaluate(() =>
      ((window as unknown as { views: WeakRef<Element>[] }).views ?? []).map((ref) => ref.deref()?.localName).filter((name): name is string => !!name),
    );
    if (!alive.length) break;
  }
  return { alive, listeners: (await cdp.send('Memory.getDOMCounters')).jsEventListeners };
}

/** Views with every element (a provider, each data element, a sync and a connect button), each loaded, then left. */
async function mountViews(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const loaded = await page.evaluate(async (tags) => {
      const w = window as unknown as { views?: WeakRef<Element>[] };
      const provider = document.createElement('mono-provider');
      provider.setAttribute('account-id', 'acc_demo');
      provider.innerHTML = `${tags.map((t) => `<${t}></${t}>`).join('')}<mono-sync-button></mono-sync-button><mono-connect-button widget-origins="self"></mono-connect-button>`;
      const settled = tags.map(
        (tag) =>
          new Promise<boolean>((resolve) => {
            const el = provider.querySelector(tag)!;
            el.addEventListener('mono-load', () => resolve(true), { once: true });
            el.addEventListener('mono-error', () => resolve(false), { once: true });
          }),
      );
      document.getElementById('stage')!.append(provider);
      const outcome = await Promise.all(settled);
      (w.views ??= []).push(new WeakRef(provider), ...[...provider.children].map((el) => new WeakRef(el)));
      provider.remove();
      return outcome.every(Boolean);
    }, DATA);
    if (!loaded) throw new Error(`view ${i}: not every element loaded`);
  }
}

try {
  const churn = new URL('__churn.html', h.url).href;
  await page.route(churn, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en-NG"><body><main id="stage"></main>
        <script type="module" src="/@fs${process.cwd()}/src/define.ts"></script>
      </body></html>`,
    }),
  );
  await page.goto(churn);
  await page.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)) && customElements.get('mono-sync-button'), DATA, { timeout: 20000 });
  const cdp = await page.context().newCDPSession(page);
  const baseline = await leftBehind(cdp);

  // Every element in one view, loaded, then left: five times, then ten more.
  await mountViews(5);
  const five = await leftBehind(cdp);
  await mountViews(10);
  const fifteen = await leftBehind(cdp);
  // With autofill's select moved on (leftBehind), no view may stay: not the last one, not one held once by a cache.
  check('views with every element, loaded and left: none of their elements stays alive', five.alive.length === 0 && fifteen.alive.length === 0, {
    afterFive: five.alive,
    afterFifteen: fifteen.alive,
  });
  // Listeners added once (by the first views) are allowed; ten more views may add none.
  check('views left: their listeners do not pile up', fifteen.listeners <= five.listeners, {
    baseline: baseline.listeners,
    afterFive: five.listeners,
    afterFifteen: fifteen.listeners,
  });

  await page.evaluate(() => ((window as unknown as { views: WeakRef<Element>[] }).views = []));
  // The user presses the sync button and leaves the view while the refresh runs (during its POST, or while its
  // job is followed), in views of different accounts, as a list of customers' accounts has.
  for (let i = 0; i < 6; i++) {
    const whilePolling = i % 2 === 1;
    await page.evaluate(
      async ([accountId, polling]) => {
        const w = window as unknown as { views?: WeakRef<Element>[] };
        const provider = document.createElement('mono-provider');
        provider.setAttribute('account-id', accountId);
        // A long first wait: the job is still running when the view is left.
        provider.innerHTML = '<mono-account></mono-account><mono-sync-button cooldown="0" poll-interval="60000"></mono-sync-button>';
        const account = provider.querySelector('mono-account')!;
        const loaded = new Promise((resolve) => account.addEventListener('mono-load', resolve, { once: true }));
        document.getElementById('stage')!.append(provider);
        await loaded;
        const sync = provider.querySelector('mono-sync-button') as HTMLElement & { updateComplete: Promise<unknown> };
        await sync.updateComplete;
        const button = sync.shadowRoot!.querySelector('button')!;
        button.click();
        if (polling) {
          for (let t = 0; button.dataset.phase !== 'polling'; t++) {
            if (t > 500) throw new Error('the job was not followed');
            await new Promise((r) => setTimeout(r, 10));
          }
        }
        (w.views ??= []).push(new WeakRef(provider), ...[...provider.children].map((el) => new WeakRef(el)));
        provider.remove();
      },
      [`acc_churn${i}`, whilePolling] as const,
    );
  }
  // Every refresh's POST has answered (its answer is what a later press would follow).
  await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => /\/accounts\/acc_churn\d+\/sync$/.test(e.name)).length === 6, null, {
    timeout: 15000,
  });
  await page.waitForTimeout(300);
  const after = await leftBehind(cdp);
  check('six views left while their refresh ran: none of their elements stays alive', after.alive.length === 0, after.alive);
  check('no page errors', h.pageErrors.length === 0, h.pageErrors);
} catch (e) {
  check(`churn run: ${(e as Error).message}`, false);
}
await h.finish();
