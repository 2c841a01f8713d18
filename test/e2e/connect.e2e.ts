// Links accounts through the sandbox's fake Mono widget on the real demo, in modal, popup and redirect
// modes (and a re-authorisation), checks the open dialog with axe and counts exchange requests. How long the
// widget takes to appear after the click is measured by `npm run bench` (bench/suites/connect.ts), not here.
import { createRequire } from 'node:module';
import type { Request } from 'playwright-core';
import { startDemo } from './harness.js';
import { driveWidget } from './sandbox-widget.js';

const require = createRequire(import.meta.url);
const h = await startDemo();
const { page, check } = h;

interface Logged {
  name: string;
  detail: any;
}

// Every mono-* event from the first script on, surviving the redirect's page load (each load starts a new list).
await page.addInitScript(() => {
  const events: Array<{ name: string; detail: unknown }> = [];
  (window as unknown as { __monoEvents: typeof events }).__monoEvents = events;
  for (const name of ['mono-open', 'mono-widget-event', 'mono-success', 'mono-close', 'mono-error']) {
    document.addEventListener(name, (e) => events.push({ name, detail: JSON.parse(JSON.stringify((e as CustomEvent).detail ?? null)) }));
  }
});

const requests: string[] = [];
page.context().on('request', (r: Request) => {
  const path = new URL(r.url()).pathname;
  if (r.method() === 'POST' && path.startsWith('/api/mono/accounts/')) requests.push(path.slice('/api/mono'.length));
});
const exchanges = () => requests.filter((p) => p === '/accounts/auth').length;

const events = (): Promise<Logged[]> => page.evaluate(() => (window as unknown as { __monoEvents: Logged[] }).__monoEvents);
const clearEvents = () => page.evaluate(() => ((window as unknown as { __monoEvents: Logged[] }).__monoEvents.length = 0));
const waitForEvent = (name: string, count = 1, timeout = 15000) =>
  page.waitForFunction(([n, c]) => (window as unknown as { __monoEvents: Logged[] }).__monoEvents.filter((e) => e.name === n).length >= (c as number), [name, count] as const, { timeout });

async function setMode(mode: 'modal' | 'popup' | 'redirect') {
  await page.check(`input[name=connect-mode][value=${mode}]`);
}


const dialogState = (id: string) =>
  page.evaluate((sel) => {
    const dialog = document.querySelector(sel)!.shadowRoot!.querySelector('dialog')!;
    return { open: dialog.open, modal: dialog.matches(':modal'), state: dialog.dataset.state };
  }, `#${id}`);

