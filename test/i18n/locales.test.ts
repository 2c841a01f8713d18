// Locales in the browser: money for the four currencies, elements formatting with their locale, the French
// catalogue by locale or nearest lang, host overrides on the provider and the element, and right-to-left
// pages that do not push any element's content out of its box.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../fixtures/wait.js';
import '../../src/define.js';
import { MonoClient } from '../../src/client/index.js';
import { formatMoney } from '../../src/core/format.js';
import { MonoDataElement } from '../../src/core/mono-element.js';
import { registerMessages } from '../../src/i18n/index.js';
import { fr } from '../../src/i18n/locales/fr.js';
import { MONO_ELEMENTS } from '../../src/tags.js';
import type { Chart } from 'chart.js';
import { chartDrawn, recordingClient, uid, type Override } from '../charts/sandbox-helpers.js';
import type { MonoAccount } from '../../src/elements/account/mono-account.js';
import type { MonoProvider } from '../../src/elements/provider/mono-provider.js';

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const errorText = (el: Element) => spaces(el.shadowRoot!.querySelector('[part~=error]')?.textContent ?? '');
/** No retries, so that the sandbox's failing accounts show their error at once. */
const fastClient = new MonoClient({ retries: 0 });
const retryText = (el: Element) => el.shadowRoot!.querySelector('[part~=retry-button]')?.textContent?.trim();

