import { MonoClientCore, type CallInit, type MonoClientOptions, type Query, type RequestOptions } from './core.js';
import { MonoError, toMonoError } from './errors.js';
import * as connectParsers from '../model/connect.js';
import * as transport from './transport.js';
import { send, withSignal } from './transport.js';
import { wait } from '../core/poll.js';

export type { CallInit, HeadersSource, InitiateRequest, MonoClientOptions, Query, RequestOptions } from './core.js';

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

/**
 * What the elements load through: the transport of `MonoClientCore` (typed errors, initiate and exchange)
 * plus, for GETs, a cache, de-duplication while in flight and retries with backoff; POSTs go out exactly
 * once. It knows no resource: each is a function of resources.ts with its own parser, so a bundle carries
 * only the parsers of the elements it uses. `MonoClient` adds every resource as a method, for hosts.
 */
export class MonoDataClient extends MonoClientCore {
  readonly #settings: Required<Pick<MonoClientOptions, 'retries' | 'retryDelay' | 'maxRetryDelay' | 'maxRetryAfter' | 'cacheTime'>> & MonoClientOptions =
    { ...CACHE_AND_RETRY_DEFAULTS, ...this.options };
  private readonly entries = new Map<string, Entry>();
  readonly #listeners = new Set<(accountId: string | undefined) => void>();

  /** One request to the host backend, parsed by `init.parse`: how every resource function loads. */
  request<T>(init: CallInit<T>, o?: RequestOptions): Promise<T> {
    return this.call(init, o);
  }

  /** How many invalidations so far, and the last one's number per account (undefined: all of them). */
  #invalidations = 0;
  readonly #lastInvalidation = new Map<string | undefined, number>();

  /** Forget cached answers (for one account, or all) and tell every listening element to reload. */
  invalidate(accountId?: string): void {
    for (const [key, entry] of this.entries) {
      if (accountId === undefined || entry.accountId === accountId) this.entries.delete(key);
    }
    this.#lastInvalidation.set(accountId, ++this.#invalidations);
    for (const listener of [...this.#listeners]) listener(accountId);
  }

  /** A mark to compare with `invalidatedSince` later: an element off the page hears no invalidation. */
  get invalidations(): number {
    return this.#invalidations;
  }

  /** Whether `accountId` (or every account) was invalidated after `mark` was taken. */
  invalidatedSince(mark: number, accountId: string | undefined): boolean {
    return (this.#lastInvalidation.get(undefined) ?? 0) > mark || (this.#lastInvalidation.get(accountId) ?? 0) > mark;
  }

  /** Called after `invalidate()`; returns the unsubscribe function. */
  onInvalidate(listener: (accountId: string | undefined) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  protected override urlOf(init: CallInit<unknown>): string {
    return `${super.urlOf(init)}${queryString(init.query)}`;
  }

  protected override transport() {
    return transport;
  }

  protected override connectParsers() {
    return Promise.resolve(connectParsers);
  }

  /** GETs: cached, de-duplicated while in flight and retried with backoff. POSTs: once, as the core sends them. */
  protected override call<T>(init: CallInit<T>, o: RequestOptions = {}): Promise<T> {
    // Given up already: nothing leaves the page (the transport would start the request before it looks at the signal).
    if (o.signal?.aborted) return Promise.reject(new MonoError('aborted', 'The request was cancelled'));
    if (init.method !== 'GET' || init.once) return super.call(init, o);
    const url = this.urlOf(init);
    if (init.cache === false) {
      const controller = new AbortController();
      return withSignal(this.#fetchWithRetry(init, url, controller.signal), controller, o.signal) as Promise<T>;
    }
    const entry = this.#entryFor(url, init, o.fresh);
    entry.waiters++;
    return withSignal(entry.promise, entry.controller, o.signal, () => {
      if (--entry.waiters === 0 && !entry.settled) {
        entry.controller.abort();
        if (this.entries.get(url) === entry) this.entries.delete(url);
      }
    }) as Promise<T>;
  }

  #entryFor<T>(url: string, init: CallInit<T>, fresh?: boolean): Entry {
    const existing = this.entries.get(url);
    const reusable =
      existing && (!existing.settled || (!fresh && Date.now() - existing.storedAt < this.#settings.cacheTime));
    if (existing && reusable) return existing;
    // Answers past their time go as a new one comes in: a provider that lives as long as the page keeps only what it
    // may reuse (one entry per URL ever asked, each with its rows, grew without end).
    const now = Date.now();
    for (const [key, old] of this.entries) if (old.settled && now - old.storedAt >= this.#settings.cacheTime) this.entries.delete(key);
    const controller = new AbortController();
    const entry: Entry = { controller, waiters: 0, settled: false, storedAt: 0, accountId: init.accountId, promise: undefined! };
    entry.promise = this.#fetchWithRetry(init, url, controller.signal).then(
      (value) => {
        entry.settled = true;
        entry.storedAt = Date.now();
        if (this.#settings.cacheTime <= 0 && this.entries.get(url) === entry) this.entries.delete(url);
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

  async #fetchWithRetry<T>(init: CallInit<T>, url: string, signal: AbortSignal): Promise<T> {
    const { retries, retryDelay, maxRetryDelay, maxRetryAfter } = this.#settings;
    const random = this.#settings.random ?? Math.random;
    for (let attempt = 0; ; attempt++) {
      try {
        return await send(this.options, init, url, signal);
      } catch (e) {
        const error = toMonoError(e);
        if (!error.transient || attempt >= retries || signal.aborted) throw error;
        const ceiling = Math.min(maxRetryDelay, retryDelay * 2 ** attempt);
        let delay = ceiling / 2 + (random() * ceiling) / 2;
        if (error.retryAfter !== undefined) {
          if (error.retryAfter * 1000 > maxRetryAfter) throw error;
          delay = Math.max(delay, error.retryAfter * 1000);
        }
        await wait(delay, signal, 'The request was cancelled');
      }
    }
  }
}
