import * as z from './schema.js';
import { aliased, isEmptyPayload, isoDate, isRecord, minorUnits, normalizeCurrency, normalizeDate, optionalText, run, text, tooLargeToAdd, unrecognised, type ParseResult } from './common.js';

export type TransactionType = 'credit' | 'debit';

export interface Transaction {
  id: string;
  /** Raw bank narration: hostile text, always render it as text. */
  narration: string;
  /** Minor units, always positive; the direction is `type`. */
  amount: number;
  type: TransactionType;
  /** Running balance after the transaction in minor units; null where the bank gives none. */
  balance: number | null;
  /** ISO-8601. */
  date: string;
  category: string | null;
  currency: string;
}

/**
 * A row as a host may hand it to the table: Mono's plain v2 rows name no currency and may leave out the
 * balance and the category. `completeTransaction` fills them in where a row leaves the table.
 */
export type TransactionInput = Omit<Transaction, 'currency' | 'balance' | 'category'> & Partial<Pick<Transaction, 'currency' | 'balance' | 'category'>>;

/** The row with what it left out filled in (`currency`, a null `balance` and `category`); a complete row as it is. */
export function completeTransaction(t: TransactionInput, currency: string): Transaction {
  if (t.currency !== undefined && t.balance !== undefined && t.category !== undefined) return t as Transaction;
  return {
    id: t.id,
    narration: t.narration,
    amount: t.amount,
    type: t.type,
    balance: t.balance ?? null,
    date: t.date,
    category: t.category ?? null,
    currency: t.currency ?? currency,
  };
}

export interface TransactionsPage {
  transactions: Transaction[];
  /** Total matching transactions across all pages, when the host says it (`totalKnown`); else this page's rows. */
  total: number;
  /** Whether the host sent the total (`meta.total`); without it, pages are known only as far as `hasNext`. */
  totalKnown: boolean;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

const direction = z.pipe(
  z.nullish(z.string()),
  (raw): TransactionType | null => {
    const t = raw?.trim().toLowerCase();
    return t === 'credit' || t === 'cr' ? 'credit' : t === 'debit' || t === 'dr' ? 'debit' : null;
  },
);

export const transactionSchema = aliased(
  { _id: 'id' },
  z.pipe(
    z.object({
      id: text,
      narration: z.withDefault(text, ''),
      amount: minorUnits,
      type: direction,
      balance: z.nullish(minorUnits),
      date: isoDate,
      category: optionalText,
      currency: optionalText,
    }),
    (t): Transaction => {
      // Mono's amounts are positive with the direction in `type`; only a negative amount says it by itself.
      const type = t.type ?? (t.amount < 0 ? 'debit' : null);
      if (!type) return z.fail('expected type "debit" or "credit"', ['type']);
      return {
        id: t.id,
        narration: t.narration,
        amount: Math.abs(t.amount),
        type,
        balance: t.balance ?? null,
        date: t.date,
        category: t.category,
        currency: normalizeCurrency(t.currency),
      };
    },
  ),
);

export const transactionList = z.array(transactionSchema);

const paging = z.object({
  total: z.optional(z.nullable(z.number())),
  page: z.optional(z.nullable(z.number())),
  previous: z.optional(z.nullable(z.string())),
  next: z.optional(z.nullable(z.string())),
});

/** v2 `{ data: [], meta }`, 2021 v1 `{ paging, data: [] }`, 2023 v1 `{ data: { paging, transactions } }`. */
const v2 = z.object({ data: transactionList, meta: z.optional(z.nullable(paging)), paging: z.optional(paging) });
const v1 = z.object({ data: z.object({ transactions: transactionList, paging: z.optional(paging) }) });

function toPage(transactions: Transaction[], p: z.infer<typeof paging> | null | undefined): TransactionsPage {
  const page = p?.page && p.page > 0 ? Math.floor(p.page) : 1;
  const totalKnown = p?.total != null && p.total >= transactions.length;
  return {
    transactions,
    total: totalKnown ? Math.floor(p.total!) : transactions.length,
    totalKnown,
    page,
    hasPrevious: p?.previous != null ? Boolean(p.previous) : page > 1,
    hasNext: Boolean(p?.next),
  };
}

/** What `normalizeDate` gives for date-times (`toISOString()`), or a plain day; years 1900–2199. */
const CANONICAL_DATE_TIME = /^(19|2[01])\d{2}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const canonicalDate = (d: unknown): d is string => typeof d === 'string' && (CANONICAL_DATE_TIME.test(d) || (DAY.test(d) && normalizeDate(d) === d));

/**
 * A row already in the shape the schema would produce: a normalised `Transaction` (`withCurrency`), or
 * Mono's plain v2 row, which differs only in lacking `currency`. One cheap check per field.
 */
function plainRow(t: unknown, withCurrency: boolean): boolean {
  if (typeof t !== 'object' || t === null) return false;
  const r = t as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    typeof r.narration === 'string' &&
    Number.isSafeInteger(r.amount) &&
    ((r.amount as number) > 0 || Object.is(r.amount, 0)) &&
    (r.type === 'credit' || r.type === 'debit') &&
    (r.balance === null || Number.isSafeInteger(r.balance) || (!withCurrency && r.balance === undefined)) &&
    canonicalDate(r.date) &&
    (r.category === null || typeof r.category === 'string' || (!withCurrency && r.category === undefined)) &&
    (withCurrency ? typeof r.currency === 'string' && /^[A-Z]{3}$/.test(r.currency) : r.currency === undefined)
  );
}

