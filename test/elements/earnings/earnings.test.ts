import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../fixtures/wait.js';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/earnings/define.js';
import { loadChart } from '../../../src/charts/load-chart.js';
import { MonoClient } from '../../../src/client/index.js';
import { formatMoney } from '../../../src/core/format.js';
import { cumulativeByMonth, earningsInPeriod, periodStart } from '../../../src/elements/earnings/earnings-data.js';
import type { MonoEarnings } from '../../../src/elements/earnings/mono-earnings.js';
import type { MonoProvider } from '../../../src/elements/provider/mono-provider.js';
import type { Earning } from '../../../src/model/index.js';
import { axesLayout, chartDrawn, recordingClient, textOf, uid, type Override } from '../../charts/sandbox-helpers.js';

const LOCALE = 'en-NG';

async function mount(client: MonoClient, accountId: string, period = '12') {
  const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale=${LOCALE}>
    <mono-earnings period=${period}></mono-earnings>
  </mono-provider>`);
  return root.querySelector<MonoEarnings>('mono-earnings')!;
}
const settled = (el: MonoEarnings, status = 'loaded') =>
  waitUntil(() => el.resource.status === status, `earnings ${status} (${el.resource.status})`, { timeout: 8000 }).then(() => el.updateComplete);
/** Whether the asset cell shows its narration and date under it (Firefox reports `attr()` unresolved). */
const shownUnder = (td: Element) => {
  const content = getComputedStyle(td, '::after').content;
  return content !== 'none' && (content.includes('attr(data-narration)') || content.includes((td as HTMLElement).dataset.date!));
};
const listRows = (el: MonoEarnings) => [...el.shadowRoot!.querySelectorAll('.list tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));

/** Months ago from now, as an ISO date-time in the middle of that month. */
const monthsAgo = (n: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 15, 12)).toISOString();
};
const earning = (id: string, amount: number, date: string, currency: string, narration = 'Dividend payment AAPL') => ({
  id,
  amount,
  narration,
  date,
  currency,
  asset: { symbol: 'AAPL', name: 'Apple Inc', sale_price: null, quantity_sold: null },
});
const onEarnings = (body: unknown): Override => (call) => (/\/earnings$/.test(call.path) ? body : undefined);

/**
 * A sandbox account with earnings within the last `months`: about one random id in ten has none in the last three
 * (which month the sandbox pays in depends on the id and today's date), and shows the period's "none" state.
 */
async function uidWithEarnings(months: '3' | '6' | '12'): Promise<string> {
  for (;;) {
    const id = uid('earn');
    if (earningsInPeriod(await new MonoClient().earnings(id), periodStart(months)).length > 0) return id;
  }
}

describe('<mono-earnings>', () => {
  it('shows all earnings by default', async () => {
    const accountId = uid('earn');
    const { client } = recordingClient();
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale=${LOCALE}><mono-earnings></mono-earnings></mono-provider>`);
    const el = root.querySelector<MonoEarnings>('mono-earnings')!;
    await settled(el);
    expect(el.period).to.equal('all');
    expect(listRows(el)).to.have.length((await new MonoClient().earnings(accountId)).length);
  });

  it('lists the period’s earnings newest first, with totals per currency and a cumulative line', async () => {
    const accountId = await uidWithEarnings('12');
    const { client } = recordingClient();
    const el = await mount(client, accountId);
    const event = await oneEvent(el, 'mono-load');
    expect(event.detail.resource).to.equal('earnings');
    await settled(el);
    const all = await new MonoClient().earnings(accountId);
    const start = periodStart('12')!;
    const inPeriod = all.filter((e) => e.date.slice(0, 10) >= start);
    expect(inPeriod.length, 'the sandbox pays something within a year').to.be.greaterThan(0);

    const rows = listRows(el);
    expect(rows).to.have.length(inPeriod.length);
    const dates = [...el.shadowRoot!.querySelectorAll('.list time')].map((t) => t.getAttribute('datetime')!);
    expect(dates).to.deep.equal([...dates].sort().reverse());
    const newestFirst = [...inPeriod].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
    expect(rows.map((r) => r[3])).to.deep.equal(newestFirst.map((e) => formatMoney(e.amount, e.currency, LOCALE)));
    expect(rows.map((r) => r[2])).to.deep.equal(newestFirst.map((e) => e.narration));

    const sums = new Map<string, number>();
    for (const e of inPeriod) sums.set(e.currency, (sums.get(e.currency) ?? 0) + e.amount);
    const cards = [...el.shadowRoot!.querySelectorAll('[part~="totals"] .total')];
    expect(cards).to.have.length(sums.size);
    for (const card of cards) {
      const currency = card.getAttribute('data-currency')!;
      expect(card.querySelector('.total-value')!.textContent).to.equal(formatMoney(sums.get(currency)!, currency, LOCALE));
    }

    await chartDrawn(el);
    const chart = el.chart!;
    expect((chart.config as { type: string }).type).to.equal('line');
    const data = chart.data.datasets[0].data as number[];
    expect(data).to.have.length(12);
    const currency = el.shadowRoot!.querySelector('.chart-title')!.textContent!.match(/\((\w{3})\)/)![1];
    expect(data[data.length - 1], 'the line ends at the period’s total').to.equal(sums.get(currency));
    expect(data.every((v, i) => i === 0 || v >= data[i - 1]), 'cumulative never falls').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('changes period with the selector, updating the same chart in place', async () => {
    const Chart = await loadChart('line');
    const before = Object.keys(Chart.instances).length;
    const accountId = await uidWithEarnings('3');
    const { client, count } = recordingClient();
    const el = await mount(client, accountId, '3');
    await settled(el);
    await chartDrawn(el);
    const chart = el.chart!;
    expect(chart.data.labels).to.have.length(3);
    const few = listRows(el).length;
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select.period')!;
    expect(select.labels![0].textContent).to.contain('Period');
    select.value = 'all';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.period).to.equal('all');
    expect(el.getAttribute('period')).to.equal('all');
    const all = await new MonoClient().earnings(accountId);
    expect(listRows(el)).to.have.length(all.length);
    expect(listRows(el).length).to.be.at.least(few);
    expect(el.chart, 'same instance').to.equal(chart);
    // The chart now runs from the charted currency's first earning to this month (the sandbox's random
    // accounts differ: a currency first earned two months ago gives two bars).
    const charted = el.shadowRoot!.querySelector<HTMLSelectElement>('select.currency')?.value ?? all[0].currency;
    const first = all
      .filter((e) => e.currency === charted)
      .map((e) => e.date.slice(0, 7))
      .sort()[0];
    const now = new Date().toISOString().slice(0, 7);
    const months = (Number(now.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(now.slice(5, 7)) - Number(first.slice(5, 7)) + 1;
    expect(chart.data.labels).to.have.length(months);
    expect(count('GET', /\/earnings$/), 'the period is applied without a new request').to.equal(1);
    expect(Object.keys(Chart.instances).length).to.equal(before + 1);
    el.closest('mono-provider')!.remove();
    expect(Object.keys(Chart.instances).length).to.equal(before);
  });

  it('charts one currency at a time when earnings come in several', async () => {
    const body = {
      status: 'successful',
      data: [earning('e1', 4250, monthsAgo(0), 'USD'), earning('e2', 1800, monthsAgo(1), 'USD'), earning('e3', 560000, monthsAgo(1), 'NGN', 'Dividend MTNN')],
    };
    const { client } = recordingClient({ override: onEarnings(body) });
    const el = await mount(client, await uidWithEarnings('6'), '6');
    await settled(el);
    await chartDrawn(el);
    const chart = el.chart!;
    const data = () => chart.data.datasets[0].data as number[];
    expect(data()).to.deep.equal([0, 0, 0, 0, 1800, 6050]);
    const currency = el.shadowRoot!.querySelector<HTMLSelectElement>('select.currency')!;
    currency.value = 'NGN';
    currency.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.chart).to.equal(chart);
    expect(data()).to.deep.equal([0, 0, 0, 0, 560000, 560000]);
    expect(el.shadowRoot!.querySelector('.chart-title')!.textContent).to.equal('Cumulative earnings (NGN)');
    const table = [...el.shadowRoot!.querySelectorAll('[part~="chart-table"] tbody tr')].map((r) => r.lastElementChild!.textContent);
    expect(table[5]).to.equal(formatMoney(560000, 'NGN', LOCALE));
    await expect(el).to.be.accessible();
  });

  it('says when the period has no earnings, and shows the empty state for none at all', async () => {
    const old = { status: 'successful', data: [earning('e1', 100, monthsAgo(20), 'USD')] };
    const { client } = recordingClient({ override: onEarnings(old) });
    const el = await mount(client, uid('earn'), '3');
    await settled(el);
    expect(textOf(el)).to.contain('No earnings in this period.');
    expect(el.chart).to.equal(undefined);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.state.none button')!.click();
    await el.updateComplete;
    expect(el.period).to.equal('all');
    expect(listRows(el)).to.have.length(1);

    const { client: sandbox } = recordingClient();
    const empty = await mount(sandbox, uid('empty'));
    await settled(empty, 'empty');
    expect(textOf(empty)).to.contain('No earnings on this account.');
    await expect(empty).to.be.accessible();
  });

  it('lists an earning on the day and in the month Mono counts it in (UTC), whatever the reader\'s time zone', async () => {
    // 23:30 UTC on the last day of a month: the next day and month in Lagos, where Chromium runs the tests.
    const d = new Date();
    const late = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) - 30 * 60_000);
    const body = { status: 'successful', data: [earning('e1', 500, late.toISOString(), 'USD')] };
    const { client } = recordingClient({ override: onEarnings(body) });
    const el = await mount(client, uid('earn'), 'all');
    await settled(el);
    const utcDay = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(late);
    expect(listRows(el)[0][0]).to.equal(utcDay);
    const table = [...el.shadowRoot!.querySelectorAll('[part~="chart-table"] tbody tr')].map((r) => r.textContent!);
    const monthName = new Intl.DateTimeFormat(LOCALE, { month: 'short', timeZone: 'UTC' }).format(late);
    expect(table[0], 'the cumulative line starts in the month of the earning').to.contain(monthName);
  });

  it('shows broker text as text, never as markup', async () => {
    const body = { status: 'successful', data: [earning('e1', 100, monthsAgo(0), 'USD', '<b>bold</b><img src=x onerror="window.__pwned=1">')] };
    const { client } = recordingClient({ override: onEarnings(body) });
    const el = await mount(client, uid('earn'));
    await settled(el);
    const hostile = '<b>bold</b><img src=x onerror="window.__pwned=1">';
    expect(el.shadowRoot!.querySelector('td.narration')!.textContent).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    // On a phone the narration shows under the asset, still as text.
    el.style.inlineSize = '340px';
    await nextFrame();
    expect(el.shadowRoot!.querySelector('td.asset')!.getAttribute('data-narration')).to.equal(hostile);
    expect(shownUnder(el.shadowRoot!.querySelector('td.asset')!)).to.equal(true);
  });

  it('on a phone, shows the amount in full and moves the narration and the date under the asset', async () => {
    const body = {
      status: 'successful',
      data: [earning('e1', 987654321, monthsAgo(0), 'NGN', 'Dividend payment DANGCEM for the half year ended 30 June'), earning('e2', 12, monthsAgo(1), 'USD')],
    };
    const { client } = recordingClient({ override: onEarnings(body) });
    const el = await mount(client, uid('earn'));
    await settled(el);
    const wrap = el.shadowRoot!.querySelector<HTMLElement>('.list')!.parentElement!;
    const cell = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(`.list tbody tr ${sel}`)!;
    expect(shownUnder(cell('td.asset')), 'wide: nothing under the asset').to.equal(false);
    expect(cell('td.date').offsetWidth).to.be.greaterThan(0);

    el.style.inlineSize = '340px';
    await nextFrame();
    expect(wrap.scrollWidth, 'no sideways scroll').to.be.at.most(wrap.clientWidth);
    expect(cell('td.date').offsetWidth).to.equal(0);
    expect(cell('td.narration').offsetWidth).to.equal(0);
    expect(el.shadowRoot!.querySelector<HTMLElement>('.list thead th.narration')!.offsetWidth).to.equal(0);
    expect(shownUnder(cell('td.asset'))).to.equal(true);
    expect(cell('td.asset').dataset.narration).to.equal('Dividend payment DANGCEM for the half year ended 30 June');
    expect(cell('td.asset').dataset.date).to.equal(cell('td.date').textContent!.trim());
    expect(cell('td.asset').offsetHeight, 'the name, the narration and the date on lines of their own').to.be.greaterThan(3 * 16);
    const amount = cell('td.num');
    expect(amount.textContent).to.equal(formatMoney(987654321, 'NGN', LOCALE));
    expect(amount.scrollWidth, 'the amount is not cut').to.be.at.most(amount.clientWidth);
    expect(amount.getBoundingClientRect().right).to.be.at.most(wrap.getBoundingClientRect().right + 1);
    // No sticky header over columns that are not row headers.
    expect(getComputedStyle(el.shadowRoot!.querySelector('.list thead th')!).position).to.equal('static');
    await expect(el).to.be.accessible();
    // The lines under the asset keep to the table's side, whatever the direction of their own text.
    expect(getComputedStyle(cell('td.asset'), '::after').textAlign).to.equal('left');
    el.dir = 'rtl';
    expect(getComputedStyle(cell('td.asset'), '::after').textAlign, 'right-to-left').to.equal('right');
  });

  it('shows an error with a working retry (HTTP 503 past the client’s retries)', async () => {
    const key = uid('k');
    const { client } = recordingClient({
      retries: 1,
      fault: (call) => (/\/earnings$/.test(call.path) ? { 'x-sandbox-fault': '502', 'x-sandbox-fault-times': '2', 'x-sandbox-fault-key': key } : undefined),
    });
    const el = await mount(client, uid('earn'));
    const event = await oneEvent(el, 'mono-error');
    expect(event.detail.error.kind).to.equal('http');
    expect(event.detail.error.status).to.equal(502);
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await settled(el);
  });

  it('adds up month by month from the period start', () => {
    const now = Date.UTC(2025, 5, 10);
    const list = [
      { amount: 5, currency: 'USD', date: '2025-06-01T00:00:00.000Z' },
      { amount: 7, currency: 'USD', date: '2025-04-30T23:00:00.000Z' },
      { amount: 9, currency: 'NGN', date: '2025-05-02T00:00:00.000Z' },
      { amount: 11, currency: 'USD', date: '2024-01-01T00:00:00.000Z' },
    ] as Earning[];
    expect(periodStart('3', now)).to.equal('2025-04-01');
    const s = cumulativeByMonth(list, 'USD', periodStart('3', now), now);
    expect(s.months).to.deep.equal(['2025-04', '2025-05', '2025-06']);
    expect(s.cumulative).to.deep.equal([7, 7, 12]);
    expect(cumulativeByMonth(list, 'USD', null, now).months[0]).to.equal('2024-01');
  });

  it('mirrors its chart for a page in a right-to-left language (time flowing leftwards, amounts on the right), and back', async () => {
    const { client } = recordingClient();
    const accountId = await uidWithEarnings('12');
    const root = await fixture<HTMLDivElement>(html`<div lang="ar">
      <mono-provider .client=${client} account-id=${accountId}><mono-earnings period="12"></mono-earnings></mono-provider>
    </div>`);
    const el = root.querySelector<MonoEarnings>('mono-earnings')!;
    await settled(el);
    await chartDrawn(el);
    const chart = el.chart!;
    expect(axesLayout(chart), 'lang="ar"').to.deep.equal({ firstCategory: 'right', valueAxis: 'right' });
    root.lang = 'en-NG';
    await waitUntil(() => axesLayout(chart).valueAxis === 'left', 'mirrored back after lang changed');
    expect(el.chart, 'the same chart').to.equal(chart);
    expect(axesLayout(chart)).to.deep.equal({ firstCategory: 'left', valueAxis: 'left' });
    root.remove();
  });
});
