import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../fixtures/wait.js';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/income-summary/define.js';
import { loadChart } from '../../../src/charts/load-chart.js';
import { MonoClient } from '../../../src/client/index.js';
import { formatDate, formatMoney } from '../../../src/core/format.js';
import { stabilityLevel } from '../../../src/elements/income-summary/income-data.js';
import { analysedPeriod, monthlyTotals } from '../../../src/model/monthly-income.js';
import type { MonoIncomeSummary } from '../../../src/elements/income-summary/mono-income-summary.js';
import type { MonoProvider } from '../../../src/elements/provider/mono-provider.js';
import type { IncomeSummary, Transaction } from '../../../src/model/index.js';
import { axesLayout, chartDrawn, recordingClient, sleep, textOf, uid, uidWithIncome, type Override, type Rewrite } from '../../charts/sandbox-helpers.js';

const LOCALE = 'en-NG';
const naira = (minor: number) => formatMoney(minor, 'NGN', LOCALE);

async function mount(client: MonoClient, accountId: string, attrs: { pollInterval?: number; analysisTimeout?: number } = {}) {
  const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale=${LOCALE}>
    <mono-income-summary poll-interval=${attrs.pollInterval ?? 20} analysis-timeout=${attrs.analysisTimeout ?? 5000}></mono-income-summary>
  </mono-provider>`);
  return root.querySelector<MonoIncomeSummary>('mono-income-summary')!;
}

const loaded = (el: MonoIncomeSummary) =>
  waitUntil(() => el.resource.status === 'loaded', `income loaded (${el.resource.status} ${el.resource.error?.kind ?? ''} ${el.resource.error?.message ?? ''})`, { timeout: 8000 });
const figure = (el: MonoIncomeSummary, key: string) => el.shadowRoot!.querySelector(`[data-figure="${key}"] dd`)?.textContent ?? null;
const streamRows = (el: MonoIncomeSummary) => [...el.shadowRoot!.querySelectorAll('.streams tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));

/** One v2 record in Mono's webhook shape, for generations the sandbox does not serve. */
const v2Record = (summary: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  status: 'successful',
  data: [
    {
      account_name: 'CHIAMAKA ADAEZE OKAFOR',
      income_summary: summary,
      income_streams: [
        {
          income_type: 'SALARY',
          frequency: 'MONTHLY',
          monthly_average: 25000000,
          currency: 'NGN',
          stability: 0.55,
          first_income_date: '2025-01-27',
          last_income_date: '2025-05-27',
        },
      ],
      annual_income: 360000000,
      monthly_income: 30000000,
      ...extra,
    },
  ],
});
const onIncomeRecords = (body: unknown): Override => (call) => (/\/income-records$/.test(call.path) ? body : undefined);
/** The records alone, as a host that does not add `monthly_credits` answers. */
const withoutMonthlyCredits: Rewrite = (call, body) => {
  if (!/\/income-records$/.test(call.path)) return undefined;
  const { monthly_credits: _dropped, ...records } = body as Record<string, unknown>;
  return records;
};

describe('<mono-income-summary>', () => {
  describe('helpers', () => {
    it('says stability in plain words', () => {
      expect([0.95, 0.8, 0.79, 0.6, 0.45, 0.4, 0.39, 0].map(stabilityLevel)).to.deep.equal([
        'VeryStable',
        'VeryStable',
        'Stable',
        'Stable',
        'Variable',
        'Variable',
        'Irregular',
        'Irregular',
      ]);
    });

    it('covers the streams’ first to last income month, at most 12 months, and adds credits per month exactly', () => {
      const base = { streams: [] } as unknown as IncomeSummary;
      const streams = (first: string, last: string) => ({ ...base, streams: [{ firstDate: first, lastDate: last }] }) as unknown as IncomeSummary;
      expect(analysedPeriod(streams('2024-12-27', '2025-05-27'))).to.deep.equal({ start: '2024-12-01', end: '2025-05-27' });
      expect(analysedPeriod(streams('2020-01-05', '2025-05-27'))).to.deep.equal({ start: '2024-06-01', end: '2025-05-27' });
      expect(analysedPeriod(base, Date.UTC(2025, 5, 2))).to.deep.equal({ start: '2024-07-01', end: '2025-06-02' });
      const credit = (date: string, amount: number, type: 'credit' | 'debit' = 'credit') => ({ date, amount, type }) as Transaction;
      const m = monthlyTotals(
        [credit('2025-01-31T23:59:59.000Z', 1), credit('2025-02-01T00:00:00.000Z', 9007199254740000), credit('2025-02-10', 5, 'debit'), credit('2025-03-03', 7), credit('2024-12-31', 100)],
        '2025-01-01',
        '2025-03-15',
        'NGN',
      );
      expect(m.months).to.deep.equal(['2025-01', '2025-02', '2025-03']);
      expect(m.totals).to.deep.equal([1, 9007199254740000, 7]);
    });
  });

  it('shows Mono’s v2 analysis: figures, streams with stability in words, and credits per month', async () => {
    const accountId = await uidWithIncome('inc');
    const { client, calls } = recordingClient();
    const el = await mount(client, accountId);
    const event = await oneEvent(el, 'mono-load');
    expect(event.detail.resource).to.equal('income');
    await loaded(el);
    await el.updateComplete;

    const records = await new MonoClient().incomeRecords(accountId);
    const summary = records[records.length - 1];
    expect(summary.generation).to.equal('v2');
    expect(figure(el, 'average')).to.equal(naira(summary.averageMonthlyIncome!));
    expect(figure(el, 'salary')).to.equal(naira(summary.estimatedSalary!));
    expect(figure(el, 'yearly')).to.equal(naira(summary.yearlyIncome!));
    expect(figure(el, 'total')).to.equal(naira(summary.totalIncome!));
    expect(figure(el, 'employer')).to.equal(summary.employer);
    expect(figure(el, 'confidence')).to.equal(null);

    const words = { VeryStable: 'Very stable', Stable: 'Stable', Variable: 'Variable', Irregular: 'Irregular' };
    const rows = streamRows(el);
    expect(rows).to.have.length(summary.streams.length);
    summary.streams.forEach((s, i) => {
      expect(rows[i][2]).to.equal(naira(s.monthlyAverage!));
      expect(rows[i][3]).to.contain(words[stabilityLevel(s.stability!)]);
      expect(rows[i][4]).to.equal(formatDate(s.firstDate, LOCALE));
      expect(rows[i][5]).to.equal(formatDate(s.lastDate, LOCALE));
    });

    // The bars: every credit of the analysed period, per calendar month.
    const { start, end } = analysedPeriod(summary);
    const credits = await new MonoClient().transactions(accountId, { type: 'credit', paginate: false, start, end });
    const expected = monthlyTotals(credits.transactions, start, end, 'NGN');
    expect(expected.totals.reduce((a, b) => a + b, 0)).to.equal(credits.transactions.reduce((a, t) => a + t.amount, 0));
    await chartDrawn(el);
    expect((el.chart!.config as { type: string }).type).to.equal('bar');
    expect(el.chart!.data.datasets[0].data).to.deep.equal(expected.totals);
    const tableCells = [...el.shadowRoot!.querySelectorAll('[part~="chart-table"] tbody td')].map((td) => td.textContent);
    expect(tableCells).to.deep.equal(expected.totals.map(naira));
    // The host sent the bars with the records: one request, no year of credits to the browser.
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal([`GET /api/mono/accounts/${accountId}/income-records`]);
    await expect(el).to.be.accessible();
  });

  it('asks for the credits itself when the host sends the records alone, and draws the same bars', async () => {
    const accountId = await uidWithIncome('inc');
    const reference = recordingClient();
    const fromHost = await mount(reference.client, accountId);
    await chartDrawn(fromHost);
    const { client, calls } = recordingClient({ rewrite: withoutMonthlyCredits });
    const el = await mount(client, accountId);
    await chartDrawn(el);
    const summary = el.resource.value!.summary;
    const { start, end } = analysedPeriod(summary);
    const day = (iso: string) => iso.split('-').reverse().join('-');
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal([
      `GET /api/mono/accounts/${accountId}/income-records`,
      `GET /api/mono/accounts/${accountId}/transactions?end=${day(end)}&paginate=false&start=${day(start)}&type=credit`,
    ]);
    expect(el.chart!.data.datasets[0].data).to.deep.equal(fromHost.chart!.data.datasets[0].data);
    expect(el.resource.value!.monthly).to.deep.equal(fromHost.resource.value!.monthly);
  });

  it('shows stream dates on their UTC day (as the chart counts them) and a stability figure that agrees with its word', async () => {
    const stream = (stability: number, first: string, last: string) => ({ income_type: 'SALARY', frequency: 'MONTHLY', monthly_average: 25000000, currency: 'NGN', stability, first_income_date: first, last_income_date: last });
    const record = v2Record({ total_income: 150000000, monthly_average: 30000000 });
    record.data[0].income_streams = [
      // 23:30 UTC: the next day in Lagos, where the tests run.
      stream(0.795, '2024-12-27T00:00:00.000Z', '2025-05-27T23:30:00.000Z'),
      stream(0.5996, '2025-01-27', '2025-05-27'),
      stream(0.29, '2025-01-27', '2025-05-27'),
    ];
    const { client } = recordingClient({ override: onIncomeRecords(record) });
    const el = await mount(client, await uidWithIncome('inc'));
    await loaded(el);
    await el.updateComplete;
    const rows = streamRows(el);
    expect(rows[0].slice(3, 6)).to.deep.equal(['Stable (79%)', '27 Dec 2024', '27 May 2025']);
    expect(rows[1][3]).to.equal('Variable (59%)');
    expect(rows[2][3]).to.equal('Irregular (29%)');
  });

  it('keeps the figures when the host’s monthly credits are malformed, and asks the host again on retry', async () => {
    const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
    const withMonthly = (list: string[]) => ({
      ...v2Record({ total_income: 150000000, monthly_average: 30000000 }),
      monthly_credits: { start: '2025-01-01', end: '2025-05-27', months: list.map((month, i) => ({ month, total: (i + 1) * 100000 })) },
    });
    let answers = 0;
    const { client, count } = recordingClient({ override: (call) => (/\/income-records$/.test(call.path) ? withMonthly(answers++ ? months : months.slice(0, 1)) : undefined) });
    const el = await mount(client, await uidWithIncome('inc'));
    const failed = await oneEvent(el, 'mono-error');
    expect(failed.detail.error.kind).to.equal('invalid-response');
    expect(failed.detail.error.path).to.equal('monthly_credits.months');
    await loaded(el);
    await el.updateComplete;
    expect(figure(el, 'average')).to.equal(naira(30000000));
    const monthlyError = el.shadowRoot!.querySelector('[part~="monthly-error"]')!;
    expect(monthlyError.getAttribute('data-kind')).to.equal('invalid-response');
    expect(count('GET', /\/transactions/)).to.equal(0);
    monthlyError.querySelector('button')!.click();
    await chartDrawn(el, 'chart after retry');
    expect(el.chart!.data.datasets[0].data).to.deep.equal([100000, 200000, 300000, 400000, 500000]);
    expect(count('GET', /\/income-records/)).to.equal(2);
  });

  it('starts the analysis once when no record exists, says so, and polls until the record appears', async () => {
    const accountId = uid('fresh');
    const { client, count } = recordingClient();
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale=${LOCALE}>
      <mono-income-summary poll-interval="150"></mono-income-summary>
      <mono-income-summary poll-interval="150"></mono-income-summary>
    </mono-provider>`);
    const [el, twin] = root.querySelectorAll<MonoIncomeSummary>('mono-income-summary');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="analysing"]'), 'analysing state', { timeout: 5000 });
    const analysing = el.shadowRoot!.querySelector('[part~="analysing"]')!;
    expect(analysing.getAttribute('role')).to.equal('status');
    expect(analysing.textContent).to.contain('Analysing income…');
    await loaded(el);
    await loaded(twin);
    expect(count('POST', /\/income$/), 'one POST for two elements sharing a client').to.equal(1);
    expect(count('GET', /\/income-records$/)).to.be.greaterThan(2);
    expect(figure(el, 'average')).to.match(/^₦/);
    expect(figure(twin, 'average')).to.equal(figure(el, 'average'));
  });

  it('gives up after the time limit, offers Check again, and never POSTs a second time', async () => {
    const accountId = uid('empty');
    // An analysis that never finishes: no record, however often it is asked.
    const { client, count } = recordingClient({ override: onIncomeRecords({ status: 'successful', data: [] }) });
    const el = await mount(client, accountId, { pollInterval: 30, analysisTimeout: 1200 });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="analysing"].loading'), 'analysing', { timeout: 5000 });
    await expect(el).to.be.accessible();
    const error = await oneEvent(el, 'mono-error');
    expect(error.detail.error.kind).to.equal('timeout');
    await el.updateComplete;
    const pending = el.shadowRoot!.querySelector('[part~="analysing"]')!;
    expect(pending.textContent).to.contain('taking longer than expected');
    await expect(el).to.be.accessible();
    const polls = count('GET', /\/income-records$/);
    pending.querySelector('button')!.click();
    await waitUntil(() => count('GET', /\/income-records$/) > polls + 1, 'polls again', { timeout: 5000 });
    expect(count('POST', /\/income$/)).to.equal(1);
  });

  it('stops polling when removed', async () => {
    const accountId = uid('empty');
    const { client, count } = recordingClient({ override: onIncomeRecords({ status: 'successful', data: [] }) });
    const el = await mount(client, accountId, { pollInterval: 30, analysisTimeout: 10000 });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="analysing"]'), 'analysing', { timeout: 5000 });
    el.closest('mono-provider')!.remove();
    await sleep(60);
    const polls = count('GET', /\/income-records$/);
    await sleep(300);
    expect(count('GET', /\/income-records$/)).to.equal(polls);
  });

  it('removed while its analysis POST is in flight, stops waiting; put back, polls again without a second POST', async () => {
    const accountId = uid('empty');
    const { client, count } = recordingClient({
      override: onIncomeRecords({ status: 'successful', data: [] }),
      fault: (call) => (call.method === 'POST' ? { 'x-sandbox-latency': '300' } : undefined),
    });
    const el = await mount(client, accountId, { pollInterval: 30, analysisTimeout: 10000 });
    const provider = el.closest('mono-provider')!;
    await waitUntil(() => count('POST', /\/income$/) === 1, 'the POST is sent', { timeout: 5000 });
    el.remove();
    await sleep(600);
    expect(count('GET', /\/income-records$/), 'no poll after the POST answered').to.equal(1);
    provider.append(el);
    await waitUntil(() => count('GET', /\/income-records$/) > 2, 'polls again', { timeout: 5000 });
    expect(count('POST', /\/income$/)).to.equal(1);
    provider.remove();
  });

  it('reads the later v1 shape (v1* account)', async () => {
    const accountId = await uidWithIncome('v1'); // about one v1 id in 1,000 has no income (an empty state)
    const { client } = recordingClient();
    const el = await mount(client, accountId);
    await loaded(el);
    const [summary] = await new MonoClient().incomeRecords(accountId);
    expect(summary.generation).to.equal('v1');
    expect(figure(el, 'average')).to.equal(naira(summary.averageMonthlyIncome!));
    expect(figure(el, 'yearly')).to.equal(naira(summary.yearlyIncome!));
    expect(figure(el, 'sources')).to.equal(String(summary.sourceCount));
    expect(el.shadowRoot!.querySelector('.streams')).to.equal(null);
    await chartDrawn(el);
    expect(el.chart!.data.labels).to.have.length(12);
    await expect(el).to.be.accessible();
  });

  it('reads the oldest v1 shape and shows its confidence', async () => {
    const { client } = recordingClient({
      override: onIncomeRecords({ type: 'INCOME', amount: 45000000, employer: 'PAYSTACK PAYMENTS LTD', confidence: 0.95 }),
    });
    const el = await mount(client, uid('old'));
    await loaded(el);
    expect(figure(el, 'average')).to.equal(naira(45000000));
    expect(figure(el, 'salary')).to.equal(naira(45000000));
    expect(figure(el, 'employer')).to.equal('PAYSTACK PAYMENTS LTD');
    expect(figure(el, 'confidence')).to.equal('95%');
    await expect(el).to.be.accessible();
  });

  it('reads v2 records from before the 2025 renames, and bank text stays text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">ACME';
    const { client } = recordingClient({
      override: onIncomeRecords(
        v2Record({ total_income: 150000000, employer: hostile, monthly_average: 30000000, monthly_average_regular: 25000000, monthly_average_irregular: 5000000 }),
      ),
    });
    const el = await mount(client, uid('old'));
    await loaded(el);
    expect(figure(el, 'average')).to.equal(naira(30000000));
    expect(figure(el, 'salary')).to.equal(naira(25000000));
    expect(figure(el, 'irregular')).to.equal(naira(5000000));
    expect(figure(el, 'employer')).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(streamRows(el)[0][3]).to.equal('Variable (55%)');
  });

  it('on a sandbox account with no income to find (empty…), starts the analysis and ends saying no income was found', async () => {
    const el = await mount(new MonoClient(), uid('empty'));
    await waitUntil(() => el.resource.status === 'empty', `empty (${el.resource.status})`, { timeout: 5000 });
    await el.updateComplete;
    expect(textOf(el)).to.contain('No income was found');
    expect(textOf(el)).to.not.contain('Analysing');
  });

  it('shows the empty state when the analysis found no income', async () => {
    const { client } = recordingClient({ override: onIncomeRecords({ average_income: 0, monthly_income: 0, yearly_income: 0, income_sources: 0 }) });
    const el = await mount(client, uid('zero'));
    await waitUntil(() => el.resource.status === 'empty', 'empty', { timeout: 5000 });
    await el.updateComplete;
    expect(textOf(el)).to.contain('No income was found');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a working retry (HTTP 500), and invalid-response for malformed data', async () => {
    // One automatic retry, as GETs have by default: the 500 outlasts it (two faulted answers), and a passing
    // network blip on the test machine cannot fail Try again's own request.
    const key = uid('k');
    const { client, count } = recordingClient({
      retries: 1,
      fault: (call) => (/income-records/.test(call.path) ? { 'x-sandbox-fault': '500', 'x-sandbox-fault-times': '2', 'x-sandbox-fault-key': key } : undefined),
    });
    const el = await mount(client, await uidWithIncome('inc'));
    const event = await oneEvent(el, 'mono-error');
    expect(event.detail.error.kind).to.equal('http');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[part~="error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('500');
    await expect(el).to.be.accessible();
    expect(count('GET', /income-records/), 'the 500 was tried again once on its own').to.equal(2);
    alert.querySelector('button')!.click();
    await loaded(el);

    const bad = uid('k');
    const malformed = recordingClient({
      retries: 1,
      fault: (call) => (/income-records/.test(call.path) ? { 'x-sandbox-fault': 'malformed', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': bad } : undefined),
    });
    const other = await mount(malformed.client, await uidWithIncome('inc'));
    const invalid = await oneEvent(other, 'mono-error');
    expect(invalid.detail.error.kind).to.equal('invalid-response');
    await other.updateComplete;
    other.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await loaded(other);
  });

  it('keeps the figures when only the monthly credits fail, with their own retry', async () => {
    const key = uid('k');
    const { client } = recordingClient({
      retries: 0,
      rewrite: withoutMonthlyCredits,
      fault: (call) => (/\/transactions/.test(call.path) ? { 'x-sandbox-fault': '503', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key } : undefined),
    });
    const el = await mount(client, await uidWithIncome('inc'));
    const reported = await oneEvent(el, 'mono-error');
    expect(reported.detail.error.status).to.equal(503);
    await loaded(el);
    await el.updateComplete;
    expect(figure(el, 'average')).to.match(/^₦/);
    const monthlyError = el.shadowRoot!.querySelector('[part~="monthly-error"]')!;
    expect(monthlyError.getAttribute('data-kind')).to.equal('http');
    expect(monthlyError.textContent).to.contain('monthly figures could not be loaded');
    expect(monthlyError.textContent).to.contain('503');
    await expect(el).to.be.accessible();
    monthlyError.querySelector('button')!.click();
    await chartDrawn(el, 'chart after retry');
  });

  it('under a reload that failed, keeps its figures with one alert and one Try again (the monthly one gives way)', async () => {
    let down = false;
    const { client } = recordingClient({
      retries: 0,
      rewrite: withoutMonthlyCredits,
      // The monthly credits always fail; the records too once `down`.
      fault: (call) => (/\/transactions/.test(call.path) || (down && /\/income-records$/.test(call.path)) ? { 'x-sandbox-fault': '503' } : undefined),
    });
    const accountId = await uidWithIncome('inc');
    const el = await mount(client, accountId);
    await loaded(el);
    await el.updateComplete;
    const alerts = () => [...el.shadowRoot!.querySelectorAll('[role=alert]')];
    expect(alerts().map((a) => a.getAttribute('part')), 'the monthly credits failed').to.deep.equal(['monthly-error']);
    down = true;
    client.invalidate(accountId);
    await waitUntil(() => el.resource.status === 'error', 'the reload failed', { timeout: 8000 });
    await el.updateComplete;
    expect(figure(el, 'average'), 'the figures stay').to.match(/^₦/);
    expect(alerts().map((a) => a.getAttribute('part')), 'one alert').to.deep.equal(['error']);
    expect(el.shadowRoot!.querySelectorAll('[part~=retry-button]').length, 'one Try again').to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows the same figures as a table on demand, and updates the chart in place on reload', async () => {
    const Chart = await loadChart('bar');
    const before = Object.keys(Chart.instances).length;
    const accountId = await uidWithIncome('inc');
    const { client, count } = recordingClient();
    const el = await mount(client, accountId);
    await chartDrawn(el);
    const chart = el.chart!;
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="view-toggle"]')!;
    expect(toggle.textContent!.trim()).to.equal('Show as table');
    toggle.click();
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('table');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelector('.chart-table')!.classList.contains('sr-only')).to.equal(false);
    expect(el.shadowRoot!.querySelectorAll('[part~="chart-table"] tbody tr')).to.have.length(chart.data.labels!.length);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;

    const reads = count('GET', /\/income-records$/);
    client.invalidate(accountId);
    await waitUntil(() => count('GET', /\/income-records$/) > reads, 'reloaded');
    await loaded(el);
    await el.updateComplete;
    expect(el.chart, 'same chart instance after a reload').to.equal(chart);
    expect(Object.keys(Chart.instances).length).to.equal(before + 1);
    el.closest('mono-provider')!.remove();
    expect(Object.keys(Chart.instances).length, 'destroyed with the element').to.equal(before);
  });

  it('mirrors its chart for a right-to-left locale (first month at the right, amounts on the right), and back', async () => {
    const { client } = recordingClient();
    const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${await uidWithIncome('inc', 2)} locale=${LOCALE}>
      <mono-income-summary locale="ar-EG" poll-interval="20"></mono-income-summary>
    </mono-provider>`);
    const el = root.querySelector<MonoIncomeSummary>('mono-income-summary')!;
    await chartDrawn(el);
    const chart = el.chart!;
    expect(axesLayout(chart), 'Arabic').to.deep.equal({ firstCategory: 'right', valueAxis: 'right' });
    el.locale = undefined;
    await el.updateComplete;
    expect(el.chart, 'the same chart').to.equal(chart);
    expect(axesLayout(chart), 'the provider\'s en-NG').to.deep.equal({ firstCategory: 'left', valueAxis: 'left' });
    root.remove();
  });
});
