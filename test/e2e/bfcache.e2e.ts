// Back to the demo from another page, with Chromium's back/forward cache on (Playwright turns it off): the page
// comes back as it was left, with no new load, and every element must still be right. A redirect-mode button
// left the page saying "Taking you to Mono Connect…", disabled, and came back so for good. Also the open modal
// and the sync and PDF jobs, which already came back right. Each return is checked to be a restore from the cache.
import { startDemo } from './harness.js';
import { driveWidget } from './sandbox-widget.js';

const h = await startDemo({ bfcache: true });
const { page, check } = h;

interface Logged {
  name: string;
  detail: any;
}

// Each document's mono-* events and pageshow events (a restored page keeps its lists: it is the same document).
await page.addInitScript(() => {
  const w = window as unknown as { __monoEvents: Logged[]; __shows: boolean[] };
  w.__monoEvents = [];
  w.__shows = [];
  addEventListener('pageshow', (e) => w.__shows.push((e as PageTransitionEvent).persisted));
  for (const name of ['mono-open', 'mono-success', 'mono-close', 'mono-error']) {
    document.addEventListener(name, (e) => w.__monoEvents.push({ name, detail: JSON.parse(JSON.stringify((e as CustomEvent).detail ?? null)) }));
  }
});

const posts: string[] = [];
page.context().on('request', (r) => {
  const path = new URL(r.url()).pathname;
  if (r.method() === 'POST' && path.startsWith('/api/mono/')) posts.push(path.slice('/api/mono'.length));
});
const count = (path: string) => posts.filter((p) => p === path).length;
const events = (): Promise<Logged[]> => page.evaluate(() => (window as unknown as { __monoEvents: Logged[] }).__monoEvents);
const clearEvents = () => page.evaluate(() => ((window as unknown as { __monoEvents: Logged[] }).__monoEvents.length = 0));
const stored = () => page.evaluate(() => sessionStorage.getItem('mono-elements.connect') ?? '');

/** Back to the demo; true when the page came out of the back/forward cache (else why not, for the check's detail). */
async function backFromCache(): Promise<true | unknown> {
  await page.goBack({ waitUntil: 'commit' });
  const restored = await page
    .waitForFunction(() => (window as unknown as { __shows?: boolean[] }).__shows?.includes(true), null, { timeout: 10000 })
    .then(() => true, () => false);
  return restored || page.evaluate(() => (performance.getEntriesByType('navigation')[0] as unknown as { notRestoredReasons?: unknown }).notRestoredReasons ?? 'loaded anew');
}

const button = (id: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector(sel)!.shadowRoot!;
    const trigger = root.querySelector<HTMLButtonElement>('button[part~="button"]')!;
    const dialog = root.querySelector('dialog')!;
    return {
      disabled: trigger.disabled,
      busy: trigger.ariaBusy,
      status: root.querySelector('[part=status]')!.textContent,
      open: dialog.open,
      modal: dialog.matches(':modal'),
      overflow: document.documentElement.style.overflow,
    };
  }, `#${id}`);

