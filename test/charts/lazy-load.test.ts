import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../fixtures/wait.js';
// Every chart element and the sync button, imported the way a page does: none of this may fetch chart.js.
import '../../src/elements/income-summary/define.js';
import '../../src/elements/assets/define.js';
import '../../src/elements/earnings/define.js';
import '../../src/elements/sync-button/define.js';
import { isChartJsLoaded } from '../../src/charts/load-chart.js';
import type { MonoAssets } from '../../src/elements/assets/mono-assets.js';
import type { MonoEarnings } from '../../src/elements/earnings/mono-earnings.js';
import type { MonoIncomeSummary } from '../../src/elements/income-summary/mono-income-summary.js';

// The default buffer (250 entries) could fill up with test modules before chart.js is fetched.
performance.setResourceTimingBufferSize(100_000);

/** chart.js and its one dependency, as the page fetched them. */
const chartRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => /\/chart\.js\/|@kurkle/.test(url));

describe('chart.js is loaded lazily', () => {
  it('importing the elements fetches no chart code', () => {
    expect(customElements.get('mono-income-summary')).to.exist;
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('/src/charts/load-chart.ts')), 'the loader itself was fetched').to.equal(true);
    expect(isChartJsLoaded()).to.equal(false);
    expect(chartRequests()).to.deep.equal([]);
  });

  it('an element shown as a table never fetches it, even once its data is on screen', async () => {
    const el = await fixture<MonoAssets>(html`<mono-assets account-id="acc_demo" view="table"></mono-assets>`);
    await waitUntil(() => el.resource.status === 'loaded', 'assets loaded', { timeout: 5000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.holdings tbody tr').length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelectorAll('[part~="chart-table"] tbody tr').length).to.be.greaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(isChartJsLoaded()).to.equal(false);
    expect(chartRequests()).to.deep.equal([]);
  });

  it('the first chart about to be shown fetches chart.js, once for every later chart', async () => {
    const income = await fixture<MonoIncomeSummary>(html`<mono-income-summary account-id="acc_demo"></mono-income-summary>`);
    await waitUntil(() => income.chart, 'income chart', { timeout: 8000 });
    expect(isChartJsLoaded()).to.equal(true);
    const fetched = chartRequests();
    expect(fetched.some((url) => /\/chart\.js\/dist\//.test(url)), fetched.join()).to.equal(true);
    const earnings = await fixture<MonoEarnings>(html`<mono-earnings account-id="acc_demo"></mono-earnings>`);
    await waitUntil(() => earnings.chart, 'earnings chart', { timeout: 8000 });
    expect(chartRequests()).to.deep.equal(fetched);
  });
});
