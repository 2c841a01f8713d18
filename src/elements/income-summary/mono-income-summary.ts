import { html, nothing, type TemplateResult } from 'lit';
import { getIncome, getTransactions, startIncomeAnalysis } from '../../client/resources.js';
import { property, state } from 'lit/decorators.js';
import type { MonoDataClient } from '../../client/data-client.js';
import { MonoError, toMonoError } from '../../client/errors.js';
import { invalidResponse } from '../../client/transport.js';
import { ChartController, type ChartHost, type ChartSpec, type ChartTable, type ChartView } from '../../charts/chart-controller.js';
import { monthLabel } from '../../charts/months.js';
import { chartStyles, tableStyles } from '../../charts/chart-styles.js';
import { formatDate, formatMoney, formatNumber, MONO_DAY } from '../../core/format.js';
import { MonoDataElement } from '../../core/mono-element.js';
import { describeError, ResourceController, type LoadRequest } from '../../core/resource-controller.js';
import { stateStyles, tokens } from '../../core/tokens.js';
import { codeWords } from '../../i18n/catalogue.js';
import { insightText as msg } from '../../i18n/en-insights.js';
import type { IncomeStream, IncomeSummary } from '../../model/income.js';
import { pollWithBackoff } from '../../core/poll.js';
import { analysedPeriod, isEmptyIncome, monthlyTotals, type MonthlyIncome } from '../../model/monthly-income.js';
import { stabilityLevel, type IncomeView } from './income-data.js';
import { styles } from './mono-income-summary.styles.js';

/** Analyses started per client and account, so that several elements (or a retry) never POST twice. */
const startedAnalyses = new WeakMap<MonoDataClient, Map<string, Promise<unknown>>>();

