import { expect, html, oneEvent } from '@open-wc/testing';
import { MonoClient } from '../../../src/client/index.js';
import { formatMoney } from '../../../src/core/format.js';
import '../../../src/elements/account/define.js';
import { backoffDelay } from '../../../src/core/poll.js';
import { missingData, type MonoAccount } from '../../../src/elements/account/mono-account.js';
import type { Account } from '../../../src/model/index.js';
import { HOSTILE, fixedClient, mount, recordingClient, shadow, sleep, textOf, uid, until } from './helpers.js';

const badge = (el: MonoAccount) => shadow(el).querySelector<HTMLElement>('[part=badge]');
const part = (el: MonoAccount, name: string) => textOf(shadow(el).querySelector(`[part~=${name}]`));
const loaded = (el: MonoAccount) => until(() => badge(el), 'account rendered');

interface Options {
  pollInterval?: number;
  pollLimit?: number;
  compact?: boolean;
}

async function mountAccount(accountId: string, client = recordingClient().client, o: Options = {}) {
  return mount<MonoAccount>(
    client,
    accountId,
    html`<mono-account .pollInterval=${o.pollInterval ?? 10} .pollLimit=${o.pollLimit ?? 8} ?compact=${o.compact ?? false}></mono-account>`,
    'mono-account',
  );
}

