import { html, nothing, type PropertyValues } from 'lit';
import { getTransactions, withAccountCurrency } from '../../client/resources.js';
import { property, state } from 'lit/decorators.js';
import type { MonoDataClient } from '../../client/data-client.js';
import { MonoError } from '../../client/errors.js';
import { csvFileName, downloadCsv } from '../../core/csv.js';
import type { TransactionFilters } from '../../core/events.js';
import { formatMoney, formatNumber, isSingular } from '../../core/format.js';
import { MonoDataElement } from '../../core/mono-element.js';
import { describeLoadError, ResourceController, updatingBar, type LoadRequest } from '../../core/resource-controller.js';
import { stateStyles, tokens } from '../../core/tokens.js';
import { SettledText } from '../../core/settled-text.js';
import { transactionText as msg } from '../../i18n/en-transactions.js';
import type { Transaction, TransactionInput, TransactionsPage } from '../../model/transactions.js';
import { readTransactions } from './direct-data.js';
import { covers, isBadRange, MAX_NARRATION, normaliseFilters, sameFilters, toIsoDay, toTypeFilter, type NormalFilters, type TypeFilter } from './filters.js';
import { MonoTransactionTable } from './mono-transaction-table.js';
import { transactionsStyles } from './mono-transactions.styles.js';
import { currencyCode, parseSort, sortName, TransactionView, type SortName } from './transaction-view.js';
import { transactionsToCsv } from './transactions-csv.js';

/** What one load brought: the rows (all pages so far in "load more" mode) and the host query they answer. */
export interface LoadedTransactions extends TransactionsPage {
  accountId: string;
  query: NormalFilters;
  /** Every row matching `query` is loaded, so narrower filters need no new request. */
  complete: boolean;
}

type LoadArgs = readonly [query: NormalFilters, paginate: boolean, limit: number, page: number, pager: 'pages' | 'more'];

/** Pause after the last keystroke before the host is asked for rows that are not loaded. */
const SEARCH_DEBOUNCE_MS = 300;
const MAX_LIMIT = 1000;
const SORT_SPOKEN = { 'date-desc': 'txnSortedNewest', 'date-asc': 'txnSortedOldest', 'amount-desc': 'txnSortedHighest', 'amount-asc': 'txnSortedLowest' } as const satisfies Record<SortName, string>;

/**
 * Mono's v2 rows carry no currency, so the model gives them NGN: rows of an account in another currency are
 * relabelled with the account's (rows that name their own currency match the account's anyway).
 */
function inCurrency(rows: readonly Transaction[], currency: string): Transaction[] {
  const out = rows as Transaction[];
  if (currency === 'NGN' || !rows.some((t) => t.currency === 'NGN')) return out;
  return rows.map((t) => (t.currency === 'NGN' ? { ...t, currency } : t));
}

/** `paginate="false"` turns paging off; absent or anything else keeps it on. */
const paginateConverter = { fromAttribute: (value: string | null) => value === null || value.trim().toLowerCase() !== 'false' };

