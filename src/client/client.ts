import {
  parseAccount,
  parseAssets,
  parseEarnings,
  parseIdentity,
  parseIncomeAnalysis,
  parseIncomeRecords,
  parseJob,
  parseStatement,
  parseStatementJob,
  parseSync,
  parseTransactions,
} from '../model/index.js';
import { encodeId, MonoClientCore, type Query, type RequestOptions } from './core.js';

export type { CallInit, HeadersSource, InitiateRequest, MonoClientOptions, Query, RequestOptions } from './core.js';

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

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Mono wants `DD-MM-YYYY`; ISO days (what `<input type=date>` gives) are converted. */
export const toMonoDate = (d: string | undefined) => {
  const m = d ? ISO_DAY.exec(d) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : d;
};

/**
 * The kit's client: the transport of `MonoClientCore` (cache, de-duplication, retries, typed errors,
 * initiate and exchange) plus every data resource of the host backend, each parsed into the normalised
 * model.
 */
export class MonoClient extends MonoClientCore {
  account(accountId: string, o?: RequestOptions) {
    return this.get(`/accounts/${encodeId(accountId)}`, parseAccount, accountId, undefined, o);
  }

  transactions(accountId: string, q: TransactionQuery = {}, o?: RequestOptions) {
    const query: Query = { ...q, start: toMonoDate(q.start), end: toMonoDate(q.end) };
    return this.get(`/accounts/${encodeId(accountId)}/transactions`, parseTransactions, accountId, query, o);
  }

  /** Statement JSON for the last `months` (1–12). */
  statement(accountId: string, months: StatementPeriod, o?: RequestOptions) {
    return this.get(`/accounts/${encodeId(accountId)}/statement`, parseStatement, accountId, statementQuery(months, 'json'), o);
  }

  /** Starts a PDF statement job; never cached, since each answer is a new job. */
  requestStatementPdf(accountId: string, months: StatementPeriod, o?: RequestOptions) {
    return this.call({ method: 'GET', path: `/accounts/${encodeId(accountId)}/statement`, query: statementQuery(months, 'pdf'), parse: parseStatementJob, cache: false, accountId }, o);
  }

  statementJob(accountId: string, jobId: string, o?: RequestOptions) {
    return this.call({ method: 'GET', path: `/accounts/${encodeId(accountId)}/statement/jobs/${encodeId(jobId)}`, parse: parseStatementJob, cache: false, accountId }, o);
  }

  /** Where the host streams a built statement PDF. */
  statementPdfUrl(accountId: string, jobId: string): string {
    return `${this.endpoint}/accounts/${encodeId(accountId)}/statement/jobs/${encodeId(jobId)}/pdf`;
  }

  identity(accountId: string, o?: RequestOptions) {
    return this.get(`/accounts/${encodeId(accountId)}/identity`, parseIdentity, accountId, undefined, o);
  }

  incomeRecords(accountId: string, o?: RequestOptions) {
    return this.get(`/accounts/${encodeId(accountId)}/income-records`, parseIncomeRecords, accountId, undefined, o);
  }

  startIncomeAnalysis(accountId: string, o?: RequestOptions) {
    return this.call({ method: 'POST', path: `/accounts/${encodeId(accountId)}/income`, body: {}, parse: parseIncomeAnalysis, accountId }, o);
  }

  assets(accountId: string, o?: RequestOptions) {
    return this.get(`/accounts/${encodeId(accountId)}/assets`, parseAssets, accountId, undefined, o);
  }

  earnings(accountId: string, o?: RequestOptions) {
    return this.get(`/accounts/${encodeId(accountId)}/earnings`, parseEarnings, accountId, undefined, o);
  }

  sync(accountId: string, o?: RequestOptions) {
    return this.call({ method: 'POST', path: `/accounts/${encodeId(accountId)}/sync`, body: {}, parse: parseSync, accountId }, o);
  }

  job(accountId: string, jobId: string, o?: RequestOptions) {
    return this.call({ method: 'GET', path: `/accounts/${encodeId(accountId)}/jobs/${encodeId(jobId)}`, parse: parseJob, cache: false, accountId }, o);
  }
}

function statementQuery(months: number, output: 'json' | 'pdf'): Query {
  const n = Math.min(12, Math.max(1, Math.round(Number(months) || 1)));
  return { period: `last${n}month${n === 1 ? '' : 's'}`, output };
}
