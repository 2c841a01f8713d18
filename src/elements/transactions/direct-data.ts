import { run, type ParseResult } from '../../model/common.js';
import { plainRows, transactionList, type TransactionInput } from '../../model/transactions.js';

/**
 * Rows a host hands over directly. Normalised `Transaction`s and Mono's plain v2 rows pass as they are
 * (the table completes a plain row where it leaves the table), each with one cheap check per row, so
 * 100,000 rows take milliseconds and are never copied. Anything else (v1 rows, numeric strings, day-first
 * dates…) goes through the schema, which normalises it or names the path that broke.
 */
export function readTransactions(input: unknown): ParseResult<readonly TransactionInput[]> {
  const fast = plainRows(input);
  return fast ? { ok: true, value: fast } : run(transactionList, input);
}
