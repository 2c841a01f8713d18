import { formatMoney, type MoneyFormatOptions } from '../../core/format.js';
import { completeTransaction, type Transaction, type TransactionInput } from '../../model/transactions.js';
import { covers, dayAfter, isBadRange, type NormalFilters } from './filters.js';
import { codeWords } from '../../i18n/catalogue.js';

export type SortKey = 'date' | 'amount';
export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortSpec = { key: 'date', direction: 'desc' };

/** `date-desc` (default), `date-asc`, `amount-desc`, `amount-asc`. */
export function parseSort(value: string | null | undefined): SortSpec {
  const m = /^(date|amount)[-_ ]?(asc|desc)?$/.exec((value ?? '').trim().toLowerCase());
  return m ? { key: m[1] as SortKey, direction: (m[2] as SortDirection | undefined) ?? 'desc' } : DEFAULT_SORT;
}

export type SortName = `${SortKey}-${SortDirection}`;

export const sortName = (s: SortSpec): SortName => `${s.key}-${s.direction}`;

export const sameSort = (a: SortSpec, b: SortSpec): boolean => a.key === b.key && a.direction === b.direction;

/** An ISO 4217 code given in any case (`ngn`, ` NGN `), upper-cased; undefined when it is not three letters. */
export function currencyCode(value: string | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? code : undefined;
}

/** Money in and out of the shown rows in one currency (minor units; never summed across currencies). */
export interface CurrencyTotals {
  currency: string;
  moneyIn: number;
  moneyOut: number;
  credits: number;
  debits: number;
}

/** The rows a table shows: indices into `rows` in display order, with their totals. */
export class TransactionView {
  constructor(
    readonly rows: readonly TransactionInput[],
    /** Indices into `rows`, in display order. */
    readonly order: Uint32Array,
    readonly filters: NormalFilters,
    readonly sort: SortSpec,
    readonly totals: readonly CurrencyTotals[],
    /** Completes a row as it leaves (the index's, so that a row is always the same object). */
    private readonly complete: (t: TransactionInput) => Transaction = (t) => completeTransaction(t, 'NGN'),
  ) {}

  get length(): number {
    return this.order.length;
  }

  /** The row shown at `position`, complete (see `completeTransaction`); undefined past the end. */
  at(position: number): Transaction {
    const t = this.rows[this.order[position]];
    return t && this.complete(t);
  }

  toArray(): Transaction[] {
    const out = new Array<Transaction>(this.order.length);
    for (let i = 0; i < out.length; i++) out[i] = this.complete(this.rows[this.order[i]]);
    return out;
  }

  /** No rows (not "no rows shown of these rows"), so a later filter never narrows from it. */
  static empty(sort: SortSpec = DEFAULT_SORT, index?: TransactionIndex): TransactionView {
    return new TransactionView([], new Uint32Array(0), {}, sort, [], index?.complete);
  }
}

const signedAmount = (t: TransactionInput) => (t.type === 'credit' ? t.amount : -t.amount);

/**
 * A formatted amount's width in digit widths: separators and spaces (French groups with narrow spaces) count
 * less than a digit, letters and signs ("NGN", "₦", "+") more.
 */
