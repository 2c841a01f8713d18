import { normalizeDate, run, type ParseResult } from '../../model/common.js';
import { transactionList, type Transaction } from '../../model/transactions.js';

/** What `normalizeDate` gives for date-times (`toISOString()`), or a plain day; years 1900–2199. */
const CANONICAL_DATE_TIME = /^(19|2[01])\d{2}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const canonicalDate = (d: unknown): d is string => typeof d === 'string' && (CANONICAL_DATE_TIME.test(d) || (DAY.test(d) && normalizeDate(d) === d));

/**
 * A row already in the shape the schema would produce (normalised `Transaction`s, and Mono's v2 rows,
 * which differ only in lacking `currency`): checked field by field, far cheaper than the schema.
 */
function plainRow(t: unknown, needsCurrency: boolean): boolean {
  if (typeof t !== 'object' || t === null) return false;
  const r = t as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    typeof r.narration === 'string' &&
    Number.isSafeInteger(r.amount) &&
    (r.amount as number) >= 0 &&
    (r.type === 'credit' || r.type === 'debit') &&
    (r.balance === null || Number.isSafeInteger(r.balance) || (!needsCurrency && r.balance === undefined)) &&
    canonicalDate(r.date) &&
    (r.category === null || typeof r.category === 'string' || (!needsCurrency && r.category === undefined)) &&
    (needsCurrency ? typeof r.currency === 'string' && /^[A-Z]{3}$/.test(r.currency) : r.currency === undefined)
  );
}

/**
 * Rows a host hands over directly. Normalised `Transaction`s pass as they are and Mono's plain v2 rows are
 * completed (NGN where no currency is named, as the schema does), each with one cheap check per row, so
 * 100,000 rows take milliseconds. Anything else (v1 rows, numeric strings, day-first dates…) goes through
 * the schema, which normalises it or names the path that broke.
 */
export function readTransactions(input: unknown): ParseResult<readonly Transaction[]> {
  if (Array.isArray(input)) {
    let normalised = true;
    for (let i = 0; i < input.length && normalised; i++) normalised = plainRow(input[i], true);
    if (normalised) return { ok: true, value: input as Transaction[] };
    let rawV2 = true;
    for (let i = 0; i < input.length && rawV2; i++) rawV2 = plainRow(input[i], false);
    if (rawV2) {
      const rows = input as Omit<Transaction, 'currency'>[];
      return {
        ok: true,
        value: rows.map((r) => ({ id: r.id, narration: r.narration, amount: r.amount, type: r.type, balance: r.balance ?? null, date: r.date, category: r.category ?? null, currency: 'NGN' })),
      };
    }
  }
  return run(transactionList, input);
}
