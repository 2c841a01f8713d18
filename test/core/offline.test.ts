// A load that failed because the browser is offline says so, and loads again by itself when the browser is back
// online (GETs only: a sync or a PDF statement is never sent again on its own). The browser's offline state is
// stood in for by `navigator.onLine` and the `online` event, which is what the kit reads; hardening-faults.e2e.ts
// takes Chromium really offline.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { MonoClient } from '../../src/client/index.js';
import { registerMessages } from '../../src/i18n/index.js';
import { fr } from '../../src/i18n/locales/fr.js';
import type { MonoProvider } from '../../src/elements/provider/mono-provider.js';
import { until } from '../elements/account/helpers.js';

const OFFLINE_EN = 'You are offline. This will load again when you are back online.';

describe('offline', () => {
  let down = false;
  let failWith: () => Promise<Response> = () => Promise.reject(new TypeError('Failed to fetch'));
  const sent: string[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    sent.push(String(input));
    return down ? failWith() : fetch(input, init);
  };
  const goOffline = () => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  const goOnline = () => {
    delete (navigator as { onLine?: boolean }).onLine; // back to Navigator.prototype's getter
    dispatchEvent(new Event('online'));
  };

  beforeEach(() => {
    down = true;
    failWith = () => Promise.reject(new TypeError('Failed to fetch'));
    sent.length = 0;
  });
  afterEach(() => delete (navigator as { onLine?: boolean }).onLine);

  async function mount(tag: string, accountId: string, locale = 'en-NG') {
    const client = new MonoClient({ fetch: fetchImpl, retries: 0, timeout: 300 });
    const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale=${locale}></mono-provider>`);
    provider.innerHTML = `<${tag}></${tag}>`;
    const el = provider.firstElementChild as HTMLElement;
    await until(() => el.shadowRoot?.querySelector('[part~=error]'), 'the error box');
    return { el, provider, box: () => el.shadowRoot!.querySelector('[part~=error]') };
  }

  it('says the page is offline, then loads by itself once it is back online', async () => {
    goOffline();
    const { el, box } = await mount('mono-account', 'offline_1');
    expect(box()!.getAttribute('data-kind')).to.equal('network');
    expect(box()!.getAttribute('role')).to.equal('alert');
    expect(box()!.querySelector('p')!.textContent).to.equal(OFFLINE_EN);
    await expect(el).to.be.accessible();
    const failed = sent.length;
    down = false;
    const loaded = oneEvent(el, 'mono-load');
    goOnline();
    await loaded;
    await until(() => !box(), 'the error box gone');
    expect(sent.length - failed, 'one request, the reload').to.equal(1);
  });

  it('keeps the words of a network error while online, and still loads again when the browser says it is back', async () => {
    const { el, box } = await mount('mono-identity', 'offline_2');
    expect(box()!.querySelector('p')!.textContent).to.equal('We could not reach the server. Check your connection and try again.');
    down = false;
    const loaded = oneEvent(el, 'mono-load');
    dispatchEvent(new Event('online'));
    await loaded;
  });

  it('loads again after a time-out too, but not after an error the host answered', async () => {
    failWith = () => new Promise(() => {}); // never answers: a time-out
    const timedOut = await mount('mono-account', 'offline_3');
    expect(timedOut.box()!.getAttribute('data-kind')).to.equal('timeout');
    failWith = () => Promise.resolve(new Response('{"message":"Upstream down"}', { status: 503 }));
    const answered = await mount('mono-identity', 'offline_4');
    expect(answered.box()!.getAttribute('data-kind')).to.equal('http');
    const before = sent.length;
    down = false;
    const loaded = oneEvent(timedOut.el, 'mono-load');
    dispatchEvent(new Event('online'));
    await loaded;
    await new Promise((r) => setTimeout(r, 100));
    expect(sent.slice(before).filter((url) => url.includes('offline_4')), 'the host said no: nothing sent again').to.deep.equal([]);
    expect(answered.box(), 'its error stays, with its retry button').to.exist;
  });

  it('sends nothing for an element no longer on the page', async () => {
    goOffline();
    const { el } = await mount('mono-account', 'offline_5');
    el.remove();
    await new Promise((r) => setTimeout(r, 0));
    const before = sent.length;
    down = false;
    goOnline();
    await new Promise((r) => setTimeout(r, 100));
    expect(sent.length).to.equal(before);
  });

  it('never sends the income analysis POST again on its own, and does not promise to', async () => {
    goOffline();
    const client = new MonoClient({
      retries: 0,
      fetch: (input, init) => {
        sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
        if (init?.method === 'POST') return down ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
        return fetch(input, init);
      },
    });
    const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="fresh_offline_7" locale="en-NG"></mono-provider>`);
    provider.innerHTML = '<mono-income-summary poll-interval="20"></mono-income-summary>';
    const el = provider.firstElementChild as HTMLElement;
    const box = await until(() => el.shadowRoot?.querySelector('[part~=error]'), 'the error box');
    expect(box.textContent).to.contain('You are offline.');
    expect(box.textContent).to.not.contain('load again');
    down = false;
    goOnline();
    await new Promise((r) => setTimeout(r, 200));
    expect(sent.filter((s) => s.startsWith('POST')), 'the one POST, not sent again').to.have.length(1);
    expect(el.shadowRoot!.querySelector('[part~=error] [part~=retry-button]'), 'Try again is there for the person to press').to.exist;
  });

  it('tries again a load that fails after the browser came back online while it ran', async () => {
    goOffline();
    let release!: () => void;
    failWith = () => new Promise((_, reject) => (release = () => reject(new TypeError('Failed to fetch'))));
    const client = new MonoClient({ fetch: fetchImpl, retries: 0 });
    const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="offline_8" locale="en-NG"></mono-provider>`);
    provider.innerHTML = '<mono-account></mono-account>';
    const el = provider.firstElementChild as HTMLElement;
    await until(() => sent.length === 1, 'the first request');
    goOnline(); // while the request is still on its way
    down = false;
    const loaded = oneEvent(el, 'mono-load');
    release(); // then it fails: it went out while offline
    await loaded;
    expect(sent).to.have.length(2);
  });

  it('tries again, once back in the page, a load that failed offline while the element was away', async () => {
    goOffline();
    const { el, provider } = await mount('mono-account', 'offline_9');
    el.remove();
    down = false;
    goOnline();
    await new Promise((r) => setTimeout(r, 50));
    expect(sent.filter((url) => url.includes('offline_9'))).to.have.length(1);
    const loaded = oneEvent(el, 'mono-load');
    provider.append(el);
    await loaded;
  });

  it('says what a sync button says as the browser comes back: offline no longer, and nothing sent again', async () => {
    goOffline();
    const client = new MonoClient({ fetch: fetchImpl, retries: 0 });
    const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="offline_10" locale="en-NG"></mono-provider>`);
    provider.innerHTML = '<mono-sync-button></mono-sync-button>';
    const el = provider.firstElementChild as HTMLElement;
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const alert = () => el.shadowRoot!.querySelector('[part~=alert]')?.textContent?.trim() ?? '';
    el.shadowRoot!.querySelector('button')!.click();
    await until(() => alert() === 'You are offline.', 'offline said');
    goOnline();
    await until(() => alert() === 'We could not reach the server. Check your connection and try again.', 'the words follow the connection');
    expect(sent, 'the POST is not sent again').to.have.length(1);
  });

  it('checks a running job again as soon as the browser is back, not after its pause', async () => {
    let jobChecks = 0;
    const client = new MonoClient({
      retries: 0,
      fetch: async (input, init) => {
        if (!/\/jobs\//.test(String(input))) return fetch(input, init);
        jobChecks++;
        if (down) throw new TypeError('Failed to fetch');
        return new Response(JSON.stringify({ status: 'successful', data: { id: 'j', status: 'finished' } }), { headers: { 'content-type': 'application/json' } });
      },
    });
    const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="offline_11" locale="en-NG"></mono-provider>`);
    // After a failed check the poll pauses at least a second, past this 1.1 s limit: only the online event can finish it.
    provider.innerHTML = '<mono-sync-button poll-interval="200" poll-timeout="1100"></mono-sync-button>';
    const el = provider.firstElementChild as HTMLElement;
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const synced = new Promise<string>((resolve) => el.addEventListener('mono-sync', (e) => (e as CustomEvent).detail.status !== 'started' && resolve((e as CustomEvent).detail.status)));
    el.shadowRoot!.querySelector('button')!.click();
    await until(() => jobChecks === 1, 'the first check, failed');
    down = false;
    dispatchEvent(new Event('online'));
    expect(await synced).to.equal('complete');
    expect(jobChecks).to.equal(2);
  });

  it('says it in the locale: French', async () => {
    registerMessages('fr', fr);
    goOffline();
    const { box, el } = await mount('mono-transactions', 'offline_6', 'fr');
    expect(box()!.textContent).to.contain('Vous êtes hors ligne. Le contenu se chargera de nouveau dès le retour de la connexion.');
    expect(el.shadowRoot!.querySelector('[part~=error] [part~=retry-button]'), 'the button is still there').to.exist;
  });
});
