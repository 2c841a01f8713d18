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
  type ParseResult,
} from '../model/index.js';
import { encodeId, MonoClientCore, type CallInit, type MonoClientOptions, type Query, type RequestOptions } from './core.js';
import { MonoError, toMonoError } from './errors.js';
import * as connectParsers from '../model/connect.js';
import * as transport from './transport.js';
import { send, withSignal } from './transport.js';

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

const CACHE_AND_RETRY_DEFAULTS = {
  retries: 3,
  retryDelay: 400,
  maxRetryDelay: 8_000,
  maxRetryAfter: 30_000,
  cacheTime: 5 * 60_000,
};

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
  storedAt: number;
  accountId?: string;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new MonoError('aborted', 'The request was cancelled'));
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new MonoError('aborted', 'The request was cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const v = query[key];
    if (v !== undefined && v !== null && v !== '') params.set(key, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Mono wants `DD-MM-YYYY`; ISO days (what `<input type=date>` gives) are converted. */
export const toMonoDate = (d: string | undefined) => {
  const m = d ? ISO_DAY.exec(d) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : d;
};

/**
 * The kit's client: the transport of `MonoClientCore` (typed errors, initiate and exchange) plus every data
 * resource of the host backend, each parsed into the normalised model. GETs are cached, de-duplicated
 * while in flight and retried with backoff; POSTs go out exactly once.
 */
export class MonoClient extends MonoClientCore {
  private readonly settings: Required<Pick<MonoClientOptions, 'retries' | 'retryDelay' | 'maxRetryDelay' | 'maxRetryAfter' | 'cacheTime'>> & MonoClientOptions =
    { ...CACHE_AND_RETRY_DEFAULTS, ...this.options };
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(accountId: string | undefined) => void>();

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

  /** Forget cached answers (for one account, or all) and tell every listening element to reload. */
  invalidate(accountId?: string): void {
    for (const [key, entry] of this.entries) {
      if (accountId === undefined || entry.accountId === accountId) this.entries.delete(key);
    }
    for (const listener of [...this.listeners]) listener(accountId);
  }

  /** Called after `invalidate()`; returns the unsubscribe function. */
  onInvalidate(listener: (accountId: string | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected override urlOf(init: CallInit<unknown>): string {
    return `${super.urlOf(init)}${queryString(init.query)}`;
  }

  protected override transport() {
    return Promise.resolve(transport);
  }

  protected override connectParsers() {
    return Promise.resolve(connectParsers);
  }

  private get<T>(path: string, parse: (b: unknown) => ParseResult<T>, accountId: string, query?: Query, o?: RequestOptions) {
    return this.call({ method: 'GET', path, query, parse, accountId }, o);
  }

  /** GETs: cached, de-duplicated while in flight and retried with backoff. POSTs: once, as the core sends them. */
  protected override call<T>(init: CallInit<T>, o: RequestOptions = {}): Promise<T> {
    if (init.method !== 'GET') return super.call(init, o);
    const url = this.urlOf(init);
    if (init.cache === false) {
      const controller = new AbortController();
      return withSignal(this.fetchWithRetry(init, url, controller.signal), controller, o.signal) as Promise<T>;
    }
    const entry = this.entryFor(url, init, o.fresh);
    entry.waiters++;
    return withSignal(entry.promise, entry.controller, o.signal, () => {
      if (--entry.waiters === 0 && !entry.settled) {
        entry.controller.abort();
        if (this.entries.get(url) === entry) this.entries.delete(url);
      }
    }) as Promise<T>;
  }

  private entryFor<T>(url: string, init: CallInit<T>, fresh?: boolean): Entry {
    const existing = this.entries.get(url);
    const reusable =
      existing && (!existing.settled || (!fresh && Date.now() - existing.storedAt < this.settings.cacheTime));
    if (existing && reusable) return existing;
    const controller = new AbortController();
    const entry: Entry = { controller, waiters: 0, settled: false, storedAt: 0, accountId: init.accountId, promise: undefined! };
    entry.promise = this.fetchWithRetry(init, url, controller.signal).then(
      (value) => {
        entry.settled = true;
        entry.storedAt = Date.now();
        if (this.settings.cacheTime <= 0 && this.entries.get(url) === entry) this.entries.delete(url);
        return value;
      },
      (error) => {
        if (this.entries.get(url) === entry) this.entries.delete(url);
        throw error;
      },
    );
    // Waiters observe the promise through withSignal; this keeps an unobserved rejection quiet.
    entry.promise.catch(() => {});
    this.entries.set(url, entry);
    return entry;
  }

  private async fetchWithRetry<T>(init: CallInit<T>, url: string, signal: AbortSignal): Promise<T> {
    const { retries, retryDelay, maxRetryDelay, maxRetryAfter } = this.settings;
    const random = this.settings.random ?? Math.random;
    for (let attempt = 0; ; attempt++) {
      try {
        return await send(this.options, init, url, signal);
      } catch (e) {
        const error = toMonoError(e);
        if (!error.transient || attempt >= retries || signal.aborted) throw error;
        const ceiling = Math.min(maxRetryDelay, retryDelay * 2 ** attempt);
        let wait = ceiling / 2 + (random() * ceiling) / 2;
        if (error.retryAfter !== undefined) {
          if (error.retryAfter * 1000 > maxRetryAfter) throw error;
          wait = Math.max(wait, error.retryAfter * 1000);
        }
        await sleep(wait, signal);
      }
    }
  }
}

function statementQuery(months: number, output: 'json' | 'pdf'): Query {
  const n = Math.min(12, Math.max(1, Math.round(Number(months) || 1)));
  return { period: `last${n}month${n === 1 ? '' : 's'}`, output };
}
