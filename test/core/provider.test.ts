import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../fixtures/wait.js';
import { html as litHtml } from 'lit';
import { getAccount, MonoClient } from '../../src/client/index.js';
import { MonoDataElement } from '../../src/core/mono-element.js';
import { ResourceController } from '../../src/core/resource-controller.js';
import { stateStyles, tokens } from '../../src/core/tokens.js';
import '../../src/elements/provider/define.js';
import { MonoProvider } from '../../src/elements/provider/mono-provider.js';
import type { Account } from '../../src/model/index.js';

/** A minimal data element built the way every real one is: a ResourceController on the base class. */
class ProbeAccount extends MonoDataElement {
  static override styles = [tokens, stateStyles];
  resource = new ResourceController<Account>(this, {
    resource: 'account',
    load: (client, id, _args, request) => getAccount(client, id, request),
  });
  override render() {
    return this.resource.render({ loaded: (a) => litHtml`<p class="name">${a.id}:${a.name}</p>` });
  }
}
ProbeAccount.define('probe-account');

const shown = (el: ProbeAccount) => el.shadowRoot!.querySelector('.name')?.textContent ?? '';

describe('<mono-provider> and the resource controller', () => {
  it('shares endpoint, account id and one client with descendants', async () => {
    const root = await fixture<MonoProvider>(html`<mono-provider account-id="prov_1"><probe-account></probe-account><probe-account></probe-account></mono-provider>`);
    const [a, b] = root.querySelectorAll<ProbeAccount>('probe-account');
    await waitUntil(() => shown(a) && shown(b));
    expect(shown(a)).to.match(/^prov_1:/);
    expect(a.client).to.equal(b.client);
    expect(a.client).to.equal(root.sharedClient);
  });

  it("takes no room of its own: its children lay out as the page's grid says", async () => {
    const grid = await fixture<HTMLElement>(html`<div style="display: grid; grid-template-columns: 200px 200px; width: 400px">
      <mono-provider><span>one</span><span>two</span></mono-provider>
    </div>`);
    await (grid.querySelector('mono-provider') as MonoProvider).updateComplete;
    const [one, two] = grid.querySelectorAll('span');
    expect(two.getBoundingClientRect().left - one.getBoundingClientRect().left).to.equal(200);
  });

  it('lets an element’s own attributes win over the provider', async () => {
    const root = await fixture<MonoProvider>(html`<mono-provider account-id="prov_1"><probe-account account-id="own_1"></probe-account></mono-provider>`);
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    await waitUntil(() => shown(el));
    expect(shown(el)).to.match(/^own_1:/);
  });

  it('emits mono-load with the normalised data', async () => {
    const el = document.createElement('probe-account') as ProbeAccount;
    el.accountId = 'load_event_1';
    setTimeout(() => document.body.append(el));
    const event = await oneEvent(el, 'mono-load');
    expect(event.detail.resource).to.equal('account');
    expect((event.detail.data as Account).id).to.equal('load_event_1');
    expect(event.bubbles && event.composed).to.equal(true);
    el.remove();
  });

  it('shows idle without an account, then loads when one is set', async () => {
    const el = await fixture<ProbeAccount>(html`<probe-account></probe-account>`);
    expect(el.resource.status).to.equal('idle');
    expect(el.shadowRoot!.querySelector('[part=idle]')).to.exist;
    el.accountId = 'late_1';
    await waitUntil(() => shown(el));
    expect(shown(el)).to.match(/^late_1:/);
  });

  it('never lets an older, slower answer overwrite a newer account', async () => {
    let slowFirst = true;
    const client = new MonoClient({
      fetch: async (input, init) => {
        const headers = new Headers(init?.headers);
        if (slowFirst) headers.set('x-sandbox-latency', '400');
        slowFirst = false;
        return fetch(input, { ...init, headers });
      },
    });
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="race_old"><probe-account></probe-account></mono-provider>`);
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    await el.updateComplete;
    root.accountId = 'race_new';
    await waitUntil(() => shown(el));
    expect(shown(el)).to.match(/^race_new:/);
    await new Promise((r) => setTimeout(r, 500));
    expect(shown(el)).to.match(/^race_new:/);
  });

  it('settles once the newest load does, and at once when the account goes away mid-load', async () => {
    const client = new MonoClient({
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('x-sandbox-latency', '300');
        return fetch(input, { ...init, headers });
      },
    });
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="settle_1"><probe-account></probe-account></mono-provider>`);
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    await el.updateComplete;
    expect(el.resource.status).to.equal('loading');
    const first = el.resource.settled;
    root.accountId = 'settle_2';
    await root.updateComplete;
    await el.updateComplete;
    await first;
    await el.updateComplete;
    expect(shown(el), 'the older load’s promise waited for the newer one').to.match(/^settle_2:/);

    root.accountId = 'settle_3';
    await root.updateComplete;
    await el.updateComplete;
    const pending = el.resource.settled;
    root.accountId = undefined;
    await root.updateComplete;
    await el.updateComplete;
    const outcome = await Promise.race([pending.then(() => 'settled'), new Promise((r) => setTimeout(() => r('still waiting'), 150))]);
    expect(outcome).to.equal('settled');
    expect(el.resource.status).to.equal('idle');
  });

  it('a removed element does not reload when the client is invalidated, even after a property change', async () => {
    let requests = 0;
    const client = new MonoClient({
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="gone_1"><probe-account></probe-account></mono-provider>`);
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    await waitUntil(() => shown(el));
    el.remove();
    el.accountId = 'gone_2';
    await el.updateComplete;
    const before = requests;
    client.invalidate();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(requests - before).to.equal(0);
  });

  it('a removed element stops its load; one moved in the page keeps it; one put back loads again', async () => {
    const signals: AbortSignal[] = [];
    const client = new MonoClient({
      fetch: (input, init) => {
        signals.push(init!.signal!);
        const headers = new Headers(init?.headers);
        headers.set('x-sandbox-latency', '400');
        return fetch(input, { ...init, headers });
      },
    });
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="leaving_1"><probe-account></probe-account></mono-provider>`);
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    const other = document.createElement('div');
    root.append(other);
    await waitUntil(() => signals.length === 1);
    other.append(el);
    await new Promise((r) => setTimeout(r, 20));
    expect(signals[0].aborted, 'moved').to.equal(false);
    await waitUntil(() => shown(el), 'the moved element loads', { timeout: 3000 });

    el.accountId = 'leaving_2';
    await waitUntil(() => signals.length === 2);
    el.remove();
    await waitUntil(() => signals[1].aborted, 'the removed element’s request is cancelled', { timeout: 1000 });
    let errors = 0;
    el.addEventListener('mono-error', () => errors++);
    other.append(el);
    await waitUntil(() => shown(el), 'loads again when put back', { timeout: 3000 });
    expect([shown(el).startsWith('leaving_2:'), signals.length, errors]).to.deep.equal([true, 3, 0]);
  });

  it('shows an error with a working retry, and emits mono-error', async () => {
    let fail = true;
    const client = new MonoClient({
      retries: 0,
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        if (fail) headers.set('x-sandbox-fault', '500');
        return fetch(input, { ...init, headers });
      },
    });
    const root = document.createElement('mono-provider') as MonoProvider;
    root.client = client;
    root.accountId = 'retry_ui_1';
    root.innerHTML = '<probe-account></probe-account>';
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    setTimeout(() => document.body.append(root));
    const event = await oneEvent(el, 'mono-error');
    expect(event.detail.error.kind).to.equal('http');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('500');
    await expect(el).to.be.accessible();
    fail = false;
    alert.querySelector('button')!.click();
    await waitUntil(() => shown(el));
    expect(shown(el)).to.match(/^retry_ui_1:/);
    root.remove();
  });

  it('takes headers the browser refuses without breaking, and its elements say the setting is wrong', async () => {
    const root = document.createElement('mono-provider') as MonoProvider;
    root.headers = { 'bad header': 'x' };
    root.accountId = 'bad_headers_1';
    root.innerHTML = '<probe-account></probe-account>';
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    setTimeout(() => document.body.append(root));
    const event = await oneEvent(el, 'mono-error');
    expect(event.detail.error.kind).to.equal('config');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('This element is not set up correctly. The headers option failed:');
    root.headers = { 'x-good': '1' };
    await waitUntil(() => shown(el));
    expect(shown(el)).to.match(/^bad_headers_1:/);
    root.remove();
  });

  it('reloads every element of an account when the client is invalidated (sync)', async () => {
    let requests = 0;
    const client = new MonoClient({ fetch: (i, init) => (requests++, fetch(i, init)) });
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="inv_1"><probe-account></probe-account></mono-provider>`);
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    await waitUntil(() => shown(el));
    expect(requests).to.equal(1);
    client.invalidate('inv_1');
    await waitUntil(() => requests === 2);
    client.invalidate('someone_else');
    await new Promise((r) => setTimeout(r, 50));
    expect(requests).to.equal(2);
  });

  it('an element off the page during a sync of its account reloads it when it comes back (a router keep-alive); others do not', async () => {
    let requests = 0;
    const client = new MonoClient({ fetch: (i, init) => (requests++, fetch(i, init)) });
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="away_1"><probe-account></probe-account></mono-provider>`);
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    await waitUntil(() => shown(el));
    const cache = document.createElement('div'); // off the document, as a framework keeps a page it may show again
    cache.append(el);
    client.invalidate('someone_else');
    root.append(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(requests, 'another account was synced: nothing to reload').to.equal(1);
    for (const sync of [() => client.invalidate('away_1'), () => client.invalidate()]) {
      cache.append(el);
      const before = requests;
      sync();
      await new Promise((r) => setTimeout(r, 20));
      expect(requests, 'nothing while it is away').to.equal(before);
      root.append(el);
      await waitUntil(() => requests === before + 1, 'reloaded on its return');
    }
  });

  it('finds a provider that is defined after its children upgraded', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<late-provider account-id="late_prov_1"><probe-account></probe-account></late-provider>';
    document.body.append(root);
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    await el.updateComplete;
    expect(el.resource.status).to.equal('idle');
    customElements.define('late-provider', class extends MonoProvider {});
    await waitUntil(() => shown(el));
    expect(shown(el)).to.match(/^late_prov_1:/);
    root.remove();
  });

  it('keeps its client and cache when a render hands it new functions of the same meaning; new headers content rebuilds it', async () => {
    const seen: Array<{ url: string; token: string | null }> = [];
    const counting = (): typeof fetch => (input, init) => {
      seen.push({ url: String(input), token: new Headers(init?.headers).get('x-csrf-token') });
      return fetch(input, init);
    };
    const root = await fixture<MonoProvider>(html`<mono-provider account-id="stable_1" .fetch=${counting()} .headers=${() => ({ 'x-csrf-token': 't1' })}>
      <probe-account></probe-account>
    </mono-provider>`);
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    await waitUntil(() => shown(el));
    const client = root.sharedClient;
    expect(seen.map((r) => r.token)).to.deep.equal(['t1']);
    // What a React parent's re-render does: fresh arrows each time.
    for (let i = 2; i <= 4; i++) {
      root.fetch = counting();
      root.headers = () => ({ 'x-csrf-token': `t${i}` });
      await root.updateComplete;
      await el.updateComplete;
    }
    expect(root.sharedClient).to.equal(client);
    expect(seen, 'no reload').to.have.length(1);
    // The newest functions are the ones used.
    client!.invalidate('stable_1');
    await waitUntil(() => seen.length === 2);
    expect(seen[1].token).to.equal('t4');

    root.headers = { 'x-csrf-token': 'a' };
    await root.updateComplete;
    const objectClient = root.sharedClient;
    root.headers = { 'x-csrf-token': 'a' };
    await root.updateComplete;
    expect(root.sharedClient, 'same content, same client').to.equal(objectClient);
    root.headers = { 'x-csrf-token': 'b' };
    await root.updateComplete;
    expect(root.sharedClient, 'other headers: another client, nothing cached under the old ones').not.to.equal(objectClient);
    await waitUntil(() => seen.some((r) => r.token === 'b'));
  });

  it('is accessible when loaded', async () => {
    const root = await fixture<MonoProvider>(html`<mono-provider account-id="a11y_1"><probe-account></probe-account></mono-provider>`);
    const el = root.querySelector<ProbeAccount>('probe-account')!;
    await waitUntil(() => shown(el));
    await expect(root).to.be.accessible();
  });

  it('defines each tag once and tolerates a second registration', () => {
    expect(() => ProbeAccount.define('probe-account')).to.not.throw();
    ProbeAccount.define('probe-account-alias');
    expect(customElements.get('probe-account-alias')).to.exist;
  });
});