const everyRow = (rows: unknown[], withCurrency: boolean) => {
  for (let i = 0; i < rows.length; i++) if (!plainRow(rows[i], withCurrency)) return false;
  return true;
};

/**
 * Rows that need no schema, as they are: normalised `Transaction`s, or Mono's plain v2 rows (no currency;
 * balance and category may be left out), checked with one cheap test per row. Undefined when any row is
 * irregular (v1 `_id`, numeric strings, day-first dates, a mix of both kinds…): those need the schema,
 * which normalises them or names the path that broke.
 */
export function plainRows(rows: unknown): readonly TransactionInput[] | undefined {
  if (!Array.isArray(rows)) return undefined;
  return everyRow(rows, true) || everyRow(rows, false) ? (rows as TransactionInput[]) : undefined;
}

/**
 * `plainRows`, completed as the schema completes them (NGN where no currency is named): 100,000 rows take
 * milliseconds this way instead of a schema pass. Normalised rows come back as the same array.
 */
export function plainTransactions(rows: unknown): Transaction[] | undefined {
  if (!Array.isArray(rows)) return undefined;
  if (everyRow(rows, true)) return rows as Transaction[];
  return everyRow(rows, false) ? (rows as TransactionInput[]).map((r) => completeTransaction(r, 'NGN')) : undefined;
}

const pagingOnly = z.object({ meta: z.optional(z.nullable(paging)), paging: z.optional(paging) });

export function parseTransactions(body: unknown): ParseResult<TransactionsPage> {
  const r = readTransactions(body);
  return (r.ok && tooLargeToAdd(r.value.transactions, (t) => t.amount, 'data')) || r;
}

function readTransactions(body: unknown): ParseResult<TransactionsPage> {
  if (!isRecord(body)) return unrecognised('transactions');
  if (Array.isArray(body.data)) {
    const fast = plainTransactions(body.data);
    if (fast) {
      const p = run(pagingOnly, body);
      return p.ok ? { ok: true, value: toPage(fast, p.value.meta ?? p.value.paging) } : p;
    }
    const r = run(v2, body);
    return r.ok ? { ok: true, value: toPage(r.value.data, r.value.meta ?? r.value.paging) } : r;
  }
  if (body.data === null && isEmptyPayload(body)) return { ok: true, value: toPage([], undefined) };
  if (isRecord(body.data) && 'transactions' in body.data) {
    const r = run(v1, body);
    return r.ok ? { ok: true, value: toPage(r.value.data.transactions, r.value.data.paging) } : r;
  }
  return unrecognised('transactions');
}
