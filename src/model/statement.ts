import * as z from './schema.js';
import { isEmptyPayload, isRecord, optionalText, run, text, tooLargeToAdd, unrecognised, type ParseResult } from './common.js';
import { transactionList, type Transaction } from './transactions.js';

export interface StatementJson {
  /** Newest first, as Mono sends them. */
  transactions: Transaction[];
  count: number;
}

export type StatementJobStatus = 'building' | 'built' | 'failed';

export interface StatementJob {
  id: string;
  status: StatementJobStatus;
  /** Mono's status text, kept for display and debugging. */
  statusText: string;
  /** Where the PDF lives once built (Mono's URL; hosts stream it through their own route). */
  path: string | null;
}

const json = z.object({
  data: transactionList,
  meta: z.nullish(z.object({ count: z.nullish(z.number()) })),
});

export function parseStatement(body: unknown): ParseResult<StatementJson> {
  if (isRecord(body) && body.data === null && isEmptyPayload(body)) return { ok: true, value: { transactions: [], count: 0 } };
  if (!isRecord(body) || !Array.isArray(body.data)) return unrecognised('statement');
  const r = run(json, body);
  if (!r.ok) return r;
  return tooLargeToAdd(r.value.data, (t) => t.amount, 'data') ?? { ok: true, value: { transactions: r.value.data, count: r.value.meta?.count ?? r.value.data.length } };
}

const job = z.object({ data: z.object({ id: text, status: text, path: optionalText }) });

/** Only BUILDING keeps a job running and only BUILT is success: Mono's other terminal states are not documented. */
export function parseStatementJob(body: unknown): ParseResult<StatementJob> {
  if (!isRecord(body)) return unrecognised('statement job');
  const r = run(job, isRecord(body.data) ? body : { data: body });
  if (!r.ok) return r;
  const { id, status, path } = r.value.data;
  const upper = status.trim().toUpperCase();
  const normalized: StatementJobStatus = upper === 'BUILDING' ? 'building' : upper === 'BUILT' ? 'built' : 'failed';
  return { ok: true, value: { id, status: normalized, statusText: status, path } };
}
