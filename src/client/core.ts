import { parseExchange, parseInitiation } from '../model/connect.js';
import type { ParseResult } from '../model/base.js';
import { MonoError, toMonoError } from './errors.js';

export type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface MonoClientOptions {
  /** Base URL of the host backend. Default `/api/mono`. */
  endpoint?: string;
  /** Replace `fetch` entirely (the host's own auth layer, tests). */
  fetch?: typeof fetch;
  /** Extra headers for every request, or a function returning them (e.g. a fresh CSRF token). */
  headers?: HeadersSource;
  /** Default `same-origin`. */
  credentials?: RequestCredentials;
  /** Per attempt, in ms. Default 20 000. */
  timeout?: number;
  /** Extra attempts for GETs after a transient failure. Default 3. POSTs are never repeated. */
  retries?: number;
  /** Base of the exponential backoff, in ms. Default 400. */
  retryDelay?: number;
  /** Cap of one backoff wait, in ms. Default 8 000. */
  maxRetryDelay?: number;
  /** Longest `Retry-After` honoured, in ms; a longer one surfaces as the error. Default 30 000. */
  maxRetryAfter?: number;
  /** How long a successful GET is reused, in ms. Default 5 minutes; 0 disables the cache. */
  cacheTime?: number;
  /** Jitter source; tests pass a fixed one. */
  random?: () => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Skip the cache for this call (the result still refreshes it). */
  fresh?: boolean;
}

export interface InitiateRequest {
  scope: 'auth' | 'reauth';
  account?: string;
  meta: { ref: string };
  institution?: { id: string; auth_method?: string };
  customer?: { id?: string; name?: string; email?: string };
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface CallInit<T> {
  method: 'GET' | 'POST';
  path: string;
  query?: Query;
  body?: unknown;
  parse: (body: unknown) => ParseResult<T>;
  /** GETs that poll a job must never be cached. */
  cache?: boolean;
  accountId?: string;
}

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
  storedAt: number;
  accountId?: string;
}

const DEFAULTS = {
  endpoint: '/api/mono',
  credentials: 'same-origin' as RequestCredentials,
  timeout: 20_000,
  retries: 3,
  retryDelay: 400,
  maxRetryDelay: 8_000,
  maxRetryAfter: 30_000,
  cacheTime: 5 * 60_000,
};

export const encodeId = (id: string) => {
  if (typeof id !== 'string' || id.trim() === '') throw new MonoError('config', 'An account id is required');
  return encodeURIComponent(id);
};

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

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

const REAUTH = /reauthori[sz]ation[ _-]?required|REAUTHORISATION_REQUIRED/i;

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

/**
 * The transport under `MonoClient`: talks to the host backend only. GETs are cached, de-duplicated while
 * in flight and retried with backoff; POSTs go out exactly once. Every failure is a `MonoError`. It knows
 * only the connect calls (initiate, exchange), whose parsers need no schema library: the connect button
 * loads this alone and stays small. `MonoClient` adds every data resource.
 */
export class MonoClientCore {
  readonly endpoint: string;
  private readonly options: Required<Omit<MonoClientOptions, 'fetch' | 'headers' | 'random'>> &
    Pick<MonoClientOptions, 'fetch' | 'headers' | 'random'>;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(accountId: string | undefined) => void>();