export const digitWidths = (money: string): number => {
  let width = 0;
  for (const c of money) width += c >= '0' && c <= '9' ? 1 : /[\s.,'’]/.test(c) ? 0.4 : 1.25;
  return width;
};

/** What one pass over a set of rows finds (`TransactionIndex.summary`). */
export interface RowsSummary {
  /** Each row is no older than the next (Mono answers newest first): the source order is the date order. */
  newestFirst: boolean;
  /** Each row is no newer than the next (a host's own rows, say). */
  oldestFirst: boolean;
  /** The largest amount and absolute balance (minor units). */
  largest: { amount: number; balance: number };
  /** The rows' categories, each once (their words' length depends on the locale). */
  categories: ReadonlySet<string>;
  /** The rows' currencies, the index's own among them. */
  currencies: readonly string[];
  /** Money in and out of every row, per currency. */
  totals: readonly CurrencyTotals[];
}

/** Money in and out per currency, summed row by row. */
class Tally {
  readonly #byCurrency = new Map<string, CurrencyTotals>();
  #last?: CurrencyTotals;

  add(t: TransactionInput, currency: string): void {
    let b = this.#last;
    if (b?.currency !== currency) {
      b = this.#byCurrency.get(currency);
      if (!b) this.#byCurrency.set(currency, (b = { currency, moneyIn: 0, moneyOut: 0, credits: 0, debits: 0 }));
      this.#last = b;
    }
    if (t.type === 'credit') {
      b.moneyIn += t.amount;
      b.credits++;
    } else {
      b.moneyOut += t.amount;
      b.debits++;
    }
  }

  /** By currency code: the same order whatever the rows' order, filtered or not. */
  get totals(): CurrencyTotals[] {
    return [...this.#byCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
  }
}

/** One pass over the rows for everything that needs all of them: at 100k rows, one loop instead of three. */
function summarise(rows: readonly TransactionInput[], currency: string): RowsSummary {
  const tally = new Tally();
  let newestFirst = true;
  let oldestFirst = true;
  let previous = '';
  let amount = 0;
  let balance = 0;
  const categories = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i];
    if (i > 0 && previous < t.date) newestFirst = false;
    if (i > 0 && previous > t.date) oldestFirst = false;
    previous = t.date;
    if (t.amount > amount) amount = t.amount;
    const b = Math.abs(t.balance ?? 0);
    if (b > balance) balance = b;
    if (t.category) categories.add(t.category);
    tally.add(t, t.currency ?? currency);
  }
  const totals = tally.totals;
  return { newestFirst, oldestFirst, largest: { amount, balance }, categories, currencies: [...new Set([currency, ...totals.map((t) => t.currency)])], totals };
}

/**
 * How wide the rows' widest values are, so that their columns fit them: the amount and balance in digit
 * widths, formatted as the table shows them (signed, in each of the rows' currencies), and the longest category in
 * characters, in the locale's words. No amount is ever cut, and the narration gets the room that usual values leave.
 */
export function columnWidths({ largest, currencies, categories }: RowsSummary, locale: string): { amount: number; balance: number; category: number } {
  const chars = (minor: number, options?: MoneyFormatOptions) => Math.max(...currencies.map((c) => digitWidths(formatMoney(-minor, c, locale, options))));
  let category = 0;
  for (const c of categories) category = Math.max(category, codeWords(locale, 'category', c).length);
  return { amount: chars(largest.amount, { signDisplay: 'exceptZero' }), balance: chars(largest.balance), category };
}

/**
 * Everything a table needs to sort and filter one set of rows fast: sorted orders are computed once per
 * key and reused for both directions.
 */
export class TransactionIndex {
  /** Every row index in each key's descending order, then ascending. */
  readonly #orders = new Map<SortName, Uint32Array>();

  /** Rows completed so far: each incomplete row is completed once, so it is the same object every time it leaves. */
  readonly #completed = new WeakMap<TransactionInput, Transaction>();
  #summary?: RowsSummary;

  constructor(
    readonly rows: readonly TransactionInput[],
    /** The currency of rows that name none. */
    readonly currency = 'NGN',
  ) {}

  readonly complete = (t: TransactionInput): Transaction => {
    let done = this.#completed.get(t);
    if (!done) {
      done = completeTransaction(t, this.currency);
      if (done !== t) this.#completed.set(t, done);
    }
    return done;
  };

