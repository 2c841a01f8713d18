import { html, nothing, type PropertyValues } from 'lit';
import { getStatement, getStatementJob, requestStatementPdf, statementPdfUrl, withAccountCurrency } from '../../client/resources.js';
import { property, state } from 'lit/decorators.js';
import { MonoError, toMonoError } from '../../client/errors.js';
import { clip, formatMoney, formatNumber } from '../../core/format.js';
import { MonoDataElement } from '../../core/mono-element.js';
import { ResourceController, describeError } from '../../core/resource-controller.js';
import { stateStyles, tokens } from '../../core/tokens.js';
import { statementText as msg } from '../../i18n/en-statement.js';
import { isolate } from '../../i18n/catalogue.js';
import type { StatementJob } from '../../model/statement.js';
import { nonNegative, pollWithBackoff } from '../../core/poll.js';
import { MonoTransactionTable } from '../transactions/mono-transaction-table.js';
import { statementStyles } from './mono-statement.styles.js';
import { normalisePeriod, safeHttpUrl, summarise, type StatementView } from './summary.js';

export type PdfState =
  | { phase: 'idle' }
  | { phase: 'requesting'; months: number }
  | { phase: 'building'; months: number; jobId: string; polls: number }
  | { phase: 'built'; months: number; jobId: string; url: string }
  | { phase: 'failed'; months: number; statusText: string }
  | { phase: 'timeout'; months: number }
  | { phase: 'error'; months: number; error: MonoError }
  | { phase: 'unsafe'; months: number }
  | { phase: 'cancelled' };

const MAX_PDF_POLL_DELAY = 8_000;
const PERIODS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * An account statement for the last 1 to 12 months: opening and closing balance, money in and out, and
 * the rows in the kit's virtualised transaction table (`<mono-transaction-table>`, shared with
 * `<mono-transactions>`). The "Get PDF statement" button asks the host to
 * build a PDF, follows the job (waits from `pdf-poll-interval`, doubling, until `pdf-timeout`), then
 * offers a download link through the host. A new request, another period or account, or Cancel stops
 * the job being followed.
 *
 * @summary Account statement for a chosen period, with a PDF download.
 * @tag mono-statement
 * @slot idle - Shown when no account id is set.
 * @slot empty - Shown when the period has no transactions.
 * @fires {CustomEvent<MonoEventDetails['mono-load']>} mono-load - The statement loaded (`resource: 'statement'`, data: the rows with totals and balances), or a PDF job ended (`resource: 'statement-job'`, data: StatementJob).
 * @fires {CustomEvent<MonoEventDetails['mono-error']>} mono-error - Loading the statement or the PDF failed or timed out. detail: { error: MonoError }
 * @fires {CustomEvent<MonoEventDetails['mono-reauth-required']>} mono-reauth-required - The bank needs the holder to sign in again. detail: { accountId }
 * @fires {CustomEvent<MonoEventDetails['mono-transaction-select']>} mono-transaction-select - A row of the statement was chosen with Enter, Space or a click. detail: { transaction }
 * @csspart base - Everything below the states' live region.
 * @csspart toolbar - The period picker and PDF button.
 * @csspart period - The period `<select>`.
 * @csspart pdf-button - "Get PDF statement".
 * @csspart pdf - The PDF progress, link or problem.
 * @csspart pdf-link - The download link of a built PDF.
 * @csspart pdf-cancel - The "Cancel" button while a PDF is being prepared.
 * @csspart summary - Opening and closing balance, money in and out, count.
 * @csspart table - The `<mono-transaction-table>` with the rows; its own parts below are exported through it.
 * @csspart viewport - The table's scrolling box.
 * @csspart header - Each column header cell of the table.
 * @csspart sort-button - The sort buttons in the date and amount headers.
 * @csspart row - Each data row of the table.
 * @csspart amount - The amount in each row.
 * @csspart loading - The loading state.
 * @csspart updating - A bar over the data while it reloads (a sync, Try again); shown after 0.3 s.
 * @csspart empty - The empty state.
 * @csspart error - The error state (`data-kind` is the error kind).
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart idle - Shown when no account id is set.
 * @cssprop --mono-loading-block-size - Least height of the loading box, so the page does not jump when the data arrives (default 28rem, 1.4× that on screens under 40rem).
 * @cssprop --mono-statement-table-height - Height at which the table scrolls (default 24rem).
 */
export class MonoStatement extends MonoDataElement {
  static override styles = [tokens, stateStyles, statementStyles];

  /** Months covered, 1 to 12 (Mono's `last<N>months`). Default 3. */
  @property({ type: Number, reflect: true, useDefault: true }) period = 3;

  /** First wait between PDF job polls, in ms; later waits double (up to 8 s). Default 1000. */
  @property({ type: Number, attribute: 'pdf-poll-interval' }) pdfPollInterval = 1000;

  /** Give up following a PDF job after this many ms. Default 60000. */
  @property({ type: Number, attribute: 'pdf-timeout' }) pdfTimeout = 60_000;

