import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { MonoElement } from '../../core/mono-element.js';
import { resolveLocale } from '../../core/locale.js';
import { clip, formatDate, formatMoney, formatNumber, MONO_DAY } from '../../core/format.js';
import { stateStyles, tokens } from '../../core/tokens.js';
import type { TransactionFilters } from '../../core/events.js';
import { codeWords, textLanguage } from '../../i18n/catalogue.js';
import { transactionText as msg } from '../../i18n/en-transactions.js';
import type { Transaction, TransactionInput } from '../../model/transactions.js';
import { isBadRange, normaliseFilters, sameFilters } from './filters.js';
import { transactionsToCsv } from './transactions-csv.js';
import { currencyCode, FilterJob, parseSort, sameSort, sortName, TransactionIndex, TransactionView, columnWidths, yieldToMain, type SortKey, type SortName, type SortSpec } from './transaction-view.js';
import { tableStyles } from './mono-transaction-table.styles.js';

/** Rows kept in the DOM above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 6;
/**
 * Up to this many rows (a page from the host) are all in the DOM, so a screen reader's table commands reach
 * every one; more are virtualised, and the DOM stays the same size however many there are.
 */
const ALL_ROWS_UP_TO = 100;
/** Rows put on paper at most (about 40 pages): 100,000 would hold the page for a minute before the print dialog. */
const PRINT_ROWS_UP_TO = 1000;
/** What a filter run may take inside one update before it continues in slices between frames. */
const SYNC_BUDGET_MS = 8;
const SLICE_MS = 6;
const FALLBACK_ROW_PX = 44;
const FALLBACK_VIEWPORT_PX = 720;


/** Mono's words for "no category". */
const NO_CATEGORY = /^[\s_-]*(unknown|other|none|null)?[\s_-]*$/i;

/**
 * The transactions table on its own: sortable, filterable, virtualised rows past 100 (only those in view
 * are in the DOM, so 100,000 rows cost what 40 do), keyboard navigation with a roving focus, and selection.
 * `<mono-transactions>` wraps it with loading, filters, totals, paging and export; use it directly to
 * show rows you already have.
 *
 * @summary Virtualised, sortable table of transactions with keyboard navigation.
 * @tag mono-transaction-table
 * @slot empty - Shown instead of the rows when none match (default: "No transactions to show").
 * @fires {CustomEvent<MonoEventDetails['mono-transaction-select']>} mono-transaction-select - A row was chosen with Enter, Space or a click. detail: { transaction }
 * @fires {Event} sort-change - (not bubbling) The user changed the sort; read `sort`.
 * @fires {Event} view-change - (not bubbling) The shown rows changed (filter, sort or data); read `shownView`.
 * @csspart viewport - The scrolling box around the table.
 * @csspart table - The `<table>`.
 * @csspart header - Each column header cell.
 * @csspart sort-button - The sort buttons in the date and amount headers.
 * @csspart row - Each data row.
 * @csspart amount - The amount in each row.
 * @csspart empty - The box shown when no rows match.
 * @cssprop --mono-transactions-height - Most height the rows take before they scroll (default 28rem).
 * @cssprop --mono-transactions-row-height - Height of one row (default 2.75rem).
 * @cssprop --mono-transactions-credit-color - Colour of money in (default: the positive token).
 * @cssprop --mono-transactions-debit-color - Colour of money out (default: the negative token).
 */
export class MonoTransactionTable extends MonoElement {
  static override styles = [tokens, stateStyles, tableStyles];

  static {
    // Row height and the phone layout are known only once the first rows are laid out, so their update
    // follows that render by design (before the frame is painted): Lit's dev-mode notice is not a defect here.
    this.disableWarning?.('change-in-update');
  }

  /**
   * The rows, in any order: `Transaction`s, or Mono's plain v2 rows (no currency; balance and category may
   * be left out), which are completed where a row leaves the table (shown, exported, selected), never copied.
   * Hand over a new array to change them: the same array set again is no change (as for any Lit property).
   */
  @property({ attribute: false }) transactions: readonly TransactionInput[] = [];