/**
 * An account's transactions: date, narration, category, amount (credit and debit told apart by an icon,
 * a sign and words, not only colour) and running balance, with filters (dates, type, narration), sort,
 * totals in and out per currency, paging through the host or everything at once, CSV export, and a
 * virtualised table that stays smooth at 100,000 rows.
 *
 * Typing in the search filters the loaded rows at once; what is not loaded is asked of the host (Mono's
 * `start`, `end`, `type`, `narration`) after a short pause, and only when the loaded rows cannot answer.
 * Dates are calendar days in UTC, as Mono's own filters are.
 *
 * @summary Filterable, sortable, virtualised list of an account's transactions with totals and CSV export.
 * @tag mono-transactions
 * @slot idle - Shown when no account id is set.
 * @fires {CustomEvent<MonoEventDetails['mono-load']>} mono-load - Transactions loaded. detail: { resource: 'transactions', data: LoadedTransactions }
 * @fires {CustomEvent<MonoEventDetails['mono-error']>} mono-error - Loading failed, or `.transactions` could not be read. detail: { error: MonoError }
 * @fires {CustomEvent<MonoEventDetails['mono-reauth-required']>} mono-reauth-required - The bank needs the holder to sign in again. detail: { accountId }
 * @fires {CustomEvent<MonoEventDetails['mono-filter-change']>} mono-filter-change - The user changed a filter (not fired when the host sets one). detail: { filters: { start, end, type, narration } }
 * @fires {CustomEvent<MonoEventDetails['mono-transaction-select']>} mono-transaction-select - A row was chosen with Enter, Space or a click. detail: { transaction }
 * @csspart toolbar - The filter bar.
 * @csspart start-input - The "From" date input.
 * @csspart end-input - The "To" date input.
 * @csspart type-filter - The All / Money in / Money out choice.
 * @csspart search-input - The narration search box.
 * @csspart export-button - The "Export CSV" button.
 * @csspart totals - Money in, money out and the count of the shown rows.
 * @csspart table - The `<mono-transaction-table>`; its own parts below are exported through it.
 * @csspart viewport - The table's scrolling box.
 * @csspart header - Each column header cell of the table.
 * @csspart sort-button - The sort buttons in the date and amount headers.
 * @csspart row - Each data row of the table.
 * @csspart amount - The amount in each row.
 * @csspart empty - The box shown when no rows match.
 * @csspart pager - The page buttons, or the "Load more" bar.
 * @csspart load-more-button - The "Load more" button.
 * @csspart skeleton - The placeholder rows while the first load runs.
 * @csspart updating - A bar over the data while it reloads (a sync, Try again); shown after 0.3 s.
 * @csspart error - The error state (`data-kind` is the error kind).
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart idle - Shown when no account id is set.
 * @cssprop --mono-transactions-height - Most height the rows take before they scroll (default 28rem).
 * @cssprop --mono-transactions-row-height - Height of one row (default 2.75rem).
 * @cssprop --mono-transactions-credit-color - Colour of money in (default: the positive token).
 * @cssprop --mono-transactions-debit-color - Colour of money out (default: the negative token).
 */
export class MonoTransactions extends MonoDataElement {
  static override styles = [tokens, stateStyles, transactionsStyles];

  /** First day shown, `YYYY-MM-DD` (or Mono's `DD-MM-YYYY`), inclusive. */
  @property({ reflect: true }) start?: string | undefined;

  /** Last day shown, inclusive. */
  @property({ reflect: true }) end?: string | undefined;

  /** `all` (default), `credit` or `debit`. */
  @property({ reflect: true }) type?: TypeFilter | undefined;

  /** Shows only rows whose narration contains this text (case-insensitive). */
  @property({ reflect: true }) narration?: string | undefined;

  /** Page through the host (default). `paginate="false"` loads every matching row in one request. */
  @property({ converter: paginateConverter }) paginate = true;

  /** Rows per page when paginating (1–1000, default 50). */
  @property({ type: Number }) limit = 50;

  /** The page shown (`pager="pages"`), or how many pages are loaded (`pager="more"`). Starts at 1. */
  @property({ type: Number }) page = 1;

  /** `pages` (default): Previous / Next buttons. `more`: a "Load more" button that appends the next page. */
  @property() pager: 'pages' | 'more' = 'pages';

  /** `date-desc` (default), `date-asc`, `amount-desc` or `amount-asc`. */
  @property() sort: SortName = 'date-desc';

  /**
   * ISO 4217 code of rows that do not name their currency (Mono's v2 rows never do). Default: the
   * account's currency as the host reports it, else NGN.
   */
  @property() currency?: string | undefined;

  /** Accessible name of the table (default "Transactions"). */
  @property() label?: string | undefined;

  /**
   * Rows the host already has: normalised `Transaction`s or Mono's raw rows. When set, nothing is fetched
   * and every filter runs on these rows. Mono's plain v2 rows are used as they are (never copied: 100,000
   * rows cost their own memory once); irregular ones (v1, numeric strings…) are normalised. The rows the
   * element hands out (`shown`, `view`, the CSV, `mono-transaction-select`) are always complete `Transaction`s.
   */
  @property({ attribute: false }) transactions?: readonly unknown[] | null | undefined;

  /** The host query the loaded rows answer (changes only when the loaded rows cannot answer the filters). */
  @state() private serverQuery: NormalFilters = {};
  /** Set from the resource in willUpdate, so it needs no reactivity of its own. */
  #loaded?: LoadedTransactions;
  /** Both set only by the table's view-change, which requests an update itself. */
  #shownCount = 0;
  #filtering = false;

