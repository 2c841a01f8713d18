import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../fixtures/wait.js';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/sync-button/define.js';
import '../../../src/elements/income-summary/define.js';
import '../../../src/elements/assets/define.js';
import '../../../src/elements/earnings/define.js';
import '../../../src/elements/account/define.js';
import type { MonoClient } from '../../../src/client/index.js';
import type { MonoEventDetails } from '../../../src/core/events.js';
import type { MonoAccount } from '../../../src/elements/account/mono-account.js';
import type { MonoAssets } from '../../../src/elements/assets/mono-assets.js';
import type { MonoEarnings } from '../../../src/elements/earnings/mono-earnings.js';
import type { MonoIncomeSummary } from '../../../src/elements/income-summary/mono-income-summary.js';
import type { MonoProvider } from '../../../src/elements/provider/mono-provider.js';
import type { MonoSyncButton } from '../../../src/elements/sync-button/mono-sync-button.js';
import { hangingClient } from '../account/helpers.js';
import { registerMessages } from '../../../src/i18n/index.js';
import { fr } from '../../../src/i18n/locales/fr.js';
import { recordingClient, sleep, uid, uidWithIncome, type Override } from '../../charts/sandbox-helpers.js';

/** Stands in for <mono-connect-button>: the hand-off only needs attributes and open(). */
class ConnectStub extends HTMLElement {
  opened = 0;
  open() {
    this.opened++;
  }
}
customElements.define('connect-stub', ConnectStub);

type SyncDetail = MonoEventDetails['mono-sync'];

/** `syncs` without their account, which `accounts` lists in the same order. */
function record(target: EventTarget) {
  const syncs: Array<Omit<SyncDetail, 'accountId'>> = [];
  const accounts: string[] = [];
  const errors: string[] = [];
  const reauth: string[] = [];
  target.addEventListener('mono-sync', (e) => {
    const { accountId, ...rest } = (e as CustomEvent<SyncDetail>).detail;
    syncs.push(rest);
    accounts.push(accountId);
  });
  target.addEventListener('mono-error', (e) => errors.push((e as CustomEvent<MonoEventDetails['mono-error']>).detail.error.kind));
  target.addEventListener('mono-reauth-required', (e) => reauth.push((e as CustomEvent<MonoEventDetails['mono-reauth-required']>).detail.accountId));
  return { syncs, accounts, errors, reauth };
}