try {
  await page.goto(h.url);
  await page.waitForFunction(() => customElements.get('mono-connect-button') !== undefined);
  await page.locator('#connect button[part~="button"]').waitFor();

  // ---- redirect: to the widget, then Back ----
  await page.check('input[name=connect-mode][value=redirect]');
  await clearEvents();
  await Promise.all([page.waitForURL(/\/api\/mono\/widget\?/, { timeout: 15000 }), page.click('#connect button[part~="button"]')]);
  const first = new URL(page.url()).searchParams.get('reference')!;
  // Counted before Back: the restored button (under the pointer, focused) may pre-initiate its next link before the press.
  const initiates = count('/accounts/initiate');
  const exchanges = count('/accounts/auth');
  const restored = await backFromCache();
  check('redirect: Back from the widget restores the demo from the back/forward cache', restored === true, restored);
  const back = await page
    .waitForFunction(() => !document.querySelector('#connect')!.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="button"]')!.disabled, null, { timeout: 5000 })
    .then(() => button('connect'), () => button('connect'));
  check('redirect: the restored button is usable again, no longer "Taking you to Mono Connect…"', !back.disabled && back.busy === null && back.status === '', back);
  let log = await events();
  check(
    'redirect: the flow left with the page ends there: mono-open, then one mono-close (user)',
    log.map((e) => e.name).join() === 'mono-open,mono-close' && log[1].detail.reason === 'user' && log[0].detail.reference === first,
    log,
  );
  check('redirect: its reference stays remembered, as after a reload (a return from that widget still finishes it)', (await stored()).includes(first));

  // A second press: a fresh initiate and reference, and that link finishes with one exchange.
  await Promise.all([page.waitForURL(/\/api\/mono\/widget\?/, { timeout: 15000 }), page.click('#connect button[part~="button"]')]);
  const second = new URL(page.url()).searchParams.get('reference')!;
  check('redirect: the second press initiates again, with a new reference', count('/accounts/initiate') === initiates + 1 && second !== first, { second, first });
  await Promise.all([page.waitForURL((url) => url.pathname === '/' && url.searchParams.has('reference'), { timeout: 15000 }), driveWidget(page, { bank: 'Zenith Bank', account: 'txns_5' })]);
  await page.waitForFunction(() => (window as unknown as { __monoEvents: Logged[] }).__monoEvents.some((e) => e.name === 'mono-close'), null, { timeout: 15000 });
  log = await events();
  check(
    'redirect: back on the demo, the second link finishes: mono-success for its reference, then mono-close',
    log.map((e) => e.name).join() === 'mono-success,mono-close' && log[0].detail.reference === second && log[0].detail.accountId === 'txns_5',
    log,
  );
  check('redirect: exactly one exchange', count('/accounts/auth') === exchanges + 1, count('/accounts/auth') - exchanges);
  const left = await stored();
  check('redirect: only the second reference was claimed; the first stays remembered', !left.includes(second) && left.includes(first), left);

  // ---- modal: open, the page navigates away, Back ----
  await page.check('input[name=connect-mode][value=modal]');
  await clearEvents();
  await page.click('#connect button[part~="button"]');
  await page.waitForFunction(() => document.querySelector('#connect')!.shadowRoot!.querySelector('dialog')!.dataset.state === 'ready', null, { timeout: 15000 });
  await Promise.all([page.waitForURL(/docs\.html/), page.evaluate(() => location.assign('/docs.html'))]);
  const modalRestored = await backFromCache();
  check('modal: Back restores the demo from the back/forward cache', modalRestored === true, modalRestored);
  const reopened = await button('connect');
  check('modal: the dialog is still open in the top layer, the page scroll still locked', reopened.open && reopened.modal && reopened.overflow === 'hidden', reopened);
  await page.locator('#connect button[part~="close"]').click();
  await page.waitForTimeout(300);
  const closed = await button('connect');
  log = await events();
  check('modal: closing it works: one mono-close (user) for the one mono-open', log.map((e) => e.name).join() === 'mono-open,mono-close' && log[1].detail.reason === 'user', log);
  check('modal: dialog closed and the page scroll given back', !closed.open && closed.overflow === '', closed);

  // ---- a sync and a PDF statement job under way, away for 4 s (longer than their 2 s timeouts), Back ----
  // The jobs finish at the bank while the page sits frozen in the cache; their deadlines pass there unseen, and both
  // timers fire at once on the return. The poll used to give up then, with "The bank is still working on the
  // refresh" and "The PDF statement is taking too long", aborting the check that would have found the job done.
  let away = false;
  await page.route(/\/api\/mono\/accounts\/[^/]+\/(statement\/)?jobs\/[^/]+$/, async (route) => {
    let response = await route.fetch();
    // Done while the page was away: the sandbox's job is polled through here until it says so.
    for (let i = 0; away && i < 5 && /"(processing|BUILDING)"/.test(await response.text()); i++) response = await route.fetch();
    await route.fulfill({ response });
  });
  await page.evaluate(() => {
    document.querySelector('mono-sync-button')!.setAttribute('poll-timeout', '2000');
    document.querySelector('mono-statement')!.setAttribute('pdf-timeout', '2000');
  });
  const before = posts.length;
  await page.locator('mono-sync-button button[part~="button"]').click();
  await page.locator('mono-statement [part="pdf-button"]').click();
  await page.waitForFunction(() => /Waiting for the bank/.test(document.querySelector('mono-sync-button')!.shadowRoot!.textContent ?? ''), null, { timeout: 10000 });
  await Promise.all([page.waitForURL(/docs\.html/), page.evaluate(() => location.assign('/docs.html'))]);
  away = true;
  await page.waitForTimeout(4000);
  const jobsRestored = await backFromCache();
  check('jobs: Back restores the demo from the back/forward cache', jobsRestored === true, jobsRestored);
  const done = await page
    .waitForFunction(
      () =>
        /Updated/.test(document.querySelector('mono-sync-button')!.shadowRoot!.textContent ?? '') &&
        document.querySelector('mono-statement')!.shadowRoot!.querySelector<HTMLElement>('[part=pdf]')?.dataset.phase === 'built',
      null,
      { timeout: 20000 },
    )
    .then(() => true, () => false);
  check('jobs: the sync and the PDF job resume their polls and finish, though their timeouts passed while away', done, await page.evaluate(() =>
    ['mono-sync-button', 'mono-statement'].map((t) => document.querySelector(t)!.shadowRoot!.textContent!.replace(/\s+/g, ' ').slice(0, 120))));
  const newPosts = posts.slice(before);
  check('jobs: one sync POST, never sent again by itself', newPosts.length === 1 && newPosts[0].endsWith('/sync'), newPosts);
} catch (e) {
  check('no exception', false, String(e));
}
check('no page errors', h.pageErrors.length === 0, h.pageErrors);
await h.finish();
