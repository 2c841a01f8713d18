import * as z from 'zod/mini';
import { aliased, isoDate, isRecord, minorUnits, normalizeCurrency, optionalText, run, text, unrecognised, type ParseResult } from './common.js';

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
  z.transform((raw): TransactionType | null => {
    const t = raw?.trim().toLowerCase();
    return t === 'credit' || t === 'cr' ? 'credit' : t === 'debit' || t === 'dr' ? 'debit' : null;
  }),
);

export const transactionSchema = aliased(
  { _id: 'id' },
  z.pipe(
    z.object({
      id: text,
      narration: z._default(text, ''),
      amount: minorUnits,
      type: direction,
      balance: z.nullish(minorUnits),
      date: isoDate,
      category: optionalText,
      currency: optionalText,
    }),
    z.transform((t, ctx): Transaction => {
      // A signed amount with no usable type still says which way the money went.
      const type = t.type ?? (t.amount < 0 ? 'debit' : t.amount > 0 ? 'credit' : null);
      if (!type) {
        ctx.issues.push({ code: 'custom', message: 'expected type "debit" or "credit"', input: t.type, path: ['type'] });
        return z.NEVER;
      }
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
    }),
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

export function parseTransactions(body: unknown): ParseResult<TransactionsPage> {
  if (!isRecord(body)) return unrecognised('transactions');
  if (Array.isArray(body.data)) {
    const r = run(v2, body);
    return r.ok ? { ok: true, value: toPage(r.value.data, r.value.meta ?? r.value.paging) } : r;
  }
  if (isRecord(body.data) && 'transactions' in body.data) {
    const r = run(v1, body);
    return r.ok ? { ok: true, value: toPage(r.value.data.transactions, r.value.data.paging) } : r;
  }
  return unrecognised('transactions');
}