describe('<mono-account>', () => {
  it('renders the sandbox account: institution, bank code, holder, masked number, type, currency, balance, auth, status', async () => {
    const expected = await new MonoClient().account('acc_demo');
    const { el } = await mountAccount('acc_demo');
    await loaded(el);
    expect(part(el, 'institution')).to.contain(expected.institution.name);
    expect(part(el, 'institution')).to.contain(expected.institution.bankCode!);
    expect(part(el, 'holder')).to.equal(expected.name);
    expect(part(el, 'balance')).to.contain(formatMoney(expected.balance, expected.currency, 'en-NG'));
    expect(part(el, 'account-number')).to.contain(expected.accountNumber.slice(-4));
    // only the last four digits anywhere in the element
    expect(textOf(shadow(el))).not.to.contain(expected.accountNumber);
    expect(shadow(el).querySelector('[part=account-number] .sr-only')!.textContent).to.contain(`ending in ${expected.accountNumber.slice(-4)}`);
    expect(part(el, 'type')).to.match(/^Savings/);
    expect(textOf(shadow(el).querySelector('.currency'))).to.equal(expected.currency);
    expect(textOf(shadow(el).querySelector('.auth'))).to.equal(expected.authMethod === 'mobile_banking' ? 'Mobile banking' : 'Internet banking');
    expect(badge(el)!.dataset.status).to.equal('AVAILABLE');
    expect(textOf(badge(el))).to.equal('Available');
    await expect(el).to.be.accessible();
  });

  it('keeps the bank’s own type text visible next to the normalised type', async () => {
    const client = fixedClient(() => ({
      data: {
        account: { id: 'x', name: 'ADA', account_number: '0123456789', currency: 'NGN', balance: 100, type: 'Tier 3 Savings Account', institution: { name: 'GTBank', bank_code: '058' } },
        meta: { data_status: 'AVAILABLE', retrieved_data: ['balance', 'transactions'] },
      },
    }));
    const { el } = await mountAccount('fixed_type', client);
    await loaded(el);
    const type = shadow(el).querySelector('[part=type]')!;
    expect(textOf(type)).to.equal('Savings Tier 3 Savings Account');
    expect(type.querySelector('.type-text')!.textContent).to.equal('Tier 3 Savings Account');
    expect(type.hasAttribute('title')).to.equal(false);
  });

  it('drops the bank’s type text when it only repeats the normalised type, and shows its words without underscores', async () => {
    const typeOf = async (bankType: string) => {
      const client = fixedClient(() => ({
        data: {
          account: { id: 'x', name: 'ADA', account_number: '0123456789', currency: 'USD', balance: 100, type: bankType, institution: { name: 'GTBank', bank_code: '058' } },
          meta: { data_status: 'AVAILABLE', retrieved_data: ['balance'] },
        },
      }));
      const { el } = await mountAccount(uid('type'), client);
      await loaded(el);
      return textOf(shadow(el).querySelector('[part=type]'));
    };
    expect(await typeOf('SAVINGS_ACCOUNT')).to.equal('Savings');
    expect(await typeOf('savings')).to.equal('Savings');
    expect(await typeOf('DOMICILIARY_USD')).to.equal('Domiciliary DOMICILIARY USD');
  });

  it('keeps the words after a bank name in reading order when the name ends in an unclosed right-to-left override', async () => {
    const client = fixedClient(() => ({
      data: {
        account: { id: 'x', name: 'ADA', account_number: '0123456789', currency: 'NGN', balance: 100, type: 'Savings', institution: { name: 'GTBank\u202E', bank_code: '058' } },
        meta: { data_status: 'AVAILABLE', retrieved_data: ['balance'] },
      },
    }));
    const { el } = await mountAccount('bidi_override', client);
    await loaded(el);
    const suffix = shadow(el).querySelector('[part=institution] .muted')!;
    expect(textOf(suffix)).to.equal('(bank code 058)');
    // Where the first and last characters are painted: in order, not mirrored.
    const texts = [...suffix.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent !== '');
    const at = (node: Node, char: string) => {
      const range = document.createRange();
      const i = node.textContent!.indexOf(char);
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().left;
    };
    const open = texts.find((n) => n.textContent!.includes('('))!;
    const close = texts.filter((n) => n.textContent!.includes(')')).pop()!;
    expect(at(open, '('), '"(" before ")"').to.be.lessThan(at(close, ')'));
  });

  it('shows the masked number left to right on a right-to-left page', async () => {
    const { el } = await mountAccount('acc_demo');
    el.closest('mono-provider')!.setAttribute('dir', 'rtl');
    await loaded(el);
    const masked = shadow(el).querySelector<HTMLElement>('[part=account-number] .masked')!;
    const texts = [...masked.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
    const left = (pattern: RegExp) => {
      const node = texts.find((n) => pattern.test(n.textContent!))!;
      const range = document.createRange();
      const i = node.textContent!.search(pattern);
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().left;
    };
    expect(left(/•/), 'the bullets come before the digits').to.be.lessThan(left(/\d/));
  });

  it('says "Loading…" for a reload (a sync reloads every element at once) only when it lasts', async () => {
    let slow = false;
    const { client } = recordingClient(() => (slow ? { 'x-sandbox-latency': '1500' } : undefined));
    const accountId = uid('acc');
    const { el } = await mountAccount(accountId, client);
    await loaded(el);
    const region = shadow(el).querySelector('div.sr-only[role=status]')!;
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(textOf(region)));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    client.invalidate(accountId);
    await el.resource.settled;
    await sleep(900);
    expect(said.filter(Boolean), 'a quick reload is not announced').to.deep.equal([]);
    slow = true;
    client.invalidate(accountId);
    await until(() => said.includes('Loading…'), 'a slow reload is announced', 3000);
    await el.resource.settled;
    observer.disconnect();
    expect(said.filter((t) => t === 'Loading…')).to.have.length(1);
  });

  it('emits mono-load with the normalised account', async () => {
    const { client } = recordingClient();
    const root = document.createElement('mono-provider');
    root.client = client;
    root.accountId = 'acc_business';
    root.innerHTML = '<mono-account></mono-account>';
    const el = root.querySelector('mono-account')!;
    setTimeout(() => document.body.append(root));
    const event = await oneEvent(el, 'mono-load');
    expect(event.detail.resource).to.equal('account');
    expect((event.detail.data as Account).id).to.equal('acc_business');
    expect(event.bubbles && event.composed).to.equal(true);
    root.remove();
  });

  describe('data status badge', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['acc', 'AVAILABLE', /^Available Balance and transactions were fetched\.$/],
      ['partial', 'PARTIAL', /^Partial Missing: transactions\.$/],
      ['empty', 'UNAVAILABLE', /^Unavailable The bank returned no balance or transactions\.$/],
      ['datafailed', 'FAILED', /^Failed Mono could not fetch/],
    ];
    for (const [prefix, status, words] of cases) {
      it(`${status} (${prefix}*) in words`, async () => {
        const { el } = await mountAccount(uid(prefix));
        await loaded(el);
        expect(badge(el)!.dataset.status).to.equal(status);
        expect(textOf(shadow(el).querySelector('.status-text'))).to.match(words);
        await expect(el).to.be.accessible();
      });
    }

    it('PARTIAL names what is missing from retrieved_data', () => {
      expect(missingData({ retrievedData: ['identity', 'balance'] })).to.deep.equal(['transactions']);
      expect(missingData({ retrievedData: ['Transactions'] })).to.deep.equal(['identity', 'balance']);
      expect(missingData({ retrievedData: [] })).to.deep.equal([]);
    });

    it('PROCESSING (processing*) refreshes itself until it settles, then stops reading', async () => {
      const { client, requests } = recordingClient();
      const id = uid('processing');
      const { el } = await mountAccount(id, client);
      await loaded(el);
      expect(badge(el)!.dataset.status).to.equal('PROCESSING');
      expect(textOf(badge(el))).to.equal('Processing');
      expect(shadow(el).querySelector('[role=status] [part=badge]')).to.exist;
      await expect(el).to.be.accessible();
      const settled = oneEvent(el, 'mono-load');
      await until(() => badge(el)!.dataset.status === 'AVAILABLE', 'status settled');
      expect(((await settled).detail.data as Account).dataStatus).to.equal('AVAILABLE');
      const reads = requests.filter((r) => r.url.endsWith(`/accounts/${id}`)).length;
      expect(reads).to.equal(3); // the sandbox answers PROCESSING to the first two reads
      await sleep(150);
      expect(requests.filter((r) => r.url.endsWith(`/accounts/${id}`)).length).to.equal(reads);
    });

    it('PROCESSING gives up after poll-limit reads and offers "Check again"', async () => {
      const { client, requests } = recordingClient();
      const id = uid('processing');
      const { el } = await mountAccount(id, client, { pollInterval: 5, pollLimit: 1 });
      await loaded(el);
      const button = await until(() => shadow(el).querySelector<HTMLButtonElement>('[part=check-again]'), 'gave up');
      expect(badge(el)!.dataset.status).to.equal('PROCESSING');
      expect(textOf(shadow(el).querySelector('.status-text'))).to.contain('Still processing');
      await expect(el).to.be.accessible();
      button.click();
      await until(() => badge(el)!.dataset.status === 'AVAILABLE', 'settled after check again');
      expect(shadow(el).querySelector('[part=check-again]')).to.equal(null);
      expect(requests.filter((r) => r.url.endsWith(`/accounts/${id}`)).length).to.equal(3);
    });

    it('stops polling while removed from the page and resumes when back', async () => {
      const { client, requests } = recordingClient();
      const id = uid('processing');
      const { el, root } = await mountAccount(id, client, { pollInterval: 60 });
      await loaded(el);
      root.remove();
      const before = requests.length;
      await sleep(250);
      expect(requests.length).to.equal(before);
      expect(badge(el)!.dataset.status).to.equal('PROCESSING');
      // back on the page, it carries on until the status settles
      document.body.append(root);
      await until(() => badge(el)!.dataset.status === 'AVAILABLE', 'settled after reattaching');
      root.remove();
    });

    it('backs off: each wait doubles up to a cap', () => {
      expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, 100, 1000))).to.deep.equal([100, 200, 400, 800, 1000]);
    });
  });

  it('compact: one line with institution, masked number, balance and status', async () => {
    const { el } = await mountAccount(uid('partial'), undefined, { compact: true });
    await loaded(el);
    const base = shadow(el).querySelector('[part=base]')!;
    expect(base.classList.contains('compact')).to.equal(true);
    expect(shadow(el).querySelector('dl')).to.equal(null);
    expect(el.hasAttribute('compact')).to.equal(true);
    expect(textOf(shadow(el).querySelector('[part=balance]'))).to.match(/^Balance: ₦/);
    expect(badge(el)!.dataset.status).to.equal('PARTIAL');
    expect(textOf(shadow(el).querySelector('.status-text'))).to.contain('Missing: transactions');
    await expect(el).to.be.accessible();
  });

  it('renders a v1 account (v1*) the same way', async () => {
    const { el } = await mountAccount(uid('v1'));
    await loaded(el);
    const a = el.account!;
    expect(a.currency).to.equal('NGN');
    expect(part(el, 'institution')).to.contain(a.institution.name);
    expect(part(el, 'holder')).to.equal(a.name);
    expect(part(el, 'balance')).to.contain(formatMoney(a.balance, 'NGN', 'en-NG'));
    // The sandbox derives the v1 account's type from its (random) id, so the label follows the data.
    const typeLabels: Record<Account['accountType'], string> = { savings: 'Savings', current: 'Current', domiciliary: 'Domiciliary', business: 'Business', other: 'Other' };
    expect(part(el, 'type')).to.match(new RegExp(`^${typeLabels[a.accountType]}\\b`));
    expect(textOf(shadow(el).querySelector('.currency'))).to.equal('NGN');
    expect(badge(el)!.dataset.status).to.equal('AVAILABLE');
    expect(textOf(shadow(el).querySelector('.auth'))).to.not.equal('Not provided');
    await expect(el).to.be.accessible();
  });

  it('shows invalid-response as an error with a working retry (malformed answer)', async () => {
    const key = uid('malformed');
    const { client } = recordingClient(() => ({ 'x-sandbox-fault': 'malformed', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key }));
    const root = document.createElement('mono-provider');
    root.client = client;
    root.accountId = uid('acc');
    root.innerHTML = '<mono-account></mono-account>';
    const el = root.querySelector('mono-account')!;
    setTimeout(() => document.body.append(root));
    const event = await oneEvent(el, 'mono-error');
    expect(event.detail.error.kind).to.equal('invalid-response');
    await el.updateComplete;
    const error = shadow(el).querySelector<HTMLElement>('[part=error]')!;
    expect(error.dataset.kind).to.equal('invalid-response');
    expect(error.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    error.querySelector('button')!.click();
    await loaded(el);
    expect(badge(el)!.dataset.status).to.equal('AVAILABLE');
    root.remove();
  });

  it('shows HTTP errors with a working retry (fault 500, then recovered)', async () => {
    const key = uid('http');
    const { client } = recordingClient(() => ({ 'x-sandbox-fault': '500', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key }));
    const { el } = await mountAccount(uid('acc'), client);
    const error = await until(() => shadow(el).querySelector<HTMLElement>('[part=error]'), 'error shown');
    expect(error.dataset.kind).to.equal('http');
    expect(textOf(error)).to.contain('500');
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await loaded(el);
    expect(part(el, 'holder')).to.not.equal('');
  });

  it('renders hostile bank text as inert text', async () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const client = fixedClient(() => ({
      data: {
        account: {
          id: 'x',
          name: HOSTILE,
          account_number: '01234<b>6789',
          currency: 'NGN',
          balance: 1,
          type: HOSTILE,
          institution: { name: HOSTILE, bank_code: HOSTILE },
          auth_method: HOSTILE,
        },
        meta: { data_status: 'PARTIAL', retrieved_data: [HOSTILE, 'balance'], auth_method: HOSTILE },
      },
    }));
    const { el } = await mountAccount('hostile', client);
    await loaded(el);
    await sleep(20);
    const root = shadow(el);
    expect(root.querySelector('img, script, b')).to.equal(null);
    expect(part(el, 'holder')).to.equal(HOSTILE);
    expect(part(el, 'institution')).to.contain(HOSTILE);
    expect(textOf(root.querySelector('[part=type] .type-text'))).to.equal(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows the idle state without an account id, then loads when one is set', async () => {
    const { client } = recordingClient();
    const { el, root } = await mount<MonoAccount>(client, '', html`<mono-account></mono-account>`, 'mono-account');
    expect(shadow(el).querySelector('[part=idle]')).to.exist;
    root.accountId = 'acc_demo';
    await loaded(el);
  });
});