try {
  await page.goto(h.url);
  await page.waitForFunction(() => customElements.get('mono-connect-button') !== undefined);
  await page.locator('#connect button[part~="button"]').waitFor();
  check('the demo shows the "Link an account" panel with a normal and a reauth button', (await page.locator('#connect-panel mono-connect-button').count()) === 2);

  // ---- modal ----
  await setMode('modal');
  await clearEvents();
  let before = exchanges();
  await page.click('#connect button[part~="button"]');
  await page.waitForFunction(() => document.querySelector('#connect')!.shadowRoot!.querySelector('dialog')!.dataset.state === 'ready', null, { timeout: 15000 });
  const open = await dialogState('connect');
  check('modal: a native dialog in the top layer', open.open && open.modal, open);

  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const axe = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run;
    const result = await run(document.querySelector('#connect'), { iframes: false });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
  check('modal: axe finds no violations in the open dialog', axe.length === 0, axe);

  const frame = page.frameLocator('#connect iframe');
  // The sandbox's widget fits the dialog's frame (1280×900): no second scrollbar beside its bank list's.
  const widgetPage = await frame.locator(':root').evaluate(() => [document.scrollingElement!.scrollHeight, innerHeight]);
  check('modal: the sandbox widget fits its frame, with no page scroll of its own', widgetPage[0] <= widgetPage[1], widgetPage);
  await driveWidget(frame, { bank: 'GTBank', account: 'acc_business' });
  await waitForEvent('mono-close');
  let log = await events();
  const names = log.map((e) => (e.name === 'mono-widget-event' ? e.detail.type : e.name));
  check(
    'modal: events in order, ending in SUCCESS, mono-success, mono-close',
    names[0] === 'mono-open' && names.slice(-3).join() === 'SUCCESS,mono-success,mono-close' && ['INSTITUTION_SELECTED', 'SUBMIT_CREDENTIALS', 'SUBMIT_MFA', 'ACCOUNT_SELECTED', 'ACCOUNT_LINKED'].every((n) => names.includes(n)),
    names,
  );
  const success = log.find((e) => e.name === 'mono-success')?.detail;
  check('modal: mono-success carries the linked account id and the reference', success?.accountId === 'acc_business' && success.reference === log[0].detail.reference, success);
  check('modal: exactly one exchange request', exchanges() - before === 1, exchanges() - before);
  const after = await dialogState('connect');
  check('modal: dialog closed, focus back on the button', !after.open && (await page.evaluate(() => document.activeElement?.id === 'connect')), after);
  await page.waitForFunction(() => (document.querySelector('#account') as HTMLSelectElement).value === 'acc_business');
  check('demo: the linked account is selected in the picker and on the provider', await page.evaluate(() => (document.querySelector('#provider') as HTMLElement & { accountId: string }).accountId === 'acc_business'));

  // ---- re-authorise the selected account (modal) ----
  await clearEvents();
  before = exchanges();
  const initiatesBefore = requests.filter((p) => p === '/accounts/initiate').length;
  await page.click('#reauth button[part~="button"]');
  await page.waitForFunction(() => document.querySelector('#reauth')!.shadowRoot!.querySelector('dialog')!.dataset.state === 'ready', null, { timeout: 15000 });
  await driveWidget(page.frameLocator('#reauth iframe'));
  await waitForEvent('mono-close');
  log = await events();
  check('reauth: mono-success for the selected account', log.find((e) => e.name === 'mono-success')?.detail.accountId === 'acc_business', log.map((e) => e.name));
  check('reauth: one initiate and one exchange', exchanges() - before === 1 && requests.filter((p) => p === '/accounts/initiate').length - initiatesBefore === 1);

  // ---- modal, with a bank that logs in on its own site: the widget takes the whole tab, Mono returns to the page ----
  await clearEvents();
  before = exchanges();
  await page.click('#connect button[part~="button"]');
  await page.waitForFunction(() => document.querySelector('#connect')!.shadowRoot!.querySelector('dialog')!.dataset.state === 'ready', null, { timeout: 15000 });
  const tabReference = (await events()).find((e) => e.name === 'mono-open')?.detail.reference;
  await Promise.all([
    page.waitForURL(/\/api\/mono\/widget\?.*institution=sandbox_tab_bank/, { timeout: 15000 }),
    page.frameLocator('#connect iframe').locator('button.bank[data-name="Sandbox Own-Site Bank"]').click(),
  ]);
  check('own-site bank: the widget took the whole tab', true);
  await Promise.all([page.waitForURL((url) => url.pathname === '/' && url.searchParams.has('reference'), { timeout: 15000 }), driveWidget(page, { account: 'txns_5' })]);
  await page.waitForFunction(() => customElements.get('mono-connect-button') !== undefined);
  await waitForEvent('mono-close');
  log = await events();
  check('own-site bank: back on the demo, the modal’s flow finishes: mono-success then mono-close', log.map((e) => e.name).join() === 'mono-success,mono-close', log.map((e) => e.name));
  check('own-site bank: mono-success with the account and the modal’s reference', log[0]?.detail.accountId === 'txns_5' && log[0]?.detail.reference === tabReference, log[0]);
  check('own-site bank: exactly one exchange request', exchanges() - before === 1, exchanges() - before);
  check('own-site bank: code and reference removed from the address bar', !/[?&](code|reference|status)=/.test(page.url()), page.url());
  check('own-site bank: nothing left remembered', (await page.evaluate(() => sessionStorage.getItem('mono-elements.connect'))) === null);
  await page.waitForFunction(() => (document.querySelector('#account') as HTMLSelectElement).value === 'txns_5');

  // ---- popup ----
  await setMode('popup');
  await clearEvents();
  before = exchanges();
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#connect button[part~="button"]')]);
  await popup.waitForURL(/\/api\/mono\/widget\?/, { timeout: 15000 });
  check('popup: shows "continue in the popup" on the page', (await page.locator('#connect [part~="status"]').textContent())?.includes('Continue in the Mono Connect window') === true);
  await driveWidget(popup, { bank: 'Access Bank', account: 'usd_savings' });
  await waitForEvent('mono-close');
  log = await events();
  check('popup: mono-success with the account id', log.find((e) => e.name === 'mono-success')?.detail.accountId === 'usd_savings', log.map((e) => e.name));
  check('popup: mono-open says popup, mono-close says success', log[0]?.detail.mode === 'popup' && log.at(-1)?.detail.reason === 'success');
  check('popup: exactly one exchange request', exchanges() - before === 1, exchanges() - before);
  await popup.waitForEvent('close', { timeout: 5000 }).catch(() => undefined);
  check('popup: the kit closed the window', popup.isClosed());

  // ---- redirect ----
  await setMode('redirect');
  before = exchanges();
  await Promise.all([page.waitForURL(/\/api\/mono\/widget\?/, { timeout: 15000 }), page.click('#connect button[part~="button"]')]);
  check('redirect: the tab went to the widget', true);
  await Promise.all([page.waitForURL((url) => url.pathname === '/' && url.searchParams.has('reference'), { timeout: 15000 }), driveWidget(page, { bank: 'Zenith Bank', account: 'txns_5' })]);
  await page.waitForFunction(() => customElements.get('mono-connect-button') !== undefined);
  await waitForEvent('mono-close');
  log = await events();
  check('redirect: back on the demo, mono-success then mono-close', log.map((e) => e.name).join() === 'mono-success,mono-close', log.map((e) => e.name));
  check('redirect: mono-success with the account id', log[0]?.detail.accountId === 'txns_5', log[0]);
  check('redirect: exactly one exchange request', exchanges() - before === 1, exchanges() - before);
  check('redirect: code and reference removed from the address bar', !/[?&](code|reference|status)=/.test(page.url()), page.url());
  await page.waitForFunction(() => (document.querySelector('#account') as HTMLSelectElement).value === 'txns_5');
  check('redirect: the mode choice survived the round trip', await page.isChecked('input[name=connect-mode][value=redirect]'));
  await page.reload();
  await page.waitForFunction(() => customElements.get('mono-connect-button') !== undefined);
  await page.waitForTimeout(500);
  check('redirect: a reload replays nothing', (await events()).length === 0 && exchanges() - before === 1);

  // ---- redirect, ending like Mono's documented hosted link: no code, the account reported by webhook ----
  await page.check('#link-return');
  check('hosted return: the demo switch sets the sandbox header', await page.evaluate(() => (document.querySelector('#provider') as HTMLElement & { headers?: Record<string, string> }).headers?.['x-sandbox-link-return'] === 'reference'));
  before = exchanges();
  const claims: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/mono/accounts/auth') && claims.push(r.postData() ?? ''));
  await Promise.all([page.waitForURL(/\/api\/mono\/widget\?.*return=reference/, { timeout: 15000 }), page.click('#connect button[part~="button"]')]);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('status') === 'successful', { timeout: 15000 }),
    driveWidget(page, { bank: 'Zenith Bank', account: 'usd_savings' }),
  ]);
  check('hosted return: back on the demo with no code in the URL', !new URL(page.url()).searchParams.has('code'), page.url());
  await page.waitForFunction(() => customElements.get('mono-connect-button') !== undefined);
  await waitForEvent('mono-close');
  log = await events();
  check('hosted return: mono-success then mono-close', log.map((e) => e.name).join() === 'mono-success,mono-close', log.map((e) => e.name));
  check('hosted return: the account the widget reported', log[0]?.detail.accountId === 'usd_savings', log[0]);
  check('hosted return: one exchange, by the reference', exchanges() - before === 1 && claims.length === 1 && JSON.parse(claims[0]).reference === log[0]?.detail.reference, claims);
  check('hosted return: status and reference removed from the address bar', !/[?&](reference|status)=/.test(page.url()), page.url());

  check('no page errors', h.pageErrors.length === 0, h.pageErrors);
} catch (e) {
  check(`connect run: ${(e as Error).message}`, false);
  // what the page saw, to tell a widget problem from a kit problem
  console.log('events:', JSON.stringify(await events().catch(() => 'unavailable')));
  console.log('page errors:', JSON.stringify(h.pageErrors));
}
await h.finish();
