// Every resource of the host backend as a function of a client, each with its own parser: an element
// imports the few it loads, so a bundle carries only those parsers (MonoClient's methods call these).
import { parseAccount } from '../model/account.js';
import { parseIdentity } from '../model/identity.js';
import { parseIncome, parseIncomeAnalysis } from '../model/income.js';
import { parseAssets, parseEarnings } from '../model/investments.js';
import { parseStatement, parseStatementJob } from '../model/statement.js';
import { parseJob, parseSync } from '../model/sync.js';
import { parseTransactions } from '../model/transactions.js';
import { DATE_ONLY } from '../model/base.js';
import { wait } from '../core/poll.js';
import { encodeId, type Query, type RequestOptions } from './core.js';
import type { MonoDataClient } from './data-client.js';

export interface TransactionQuery {
  /** `DD-MM-YYYY` or ISO `YYYY-MM-DD` (converted). */
  start?: string;
  end?: string;
  type?: 'credit' | 'debit';
  narration?: string;
  paginate?: boolean;
  limit?: number;
  page?: number;
}

export type StatementPeriod = number;

/** Mono wants `DD-MM-YYYY`; ISO days (what `<input type=date>` gives) are converted. */
export const toMonoDate = (d: string | undefined) => {
  const m = d ? DATE_ONLY.exec(d) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : d;
};

function statementQuery(months: number, output: 'json' | 'pdf'): Query {
  const n = Math.min(12, Math.max(1, Math.round(Number(months) || 1)));
  return { period: `last${n}month${n === 1 ? '' : 's'}`, output };
}

const accountPath = (accountId: string, rest = '') => `/accounts/${encodeId(accountId)}${rest}`;

export const getAccount = (client: MonoDataClient, accountId: string, o?: RequestOptions) =>
  client.request({ method: 'GET', path: accountPath(accountId), parse: parseAccount, accountId }, o);

/** How long rows that have arrived wait for their account's currency. */
const CURRENCY_WAIT_MS = 2_000;

/**
 * `rows` (a read that may name no currency) with the account's currency, read beside them and usually cached.
 * Once the rows are in, the account is waited for a moment only, never through its retries: without it the rows
 * show in the default currency, as when it fails. The read goes on while the element's loads last (the next
 * load joins it before this one ends), and fills the cache.
 */
export async function withAccountCurrency<R>(client: MonoDataClient, accountId: string, rows: Promise<R>, signal: AbortSignal): Promise<[R, string | undefined]> {
  const currency = getAccount(client, accountId, { signal }).then((a) => a.currency, () => undefined);
  const value = await rows;
  return [value, await Promise.race([currency, wait(CURRENCY_WAIT_MS, signal).then(() => undefined)])];
}

export function getTransactions(client: MonoDataClient, accountId: string, q: TransactionQuery = {}, o?: RequestOptions) {
  const query: Query = { ...q, start: toMonoDate(q.start), end: toMonoDate(q.end) };
  return client.request({ method: 'GET', path: accountPath(accountId, '/transactions'), query, parse: parseTransactions, accountId }, o);
}

/** Statement JSON for the last `months` (1–12). */
export const getStatement = (client: MonoDataClient, accountId: string, months: StatementPeriod, o?: RequestOptions) =>
  client.request({ method: 'GET', path: accountPath(accountId, '/statement'), query: statementQuery(months, 'json'), parse: parseStatement, accountId }, o);

/** Starts a PDF statement job: sent once and never cached, since each answer is a new job at Mono. */
export const requestStatementPdf = (client: MonoDataClient, accountId: string, months: StatementPeriod, o?: RequestOptions) =>
  client.request({ method: 'GET', path: accountPath(accountId, '/statement'), query: statementQuery(months, 'pdf'), parse: parseStatementJob, once: true, accountId }, o);

export const getStatementJob = (client: MonoDataClient, accountId: string, jobId: string, o?: RequestOptions) =>
  client.request({ method: 'GET', path: accountPath(accountId, `/statement/jobs/${encodeId(jobId)}`), parse: parseStatementJob, cache: false, accountId }, o);

/** Where the host streams a built statement PDF. */
export const statementPdfUrl = (client: MonoDataClient, accountId: string, jobId: string): string =>
  `${client.endpoint}${accountPath(accountId, `/statement/jobs/${encodeId(jobId)}/pdf`)}`;

export const getIdentity = (client: MonoDataClient, accountId: string, o?: RequestOptions) =>
  client.request({ method: 'GET', path: accountPath(accountId, '/identity'), parse: parseIdentity, accountId }, o);

/** Mono's income records, with the monthly credits a host like the reference backend adds beside them. */
export const getIncome = (client: MonoDataClient, accountId: string, o?: RequestOptions) =>
  client.request({ method: 'GET', path: accountPath(accountId, '/income-records'), parse: parseIncome, accountId }, o);

export const startIncomeAnalysis = (client: MonoDataClient, accountId: string, o?: RequestOptions) =>
  client.request({ method: 'POST', path: accountPath(accountId, '/income'), body: {}, parse: parseIncomeAnalysis, accountId }, o);

export const getAssets = (client: MonoDataClient, accountId: string, o?: RequestOptions) =>
  client.request({ method: 'GET', path: accountPath(accountId, '/assets'), parse: parseAssets, accountId }, o);

export const getEarnings = (client: MonoDataClient, accountId: string, o?: RequestOptions) =>
  client.request({ method: 'GET', path: accountPath(accountId, '/earnings'), parse: parseEarnings, accountId }, o);

export const startSync = (client: MonoDataClient, accountId: string, o?: RequestOptions) =>
  client.request({ method: 'POST', path: accountPath(accountId, '/sync'), body: {}, parse: parseSync, accountId }, o);

export const getJob = (client: MonoDataClient, accountId: string, jobId: string, o?: RequestOptions) =>
  client.request({ method: 'GET', path: accountPath(accountId, `/jobs/${encodeId(jobId)}`), parse: parseJob, cache: false, accountId }, o);
