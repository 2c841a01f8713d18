import type { StatementJson } from '../../model/statement.js';
import type { Transaction } from '../../model/transactions.js';

export interface CurrencyTotals {
  currency: string;
  /** Sum of credits, minor units. */
  moneyIn: number;
  /** Sum of debits, minor units (positive). */
  moneyOut: number;
}

/** A statement with what the view derives from it; still a `StatementJson` (`transactions`, `count`). */
export interface StatementView extends StatementJson {
  months: number;
  /** Newest first (stable for equal dates). */
  transactions: Transaction[];
  /** The account's currency, or the rows' when the account could not be read. */
  currency: string;
  /** One entry per currency: amounts in different currencies are never added together. */
  totals: CurrencyTotals[];
  /** Balance before the oldest row: its running balance minus a credit, plus a debit. Null when unknown. */
  opening: number | null;
  /** The newest row's running balance. Null when unknown. */
  closing: number | null;
}

/**
 * Orders the rows newest first and derives totals and balances. Amounts are integers in minor units whose
 * sum the parser checked to be safe, so every total here is exact; an opening balance that would not be is unknown.
 */
export function summarise(statement: StatementJson, months: number, accountCurrency?: string | null): StatementView {
  // Sorting is stable: rows of the same date keep the bank's order.
  const rows = statement.transactions
    .map((t) => (accountCurrency ? { ...t, currency: accountCurrency } : t))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const byCurrency = new Map<string, CurrencyTotals>();
  for (const t of rows) {
    let totals = byCurrency.get(t.currency);
    if (!totals) byCurrency.set(t.currency, (totals = { currency: t.currency, moneyIn: 0, moneyOut: 0 }));
    if (t.type === 'credit') totals.moneyIn += t.amount;
    else totals.moneyOut += t.amount;
  }
  const single = byCurrency.size <= 1;
  const newest = rows[0];
  const oldest = rows[rows.length - 1];
  const closing = single ? (newest?.balance ?? null) : null;
  const before = single && oldest && oldest.balance !== null ? oldest.balance + (oldest.type === 'credit' ? -oldest.amount : oldest.amount) : null;
  const opening = before !== null && Number.isSafeInteger(before) ? before : null;
  return {
    months,
    transactions: rows,
    count: rows.length,
    currency: accountCurrency || newest?.currency || 'NGN',
    totals: [...byCurrency.values()],
    opening,
    closing,
  };
}

/** The months a `period` attribute asks for: a whole number from 1 to 12 (3 when unusable). */
export function normalisePeriod(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n)) return 3;
  return Math.min(12, Math.max(1, Math.round(n)));
}

/** `raw` resolved against the page, if it is an http(s) URL; anything else (javascript:, data:) is refused. */
export function safeHttpUrl(raw: string, base = typeof document === 'undefined' ? undefined : document.baseURI): string | null {
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
