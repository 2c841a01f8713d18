import * as z from './schema.js';
import { aliased, isoDate, isRecord, minorUnits, normalizeCurrency, normalizeDate, optionalText, run, text, unrecognised, type ParseResult } from './common.js';

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

export interface TransactionsPage {
  transactions: Transaction[];
  /** Total matching transactions across all pages. */
  total: number;
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
      // A signed amount with no usable type still says which way the money went.
      const type = t.type ?? (t.amount < 0 ? 'debit' : t.amount > 0 ? 'credit' : null);
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
  return {
    transactions,
    total: p?.total != null && p.total >= transactions.length ? Math.floor(p.total) : transactions.length,
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
    (r.amount as number) >= 0 &&
    (r.type === 'credit' || r.type === 'debit') &&
    (r.balance === null || Number.isSafeInteger(r.balance) || (!withCurrency && r.balance === undefined)) &&
    canonicalDate(r.date) &&
    (r.category === null || typeof r.category === 'string' || (!withCurrency && r.category === undefined)) &&
    (withCurrency ? typeof r.currency === 'string' && /^[A-Z]{3}$/.test(r.currency) : r.currency === undefined)
  );
}

/**
 * Rows that need no schema: normalised `Transaction`s pass as they are and Mono's plain v2 rows are
 * completed (NGN where no currency is named, as the schema does). Undefined when any row is irregular
 * (v1 `_id`, numeric strings, day-first dates…): those go through the schema, which normalises them or
 * names the path that broke. 100,000 rows take milliseconds this way instead of a schema pass.
 */
export function plainTransactions(rows: unknown): Transaction[] | undefined {
  if (!Array.isArray(rows)) return undefined;
  let normalised = true;
  for (let i = 0; i < rows.length && normalised; i++) normalised = plainRow(rows[i], true);
  if (normalised) return rows as Transaction[];
  for (let i = 0; i < rows.length; i++) if (!plainRow(rows[i], false)) return undefined;
  return (rows as Omit<Transaction, 'currency'>[]).map((r) => ({
    id: r.id,
    narration: r.narration,
    amount: r.amount,
    type: r.type,
    balance: r.balance ?? null,
    date: r.date,
    category: r.category ?? null,
    currency: 'NGN',
  }));
}

const pagingOnly = z.object({ meta: z.optional(z.nullable(paging)), paging: z.optional(paging) });

export function parseTransactions(body: unknown): ParseResult<TransactionsPage> {
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
  if (isRecord(body.data) && 'transactions' in body.data) {
    const r = run(v1, body);
    return r.ok ? { ok: true, value: toPage(r.value.data.transactions, r.value.data.paging) } : r;
  }
  return unrecognised('transactions');
}
