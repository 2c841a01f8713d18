import { toCsv, type CsvColumn, type CsvValue } from '../../core/csv.js';
import { minorToDecimal } from '../../core/format.js';
import { transactionText as msg } from '../../i18n/en-transactions.js';
import type { Transaction } from '../../model/transactions.js';

/**
 * Transactions as CSV: ISO date, narration, the bank's category, type, signed amount and balance as exact
 * decimals (never floats), currency and id. Narrations are neutralised against formula injection.
 */
export function transactionsToCsv(rows: Iterable<Transaction>, locale = 'en'): string {
  const columns: CsvColumn[] = [
    { header: msg(locale, 'txnDate') },
    { header: msg(locale, 'txnNarration') },
    { header: msg(locale, 'txnCategory') },
    { header: msg(locale, 'txnType') },
    { header: msg(locale, 'txnAmount'), numeric: true },
    { header: msg(locale, 'txnCurrency') },
    { header: msg(locale, 'txnBalance'), numeric: true },
    { header: msg(locale, 'txnId') },
  ];
  function* lines(): Generator<CsvValue[]> {
    for (const t of rows) {
      yield [
        t.date,
        t.narration,
        t.category,
        t.type,
        minorToDecimal(t.type === 'credit' ? t.amount : -t.amount, t.currency),
        t.currency,
        t.balance === null ? null : minorToDecimal(t.balance, t.currency),
        t.id,
      ];
    }
  }
  return toCsv(columns, lines());
}