  constructor(options: MonoClientOptions = {}) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.options = { ...DEFAULTS, ...defined } as MonoClientCore['options'];
    this.endpoint = (this.options.endpoint || DEFAULTS.endpoint).replace(/\/+$/, '');
  }

  initiate(body: InitiateRequest, o?: RequestOptions) {
    return this.call({ method: 'POST', path: '/accounts/initiate', body, parse: parseInitiation }, o);
  }

  exchange(code: string, o?: RequestOptions) {
    return this.call({ method: 'POST', path: '/accounts/auth', body: { code }, parse: parseExchange }, o);
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

  protected get<T>(path: string, parse: (b: unknown) => ParseResult<T>, accountId: string, query?: Query, o?: RequestOptions) {
    return this.call({ method: 'GET', path, query, parse, accountId }, o);
  }

  protected call<T>(init: CallInit<T>, o: RequestOptions = {}): Promise<T> {
    const url = `${this.endpoint}${init.path}${queryString(init.query)}`;
    if (init.method !== 'GET' || init.cache === false) {
      const controller = new AbortController();
      return this.withSignal(this.fetchWithRetry(init, url, controller.signal), controller, o.signal) as Promise<T>;
    }
    const entry = this.entryFor(url, init, o.fresh);
    entry.waiters++;
    return this.withSignal(entry.promise, entry.controller, o.signal, () => {
      if (--entry.waiters === 0 && !entry.settled) {
        entry.controller.abort();
        if (this.entries.get(url) === entry) this.entries.delete(url);
      }
    }) as Promise<T>;
  }

  private entryFor<T>(url: string, init: CallInit<T>, fresh?: boolean): Entry {
    const existing = this.entries.get(url);
    const reusable =
      existing && (!existing.settled || (!fresh && Date.now() - existing.storedAt < this.options.cacheTime));
    if (existing && reusable) return existing;
    const controller = new AbortController();
    const entry: Entry = { controller, waiters: 0, settled: false, storedAt: 0, accountId: init.accountId, promise: undefined! };
    entry.promise = this.fetchWithRetry(init, url, controller.signal).then(
      (value) => {
        entry.settled = true;
        entry.storedAt = Date.now();
        if (this.options.cacheTime <= 0 && this.entries.get(url) === entry) this.entries.delete(url);
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

  /** Resolves with `work` unless the caller's signal aborts first; `release` runs once either way. */
  private withSignal(work: Promise<unknown>, controller: AbortController, signal?: AbortSignal, release?: () => void) {
    const done = release ?? (() => controller.abort());
    return new Promise((resolve, reject) => {
      let finished = false;
      const finish = () => {
        if (finished) return false;
        finished = true;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!finish()) return;
        done();
        reject(new MonoError('aborted', 'The request was cancelled'));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      work.then(
        (v) => {
          if (finish()) {
            if (release) release();
            resolve(v);
          }
        },
        (e) => {
          if (finish()) {
            if (release) release();
            reject(toMonoError(e));
          }
        },
      );
    });
  }

  private async fetchWithRetry<T>(init: CallInit<T>, url: string, signal: AbortSignal): Promise<T> {
    const { retries, retryDelay, maxRetryDelay, maxRetryAfter } = this.options;
    const random = this.options.random ?? Math.random;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(init, url, signal);
      } catch (e) {
        const error = toMonoError(e);
        if (init.method !== 'GET' || !error.transient || attempt >= retries || signal.aborted) throw error;
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

  private async attempt<T>(init: CallInit<T>, url: string, signal: AbortSignal): Promise<T> {
    const fetchImpl = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    const attemptController = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attemptController.abort();
    }, this.options.timeout);
    const onAbort = () => attemptController.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    let response: Response;
    let text: string;
    try {
      const extra = typeof this.options.headers === 'function' ? await this.options.headers() : this.options.headers;
      const headers = new Headers(extra);
      headers.set('accept', 'application/json');
      if (init.body !== undefined) headers.set('content-type', 'application/json');
      response = await fetchImpl(url, {
        method: init.method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: this.options.credentials,
        signal: attemptController.signal,
      });
      text = await response.text();
    } catch (cause) {
      if (timedOut) throw new MonoError('timeout', `No answer within ${this.options.timeout} ms`, { cause });
      if (signal.aborted) throw new MonoError('aborted', 'The request was cancelled', { cause });
      if (cause instanceof MonoError) throw cause;
      throw new MonoError('network', 'The host backend could not be reached', { cause });
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }

    let body: unknown;
    let isJson = true;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      isJson = false;
    }
    if (!response.ok) throw httpError(response, isJson ? body : null);
    if (!isJson) throw new MonoError('invalid-response', 'The response is not JSON', { status: response.status });
    const parsed = init.parse(body);
    if (!parsed.ok) {
      const where = parsed.issue.path ? ` at ${parsed.issue.path}` : '';
      throw new MonoError('invalid-response', `Unexpected response${where}: ${parsed.issue.message}`, {
        status: response.status,
        path: parsed.issue.path,
      });
    }
    return parsed.value;
  }
}

function httpError(response: Response, body: unknown): MonoError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof record.message === 'string' && record.message ? record.message : `HTTP ${response.status}`;
  const code = typeof record.code === 'string' ? record.code : '';
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  if (REAUTH.test(code) || REAUTH.test(message) || response.headers.get('x-reauth-required') === 'true') {
    return new MonoError('reauth-required', message, { status: response.status });
  }
  return new MonoError('http', message, { status: response.status, retryAfter });
}

/** The clients of standalone elements, one per endpoint (`sharedClient()` in registry.ts puts full clients here). */
export const sharedClients = new Map<string, MonoClientCore>();

/**
 * The shared client for `endpoint` as far as the connect calls need it: the full client when a data
 * element already made one, else a transport-only one (so that a lone connect button loads no data model).
 */
export function sharedCoreClient(endpoint = '/api/mono'): MonoClientCore {
  let client = sharedClients.get(endpoint);
  if (!client) sharedClients.set(endpoint, (client = new MonoClientCore({ endpoint })));
  return client;
}