  /** ISO 4217 code of the rows that name no currency (default NGN). */
  @property() currency?: string | undefined;

  /** Which rows to show: `start`/`end` (ISO days, inclusive, UTC), `type`, `narration` (case-insensitive). */
  @property({ attribute: false }) filters: TransactionFilters = {};

  /** `date-desc` (default), `date-asc`, `amount-desc` or `amount-asc`; the header buttons change it. */
  @property() sort: SortName = 'date-desc';

  /** BCP 47 locale for money, dates and the column headings. Default: the nearest `lang` (through shadow roots), else `en-NG`. */
  @property() locale?: string | undefined;

  /** The table's accessible name. */
  @property() label?: string | undefined;

  /** Marks the table busy for assistive technology while its owner reloads. */
  @property({ type: Boolean }) busy = false;

  @state() private view: TransactionView = TransactionView.empty();
  @state() private pending = false;
  @state() private first = 0;
  @state() private activePosition = 0;
  @state() private selectedId?: string;
  @state() private rowHeight = FALLBACK_ROW_PX;
  /** The phone layout is on (the date column hidden by the container query): the date sorts from the narration header. */
  @state() private narrow = false;
  /** The row to bring back into view once rows of a new height are rendered. */
  #keepRow?: number;
  @state() private viewportHeight = 0;
  /** Between the window's beforeprint and afterprint: the rows are all rendered (up to PRINT_ROWS_UP_TO), as paper cannot scroll. */
  @state() private printing = false;
  readonly #onPrint = (event: Event) => {
    this.printing = event.type === 'beforeprint';
  };

  /** The scrolling box (null before the first render), looked up each time, as Lit's query decorator does. */
  get #viewport(): HTMLElement | null {
    return this.renderRoot?.querySelector('.viewport') ?? null;
  }

  /** Set by the first update, as by every change of rows (`transactions` is always among the first update's changes). */
  #index!: TransactionIndex;
  #job?: FilterJob;
  #jobKeepsPlace = false;
  /** The slices' current run: a removal ends it. */
  #jobRun?: object;
  #jobDone?: Promise<void>;
  #viewChanged = false;
  #rowHadFocus = false;
  #resizeObserver?: ResizeObserver;
  #headerHeight = 0;
  #maxViewportHeight = 0;
  /** Set with the index, and again when the locale or its words change (`#widestIn`). */
  #widest!: ReturnType<typeof columnWidths>;
  #widestIn?: string;

  /** The locale in use: `locale`, else the nearest `lang`, else `en-NG`. */
  get resolvedLocale(): string {
    return resolveLocale(this, this, undefined);
  }

  /** The shown rows: filtered and sorted, with totals per currency. */
  get shownView(): TransactionView {
    return this.view;
  }

  /** The shown rows as an array (a copy). */
  get shown(): Transaction[] {
    return this.view.toArray();
  }

  /** Whether a filter run is still under way (the shown rows are those of the previous filters). */
  get filtering(): boolean {
    return this.pending;
  }

  /** Resolves once the shown rows reflect the current data, filters and sort, and are rendered. */
  get settled(): Promise<void> {
    return (async () => {
      for (;;) {
        await this.updateComplete;
        const done = this.#jobDone;
        if (!done) return;
        await done;
        if (this.#jobDone === done) return;
      }
    })();
  }

  /** The shown rows as CSV, formula-safe (see `transactionsToCsv`). */
  toCSV(): string {
    return transactionsToCsv(this.view.toArray(), this.resolvedLocale);
  }

  /** Moves the keyboard focus to the active row (or the first). */
  focusRow(position = this.activePosition): Promise<void> {
    return this.#moveTo(position);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#onPrint);
    window.addEventListener('afterprint', this.#onPrint);
    // Moved (or re-added) while a filter pass ran in slices: it goes on where it stopped.
    const job = this.#job;
    if (this.pending && job && !job.done && !this.#jobDone) this.#jobDone = this.#finish(job, this.#jobKeepsPlace);
    if (typeof ResizeObserver !== 'undefined') {
      // Deferred a frame: acting inside the callback could resize the box again in the same frame.
      this.#resizeObserver ??= new ResizeObserver((entries) => {
        const height = entries.at(-1)?.contentRect.height ?? 0;
        requestAnimationFrame(() => {
          this.#maxViewportHeight = 0;
          if (Math.abs(height - this.viewportHeight) > 1) this.viewportHeight = height;
          // A new width can switch the layout and with it the rows' height (a phone turned).
          this.#measure();
        });
      });
      if (this.#viewport) this.#resizeObserver.observe(this.#viewport);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.#onPrint);
    window.removeEventListener('afterprint', this.#onPrint);
    this.#resizeObserver?.disconnect();
    // Its slices stop (see #finish); the pass itself is kept for a return to the page.
    this.#jobRun = this.#jobDone = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const dataChanged = changed.has('transactions') || changed.has('currency');
    if (dataChanged) {
      this.#index = new TransactionIndex(this.transactions, currencyCode(this.currency) ?? 'NGN');
    }
    const locale = this.resolvedLocale;
    // The categories' words change with the locale, and when its language's catalogue arrives (a lazy import).
    const words = locale + textLanguage(locale);
    if (dataChanged || words !== this.#widestIn) {
      this.#widestIn = words;
      this.#widest = columnWidths(this.#index.summary, locale);
    }
    if (dataChanged || changed.has('filters') || changed.has('sort')) this.#refilter(dataChanged);
    this.#rowHadFocus = this.shadowRoot?.activeElement?.localName === 'tr';
  }

  protected override firstUpdated(): void {
    if (this.#viewport) this.#resizeObserver?.observe(this.#viewport);
  }

  protected override updated(): void {
    if (this.#keepRow !== undefined && this.#viewport) {
      this.#viewport.scrollTop = this.#keepRow * this.rowHeight;
      this.#keepRow = undefined;
    }
    this.#measure();
    if (this.#rowHadFocus && !this.shadowRoot?.activeElement) {
      // The focused row scrolled out and was removed: keep the focus in the table so the keys still work.
      this.#viewport?.focus({ preventScroll: true });
    }
    if (this.#viewChanged) {
      this.#viewChanged = false;
      this.dispatchEvent(new Event('view-change'));
    }
  }

  #refilter(dataChanged: boolean): void {
    const filters = normaliseFilters(this.filters);
    const sort = parseSort(this.sort);
    const latest = this.#job && !this.#job.done ? this.#job : this.view;
    if (!dataChanged && sameFilters(latest.filters, filters) && sameSort(latest.sort, sort)) return;
    // More rows of the same list (load more): keep the place and the rows shown meanwhile.
    const keepPlace = dataChanged && isExtension(this.view.rows, this.#index.rows) && sameFilters(this.view.filters, filters) && sameSort(this.view.sort, sort);
    const job = this.#index.query(filters, sort, dataChanged ? undefined : this.view);
    this.#job = job;
    // New rows with no filter are done as the job is made (no empty table for a frame); filter passes
    // (typing) run here for a few milliseconds, then in slices, so that the page stays responsive.
    if (job.step(SYNC_BUDGET_MS)) {
      this.pending = false;
      this.#jobDone = undefined;
      this.#adopt(job.result!, keepPlace);
      return;
    }
    // Never show rows of another data set while the new one is being filtered. The empty view is of no rows (not
    // of these rows), so a filter changed meanwhile never narrows from it.
    if (dataChanged && !keepPlace) this.#adopt(TransactionView.empty(sort, this.#index), false);
    this.pending = true;
    this.#jobKeepsPlace = keepPlace;
    this.#jobDone = this.#finish(job, keepPlace);
  }

  async #finish(job: FilterJob, keepPlace: boolean): Promise<void> {
    // Yield first: the caller stores this promise as \`jobDone\` only after this function returns.
    const run = (this.#jobRun = {});
    do {
      await yieldToMain();
      // Another pass replaced it, or the element left the page (and a return started another run).
      if (this.#job !== job || this.#jobRun !== run) return;
    } while (!job.step(SLICE_MS));
    this.pending = false;
    this.#jobDone = undefined;
    this.#adopt(job.result!, keepPlace);
  }

  #adopt(next: TransactionView, keepPlace: boolean): void {
    this.view = next;
    this.#viewChanged = true;
    if (keepPlace) {
      this.activePosition = Math.min(this.activePosition, Math.max(0, next.length - 1));
      return;
    }
    // New data, filters or sort: back to the top.
    this.activePosition = 0;
    this.first = 0;
    if (this.#viewport) this.#viewport.scrollTop = 0;
  }

  #measure(): void {
    const root = this.#viewport;
    if (!root) return;
    if (!this.#maxViewportHeight) this.#maxViewportHeight = parseFloat(getComputedStyle(root).maxHeight) || 0;
    // The header and its date cell are always rendered with the viewport.
    this.#headerHeight = root.querySelector('thead')!.getBoundingClientRect().height;
    const h = root.querySelector('tr.row')?.getBoundingClientRect().height ?? 0;
    if (h > 0 && Math.abs(h - this.rowHeight) > 0.25) {
      if (root.scrollTop > 0) this.#keepRow ??= this.first;
      this.rowHeight = h;
    }
    // (A reactive property set to its own value requests no update.)
    this.narrow = getComputedStyle(root.querySelector('th.col-date')!).display === 'none';
  }

  /** Rows that fit in the scroll box at its tallest (its height follows the rows up to its max height). */
  get #capacity(): number {
    const height = Math.max(this.viewportHeight, this.#maxViewportHeight) || FALLBACK_VIEWPORT_PX;
    return Math.ceil(height / this.rowHeight) + 1;
  }

  readonly #onScroll = (event: Event) => {
    const viewport = event.currentTarget as HTMLElement;
    this.first = Math.min(Math.floor(viewport.scrollTop / this.rowHeight), Math.max(0, this.view.length - 1));
  };

  /** Scrolls so the row at `position` is fully visible below the sticky header. */
  #reveal(position: number): void {
    const viewport = this.#viewport;
    if (!viewport) return;
    const top = position * this.rowHeight;
    const visible = viewport.clientHeight - this.#headerHeight;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + this.rowHeight > viewport.scrollTop + visible) viewport.scrollTop = top + this.rowHeight - visible;
    this.first = Math.floor(viewport.scrollTop / this.rowHeight);
  }

  async #moveTo(position: number): Promise<void> {
    const n = this.view.length;
    if (!n) return;
    const target = Math.max(0, Math.min(n - 1, position));
    this.activePosition = target;
    this.#reveal(target);
    await this.updateComplete;
    this.#rowAt(target)?.focus({ preventScroll: true });
  }

  #rowAt(position: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-position="${position}"]`);
  }

  #select(position: number): void {
    if (position < 0 || position >= this.view.length) return;
    const transaction = this.view.at(position);
    this.activePosition = position;
    this.selectedId = transaction.id;
    this.emit('mono-transaction-select', { transaction });
  }

  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const inHeader = target.closest('thead') !== null;
    if (inHeader && event.key !== 'ArrowDown') return;
    const page = Math.max(1, Math.floor(((this.#viewport?.clientHeight ?? 0) - this.#headerHeight) / this.rowHeight) - 1);
    const at = this.activePosition;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = inHeader ? at : at + 1;
        break;
      case 'ArrowUp':
        next = at - 1;
        break;
      case 'PageDown':
        next = at + page;
        break;
      case 'PageUp':
        next = at - page;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.view.length - 1;
        break;
      case 'Enter':
      case ' ':
        if (target.localName !== 'tr' && target !== this.#viewport) return;
        event.preventDefault();
        this.#select(at);
        return;
      default:
        return;
    }
    event.preventDefault();
    void this.#moveTo(next);
  };

  readonly #onFocusIn = (event: FocusEvent) => {
    const row = (event.target as HTMLElement).closest?.('tr[data-position]');
    if (row) this.activePosition = Number(row.getAttribute('data-position'));
  };

  readonly #onClick = (event: MouseEvent) => {
    const row = (event.target as HTMLElement).closest?.('tr[data-position]');
    if (row) this.#select(Number(row.getAttribute('data-position')));
  };

  #toggleSort(key: SortKey): void {
    const current = parseSort(this.sort);
    const next: SortSpec = current.key === key ? { key, direction: current.direction === 'desc' ? 'asc' : 'desc' } : { key, direction: 'desc' };
    this.sort = sortName(next);
    this.dispatchEvent(new Event('sort-change'));
  }

  protected override render() {
    const locale = this.resolvedLocale;
    const view = this.view;
    const sort = parseSort(this.sort);
    const n = view.length;
    const empty = n === 0 && !this.pending;
    const whole = n <= ALL_ROWS_UP_TO;
    const printing = this.printing;
    const start = whole || printing ? 0 : Math.max(0, Math.min(this.first, n) - OVERSCAN);
    const end = whole ? n : printing ? Math.min(n, PRINT_ROWS_UP_TO) : Math.min(n, this.first + this.#capacity + OVERSCAN);
    const positions: number[] = [];
    for (let p = start; p < end; p++) positions.push(p);
    const active = Math.min(this.activePosition, Math.max(0, n - 1));
    // Roving focus: one row is in the tab order; when the active one is scrolled away, the first in view is.
    const tabbable = active >= start && active < end ? active : Math.min(Math.max(this.first, start), end - 1);
    const above = start * this.rowHeight;
    const below = printing ? 0 : (n - end) * this.rowHeight;
    const ariaSort = (key: SortKey) => (sort.key === key ? (sort.direction === 'desc' ? 'descending' : 'ascending') : nothing);
    const sortButton = (key: SortKey, label: string, cls = '') => html`<button type="button" part="sort-button" class="sort ${cls}" @click=${() => this.#toggleSort(key)}>
      <span>${label}</span><svg class="sort-icon ${sort.key === key ? sort.direction : 'none'}" viewBox="0 0 10 14" aria-hidden="true"><path d="M5 1 9 6H1z" /><path d="M5 13 1 8h8z" /></svg>
    </button>`;
    const sortHeader = (key: SortKey, label: string, cls: string) =>
      html`<th scope="col" part="header" class=${cls} aria-sort=${key === 'date' && this.narrow ? nothing : ariaSort(key)}>${sortButton(key, label)}</th>`;
    // Spacer heights go through CSSOM (`.style`): styleMap's first render writes a style attribute, which a strict CSP blocks.
    // The sizer holds the scroll height while the rows are swapped: WebKit lays the table out part-way through and
    // clamps scrollTop to that shorter height.
    return html`<div
      class="viewport"
      part="viewport"
      tabindex="-1"
      @scroll=${this.#onScroll}
      @keydown=${this.#onKeydown}
      @focusin=${this.#onFocusIn}
      @click=${this.#onClick}
    >
      <table
        part="table"
        aria-rowcount=${n + 1}
        aria-busy=${this.busy || this.pending ? 'true' : 'false'}
        .style=${`--_amount-chars:${this.#widest.amount};--_balance-chars:${this.#widest.balance};--_category-chars:${this.#widest.category}`}
      >
        <caption class="sr-only">${this.label || msg(locale, 'txnCaption')}</caption>
        <colgroup>
          <col class="col-date" /><col class="col-narration" /><col class="col-category" /><col class="col-amount" /><col class="col-balance" />
        </colgroup>
        <thead>
          <tr aria-rowindex="1">
            ${sortHeader('date', msg(locale, 'txnDate'), 'col-date')}
            <th scope="col" part="header" class="col-narration" aria-sort=${this.narrow ? ariaSort('date') : nothing}>
              ${msg(locale, 'txnNarration')} ${sortButton('date', msg(locale, 'txnDate'), 'date-inline')}
            </th>
            <th scope="col" part="header" class="col-category">${msg(locale, 'txnCategory')}</th>
            ${sortHeader('amount', msg(locale, 'txnAmount'), 'col-amount')}
            <th scope="col" part="header" class="col-balance">${msg(locale, 'txnBalance')}</th>
          </tr>
        </thead>
        <tbody>
          ${spacer(above)}
          ${repeat(
            positions,
            (p) => view.order[p],
            (p) => this.#renderRow(view.at(p), p, p === tabbable, locale),
          )}
          ${spacer(below)}
        </tbody>
      </table>
      ${printing && end < n
        ? html`<p class="print-note">${msg(locale, 'txnPrintedOf', { shown: formatNumber(end, locale), total: formatNumber(n, locale) })}</p>`
        : nothing}
      <div class="sizer" aria-hidden="true" .style=${`height: ${this.#headerHeight + n * this.rowHeight}px`}></div>
      ${empty
        ? html`<div part="empty" class="state empty"><slot name="empty">${msg(locale, isBadRange(normaliseFilters(this.filters)) ? 'txnBadRange' : 'txnEmpty')}</slot></div>`
        : nothing}
    </div>`;
  }

  #renderRow(t: Transaction, position: number, tabbable: boolean, locale: string) {
    const credit = t.type === 'credit';
    // `bank_charges` → "Bank charges", or the locale's words for it.
    const category = NO_CATEGORY.test(t.category ?? '') ? '' : codeWords(locale, 'category', t.category);
    const date = formatDate(t.date, locale, MONO_DAY);
    const [head, tail] = breakAfterFirstGroup(formatMoney(credit ? t.amount : -t.amount, t.currency, locale, { signDisplay: 'exceptZero' }), locale);
    return html`<tr
      part="row"
      class="row ${t.type}"
      data-position=${position}
      aria-rowindex=${position + 2}
      tabindex=${tabbable ? 0 : -1}
      aria-current=${t.id === this.selectedId ? 'true' : nothing}
    >
      <td class="col-date">${date}</td>
      <td class="col-narration" dir="auto" title=${clip(t.narration)} data-date=${date}>${clip(t.narration.trim()) || '—'}</td>
      <td class="col-category ${category ? '' : 'muted'}">${category ? clip(category) : msg(locale, 'txnUncategorised')}</td>
      <td class="col-amount">
        <span part="amount" class="amount">
          <svg class="direction" viewBox="0 0 12 12" aria-hidden="true">
            ${credit ? svg`<path d="M9 3 3 9M3 4v5h5" />` : svg`<path d="M3 9l6-6M4 3h5v5" />`}
          </svg>
          <span class="sr-only">${msg(locale, credit ? 'txnCredit' : 'txnDebit')}</span>
          <bdi class="money"><span>${head}</span><wbr />${tail}</bdi>
        </span>
      </td>
      <td class="col-balance">
        ${t.balance === null
          ? html`<span aria-hidden="true">—</span><span class="sr-only">${msg(locale, 'txnNoBalance')}</span>`
          : formatMoney(t.balance, t.currency, locale)}
      </td>
    </tr>`;
  }
}

/**
 * Money split after its first digit group, for a line-break opportunity there: a phone-width cell wraps a
 * large amount ("-₦999," / "999,999.99") rather than cut it. One split keeps the row's template flat.
 */
function breakAfterFirstGroup(money: string, locale: string): [string, string] {
  const separator = /^1(\D+)000/.exec(formatNumber(1_000_000, locale))?.[1];
  const at = separator ? money.indexOf(separator) : -1;
  if (!separator || at < 0) return [money, ''];
  return [money.slice(0, at + separator.length), money.slice(at + separator.length)];
}

/** A row that stands for `px` of rows not in the DOM (none for 0). */
const spacer = (px: number) => (px > 0 ? html`<tr class="spacer" aria-hidden="true"><td .style=${`height: ${px}px`}></td></tr>` : nothing);

/** `next` holds every row of `previous` first, in the same order (a later page appended). */
const isExtension = (previous: readonly TransactionInput[], next: readonly TransactionInput[]) =>
  previous.length > 0 && next.length >= previous.length && next[0] === previous[0] && next[previous.length - 1] === previous[previous.length - 1];

declare global {
  interface HTMLElementTagNameMap {
    'mono-transaction-table': MonoTransactionTable;
  }
}
