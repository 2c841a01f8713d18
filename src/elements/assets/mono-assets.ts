import { html, nothing, type TemplateResult } from 'lit';
import { getAssets } from '../../client/resources.js';
import { property } from 'lit/decorators.js';
import { ChartController, type ChartHost, type ChartSpec, type ChartTable, type ChartView } from '../../charts/chart-controller.js';
import { chartStyles, controlStyles, tableStyles } from '../../charts/chart-styles.js';
import { formatMoney, formatNumber, formatPercent } from '../../core/format.js';
import { MonoDataElement } from '../../core/mono-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { stateStyles, tokens } from '../../core/tokens.js';
import { insightText as msg } from '../../i18n/en-insights.js';
import type { Assets } from '../../model/investments.js';
import { allocation, isEmptyAssets, totalsByCurrency, type AllocationGroup, type AllocationSlice, type CurrencyTotals } from './assets-data.js';
import { styles } from './mono-assets.styles.js';

/**
 * The investment holdings of an account: a table (name with symbol and type, current value, return in
 * money and percent, quantity, price, cost), totals per currency (holdings in different currencies are never
 * added together), and an allocation doughnut of one currency's holdings by asset type or by holding,
 * with a table equivalent. Mono's mangled balance keys (`_u_s_d`) are read as currencies by the model.
 *
 * @summary Investment holdings, totals per currency and an allocation chart.
 * @tag mono-assets
 * @slot idle - Shown when no account is set.
 * @slot empty - Shown when the account has no investments.
 * @fires {CustomEvent<MonoEventDetails['mono-load']>} mono-load - The assets loaded: `{ resource: 'assets', data }` with the normalised `Assets`.
 * @fires {CustomEvent<MonoEventDetails['mono-error']>} mono-error - Loading failed: `{ error }`.
 * @fires {CustomEvent<MonoEventDetails['mono-reauth-required']>} mono-reauth-required - The bank needs the account holder to sign in again: `{ accountId }`.
 * @csspart totals - The totals per currency (a list of cards).
 * @csspart holdings - The holdings table.
 * @csspart allocation-controls - The group-by buttons and the currency picker.
 * @csspart chart - The chart frame (title, toggle, canvas, table).
 * @csspart chart-box - The box around the canvas; its height is `--mono-chart-height`.
 * @csspart chart-table - The table with the chart's figures (visually hidden in chart view).
 * @csspart view-toggle - The "Show as table" toggle button.
 * @csspart idle - Shown when no account id is set.
 * @csspart loading - The loading state.
 * @csspart updating - A bar over the data while it reloads (a sync, Try again); shown after 0.3 s.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart empty - The empty state.
 * @cssprop --mono-loading-block-size - Least height of the loading box, so the page does not jump when the data arrives (default 36rem, 1.4× that on screens under 40rem).
 * @cssprop --mono-chart-height - Height of the chart (default 16rem).
 * @cssprop --mono-chart-color-1 - First slice colour; `--mono-chart-color-2` … `--mono-chart-color-8` the next ones.
 */
export class MonoAssets extends MonoDataElement implements ChartHost {
  static override styles = [tokens, stateStyles, tableStyles, controlStyles, chartStyles, styles];

  /** `chart` or `table`: the "Show as table" toggle. With `table` chart.js is never loaded. */
  @property({ useDefault: true, reflect: true }) view: ChartView = 'chart';

  /** Allocation slices: by asset `type` or by `holding`. */
  @property({ attribute: 'group-by', useDefault: true, reflect: true }) groupBy: AllocationGroup = 'type';

  /** The currency the allocation chart shows (default: the first one held). */
  @property({ attribute: 'allocation-currency' }) allocationCurrency?: string | undefined;

  readonly #charts = new ChartController(this);

  readonly resource = new ResourceController<Assets>(this, {
    resource: 'assets',
    load: (client, accountId, _args, request) => getAssets(client, accountId, request),
    isEmpty: isEmptyAssets,
  });

  /** The chart.js instance once the chart is shown. */
  get chart() {
    return this.#charts.instance;
  }

