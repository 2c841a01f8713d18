import { expect } from '@open-wc/testing';
import { waitUntil } from '../fixtures/wait.js';
import { ConnectClient, MonoDataClient, MonoError, sharedClient, sharedCoreClient } from '../../src/client/index.js';
import { checkMessage, type GateExpectations, type MessageLike } from '../../src/connect/gate.js';
import { LinkPrefetch, linkKey } from '../../src/connect/prefetch.js';
import { classicWidgetUrl } from '../../src/connect/classic.js';
import { checkWidgetUrl, parseWidgetMessage, publicData } from '../../src/connect/messages.js';
import { MONO_WIDGET_ORIGINS, newReference, parseWidgetOrigins } from '../../src/connect/protocol.js';
import { forgetConnect, rememberConnect } from '../../src/connect/redirect.js';
import { canRememberConnect, mayBeRedirectReturn } from '../../src/connect/redirect-check.js';
import { claimRedirect, findConnect, handOffRedirect, readRedirectResult, REDIRECT_MESSAGE_TYPE, stripRedirectParams } from '../../src/connect/redirect-return.js';
import { lockPageScroll } from '../../src/connect/scroll-lock.js';
import { ConnectSession } from '../../src/connect/session.js';
import type { WidgetSurface } from '../../src/connect/surface.js';