  readonly resource: ResourceController<StatementView, [number]> = new ResourceController<StatementView, [number]>(this, {
    resource: 'statement',
    args: () => [this.months],
    load: async (client, accountId, [months], request) => {
      // Statement rows often omit the currency; the account (usually cached already) knows it.
      const [statement, currency] = await withAccountCurrency(client, accountId, getStatement(client, accountId, months, request), request.signal);
      return summarise(statement, months, currency);
    },
    isEmpty: (view) => view.transactions.length === 0,
  });

  /** Where the PDF job stands. */
  @state() pdf: PdfState = { phase: 'idle' };
  #pdfAbort?: AbortController;
  #pdfKey?: string;


  constructor() {
    super();
    MonoTransactionTable.define('mono-transaction-table');
  }

  /** The period in use (the attribute, clamped to 1–12). */
  get months(): number {
    return normalisePeriod(this.period);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move in the DOM reconnects at once: only a real removal drops the PDF being built.
    setTimeout(() => this.isConnected || this.#stopPdf());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A PDF belongs to one account, period and client: any change drops the job being followed.
    const key = `${this.resolvedAccountId}|${this.months}|${this.client.endpoint}`;
    if (this.#pdfKey !== undefined && key !== this.#pdfKey) this.#stopPdf();
    this.#pdfKey = key;
  }

  #stopPdf(next: PdfState = { phase: 'idle' }): void {
    this.#pdfAbort?.abort();
    this.#pdfAbort = undefined;
    if (this.pdf.phase !== 'idle' || next.phase !== 'idle') this.pdf = next;
  }

  /** Stops following the PDF job (the Cancel button). */
  cancelPdf(): void {
    if (this.pdf.phase !== 'requesting' && this.pdf.phase !== 'building') return;
    this.#stopPdf({ phase: 'cancelled' });
  }

  /**
   * Starts a PDF statement for the current period and follows the job until it is built; resolves with the
   * download URL, or null when it failed, timed out, was cancelled or was superseded by a newer request.
   */
  async requestPdf(): Promise<string | null> {
    const accountId = this.resolvedAccountId;
    if (!accountId) return null;
    this.#pdfAbort?.abort();
    const controller = new AbortController();
    this.#pdfAbort = controller;
    // A stop or a newer request aborts this controller: from then on, this request changes nothing.
    const { signal } = controller;
    const client = this.client;
    const months = this.months;
    let polling = false;
    this.pdf = { phase: 'requesting', months };
    try {
      let job: StatementJob = await requestStatementPdf(client, accountId, months, { signal });
      if (job.status === 'building') {
        polling = true;
        const { id } = job;
        this.pdf = { phase: 'building', months, jobId: id, polls: 0 };
        // The poll's deadline ends a check that hangs; a check that fails on the way is tried at the next poll (Try again
        // would ask Mono for a second PDF).
        job = await pollWithBackoff(
          async (polls, late) => {
            const checked = await getStatementJob(client, accountId, id, { signal: late });
            if (checked.status !== 'building') return checked;
            if (!signal.aborted) this.pdf = { phase: 'building', months, jobId: id, polls };
          },
          { interval: nonNegative(this.pdfPollInterval, 1000), factor: 2, maxInterval: MAX_PDF_POLL_DELAY, timeout: nonNegative(this.pdfTimeout, 60_000), signal },
        );
      }
      if (signal.aborted) return null;
      this.emit('mono-load', { resource: 'statement-job', data: job });
      if (job.status !== 'built') {
        this.pdf = { phase: 'failed', months, statusText: job.statusText };
        return null;
      }
      const url = safeHttpUrl(statementPdfUrl(client, accountId, job.id));
      if (!url) {
        this.pdf = { phase: 'unsafe', months };
        this.emit('mono-error', { error: new MonoError('config', 'The PDF address is not an http(s) URL') });
        return null;
      }
      this.pdf = { phase: 'built', months, jobId: job.id, url };
      return url;
    } catch (e) {
      const error = toMonoError(e);
      if (signal.aborted || error.kind === 'aborted') return null;
      this.pdf = polling && error.kind === 'timeout' ? { phase: 'timeout', months } : { phase: 'error', months, error };
      this.emit('mono-error', { error });
      if (error.kind === 'reauth-required') this.emit('mono-reauth-required', { accountId });
      return null;
    }
  }

  /** After the PDF controls change under the focus: the download link, the PDF retry, else as any element. */
  protected override focusFallback(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part=pdf-link], .pdf.problem button') ?? super.focusFallback();
  }

