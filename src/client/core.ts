import type { ParseResult } from '../model/base.js';
import type { Exchange, Initiation } from '../model/connect.js';
import { MonoError, toMonoError } from './errors.js';
type Transport = Pick<typeof import('./transport.js'), 'send' | 'withSignal'>;
type ConnectParsers = Pick<typeof import('../model/connect.js'), 'parseInitiation' | 'parseExchange'>;

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
  /** Per attempt, in ms: for the answer to start, then between two pieces of its body. Default 20 000. */
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
  /** May answer later: the connect parsers load alongside their request. */
  parse: (body: unknown) => ParseResult<T> | Promise<ParseResult<T>>;
  /** GETs that poll a job must never be cached. */
  cache?: boolean;
  /** Sent exactly once, like a POST: a GET that starts work upstream, where a retry could start it twice. */
  once?: boolean;
  accountId?: string;
}

/** The options with the transport's defaults filled in (`MonoClient` fills in those of its cache and retries). */
export type ClientSettings = MonoClientOptions & Required<Pick<MonoClientOptions, 'endpoint' | 'credentials' | 'timeout'>>;

const DEFAULTS = {
  endpoint: '/api/mono',
  credentials: 'same-origin' as RequestCredentials,
  timeout: 20_000,
};

export const encodeId = (id: string) => {
  if (typeof id !== 'string' || id.trim() === '') throw new MonoError('config', 'An account id is required');
  // A URL reads `.` and `..` (escaped or not) as steps up the path, to other routes of the host's backend.
  if (id === '.' || id === '..') throw new MonoError('config', `Not an id: "${id}"`);
  return encodeURIComponent(id);
};

/**
 * What every client of the kit does: talk to the host backend only (options, headers, credentials, a time
 * limit per attempt, typed errors: every failure is a `MonoError`) and the connect calls, initiate and
 * exchange, which go out exactly once. Where its transport and parsers come from is the subclass's choice:
 * `MonoClient` has them up front and adds the data resources and, for their GETs, the cache, in-flight
 * de-duplication, retries with backoff and `invalidate()`; `ConnectClient` (a lone connect button's) loads
 * them with its first request. No `import()` here: a bundle of data elements needs no loader for chunks.
 */
export abstract class MonoClientCore {
  readonly endpoint: string;
  protected readonly options: ClientSettings;

  constructor(options: MonoClientOptions = {}) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.options = { ...DEFAULTS, ...defined };
    this.endpoint = (this.options.endpoint || DEFAULTS.endpoint).replace(/\/+$/, '');
  }

  initiate(body: InitiateRequest, o?: RequestOptions): Promise<Initiation> {
    const parsers = this.connectParsers();
    const sent = body.meta?.ref; // read now: the caller's object may change before the answer
    return this.call({ method: 'POST', path: '/accounts/initiate', body, parse: async (b) => (await parsers).parseInitiation(b, sent) }, o);
  }

  /**
   * Exchanges the widget's code for the account id. The connect button sends `{ code, reference }`; with
   * `{ reference }` alone (a hosted link that returned without a code), the host answers with the account
   * Mono's webhook reported for that link.
   */
  exchange(proof: string | { code?: string | undefined; reference: string }, o?: RequestOptions): Promise<Exchange> {
    const parsers = this.connectParsers();
    return this.call({ method: 'POST', path: '/accounts/auth', body: typeof proof == 'object' ? proof : { code: proof }, parse: async (b) => (await parsers).parseExchange(b) }, o);
  }

  /** Loads what the connect calls need (a lone button's transport and parsers) ahead of the first one. */
  prepare(): void {
    Promise.resolve(this.transport()).catch(() => {}); // a failed load is reported by the call that needs it
    this.connectParsers().catch(() => {});
  }

  /**
   * Sends one request, once (POSTs are never repeated); `MonoClient` adds the cache and retries for GETs.
   * With the transport at hand the request leaves at once, before whatever the caller does next (a click
   * opens its dialog, which lays the page out).
   */
  protected call<T>(init: CallInit<T>, o: RequestOptions = {}): Promise<T> {
    const go = ({ send, withSignal }: Transport): Promise<T> => {
      const controller = new AbortController();
      return withSignal(send(this.options, init, this.urlOf(init), controller.signal), controller, o.signal) as Promise<T>;
    };
    try {
      const transport = this.transport();
      // A thenable, not `instanceof Promise`: a page may have swapped the global Promise for a library's.
      return 'then' in transport ? transport.then(go, (e) => Promise.reject(toMonoError(e))) : go(transport);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** How requests are sent (transport.ts): the module itself once loaded, else its loading. */
  protected abstract transport(): Transport | Promise<Transport>;

  /** The initiate and exchange parsers (model/connect.ts). */
  protected abstract connectParsers(): Promise<ConnectParsers>;

  /** Where a request goes (the connect calls have no query; `MonoClient` adds it). */
  protected urlOf(init: CallInit<unknown>): string {
    return `${this.endpoint}${init.path}`;
  }
}

/** The clients of standalone elements, one per endpoint (`sharedClient()` in registry.ts puts full clients here). */
export const sharedClients = new Map<string, MonoClientCore>();
