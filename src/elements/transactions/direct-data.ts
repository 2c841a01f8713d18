import { run, type ParseResult } from '../../model/common.js';
import { plainTransactions, transactionList, type Transaction } from '../../model/transactions.js';

/**
 * Rows a host hands over directly. Normalised `Transaction`s pass as they are and Mono's plain v2 rows are
 * completed (NGN where no currency is named, as the schema does), each with one cheap check per row, so
 * 100,000 rows take milliseconds. Anything else (v1 rows, numeric strings, day-first dates…) goes through
 * the schema, which normalises it or names the path that broke.
 */
export function readTransactions(input: unknown): ParseResult<readonly Transaction[]> {
  const fast = plainTransactions(input);
  return fast ? { ok: true, value: fast } : run(transactionList, input);
}
