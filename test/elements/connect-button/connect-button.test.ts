import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../fixtures/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/connect-button/define.js';
import '../../../src/elements/provider/define.js';
import type { MonoConnectButton } from '../../../src/elements/connect-button/mono-connect-button.js';
import { MonoProvider } from '../../../src/elements/provider/mono-provider.js';
import { rememberConnect } from '../../../src/connect/redirect.js';
import { emulate } from '../../fixtures/media.js';
import { registerMessages } from '../../../src/i18n/index.js';
import { fr } from '../../../src/i18n/locales/fr.js';
import { eventLog, fastWidget, linkThroughWidget, nextMessageTurn, postFrom, recorder, widgetReady, type Recorder, type RecorderOptions } from '../../connect/helpers.js';

const parts = (el: MonoConnectButton) => {
  const root = el.shadowRoot!;
  return {
    trigger: root.querySelector<HTMLButtonElement>('[part~="button"]')!,
    dialog: root.querySelector<HTMLDialogElement>('dialog')!,
    frame: () => root.querySelector<HTMLIFrameElement>('iframe'),
    close: root.querySelector<HTMLButtonElement>('[part~="close"]')!,
    status: () => root.querySelector('[part~="status"]')!.textContent!.replace(/\s+/g, ' ').trim(),
  };
};

interface Setup {
  el: MonoConnectButton;
  provider: MonoProvider;
  rec: Recorder;
  log: ReturnType<typeof eventLog>;
}

/** A button inside a provider whose fetch records every call to the real sandbox. */
async function setup(attributes: Record<string, string> = {}, options: RecorderOptions = { widgetUrl: fastWidget() }): Promise<Setup> {
  const rec = recorder(options);
  const provider = await fixture<MonoProvider>(html`<mono-provider .fetch=${rec.fetch}></mono-provider>`);
  const el = document.createElement('mono-connect-button');
  el.setAttribute('widget-origins', 'self');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const log = eventLog(el);
  provider.append(el);
  await el.updateComplete;
  return { el, provider, rec, log };
}

const closed = (log: Setup['log']) => waitUntil(() => log.of('mono-close').length > 0, 'no mono-close', { timeout: 5000 });