  #onPeriodChange = (event: Event) => {
    this.period = normalisePeriod((event.target as HTMLSelectElement).value);
  };

  #focusPdfButton(): void {
    this.renderRoot.querySelector<HTMLElement>('[part=pdf-button]')?.focus();
  }

  #onCancelClick = () => {
    this.cancelPdf();
    this.#focusPdfButton();
  };

  #onPdfRetry = () => {
    // The retry button goes away with the problem it belongs to; focus stays on the PDF controls.
    this.#focusPdfButton();
    void this.requestPdf();
  };

  protected override render() {
    const locale = this.resolvedLocale;
    const months = this.months;
    const hasAccount = Boolean(this.resolvedAccountId);
    return html`<div part="base" class="statement">
      ${hasAccount
        ? html`<div part="toolbar" class="toolbar">
              <span class="period">
                <label for="period">${msg(locale, 'statementPeriod')}</label>
                <select id="period" part="period" @change=${this.#onPeriodChange}>
                  ${PERIODS.map((n) => html`<option value=${n} ?selected=${n === months}>${periodText(n, locale)}</option>`)}
                </select>
              </span>
              <button part="pdf-button" class="button" type="button" @click=${this.requestPdf}>${msg(locale, 'statementPdfRequest')}</button>
            </div>
            ${this.#renderPdf(locale)}`
        : nothing}
      ${this.resource.render({
        loaded: (view) => this.#renderStatement(view, locale),
        emptyText: msg(locale, 'statementEmpty'),
      })}
    </div>`;
  }

  #renderPdf(locale: string) {
    const pdf = this.pdf;
    let status: unknown = nothing;
    let cancel: unknown = nothing;
    let problem: unknown = nothing;
    const retry = html`<button class="button secondary" type="button" @click=${this.#onPdfRetry}>${msg(locale, 'retry')}</button>`;
    switch (pdf.phase) {
      case 'requesting':
      case 'building': {
        const text = msg(locale, pdf.phase === 'requesting' ? 'statementPdfRequesting' : 'statementPdfBuilding', { polls: pdf.phase === 'building' ? pdf.polls + 1 : 0 });
        status = html`<progress aria-label=${text}></progress>
          <p>${text}</p>`;
        // Outside the status region, so that it is not read out with every change of the status.
        cancel = html`<button class="button secondary" type="button" part="pdf-cancel" @click=${this.#onCancelClick}>${msg(locale, 'statementPdfCancel')}</button>`;
        break;
      }
      case 'built':
        status = html`<p>${msg(locale, 'statementPdfReady')}</p>
          <a part="pdf-link" href=${pdf.url} download=${`statement-last${pdf.months}months.pdf`}
            >${msg(locale, 'statementPdfDownload', { period: periodText(pdf.months, locale) })}</a
          >`;
        break;
      case 'cancelled':
        status = html`<p>${msg(locale, 'statementPdfCancelled')}</p>`;
        break;
      case 'failed':
        problem = html`<p>${msg(locale, 'statementPdfFailed', { status: isolate(clip(pdf.statusText)) })}</p>
          ${retry}`;
        break;
      case 'timeout':
        problem = html`<p>${msg(locale, 'statementPdfTimeout')}</p>
          ${retry}`;
        break;
      case 'unsafe':
        problem = html`<p>${msg(locale, 'statementPdfUnsafe')}</p>`;
        break;
      case 'error':
        problem = html`<p>${describeError(pdf.error, locale)}</p>
          ${retry}`;
        break;
    }
    return html`<div part="pdf" class="pdf" data-phase=${pdf.phase}><div class="pdf-status" role="status">${status}</div>${cancel}</div>
      <div class="pdf problem" role="alert">${problem}</div>`;
  }

  #renderStatement(view: StatementView, locale: string) {
    const money = (minor: number | null, currency = view.currency) =>
      minor === null ? msg(locale, 'statementUnknown') : formatMoney(minor, currency, locale, { wrap: true });
    return html`<dl part="summary" class="summary">
        <div class="opening">
          <dt>${msg(locale, 'statementOpening')}</dt>
          <dd><bdi>${money(view.opening)}</bdi></dd>
        </div>
        <div class="closing">
          <dt>${msg(locale, 'statementClosing')}</dt>
          <dd><bdi>${money(view.closing)}</bdi></dd>
        </div>
        <div class="in">
          <dt>${msg(locale, 'statementMoneyIn')}</dt>
          <dd>${view.totals.map((t, i) => html`${i ? html`<br />` : nothing}<bdi>${money(t.moneyIn, t.currency)}</bdi>`)}</dd>
        </div>
        <div class="out">
          <dt>${msg(locale, 'statementMoneyOut')}</dt>
          <dd>${view.totals.map((t, i) => html`${i ? html`<br />` : nothing}<bdi>${money(t.moneyOut, t.currency)}</bdi>`)}</dd>
        </div>
        <div class="count">
          <dt>${msg(locale, 'statementCount')}</dt>
          <dd><bdi>${formatNumber(view.transactions.length, locale)}</bdi></dd>
        </div>
      </dl>
      ${view.opening === null || view.closing === null ? html`<p class="note balances-missing">${msg(locale, 'statementNoBalances')}</p>` : nothing}
      <mono-transaction-table
        part="table"
        exportparts="viewport, row, amount, header, sort-button"
        .transactions=${view.transactions}
        locale=${locale}
        label=${msg(locale, 'statementCaption')}
      ></mono-transaction-table>`;
  }
}

function periodText(months: number, locale: string): string {
  return months === 1 ? msg(locale, 'statementPeriodOne') : msg(locale, 'statementPeriodMany', { n: months });
}

declare global {
  interface HTMLElementTagNameMap {
    'mono-statement': MonoStatement;
  }
}