/** Starts the analysis unless this client already did for the account; `signal` stops waiting, never the POST. */
function startAnalysisOnce(client: MonoDataClient, accountId: string, signal: AbortSignal): Promise<unknown> {
  let started = startedAnalyses.get(client);
  if (!started) startedAnalyses.set(client, (started = new Map()));
  let request = started.get(accountId);
  if (!request) {
    // Not tied to one element's signal: another element may be waiting on the same POST.
    request = startIncomeAnalysis(client, accountId);
    started.set(accountId, request);
    // A failed POST (network, 5xx) may be tried again by the user's retry.
    request.catch(() => started!.delete(accountId));
  }
  const pending = request;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new MonoError('aborted', 'The request was cancelled'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Mono's income analysis of the account: average monthly income, estimated salary (regular income),
 * yearly and total income, employer, and the income streams with their frequency, monthly average,
 * stability in words and first and last dates; plus a bar chart of money in per month with a table
 * equivalent. Accepts every generation of Mono's income shapes (oldest v1 with `confidence`, later v1,
 * v2 before and after the 2025 renames).
 *
 * When the account has no income record yet it starts the analysis once through the host
 * (`POST /accounts/{id}/income`), shows "Analysing income…" and polls `income-records` with backoff
 * until a record appears or `analysis-timeout` passes (then it offers "Check again", which polls again
 * without a second POST).
 *
 * The bars: Mono's income records have no monthly breakdown, so they show all credits per calendar
 * month over the analysed period (first to last income date of the streams, at most 12 months; the
 * last 12 months for v1 records). The reference backend sends them with the records (`monthly_credits`);
 * from a host that does not, the element asks for `transactions?type=credit&paginate=false` itself. The
 * figures above the chart are Mono's own analysis.
 *
 * @summary Income analysis with income streams and a monthly bar chart.
 * @tag mono-income-summary
 * @slot idle - Shown when no account is set.
 * @slot empty - Shown when the analysis found no income.
 * @fires {CustomEvent<MonoEventDetails['mono-load']>} mono-load - The income loaded: `{ resource: 'income', data: { summary, monthly, monthlyError } }`.
 * @fires {CustomEvent<MonoEventDetails['mono-error']>} mono-error - Loading failed (also when only the monthly credits failed), or the analysis did not finish in time (`kind: 'timeout'`): `{ error }`.
 * @fires {CustomEvent<MonoEventDetails['mono-reauth-required']>} mono-reauth-required - The bank needs the account holder to sign in again: `{ accountId }`.
 * @csspart figures - The headline figures (a description list).
 * @csspart streams - The income streams table.
 * @csspart chart - The chart frame (title, toggle, canvas, table).
 * @csspart chart-box - The box around the canvas; its height is `--mono-chart-height`.
 * @csspart chart-table - The table with the chart's figures (visually hidden in chart view).
 * @csspart view-toggle - The "Show as table" toggle button.
 * @csspart analysing - The "Analysing income…" and "taking longer" states.
 * @csspart monthly-error - Shown instead of the chart when only the monthly credits failed to load (with its own retry).
 * @csspart idle - Shown when no account id is set.
 * @csspart loading - The loading state.
 * @csspart updating - A bar over the data while it reloads (a sync, Try again); shown after 0.3 s.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart empty - The empty state.
 * @cssprop --mono-loading-block-size - Least height of the loading box, so the page does not jump when the data arrives (default 35rem, 1.4× that on screens under 40rem).
 * @cssprop --mono-chart-height - Height of the chart (default 16rem).
 * @cssprop --mono-chart-color-1 - Colour of the bars (default the accent colour).
 */
export class MonoIncomeSummary extends MonoDataElement implements ChartHost {
  static override styles = [tokens, stateStyles, tableStyles, chartStyles, styles];

  /** `chart` or `table`: the "Show as table" toggle. With `table` chart.js is never loaded. */
  @property({ useDefault: true, reflect: true }) view: ChartView = 'chart';

  /** First wait between polls of an analysis, in ms (then ×1.5 each time, at most 15 s). */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 2_000;

  /** How long to wait for an analysis before offering "Check again", in ms. */
  @property({ attribute: 'analysis-timeout', type: Number }) analysisTimeout = 120_000;

  @state() private analysing = false;
  @state() private analysisPending = false;

  readonly #charts = new ChartController(this);

  readonly resource = new ResourceController<IncomeView>(this, {
    resource: 'income',
    load: (client, accountId, _args, request) => this.#load(client, accountId, request),
    isEmpty: (view) => isEmptyIncome(view.summary),
  });

  /** The chart.js instance once the chart is shown. */
  get chart() {
    return this.#charts.instance;
  }

  async #load(client: MonoDataClient, accountId: string, { signal, fresh: reload }: LoadRequest): Promise<IncomeView> {
    this.analysisPending = false;
    // After the host's monthly credits were refused, a retry asks the host again instead of reusing that answer.
    const fresh = reload || this.resource.value?.monthlyError?.kind === 'invalid-response';
    let income = await getIncome(client, accountId, { signal, fresh });
    if (income.records.length === 0) {
      // The resource's signal ends with the element's removal too: an analysis poll never outlives it.
      await startAnalysisOnce(client, accountId, signal);
      this.analysing = true;
      try {
        income = await pollWithBackoff(
          async (_, signal) => {
            const found = await getIncome(client, accountId, { signal, fresh: true });
            return found.records.length > 0 ? found : undefined;
          },
          { interval: this.pollInterval, timeout: this.analysisTimeout, signal },
        );
      } catch (e) {
        if (toMonoError(e).kind === 'timeout') this.analysisPending = true;
        throw e;
      } finally {
        this.analysing = false;
      }
    }
    // income-records lists analyses in the order they were made; the last is the newest.
    const summary = income.records[income.records.length - 1];
    const { monthlyCredits, monthlyCreditsIssue } = income;
    if (isEmptyIncome(summary) || monthlyCredits) return { accountId, summary, monthly: monthlyCredits, monthlyError: null };
    try {
      if (monthlyCreditsIssue) throw invalidResponse(monthlyCreditsIssue);
      // A host that does not add monthly_credits: the bars need the period's credits, asked for here.
      const { start, end } = analysedPeriod(summary);
      const page = await getTransactions(client, accountId, { type: 'credit', paginate: false, start, end }, { signal });
      return { accountId, summary, monthly: monthlyTotals(page.transactions, start, end, summary.currency), monthlyError: null };
    } catch (e) {
      const error = toMonoError(e);
      if (error.kind === 'aborted') throw error;
      // The figures still show; the failure is reported like any other.
      this.emit('mono-error', { error });
      return { accountId, summary, monthly: null, monthlyError: error };
    }
  }

  protected override render(): TemplateResult {
    const locale = this.resolvedLocale;
    if (this.resource.status === 'error' && this.analysisPending) {
      return html`<div part="analysing" class="state" role="status">
        <p>${msg(locale, 'incomeAnalysisPending')}</p>
        <button class="button secondary" type="button" @click=${this.resource.retry}>${msg(locale, 'incomeCheckAgain')}</button>
      </div>`;
    }
    return this.resource.render({
      loading: () =>
        this.analysing
          ? html`<div part="analysing" class="state loading" role="status">
              <span class="spinner" aria-hidden="true"></span>${msg(locale, 'incomeAnalysing')}
            </div>`
          : undefined,
      emptyText: msg(locale, 'incomeEmpty'),
      loaded: (view) => this.#renderIncome(view),
    });
  }

  #money(minor: number | null, currency: string): string {
    return minor === null ? msg(this.resolvedLocale, 'insightsNotKnown') : formatMoney(minor, currency, this.resolvedLocale, { wrap: true });
  }

  #renderIncome({ summary, monthly, monthlyError }: IncomeView): TemplateResult {
    const locale = this.resolvedLocale;
    const cur = summary.currency;
    const figure = (label: string, value: string, key: string) => html`<div class="figure" data-figure=${key}><dt>${label}</dt><dd><bdi>${value}</bdi></dd></div>`;
    const optional = (label: string, value: number | null, key: string) => (value === null ? nothing : figure(label, this.#money(value, cur), key));
    return html`
      <dl part="figures" class="figures" aria-label=${msg(locale, 'incomeSummary')}>
        ${figure(msg(locale, 'incomeAverageMonthly'), this.#money(summary.averageMonthlyIncome, cur), 'average')}
        ${optional(msg(locale, 'incomeEstimatedSalary'), summary.estimatedSalary, 'salary')}
        ${summary.irregularMonthlyIncome ? optional(msg(locale, 'incomeIrregular'), summary.irregularMonthlyIncome, 'irregular') : nothing}
        ${optional(msg(locale, 'incomeYearly'), summary.yearlyIncome, 'yearly')}
        ${optional(msg(locale, 'incomeTotal'), summary.totalIncome, 'total')}
        ${summary.employer ? figure(msg(locale, 'incomeEmployer'), summary.employer, 'employer') : nothing}
        ${summary.sourceCount !== null && summary.streams.length === 0
          ? figure(msg(locale, 'incomeSources'), String(summary.sourceCount), 'sources')
          : nothing}
        ${summary.confidence !== null ? figure(msg(locale, 'incomeConfidence'), formatNumber(summary.confidence, locale, { style: 'percent' }), 'confidence') : nothing}
      </dl>
      ${summary.streams.length ? this.#renderStreams(summary) : nothing}
      ${monthly
        ? html`${this.#charts.render(this.#chartSpec(monthly), this.#chartTable(monthly))}
            <p class="note">${msg(locale, 'incomeChartNote')}</p>`
        : // Under a reload that failed, its box alone says so and offers Try again: one alert, not two.
          monthlyError && this.resource.status !== 'error'
          ? html`<div part="monthly-error" class="state error monthly-error" role="alert" data-kind=${monthlyError.kind}>
              <p>${msg(locale, 'incomeMonthlyError')} ${describeError(monthlyError, locale)}</p>
              <button part="retry-button" class="button secondary" type="button" @click=${this.resource.retry}>${msg(locale, 'retry')}</button>
            </div>`
          : this.#charts.render(null, { columns: [], rows: [] })}
    `;
  }

  #renderStreams(summary: IncomeSummary): TemplateResult {
    const locale = this.resolvedLocale;
    const date = (d: string | null) => (d ? formatDate(d, locale, MONO_DAY) : msg(locale, 'insightsNotKnown'));
    // Whole percents rounded down, so the figure stays in its word's band (0.795 is "Stable", not 80%).
    const stability = (s: IncomeStream) =>
      s.stability === null
        ? msg(locale, 'insightsNotKnown')
        : `${msg(locale, `incomeStability${stabilityLevel(s.stability)}` as const)} (${formatNumber(Math.floor(s.stability * 100 + 1e-9) / 100, locale, { style: 'percent' })})`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${msg(locale, 'incomeStreams')}>
      <table part="streams" class="streams">
        <caption>${msg(locale, 'incomeStreams')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg(locale, 'incomeStreamType')}</th>
            <th scope="col">${msg(locale, 'incomeStreamFrequency')}</th>
            <th scope="col" class="num">${msg(locale, 'incomeStreamMonthly')}</th>
            <th scope="col">${msg(locale, 'incomeStreamStability')}</th>
            <th scope="col">${msg(locale, 'incomeStreamFirst')}</th>
            <th scope="col">${msg(locale, 'incomeStreamLast')}</th>
          </tr>
        </thead>
        <tbody>
          ${summary.streams.map(
            (s) => html`<tr>
              <th scope="row">${codeWords(locale, 'incomeType', s.type) || msg(locale, 'insightsNotKnown')}</th>
              <td>${codeWords(locale, 'frequency', s.frequency) || msg(locale, 'insightsNotKnown')}</td>
              <td class="num"><bdi>${this.#money(s.monthlyAverage, s.currency)}</bdi></td>
              <td class="stability">${stability(s)}</td>
              <td><bdi>${date(s.firstDate)}</bdi></td>
              <td><bdi>${date(s.lastDate)}</bdi></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #chartSpec(monthly: MonthlyIncome): ChartSpec {
    const locale = this.resolvedLocale;
    const cur = monthly.currency;
    return {
      kind: 'bar',
      title: msg(locale, 'incomeChartTitle'),
      description: msg(locale, 'incomeChartDescription', { start: formatDate(monthly.start, locale), end: formatDate(monthly.end, locale) }),
      labels: monthly.months.map((m) => monthLabel(m, locale)),
      series: [{ label: msg(locale, 'incomeChartSeries'), data: monthly.totals }],
      format: (v) => formatMoney(Math.round(v), cur, locale),
      formatTick: (v) => formatMoney(Math.round(v), cur, locale, { whole: true, notation: 'compact' }),
      unit: cur,
    };
  }

  #chartTable(monthly: MonthlyIncome): ChartTable {
    const locale = this.resolvedLocale;
    return {
      columns: [msg(locale, 'chartMonth'), msg(locale, 'incomeChartSeries')],
      rows: monthly.months.map((m, i) => ({ header: monthLabel(m, locale), cells: [formatMoney(monthly.totals[i], monthly.currency, locale)] })),
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mono-income-summary': MonoIncomeSummary;
  }
}
