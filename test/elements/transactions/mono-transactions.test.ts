import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../fixtures/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { getTransactions, MonoClient } from '../../../src/client/index.js';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/transactions/define.js';
import type { MonoProvider } from '../../../src/elements/provider/mono-provider.js';
import type { MonoTransactions } from '../../../src/elements/transactions/mono-transactions.js';
import type { MonoTransactionTable } from '../../../src/elements/transactions/mono-transaction-table.js';
import type { Transaction } from '../../../src/model/transactions.js';
import { hangingClient } from '../account/helpers.js';
import { recordingClient as sandboxClient } from '../../charts/sandbox-helpers.js';
import { changeInput, countElements, loaded, makeRows, nextFrame, part, recordingClient, renderedRows, sleep, tableOf, typeInto } from './helpers.js';

type Recorder = ReturnType<typeof recordingClient>;

/** `<mono-transactions>` inside a provider with its own recording client (no cache shared between tests). */
async function mount(attrs: string, recorder: Recorder = recordingClient()): Promise<{ el: MonoTransactions; provider: MonoProvider } & Recorder> {
  const provider = await fixture<MonoProvider>(html`<mono-provider .client=${recorder.client} locale="en-NG"></mono-provider>`);
  provider.innerHTML = `<mono-transactions ${attrs}></mono-transactions>`;
  const el = provider.querySelector('mono-transactions')!;
  await loaded(el);
  return { el, provider, ...recorder };
}

const query = (url: URL) => Object.fromEntries(url.searchParams);
const totalsText = (el: MonoTransactions) => part(el, 'totals')!.textContent!.replace(/\s+/g, ' ').trim();
const signed = (t: Transaction) => (t.type === 'credit' ? t.amount : -t.amount);

/** The sandbox's pages without `meta.total`, as a host that pages by cursor may send them. */
function untotalledClient(): Recorder {
  const urls: URL[] = [];
  const client = new MonoClient({
    retries: 0,
    fetch: async (input, init) => {
      urls.push(new URL(String(input), location.href));
      const response = await fetch(input, init);
      const body = await response.json();
      delete body.meta.total;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    },
  });
  return { client, urls, transactionCalls: () => urls.filter((u) => u.pathname.endsWith('/transactions')) };
}