  protected override render(): TemplateResult {
    const locale = this.resolvedLocale;
    return this.resource.render({
      emptyText: msg(locale, 'assetsEmpty'),
      loaded: (assets) => this.#renderAssets(assets),
    });
  }

  #money(minor: number | null, currency: string, sign = false): string {
    if (minor === null) return '—';
    return formatMoney(minor, currency, this.resolvedLocale, { wrap: true, signDisplay: sign ? 'exceptZero' : undefined });
  }

  #tone(n: number): string {
    return n > 0 ? 'num positive' : n < 0 ? 'num negative' : 'num';
  }

  #renderAssets(assets: Assets): TemplateResult {
    const totals = totalsByCurrency(assets);
    return html`${this.#renderTotals(totals)} ${assets.assets.length ? this.#renderHoldings(assets, totals) : nothing} ${this.#renderAllocation(assets)}`;
  }

  #renderTotals(totals: CurrencyTotals[]): TemplateResult {
    const locale = this.resolvedLocale;
    // The return is markup: the message's words go either side of it.
    const [returnBefore, returnAfter] = msg(locale, 'labelled', { label: msg(locale, 'assetsReturn'), value: '\0' }).split('\0');
    return html`<ul part="totals" class="totals" aria-label=${msg(locale, 'assetsTotals')}>
      ${totals.map((t) => {
        const value = t.holdings ? t.value : (t.reported ?? 0);
        return html`<li class="total" data-currency=${t.currency}>
          <span class="total-currency">${t.currency}</span>
          <span class="total-value"><bdi>${this.#money(value, t.currency)}</bdi></span>
          ${t.holdings
            ? html`<span class="total-return ${t.gain > 0 ? 'positive' : t.gain < 0 ? 'negative' : ''}">
                ${returnBefore}<bdi>${this.#money(t.gain, t.currency, true)}</bdi>${t.gainPercent !== null ? html` (<bdi>${formatPercent(t.gainPercent, locale)}</bdi>)` : ''}${returnAfter}
              </span>`
            : nothing}
          ${t.holdings && t.reported !== null && t.reported !== t.value
            ? html`<span class="total-reported">${msg(locale, 'assetsReported', { amount: this.#money(t.reported, t.currency) })}</span>`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }

  #renderHoldings(assets: Assets, totals: CurrencyTotals[]): TemplateResult {
    const locale = this.resolvedLocale;
    const quantity = (q: number | null) => (q === null ? '—' : formatNumber(q, locale, { maximumFractionDigits: 4 }));
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${msg(locale, 'assetsHoldings')}>
      <table part="holdings" class="holdings">
        <caption>${msg(locale, 'assetsHoldings')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg(locale, 'assetsName')}</th>
            <th scope="col" class="num">${msg(locale, 'assetsValue')}</th>
            <th scope="col" class="num">${msg(locale, 'assetsReturn')}</th>
            <th scope="col" class="num">${msg(locale, 'assetsQuantity')}</th>
            <th scope="col" class="num">${msg(locale, 'assetsPrice')}</th>
            <th scope="col" class="num">${msg(locale, 'assetsCost')}</th>
          </tr>
        </thead>
        <tbody>
          ${assets.assets.map(
            (a) => html`<tr>
              <th scope="row">
                <span class="name">${a.name}</span>
                ${a.symbol || a.type
                  ? html`<span class="sub"><span class="symbol">${a.symbol ?? ''}</span>${a.symbol && a.type ? ' · ' : ''}${a.type ?? ''}</span>`
                  : nothing}
              </th>
              <td class="num"><bdi>${this.#money(a.value, a.currency)}</bdi></td>
              ${this.#returnCell(a.gain, a.gainPercent, a.currency)}
              <td class="num">${quantity(a.quantity)}</td>
              <td class="num"><bdi>${this.#money(a.price, a.currency)}</bdi></td>
              <td class="num"><bdi>${this.#money(a.cost, a.currency)}</bdi></td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          ${totals
            .filter((t) => t.holdings > 0)
            .map(
              (t) => html`<tr>
                <th scope="row">${msg(locale, 'assetsTotalFor', { currency: t.currency })}</th>
                <td class="num"><bdi>${this.#money(t.value, t.currency)}</bdi></td>
                ${this.#returnCell(t.gain, t.gainPercent, t.currency)}
                <td colspan="2"></td>
                <td class="num"><bdi>${this.#money(t.cost, t.currency)}</bdi></td>
              </tr>`,
            )}
        </tfoot>
      </table>
    </div>`;
  }

  /** The return in money, its percentage under it. */
  #returnCell(gain: number, percent: number | null, currency: string): TemplateResult {
    return html`<td class=${this.#tone(gain)}>
      <bdi>${this.#money(gain, currency, true)}</bdi>
      <span class="sub"><bdi>${percent === null ? '—' : formatPercent(percent, this.resolvedLocale)}</bdi></span>
    </td>`;
  }

  #renderAllocation(assets: Assets): TemplateResult {
    const locale = this.resolvedLocale;
    const currencies = [...new Set(assets.assets.filter((a) => a.value > 0).map((a) => a.currency))];
    if (currencies.length === 0) return html`${this.#charts.render(null, { columns: [], rows: [] })}`;
    const currency = this.allocationCurrency && currencies.includes(this.allocationCurrency) ? this.allocationCurrency : currencies[0];
    const slices = allocation(assets.assets, currency, this.groupBy, msg(locale, 'assetsOther'));
    const groupButton = (group: AllocationGroup, label: string) =>
      html`<button type="button" class="button secondary toggle" aria-pressed=${this.groupBy === group ? 'true' : 'false'} @click=${() => (this.groupBy = group)}>
        ${label}
      </button>`;
    return html`<div part="allocation-controls" class="controls">
        <div class="segmented" role="group" aria-labelledby="group-by">
          <span id="group-by">${msg(locale, 'assetsGroupBy')}</span>
          ${groupButton('type', msg(locale, 'assetsByType'))} ${groupButton('holding', msg(locale, 'assetsByHolding'))}
        </div>
        ${currencies.length > 1
          ? html`<label class="picker"
              >${msg(locale, 'insightsCurrency')}
              <select @change=${(e: Event) => (this.allocationCurrency = (e.target as HTMLSelectElement).value)}>
                ${currencies.map((c) => html`<option value=${c} ?selected=${c === currency}>${c}</option>`)}
              </select></label
            >`
          : nothing}
      </div>
      ${this.#charts.render(this.#chartSpec(slices, currency), this.#chartTable(slices, currency))}`;
  }

  #chartSpec(slices: AllocationSlice[], currency: string): ChartSpec {
    const locale = this.resolvedLocale;
    return {
      kind: 'doughnut',
      title: msg(locale, this.groupBy === 'type' ? 'assetsAllocationByType' : 'assetsAllocationByHolding', { currency }),
      description: msg(locale, 'assetsAllocationDescription', { currency }),
      labels: slices.map((s) => s.label),
      series: [{ label: msg(locale, 'assetsValue'), data: slices.map((s) => s.value) }],
      format: (v) => formatMoney(Math.round(v), currency, locale),
      formatShare: (share) => formatShare(share, locale),
      unit: currency,
    };
  }

  #chartTable(slices: AllocationSlice[], currency: string): ChartTable {
    const locale = this.resolvedLocale;
    const total = slices.reduce((sum, s) => sum + s.value, 0);
    return {
      columns: [msg(locale, this.groupBy === 'type' ? 'assetsType' : 'assetsName'), msg(locale, 'assetsValue'), msg(locale, 'assetsShare')],
      rows: slices.map((s) => ({
        header: s.label,
        cells: [formatMoney(s.value, currency, locale), formatShare(total ? s.value / total : 0, locale)],
      })),
    };
  }
}

const formatShare = (share: number, locale: string) => formatNumber(share, locale, { style: 'percent', maximumFractionDigits: 1 });

declare global {
  interface HTMLElementTagNameMap {
    'mono-assets': MonoAssets;
  }
}