describe('connect: Mono message protocol', () => {
  it('translates every raw type to the event name connect.js gives it', () => {
    const cases: Array<[string, string]> = [
      ['mono.connect.widget_opened', 'OPENED'],
      ['mono.connect.widget_loaded', 'LOADED'],
      ['mono.connect.error_occured', 'ERROR'],
      ['mono.connect.institution_selected', 'INSTITUTION_SELECTED'],
      ['mono.connect.auth_method_switched', 'AUTH_METHOD_SWITCHED'],
      ['mono.connect.on_exit', 'EXIT'],
      ['mono.connect.login_attempt', 'SUBMIT_CREDENTIALS'],
      ['mono.connect.mfa_submitted', 'SUBMIT_MFA'],
      ['mono.connect.account_linked', 'ACCOUNT_LINKED'],
      ['mono.connect.account_selected', 'ACCOUNT_SELECTED'],
    ];
    for (const [raw, name] of cases) {
      const message = parseWidgetMessage({ type: raw, data: { reference: 'r1', timestamp: 1 } });
      expect(message, raw).to.deep.equal({ kind: 'event', type: name, data: { reference: 'r1', timestamp: 1 }, reference: 'r1' });
    }
  });

  it('reads success (with its code), close, JSON strings from native bridges, and ignores the rest', () => {
    expect(parseWidgetMessage({ type: 'mono.connect.widget.account_linked', data: { code: 'code_au5w62egpzggouybo83i5spg' } })).to.deep.include({
      kind: 'success',
      code: 'code_au5w62egpzggouybo83i5spg',
    });
    expect(parseWidgetMessage({ type: 'mono.connect.widget.account_linked', data: { code: '<img src=x>' } })).to.deep.include({ kind: 'success', code: null });
    expect(parseWidgetMessage({ type: 'mono.connect.widget.closed', data: {} })?.kind).to.equal('closed');
    expect(parseWidgetMessage({ type: 'mono.modal.closed' })?.kind).to.equal('closed');
    expect(parseWidgetMessage(JSON.stringify({ type: 'mono.connect.on_exit', data: { pageName: 'MFA' } }))).to.deep.include({ kind: 'event', type: 'EXIT' });
    for (const junk of [null, 42, 'not json', '{"type":1}', { type: 'webpackOk' }, { data: {} }, ['mono.connect.widget.closed']]) {
      expect(parseWidgetMessage(junk), JSON.stringify(junk)).to.equal(null);
    }
  });

  it('keeps the code out of what hosts see in mono-widget-event', () => {
    expect(publicData({ code: 'code_secret', reference: 'r', timestamp: 3 })).to.deep.equal({ reference: 'r', timestamp: 3 });
  });

  it('parses widget-origins: default Mono, self, several, junk dropped', () => {
    const page = 'http://localhost:8000';
    expect(parseWidgetOrigins(undefined, page)).to.deep.equal([...MONO_WIDGET_ORIGINS]);
    expect(parseWidgetOrigins('  ', page)).to.deep.equal([...MONO_WIDGET_ORIGINS]);
    expect(parseWidgetOrigins('self', page)).to.deep.equal([page]);
    expect(parseWidgetOrigins('https://connect.mono.co/ self javascript:alert(1) nonsense https://x.example/path', page)).to.deep.equal([
      'https://connect.mono.co',
      page,
      'https://x.example',
    ]);
  });

  it('makes unguessable, distinct references', () => {
    const a = newReference();
    expect(a).to.match(/^kit-[0-9a-f]{32}$/);
    expect(newReference()).to.not.equal(a);
  });

  it('refuses widget URLs that are not https, except on this origin or loopback', () => {
    expect(checkWidgetUrl('https://link.mono.co/ALQ7K2M9ZP4D', 'https://shop.example').href).to.equal('https://link.mono.co/ALQ7K2M9ZP4D');
    expect(checkWidgetUrl('http://shop.example/api/mono/widget', 'http://shop.example').origin).to.equal('http://shop.example');
    expect(checkWidgetUrl('http://127.0.0.1:9/widget', 'https://shop.example').hostname).to.equal('127.0.0.1');
    for (const bad of ['http://link.mono.co/x', 'javascript:alert(1)', 'data:text/html,hi', 'not a url']) {
      expect(() => checkWidgetUrl(bad, 'https://shop.example'), bad).to.throw().with.property('kind', 'config');
    }
  });

  it('builds the classic widget URL like connect.js, without customer data', () => {
    const url = new URL(
      classicWidgetUrl({ key: 'test_pk_abc', reference: 'kit-1', institution: { id: 'inst1', auth_method: 'mobile_banking' }, customerId: 'cus_1', referrer: 'https://shop.example' }),
    );
    expect(`${url.origin}${url.pathname}`).to.equal('https://connect.mono.co/');
    expect(url.searchParams.get('key')).to.equal('test_pk_abc');
    expect(url.searchParams.get('scope')).to.equal('auth');
    expect(url.searchParams.get('reference')).to.equal('kit-1');
    expect(url.searchParams.get('version')).to.equal('2023-12-14');
    expect(JSON.parse(url.searchParams.get('selectedInstitution')!)).to.deep.equal({ id: 'inst1', auth_method: 'mobile_banking' });
    expect(JSON.parse(url.searchParams.get('data')!)).to.deep.equal({ customer: { id: 'cus_1' } });
    expect(url.searchParams.get('referrer')).to.equal('https://shop.example');
    const reauth = new URL(classicWidgetUrl({ key: 'k', reference: 'r', account: 'acc_demo' }));
    expect(reauth.searchParams.get('account')).to.equal('acc_demo');
  });
});