  /** The table (null before it is rendered), looked up each time, as Lit's query decorator does. */
  get #table(): MonoTransactionTable | null {
    return this.renderRoot?.querySelector('mono-transaction-table') ?? null;
  }

  readonly resource: ResourceController<LoadedTransactions, LoadArgs> = new ResourceController<LoadedTransactions, LoadArgs>(this, {
    resource: 'transactions',
    args: () => [this.serverQuery, this.paginate, this.#pageSize, Math.max(1, Math.floor(this.page) || 1), this.pager === 'more' ? 'more' : 'pages'] as const,
    load: (client, accountId, args, request) => this.#fetchRows(client, accountId, args, request),
  });

  readonly #loadedBy = new WeakMap<LoadedTransactions, MonoDataClient>();
  #direct?: { rows?: readonly TransactionInput[]; error?: MonoError };
  #fromUser = false;
  #searchTimer?: ReturnType<typeof setTimeout>;
  #lastAccount?: string;
  #announcement = '';
  #sortedByUser = false;
  /** The count is said once the typing (or the reload) is over, not at every keystroke. */
  readonly #spoken = new SettledText(this);
  #loadMoreHadFocus = false;

  constructor() {
    super();
    MonoTransactionTable.define('mono-transaction-table');
  }

  /** Rows given through `.transactions` are shown as they are: nothing is loaded for an account then. */
  override get resolvedAccountId(): string | undefined {
    return this.transactions != null ? undefined : super.resolvedAccountId;
  }

  /** The filters in effect, as `mono-filter-change` reports them. */
  get filters(): Required<Pick<TransactionFilters, 'type'>> & TransactionFilters {
    const f = normaliseFilters(this.#rawFilters);
    return { start: f.start, end: f.end, type: f.type ?? 'all', narration: f.narration };
  }

  /** The rows shown now (filtered and sorted), as a new array. */
  get shown(): Transaction[] {
    return this.#table?.shown ?? [];
  }

  /** The shown rows with totals per currency. */
  get view(): TransactionView {
    return this.#table?.shownView ?? TransactionView.empty();
  }

  /** Resolves when the loaded rows, filters and table are all up to date. */
  get settled(): Promise<void> {
    return (async () => {
      await this.resource.settled;
      await this.updateComplete;
      await this.#table?.settled;
      await this.updateComplete;
    })();
  }

  /** The shown rows as CSV (formula-safe). */
  toCSV(): string {
    return this.#table?.toCSV() ?? transactionsToCsv([], this.resolvedLocale);
  }

  /** Offers the shown rows as a CSV download (what the "Export CSV" button does). */
  downloadCSV(): void {
    const day = new Date().toISOString().slice(0, 10);
    downloadCsv(csvFileName('transactions', this.resolvedAccountId, day), this.toCSV(), this.renderRoot);
  }

  /** Loads again from the host, skipping the cache. */
  reload(): Promise<void> {
    return this.resource.reload();
  }

  get #rawFilters(): TransactionFilters {
    return { start: this.start, end: this.end, type: this.type, narration: this.narration };
  }

  get #pageSize(): number {
    const n = Math.floor(this.limit);
    return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_LIMIT) : 50;
  }

  async #fetchRows(client: MonoDataClient, accountId: string, args: LoadArgs, request: LoadRequest): Promise<LoadedTransactions> {
    const given = this.#givenCurrency;
    const rows = this.#fetchPages(client, accountId, args, request);
    const [result, currency] = given ? [await rows, given] : await withAccountCurrency(client, accountId, rows, request.signal);
    if (currency) result.transactions = inCurrency(result.transactions, currency);
    this.#loadedBy.set(result, client);
    return result;
  }

  get #givenCurrency(): string | undefined {
    return currencyCode(this.currency);
  }

  async #fetchPages(client: MonoDataClient, accountId: string, [query, paginate, limit, page, pager]: LoadArgs, request: LoadRequest): Promise<LoadedTransactions> {
    const q = { start: query.start, end: query.end, type: query.type, narration: query.narration?.slice(0, MAX_NARRATION) };
    if (!paginate) {
      const all = await getTransactions(client, accountId, { ...q, paginate: false }, request);
      return { ...all, accountId, query, complete: true };
    }
    if (pager === 'more' && page > 1) {
      // Pages already fetched come from the client's cache; only the new one goes to the host.
      const pages = await Promise.all(Array.from({ length: page }, (_, i) => getTransactions(client, accountId, { ...q, limit, page: i + 1 }, request)));
      // A page asked after new transactions arrived starts with rows of the page before: those go. A row is the
      // same one by its content too, as two transactions may share an id (nothing within one page is dropped).
      const seen = new Set<string>();
      const transactions: Transaction[] = [];
      for (const p of pages) {
        const keys = p.transactions.map((t) => [t.id, t.date, t.amount, t.type].join('\0'));
        p.transactions.forEach((t, i) => {
          if (!seen.has(keys[i])) transactions.push(t);
        });
        for (const key of keys) seen.add(key);
      }
      const last = pages.at(-1)!;
      return { transactions, total: last.total, totalKnown: last.totalKnown, page, hasPrevious: false, hasNext: last.hasNext, accountId, query, complete: !last.hasNext };
    }
    const one = await getTransactions(client, accountId, { ...q, limit, page }, request);
    return { ...one, accountId, query, complete: page === 1 && !one.hasNext };
  }

  /** The loaded rows if they belong to the account and client shown now (never another account's, and none while `.transactions` is set). */
  get #current(): LoadedTransactions | undefined {
    const loaded = this.#loaded;
    return loaded && loaded.accountId === this.resolvedAccountId && this.#loadedBy.get(loaded) === this.client ? loaded : undefined;
  }

  get #rows(): readonly TransactionInput[] | undefined {
    if (this.transactions != null) return this.#direct?.rows;
    return this.#current?.transactions;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('transactions') || changed.has('currency')) this.#readDirect();

    const account = this.resolvedAccountId;
    if (account !== this.#lastAccount) {
      if (this.#lastAccount !== undefined && !changed.has('page')) this.page = 1;
      this.#lastAccount = account;
    }

    const filtersChanged = changed.has('start') || changed.has('end') || changed.has('type') || changed.has('narration');
    // Leaving direct rows for the host counts as a change: the host query must follow the filters again.
    if ((filtersChanged && !this.#fromUser) || (changed.has('transactions') && this.transactions == null)) this.#commitFilters();
    this.#fromUser = false;

    const value = this.resource.value;
    if (value && this.resource.status === 'loaded') this.#loaded = value;
  }

  #readDirect(): void {
    if (this.transactions == null) {
      this.#direct = undefined;
      return;
    }
    const input = this.transactions;
    const result = readTransactions(input);
    if (result.ok) {
      // Rows the schema normalised took NGN where they named no currency; plain rows that name none take
      // the table's `currency` (the given one) where they leave it.
      const currency = this.#givenCurrency;
      this.#direct = { rows: currency && result.value !== input ? inCurrency(result.value as Transaction[], currency) : result.value };
      return;
    }
    const error = new MonoError('invalid-response', `transactions: ${result.issue.message}`, { path: result.issue.path });
    this.#direct = { error };
    this.emit('mono-error', { error });
  }

  /**
   * Makes the host query follow the filters, unless the loaded rows already hold every row the filters
   * can match (then filtering them locally is the whole answer, and no request is made).
   */
  #commitFilters(): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = undefined;
    if (this.transactions != null) return;
    const wanted = normaliseFilters(this.#rawFilters);
    if (isBadRange(wanted) || sameFilters(wanted, this.serverQuery)) return;
    const loaded = this.#current;
    if (loaded && loaded.complete && sameFilters(loaded.query, this.serverQuery) && covers(loaded.query, wanted)) return;
    this.serverQuery = wanted;
    this.page = 1;
  }

  /** The user changed a filter: reported, and the host query follows (after a pause while a search is typed). */
  #userChanged(typing = false): void {
    this.#fromUser = true;
    if (!typing || this.transactions != null) this.#commitFilters();
    else {
      clearTimeout(this.#searchTimer);
      this.#searchTimer = setTimeout(() => this.#commitFilters(), SEARCH_DEBOUNCE_MS);
    }
    this.emit('mono-filter-change', { filters: this.filters });
  }

  readonly #onStart = (e: Event) => {
    this.start = (e.target as HTMLInputElement).value || undefined;
    this.#userChanged();
  };
  readonly #onEnd = (e: Event) => {
    this.end = (e.target as HTMLInputElement).value || undefined;
    this.#userChanged();
  };
  readonly #onType = (e: Event) => {
    const value = toTypeFilter((e.target as HTMLInputElement).value);
    this.type = value === 'all' ? undefined : value;
    this.#userChanged();
  };
  readonly #onSearch = (e: Event) => {
    this.narration = (e.target as HTMLInputElement).value || undefined;
    this.#userChanged(true);
  };

  /** Try again if the load failed again, else the search field (where Clear filters leaves the user to search anew). */
  protected override focusFallback(): HTMLElement | null {
    const root = this.renderRoot;
    return root.querySelector<HTMLElement>('[part~=retry-button]') ?? root.querySelector<HTMLElement>('[part~=search-input]') ?? super.focusFallback();
  }

  readonly #clearFilters = () => {
    this.start = this.end = this.type = this.narration = undefined;
    this.#userChanged();
  };

  readonly #onViewChange = (event: Event) => {
    const table = event.target as MonoTransactionTable;
    this.#shownCount = table.shownView.length;
    this.#filtering = table.filtering;
    // After a sort, the new order is said with the count (aria-sort alone is read only when moving through the headers).
    const sorted = this.#sortedByUser ? msg(this.resolvedLocale, SORT_SPOKEN[sortName(parseSort(this.sort))]) : '';
    this.#sortedByUser = false;
    this.#announcement = [sorted, this.#countText(this.#shownCount)].filter(Boolean).join(', ');
    this.requestUpdate();
  };

  readonly #onSortChange = (event: Event) => {
    this.sort = (event.target as MonoTransactionTable).sort;
    this.#sortedByUser = true;
  };

  readonly #goToPage = (page: number, { detail }: MouseEvent) => {
    const loaded = this.#current;
    if (!loaded || this.resource.status === 'loading') return;
    if (page < 1 || page > this.#pageCount(loaded) || page === this.page) return;
    this.page = page;
    // Tapped or clicked from below (the pager, on a phone): the new page comes in where it starts, under its reload
    // bar. A key press (detail 0) leaves the page where it is, so the focused button stays in sight.
    const table = this.#table;
    if (detail && table && table.getBoundingClientRect().top < 0) table.scrollIntoView();
  };

  readonly #loadMore = () => {
    if (this.resource.status === 'loading' || !this.#current?.hasNext) return;
    this.page = Math.max(1, Math.floor(this.page) || 1) + 1;
  };

  /** "Page 2 of 4" while the host pages the rows (Previous / Next), else null. */
  #pageText(locale: string): string | null {
    const loaded = this.#current;
    if (!loaded || !this.paginate || this.pager === 'more') return null;
    const pages = this.#pageCount(loaded);
    if (pages <= 1 && loaded.page <= 1) return null;
    const page = formatNumber(loaded.page, locale);
    return loaded.totalKnown ? msg(locale, 'txnPageOf', { page, pages: formatNumber(pages, locale) }) : msg(locale, 'txnPage', { page });
  }

  /** The host's pages: counted from its total, or, without one, as far as it says there is a next page. */
  #pageCount(loaded: LoadedTransactions): number {
    return loaded.totalKnown ? Math.max(1, Math.ceil(loaded.total / this.#pageSize)) : loaded.page + (loaded.hasNext ? 1 : 0);
  }

  /** The shown rows' count; "on this page" while the host pages them, as the totals beside it are the page's too. */
  #countText(count: number): string {
    const locale = this.resolvedLocale;
    if (this.#pageText(locale)) return msg(locale, 'txnOnPage', { count: formatNumber(count, locale) });
    return msg(locale, isSingular(count, locale) ? 'txnCountOne' : 'txnCountMany', { count: formatNumber(count, locale) });
  }

  /**
   * The filter fields show the filters after every render, also where a field kept what the user entered and the
   * filter was set back (say by a mono-filter-change listener), which a template binding misses: it compares with
   * the value it last wrote, not with the field's.
   */
  #showFilters(): void {
    const type = toTypeFilter(this.type);
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('[part~=toolbar] input')) {
      if (input.type === 'radio') input.checked = input.value === type;
      else {
        const value = input.type === 'search' ? (this.narration ?? '') : (toIsoDay(input.matches('[part~=start-input]') ? this.start : this.end) ?? '');
        if (input.value !== value) input.value = value;
      }
    }
  }

  protected override updated(): void {
    this.#showFilters();
    const button = this.renderRoot.querySelector('[part~="load-more-button"]');
    if (this.#loadMoreHadFocus && !button) {
      // The last page arrived and the button went away: keep the focus in the list, on the first new row.
      const firstNew = this.#shownCount;
      const table = this.#table;
      void table?.settled.then(() => table.focusRow(firstNew));
    }
    this.#loadMoreHadFocus = button !== null && this.shadowRoot!.activeElement === button;
  }

  protected override render() {
    const locale = this.resolvedLocale;
    if (this.#direct?.error) {
      return html`<div part="error" class="state error" role="alert" data-kind="invalid-response">
        <p>${msg(locale, 'txnInvalidData', { path: this.#direct.error.path || '—' })}</p>
      </div>`;
    }
    const rows = this.#rows;
    const status = this.resource.status;
    if (!rows) {
      if (status !== 'loading') return this.resource.render({ loaded: () => nothing });
      // Seen too once the load is slow (the skeleton says nothing), below the filters so that they do not move.
      return html`${this.#renderToolbar(locale)}
        <div class=${this.resource.slow ? 'state' : 'sr-only'} role="status" aria-live="polite">${msg(locale, this.resource.slow ? 'loadingSlow' : 'loading')}</div>
        <div part="skeleton" class="skeleton" aria-hidden="true">
          ${Array.from({ length: 10 }, () => html`<div class="bone-row"><span></span><span></span><span></span><span></span></div>`)}
        </div>`;
    }
    const loading = status === 'loading';
    const error = status === 'error' ? this.resource.error : undefined;
    const filters = normaliseFilters(this.#rawFilters);
    const filtered = Object.keys(filters).length > 0;
    return html`<div class="sr-only" role="status" aria-live="polite">${this.#spoken.text(loading ? msg(locale, 'txnUpdating') : [this.#pageText(locale), this.#announcement].filter(Boolean).join(', '))}</div>
      ${this.#renderToolbar(locale)} ${this.#renderSummary(locale)} ${loading ? updatingBar : nothing}
      <mono-transaction-table
        part="table"
        exportparts="viewport, row, amount, header, sort-button, empty"
        .transactions=${rows}
        currency=${this.#givenCurrency ?? 'NGN'}
        .filters=${filters}
        sort=${this.sort}
        locale=${locale}
        label=${this.label || msg(locale, 'txnCaption')}
        ?busy=${loading}
        @view-change=${this.#onViewChange}
        @sort-change=${this.#onSortChange}
      >
        <div slot="empty" class="empty-message">
          <p>${msg(locale, isBadRange(filters) ? 'txnBadRange' : filtered ? 'txnNoMatch' : 'txnEmpty')}</p>
          ${filtered ? html`<button type="button" class="button secondary" @click=${this.#clearFilters}>${msg(locale, 'txnClearFilters')}</button>` : nothing}
        </div>
      </mono-transaction-table>
      ${error
        ? html`<div part="error" class="state error inline" role="alert" data-kind=${error.kind}>
            <p>${msg(locale, 'txnLoadFailed')} ${describeLoadError(error, locale)}</p>
            <button part="retry-button" class="button secondary" type="button" @click=${this.resource.retry}>${msg(locale, 'retry')}</button>
          </div>`
        : nothing}
      ${this.#renderPager(locale, loading)}`;
  }

  #renderToolbar(locale: string) {
    const start = toIsoDay(this.start) ?? '';
    const end = toIsoDay(this.end) ?? '';
    const types: [TypeFilter, 'txnTypeAll' | 'txnTypeCredit' | 'txnTypeDebit'][] = [
      ['all', 'txnTypeAll'],
      ['credit', 'txnTypeCredit'],
      ['debit', 'txnTypeDebit'],
    ];
    return html`<div part="toolbar" class="toolbar" role="search" aria-label=${msg(locale, 'txnFilters')}>
      <label class="field">
        <span>${msg(locale, 'txnFrom')}</span>
        <input part="start-input" type="date" max=${end || nothing} @change=${this.#onStart} />
      </label>
      <label class="field">
        <span>${msg(locale, 'txnTo')}</span>
        <input part="end-input" type="date" min=${start || nothing} @change=${this.#onEnd} />
      </label>
      <fieldset part="type-filter" class="segmented">
        <legend class="sr-only">${msg(locale, 'txnType')}</legend>
        ${types.map(
          ([value, key]) => html`<label class=${value}>
            <input type="radio" name="type" value=${value} @change=${this.#onType} /><span>${msg(locale, key)}</span>
          </label>`,
        )}
      </fieldset>
      <label class="field search">
        <span class="sr-only">${msg(locale, 'txnSearch')}</span>
        <svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="7" cy="7" r="4.5" /><path d="m10.5 10.5 3.5 3.5" /></svg>
        <input
          part="search-input"
          type="search"
          placeholder=${msg(locale, 'txnSearch')}
          maxlength=${MAX_NARRATION}
          autocomplete="off"
          autocorrect="off"
          spellcheck="false"
          @input=${this.#onSearch}
        />
      </label>
    </div>`;
  }

  #renderSummary(locale: string) {
    return html`<div class="summary">
      ${this.#renderTotals(locale)}
      <button part="export-button" class="button secondary export" type="button" ?disabled=${this.#shownCount === 0} @click=${() => this.downloadCSV()}>
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13h10" /></svg>${msg(locale, 'txnExport')}
      </button>
    </div>`;
  }

  #renderTotals(locale: string) {
    const totals = this.#table?.shownView.totals ?? [];
    const several = totals.length > 1;
    return html`<dl part="totals" class="totals" aria-busy=${this.#filtering}>
      ${totals.map(
        (t) => html`<div class="total in">
            <dt>${msg(locale, 'txnMoneyIn')}${several ? ` (${t.currency})` : ''}</dt>
            <dd><bdi>${formatMoney(t.moneyIn, t.currency, locale, { wrap: true })}</bdi></dd>
          </div>
          <div class="total out">
            <dt>${msg(locale, 'txnMoneyOut')}${several ? ` (${t.currency})` : ''}</dt>
            <dd><bdi>${formatMoney(t.moneyOut, t.currency, locale, { wrap: true })}</bdi></dd>
          </div>`,
      )}
      <div class="total count">
        <dt class="sr-only">${msg(locale, 'txnCaption')}</dt>
        <dd><bdi>${this.#countText(this.#shownCount)}</bdi></dd>
      </div>
    </dl>`;
  }

  #renderPager(locale: string, loading: boolean) {
    const loaded = this.#current;
    if (!loaded || !this.paginate) return nothing;
    if (this.pager === 'more') {
      // Filters narrower than the loaded query are served from the rows (#commitFilters): count what they show.
      const local = loaded.complete && !sameFilters(normaliseFilters(this.#rawFilters), loaded.query);
      const shown = formatNumber(local ? this.#shownCount : loaded.transactions.length, locale);
      return html`<div part="pager" class="pager more">
        <span class="page-info">${loaded.totalKnown || local ? msg(locale, 'txnShowingOf', { shown, total: local ? shown : formatNumber(loaded.total, locale) }) : msg(locale, 'txnShowing', { shown })}</span>
        ${loaded.hasNext
          ? html`<button part="load-more-button" class="button secondary" type="button" aria-disabled=${loading} @click=${this.#loadMore}>
              ${loading ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${msg(locale, 'txnLoadMore')}
            </button>`
          : nothing}
      </div>`;
    }
    const page = loaded.page;
    const pageText = this.#pageText(locale);
    if (!pageText) return nothing;
    const atStart = page <= 1;
    const atEnd = !loaded.hasNext;
    return html`<nav part="pager" class="pager" aria-label=${msg(locale, 'txnPages')}>
      <button class="button secondary" type="button" aria-disabled=${atStart || loading} @click=${(e: MouseEvent) => this.#goToPage(page - 1, e)}>
        ${msg(locale, 'txnPrevious')}
      </button>
      <span class="page-info">${pageText}</span>
      <button class="button secondary" type="button" aria-disabled=${atEnd || loading} @click=${(e: MouseEvent) => !atEnd && this.#goToPage(page + 1, e)}>
        ${msg(locale, 'txnNext')}
      </button>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mono-transactions': MonoTransactions;
  }
}