async function mountButton(client: MonoClient, accountId: string | undefined, attrs = '') {
  const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId ?? ''} locale="en-NG"></mono-provider>`);
  root.innerHTML = `<mono-sync-button poll-interval="20" ${attrs}></mono-sync-button>`;
  const button = root.querySelector<MonoSyncButton>('mono-sync-button')!;
  await button.updateComplete;
  return { root, button, inner: button.shadowRoot!.querySelector<HTMLButtonElement>('button')! };
}
const text = (b: MonoSyncButton, part: 'status' | 'alert') => b.shadowRoot!.querySelector(`[part~="${part}"]`)!.textContent!;
const POST_SYNC = /\/sync$/;
const JOB = /\/jobs\//;

describe('<mono-sync-button>', () => {
  before(() => registerMessages('fr', fr));

  it('refreshes through a job, then every element of the account re-fetches once per resource', async () => {
    const accountId = await uidWithIncome('sync'); // one income-records read: no analysis to poll
    const { client, count } = recordingClient();
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale="en-NG">
      <mono-sync-button poll-interval="20" cooldown="0"></mono-sync-button>
      <mono-income-summary view="table"></mono-income-summary>
      <mono-assets view="table"></mono-assets>
      <mono-assets view="table"></mono-assets>
      <mono-earnings view="table"></mono-earnings>
    </mono-provider>`);
    const button = root.querySelector<MonoSyncButton>('mono-sync-button')!;
    const views = [...root.querySelectorAll<MonoIncomeSummary | MonoAssets | MonoEarnings>('mono-income-summary, mono-assets, mono-earnings')];
    await waitUntil(() => views.every((v) => v.resource.status === 'loaded'), 'all loaded', { timeout: 8000 });
    const paths = [/\/income-records$/, /\/assets$/, /\/earnings$/];
    const before = paths.map((p) => count('GET', p));
    expect(before, 'two <mono-assets> shared one request').to.deep.equal([1, 1, 1]);
    const events = record(root);

    const inner = button.shadowRoot!.querySelector('button')!;
    expect(inner.getAttribute('aria-disabled')).to.equal('false');
    await expect(button).to.be.accessible();
    inner.click();
    await button.updateComplete;
    expect(events.syncs[0]).to.deep.equal({ status: 'started' });
    expect(inner.getAttribute('aria-disabled')).to.equal('true');
    expect(getComputedStyle(inner).opacity, 'faded by colour, so its focus ring keeps 3:1').to.equal('1');
    expect(button.running).to.equal(true);
    inner.click();
    inner.click();
    await waitUntil(() => events.syncs.length === 2, 'sync ended', { timeout: 8000 });
    expect(events.syncs[1]).to.deep.equal({ status: 'complete', hasNewData: true });
    expect(events.accounts).to.deep.equal([accountId, accountId]);
    expect(count('POST', POST_SYNC), 'presses while running start nothing').to.equal(1);
    expect(count('GET', JOB), 'the sandbox job finishes on the third poll').to.equal(3);
    await button.updateComplete;
    expect(text(button, 'status')).to.equal('Updated with new data.');
    expect(inner.getAttribute('aria-disabled')).to.equal('false');

    await waitUntil(() => paths.every((p, i) => count('GET', p) === before[i] + 1), 'every resource re-fetched', { timeout: 8000 });
    await waitUntil(() => views.every((v) => v.resource.status === 'loaded'), 'all reloaded', { timeout: 8000 });
    await sleep(100);
    expect(paths.map((p) => count('GET', p)), 'once each, not once per element').to.deep.equal([2, 2, 2]);
    expect(count('GET', /\/transactions/), 'the income bars come with the records').to.equal(0);
    expect(events.errors).to.deep.equal([]);
  });

  it('explains the 5-minute window instead of starting a second refresh', async () => {
    const accountId = uid('sync');
    const { client, count } = recordingClient();
    const { button, inner } = await mountButton(client, accountId);
    const events = record(button);
    inner.click();
    await waitUntil(() => events.syncs.length === 2, 'first sync', { timeout: 8000 });
    inner.click();
    await button.updateComplete;
    expect(count('POST', POST_SYNC)).to.equal(1);
    expect(events.syncs).to.have.length(2);
    expect(text(button, 'status')).to.match(/once every 5 minutes\. Try again at .+\./);
    // Another button for the same account knows it too.
    const second = await mountButton(client, accountId);
    second.inner.click();
    await second.button.updateComplete;
    expect(text(second.button, 'status')).to.contain('Try again at');
    expect(count('POST', POST_SYNC)).to.equal(1);
  });

  it('says a window that is not whole minutes as it is, and a time at which a refresh is allowed', async () => {
    const { client } = recordingClient();
    const { button, inner } = await mountButton(client, uid('sync'), 'cooldown="90"');
    const events = record(button);
    const started = Date.now();
    inner.click();
    await waitUntil(() => events.syncs.length === 2, 'first sync', { timeout: 8000 });
    const finished = Date.now();
    inner.click();
    await button.updateComplete;
    // The minute shown is one at which the 90 s are over (10:05:40 said "10:05", already past at 10:05:20).
    const minuteAfter = (ms: number) => new Intl.DateTimeFormat('en-NG', { timeStyle: 'short' }).format(Math.ceil((ms + 90_000) / 60_000) * 60_000);
    const allowed = [minuteAfter(started), minuteAfter(finished)].map((t) => `once every 90 seconds. Try again at ${t}.`);
    const said = text(button, 'status');
    expect(allowed.some((tail) => said.endsWith(tail)), said).to.equal(true);
  });

  it('completes without re-fetching when the bank had no new data', async () => {
    const override: Override = (call) =>
      call.method === 'POST' && POST_SYNC.test(call.path) ? { status: 'successful', data: { status: 'successful', has_new_data: false } } : undefined;
    const accountId = uid('sync');
    const { client } = recordingClient({ override });
    const { root, button, inner } = await mountButton(client, accountId);
    let invalidated = 0;
    client.onInvalidate(() => invalidated++);
    const done = oneEvent(button, 'mono-sync');
    inner.click();
    expect((await done).detail.status).to.equal('started');
    const complete = await oneEvent(button, 'mono-sync');
    expect(complete.detail).to.deep.include({ status: 'complete', hasNewData: false });
    await button.updateComplete;
    expect(text(button, 'status')).to.equal('Up to date: the bank had no new data.');
    expect(invalidated).to.equal(0);
    root.locale = 'fr';
    await waitUntil(() => text(button, 'status') === fr.syncNoNewData, 'said again in French');
  });

  it('reports a job that failed at the bank', async () => {
    const override: Override = (call) => (JOB.test(call.path) ? { status: 'successful', data: { id: 'job_1', status: 'failed' } } : undefined);
    const { client } = recordingClient({ override });
    const { root, button, inner } = await mountButton(client, uid('sync'));
    const events = record(button);
    inner.click();
    await waitUntil(() => events.syncs.length === 2, 'ended', { timeout: 8000 });
    expect(events.syncs[1]).to.deep.equal({ status: 'failed' });
    expect(events.errors, 'the bank said no: nothing went wrong on the way').to.deep.equal([]);
    await button.updateComplete;
    expect(text(button, 'alert')).to.equal('The refresh failed at the bank. Try again later.');
    await expect(button).to.be.accessible();
    root.locale = 'fr';
    await waitUntil(() => text(button, 'alert') === fr.syncFailed, 'said again in French');
  });

  // reauth…: the sync itself answers reauthorisation_required; reauthjob…: its job ends so (Mono's webhook, joined by the host).
  for (const [prefix, jobPolls] of [['reauth', 'none'], ['reauthjob', 'some']] as const) {
    it(`${prefix}: reauthorisation fires mono-reauth-required and hands off to the connect button (job polled: ${jobPolls})`, async () => {
      const accountId = uid(prefix);
      const { client, count } = recordingClient();
      const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale="en-NG">
        <mono-sync-button reauth-target="reconnect" poll-interval="20"></mono-sync-button>
        <connect-stub id="reconnect"></connect-stub>
      </mono-provider>`);
      const button = root.querySelector<MonoSyncButton>('mono-sync-button')!;
      const stub = root.querySelector<ConnectStub>('connect-stub')!;
      const events = record(root);
      const reauth = oneEvent(root, 'mono-reauth-required');
      button.shadowRoot!.querySelector('button')!.click();
      expect((await reauth).detail).to.deep.equal({ accountId });
      expect(events.syncs).to.deep.equal([{ status: 'started' }, { status: 'failed' }]);
      expect(events.errors).to.deep.equal(['reauth-required']);
      expect(stub.getAttribute('account-id')).to.equal(accountId);
      expect(stub.hasAttribute('reauth')).to.equal(true);
      expect(stub.opened).to.equal(1);
      expect(count('GET', JOB) > 0).to.equal(jobPolls === 'some');
      await button.updateComplete;
      expect(text(button, 'alert')).to.contain('sign in again');
      await expect(button).to.be.accessible();
    });
  }

  it('opens a real <mono-connect-button> in reauth mode (the `connect` spelling)', async () => {
    await import('../../../src/elements/connect-button/define.js');
    const accountId = uid('reauth');
    const { client } = recordingClient();
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale="en-NG">
      <mono-sync-button connect="cb"></mono-sync-button>
      <mono-connect-button id="cb" widget-origins="self" no-preinitiate></mono-connect-button>
    </mono-provider>`);
    const connect = root.querySelector('mono-connect-button')!;
    const opened = oneEvent(connect, 'mono-open');
    root.querySelector<MonoSyncButton>('mono-sync-button')!.shadowRoot!.querySelector('button')!.click();
    expect((await opened).detail.mode).to.equal('modal');
    expect(connect.getAttribute('account-id')).to.equal(accountId);
    expect(connect.hasAttribute('reauth')).to.equal(true);
    root.remove();
  });

  it('never repeats the POST on its own after an error; a new press tries again', async () => {
    const key = uid('k');
    const { client, count } = recordingClient({
      fault: (call) => (call.method === 'POST' ? { 'x-sandbox-fault': '503', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key } : undefined),
    });
    const { button, inner } = await mountButton(client, uid('sync'));
    const events = record(button);
    inner.click();
    await waitUntil(() => events.syncs.length === 2, 'failed', { timeout: 8000 });
    expect(events.syncs[1]).to.deep.equal({ status: 'failed' });
    expect(events.errors).to.deep.equal(['http']);
    await sleep(100);
    expect(count('POST', POST_SYNC)).to.equal(1);
    await button.updateComplete;
    expect(text(button, 'alert')).to.contain('503');
    await expect(button).to.be.accessible();
    inner.click();
    await waitUntil(() => events.syncs.length === 4, 'second press', { timeout: 8000 });
    expect(events.syncs[3]).to.deep.equal({ status: 'complete', hasNewData: true });
    expect(count('POST', POST_SYNC)).to.equal(2);
  });

  it('follows its job through checks that fail on the way (a phone in a tunnel), with no second refresh', async () => {
    let failing = 3;
    const { client, count } = recordingClient({
      retries: 0,
      fault: (call) => (JOB.test(call.path) && failing-- > 0 ? { 'x-sandbox-fault': '503' } : undefined),
    });
    const { button, inner } = await mountButton(client, uid('sync'), 'poll-timeout="10000"');
    const events = record(button);
    inner.click();
    await waitUntil(() => events.syncs.length === 2, 'finished', { timeout: 8000 });
    expect(events.syncs[1]).to.deep.equal({ status: 'complete', hasNewData: true });
    expect(events.errors).to.deep.equal([]);
    expect(count('GET', JOB)).to.be.greaterThan(3);
    expect(count('POST', POST_SYNC)).to.equal(1);
  });

  it('gives up following a slow job after its limit; the next press checks the same job', async () => {
    let stuck = true;
    const override: Override = (call) => (stuck && JOB.test(call.path) ? { status: 'successful', data: { id: 'j', status: 'processing' } } : undefined);
    const { client, count } = recordingClient({ override });
    const { button, inner } = await mountButton(client, uid('sync'), 'poll-timeout="250"');
    const events = record(button);
    inner.click();
    await waitUntil(() => events.syncs.length === 2, 'timed out', { timeout: 8000 });
    expect(events.syncs[1]).to.deep.equal({ status: 'failed' });
    expect(events.errors).to.deep.equal(['timeout']);
    await button.updateComplete;
    expect(text(button, 'alert')).to.contain('still working');
    stuck = false;
    // The sandbox's job takes a few polls to finish: with the 250 ms limit, a slow engine under CI load gave up again.
    button.pollTimeout = 10_000;
    inner.click();
    await waitUntil(() => events.syncs.length === 3, 'resumed', { timeout: 8000 });
    expect(events.syncs[2]).to.deep.equal({ status: 'complete', hasNewData: true });
    expect(count('POST', POST_SYNC), 'the same job, no second refresh').to.equal(1);
  });

  it('goes on when moved in the page: a move is not a removal', async () => {
    const { client, count } = recordingClient();
    const { root, button, inner } = await mountButton(client, uid('sync'), 'cooldown="0"');
    const events = record(button);
    inner.click();
    const box = document.createElement('div');
    root.append(box);
    box.append(button); // while the POST is on its way
    await waitUntil(() => events.syncs.length === 2, 'finished', { timeout: 8000 });
    expect(events.syncs[1].status).to.equal('complete');
    expect(events.errors, 'no cancelled request reported').to.deep.equal([]);
    expect(count('POST', POST_SYNC)).to.equal(1);
  });

  it('removed while its POST is on its way, keeps what the POST started: no alert, and the next press follows that job', async () => {
    const { client, count } = recordingClient({ fault: (call) => (POST_SYNC.test(call.path) ? { 'x-sandbox-latency': '300' } : undefined) });
    const { root, button, inner } = await mountButton(client, uid('sync'), 'cooldown="0"');
    const events = record(button);
    inner.click();
    await sleep(50);
    button.remove();
    await sleep(50);
    root.append(button);
    await waitUntil(() => count('POST', POST_SYNC) === 1 && !button.running, 'the POST answered, nothing followed', { timeout: 8000 });
    await sleep(100);
    expect(events.errors, 'a cancel nobody asked for is not an error').to.deep.equal([]);
    expect(count('GET', JOB), 'a removed button stops following').to.equal(0);
    expect(text(button, 'alert')).to.equal('');
    inner.click();
    await waitUntil(() => events.syncs.length === 2, 'followed', { timeout: 8000 });
    expect(events.syncs[1]).to.deep.equal({ status: 'complete', hasNewData: true });
    expect(count('POST', POST_SYNC), 'the refresh already started at the bank, not a second one').to.equal(1);
  });

  it('removed for good while its POST is on its way, fires nothing more and hands off to no connect button', async () => {
    const { client, count } = recordingClient({ fault: (call) => (POST_SYNC.test(call.path) ? { 'x-sandbox-latency': '300' } : undefined) });
    const page = await fixture<HTMLDivElement>(html`<div>
      <connect-stub id="reconnect-gone"></connect-stub>
      <mono-provider .client=${client} account-id=${uid('reauth')} locale="en-NG">
        <section><mono-sync-button reauth-target="reconnect-gone" poll-interval="20"></mono-sync-button></section>
      </mono-provider>
    </div>`);
    const stub = page.querySelector<ConnectStub>('connect-stub')!;
    const button = page.querySelector<MonoSyncButton>('mono-sync-button')!;
    await button.updateComplete;
    const events = record(page);
    button.shadowRoot!.querySelector('button')!.click();
    await sleep(50);
    page.querySelector('section')!.remove(); // the user left the view
    await waitUntil(() => count('POST', POST_SYNC) === 1, 'sent', { timeout: 8000 });
    await sleep(600);
    expect(events.syncs, 'only the press was said').to.deep.equal([{ status: 'started' }]);
    expect([events.errors, events.reauth, stub.opened]).to.deep.equal([[], [], 0]);
  });

  it('removed during its POST, still reloads the page on new data, and leaves its job to the next button pressed', async () => {
    let answer: 'successful' | 'processing' = 'successful';
    const { client, count } = recordingClient({
      fault: (call) => (POST_SYNC.test(call.path) ? { 'x-sandbox-latency': '300' } : undefined),
      rewrite: (call) => (POST_SYNC.test(call.path) && answer === 'successful' ? { status: 'successful', data: { status: 'successful', has_new_data: true } } : undefined),
    });
    const accountId = uid('sync');
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale="en-NG">
      <mono-account></mono-account><section><mono-sync-button cooldown="0" poll-interval="20"></mono-sync-button></section>
    </mono-provider>`);
    const account = root.querySelector<MonoAccount>('mono-account')!;
    await waitUntil(() => account.resource.status === 'loaded', 'account loaded', { timeout: 8000 });
    const reads = () => count('GET', new RegExp(`/accounts/${accountId}$`));
    const press = async (button: MonoSyncButton) => {
      await button.updateComplete;
      button.shadowRoot!.querySelector('button')!.click();
      await sleep(50);
      button.closest('section')!.remove();
    };
    await press(root.querySelector<MonoSyncButton>('mono-sync-button')!);
    await waitUntil(() => reads() === 2, 'the account read again after the refresh', { timeout: 8000 });

    answer = 'processing';
    root.insertAdjacentHTML('beforeend', '<section><mono-sync-button cooldown="0" poll-interval="20"></mono-sync-button></section>');
    await press(root.querySelector<MonoSyncButton>('section mono-sync-button')!);
    await waitUntil(() => count('POST', POST_SYNC) === 2, 'second refresh sent', { timeout: 8000 });
    await sleep(500);
    root.insertAdjacentHTML('beforeend', '<mono-sync-button cooldown="0" poll-interval="20"></mono-sync-button>');
    const next = root.querySelector<MonoSyncButton>(':scope > mono-sync-button')!;
    await next.updateComplete;
    const events = record(next);
    next.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => events.syncs.some((e) => e.status === 'complete'), 'the job followed to its end', { timeout: 8000 });
    expect(count('POST', POST_SYNC), 'the job the removed button started, not a third refresh').to.equal(2);
  });

  it('reloads the account through the provider\'s new client when the host changed its headers during the refresh', async () => {
    const accountId = uid('sync');
    const reads: string[] = [];
    let jobChecks = 0;
    const recording: typeof fetch = (input, init) => {
      const path = new URL(String(input), location.href).pathname;
      if (JOB.test(path)) jobChecks++;
      if (init?.method !== 'POST' && path === `/api/mono/accounts/${accountId}`) reads.push(new Headers(init?.headers).get('x-token') ?? '');
      return fetch(input, init);
    };
    const root = await fixture<MonoProvider>(html`<mono-provider .fetch=${recording} .headers=${{ 'x-token': 'one' }} account-id=${accountId} locale="en-NG">
      <mono-account></mono-account>
      <mono-sync-button poll-interval="150" cooldown="0"></mono-sync-button>
    </mono-provider>`);
    const account = root.querySelector<MonoAccount>('mono-account')!;
    const button = root.querySelector<MonoSyncButton>('mono-sync-button')!;
    await waitUntil(() => account.resource.status === 'loaded', 'loaded', { timeout: 8000 });
    const events = record(root);
    button.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => jobChecks > 0, 'following the job', { timeout: 8000 });
    root.headers = { 'x-token': 'two' }; // a rotated token: the provider makes a new client
    await waitUntil(() => events.syncs.length === 2, 'refresh ended', { timeout: 8000 });
    expect(events.syncs[1]).to.deep.equal({ status: 'complete', hasNewData: true });
    await waitUntil(() => reads.length === 3, 'the account read after the refresh', { timeout: 8000 });
    expect(reads).to.deep.equal(['one', 'two', 'two']);
  });

  it('gives up at poll-timeout while a job check hangs: the check is cancelled at the limit, not after its own retries', async () => {
    const { button, inner } = await mountButton(hangingClient(JOB), uid('sync'), 'poll-timeout="300"');
    const events = record(button);
    inner.click();
    // Each try of the hanging check would last the client's 20 s otherwise.
    await waitUntil(() => events.syncs.length === 2, 'gave up at its limit', { timeout: 6000 });
    expect(events.syncs[1]).to.deep.equal({ status: 'failed' });
    expect(events.errors).to.deep.equal(['timeout']);
  });

  it('shows the refresh of the account on screen: another account can refresh while the first goes on out of sight', async () => {
    let release = false;
    const [a, b] = [uid('a'), uid('b')];
    // The first account's job keeps processing until released; the second's finishes at once.
    const override: Override = (call) => (!release && JOB.test(call.path) && call.path.includes(a) ? { status: 'successful', data: { id: 'j', status: 'processing' } } : undefined);
    const { client, count } = recordingClient({ override });
    const { root, button, inner } = await mountButton(client, a, 'cooldown="0"');
    const events = record(button);
    inner.click();
    await waitUntil(() => text(button, 'status').startsWith('Waiting for the bank'), 'A polling');

    root.accountId = b;
    await waitUntil(() => !button.running, 'B is not running');
    expect(inner.getAttribute('aria-disabled')).to.equal('false');
    expect(text(button, 'status')).to.equal('');
    inner.click();
    await waitUntil(() => events.syncs.length === 2 && events.accounts[1] === b, 'B started');
    await waitUntil(() => events.syncs.length === 3, 'B complete', { timeout: 8000 });
    expect(events.accounts).to.deep.equal([a, b, b]);
    expect(events.syncs[2]).to.deep.equal({ status: 'complete', hasNewData: true });
    expect(count('POST', new RegExp(`/accounts/${b}/sync$`))).to.equal(1);

    // Back on A, the lines show A's refresh, still running; it ends and says so.
    root.accountId = a;
    await waitUntil(() => button.running && text(button, 'status').startsWith('Waiting for the bank'), 'A shown again');
    inner.click(); // a press while it runs starts nothing
    release = true;
    await waitUntil(() => events.syncs.length === 4, 'A complete', { timeout: 8000 });
    expect(events.accounts[3]).to.equal(a);
    expect(events.syncs[3]).to.deep.equal({ status: 'complete', hasNewData: true });
    await button.updateComplete;
    expect(text(button, 'status')).to.equal('Updated with new data.');
    expect(count('POST', new RegExp(`/accounts/${a}/sync$`)), 'one refresh of A').to.equal(1);
    await expect(button).to.be.accessible();
  });

  it('is accessible while running and says why it cannot run without an account', async () => {
    const { client, count } = recordingClient();
    const { button, inner } = await mountButton(client, uid('sync'), 'poll-interval="400"');
    inner.click();
    await waitUntil(() => text(button, 'status').startsWith('Waiting for the bank'), 'polling');
    expect(button.shadowRoot!.querySelector('.spinner')).to.exist;
    await expect(button).to.be.accessible();
    button.remove();

    const idle = await mountButton(client, undefined);
    expect(idle.inner.getAttribute('aria-disabled')).to.equal('true');
    idle.inner.click();
    await idle.button.updateComplete;
    expect(text(idle.button, 'status')).to.equal('No account selected.');
    expect(count('POST', POST_SYNC)).to.equal(1);
    await expect(idle.button).to.be.accessible();
  });
});