describe('<mono-connect-button>', () => {
  afterEach(() => {
    document.documentElement.style.overflow = '';
    sessionStorage.removeItem('mono-elements.connect');
  });

  it('is a real, labelled button, with the slot for its own label', async () => {
    const { el } = await setup();
    const { trigger } = parts(el);
    expect(trigger.localName).to.equal('button');
    expect(trigger.type).to.equal('button');
    expect(trigger.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(trigger.textContent!.trim()).to.equal('Link your bank account');
    await expect(el).to.be.accessible();
    const own = await fixture<MonoConnectButton>(html`<mono-connect-button reauth account-id="acc_demo">Reconnect GTBank</mono-connect-button>`);
    expect(own.textContent).to.equal('Reconnect GTBank');
    expect(parts(own).trigger.querySelector('slot')!.assignedNodes()[0].textContent).to.equal('Reconnect GTBank');
  });

  it('keeps the element API of the Lit elements: attributes ↔ properties, reflection, updateComplete, early properties', async () => {
    const el = document.createElement('mono-connect-button');
    el.setAttribute('widget-origins', 'self');
    el.setAttribute('no-preinitiate', '');
    document.body.append(el);
    await el.updateComplete;
    expect(el.widgetOrigins).to.equal('self');
    expect(el.noPreinitiate).to.equal(true);
    expect(el.mode).to.equal('modal');
    expect(el.getAttribute('mode'), "the default mode is not reflected, as Lit's useDefault: hydration finds no new attribute").to.equal(null);
    el.mode = 'popup';
    el.disabled = true;
    el.theme = 'dark';
    el.reauth = true;
    el.accountId = 'acc_demo';
    expect([el.getAttribute('mode'), el.hasAttribute('disabled'), el.getAttribute('theme'), el.hasAttribute('reauth')]).to.deep.equal(['popup', true, 'dark', true]);
    expect(el.hasAttribute('account-id'), 'account-id is not reflected').to.equal(false);
    await el.updateComplete;
    expect(parts(el).trigger.disabled).to.equal(true);
    expect(parts(el).trigger.hasAttribute('aria-haspopup'), 'no dialog in popup mode').to.equal(false);
    expect(parts(el).trigger.textContent!.trim()).to.equal('Reconnect your bank account');
    el.removeAttribute('disabled');
    el.setAttribute('customer-email', 'ada@example.ng');
    expect([el.disabled, el.customerEmail]).to.deep.equal([false, 'ada@example.ng']);
    await el.updateComplete;
    expect(parts(el).trigger.disabled).to.equal(false);
    el.remove();

    // Set before the tag is defined (a framework's properties, a script's): kept, and reflected once connected.
    const early = document.createElement('mono-connect-button-early') as MonoConnectButton;
    early.mode = 'redirect';
    early.customer = { name: 'Ada' };
    (customElements.get('mono-connect-button') as typeof MonoConnectButton).define('mono-connect-button-early');
    customElements.upgrade(early);
    expect(early).to.be.instanceOf(customElements.get('mono-connect-button-early')!);
    expect([early.mode, early.customer]).to.deep.equal(['redirect', { name: 'Ada' }]);
    document.body.append(early);
    await early.updateComplete;
    expect(early.getAttribute('mode')).to.equal('redirect');
    early.remove();
  });

  it('takes endpoint, account, locale and wording from its provider (its own win, a late one too), and the nearest lang', async () => {
    const provider = await fixture<MonoProvider>(html`<mono-provider account-id="acc_business" .messages=${{ connectLabel: 'Link with Mono' }}></mono-provider>`);
    const el = document.createElement('mono-connect-button');
    provider.append(el);
    await el.updateComplete;
    expect(el.client, 'the provider’s client').to.equal(provider.sharedClient);
    expect(el.resolvedAccountId).to.equal('acc_business');
    expect(parts(el).trigger.textContent!.trim()).to.equal('Link with Mono');
    el.messages = { connectLabel: 'Open my bank' };
    await el.updateComplete;
    expect(parts(el).trigger.textContent!.trim(), 'its own wording wins').to.equal('Open my bank');
    provider.messages = { connectLabel: 'Shared wording', connectReauthLabel: 'Shared reauth' };
    el.messages = undefined;
    el.reauth = true;
    await provider.updateComplete;
    await el.updateComplete;
    expect(parts(el).trigger.textContent!.trim(), 'the provider’s new value arrives').to.equal('Shared reauth');
    el.endpoint = '/elsewhere/api';
    expect(el.client.endpoint, 'its own endpoint: its own client').to.equal('/elsewhere/api');
    expect(el.client).to.not.equal(provider.sharedClient);

    // A provider defined after the button upgraded: it announces itself and the button asks again.
    const late = document.createElement('late-connect-provider') as MonoProvider;
    late.setAttribute('account-id', 'acc_late');
    const early = document.createElement('mono-connect-button');
    late.append(early);
    document.body.append(late);
    await early.updateComplete;
    expect(early.resolvedAccountId).to.equal(undefined);
    customElements.define('late-connect-provider', class extends MonoProvider {});
    await waitUntil(() => early.resolvedAccountId === 'acc_late', 'the late provider was found');
    expect(early.client).to.equal(late.sharedClient);
    late.remove();

    const holder = await fixture<HTMLDivElement>(html`<div lang="fr-CI"><mono-connect-button></mono-connect-button></div>`);
    const nested = holder.querySelector('mono-connect-button')!;
    expect(nested.resolvedLocale).to.equal('fr-CI');
    expect(nested.client.endpoint, 'alone: the shared client of the default endpoint').to.equal('/api/mono');
  });

  it('links through the sandbox widget in a modal: every event in order, one exchange, focus and scroll restored', async () => {
    const { el, rec, log } = await setup();
    const { trigger, dialog, frame } = parts(el);
    document.documentElement.style.overflow = 'auto';
    trigger.focus();
    trigger.click();
    expect(dialog.open && dialog.matches(':modal'), 'the dialog opens inside the click, in the top layer').to.equal(true);
    expect(document.documentElement.style.overflow).to.equal('hidden');
    await expect(el).to.be.accessible();

    const doc = await widgetReady(frame);
    await waitUntil(() => dialog.dataset.state === 'ready', 'iframe shown once loaded');
    expect(frame()!.title).to.equal('Mono Connect');
    expect(frame()!.classList.contains('pending')).to.equal(false);
    await expect(el).to.be.accessible();
    await linkThroughWidget(doc, 'GTBank', 'acc_business');
    await closed(log);
    await nextMessageTurn();

    const open = log.of('mono-open')[0].detail;
    expect(open.mode).to.equal('modal');
    const names = log.names();
    expect(names.filter((n) => n !== 'LOADED')).to.deep.equal([
      'mono-open',
      'OPENED',
      'INSTITUTION_SELECTED',
      'SUBMIT_CREDENTIALS',
      'SUBMIT_MFA',
      'ACCOUNT_SELECTED',
      'ACCOUNT_LINKED',
      'SUCCESS',
      'mono-success',
      'mono-close',
    ]);
    expect(names.filter((n) => n === 'LOADED')).to.have.length(1);
    expect(names.indexOf('LOADED')).to.be.lessThan(names.indexOf('INSTITUTION_SELECTED'));
    expect(log.of('mono-success')[0].detail).to.deep.equal({ accountId: 'acc_business', reference: open.reference });
    expect(log.of('mono-close')[0].detail).to.deep.equal({ reason: 'success' });
    const success = log.events.find((e) => e.detail?.type === 'SUCCESS')!;
    expect(success.detail.data).to.not.have.property('code');
    expect(log.events.find((e) => e.detail?.type === 'INSTITUTION_SELECTED')!.detail.data.institution.name).to.equal('GTBank');

    const initiate = rec.calls.filter((c) => c.path === '/accounts/initiate');
    expect(initiate).to.have.length(1);
    expect(initiate[0].body).to.deep.equal({ scope: 'auth', meta: { ref: open.reference } });
    expect(rec.count('/accounts/auth')).to.equal(1);
    expect(dialog.open).to.equal(false);
    expect(frame(), 'the used link is gone').to.equal(null);
    expect(document.documentElement.style.overflow).to.equal('auto');
    expect(el.shadowRoot!.activeElement).to.equal(trigger);
    expect(parts(el).status()).to.equal('Account linked.');
  });

  it('moves focus into the widget once it shows, from the close button that had it while it loaded', async () => {
    // The frame is focused on its load event; Firefox refused while it was still hidden (class pending until the
    // batched update) and focus stayed on the close button. Chromium and WebKit let the sandbox widget's own
    // focus() pull focus into the frame, which a cross-origin widget cannot count on.
    const { el, log } = await setup();
    const { trigger, dialog, frame, close } = parts(el);
    trigger.focus();
    trigger.click();
    expect(el.shadowRoot!.activeElement === close, 'on the close button while the widget loads').to.equal(true);
    await widgetReady(frame);
    await waitUntil(() => dialog.dataset.state === 'ready', 'iframe shown once loaded');
    await nextMessageTurn();
    // Compared as booleans: a failed equality would print the frame (its window), which breaks Firefox's session.
    expect(el.shadowRoot!.activeElement === frame(), `focus in the frame, not on ${el.shadowRoot!.activeElement?.localName}`).to.equal(true);
    close.click();
    await closed(log);
    expect(el.shadowRoot!.activeElement === trigger, 'back on the button').to.equal(true);
  });

  it('a host that closes on LOADED leaves the button closed, not showing an empty ready dialog', async () => {
    const { el, log } = await setup({}, { widgetUrl: () => new URL('/test/connect/helpers.ts', location.href).href });
    el.addEventListener('mono-widget-event', (event) => {
      if ((event as CustomEvent<{ type: string }>).detail.type === 'LOADED') el.close();
    });
    parts(el).trigger.click();
    await closed(log);
    await el.updateComplete;
    expect(parts(el).dialog.open, 'dialog closed').to.equal(false);
    expect(parts(el).dialog.dataset.state, 'no state left behind').to.not.equal('ready');
    expect(log.of('mono-close').length).to.equal(1);
  });

  it('says OPENED once it shows the widget, as connect.js does, whether or not the widget posts it', async () => {
    // Mono's widget posts no widget_opened (connect.js makes it up when it shows the frame); this page posts nothing.
    const silent = await setup({}, { widgetUrl: () => new URL('/test/connect/helpers.ts', location.href).href });
    parts(silent.el).trigger.click();
    await waitUntil(() => parts(silent.el).dialog.dataset.state === 'ready', 'frame loaded');
    await nextMessageTurn();
    expect(silent.log.names()).to.deep.equal(['mono-open', 'OPENED', 'LOADED']);
    silent.el.close();
    await closed(silent.log);

    // The sandbox's widget posts it as well: still once.
    const { el, log } = await setup();
    parts(el).trigger.click();
    await widgetReady(parts(el).frame);
    await nextMessageTurn();
    expect(log.names().filter((n) => n === 'OPENED')).to.have.length(1);
    el.close();
    await closed(log);
  });

  it('remembers a modal’s flow while its widget shows, so that a return in the whole tab (a bank on its own site) is finished there', async () => {
    const { el, log } = await setup({ id: 'link-tab' });
    parts(el).trigger.click();
    await waitUntil(() => parts(el).dialog.dataset.state === 'ready', 'widget shown');
    const reference = log.of('mono-open')[0].detail.reference;
    expect(JSON.parse(sessionStorage.getItem('mono-elements.connect') ?? '[]')).to.deep.equal([
      { reference, mode: 'modal', createdAt: JSON.parse(sessionStorage.getItem('mono-elements.connect')!)[0].createdAt, owner: 'link-tab' },
    ]);
    el.close();
    await closed(log);
    await waitUntil(() => sessionStorage.getItem('mono-elements.connect') === null, 'forgotten when the flow ends');

    // The frame took the tab and Mono returned to this page: the page loads anew, with the record but no session.
    rememberConnect({ reference, mode: 'modal', owner: 'link-tab' });
    const home = location.href;
    history.replaceState(history.state, '', `${location.pathname}?code=code_acc_savings_${Date.now()}&status=successful&reference=${reference}`);
    try {
      const other = await setup({ id: 'another-button' });
      const again = await setup({ id: 'link-tab' });
      await closed(again.log);
      expect(again.log.names()).to.deep.equal(['mono-success', 'mono-close']);
      expect(again.log.of('mono-success')[0].detail).to.deep.equal({ accountId: 'acc_savings', reference });
      expect(again.rec.count('/accounts/auth')).to.equal(1);
      expect(other.log.names(), 'only the button that started it').to.deep.equal([]);
      expect(location.search, 'the parameters are removed').to.equal('');
    } finally {
      history.replaceState(history.state, '', home);
    }
  });

  it('hidden (a reauth button only a sync button opens), shows nothing in the page, yet its dialog shows when opened', async () => {
    // A page's reset that hides [hidden] as hard as it can.
    const reset = document.head.appendChild(Object.assign(document.createElement('style'), { textContent: '[hidden] { display: none !important; }' }));
    try {
      const { el, log } = await setup({ hidden: '' });
      const { trigger, dialog } = parts(el);
      expect(trigger.getClientRects().length, 'the button takes no room').to.equal(0);
      el.open();
      await waitUntil(() => dialog.dataset.state === 'ready', 'widget shown');
      const box = dialog.getBoundingClientRect();
      expect(dialog.matches(':modal') && box.width > 100 && box.height > 100, `the dialog shows (${box.width}×${box.height})`).to.equal(true);
      expect(parts(el).frame()!.getBoundingClientRect().height).to.be.greaterThan(100);
      expect(trigger.getClientRects().length, 'still no button in the page').to.equal(0);
      el.close();
      await closed(log);
    } finally {
      reset.remove();
    }
  });

  it('closes on Escape: one mono-close (user), focus back on the button, scroll restored, a late link never shown', async () => {
    const { el, log, rec } = await setup({}, { widgetUrl: fastWidget(), headers: { 'x-sandbox-latency': '600' } });
    const { trigger, dialog, frame } = parts(el);
    const scrollBefore = window.scrollY;
    trigger.focus();
    trigger.click();
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.activeElement, 'focus moves into the dialog').to.equal(parts(el).close);
    expect(sessionStorage.getItem('mono-elements.connect'), 'nothing is remembered before the widget shows').to.equal(null);
    await sendKeys({ press: 'Escape' });
    await closed(log);
    expect(log.names()).to.deep.equal(['mono-open', 'mono-close']);
    expect(log.of('mono-close')[0].detail).to.deep.equal({ reason: 'user' });
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(trigger);
    expect(document.documentElement.style.overflow).to.equal('');
    expect(window.scrollY).to.equal(scrollBefore);
    await waitUntil(() => rec.calls.length === 1 && !!rec.calls[0], 'initiate sent');
    await new Promise((r) => setTimeout(r, 800));
    expect(frame(), 'the link that arrived after closing is not shown').to.equal(null);
    expect(dialog.open).to.equal(false);
    expect(log.of('mono-close')).to.have.length(1);
  });

  it('closes with the close button and when the widget closes itself (EXIT, then mono-close once)', async () => {
    const a = await setup();
    parts(a.el).trigger.click();
    await waitUntil(() => parts(a.el).dialog.dataset.state === 'ready');
    parts(a.el).close.click();
    await closed(a.log);
    expect(a.log.of('mono-close')[0].detail.reason).to.equal('user');

    const b = await setup();
    parts(b.el).trigger.click();
    const doc = await widgetReady(parts(b.el).frame);
    doc.getElementById('cancel')!.click();
    await closed(b.log);
    await nextMessageTurn();
    expect(b.log.names().slice(-2)).to.deep.equal(['EXIT', 'mono-close']);
    expect(b.log.of('mono-close')).to.have.length(1);
    expect(b.rec.count('/accounts/auth')).to.equal(0);
  });

  it('ignores a widget speaking from an origin not in widget-origins (Mono’s by default)', async () => {
    const { el, log, rec } = await setup();
    el.removeAttribute('widget-origins');
    await el.updateComplete;
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    let doc: Document;
    try {
      parts(el).trigger.click();
      doc = await widgetReady(parts(el).frame);
    } finally {
      console.warn = warn;
    }
    // The sandbox's widget is on the page's own origin: the warning names the fix.
    expect(warnings.join('\n')).to.contain(`the widget at ${location.origin} is not in widget-origins`).and.contain('set widget-origins="self"');
    await linkThroughWidget(doc, 'Access Bank', 'acc_demo');
    await waitUntil(() => doc.getElementById('status')!.textContent!.includes('linked'), 'the widget finished');
    await nextMessageTurn();
    // OPENED is the kit's own (the frame is shown); nothing the widget said counted.
    expect(log.names()).to.deep.equal(['mono-open', 'OPENED', 'LOADED']);
    expect(rec.count('/accounts/auth')).to.equal(0);
    el.close();
    await closed(log);
    expect(log.of('mono-close')[0].detail.reason).to.equal('user');
  });

  it('ignores spoofed messages: wrong window, untrusted, wrong reference; then accepts the real one', async () => {
    const { el, log, rec } = await setup({}, { widgetUrl: () => `${location.origin}/test/connect/fixtures/fake-widget.html` });
    parts(el).trigger.click();
    await waitUntil(() => parts(el).dialog.dataset.state === 'ready');
    const frame = parts(el).frame()!;
    const reference = log.of('mono-open')[0].detail.reference;
    const success = (code: string, ref = reference) => ({ type: 'mono.connect.widget.account_linked', data: { code, reference: ref } });

    // right origin, but the page's own window
    window.postMessage(success('code_acc_demo_spoof1'), '*');
    // right origin, another frame on the page
    const other = document.createElement('iframe');
    document.body.append(other);
    postFrom(other, success('code_acc_demo_spoof2'));
    // a script-made event claiming to come from the widget
    window.dispatchEvent(new MessageEvent('message', { data: success('code_acc_demo_spoof3'), origin: location.origin, source: frame.contentWindow }));
    // the right window, another session's reference
    postFrom(frame, success('code_acc_demo_spoof4', 'kit-someone-else'));
    postFrom(frame, { type: 'mono.connect.institution_selected', data: { reference: 'kit-someone-else' } });
    await nextMessageTurn();
    expect(log.names().filter((n) => n !== 'LOADED')).to.deep.equal(['mono-open', 'OPENED']);
    expect(rec.count('/accounts/auth')).to.equal(0);

    postFrom(frame, { type: 'mono.connect.institution_selected', data: { reference, institution: { id: 'x', name: 'GTBank' } } });
    postFrom(frame, success(`code_acc_demo_${Date.now()}`));
    await closed(log);
    expect(log.names().filter((n) => n !== 'LOADED')).to.deep.equal(['mono-open', 'OPENED', 'INSTITUTION_SELECTED', 'SUCCESS', 'mono-success', 'mono-close']);
    expect(log.of('mono-success')[0].detail.accountId).to.equal('acc_demo');
    expect(rec.count('/accounts/auth')).to.equal(1);
    other.remove();
  });

  it('exchanges once when the widget repeats its success message', async () => {
    const { el, log, rec } = await setup({}, { widgetUrl: fastWidget({ repeat_success: '3' }) });
    parts(el).trigger.click();
    await linkThroughWidget(await widgetReady(parts(el).frame), 'Access Bank', 'txns_5');
    await closed(log);
    await new Promise((r) => setTimeout(r, 100));
    expect(rec.count('/accounts/auth')).to.equal(1);
    expect(log.of('mono-success')).to.have.length(1);
    expect(log.names().filter((n) => n === 'SUCCESS')).to.have.length(1);
    expect(log.of('mono-error'), 'no "code already used" from a second exchange').to.have.length(0);
  });

  it('keeps two buttons on one page apart: each hears only its own widget', async () => {
    const a = await setup();
    const b = document.createElement('mono-connect-button');
    b.setAttribute('widget-origins', 'self');
    const bLog = eventLog(b);
    a.provider.append(b);
    await b.updateComplete;
    parts(a.el).trigger.click();
    await widgetReady(parts(a.el).frame);
    b.open();
    await linkThroughWidget(await widgetReady(() => parts(b).frame()), 'Access Bank', 'acc_business');
    await closed(bLog);
    expect(bLog.of('mono-success')[0].detail.accountId).to.equal('acc_business');
    expect(a.log.of('mono-success'), 'A saw nothing of B').to.have.length(0);
    expect(a.log.of('mono-close')).to.have.length(0);
    expect(a.log.names().filter((n) => n !== 'LOADED')).to.deep.equal(['mono-open', 'OPENED']);
    expect(parts(a.el).dialog.matches(':modal'), 'A is still open').to.equal(true);
    a.el.close();
    await closed(a.log);
    expect(a.rec.count('/accounts/auth')).to.equal(1);
  });

  it('opens once on a double click', async () => {
    const { el, log, rec } = await setup();
    parts(el).trigger.click();
    parts(el).trigger.click();
    await waitUntil(() => parts(el).dialog.dataset.state === 'ready');
    expect(log.of('mono-open')).to.have.length(1);
    expect(rec.count('/accounts/initiate')).to.equal(1);
    el.close();
    await closed(log);
  });

  it('survives being removed and re-added while open (one session, one exchange); removed for good it closes', async () => {
    const { el, provider, log, rec } = await setup();
    parts(el).trigger.click();
    await widgetReady(parts(el).frame);
    el.remove();
    provider.append(el);
    await el.updateComplete;
    await nextMessageTurn();
    expect(parts(el).dialog.matches(':modal'), 'back in the top layer').to.equal(true);
    expect(log.of('mono-close')).to.have.length(0);
    const doc = await widgetReady(parts(el).frame);
    await linkThroughWidget(doc, 'Access Bank', 'acc_demo');
    await closed(log);
    expect(log.of('mono-open')).to.have.length(1);
    expect(log.of('mono-success')).to.have.length(1);
    expect(rec.count('/accounts/auth')).to.equal(1);

    parts(el).trigger.click();
    await waitUntil(() => log.of('mono-open').length === 2);
    el.remove();
    await waitUntil(() => log.of('mono-close').length === 2, 'closed after removal');
    expect(log.of('mono-close')[1].detail.reason).to.equal('user');
    expect(document.documentElement.style.overflow).to.equal('');
  });

  it('removed while its initiate request runs, cancels it (after a click or a pointer-enter); moved, keeps it', async () => {
    const slow: RecorderOptions = { widgetUrl: fastWidget(), headers: { 'x-sandbox-latency': '1500' } };
    const { el, provider, rec, log } = await setup({}, slow);
    const initiate = (r: Recorder, i: number) => r.calls.filter((c) => c.path === '/accounts/initiate')[i];
    parts(el).trigger.click();
    await waitUntil(() => rec.count('/accounts/initiate') === 1);
    const elsewhere = document.createElement('div');
    provider.append(elsewhere);
    elsewhere.append(el);
    await new Promise((r) => setTimeout(r, 20));
    expect(initiate(rec, 0).signal!.aborted, 'moved').to.equal(false);
    el.remove();
    await waitUntil(() => initiate(rec, 0).signal!.aborted, 'the click’s initiate is cancelled', { timeout: 1000 });
    await waitUntil(() => log.of('mono-close').length === 1);
    expect([log.of('mono-close')[0].detail.reason, log.of('mono-error').length]).to.deep.equal(['user', 0]);

    const hovered = await setup({}, slow);
    const { trigger } = parts(hovered.el);
    trigger.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => hovered.rec.count('/accounts/initiate') === 1, 'pre-initiated');
    hovered.el.remove();
    await waitUntil(() => initiate(hovered.rec, 0).signal!.aborted, 'the pointer-enter’s initiate is cancelled', { timeout: 1000 });
    // Cancelled is not failed: back in the page, a pointer-enter initiates again.
    hovered.provider.append(hovered.el);
    await hovered.el.updateComplete;
    trigger.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => hovered.rec.count('/accounts/initiate') === 2, 'pre-initiated again', { timeout: 3000 });
  });

  it('reports a failed initiate (http, network) and stays usable', async () => {
    const failing = await setup({}, { widgetUrl: fastWidget(), headers: { 'x-sandbox-fault': '500' } });
    parts(failing.el).trigger.click();
    await closed(failing.log);
    expect(failing.log.names()).to.deep.equal(['mono-open', 'mono-error', 'mono-close']);
    const error = failing.log.of('mono-error')[0].detail.error;
    expect([error.kind, error.status]).to.deep.equal(['http', 500]);
    expect(failing.log.of('mono-close')[0].detail.reason).to.equal('error');
    expect(parts(failing.el).dialog.open).to.equal(false);
    expect(parts(failing.el).status()).to.match(/error \(500\)/);
    const describedBy = parts(failing.el).trigger.getAttribute('aria-describedby') ?? '';
    expect(failing.el.shadowRoot!.getElementById(describedBy)?.textContent, 'the error describes the button').to.match(/error \(500\)/);
    expect(parts(failing.el).trigger.disabled).to.equal(false);

    const offline = await setup({}, { initiateNetworkError: true });
    parts(offline.el).trigger.click();
    await closed(offline.log);
    expect(offline.log.of('mono-error')[0].detail.error.kind).to.equal('network');
    // usable again: a second click opens again
    parts(offline.el).trigger.click();
    await waitUntil(() => offline.log.of('mono-close').length === 2);
    expect(offline.log.of('mono-open')).to.have.length(2);
  });

  it('says the browser is offline when initiate fails while it is, and the network words once it is back', async () => {
    const offline = await setup({}, { initiateNetworkError: true });
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      parts(offline.el).trigger.click();
      await closed(offline.log);
      expect(offline.log.of('mono-error')[0].detail.error.kind).to.equal('network');
      expect(parts(offline.el).status()).to.equal('You are offline.');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine; // back to Navigator.prototype's getter
    }
    parts(offline.el).trigger.click();
    await waitUntil(() => offline.log.of('mono-close').length === 2);
    expect(parts(offline.el).status()).to.match(/^We could not reach the server/);
  });

  it('keeps focus in the dialog while the code is exchanged: on the progress line, which is read out', async () => {
    const { el, log } = await setup({}, { widgetUrl: fastWidget(), headers: { 'x-sandbox-latency': '500' } });
    const { trigger, dialog, frame } = parts(el);
    trigger.focus();
    trigger.click();
    const doc = await widgetReady(frame);
    await waitUntil(() => dialog.dataset.state === 'ready', 'iframe shown once loaded');
    await linkThroughWidget(doc, 'GTBank', 'acc_business');
    await waitUntil(() => dialog.dataset.state === 'finishing', 'no exchange', { timeout: 5000 });
    await el.updateComplete;
    expect(frame(), 'the widget is gone while the code is exchanged').to.equal(null);
    const focused = el.shadowRoot!.activeElement;
    expect(focused && dialog.contains(focused), 'focus stays in the dialog').to.equal(true);
    expect(focused!.textContent).to.equal('Linking your account…');
    await closed(log);
    expect(log.of('mono-close')[0].detail.reason).to.equal('success');
    expect(el.shadowRoot!.activeElement, 'then back on the button').to.equal(trigger);
  });

  it('reports a failed exchange as mono-error (http) and mono-close (error), never mono-success', async () => {
    const { el, log, rec } = await setup({}, { widgetUrl: fastWidget(), exchangeStatus: 502 });
    parts(el).trigger.click();
    await linkThroughWidget(await widgetReady(parts(el).frame));
    await closed(log);
    expect(log.names().slice(-4)).to.deep.equal(['ACCOUNT_LINKED', 'SUCCESS', 'mono-error', 'mono-close']);
    expect(log.of('mono-error')[0].detail.error.status).to.equal(502);
    expect(log.of('mono-close')[0].detail.reason).to.equal('error');
    expect(log.of('mono-success')).to.have.length(0);
    expect(rec.count('/accounts/auth')).to.equal(1);
  });

  it('refuses a widget URL that is not https (config error) and shows nothing', async () => {
    const { el, log } = await setup({}, { widgetUrl: () => 'http://connect.example/widget' });
    parts(el).trigger.click();
    await closed(log);
    expect(log.names()).to.deep.equal(['mono-open', 'mono-error', 'mono-close']);
    expect(log.of('mono-error')[0].detail.error.kind).to.equal('config');
    expect(parts(el).frame()).to.equal(null);
  });

  it('dims the page behind the dialog with --mono-connect-backdrop, set by the host, or its default', async () => {
    const { el, provider, log } = await setup();
    parts(el).trigger.click();
    await waitUntil(() => parts(el).dialog.open, 'the dialog did not open');
    const backdrop = () => getComputedStyle(parts(el).dialog, '::backdrop').backgroundColor;
    expect(backdrop()).to.equal('rgba(0, 0, 0, 0.6)');
    provider.style.setProperty('--mono-connect-backdrop', 'rgb(1 2 3 / 0.5)');
    expect(backdrop()).to.equal('rgba(1, 2, 3, 0.5)');
    parts(el).close.click();
    await closed(log);
  });

  it('keeps the dialog and the sandbox widget both light on a page that declares no dark, whatever the system prefers', async () => {
    const emulated = await emulate({ colorScheme: 'dark' }, '(prefers-color-scheme: dark)');
    try {
      const { el, log } = await setup();
      parts(el).trigger.click();
      const doc = await widgetReady(parts(el).frame);
      const light = 'rgb(255, 255, 255)';
      expect(getComputedStyle(parts(el).dialog).backgroundColor, `dialog (system dark emulated: ${emulated})`).to.equal(light);
      expect(getComputedStyle(doc.body).backgroundColor, 'the widget inside it').to.equal(light);
      parts(el).close.click();
      await closed(log);
    } finally {
      await emulate({ colorScheme: 'light' }, '(prefers-color-scheme: light)');
    }
  });

  it('refuses an initiate answer that names another reference (invalid-response at data.meta.ref) and shows nothing', async () => {
    const { el, log } = await setup({}, { widgetUrl: fastWidget(), initiateRef: 'kit-someone-else' });
    parts(el).trigger.click();
    await closed(log);
    expect(log.names()).to.deep.equal(['mono-open', 'mono-error', 'mono-close']);
    const { error } = log.of('mono-error')[0].detail;
    expect([error.kind, error.path]).to.deep.equal(['invalid-response', 'data.meta.ref']);
    expect(parts(el).frame()).to.equal(null);
    expect(parts(el).status()).to.not.equal('');
  });

  it('re-authorises: initiate with scope reauth and the account, then success for that account', async () => {
    const { el, log, rec } = await setup({ reauth: '', 'account-id': 'acc_demo', 'customer-name': 'Ada' });
    expect(parts(el).trigger.textContent!.trim()).to.equal('Reconnect your bank account');
    parts(el).trigger.click();
    const doc = await widgetReady(parts(el).frame);
    expect(doc.getElementById('step-login')!.hidden, 'the bank is pre-selected').to.equal(false);
    await linkThroughWidget(doc);
    await closed(log);
    const reference = log.of('mono-open')[0].detail.reference;
    expect(rec.calls.find((c) => c.path === '/accounts/initiate')!.body).to.deep.equal({ scope: 'reauth', account: 'acc_demo', meta: { ref: reference } });
    expect(log.of('mono-success')[0].detail).to.deep.equal({ accountId: 'acc_demo', reference });
  });

  it('re-authorise without an account is a config error, before anything opens', async () => {
    const { el, log, rec } = await setup({ reauth: '' });
    parts(el).trigger.click();
    await nextMessageTurn();
    expect(log.names()).to.deep.equal(['mono-error']);
    expect(log.of('mono-error')[0].detail.error.kind).to.equal('config');
    expect(rec.calls).to.have.length(0);
    await el.updateComplete;
    expect(parts(el).status()).to.match(/^This element is not set up correctly\. reauth needs an account-id/);
    registerMessages('fr', fr);
    el.locale = 'fr';
    await el.updateComplete;
    expect(parts(el).status(), 'said again in the new locale').to.match(new RegExp(`^${fr.errorConfig.replace(/\./g, '\\.')} reauth needs`));
  });

  it('passes customer and institution to initiate when set', async () => {
    const { el, log, rec } = await setup({ 'customer-name': 'Chiamaka Okafor', 'customer-email': 'chiamaka@example.ng', institution: 'inst_1', 'auth-method': 'mobile_banking' });
    el.customer = { identity: { type: 'bvn', number: '22222222222' } };
    parts(el).trigger.click();
    await waitUntil(() => rec.count('/accounts/initiate') === 1);
    expect(rec.calls[0].body).to.deep.equal({
      scope: 'auth',
      institution: { id: 'inst_1', auth_method: 'mobile_banking' },
      customer: { identity: { type: 'bvn', number: '22222222222' }, name: 'Chiamaka Okafor', email: 'chiamaka@example.ng' },
      meta: { ref: log.of('mono-open')[0].detail.reference },
    });
    el.close();
    await closed(log);
  });

  it('initiates on pointer-enter / focus, uses that link for the click, and never uses a link twice', async () => {
    const { el, log, rec } = await setup();
    const { trigger } = parts(el);
    trigger.dispatchEvent(new PointerEvent('pointerenter'));
    trigger.focus();
    await waitUntil(() => rec.count('/accounts/initiate') === 1, 'pre-initiated');
    await nextMessageTurn();
    expect(rec.count('/accounts/initiate'), 'pointer-enter and focus share one link').to.equal(1);
    trigger.click();
    await waitUntil(() => parts(el).dialog.dataset.state === 'ready');
    expect(rec.count('/accounts/initiate'), 'the click used the early link').to.equal(1);
    expect(log.of('mono-open')[0].detail.reference).to.equal(rec.calls[0].body.meta.ref);
    el.close();
    await closed(log);

    parts(el).trigger.click();
    await waitUntil(() => rec.count('/accounts/initiate') === 2, 'a second open initiates again');
    expect(rec.calls[1].body.meta.ref).to.not.equal(rec.calls[0].body.meta.ref);
    el.close();

    const lazy = await setup({ 'no-preinitiate': '' });
    // The code a click needs still loads on pointer-enter; only the initiate waits for the click.
    const client = lazy.el.client;
    let prepared = 0;
    client.prepare = () => void prepared++;
    // The page's idle warm-up prepares it too: let that pass first, then count pointer-enter's alone.
    await new Promise<void>((resolve) => ((window.requestIdleCallback ?? setTimeout) as (callback: () => void) => void)(resolve));
    prepared = 0;
    parts(lazy.el).trigger.dispatchEvent(new PointerEvent('pointerenter'));
    await nextMessageTurn();
    expect(lazy.rec.calls).to.have.length(0);
    expect(prepared).to.equal(1);
  });

  it('preconnects to the widget origins on pointer-enter, once per origin, never to its own', async () => {
    const { el } = await setup({ 'widget-origins': 'self https://connect.mono.co https://link.mono.co', 'no-preinitiate': '' });
    const links = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].map((l) => l.href.replace(/\/$/, ''));
    parts(el).trigger.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => links().length >= 2, 'no preconnect links');
    parts(el).trigger.dispatchEvent(new PointerEvent('pointerenter'));
    await nextMessageTurn();
    expect(links().sort()).to.deep.equal(['https://connect.mono.co', 'https://link.mono.co']);
  });

  describe('popup mode', () => {
    let realOpen: typeof window.open;
    let opened: Array<{ url: string | URL | undefined; features?: string; sync: boolean }>;
    let popupFrame: HTMLIFrameElement;
    let inClick = false;

    beforeEach(() => {
      realOpen = window.open;
      opened = [];
      // A real popup needs a user gesture the test cannot give: a same-origin frame's window stands in for it.
      popupFrame = document.createElement('iframe');
      document.body.append(popupFrame);
      window.open = ((url?: string | URL, _name?: string, features?: string) => {
        opened.push({ url, features, sync: inClick });
        return popupFrame.contentWindow;
      }) as typeof window.open;
    });
    afterEach(() => {
      window.open = realOpen;
      popupFrame.remove();
    });

    const click = (el: MonoConnectButton) => {
      inClick = true;
      parts(el).trigger.click();
      inClick = false;
    };

    it('opens the window inside the click, then links through it', async () => {
      const { el, log, rec } = await setup({ mode: 'popup' });
      click(el);
      expect(opened).to.have.length(1);
      expect(opened[0]).to.deep.include({ url: 'about:blank', sync: true });
      expect(opened[0].features).to.match(/popup=yes,width=\d+,height=\d+/);
      expect(log.of('mono-open')[0].detail.mode).to.equal('popup');
      // Until the widget loads, the window says so in the button's words, marked with their language.
      const blank = popupFrame.contentDocument!;
      expect([blank.body.textContent, blank.documentElement.lang]).to.deep.equal(['Opening Mono Connect…', el.shadowRoot!.querySelector<HTMLElement>('.words')!.lang]);
      expect(blank.documentElement.lang).to.match(/^en\b/);
      await el.updateComplete;
      expect(parts(el).status()).to.contain('Continue in the Mono Connect window.');
      expect(parts(el).dialog.open).to.equal(false);
      await expect(el).to.be.accessible();
      const doc = await widgetReady(() => popupFrame);
      expect(new URL(doc.location.href).searchParams.get('reference')).to.equal(log.of('mono-open')[0].detail.reference);
      await linkThroughWidget(doc, 'Access Bank', 'acc_business');
      await closed(log);
      expect(log.of('mono-success')[0].detail.accountId).to.equal('acc_business');
      expect(log.of('mono-close')[0].detail.reason).to.equal('success');
      expect(rec.count('/accounts/auth')).to.equal(1);
      expect(log.names()).to.not.include('LOADED');
    });

    it('notices when the person closes the window', async () => {
      const { el, log } = await setup({ mode: 'popup' });
      click(el);
      await widgetReady(() => popupFrame);
      popupFrame.remove(); // its window is now closed
      await closed(log);
      expect(log.of('mono-close')[0].detail.reason).to.equal('user');
      expect(parts(el).status()).to.not.contain('Continue');
    });

    it('a window closed before initiate answers is the person’s choice (user), not an error', async () => {
      const { el, log } = await setup({ mode: 'popup' }, { widgetUrl: fastWidget(), headers: { 'x-sandbox-latency': '700' } });
      click(el);
      popupFrame.remove();
      await closed(log);
      await new Promise((r) => setTimeout(r, 900));
      expect(log.names()).to.deep.equal(['mono-open', 'mono-close']);
      expect(log.of('mono-close')[0].detail.reason).to.equal('user');
    });

    it('says no OPENED for a window closed before the widget could be shown in it', async () => {
      const { el, log } = await setup({ mode: 'popup' });
      click(el);
      popupFrame.remove();
      await closed(log);
      expect(log.names()).to.deep.equal(['mono-open', 'mono-close']);
    });

    it('reports popup-blocked when the browser refuses the window, without opening anything', async () => {
      window.open = (() => null) as typeof window.open;
      const { el, log, rec } = await setup({ mode: 'popup' });
      click(el);
      await nextMessageTurn();
      expect(log.names()).to.deep.equal(['mono-error']);
      expect(log.of('mono-error')[0].detail.error.kind).to.equal('popup-blocked');
      expect(rec.calls, 'no link wasted').to.have.length(0);
      expect(parts(el).status()).to.contain('blocked');
      expect(parts(el).trigger.disabled).to.equal(false);
    });

    it('public-key opens the classic widget URL with no initiate and no customer data', async () => {
      const { el, log, rec } = await setup({ 'public-key': 'test_pk_abc123', 'customer-name': 'Chiamaka Okafor', 'customer-email': 'c@example.ng', 'customer-id': 'cus_42' });
      el.removeAttribute('widget-origins');
      await el.updateComplete;
      click(el);
      await waitUntil(() => parts(el).frame()?.getAttribute('src'));
      const replaced = parts(el).frame()!.getAttribute('src')!;
      const url = new URL(replaced);
      expect(`${url.origin}${url.pathname}`).to.equal('https://connect.mono.co/');
      expect(url.searchParams.get('key')).to.equal('test_pk_abc123');
      expect(url.searchParams.get('scope')).to.equal('auth');
      expect(url.searchParams.get('reference')).to.equal(log.of('mono-open')[0].detail.reference);
      expect(replaced).to.not.match(/Chiamaka|example\.ng/);
      expect(JSON.parse(url.searchParams.get('data')!)).to.deep.equal({ customer: { id: 'cus_42' } });
      expect(rec.calls).to.have.length(0);
      el.close();
      await closed(log);
      expect(parts(el).frame()).to.equal(null);
    });
  });

  it('public-key in popup or redirect mode is a config error: the classic widget speaks only to a parent frame', async () => {
    const realOpen = window.open;
    let opened = 0;
    window.open = (() => (opened++, null)) as unknown as typeof window.open;
    try {
      for (const mode of ['popup', 'redirect']) {
        const { el, log } = await setup({ 'public-key': 'test_pk_1', mode });
        parts(el).trigger.click();
        await nextMessageTurn();
        expect(log.names(), mode).to.deep.equal(['mono-error']);
        expect(log.of('mono-error')[0].detail.error.kind).to.equal('config');
        expect(log.of('mono-error')[0].detail.error.message).to.contain('modal');
      }
    } finally {
      window.open = realOpen;
    }
    expect(opened, 'no window opened').to.equal(0);
  });

  it('public-key without customer-id is a config error for a new link, before anything opens: the widget requires a customer', async () => {
    const { el, log } = await setup({ 'public-key': 'test_pk_1' });
    parts(el).trigger.click();
    await nextMessageTurn();
    expect(log.names()).to.deep.equal(['mono-error']);
    expect(log.of('mono-error')[0].detail.error.kind).to.equal('config');
    expect(log.of('mono-error')[0].detail.error.message).to.contain('customer-id');
    expect(parts(el).dialog.open).to.equal(false);
  });

  describe('redirect mode', () => {
    const home = location.href;
    afterEach(() => history.replaceState(history.state, '', home));

    it('navigates to the widget after initiate and remembers the reference for the return', async () => {
      const { el, log, rec } = await setup({ mode: 'redirect' });
      let navigatedTo: string | undefined;
      (el as unknown as { navigate: (url: string) => void }).navigate = (url) => (navigatedTo = url);
      parts(el).trigger.click();
      await waitUntil(() => navigatedTo !== undefined);
      const reference = log.of('mono-open')[0].detail.reference;
      expect(log.of('mono-open')[0].detail.mode).to.equal('redirect');
      expect(new URL(navigatedTo!).searchParams.get('reference')).to.equal(reference);
      expect(JSON.parse(sessionStorage.getItem('mono-elements.connect')!)[0]).to.deep.include({ reference, mode: 'redirect' });
      expect(JSON.parse(sessionStorage.getItem('mono-elements.connect')!), 'remembered once').to.have.length(1);
      expect(rec.count('/accounts/initiate')).to.equal(1);
      expect(parts(el).trigger.disabled).to.equal(true);
      expect(parts(el).status()).to.contain('Taking you to Mono Connect');
    });

    it('refuses redirect mode, before anything opens, when this tab cannot remember the flow', async () => {
      const { el, log, rec } = await setup({ mode: 'redirect' });
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        parts(el).trigger.click();
      } finally {
        Storage.prototype.setItem = setItem;
      }
      await nextMessageTurn();
      expect(log.names()).to.deep.equal(['mono-error']);
      expect(log.of('mono-error')[0].detail.error.kind).to.equal('config');
      expect(rec.calls, 'no initiate').to.have.length(0);
    });

    it('after the return: exchanges once (even with two buttons and a double mount), strips the URL, success then close', async () => {
      const reference = `kit-return-${Date.now()}`;
      rememberConnect({ reference, mode: 'redirect', createdAt: Date.now() });
      history.replaceState(history.state, '', `${location.pathname}?keep=1&code=code_acc_demo_${Date.now()}&status=successful&reference=${reference}`);
      const rec = recorder();
      const provider = await fixture<MonoProvider>(html`<mono-provider .fetch=${rec.fetch}></mono-provider>`);
      const events: string[] = [];
      const details: any[] = [];
      for (const name of ['mono-open', 'mono-success', 'mono-close', 'mono-error'] as const) {
        provider.addEventListener(name, (e) => {
          events.push(name);
          details.push(e.detail);
        });
      }
      const first = document.createElement('mono-connect-button');
      const second = document.createElement('mono-connect-button');
      provider.append(first, second);
      first.remove();
      provider.append(first);
      await waitUntil(() => events.includes('mono-close'), 'resumed');
      await new Promise((r) => setTimeout(r, 100));
      expect(events).to.deep.equal(['mono-success', 'mono-close']);
      expect(details[0]).to.deep.equal({ accountId: 'acc_demo', reference });
      expect(details[1]).to.deep.equal({ reason: 'success' });
      expect(rec.count('/accounts/auth')).to.equal(1);
      expect(location.search).to.equal('?keep=1');
    });

    it('ignores a return it did not start (unknown reference: forged or replayed)', async () => {
      history.replaceState(history.state, '', `${location.pathname}?code=code_acc_demo_forged1&status=successful&reference=kit-forged`);
      const { log, rec } = await setup();
      await nextMessageTurn();
      expect(log.events).to.have.length(0);
      expect(rec.calls).to.have.length(0);
      expect(location.search, 'not ours to tidy').to.contain('code=');
    });

    it('a return with status=failed (widget closed) closes with reason user', async () => {
      const reference = `kit-closed-${Date.now()}`;
      rememberConnect({ reference, mode: 'redirect', createdAt: Date.now() });
      history.replaceState(history.state, '', `${location.pathname}?status=failed&reason=widget_closed&reference=${reference}`);
      const { log, rec } = await setup();
      await closed(log);
      expect(log.names()).to.deep.equal(['mono-close']);
      expect(log.of('mono-close')[0].detail.reason).to.equal('user');
      expect(rec.calls).to.have.length(0);
    });
  });

  it('finishes when the widget returns to a redirect_url page inside the modal (the redirect helper hands off)', async () => {
    const code = `code_acc_business_${Date.now()}`;
    const handOff = (wrongReference: boolean) => (url: URL, body: any) =>
      `${location.origin}/test/connect/fixtures/return.html?code=${code}&status=successful&reference=${wrongReference ? 'kit-not-mine' : body.meta.ref}`;
    const wrong = await setup({}, { widgetUrl: handOff(true) });
    parts(wrong.el).trigger.click();
    await waitUntil(() => parts(wrong.el).dialog.dataset.state === 'ready');
    await new Promise((r) => setTimeout(r, 200));
    expect(wrong.rec.count('/accounts/auth')).to.equal(0);
    wrong.el.close();
    await closed(wrong.log);

    const { el, log, rec } = await setup({}, { widgetUrl: handOff(false) });
    parts(el).trigger.click();
    await closed(log);
    expect(log.of('mono-success')[0].detail.accountId).to.equal('acc_business');
    expect(rec.count('/accounts/auth')).to.equal(1);
    // The reference goes beside the code, so the host can forget that link (it can no longer be claimed by reference).
    expect(rec.calls.find((c) => c.path === '/accounts/auth')!.body).to.deep.equal({ code, reference: log.of('mono-open')[0].detail.reference });
  });

  it('completes a hosted link that returns without a code: the sandbox widget reports the account as Mono\'s webhook would, the button exchanges the reference', async () => {
    const returnPage = `${location.origin}/test/connect/fixtures/return.html`;
    const { el, log, rec } = await setup({}, { widgetUrl: fastWidget({ return: 'reference', redirect_url: returnPage }) });
    parts(el).trigger.click();
    await linkThroughWidget(await widgetReady(parts(el).frame), 'Access Bank', 'txns_5');
    await closed(log);
    expect(log.names()).to.include.members(['mono-open', 'mono-success']);
    expect(log.of('mono-success')[0].detail.accountId).to.equal('txns_5');
    const exchanges = rec.calls.filter((c) => c.path === '/accounts/auth');
    expect(exchanges).to.have.length(1);
    expect(exchanges[0].body).to.deep.equal({ reference: log.of('mono-open')[0].detail.reference });
    expect(log.of('mono-close')[0].detail.reason).to.equal('success');
  });

  it('a return without a code that the host cannot confirm is an http error saying so, and the dialog closes', async () => {
    const unconfirmed = (url: URL, body: any) => `${location.origin}/test/connect/fixtures/return.html?status=successful&reference=${body.meta.ref}`;
    const { el, log, rec } = await setup({}, { widgetUrl: unconfirmed });
    parts(el).trigger.click();
    await waitUntil(() => log.of('mono-close').length > 0, 'no mono-close', { timeout: 8000 });
    expect(log.names().slice(-2)).to.deep.equal(['mono-error', 'mono-close']);
    const { error } = log.of('mono-error')[0].detail;
    expect([error.kind, error.status]).to.deep.equal(['http', 409]);
    expect(parts(el).status()).to.contain('Mono has not confirmed this link yet');
    expect(rec.count('/accounts/auth'), 'the claim is not repeated on its own').to.equal(1);
    expect(parts(el).dialog.open).to.equal(false);

    // Mono's webhook comes late (the sandbox's widget report stands in for it); the next press claims that link
    // again instead of starting another: no initiate, no widget, the same reference.
    const reference = log.of('mono-open')[0].detail.reference;
    const initiates = rec.count('/accounts/initiate');
    const report = await fetch('/api/mono/widget/linked', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference, account: 'txns_5' }) });
    expect(report.status).to.equal(200);
    log.events.length = 0;
    parts(el).trigger.click();
    await waitUntil(() => log.of('mono-close').length > 0, 'no mono-close after the second press', { timeout: 8000 });
    expect(log.names()).to.deep.equal(['mono-open', 'mono-success', 'mono-close']);
    expect(log.of('mono-open')[0].detail.reference).to.equal(reference);
    expect(log.of('mono-success')[0].detail).to.deep.equal({ accountId: 'txns_5', reference });
    expect(rec.count('/accounts/initiate')).to.equal(initiates);
    expect(rec.calls.filter((c) => c.path === '/accounts/auth').map((c) => c.body)).to.deep.equal([{ reference }, { reference }]);
    expect(parts(el).dialog.open, 'no dialog for a claim').to.equal(false);
    expect(parts(el).status()).to.contain('linked');

    // Claimed: the press after that starts a new link.
    log.events.length = 0;
    parts(el).trigger.click();
    await waitUntil(() => rec.count('/accounts/initiate') > initiates, 'a new link is initiated');
    expect(log.of('mono-open')[0].detail.reference).to.not.equal(reference);
    el.close();
    await closed(log);
  });
});
