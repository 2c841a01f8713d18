import { html, nothing, type TemplateResult } from 'lit';
import { getEarnings } from '../../client/resources.js';
import { property } from 'lit/decorators.js';
import { ChartController, type ChartHost, type ChartSpec, type ChartTable, type ChartView } from '../../charts/chart-controller.js';
import { monthLabel } from '../../charts/months.js';
import { chartStyles, controlStyles, tableStyles } from '../../charts/chart-styles.js';
import { clip, formatDate, formatMoney, MONO_DAY } from '../../core/format.js';
import { MonoDataElement } from '../../core/mono-element.js';
import { ResourceController, updatingBar } from '../../core/resource-controller.js';
import { stateStyles, tokens } from '../../core/tokens.js';
import { insightText as msg } from '../../i18n/en-insights.js';
import type { Earning } from '../../model/investments.js';
import {
  cumulativeByMonth,
  EARNINGS_PERIODS,
  earningsInPeriod,
  periodStart,
  totalsByCurrency,
  type CumulativeSeries,
  type EarningsPeriod,
} from './earnings-data.js';
import { styles } from './mono-earnings.styles.js';

/**
 * Investment earnings of an account (dividends, interest, sales): a period selector (last 3, 6 or 12
 * calendar months, or all, the default), the total earned per currency, a line chart of the earnings added up month
 * by month (one currency at a time, picked when there are several), with a table equivalent, and the
 * list (date, asset, narration, amount), newest first. Narrations are the broker's text, shown as text.
 *
 * @summary Earnings list with a cumulative chart over time and a period selector.
 * @tag mono-earnings
 * @slot idle - Shown when no account is set.
 * @slot empty - Shown when the account has no earnings at all.
 * @fires {CustomEvent<MonoEventDetails['mono-load']>} mono-load - The earnings loaded: `{ resource: 'earnings', data }` with the normalised `Earning[]`.
 * @fires {CustomEvent<MonoEventDetails['mono-error']>} mono-error - Loading failed: `{ error }`.
 * @fires {CustomEvent<MonoEventDetails['mono-reauth-required']>} mono-reauth-required - The bank needs the account holder to sign in again: `{ accountId }`.
 * @csspart controls - The period and currency pickers.
 * @csspart totals - The totals per currency.
 * @csspart list - The earnings table.
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
 * @cssprop --mono-chart-color-1 - Colour of the line.
 */
export class MonoEarnings extends MonoDataElement implements ChartHost {
  static override styles = [tokens, stateStyles, tableStyles, controlStyles, chartStyles, styles];

  /** `chart` or `table`: the "Show as table" toggle. With `table` chart.js is never loaded. */
  @property({ useDefault: true, reflect: true }) view: ChartView = 'chart';

  /** Calendar months shown: `3`, `6`, `12` or `all` (default). */
  @property({ useDefault: true, reflect: true }) period: EarningsPeriod = 'all';

  /** The currency the chart shows (default: the first one earned in the period). */
  @property({ attribute: 'chart-currency' }) chartCurrency?: string | undefined;

  readonly #charts = new ChartController(this);

  readonly resource = new ResourceController<Earning[]>(this, {
    resource: 'earnings',
    load: (client, accountId, _args, request) => getEarnings(client, accountId, request),
    isEmpty: (earnings) => earnings.length === 0,
  });

  /** The chart.js instance once the chart is shown. */
  get chart() {
    return this.#charts.instance;
  }

  protected override render(): TemplateResult {
    const locale = this.resolvedLocale;
    return this.resource.render({
      emptyText: msg(locale, 'earningsEmpty'),
      loaded: (earnings) => this.#renderEarnings(earnings),
      ownBar: true,
    });
  }