describe('connect: message gate', () => {
  const widget = {} as Window;
  const expectations = { origins: ['https://connect.mono.co'], source: widget, reference: 'kit-1', pageOrigin: 'https://shop.example' };
  const success = { type: 'mono.connect.widget.account_linked', data: { code: 'code_x1', reference: 'kit-1' } };
  const event = (over: Partial<MessageLike>): MessageLike => ({ isTrusted: true, origin: 'https://connect.mono.co', source: widget as MessageEventSource, data: success, ...over });

  it('accepts a message from the allowed origin, the opened window and the right reference', () => {
    const verdict = checkMessage(event({}), expectations);
    expect(verdict.accepted).to.equal(true);
  });

  it('rejects, with the reason: untrusted, other window, no window, other origin, unknown data, other reference', () => {
    const reason = (e: MessageLike, x: GateExpectations = expectations) => {
      const v = checkMessage(e, x);
      return v.accepted ? 'accepted' : v.reason;
    };
    expect(reason(event({ isTrusted: false }))).to.equal('untrusted');
    expect(reason(event({ source: window }))).to.equal('source');
    expect(reason(event({ source: null }))).to.equal('source');
    expect(reason(event({}), { ...expectations, source: null })).to.equal('source');
    expect(reason(event({ origin: 'https://evil.example' }))).to.equal('origin');
    expect(reason(event({ origin: 'https://shop.example' }))).to.equal('origin');
    expect(reason(event({ data: { type: 'something.else' } }))).to.equal('unknown-message');
    expect(reason(event({ data: { ...success, data: { code: 'code_x1', reference: 'kit-2' } } }))).to.equal('reference');
    // Mono's success message may carry no reference at all (MONO_API.md §14.16): accepted.
    expect(reason(event({ data: { type: success.type, data: { code: 'code_x1' } } }))).to.equal('accepted');
  });

  it('takes the redirect hand-off only from the page’s own origin and only with the reference', () => {
    const handOff = { type: REDIRECT_MESSAGE_TYPE, code: 'code_x1', status: 'successful', reference: 'kit-1' };
    const verdict = (over: Partial<MessageLike>) => {
      const v = checkMessage(event({ origin: 'https://shop.example', data: handOff, ...over }), expectations);
      return v.accepted ? 'accepted' : v.reason;
    };
    expect(verdict({})).to.equal('accepted');
    expect(verdict({ origin: 'https://connect.mono.co' })).to.equal('origin');
    expect(verdict({ data: { ...handOff, reference: undefined } })).to.equal('reference');
    expect(verdict({ data: { ...handOff, reference: 'kit-other' } })).to.equal('reference');
  });
});

describe('connect: link prefetch', () => {
  it('hands a link out once, and only for the inputs it was made for', async () => {
    let now = 0;
    const prefetch = new LinkPrefetch(1000, () => now);
    let started = 0;
    const initiate = (ref: string) => {
      started++;
      return Promise.resolve(`https://link.mono.co/${ref}`);
    };
    prefetch.warm('a', 'ref-1', initiate);
    prefetch.warm('a', 'ref-2', initiate);
    expect(started, 'a second warm-up reuses the link on its way').to.equal(1);
    expect(prefetch.take('b'), 'other inputs').to.equal(undefined);
    prefetch.warm('a', 'ref-3', initiate);
    const link = prefetch.take('a');
    expect(link?.reference).to.equal('ref-3');
    expect(await link!.url).to.equal('https://link.mono.co/ref-3');
    expect(prefetch.take('a'), 'consumed').to.equal(undefined);
  });

  it('keys links by the client they were initiated through and what was asked for', () => {
    const a = {};
    const b = {};
    const body = { scope: 'auth' };
    expect(linkKey(a, body)).to.equal(linkKey(a, { scope: 'auth' }));
    expect(linkKey(a, body), 'another client (other headers, other customer)').to.not.equal(linkKey(b, body));
    expect(linkKey(a, body), 'other inputs').to.not.equal(linkKey(a, { scope: 'reauth', account: 'acc_demo' }));
  });

  it('throws away a link older than the TTL, and a failed one', async () => {
    let now = 0;
    const prefetch = new LinkPrefetch(1000, () => now);
    prefetch.warm('a', 'old', (r) => Promise.resolve(r));
    now = 1000;
    expect(prefetch.take('a'), 'stale').to.equal(undefined);
    prefetch.warm('a', 'bad', () => Promise.reject(new Error('boom')));
    await new Promise((r) => setTimeout(r));
    expect(prefetch.take('a'), 'failed').to.equal(undefined);
  });

  it('after a failed initiate, warm-ups (pointer-enter, focus) never POST again for the same inputs', async () => {
    const prefetch = new LinkPrefetch(1000, () => 0);
    let started = 0;
    const failing = () => {
      started++;
      return Promise.reject(new Error('HTTP 500'));
    };
    prefetch.warm('a', 'ref-1', failing);
    await new Promise((r) => setTimeout(r));
    for (let i = 0; i < 5; i++) prefetch.warm('a', `ref-${i + 2}`, failing);
    await new Promise((r) => setTimeout(r));
    expect(started, 'one initiate, however often the pointer comes back').to.equal(1);
    expect(prefetch.take('a')).to.equal(undefined);
    prefetch.warm('b', 'ref-b', (r) => Promise.resolve(r));
    expect(prefetch.take('b')?.reference, 'other inputs still warm up').to.equal('ref-b');
  });
});