describe('<mono-transactions>', () => {
  describe('rendering', () => {
    it('shows a page from the host with its columns, formatted for the locale, and a pager', async () => {
      const { el, transactionCalls } = await mount('account-id="acc_demo"');
      const table = tableOf(el);
      // As shown: the narration header's date sort button appears only in the phone layout.
      const headers = [...table.shadowRoot!.querySelectorAll('th')].map((th) => (th as HTMLElement).innerText.trim());
      expect(headers).to.deep.equal(['Date', 'Narration', 'Category', 'Amount', 'Balance']);
      expect(el.shown).to.have.length(50);
      expect(query(transactionCalls()[0])).to.deep.equal({ limit: '50', page: '1' });
      const first = el.shown[0];
      const row = renderedRows(table)[0];
      expect(row.querySelector('.col-narration')!.textContent).to.equal(first.narration);
      expect(row.querySelector('.col-date')!.textContent).to.equal(new Intl.DateTimeFormat('en-NG', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(first.date)));
      expect(row.querySelector('.col-amount')!.textContent).to.contain('₦');
      expect(part(el, 'pager')!.textContent).to.match(/Page 1 of \d+/);
      expect(part(el, 'pager')!.getAttribute('aria-label')).to.equal('Pages');
    });

    it('reads accounts that answer in the v1 shapes', async () => {
      const { el } = await mount('account-id="v1_transactions"');
      expect(el.shown.length).to.be.greaterThan(0);
      expect(renderedRows(tableOf(el)).length).to.be.greaterThan(0);
    });

    it('shows totals in and out of the shown rows, per currency', async () => {
      const { el } = await mount('account-id="usd_totals"');
      const moneyIn = el.shown.filter((t) => t.type === 'credit').reduce((s, t) => s + t.amount, 0);
      const moneyOut = el.shown.filter((t) => t.type === 'debit').reduce((s, t) => s + t.amount, 0);
      const fmt = new Intl.NumberFormat('en-NG', { style: 'currency', currency: 'USD' });
      expect(totalsText(el)).to.contain(`Money in ${fmt.format(moneyIn / 100)}`);
      expect(totalsText(el)).to.contain(`Money out ${fmt.format(moneyOut / 100)}`);
      expect(part(el, 'pager'), 'the host pages these rows').to.exist;
      expect(totalsText(el)).to.contain(`${el.shown.length} on this page`);
    });

    it('never adds up different currencies', async () => {
      const rows = [...makeRows(3, 'NGN'), ...makeRows(2, 'USD').map((t) => ({ ...t, id: `usd-${t.id}` }))];
      const el = await fixture<MonoTransactions>(html`<mono-transactions locale="en-NG" .transactions=${rows}></mono-transactions>`);
      await el.settled;
      const text = totalsText(el);
      expect(text).to.contain('Money in (NGN)');
      expect(text).to.contain('Money in (USD)');
      expect(el.view.totals.map((t) => t.currency).sort()).to.deep.equal(['NGN', 'USD']);
      expect(el.view.totals.find((t) => t.currency === 'USD')!.moneyIn).to.equal(rows.filter((t) => t.currency === 'USD' && t.type === 'credit').reduce((s, t) => s + t.amount, 0));
    });
  });

  describe('filters', () => {
    it('filters by type at once from the radio buttons, reflects the attribute and fires mono-filter-change', async () => {
      const { el } = await mount('account-id="txns_300" paginate="false"');
      const credit = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=type][value=credit]')!;
      const searchAt = () => part(el, 'search-input')!.getBoundingClientRect().left;
      const before = searchAt();
      setTimeout(() => credit.click());
      const event = await oneEvent(el, 'mono-filter-change');
      expect(event.detail.filters).to.deep.equal({ start: undefined, end: undefined, type: 'credit', narration: undefined });
      await el.settled;
      expect(el.getAttribute('type')).to.equal('credit');
      expect(el.shown.length).to.be.greaterThan(0);
      expect(el.shown.every((t) => t.type === 'credit')).to.equal(true);
      expect(totalsText(el)).to.contain('Money out ₦0.00');
      expect(searchAt(), 'the choice does not move the search box').to.equal(before);
    });

    it('filters the loaded rows on every keystroke, and asks the host once, after the typing pauses', async () => {
      const { el, transactionCalls } = await mount('account-id="acc_demo"');
      const before = transactionCalls().length;
      const search = part(el, 'search-input') as HTMLInputElement;
      const events: string[] = [];
      el.addEventListener('mono-filter-change', (e) => events.push(e.detail.filters.narration ?? ''));
      for (const text of ['p', 'po', 'pos']) {
        typeInto(search, text);
        await tableOf(el).settled;
        expect(el.shown.length).to.be.greaterThan(0);
        expect(el.shown.every((t) => t.narration.toLowerCase().includes(text))).to.equal(true);
      }
      expect(events).to.deep.equal(['p', 'po', 'pos']);
      expect(el.getAttribute('narration')).to.equal('pos');
      expect(transactionCalls().length).to.equal(before);
      await waitUntil(() => transactionCalls().length > before, 'no request after the pause');
      await loaded(el);
      expect(transactionCalls().map(query).slice(before)).to.deep.equal([{ limit: '50', narration: 'pos', page: '1' }]);
      expect(el.shown.every((t) => t.narration.toLowerCase().includes('pos'))).to.equal(true);
    });

    it('asks the host for a search typed just before the element moved (a keyed list, a portal)', async () => {
      const { el, transactionCalls } = await mount('account-id="acc_demo"');
      const before = transactionCalls().length;
      typeInto(part(el, 'search-input') as HTMLInputElement, 'salary');
      await el.updateComplete;
      const parent = el.parentElement!;
      const other = parent.appendChild(document.createElement('div'));
      other.append(el);
      await waitUntil(() => transactionCalls().length > before, 'the search never reached the host');
      await loaded(el);
      expect(transactionCalls().map(query).slice(before)).to.deep.equal([{ limit: '50', narration: 'salary', page: '1' }]);
    });

    it('asks nothing of the host when every row is loaded and the filters only narrow them', async () => {
      const { el, transactionCalls } = await mount('account-id="txns_400" paginate="false"');
      expect(query(transactionCalls()[0])).to.deep.equal({ paginate: 'false' });
      const search = part(el, 'search-input') as HTMLInputElement;
      typeInto(search, 'transfer');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name=type][value=debit]')!.click();
      await sleep(450);
      await el.settled;
      expect(el.shown.length).to.be.greaterThan(0);
      expect(el.shown.every((t) => t.type === 'debit' && /transfer/i.test(t.narration))).to.equal(true);
      typeInto(search, '');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name=type][value=all]')!.click();
      await sleep(450);
      await el.settled;
      expect(el.shown).to.have.length(400);
      expect(transactionCalls()).to.have.length(1);
    });

    it('filters by date range from the date inputs (inclusive, whole days)', async () => {
      const { el } = await mount('account-id="txns_500" paginate="false"');
      const days = [...new Set(el.shown.map((t) => t.date.slice(0, 10)))].sort();
      const [from, to] = [days[3], days[6]];
      changeInput(part(el, 'start-input') as HTMLInputElement, from);
      changeInput(part(el, 'end-input') as HTMLInputElement, to);
      await el.settled;
      const expected = (await getTransactions(el.client, 'txns_500', { paginate: false })).transactions.filter((t) => t.date.slice(0, 10) >= from && t.date.slice(0, 10) <= to);
      expect(el.shown.map((t) => t.id)).to.deep.equal(expected.map((t) => t.id));
      expect(el.getAttribute('start')).to.equal(from);
      expect(el.getAttribute('end')).to.equal(to);
      expect((part(el, 'end-input') as HTMLInputElement).min).to.equal(from);
    });

    it('rings a date field whose calendar button has the keyboard focus', async () => {
      const { el } = await mount('account-id="txns_500" paginate="false"');
      const start = part(el, 'start-input') as HTMLInputElement;
      start.focus();
      // Chromium's date field: a stop per part of the date, then its calendar button (focus inside, not on, the field).
      let onButton = false;
      for (let i = 0; i < 5 && el.shadowRoot!.activeElement === start && !onButton; i++) {
        await sendKeys({ press: 'Tab' });
        onButton = start.matches(':focus-within:not(:focus)');
        if (onButton || start.matches(':focus-visible')) expect(getComputedStyle(start).boxShadow, `stop ${i + 1}`).to.not.equal('none');
      }
      if (navigator.userAgent.includes('Chrome/')) expect(onButton, 'reached the calendar button').to.equal(true);
    });

    it('takes filters from attributes (ISO or Mono dates), sends them to the host, and fires no event for them', async () => {
      const recorder = recordingClient();
      let events = 0;
      const provider = await fixture<MonoProvider>(html`<mono-provider .client=${recorder.client} locale="en-NG"></mono-provider>`);
      provider.addEventListener('mono-filter-change', () => events++);
      provider.innerHTML = `<mono-transactions account-id="txns_3000" type="debit" narration="Transfer"></mono-transactions>`;
      const el = provider.querySelector('mono-transactions')!;
      await loaded(el);
      expect(query(recorder.transactionCalls()[0])).to.deep.equal({ limit: '50', narration: 'Transfer', page: '1', type: 'debit' });
      expect(el.shown.every((t) => t.type === 'debit' && /transfer/i.test(t.narration))).to.equal(true);
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[name=type][value=debit]')!.checked).to.equal(true);
      expect((part(el, 'search-input') as HTMLInputElement).value).to.equal('Transfer');

      const sample = await getTransactions(el.client, 'txns_3000', { paginate: false });
      const day = sample.transactions[10].date.slice(0, 10);
      const [y, m, d] = day.split('-');
      el.setAttribute('start', `${d}-${m}-${y}`);
      el.setAttribute('end', day);
      await loaded(el);
      const last = recorder.transactionCalls().at(-1)!;
      expect(query(last)).to.include({ start: `${d}-${m}-${y}`, end: `${d}-${m}-${y}`, type: 'debit' });
      expect(el.shown.every((t) => t.date.startsWith(day))).to.equal(true);
      expect((part(el, 'start-input') as HTMLInputElement).value).to.equal(day);
      expect(events).to.equal(0);
    });

    it('says so, and offers to clear, when no row matches; a start after the end is explained', async () => {
      const { el } = await mount('account-id="txns_50" paginate="false" narration="no such narration anywhere"');
      const table = tableOf(el);
      expect(table.shadowRoot!.querySelector('[part~="empty"]')).to.exist;
      const message = el.shadowRoot!.querySelector('.empty-message')!;
      expect(message.textContent).to.contain('No transactions match these filters.');
      await expect(el).to.be.accessible();
      el.start = '2025-06-10';
      el.end = '2025-06-01';
      await el.settled;
      expect(message.textContent).to.contain('The start date is after the end date.');
      setTimeout(() => message.querySelector('button')!.click());
      const event = await oneEvent(el, 'mono-filter-change');
      expect(event.detail.filters).to.deep.equal({ start: undefined, end: undefined, type: 'all', narration: undefined });
      await loaded(el);
      expect(el.shown).to.have.length(50);
      expect(el.hasAttribute('narration')).to.equal(false);
    });

    it('shows the filters in its fields when a mono-filter-change listener sets them back', async () => {
      const el = await fixture<MonoTransactions>(html`<mono-transactions locale="en-NG" .transactions=${makeRows(20)}></mono-transactions>`);
      await el.settled;
      el.addEventListener('mono-filter-change', () => {
        el.start = el.type = el.narration = undefined;
      });
      const search = part(el, 'search-input') as HTMLInputElement;
      typeInto(search, 'pos');
      await el.settled;
      expect(search.value, 'the search field').to.equal('');
      const start = part(el, 'start-input') as HTMLInputElement;
      changeInput(start, '2025-05-01');
      await el.settled;
      expect(start.value, 'the start field').to.equal('');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name=type][value=credit]')!.click();
      await el.settled;
      const checked = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=type]')].filter((r) => r.checked).map((r) => r.value);
      expect(checked, 'the type choice').to.deep.equal(['all']);
      expect(el.shown).to.have.length(20);
    });

    it('leaves keyboard focus in the search field when Clear filters goes away with the empty state', async () => {
      const { el } = await mount('account-id="txns_50" paginate="false" narration="no such narration anywhere"');
      const clear = el.shadowRoot!.querySelector<HTMLButtonElement>('.empty-message button')!;
      clear.focus();
      await sendKeys({ press: 'Enter' });
      await loaded(el);
      await el.updateComplete;
      expect(el.shown).to.have.length(50);
      expect(el.shadowRoot!.querySelector('.empty-message button'), 'the button is gone').to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'search-input'));
    });
  });

  describe('data from the host', () => {
    it('pages through the host with Previous and Next', async () => {
      const { el, transactionCalls } = await mount('account-id="txns_120" limit="50"');
      const page1 = el.shown.map((t) => t.id);
      const [previous, next] = [...part(el, 'pager')!.querySelectorAll('button')];
      expect(previous.getAttribute('aria-disabled')).to.equal('true');
      // Faded by colour, not opacity: opacity would fade its focus ring too (2.5:1 against white).
      expect(getComputedStyle(previous).opacity).to.equal('1');
      expect(getComputedStyle(previous).color, 'looks unavailable').to.not.equal(getComputedStyle(next).color);
      expect(part(el, 'pager')!.textContent).to.contain('Page 1 of 3');
      next.click();
      await loaded(el);
      expect(query(transactionCalls().at(-1)!)).to.deep.equal({ limit: '50', page: '2' });
      expect(part(el, 'pager')!.textContent).to.contain('Page 2 of 3');
      await waitUntil(() => el.shadowRoot!.querySelector('[role=status]')!.textContent === 'Page 2 of 3, 50 on this page', 'the page is said with the count', { timeout: 3000 });
      // The totals beside the pager are the page's, and say so.
      expect(totalsText(el)).to.contain('50 on this page');
      expect(el.shown.map((t) => t.id)).to.not.include.members(page1);
      next.click();
      await loaded(el);
      expect(el.shown).to.have.length(20);
      expect(next.getAttribute('aria-disabled')).to.equal('true');
      next.click();
      await el.settled;
      expect(el.page).to.equal(3);
      previous.click();
      previous.click();
      await loaded(el);
      expect(el.page).to.equal(2);
    });

    it("brings the table's start into view when Next is pressed below it (a phone), for the bar and the new rows", async () => {
      const { el, provider } = await mount('account-id="txns_120" limit="50"');
      const spacer = document.createElement('div');
      spacer.style.blockSize = '3000px';
      provider.before(spacer);
      // A table taller than the screen, as the page of a phone is.
      el.style.setProperty('--mono-transactions-height', `${innerHeight * 2}px`);
      try {
        const table = part(el, 'table')!;
        const next = [...part(el, 'pager')!.querySelectorAll('button')][1];
        next.scrollIntoView({ block: 'end' });
        await new Promise((r) => requestAnimationFrame(r));
        expect(table.getBoundingClientRect().top, 'the table starts above the screen').to.be.below(0);
        // A key press on Next (a click event with detail 0) leaves the page, and the focused button, where they are.
        next.focus();
        next.click();
        await el.updateComplete;
        await loaded(el);
        expect(table.getBoundingClientRect().top, 'not moved for a key press').to.be.below(0);
        next.dispatchEvent(new MouseEvent('click', { detail: 1, bubbles: true }));
        await el.updateComplete;
        expect(part(el, 'updating'), 'reloading').to.exist;
        const top = table.getBoundingClientRect().top;
        expect(top, 'its start in view (to the pixel)').to.be.within(-1, innerHeight - 1);
        await loaded(el);
      } finally {
        spacer.remove();
        scrollTo(0, 0);
      }
    });

    it('appends pages with "Load more" until all are loaded, asking only for the new page', async () => {
      const { el, transactionCalls } = await mount('account-id="txns_130" pager="more" limit="50"');
      expect(part(el, 'pager')!.textContent).to.contain('Showing 50 of 130');
      const button = part(el, 'load-more-button')!;
      button.focus();
      button.click();
      await loaded(el);
      expect(el.shown).to.have.length(100);
      expect(new Set(el.shown.map((t) => t.id)).size).to.equal(100);
      expect(part(el, 'pager')!.textContent).to.contain('Showing 100 of 130');
      part(el, 'load-more-button')!.click();
      await loaded(el);
      expect(el.shown).to.have.length(130);
      expect(part(el, 'load-more-button')).to.equal(null);
      expect(transactionCalls().map((u) => u.searchParams.get('page'))).to.deep.equal(['1', '2', '3']);
      // The button went away: the focus moved into the list instead of being lost.
      await waitUntil(() => tableOf(el).shadowRoot!.activeElement?.localName === 'tr');
      // Every row is loaded, so a narrower filter is served from them: the count follows the rows shown.
      el.type = 'credit';
      await el.settled;
      const credits = el.shown.length;
      expect(credits).to.be.within(1, 129);
      expect(transactionCalls()).to.have.length(3);
      expect(part(el, 'pager')!.textContent).to.contain(`Showing ${credits} of ${credits}`);
    });

    it('pages through a host that sends no total, as far as it says there is a next page', async () => {
      const { el } = await mount('account-id="txns_120" limit="50"', untotalledClient());
      const pagerText = () => part(el, 'pager')!.textContent!.replace(/\s+/g, ' ').trim();
      const next = () => part(el, 'pager')!.querySelectorAll('button')[1];
      expect(pagerText()).to.equal('Previous Page 1 Next');
      expect(next().getAttribute('aria-disabled')).to.equal('false');
      next().click();
      await loaded(el);
      expect(pagerText()).to.equal('Previous Page 2 Next');
      next().click();
      await loaded(el);
      expect([el.page, el.shown.length, pagerText(), next().getAttribute('aria-disabled')]).to.deep.equal([3, 20, 'Previous Page 3 Next', 'true']);
    });

    it('loads more without losing a row: a page that shifted repeats no row, two transactions sharing an id both stay', async () => {
      // The bank's id repeated on two different transactions of page 1 (a reversal, say); page 2 asked after a
      // new transaction arrived, so it starts with the last row of page 1 again.
      let lastOfPage1: unknown;
      const urls: URL[] = [];
      const client = new MonoClient({
        retries: 0,
        fetch: async (input, init) => {
          const url = new URL(String(input), location.href);
          urls.push(url);
          const response = await fetch(input, init);
          const body = await response.json();
          if (url.pathname.endsWith('/transactions') && url.searchParams.get('page') === '1') {
            body.data[1].id = body.data[0].id;
            lastOfPage1 = body.data.at(-1);
          }
          if (url.pathname.endsWith('/transactions') && url.searchParams.get('page') === '2') body.data.unshift(lastOfPage1);
          return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
        },
      });
      const { el } = await mount('account-id="txns_130" pager="more" limit="50"', { client, urls, transactionCalls: () => urls });
      const sharedId = el.shown[0].id;
      expect(el.shown.filter((t) => t.id === sharedId)).to.have.length(2);
      part(el, 'load-more-button')!.click();
      await loaded(el);
      expect(el.shown).to.have.length(100);
      expect(el.shown.filter((t) => t.id === sharedId), 'both transactions that share an id').to.have.length(2);
      expect(new Set(el.shown.map((t) => t.id)).size, 'the repeated row once').to.equal(99);
    });

    it('loads more from a host that sends no total, and says how many are shown', async () => {
      const { el } = await mount('account-id="txns_130" pager="more" limit="50"', untotalledClient());
      expect(part(el, 'pager')!.querySelector('.page-info')!.textContent).to.equal('Showing 50');
      part(el, 'load-more-button')!.click();
      await loaded(el);
      expect(part(el, 'pager')!.querySelector('.page-info')!.textContent).to.equal('Showing 100');
      part(el, 'load-more-button')!.click();
      await loaded(el);
      expect([el.shown.length, part(el, 'load-more-button')]).to.deep.equal([130, null]);
    });

    it('loads everything in one request with paginate="false", and keeps the DOM small', async () => {
      const { el, transactionCalls } = await mount('account-id="txns_3000" paginate="false"');
      expect(el.shown).to.have.length(3000);
      expect(transactionCalls()).to.have.length(1);
      expect(part(el, 'pager')).to.equal(null);
      expect(renderedRows(tableOf(el)).length).to.be.lessThan(60);
      expect(countElements(el.shadowRoot!)).to.be.lessThan(1200);
    });

    it('shows rows given through .transactions and fetches nothing, even with an account id around', async () => {
      const recorder = recordingClient();
      const rows = makeRows(20);
      const provider = await fixture<MonoProvider>(html`<mono-provider .client=${recorder.client} account-id="acc_demo"></mono-provider>`);
      const el = document.createElement('mono-transactions');
      el.transactions = rows;
      provider.append(el);
      await el.settled;
      await sleep(50);
      expect(recorder.urls).to.have.length(0);
      expect(el.shown.map((t) => t.id)).to.deep.equal(rows.map((t) => t.id));
      expect(part(el, 'pager')).to.equal(null);
      el.narration = '#1';
      await el.settled;
      expect(el.shown.map((t) => t.id)).to.deep.equal(['row-1', 'row-10', 'row-11', 'row-12', 'row-13', 'row-14', 'row-15', 'row-16', 'row-17', 'row-18', 'row-19']);
      expect(recorder.urls).to.have.length(0);
    });

    it('accepts Mono’s raw rows through .transactions, and reports rows it cannot read', async () => {
      const el = await fixture<MonoTransactions>(html`<mono-transactions .transactions=${[{ _id: 'v1', narration: 'OK', amount: 5000, type: 'credit', balance: 100, date: '2025-05-01T10:00:00.000Z' }]}></mono-transactions>`);
      await el.settled;
      expect(el.shown[0]).to.include({ id: 'v1', currency: 'NGN', amount: 5000 });
      setTimeout(() => (el.transactions = [{ id: 'x', amount: 'a lot' }]));
      const event = await oneEvent(el, 'mono-error');
      expect(event.detail.error.kind).to.equal('invalid-response');
      await el.updateComplete;
      const error = part(el, 'error')!;
      expect(error.getAttribute('data-kind')).to.equal('invalid-response');
      expect(error.textContent).to.contain('[0]');
      await expect(el).to.be.accessible();
    });
    it('keeps the host’s raw rows as they are (never copied), hands out complete rows, and a later currency still applies', async () => {
      const raw = [
        { id: 'r1', narration: 'SALARY', amount: 500000, type: 'credit', balance: 900000, date: '2025-05-02T10:00:00.000Z' },
        { id: 'r2', narration: 'POS', amount: 2500, type: 'debit', balance: 400000, date: '2025-05-01T10:00:00.000Z' },
      ];
      const el = await fixture<MonoTransactions>(html`<mono-transactions .transactions=${raw}></mono-transactions>`);
      await el.settled;
      expect(el.transactions).to.equal(raw);
      expect(tableOf(el).transactions, 'the table holds the host’s array itself').to.equal(raw);
      expect(el.shown).to.deep.equal(raw.map((t) => ({ ...t, category: null, currency: 'NGN' })));
      expect(raw[0], 'the host’s rows are left untouched').to.not.have.property('currency');
      expect(el.toCSV()).to.contain(',NGN,');
      el.currency = 'GHS';
      await el.settled;
      expect(el.shown.map((t) => t.currency)).to.deep.equal(['GHS', 'GHS']);
      const given = el.transactions;
      el.transactions = [...given!];
      await el.settled;
      expect(el.shown.map((t) => t.id)).to.deep.equal(['r1', 'r2']);
    });
  });

  describe('Mono’s plain rows, used as given', () => {
    const plain = () =>
      Object.freeze([
        Object.freeze({ id: 'r1', narration: 'SALARY', amount: 500000, type: 'credit', date: '2025-05-02T10:00:00.000Z' }),
        Object.freeze({ id: 'r2', narration: 'POS', amount: 2500, type: 'debit', balance: 400000, category: 'bank_charges', date: '2025-05-01T10:00:00.000Z' }),
      ]);

    it('completes a row once: shown, view.at() and the selected row are the same objects every time', async () => {
      const el = await fixture<MonoTransactions>(html`<mono-transactions currency="ghs" .transactions=${plain()}></mono-transactions>`);
      await el.settled;
      const shown = el.shown;
      expect(shown[0]).to.deep.equal({ id: 'r1', narration: 'SALARY', amount: 500000, type: 'credit', balance: null, date: '2025-05-02T10:00:00.000Z', category: null, currency: 'GHS' });
      expect(el.shown[0]).to.equal(shown[0]);
      expect(el.view.at(1)).to.equal(shown[1]);
      const rows = renderedRows(tableOf(el));
      expect(rows[0].querySelector('.col-balance')!.textContent).to.contain('—');
      expect(rows[0].querySelector('.col-category')!.textContent!.trim()).to.equal('Uncategorised');
      setTimeout(() => rows[1].querySelector('td')!.click());
      const event = await oneEvent(el, 'mono-transaction-select');
      expect(shown.indexOf(event.detail.transaction), 'the selected row is the shown one').to.equal(1);
      expect(el.view.at(5), 'past the end').to.equal(undefined);
    });

    it('takes the table’s currency for rows that name none: upper-cased, NGN when missing or not a code', async () => {
      const table = await fixture<MonoTransactionTable>(html`<mono-transaction-table currency="kes" .transactions=${plain()}></mono-transaction-table>`);
      await table.settled;
      expect(table.shown.map((t) => t.currency)).to.deep.equal(['KES', 'KES']);
      expect(table.shownView.totals.map((t) => t.currency)).to.deep.equal(['KES']);
      table.removeAttribute('currency');
      await table.settled;
      expect(table.shown.map((t) => t.currency)).to.deep.equal(['NGN', 'NGN']);
      table.currency = 'not a code';
      await table.settled;
      expect(table.shown.map((t) => t.currency)).to.deep.equal(['NGN', 'NGN']);
    });
  });

  describe('sorting and export', () => {
    it('sorts from the header and from the sort attribute', async () => {
      const { el } = await mount('account-id="txns_200" paginate="false" sort="amount-asc"');
      const amounts = el.shown.map(signed);
      expect(amounts).to.deep.equal([...amounts].sort((a, b) => a - b));
      tableOf(el).shadowRoot!.querySelector<HTMLButtonElement>('th.col-date button')!.click();
      await el.settled;
      expect(el.sort).to.equal('date-desc');
      const dates = el.shown.map((t) => t.date);
      expect(dates).to.deep.equal([...dates].sort().reverse());
    });

    it('exports the shown rows as CSV, neutralising formulas, from the button', async () => {
      const rows = makeRows(6).map((t, i) => (i === 0 ? { ...t, narration: '=HYPERLINK("http://evil.example","Click")' } : i === 1 ? { ...t, narration: '+SUM(1,2)' } : t));
      const el = await fixture<MonoTransactions>(html`<mono-transactions type="credit" .transactions=${rows}></mono-transactions>`);
      await el.settled;
      const csv = el.toCSV().split('\r\n');
      const credits = rows.filter((t) => t.type === 'credit');
      expect(csv).to.have.length(1 + credits.length);
      expect(csv[1]).to.equal(`${rows[0].date},"'=HYPERLINK(""http://evil.example"",""Click"")",,credit,${(rows[0].amount / 100).toFixed(2)},NGN,${(rows[0].balance! / 100).toFixed(2)},row-0`);

      el.type = 'debit';
      await el.settled;
      const captured: { name: string; href: string }[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        captured.push({ name: this.download, href: this.href });
      };
      try {
        part(el, 'export-button')!.click();
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      expect(captured).to.have.length(1);
      expect(captured[0].name).to.match(/^transactions-\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = new Uint8Array(await (await fetch(captured[0].href)).arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).split('\r\n');
      expect(lines[0]).to.equal('Date,Narration,Category,Type,Amount,Currency,Balance,ID');
      expect(lines.slice(1).every((l) => l.includes(',debit,-'))).to.equal(true);
      expect(lines[1]).to.contain(`"'+SUM(1,2)"`);
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    });
  });

  describe('keyboard', () => {
    it('moves between rows with the arrow keys and selects with Enter', async () => {
      const { el } = await mount('account-id="txns_80" paginate="false"');
      const table = tableOf(el);
      renderedRows(table)[0].focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = await oneEvent(el, 'mono-transaction-select');
      expect(event.detail.transaction).to.equal(el.shown[2]);
    });
  });

  describe('states', () => {
    it('shows a skeleton with a live "Loading…" while the first load runs', async () => {
      const recorder = recordingClient(() => ({ 'x-sandbox-latency': '600' }));
      const provider = await fixture<MonoProvider>(html`<mono-provider .client=${recorder.client}></mono-provider>`);
      provider.innerHTML = '<mono-transactions account-id="slow_1"></mono-transactions>';
      const el = provider.querySelector('mono-transactions')!;
      await el.updateComplete;
      expect(part(el, 'skeleton')).to.exist;
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Loading…');
      await expect(el).to.be.accessible();
      await loaded(el);
      expect(part(el, 'skeleton')).to.equal(null);
    });

    it('says the count once the typing is over, not at every keystroke', async () => {
      // Every row loaded (paginate="false"): typing filters in the element, so what is said depends on the typing
      // alone, not on how fast a loaded machine answers a search. Waits are for outcomes, not fixed times.
      const { el } = await mount('account-id="acc_demo" paginate="false"');
      const region = el.shadowRoot!.querySelector('[role=status]')!;
      const countText = () => `${el.shown.length} transaction${el.shown.length === 1 ? '' : 's'}`;
      const says = (text: () => string) => waitUntil(() => region.textContent!.trim() === text(), undefined, { timeout: 6000 }).catch(() => expect(region.textContent!.trim()).to.equal(text()));
      await says(countText);
      const before = el.shown.length;
      const said: string[] = [];
      const observer = new MutationObserver(() => said.push(region.textContent!.trim()));
      observer.observe(region, { childList: true, characterData: true, subtree: true });
      const input = part(el, 'search-input') as HTMLInputElement;
      for (let i = 1; i <= 'salary'.length; i++) {
        typeInto(input, 'salary'.slice(0, i));
        await sleep(60);
      }
      await loaded(el);
      expect(el.shown.length).to.be.within(1, before - 1);
      const outcome = countText();
      await says(() => outcome);
      await sleep(900);
      await el.updateComplete;
      observer.disconnect();
      const changes = said.filter((text, i) => text !== (said[i - 1] ?? null));
      expect(changes.length, changes.join(' | ')).to.equal(1);
      expect(changes[0]).to.equal(outcome);
    });

    it('says the new order after a sort, with the count, and only the count after the next filter', async () => {
      const { el } = await mount('account-id="acc_demo" paginate="false"');
      const region = el.shadowRoot!.querySelector('[role=status]')!;
      const table = el.shadowRoot!.querySelector('mono-transaction-table')!;
      const sortButtons = [...table.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=sort-button]')].filter((b) => b.getClientRects().length > 0);
      const amount = sortButtons.find((b) => b.textContent!.includes('Amount'))!;
      const says = (text: () => string) => waitUntil(() => region.textContent === text(), undefined, { timeout: 6000 }).catch(() => expect(region.textContent).to.equal(text()));
      const count = () => `${el.shown.length} transactions`;
      amount.click();
      await says(() => `Sorted by amount, highest first, ${count()}`);
      amount.click();
      await says(() => `Sorted by amount, lowest first, ${count()}`);
      typeInto(part(el, 'search-input') as HTMLInputElement, 'a');
      await loaded(el);
      await says(count);
    });

    it('fits its loading skeleton in a phone-width element', async () => {
      const recorder = recordingClient(() => ({ 'x-sandbox-latency': '2000' }));
      const provider = await fixture<MonoProvider>(html`<mono-provider .client=${recorder.client} style="display: block; inline-size: 300px"></mono-provider>`);
      provider.innerHTML = '<mono-transactions account-id="slow_skeleton"></mono-transactions>';
      const el = provider.querySelector('mono-transactions')!;
      await el.updateComplete;
      const skeleton = part(el, 'skeleton')!;
      const box = skeleton.getBoundingClientRect();
      const bones = [...skeleton.querySelectorAll('span')].filter((b) => b.getClientRects().length > 0);
      expect(bones.length).to.be.greaterThan(0);
      for (const bone of bones) expect(bone.getBoundingClientRect().right, 'a bone runs past the edge').to.be.at.most(box.right);
      expect(box.right).to.be.at.most(provider.getBoundingClientRect().right + 0.5);
    });

    it('shows "No transactions to show" (no period was asked for) for an account without transactions', async () => {
      const { el } = await mount('account-id="empty_txns"');
      expect(el.shadowRoot!.querySelector('.empty-message')!.textContent).to.contain('No transactions to show');
      expect(part(el, 'export-button')!.hasAttribute('disabled')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows the error with a retry that recovers', async () => {
      const key = `txn-retry-${Date.now()}-${Math.random()}`;
      const { el } = await mount('account-id="retry_1"', recordingClient((u) => (u.pathname.endsWith('/transactions') ? { 'x-sandbox-fault': '500', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key } : undefined)));
      const error = part(el, 'error')!;
      expect(error.getAttribute('data-kind')).to.equal('http');
      expect(error.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      part(el, 'retry-button')!.click();
      await loaded(el);
      expect(part(el, 'error')).to.equal(null);
      expect(el.shown).to.have.length(50);
    });

    it('keeps reading a slow account when the next page is asked, which then has its currency', async () => {
      const slowAccount = (call: { path: string }) => (/^\/api\/mono\/accounts\/[^/?]+$/.test(call.path) ? { 'x-sandbox-latency': '2600' } : undefined);
      const { client, count } = sandboxClient({ fault: slowAccount });
      const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} locale="en-NG"></mono-provider>`);
      provider.innerHTML = '<mono-transactions account-id="usd_late_currency"></mono-transactions>';
      const el = provider.querySelector('mono-transactions')!;
      await waitUntil(() => el.resource.status === 'loaded', 'rows shown before the account', { timeout: 8000 });
      expect(new Set(el.shown.map((t) => t.currency)), 'the default until the account answers').to.deep.equal(new Set(['NGN']));
      el.page = 2; // while the account is still on its way
      await waitUntil(() => el.resource.status === 'loaded' && el.shown[0]?.currency === 'USD', 'page 2 in dollars', { timeout: 8000 });
      expect(new Set(el.shown.map((t) => t.currency))).to.deep.equal(new Set(['USD']));
      expect(count('GET', /^\/api\/mono\/accounts\/usd_late_currency$/), 'one account read, not started over').to.equal(1);
    });

    it('reload() asks the host again, where a new element on the same client reads the cache', async () => {
      const { el, provider, transactionCalls } = await mount('account-id="reload_1"');
      expect(transactionCalls()).to.have.length(1);
      await el.reload();
      expect(transactionCalls(), 'reload skips the cache').to.have.length(2);
      provider.insertAdjacentHTML('beforeend', '<mono-transactions account-id="reload_1"></mono-transactions>');
      await loaded(provider.querySelectorAll('mono-transactions')[1]);
      expect(transactionCalls(), 'an ordinary load reads the cache').to.have.length(2);
    });

    it('shows its rows, in the default currency, when the account read for their currency does not answer', async () => {
      const provider = await fixture<MonoProvider>(html`<mono-provider .client=${hangingClient(/^\/api\/mono\/accounts\/[^/]+$/)} locale="en-NG"></mono-provider>`);
      provider.innerHTML = '<mono-transactions account-id="hung_account_1"></mono-transactions>';
      const el = provider.querySelector('mono-transactions')!;
      await waitUntil(() => el.resource.status === 'loaded', 'rows shown without the account', { timeout: 8000 });
      expect(el.shown).to.have.length(50);
      expect(new Set(el.shown.map((t) => t.currency))).to.deep.equal(new Set(['NGN']));
    });

    it('cancels the account read beside its rows when it is removed (a slow host keeps no connection for it)', async () => {
      const signals: AbortSignal[] = [];
      const hang = /^\/api\/mono\/accounts\/[^/]+$/;
      const client = new MonoClient({
        retries: 0,
        fetch: (input, init) => {
          if (!hang.test(new URL(String(input), location.href).pathname)) return fetch(input, init);
          signals.push(init!.signal!);
          return new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));
        },
      });
      const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} locale="en-NG"></mono-provider>`);
      provider.innerHTML = '<mono-transactions account-id="hung_account_2"></mono-transactions>';
      const el = provider.querySelector('mono-transactions')!;
      await waitUntil(() => el.resource.status === 'loaded', 'rows shown without the account', { timeout: 8000 });
      expect(signals.length).to.be.greaterThan(0);
      expect(signals.some((signal) => signal.aborted), 'still read while the element is shown').to.equal(false);
      el.remove();
      await waitUntil(() => signals.every((signal) => signal.aborted), 'the account read is cancelled', { timeout: 1000 });
    });

    it('turns a malformed answer into an invalid-response error, not an exception', async () => {
      const { el } = await mount('account-id="malformed_1"', recordingClient(() => ({ 'x-sandbox-fault': 'malformed' })));
      expect(part(el, 'error')!.getAttribute('data-kind')).to.equal('invalid-response');
      expect(part(el, 'retry-button')).to.exist;
    });

    it('keeps the loaded rows and shows an inline error when "Load more" fails', async () => {
      const { el } = await mount('account-id="txns_160" pager="more"', recordingClient((u) => (u.searchParams.get('page') === '2' ? { 'x-sandbox-fault': '503' } : undefined)));
      part(el, 'load-more-button')!.click();
      await loaded(el);
      expect(el.shown).to.have.length(50);
      const error = part(el, 'error')!;
      expect(error.textContent).to.contain('Some transactions could not be loaded.');
      expect(renderedRows(tableOf(el)).length).to.be.greaterThan(0);
    });

    it('shows the idle state without an account', async () => {
      const el = await fixture<MonoTransactions>(html`<mono-transactions></mono-transactions>`);
      expect(part(el, 'idle')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible when loaded, in light and dark', async () => {
      const { el } = await mount('account-id="acc_demo"');
      await expect(el).to.be.accessible();
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('no stale data', () => {
    it('never shows the previous account’s rows after a quick switch, even when its answer comes last', async () => {
      const slowFor = new Set(['stale_old']);
      const recorder = recordingClient((u) => (slowFor.has(u.pathname.split('/').at(-2)!) ? { 'x-sandbox-latency': '500' } : undefined));
      const provider = await fixture<MonoProvider>(html`<mono-provider .client=${recorder.client} account-id="stale_old"></mono-provider>`);
      provider.innerHTML = '<mono-transactions></mono-transactions>';
      const el = provider.querySelector('mono-transactions')!;
      await el.updateComplete;
      const oldIds = new Set((await new MonoClient().transactions('stale_old', { limit: 50 })).transactions.map((t) => t.id));
      provider.accountId = 'stale_mid';
      await nextFrame();
      provider.accountId = 'stale_new';
      const deadline = performance.now() + 900;
      while (performance.now() < deadline) {
        expect(el.shown.some((t) => oldIds.has(t.id))).to.equal(false);
        await nextFrame();
      }
      await loaded(el);
      expect(el.resource.value!.accountId).to.equal('stale_new');
      expect(el.shown.some((t) => oldIds.has(t.id))).to.equal(false);
    });

    it('never shows rows that break the latest filters after rapid changes', async () => {
      const recorder = recordingClient(() => ({ 'x-sandbox-latency': '200' }));
      const { el } = await mount('account-id="acc_demo"', recorder);
      const types = ['credit', 'debit', 'credit', 'debit'] as const;
      for (const type of types) {
        el.shadowRoot!.querySelector<HTMLInputElement>(`input[name=type][value=${type}]`)!.click();
        await nextFrame();
      }
      const deadline = performance.now() + 800;
      while (performance.now() < deadline) {
        await tableOf(el).settled;
        expect(el.shown.every((t) => t.type === 'debit')).to.equal(true);
        await nextFrame();
      }
      await loaded(el);
      expect(el.shown.length).to.be.greaterThan(0);
      expect(el.shown.every((t) => t.type === 'debit')).to.equal(true);
      // Not necessarily the last request: when a slow engine lets the first debit answer land between the clicks,
      // the last click is served from the cache and the last request is the credit one it replaced.
      expect(recorder.transactionCalls().some((call) => query(call).type === 'debit' && query(call).page === '1')).to.equal(true);
    });
  });
});
