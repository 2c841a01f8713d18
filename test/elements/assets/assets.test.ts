import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../fixtures/wait.js';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/assets/define.js';
import { loadChart } from '../../../src/charts/load-chart.js';
import { MonoClient } from '../../../src/client/index.js';
import { formatMoney } from '../../../src/core/format.js';
import type { MonoAssets } from '../../../src/elements/assets/mono-assets.js';
import type { MonoProvider } from '../../../src/elements/provider/mono-provider.js';
import type { Assets } from '../../../src/model/index.js';
import { chartDrawn, legendStart, recordingClient, textOf, uid, type Override } from '../../charts/sandbox-helpers.js';

const LOCALE = 'en-NG';

async function mount(client: MonoClient, accountId: string) {
  const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale=${LOCALE}>
    <mono-assets></mono-assets>
  </mono-provider>`);
  return root.querySelector<MonoAssets>('mono-assets')!;
}
const settled = (el: MonoAssets, status = 'loaded') =>
  waitUntil(() => el.resource.status === status, `assets ${status} (${el.resource.status})`, { timeout: 8000 }).then(() => el.updateComplete);

/** Sums per currency computed here, independently of the element. */
function expectedTotals(assets: Assets) {
  const totals = new Map<string, { cost: number; value: number }>();
  for (const a of assets.assets) {
    const t = totals.get(a.currency) ?? { cost: 0, value: 0 };
    t.cost += a.cost;
    t.value += a.value;
    totals.set(a.currency, t);
  }
  return totals;
}

/** Mono's documented assets sample, with its mangled `_u_s_d` balance key. */
const MONO_SAMPLE = {
  status: 'successful',
  message: 'Request was succesfully completed',
  data: {
    id: '683d7001b2c3d4e5f6a7b8c9',
    balances: { _u_s_d: 152340 },
    assets: [
      { name: 'Apple Inc', type: 'Stocks', cost: 98000, return: 112540, quantity: 0.52, currency: 'USD', details: { symbol: 'AAPL', price: 21642, current_balance: 112540 } },
      { name: 'Dollar Savings Plan', type: 'Mixed', cost: 38000, return: 39800, quantity: null, currency: 'USD', details: { symbol: null, price: null, current_balance: 39800 } },
    ],
  },
};
const onAssets = (body: unknown): Override => (call) => (/\/assets$/.test(call.path) ? body : undefined);

describe('<mono-assets>', () => {
  it('lists holdings with per-currency totals that never mix currencies', async () => {
    const accountId = uid('inv');
    const { client } = recordingClient();
    const el = await mount(client, accountId);
    const event = await oneEvent(el, 'mono-load');
    expect(event.detail.resource).to.equal('assets');
    await settled(el);
    const assets = await new MonoClient().assets(accountId);
    const root = el.shadowRoot!;

    const trs = [...root.querySelectorAll('.holdings tbody tr')];
    const rows = trs.map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows).to.have.length(assets.assets.length);
    assets.assets.forEach((a, i) => {
      expect(trs[i].querySelector('th .name')!.textContent).to.equal(a.name);
      expect(rows[i][1]).to.equal(formatMoney(a.value, a.currency, LOCALE));
      expect(rows[i][2]).to.match(new RegExp(`^${formatMoney(a.gain, a.currency, LOCALE, { signDisplay: 'exceptZero' }).replace(/[$+.]/g, '\\$&')} `));
      expect(rows[i][5]).to.equal(formatMoney(a.cost, a.currency, LOCALE));
    });

    const totals = expectedTotals(assets);
    expect(totals.size, 'the sandbox holds USD and NGN').to.equal(2);
    const cards = [...root.querySelectorAll('[part~="totals"] .total')];
    expect(cards.map((c) => c.getAttribute('data-currency'))).to.have.members([...totals.keys()]);
    for (const card of cards) {
      const t = totals.get(card.getAttribute('data-currency')!)!;
      expect(card.querySelector('.total-value')!.textContent).to.equal(formatMoney(t.value, card.getAttribute('data-currency')!, LOCALE));
    }
    const footer = [...root.querySelectorAll('.holdings tfoot tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(footer).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('draws the allocation by type or by holding, per currency, updating one chart in place', async () => {
    const Chart = await loadChart('doughnut');
    const before = Object.keys(Chart.instances).length;
    const accountId = uid('inv');
    const { client } = recordingClient();
    const el = await mount(client, accountId);
    await settled(el);
    await chartDrawn(el);
    const chart = el.chart!;
    const assets = await new MonoClient().assets(accountId);
    const first = assets.assets.find((a) => a.value > 0)!.currency;
    const mine = assets.assets.filter((a) => a.currency === first && a.value > 0);

    const byType = new Map<string, number>();
    for (const a of mine) byType.set(a.type ?? 'Other', (byType.get(a.type ?? 'Other') ?? 0) + a.value);
    expect((chart.config as { type: string }).type).to.equal('doughnut');
    expect([...(chart.data.labels as string[])].sort()).to.deep.equal([...byType.keys()].sort());
    expect((chart.data.datasets[0].data as number[]).reduce((a, b) => a + b, 0)).to.equal(mine.reduce((a, b) => a + b.value, 0));
    expect(el.shadowRoot!.querySelector('.chart-title')!.textContent).to.equal(`Allocation by type (${first})`);

    const [typeButton, holdingButton] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.segmented button');
    expect(typeButton.getAttribute('aria-pressed')).to.equal('true');
    holdingButton.click();
    await el.updateComplete;
    expect(el.groupBy).to.equal('holding');
    expect(holdingButton.getAttribute('aria-pressed')).to.equal('true');
    expect(el.chart).to.equal(chart);
    expect(chart.data.labels).to.have.length(mine.length);

    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part~="allocation-controls"] select')!;
    const second = [...select.options].map((o) => o.value).find((c) => c !== first)!;
    select.value = second;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const theirs = assets.assets.filter((a) => a.currency === second && a.value > 0);
    expect(el.chart).to.equal(chart);
    expect((chart.data.datasets[0].data as number[]).reduce((a, b) => a + b, 0)).to.equal(theirs.reduce((a, b) => a + b.value, 0));
    const shareCells = [...el.shadowRoot!.querySelectorAll('[part~="chart-table"] tbody tr td:last-child')].map((td) => td.textContent);
    expect(shareCells).to.have.length(theirs.length);
    await expect(el).to.be.accessible();
    expect(Object.keys(Chart.instances).length).to.equal(before + 1);
    el.closest('mono-provider')!.remove();
    expect(Object.keys(Chart.instances).length).to.equal(before);
  });

  it('gives each slice\'s share in the tooltip as the table beside it does, in the locale', async () => {
    const el = await mount(recordingClient().client, 'acc_demo');
    el.locale = 'fr';
    await settled(el);
    await chartDrawn(el);
    const chart = el.chart!;
    const label = chart.options.plugins!.tooltip!.callbacks!.label as unknown as (item: object) => string;
    const dataset = chart.data.datasets[0];
    const tip = label({ parsed: dataset.data[0], dataset, label: chart.data.labels![0] });
    const share = el.shadowRoot!.querySelector('[part~="chart-table"] tbody tr td:last-child')!.textContent!;
    expect(share).to.match(/^\d+,\d\s%$/);
    expect(tip.endsWith(`(${share})`), `${tip} ends with (${share})`).to.equal(true);
  });

  it('keeps each holding\'s name in view while a narrow table scrolls sideways', async () => {
    const el = await mount(recordingClient().client, 'acc_demo');
    el.style.inlineSize = '340px';
    await settled(el);
    const wrap = el.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
    expect(wrap.scrollWidth).to.be.greaterThan(wrap.clientWidth);
    const name = el.shadowRoot!.querySelector<HTMLElement>('.holdings tbody th')!;
    const value = el.shadowRoot!.querySelector<HTMLElement>('.holdings tbody td')!;
    const last = el.shadowRoot!.querySelector<HTMLElement>('.holdings tbody td:last-child')!;
    expect(value.getBoundingClientRect().right, 'the value shows beside the name before any scrolling').to.be.at.most(wrap.getBoundingClientRect().right + 1);
    wrap.scrollLeft = wrap.scrollWidth;
    await new Promise((r) => requestAnimationFrame(r));
    const [box, nameBox, lastBox] = [wrap.getBoundingClientRect(), name.getBoundingClientRect(), last.getBoundingClientRect()];
    expect(nameBox.left).to.be.closeTo(box.left, 1);
    expect(lastBox.left, 'the last column scrolled into view beside the name').to.be.at.least(nameBox.right - 1);
    expect(lastBox.right).to.be.at.most(box.right + 1);
    // The name is painted over what scrolls under it.
    expect(getComputedStyle(name).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
    // So is each currency's total label, beside its figures.
    const total = el.shadowRoot!.querySelector<HTMLElement>('.holdings tfoot th')!;
    const totalValue = total.parentElement!.lastElementChild!.getBoundingClientRect();
    expect(total.textContent).to.match(/^Total /);
    expect(total.getBoundingClientRect().left).to.be.closeTo(box.left, 1);
    expect(total.getBoundingClientRect().right).to.be.closeTo(nameBox.right, 1);
    expect(totalValue.right).to.be.at.most(box.right + 1);
    await expect(el).to.be.accessible();
  });

  it('fits its holdings in a desktop column (840px) with no sideways scrolling, symbol and type under the name', async () => {
    const el = await mount(recordingClient().client, 'acc_demo');
    el.style.inlineSize = '840px';
    await settled(el);
    const wrap = el.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
    expect(wrap.scrollWidth, 'no column hides beyond the edge').to.be.at.most(wrap.clientWidth);
    expect([...el.shadowRoot!.querySelectorAll('.holdings thead th')].map((th) => th.textContent!.trim())).to.deep.equal(['Name', 'Value', 'Return', 'Quantity', 'Price', 'Cost']);
    const first = el.shadowRoot!.querySelector('.holdings tbody th')!;
    expect(first.querySelector('.sub')!.textContent).to.match(/\S · \S/);
  });

  it('on a phone, its holdings scroll sideways with shaded edges that show the columns go on', async () => {
    const el = await mount(recordingClient().client, 'acc_demo');
    el.style.inlineSize = '320px';
    await settled(el);
    const wrap = el.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
    expect(wrap.scrollWidth, 'columns beyond the edge').to.be.greaterThan(wrap.clientWidth);
    const style = getComputedStyle(wrap);
    // The covers scroll with the table ("local") and hide the shades ("scroll") at its ends.
    expect(style.backgroundAttachment.split(', ').slice(0, 4)).to.deep.equal(['local', 'local', 'scroll', 'scroll']);
    expect(style.backgroundImage.match(/radial-gradient/g)).to.have.length(2);
  });

  it('reads Mono’s sample with the mangled `_u_s_d` balance key', async () => {
    const { client } = recordingClient({ override: onAssets(MONO_SAMPLE) });
    const el = await mount(client, uid('inv'));
    await settled(el);
    const cards = [...el.shadowRoot!.querySelectorAll('[part~="totals"] .total')];
    expect(cards.map((c) => c.getAttribute('data-currency'))).to.deep.equal(['USD']);
    expect(cards[0].querySelector('.total-value')!.textContent).to.equal(formatMoney(152340, 'USD', LOCALE));
    expect(cards[0].querySelector('.total-reported'), 'the reported balance equals the holdings').to.equal(null);
    const symbols = [...el.shadowRoot!.querySelectorAll('.holdings tbody th')].map((th) => th.querySelector('.symbol')?.textContent ?? '');
    expect(symbols).to.deep.equal(['AAPL', '']);
  });

  it('shows a reported balance that differs from the holdings, and a currency held only as a balance', async () => {
    const sample = structuredClone(MONO_SAMPLE);
    sample.data.balances = { _u_s_d: 160000, Naira: 500000 } as never;
    const { client } = recordingClient({ override: onAssets(sample) });
    const el = await mount(client, uid('inv'));
    await settled(el);
    const cards = [...el.shadowRoot!.querySelectorAll('[part~="totals"] .total')];
    expect(cards.map((c) => c.getAttribute('data-currency'))).to.deep.equal(['USD', 'NGN']);
    expect(cards[0].querySelector('.total-reported')!.textContent).to.contain(formatMoney(160000, 'USD', LOCALE));
    expect(cards[1].querySelector('.total-value')!.textContent).to.equal(formatMoney(500000, 'NGN', LOCALE));
  });

  it('reads the v1 assets shape (v1* account)', async () => {
    const accountId = uid('v1');
    const { client } = recordingClient();
    const el = await mount(client, accountId);
    await settled(el);
    const assets = await new MonoClient().assets(accountId);
    expect(el.shadowRoot!.querySelectorAll('.holdings tbody tr')).to.have.length(assets.assets.length);
    expect(assets.assets.length).to.be.greaterThan(0);
  });

  it('shows the empty state for an account without investments', async () => {
    const { client } = recordingClient();
    const el = await mount(client, uid('empty'));
    await settled(el, 'empty');
    expect(textOf(el)).to.contain('No investments on this account.');
    expect(el.chart).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a working retry, and invalid-response for malformed data', async () => {
    const key = uid('k');
    const { client } = recordingClient({
      retries: 0,
      fault: (call) => (/\/assets$/.test(call.path) ? { 'x-sandbox-fault': 'malformed', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key } : undefined),
    });
    const el = await mount(client, uid('inv'));
    const event = await oneEvent(el, 'mono-error');
    expect(event.detail.error.kind).to.equal('invalid-response');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await settled(el);

    const { client: bad } = recordingClient({ override: onAssets({ status: 'successful', data: { assets: [{ name: 'X', cost: 'lots' }] } }) });
    const broken = await mount(bad, uid('inv'));
    const invalid = await oneEvent(broken, 'mono-error');
    expect(invalid.detail.error.kind).to.equal('invalid-response');
    expect(invalid.detail.error.path).to.equal('data.assets[0].cost');
  });

  it('mirrors the doughnut\'s legend for a right-to-left locale, and back', async () => {
    const el = await mount(recordingClient().client, 'acc_demo');
    el.locale = 'ar-EG';
    await settled(el);
    await chartDrawn(el);
    const chart = el.chart!;
    expect(legendStart(chart), 'Arabic: the first slice\'s entry at the right').to.equal('right');
    el.locale = 'en-NG';
    await el.updateComplete;
    expect(el.chart, 'the same chart').to.equal(chart);
    expect(legendStart(chart)).to.equal('left');
    el.closest('mono-provider')!.remove();
  });
});