  get #safePeriod(): EarningsPeriod {
    return EARNINGS_PERIODS.includes(this.period) ? this.period : 'all';
  }

  #renderEarnings(all: Earning[]): TemplateResult {
    const locale = this.resolvedLocale;
    const period = this.#safePeriod;
    const start = periodStart(period);
    const shown = earningsInPeriod(all, start);
    const totals = totalsByCurrency(shown);
    const currencies = totals.map((t) => t.currency);
    const currency = this.chartCurrency && currencies.includes(this.chartCurrency) ? this.chartCurrency : currencies[0];
    const series = currency ? cumulativeByMonth(shown, currency, start) : null;
    return html`
      <div part="controls" class="controls">
        <label class="picker"
          >${msg(locale, 'earningsPeriod')}
          <select class="period" @change=${(e: Event) => (this.period = (e.target as HTMLSelectElement).value as EarningsPeriod)}>
            ${EARNINGS_PERIODS.map(
              (p) => html`<option value=${p} ?selected=${p === period}>${p === 'all' ? msg(locale, 'earningsAllTime') : msg(locale, 'earningsLastMonths', { n: p })}</option>`,
            )}
          </select></label
        >
        ${currencies.length > 1
          ? html`<label class="picker"
              >${msg(locale, 'insightsCurrency')}
              <select class="currency" @change=${(e: Event) => (this.chartCurrency = (e.target as HTMLSelectElement).value)}>
                ${currencies.map((c) => html`<option value=${c} ?selected=${c === currency}>${c}</option>`)}
              </select></label
            >`
          : nothing}
      </div>
      ${this.resource.status === 'loading' ? updatingBar : nothing}
      ${shown.length === 0
        ? html`<div class="state none" role="status">
              <p>${msg(locale, 'earningsNone')}</p>
              <button class="button secondary" type="button" @click=${() => (this.period = 'all')}>${msg(locale, 'labelled', { label: msg(locale, 'earningsPeriod'), value: msg(locale, 'earningsAllTime') })}</button>
            </div>
            ${this.#charts.render(null, { columns: [], rows: [] })}`
        : html`
            <ul part="totals" class="totals" aria-label=${msg(locale, 'earningsTotal')}>
              ${totals.map(
                (t) => html`<li class="total" data-currency=${t.currency}>
                  <span class="total-label">${msg(locale, 'earningsTotal')} (${t.currency})</span>
                  <span class="total-value"><bdi>${formatMoney(t.amount, t.currency, locale, { wrap: true })}</bdi></span>
                </li>`,
              )}
            </ul>
            ${this.#charts.render(this.#chartSpec(series!), this.#chartTable(series!))} ${this.#renderList(shown)}
          `}
    `;
  }

  #renderList(earnings: Earning[]): TemplateResult {
    const locale = this.resolvedLocale;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${msg(locale, 'earningsList')}>
      <table part="list" class="list">
        <caption>${msg(locale, 'earningsList')}</caption>
        <thead>
          <tr>
            <th scope="col" class="date">${msg(locale, 'earningsDate')}</th>
            <th scope="col">${msg(locale, 'earningsAsset')}</th>
            <th scope="col" class="narration">${msg(locale, 'earningsNarration')}</th>
            <th scope="col" class="num">${msg(locale, 'earningsAmount')}</th>
          </tr>
        </thead>
        <tbody>
          ${earnings.map(
            (e) => {
              const day = formatDate(e.date, locale, MONO_DAY);
              // On a phone the date and narration columns give way to the amount and show under the asset.
              return html`<tr>
                <td class="date"><time dir="auto" datetime=${e.date}>${day}</time></td>
                <td class="asset" data-narration=${clip(e.narration)} data-date=${day}>${clip(e.asset.name ?? e.asset.symbol ?? '—')}${e.asset.symbol && e.asset.name ? html` <span class="muted">${clip(e.asset.symbol)}</span>` : nothing}</td>
                <td class="narration"><bdi>${clip(e.narration)}</bdi></td>
                <td class="num"><bdi>${formatMoney(e.amount, e.currency, locale)}</bdi></td>
              </tr>`;
            },
          )}
        </tbody>
      </table>
    </div>`;
  }

  #chartSpec(series: CumulativeSeries): ChartSpec {
    const locale = this.resolvedLocale;
    const { currency, months } = series;
    return {
      kind: 'line',
      title: msg(locale, 'earningsChartTitle', { currency }),
      description: msg(locale, 'earningsChartDescription', {
        currency,
        start: monthLabel(months[0], locale),
        end: monthLabel(months[months.length - 1], locale),
      }),
      labels: months.map((m) => monthLabel(m, locale)),
      series: [{ label: msg(locale, 'earningsCumulative'), data: series.cumulative }],
      format: (v) => formatMoney(Math.round(v), currency, locale),
      formatTick: (v) => formatMoney(Math.round(v), currency, locale, { whole: true, notation: 'compact' }),
      unit: currency,
    };
  }

  #chartTable(series: CumulativeSeries): ChartTable {
    const locale = this.resolvedLocale;
    const money = (v: number) => formatMoney(v, series.currency, locale);
    return {
      columns: [msg(locale, 'chartMonth'), msg(locale, 'earningsMonthly'), msg(locale, 'earningsCumulative')],
      rows: series.months.map((m, i) => ({ header: monthLabel(m, locale), cells: [money(series.monthly[i]), money(series.cumulative[i])] })),
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mono-earnings': MonoEarnings;
  }
}