describe('connect: redirect helper', () => {
  afterEach(() => sessionStorage.removeItem('mono-elements.connect'));

  it('reads Mono’s return parameters, and nothing from an ordinary URL', () => {
    expect(readRedirectResult('https://shop.example/return?code=code_abc1&status=successful&reference=kit-1')).to.deep.equal({
      reference: 'kit-1',
      code: 'code_abc1',
      status: 'successful',
      reason: null,
    });
    expect(readRedirectResult('https://shop.example/return?reference=kit-1&status=failed&reason=widget_closed')).to.deep.include({ status: 'failed', reason: 'widget_closed', code: null });
    expect(readRedirectResult('https://shop.example/?page=2')).to.equal(null);
    expect(readRedirectResult('https://shop.example/?code=code_abc1'), 'no reference').to.equal(null);
    // The backend puts the reference on redirect_url; Mono may add its own after it, with "&" or a second "?".
    expect(readRedirectResult('https://shop.example/r?reference=kit-1&code=code_abc1&status=successful&reference=ALQ7K2M9ZP4D')).to.deep.include({ reference: 'kit-1', code: 'code_abc1' });
    expect(readRedirectResult('https://shop.example/r?reference=kit-1?reference=ALQ7K2M9ZP4D&status=successful')).to.deep.include({ reference: 'kit-1', status: 'successful' });
    expect(readRedirectResult('https://shop.example/?reference=kit-1'), 'neither code nor status').to.equal(null);
    expect(readRedirectResult('https://shop.example/?reference=T4815162342&status=success'), 'another provider’s return').to.equal(null);
  });

  it('checks up front that this tab can remember a flow across a full-page redirect', () => {
    expect(canRememberConnect()).to.equal(true);
    const blocked = {} as Window;
    Object.defineProperty(blocked, 'sessionStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    expect(canRememberConnect(blocked), 'storage blocked').to.equal(false);
    const full = { sessionStorage: { setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem() {} } } as unknown as Window;
    expect(canRememberConnect(full), 'storage full').to.equal(false);
    expect(sessionStorage.getItem('mono-elements.probe'), 'the probe leaves nothing').to.equal(null);
  });

  it('takes a first cheap look for a return of the kit, so that the return code loads only then', () => {
    expect(mayBeRedirectReturn('?code=code_abc1&status=successful&reference=kit-1')).to.equal(true);
    expect(mayBeRedirectReturn('?reference=kit-1&status=failed')).to.equal(true);
    expect(mayBeRedirectReturn('')).to.equal(false);
    expect(mayBeRedirectReturn('?page=2')).to.equal(false);
    expect(mayBeRedirectReturn('?reference=T4815162342&status=success'), 'another provider’s return').to.equal(false);
    expect(mayBeRedirectReturn('?myreference=kit-1'), 'another parameter').to.equal(false);
  });

  it('lets exactly one claimer take a pending redirect, and only its owner', () => {
    rememberConnect({ reference: 'kit-r1', mode: 'redirect', createdAt: Date.now() });
    rememberConnect({ reference: 'kit-p1', mode: 'popup', createdAt: Date.now() });
    rememberConnect({ reference: 'kit-o1', mode: 'redirect', createdAt: Date.now(), owner: 'link-button' });
    expect(claimRedirect('kit-p1'), 'a popup flow is never resumed from a URL').to.equal(null);
    expect(claimRedirect('kit-r1')?.reference).to.equal('kit-r1');
    expect(claimRedirect('kit-r1'), 'claimed once').to.equal(null);
    expect(claimRedirect('kit-unknown')).to.equal(null);
    expect(claimRedirect('kit-o1', 'other-button')).to.equal(null);
    expect(claimRedirect('kit-o1', 'link-button')?.owner).to.equal('link-button');
    rememberConnect({ reference: 'kit-m1', mode: 'modal', owner: undefined });
    expect(claimRedirect('kit-m1')?.mode, 'a modal whose widget took the whole tab').to.equal('modal');
    forgetConnect('kit-p1');
    expect(findConnect('kit-p1')).to.equal(undefined);
  });

  it('forgets pending flows older than 30 minutes', () => {
    rememberConnect({ reference: 'kit-old', mode: 'redirect', createdAt: Date.now() - 31 * 60_000 });
    expect(claimRedirect('kit-old')).to.equal(null);
  });

  it('strips the return parameters from the address bar and keeps the rest', () => {
    const before = location.href;
    history.replaceState(history.state, '', `${location.pathname}?keep=1&code=code_abc1&status=successful&reference=kit-1&reason=x#frag`);
    stripRedirectParams();
    expect(location.search).to.equal('?keep=1');
    expect(location.hash).to.equal('#frag');
    history.replaceState(history.state, '', before);
  });

  /** A stand-in window for the hand-off decision (its sessionStorage is the real one). */
  function fakeWindow(href: string, relations: { framed?: boolean; opener?: Window | null } = {}) {
    const posted: Array<[unknown, string]> = [];
    const parent = { postMessage: (m: unknown, o: string) => posted.push([m, o]) } as unknown as Window;
    let closed = false;
    const win = {
      location: { href, origin: new URL(href).origin },
      sessionStorage,
      opener: relations.opener ?? null,
      close: () => (closed = true),
    } as unknown as Window & { parent: Window };
    win.parent = relations.framed ? parent : win;
    return { win, posted, wasClosed: () => closed };
  }

  it('hands the parameters to the parent frame, on this origin only', () => {
    const { win, posted, wasClosed } = fakeWindow('https://shop.example/return?code=code_abc1&status=successful&reference=kit-1', { framed: true });
    expect(handOffRedirect(win)).to.equal('handed-off');
    expect(posted).to.deep.equal([[{ type: REDIRECT_MESSAGE_TYPE, reference: 'kit-1', code: 'code_abc1', status: 'successful', reason: null }, 'https://shop.example']]);
    expect(wasClosed()).to.equal(false);
  });

  it('hands the parameters to a same-origin opener and closes the popup; leaves a cross-origin opener alone', () => {
    const opener = { postMessage: () => {}, closed: false, location: { origin: 'https://shop.example' } } as unknown as Window;
    const posted: unknown[] = [];
    (opener as { postMessage: unknown }).postMessage = (m: unknown) => posted.push(m);
    const popup = fakeWindow('https://shop.example/return?code=code_abc1&status=successful&reference=kit-2', { opener });
    expect(handOffRedirect(popup.win)).to.equal('handed-off');
    expect(posted).to.have.length(1);
    expect(popup.wasClosed()).to.equal(true);

    const foreign = { closed: false, postMessage: () => posted.push('leak') } as unknown as Window;
    Object.defineProperty(foreign, 'location', {
      get() {
        throw new DOMException('cross-origin', 'SecurityError');
      },
    });
    const tab = fakeWindow('https://shop.example/return?code=code_abc1&status=successful&reference=kit-3', { opener: foreign });
    expect(handOffRedirect(tab.win)).to.equal('resume');
    expect(posted).to.have.length(1);
    expect(tab.wasClosed()).to.equal(false);

    // a payment provider returning to a page with a connect button, in a popup: not ours, left alone
    const payment = fakeWindow('https://shop.example/return?reference=T4815162342&status=success', { opener });
    expect(handOffRedirect(payment.win)).to.equal('none');
    expect(posted).to.have.length(1);
    expect(payment.wasClosed()).to.equal(false);
  });

  it('resumes in place when this tab left for a full-page redirect, even inside a frame', () => {
    rememberConnect({ reference: 'kit-full', mode: 'redirect', createdAt: Date.now() });
    const { win, posted } = fakeWindow('https://shop.example/?code=code_abc1&status=successful&reference=kit-full', { framed: true });
    expect(handOffRedirect(win)).to.equal('resume');
    expect(posted).to.have.length(0);
    expect(handOffRedirect(fakeWindow('https://shop.example/?page=1', {}).win)).to.equal('none');
  });

  it('resumes a modal’s flow in the top window (its frame took the tab), and hands it off from inside the frame', () => {
    rememberConnect({ reference: 'kit-tab', mode: 'modal' });
    const href = 'https://shop.example/?code=code_abc1&status=successful&reference=kit-tab';
    const framed = fakeWindow(href, { framed: true });
    expect(handOffRedirect(framed.win), 'the return inside the modal’s frame').to.equal('handed-off');
    expect(framed.posted).to.have.length(1);
    // A tab that a same-origin page opened: the opener is not where this flow started.
    const opener = { closed: false, location: { origin: 'https://shop.example' }, postMessage: () => expect.fail('posted to the opener') } as unknown as Window;
    const top = fakeWindow(href, { opener });
    expect(handOffRedirect(top.win)).to.equal('resume');
    expect(top.wasClosed()).to.equal(false);
  });
});

describe('connect: page scroll lock', () => {
  it('locks the root’s overflow and gives back the exact previous values when the last holder releases', () => {
    const root = document.documentElement;
    const sheets = document.styleSheets.length + document.adoptedStyleSheets.length;
    root.style.overflow = 'clip';
    const a = lockPageScroll();
    const b = lockPageScroll();
    expect(root.style.overflow).to.equal('hidden');
    a();
    a();
    expect(root.style.overflow, 'still held by b').to.equal('hidden');
    b();
    expect(root.style.overflow).to.equal('clip');
    root.style.overflow = '';
    expect(document.styleSheets.length + document.adoptedStyleSheets.length, 'no stylesheet added to the page').to.equal(sheets);
  });
});

describe('connect: session', () => {
  function harness(options: { reference?: string; exchange?: (proof: { code?: string | undefined; reference: string }) => Promise<string> } = {}) {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const events: Array<[string, any]> = [];
    let exchanges = 0;
    const surface: WidgetSurface & { shown?: string; disposed: number } = {
      disposed: 0,
      window: () => frame.contentWindow,
      show(url) {
        this.shown = url;
      },
      finishing() {},
      dispose() {
        this.disposed++;
      },
    };
    const session = new ConnectSession({
      mode: 'modal',
      reference: options.reference ?? 'kit-s1',
      origins: [location.origin],
      exchange: (code) => {
        exchanges++;
        return options.exchange ? options.exchange(code) : Promise.resolve('acc_from_' + (code.code ?? code.reference));
      },
      emit: (type, detail) => events.push([type, detail]),
    });
    session.attach(surface);
    const post = (data: unknown) => {
      const realm = frame.contentWindow as unknown as typeof globalThis;
      new realm.Function('d', 'parent.postMessage(d, "*")')(data);
    };
    return { frame, session, surface, events, post, exchanges: () => exchanges, cleanup: () => frame.remove() };
  }

  it('fires mono-open, shows the URL, exchanges once, then success and close exactly once', async () => {
    const h = harness();
    await h.session.start(Promise.resolve(`${location.origin}/widget`));
    expect(h.surface.shown).to.equal(`${location.origin}/widget`);
    const success = { type: 'mono.connect.widget.account_linked', data: { code: 'code_session1', reference: 'kit-s1' } };
    h.post(success);
    h.post(success);
    h.post({ type: 'mono.connect.widget.closed', data: {} });
    await waitUntil(() => h.events.some(([t]) => t === 'mono-close'));
    await new Promise((r) => setTimeout(r, 30));
    expect(h.events.map(([t, d]) => (t === 'mono-widget-event' ? d.type : t))).to.deep.equal(['mono-open', 'OPENED', 'SUCCESS', 'mono-success', 'mono-close']);
    expect(h.events[3][1]).to.deep.equal({ accountId: 'acc_from_code_session1', reference: 'kit-s1' });
    expect(h.events[4][1]).to.deep.equal({ reason: 'success' });
    expect(h.exchanges()).to.equal(1);
    expect(h.surface.disposed).to.equal(1);
    expect(h.session.cancel(), 'already over').to.equal(true);
    expect(h.events.filter(([t]) => t === 'mono-close')).to.have.length(1);
    h.cleanup();
  });

  it('refuses to close while exchanging, and reports a failed exchange as error + close', async () => {
    let fail!: (e: Error) => void;
    const h = harness({ exchange: () => new Promise((_, reject) => (fail = reject)) });
    await h.session.start(`${location.origin}/widget`);
    h.post({ type: 'mono.connect.widget.account_linked', data: { code: 'code_session2' } });
    await waitUntil(() => h.session.state === 'exchanging');
    expect(h.session.cancel()).to.equal(false);
    fail(new Error('down'));
    await waitUntil(() => h.session.state === 'ended');
    expect(h.events.map(([t]) => t).slice(-2)).to.deep.equal(['mono-error', 'mono-close']);
    expect(h.events.at(-1)![1]).to.deep.equal({ reason: 'error' });
    h.cleanup();
  });

  it('never exchanges the same code twice, even in another session', async () => {
    const a = harness();
    await a.session.start(`${location.origin}/widget`);
    a.post({ type: 'mono.connect.widget.account_linked', data: { code: 'code_shared1' } });
    await waitUntil(() => a.session.state === 'ended');
    const b = harness();
    await b.session.start(`${location.origin}/widget`);
    b.post({ type: 'mono.connect.widget.account_linked', data: { code: 'code_shared1' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(a.exchanges() + b.exchanges()).to.equal(1);
    expect(b.session.state).to.equal('open');
    b.session.cancel();
    a.cleanup();
    b.cleanup();
  });

  it('hears nothing before its widget is shown (the gate loads with start)', async () => {
    const h = harness();
    h.post({ type: 'mono.connect.widget.account_linked', data: { code: 'code_early1', reference: 'kit-s1' } });
    await new Promise((r) => setTimeout(r, 30));
    expect(h.exchanges(), 'no widget shown yet').to.equal(0);
    await h.session.start(`${location.origin}/widget`);
    h.post({ type: 'mono.connect.widget.account_linked', data: { code: 'code_early2', reference: 'kit-s1' } });
    await waitUntil(() => h.session.state === 'ended');
    expect(h.exchanges()).to.equal(1);
    expect(h.events.map(([t]) => t).at(-2)).to.equal('mono-success');
    h.cleanup();
  });

  it('resumes after a full-page redirect: the code is exchanged once; a closed widget is a user close', async () => {
    const done = harness();
    done.session.resume({ code: 'code_resume1', status: 'successful', reason: null });
    await waitUntil(() => done.session.state === 'ended');
    expect(done.exchanges()).to.equal(1);
    expect(done.events.map(([t]) => t)).to.deep.equal(['mono-open', 'mono-success', 'mono-close']);
    const closed = harness();
    closed.session.resume({ code: null, status: 'failed', reason: 'widget_closed' });
    await waitUntil(() => closed.session.state === 'ended');
    expect(closed.events.at(-1)).to.deep.equal(['mono-close', { reason: 'user' }]);
    const failed = harness();
    failed.session.resume({ code: null, status: 'failed', reason: 'bank_down' });
    await waitUntil(() => failed.session.state === 'ended');
    expect(failed.events.map(([t]) => t).slice(-2)).to.deep.equal(['mono-error', 'mono-close']);
    expect(failed.events.at(-2)![1].error.kind).to.equal('widget');
    [done, closed, failed].forEach((h) => h.cleanup());
  });

  it('a successful return without a code (Mono\'s hosted link) exchanges the reference, once, whatever repeats it', async () => {
    const proofs: unknown[] = [];
    const h = harness({ exchange: (proof) => (proofs.push(proof), Promise.resolve('acc_by_ref')) });
    h.session.resume({ code: null, status: 'successful', reason: null });
    h.session.resume({ code: null, status: 'successful', reason: null });
    await waitUntil(() => h.session.state === 'ended');
    await new Promise((r) => setTimeout(r, 30));
    expect(proofs).to.deep.equal([{ code: undefined, reference: 'kit-s1' }]);
    expect(h.events.map(([t]) => t)).to.deep.equal(['mono-open', 'mono-success', 'mono-close']);
    expect(h.events[1][1]).to.deep.equal({ accountId: 'acc_by_ref', reference: 'kit-s1' });
    const other = harness({ exchange: (proof) => (proofs.push(proof), Promise.resolve('acc_again')) });
    other.session.resume({ code: null, status: 'successful', reason: null });
    await new Promise((r) => setTimeout(r, 50));
    expect(proofs, 'the same reference is never claimed twice on one page').to.have.length(1);
    [h, other].forEach((x) => x.cleanup());
  });

  it('reads success and failure in any case or longer spelling (Mono documents the words only for payments)', async () => {
    for (const [i, status] of ['success', 'SUCCESSFUL', 'Successful'].entries()) {
      const h = harness({ reference: `kit-spell${i}`, exchange: () => Promise.resolve('acc_spelt') });
      h.session.resume({ code: null, status, reason: null });
      await waitUntil(() => h.session.state === 'ended');
      expect(h.events.map(([t]) => t), status).to.deep.equal(['mono-open', 'mono-success', 'mono-close']);
      h.cleanup();
    }
    const closed = harness({ reference: 'kit-spell-failed' });
    closed.session.resume({ code: null, status: 'FAILED', reason: 'widget_closed' });
    await waitUntil(() => closed.session.state === 'ended');
    expect(closed.events.at(-1)).to.deep.equal(['mono-close', { reason: 'user' }]);
    closed.cleanup();
  });

  it('fails with a config error (and never shows) a URL that is not https', async () => {
    const h = harness();
    await h.session.start('http://link.mono.co/x');
    expect(h.surface.shown).to.equal(undefined);
    expect(h.events.map(([t]) => t)).to.deep.equal(['mono-open', 'mono-error', 'mono-close']);
    expect(h.events[1][1].error.kind).to.equal('config');
    h.cleanup();
  });
});

describe('connect: the lone button’s client', () => {
  it('initiates and exchanges through the host (transport and parsers loaded with the first request)', async () => {
    const client = new ConnectClient();
    // A fresh reference per run: the sandbox, as the live handler, refuses one it has seen (another engine's run).
    const ref = `kit-client-${Math.random().toString(36).slice(2)}`;
    const initiation = await client.initiate({ scope: 'auth', meta: { ref } });
    expect(new URL(initiation.monoUrl).protocol).to.match(/^https?:$/);
    expect(initiation.reference).to.equal(ref);
    expect(await client.exchange(`code_acc_demo_${Date.now()}`)).to.deep.equal({ accountId: 'acc_demo' });
    const failing = new ConnectClient({ headers: { 'x-sandbox-fault': '500' } });
    const error = await failing.initiate({ scope: 'auth', meta: { ref: 'kit-client-2' } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(MonoError);
    expect([(error as MonoError).kind, (error as MonoError).status]).to.deep.equal(['http', 500]);
  });

  it('shares one client per endpoint with the data elements: the full one wins', () => {
    const lone = sharedCoreClient('/api/mono-lone');
    expect(lone).to.be.instanceOf(ConnectClient);
    expect(sharedCoreClient('/api/mono-lone')).to.equal(lone);
    const full = sharedClient('/api/mono-lone');
    expect(full).to.be.instanceOf(MonoDataClient);
    expect(sharedCoreClient('/api/mono-lone'), 'a data element made the full one since').to.equal(full);
    expect(sharedCoreClient(sharedClient('/api/mono-full').endpoint)).to.be.instanceOf(MonoDataClient);
  });
});