  get summary(): RowsSummary {
    return (this.#summary ??= summarise(this.rows, this.currency));
  }

  /** Every row index in `sort` order. Ties keep the source order in the descending direction. */
  order(sort: SortSpec): Uint32Array {
    const name = sortName(sort);
    let order = this.#orders.get(name);
    if (!order) {
      if (sort.direction === 'asc') order = this.order({ key: sort.key, direction: 'desc' }).slice().reverse();
      else if (sort.key === 'amount') order = this.#byKeyDesc(signedAmount);
      // Mono answers newest first, so usually the source order already is the order (no sort). Rows given oldest
      // first are read backwards, so that rows of one time keep their running order too.
      else order = this.summary.newestFirst ? identity(this.rows.length) : this.summary.oldestFirst ? identity(this.rows.length).reverse() : this.#byKeyDesc((t) => Date.parse(t.date) || 0);
      this.#orders.set(name, order);
    }
    return order;
  }

  #byKeyDesc(key: (t: TransactionInput) => number): Uint32Array {
    const n = this.rows.length;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = key(this.rows[i]);
    return identity(n).sort((a, b) => keys[b] - keys[a] || a - b);
  }

  /**
   * A filter run over the rows in `sort` order. When `previous` was computed on this index with the same
   * sort and its filters include every row the new ones match (the user typed one more letter), only the
   * previous result is scanned.
   */
  query(filters: NormalFilters, sort: SortSpec, previous?: TransactionView): FilterJob {
    const narrowing = previous !== undefined && previous.rows === this.rows && sameSort(previous.sort, sort) && covers(previous.filters, filters);
    return new FilterJob(this, filters, sort, narrowing ? previous.order : this.order(sort));
  }
}

/**
 * Case-insensitive "contains" for a narration: a literal pattern with the `i` flag matches each row as it
 * is, where lower-casing every narration would allocate a copy of each (megabytes at 100k rows) and take
 * longer on the first search than the search itself.
 */
export function narrationMatcher(needle: string): RegExp {
  return new RegExp(needle.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'iu');
}

function identity(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** One filter pass, done in slices: `step(budgetMs)` works until the budget is spent and says whether it finished. */
export class FilterJob {
  #position = 0;
  #count = 0;
  readonly #out: Uint32Array;
  readonly #tally = new Tally();
  readonly #index: TransactionIndex;
  readonly #source: Uint32Array;
  result?: TransactionView;

  constructor(
    index: TransactionIndex,
    readonly filters: NormalFilters,
    readonly sort: SortSpec,
    source: Uint32Array,
  ) {
    this.#index = index;
    this.#source = source;
    // No filter: every row is shown in the source order, which is then the result itself (read-only,
    // shared with the index), with the totals of all rows: there is nothing to pass over.
    const all = !filters.start && !filters.end && !filters.narration && !filters.type;
    this.#out = all ? source : new Uint32Array(source.length);
    // (A copy: every view of the index would otherwise share the summary's objects.)
    if (all) this.result = new TransactionView(index.rows, source, filters, sort, index.summary.totals.map((t) => ({ ...t })), index.complete);
  }

  get done(): boolean {
    return this.result !== undefined;
  }

  step(budgetMs: number): boolean {
    if (this.result) return true;
    const deadline = performance.now() + budgetMs;
    const source = this.#source;
    const index = this.#index;
    const { filters } = this;
    const out = this.#out;
    const from = filters.start;
    const until = filters.end ? dayAfter(filters.end) : undefined;
    const needle = filters.narration ? narrationMatcher(filters.narration) : undefined;
    const type = filters.type;
    const rows = index.rows;
    const total = isBadRange(filters) ? 0 : source.length;
    let pos = this.#position;
    let count = this.#count;
    while (pos < total) {
      const end = Math.min(pos + 4096, total);
      for (; pos < end; pos++) {
        const i = source[pos];
        const t = rows[i];
        if (type !== undefined && t.type !== type) continue;
        if (from !== undefined && t.date < from) continue;
        if (until !== undefined && t.date >= until) continue;
        if (needle !== undefined && !needle.test(t.narration)) continue;
        out[count++] = i;
        this.#tally.add(t, t.currency ?? index.currency);
      }
      if (pos < total && performance.now() >= deadline) {
        this.#position = pos;
        this.#count = count;
        return false;
      }
    }
    this.result = new TransactionView(rows, out.slice(0, count), filters, this.sort, this.#tally.totals, index.complete);
    return true;
  }
}

/** Yields to the event loop without setTimeout's 4 ms clamp, so a long filter run lets frames paint. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