describe('locales', () => {
  before(() => registerMessages('fr', fr));

  it('formats NGN, GHS, KES and ZAR the way each country writes them', () => {
    expect(spaces(formatMoney(18452375, 'NGN', 'en-NG'))).to.equal('₦184,523.75');
    expect(spaces(formatMoney(18452375, 'GHS', 'en-GH'))).to.equal('GH₵184,523.75');
    expect(spaces(formatMoney(18452375, 'KES', 'en-KE'))).to.equal('Ksh 184,523.75');
    expect(spaces(formatMoney(18452375, 'ZAR', 'en-ZA'))).to.equal('R 184 523,75');
    expect(spaces(formatMoney(-5, 'ZAR', 'en-ZA'))).to.equal('-R 0,05');
    expect(spaces(formatMoney(100, 'GHS', 'en-GH', { signDisplay: 'always' }))).to.equal('+GH₵1.00');
    // The naira on a Ghanaian page, the cedi on a Nigerian one: the ISO code makes it unambiguous.
    expect(spaces(formatMoney(100, 'NGN', 'en-GH'))).to.equal('NGN 1.00');
    expect(spaces(formatMoney(100, 'GHS', 'en-NG'))).to.equal('GHS 1.00');
  });

  it('has elements format money with their own locale', async () => {
    const account = await new MonoClient().account('acc_demo');
    for (const locale of ['en-NG', 'en-ZA', 'fr']) {
      const el = await fixture<MonoAccount>(html`<mono-account account-id="acc_demo" locale=${locale}></mono-account>`);
      if (!el.shadowRoot?.querySelector('[part~=balance]')) await oneEvent(el, 'mono-load');
      await el.updateComplete;
      const balance = spaces(el.shadowRoot!.querySelector('[part~=balance]')!.textContent!);
      expect(balance, locale).to.contain(spaces(formatMoney(account.balance, account.currency, locale)));
    }
  });

  it('speaks French with locale="fr…" or the nearest lang, and English otherwise', async () => {
    const byAttribute = (await fixture<MonoProvider>(html`<mono-provider .client=${fastClient}><mono-account account-id="failing_fr1" locale="fr-CI"></mono-account></mono-provider>`)).firstElementChild as MonoAccount;
    // The error may come before fixture() resolves, so wait for what it renders rather than for the event.
    await waitUntil(() => retryText(byAttribute), 'error shown');
    expect(errorText(byAttribute)).to.contain('Le serveur a répondu par une erreur (500)');
    expect(retryText(byAttribute)).to.equal('Réessayer');

    const wrapper = await fixture<HTMLElement>(html`<div lang="fr-SN"><mono-provider .client=${fastClient}><mono-account account-id="failing_fr2"></mono-account></mono-provider></div>`);
    const byLang = wrapper.querySelector('mono-account')!;
    await waitUntil(() => retryText(byLang), 'error shown');
    expect(retryText(byLang)).to.equal('Réessayer');

    const english = (await fixture<MonoProvider>(html`<mono-provider .client=${fastClient}><mono-account account-id="failing_en" locale="en-KE"></mono-account></mono-provider>`)).firstElementChild as MonoAccount;
    await waitUntil(() => retryText(english), 'error shown');
    expect(retryText(english)).to.equal('Try again');
  });

  it('follows a lang changed on the page, and a catalogue registered after it rendered (a lazy import)', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en-NG"><mono-provider .client=${fastClient}>
      <mono-account account-id="failing_switch"></mono-account><mono-connect-button></mono-connect-button>
    </mono-provider></div>`);
    const account = wrapper.querySelector('mono-account')!;
    const button = () => wrapper.querySelector('mono-connect-button')!.shadowRoot!.querySelector('button')!.textContent!.trim();
    await waitUntil(() => retryText(account), 'error shown');
    const english = button();
    wrapper.lang = 'fr';
    await waitUntil(() => retryText(account) === 'Réessayer', 'the account speaks French');
    await waitUntil(() => button() !== english, 'the connect button too');
    expect(button()).to.equal(fr.connectLabel);

    wrapper.lang = 'pt-AO';
    await waitUntil(() => retryText(account) === 'Try again', 'no Portuguese yet');
    registerMessages('pt', { retry: 'Tentar novamente' });
    await waitUntil(() => retryText(account) === 'Tentar novamente', 'the catalogue registered later');
  });

  it("marks its words with their language where it is not the page's, so screen readers use the right voice", async () => {
    // Every element's shadow content, and the slotted label the page wrote, which stays in the page's language.
    const words = (el: Element) => el.shadowRoot!.querySelector('[part]')!;
    const page = await fixture<HTMLElement>(html`<div lang="yo-NG"><mono-provider .client=${fastClient}>
      <mono-account account-id="failing_lang1"></mono-account>
      <mono-account account-id="failing_lang2" locale="fr-CI"></mono-account>
      <mono-connect-button>Sopọ akọọlẹ rẹ</mono-connect-button>
      <mono-connect-button locale="fr"></mono-connect-button>
      <mono-transaction-table .transactions=${[]}></mono-transaction-table>
    </mono-provider></div>`);
    const [yoruba, french] = page.querySelectorAll('mono-account');
    const [yorubaButton, frenchButton] = page.querySelectorAll('mono-connect-button');
    await waitUntil(() => retryText(yoruba) && retryText(french), 'errors shown');
    await frenchButton.updateComplete;
    // No Yoruba catalogue: the words are English, on a Yoruba page.
    expect(retryText(yoruba)).to.equal('Try again');
    expect(words(yoruba).matches(':lang(en)'), 'English words marked English').to.equal(true);
    expect(words(yorubaButton).matches(':lang(en)')).to.equal(true);
    expect(words(page.querySelector('mono-transaction-table')!).matches(':lang(en)')).to.equal(true);
    expect(yorubaButton.firstChild!.parentElement!.matches(':lang(yo)'), "the page's own label keeps the page's language").to.equal(true);
    expect(words(french).matches(':lang(fr-CI)')).to.equal(true);
    expect(words(frenchButton).matches(':lang(fr)')).to.equal(true);
    // The same language as the page: nothing to say apart from it.
    const english = await fixture<HTMLElement>(html`<div lang="en-GB"><mono-account account-id="acc_demo"></mono-account></div>`);
    await (english.firstElementChild as MonoAccount).updateComplete;
    expect(words(english.firstElementChild!).matches(':lang(en-GB)')).to.equal(true);
    registerMessages('yo', { retry: 'Gbiyanju lẹẹkansi' });
    await waitUntil(() => retryText(yoruba) === 'Gbiyanju lẹẹkansi', 'a Yoruba catalogue registered');
    expect(words(yoruba).matches(':lang(yo)')).to.equal(true);
  });

  it('counts transactions with the plural rules of the locale: French says 0 and 1 in the singular', async () => {
    const row = { id: 'r', narration: 'POS', amount: 100, type: 'debit', balance: null, date: '2025-06-01T10:00:00Z', category: null, currency: 'NGN' } as const;
    const count = async (locale: string, n: number) => {
      const rows = Array.from({ length: n }, (_, i) => ({ ...row, id: `r${i}` }));
      const el = await fixture<HTMLElement & { settled: Promise<void> }>(html`<mono-transactions locale=${locale} .transactions=${rows}></mono-transactions>`);
      await el.settled;
      return spaces(el.shadowRoot!.querySelector('[part~=totals] .count dd')!.textContent!.trim());
    };
    expect([await count('fr', 0), await count('fr', 1), await count('fr', 2)]).to.deep.equal(['0 transaction', '1 transaction', '2 transactions']);
    expect([await count('en-NG', 0), await count('en-NG', 1), await count('en-NG', 1200)]).to.deep.equal(['0 transactions', '1 transaction', '1,200 transactions']);
  });

  it("writes a label and its value, and a list, in the locale's punctuation: French spaces its colon", async () => {
    const overrides: Override = (call) =>
      /\/accounts\/[^/]+$/.test(call.path)
        ? { data: { account: { id: 'p', name: 'Ada', account_number: '0123456789', currency: 'NGN', balance: 100, type: 'SAVINGS', institution: { name: 'Bank' } }, meta: { data_status: 'PARTIAL', retrieved_data: ['balance'] } } }
        : /\/earnings$/.test(call.path)
          ? { status: 'successful', data: [{ id: 'e', amount: 100, narration: 'Dividend', date: '2020-01-15T12:00:00Z', currency: 'NGN', asset: { symbol: 'AAPL', name: 'Apple Inc' } }] }
          : undefined;
    const { client } = recordingClient({ override: overrides });
    const mountIn = async (locale: string) => {
      const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${uid('inv')} locale=${locale}>
        <mono-account></mono-account><mono-account compact></mono-account><mono-assets view="table"></mono-assets><mono-earnings period="3"></mono-earnings>
      </mono-provider>`);
      const [account, compact, assets, earnings] = [...root.children] as Array<MonoDataElement & { resource: { status: string } }>;
      await waitUntil(() => [account, compact, assets, earnings].every((el) => el.resource.status === 'loaded'), 'all loaded', { timeout: 8000 });
      await Promise.all([account, compact, assets, earnings].map((el) => el.updateComplete));
      const text = (el: Element, selector: string) => spaces(el.shadowRoot!.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim());
      return {
        missing: text(account, '.status-text .help'),
        balance: text(compact, '[part~=balance] .sr-only'),
        status: text(compact, '[part~=badge] .sr-only'),
        gain: text(assets, '.total-return'),
        period: text(earnings, '.state.none button'),
      };
    };
    const english = await mountIn('en-NG');
    expect(english.missing).to.equal('Missing: identity and transactions.');
    expect(english.balance).to.equal('Balance:');
    expect(english.status).to.equal('Data status:');
    expect(english.gain).to.match(/^Return: \S/);
    expect(english.period).to.equal('Period: All');
    const french = await mountIn('fr');
    expect(french.missing).to.equal('Manquant : identité et transactions.');
    expect(french.balance).to.equal('Solde :');
    expect(french.status).to.equal('État des données :');
    expect(french.gain).to.match(/^Rendement : \S/);
    expect(french.period).to.equal('Période : Tout');
  });

  it("shows Mono's codes (categories, income streams, gender) in the catalogue's words, and unknown codes readable", async () => {
    const row = { narration: 'POS', amount: 100, type: 'debit', balance: null, date: '2025-06-01T10:00:00Z', currency: 'NGN' } as const;
    const rows = ['bank_charges', 'crypto_exchange', 'unknown'].map((category, i) => ({ ...row, id: `c${i}`, category }));
    const table = await fixture<HTMLElement & { settled: Promise<void> }>(html`<mono-transactions locale="fr" .transactions=${rows}></mono-transactions>`);
    await table.settled;
    const inner = table.shadowRoot!.querySelector('mono-transaction-table')!;
    await (inner as unknown as MonoDataElement).updateComplete;
    const categories = [...inner.shadowRoot!.querySelectorAll('tbody td.col-category')].map((c) => c.textContent!.trim());
    expect(categories.sort()).to.deep.equal(['Crypto exchange', 'Frais bancaires', fr.txnUncategorised].sort());

    const { client } = recordingClient({
      override: (call) =>
        /\/identity$/.test(call.path)
          ? { status: 'successful', data: { full_name: 'Ada Obi', gender: 'FEMALE', marital_status: 'married' } }
          : /\/income-records$/.test(call.path)
            ? { status: 'successful', data: [{ income_summary: { total_income: 1000, employer: null }, income_streams: [{ income_type: 'SALARY', frequency: 'MONTHLY', monthly_average: 1000, currency: 'NGN', stability: 0.9, first_income_date: '2025-01-27', last_income_date: '2025-05-27' }] }] }
            : undefined,
    });
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${uid('codes')} locale="fr"><mono-identity></mono-identity><mono-income-summary view="table"></mono-income-summary></mono-provider>`);
    const [identity, income] = [...root.children] as Array<MonoDataElement & { resource: { status: string } }>;
    await waitUntil(() => identity.resource.status === 'loaded' && income.resource.status === 'loaded', 'both loaded', { timeout: 8000 });
    await Promise.all([identity.updateComplete, income.updateComplete]);
    const field = (name: string) => identity.shadowRoot!.querySelector(`[data-field=${name}] dd`)!.textContent!.trim();
    expect([field('gender'), field('maritalStatus')]).to.deep.equal(['Femme', 'Marié(e)']);
    const stream = [...income.shadowRoot!.querySelector('.streams tbody tr')!.children].map((c) => c.textContent!.trim());
    expect(stream.slice(0, 2)).to.deep.equal(['Salaire', 'Mensuelle']);
  });

  it("labels a chart's tooltip in the locale's punctuation", async () => {
    const el = await fixture<MonoDataElement & { chart?: Chart }>(html`<mono-earnings account-id=${uid('earn')} locale="fr"></mono-earnings>`);
    await chartDrawn(el);
    const label = el.chart!.options.plugins!.tooltip!.callbacks!.label as unknown as (item: object) => string;
    expect(spaces(label.call(el.chart, { parsed: { y: 1234 }, dataset: { label: 'Gagné' } }))).to.match(/^Gagné : \S/);
  });

  it("takes the nearest lang from outside another component's shadow root, and en-NG when no lang is set", async () => {
    const pageLang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      const outer = await fixture<HTMLElement>(html`<div lang="fr-SN"><section></section></div>`);
      const host = outer.firstElementChild!;
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<div><mono-account account-id="acc_demo"></mono-account></div>';
      const inShadow = root.querySelector<MonoAccount>('mono-account')!;
      expect(inShadow.resolvedLocale, 'the lang outside the shadow root').to.equal('fr-SN');

      const plain = await fixture<MonoAccount>(html`<mono-account account-id="acc_demo"></mono-account>`);
      expect(plain.resolvedLocale, 'no lang anywhere: not the browser\'s language').to.equal('en-NG');
      const unknown = await fixture<HTMLElement>(html`<div lang="fr"><p lang=""><mono-account account-id="acc_demo"></mono-account></p></div>`);
      expect(unknown.querySelector<MonoAccount>('mono-account')!.resolvedLocale, 'lang="" says unknown').to.equal('en-NG');
      if (!plain.shadowRoot?.querySelector('[part~=balance]')) await oneEvent(plain, 'mono-load');
      await plain.updateComplete;
      expect(spaces(plain.shadowRoot!.querySelector('[part~=balance]')!.textContent!)).to.contain('₦');
    } finally {
      if (pageLang !== null) document.documentElement.setAttribute('lang', pageLang);
    }
  });

  it('lets the host reword messages on the provider, and on one element over that', async () => {
    const provider = await fixture<MonoProvider>(html`
      <mono-provider account-id="failing_words" .client=${fastClient} .messages=${{ retry: 'Reload now' }}>
        <mono-account id="shared"></mono-account>
        <mono-account id="own" .messages=${{ retry: 'Mine' }}></mono-account>
        <mono-account id="french" locale="fr"></mono-account>
      </mono-provider>
    `);
    const [shared, own, french] = ['#shared', '#own', '#french'].map((s) => provider.querySelector<MonoAccount>(s)!);
    await waitUntil(() => [shared, own, french].every((el) => retryText(el)), `errors shown: ${[shared, own, french].map((el) => el.shadowRoot?.textContent).join(' | ')}`);
    expect(retryText(shared)).to.equal('Reload now');
    expect(retryText(own)).to.equal('Mine');
    expect(retryText(french), 'the override wins over the catalogue').to.equal('Reload now');
    expect(errorText(french), 'other messages stay French').to.contain('Le serveur a répondu');
    expect(new Intl.NumberFormat(shared.resolvedLocale).resolvedOptions().locale).to.match(/^en/);

    provider.messages = { retry: 'Reload again' };
    await waitUntil(() => retryText(shared) === 'Reload again', 'a new override re-renders the elements');
    provider.messages = undefined;
    await waitUntil(() => retryText(shared) === 'Try again', 'removing it restores the catalogue');
    expect(retryText(own)).to.equal('Mine');
  });

  it('lays every data element out right-to-left without pushing content out of its box', async () => {
    const dataTags = Object.entries(MONO_ELEMENTS)
      .filter(([tag, element]) => element.prototype instanceof MonoDataElement && !/connect|sync|transaction-table/.test(tag))
      .map(([tag]) => tag);
    expect(dataTags.length).to.be.greaterThan(2);
    const container = await fixture<HTMLElement>(html`<div class="rtl-check"></div>`);
    container.style.inlineSize = '760px';
    const loaded: Promise<unknown>[] = [];
    for (const tag of dataTags) {
      const el = document.createElement(tag) as MonoDataElement;
      el.accountId = 'acc_demo';
      loaded.push(oneEvent(el, 'mono-load'));
      container.append(el);
    }
    await Promise.all(loaded);
    await new Promise((r) => setTimeout(r, 100));

    const spill = () =>
      [...container.children].map((host) => {
        const box = host.getBoundingClientRect();
        let out = 0;
        // Content inside a scroll container (a wide table that scrolls) is allowed to be wider than the box.
        const visit = (parent: Element | ShadowRoot) => {
          for (const node of parent.children) {
            const r = node.getBoundingClientRect();
            if (node.classList.contains('sr-only')) continue;
            if (r.width > 1 && r.height > 1) out = Math.max(out, box.left - r.left, r.right - box.right);
            if (getComputedStyle(node).overflowX !== 'visible') continue;
            visit(node);
            if (node.shadowRoot) visit(node.shadowRoot);
          }
        };
        visit(host.shadowRoot!);
        return { tag: host.localName, out: Math.round(out) };
      });
    const ltr = spill();
    container.dir = 'rtl';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const rtl = spill();
    expect(getComputedStyle(container.firstElementChild!).direction).to.equal('rtl');
    for (const [i, { tag, out }] of rtl.entries()) {
      expect(out, `<${tag}> spills ${out}px out of its box in RTL (LTR: ${ltr[i].out}px)`).to.be.at.most(Math.max(ltr[i].out, 0) + 2);
    }
  });
});
