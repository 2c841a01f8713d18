import { createRedactor, describeError, safeLogger, type Logger } from './live/redact.js';
import { errorResponse, HttpError } from './live/respond.js';
import { absoluteHttpUrl, matchRoute, runRoute, type LiveHooks, type MonoCustomer } from './live/routes.js';
import { Upstream } from './live/upstream.js';
import { recordConnected } from './live/links.js';
import { clearAccountReauth, markAccountReauth, markSyncReauth } from './live/sync-reauth.js';
import { memoryStateStore, type StateStore } from './live/state.js';
import { createWebhookReceiver, memoryWebhookStore, type MonoWebhookEvent, type WebhookEventStore } from './live/webhooks.js';
import { createSandboxHandler, type FetchHandler, type SandboxHandlerOptions } from './sandbox/handler.js';
import { CONTRACT, notFetch } from './live/validate.js';

export type { MonoCustomer };

export interface MonoHandlerOptions {
  /**
   * Mono's secret key (`live_sk_…` or `test_sk_…`). Without one the handler is the offline sandbox
   * (unless `sandbox: false`).
   */
  secretKey?: string | null | undefined;
  /**
   * Required in live mode. Asked before every call about an account (reads, sync, statement PDFs, reauth):
   * may the user behind `request` see `accountId`? Only a literal `true` allows it; anything else is a 403.
   * Account ids travel in URLs and are guessable, so this is what keeps one customer out of another's data.
   */
  authorize?: (request: Request, accountId: string) => boolean | Promise<boolean>;
  /**
   * The Mono customer linking an account (`scope: 'auth'`), from your own session: `{ id }` of an existing
   * Mono customer, or `{ name, email, identity? }`. Return null when nobody is signed in (401).
   * Whatever the browser sends as `customer` is dropped.
   */
  customer?: (request: Request) => MonoCustomer | null | undefined | Promise<MonoCustomer | null | undefined>;
  /**
   * Where Mono's hosted page returns the user (`redirect_url`), an absolute http(s) URL; a browser-sent one is
   * dropped. Do not build it from the request's URL: its host comes from the Host header, which the caller chooses.
   */
  redirectUrl?: string | ((request: Request) => string | Promise<string>);
  /**
   * Called after a successful token exchange, or a link completed by its reference: store the account for the
   * signed-in user. A throw answers 500.
   */
  onAccountLinked?: (linked: { accountId: string; request: Request; response: unknown }) => void | Promise<void>;
  /**
   * Answer requests that browsers mark as coming from a page on another site (`Sec-Fetch-Site: cross-site`).
   * Default false (403): the elements call a backend on their own site; turn it on only when your pages live on
   * another site and your own CORS and CSRF checks guard this handler.
   */
  allowCrossSite?: boolean | undefined;
  /** Where the contract is mounted. Default `/api/mono`. */
  basePath?: string;
  /** Mono's API. Default `https://api.withmono.com`; plain http only for a loopback host (tests, a local fake). */
  baseUrl?: string;
  /** The fetch used to call Mono. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Per upstream call, in ms; slower answers become 504 `upstream-timeout`. Default 15 000. */
  timeout?: number;
  /** Largest JSON body accepted from the browser, in bytes. Default 16 KiB. */
  maxBodyBytes?: number;
  /**
   * Add `monthly_credits` to income records: the newest record's credits per month, for the income chart, from one
   * more call to Mono (live calls are billed) when there is a record. Default true. With false the records go out
   * alone and the chart asks for those credits itself, through the transactions route.
   */
  monthlyCredits?: boolean;
  /**
   * Send the identity's whole BVN to the browser. Default false: only its last four digits, as Mono's account
   * details give it (a BVN opens a person's whole banking record; the elements only need to show its end).
   */
  fullBvn?: boolean;
  /** How sync asks Mono for real-time data: `transactions?limit=1` (default) or `balance`. */
  syncVia?: 'transactions' | 'balance';
  /** Extra origins a statement PDF may be downloaded from (Mono's API origin is always allowed; the key is sent only there). */
  statementOrigins?: readonly string[];
  /**
   * The secret from Mono's dashboard; enables `POST {basePath}/webhooks`, whose `account_connected` events complete
   * hosted links that return without a code, and whose `account_updated` events tell sync jobs that need
   * reauthorisation.
   */
  webhookSecret?: string | null;
  /** Receives each verified, de-duplicated event (needs `webhookSecret`). Keep it quick (queue slow work): Mono waits for the answer. */
  onWebhook?: (event: MonoWebhookEvent, request: Request) => void | Promise<void>;
  /** Remembers delivered events; default: in memory. Use a shared one (Redis…) when running several instances. */
  webhookStore?: WebhookEventStore;
  /** How long a delivered event is remembered, in ms. Default 24 h. */
  webhookDedupeTtl?: number;
  /** Largest webhook body, in bytes. Default 1 MiB. */
  maxWebhookBytes?: number;
  /**
   * What the handler learns from Mono's webhooks: the links it started and the accounts reported for them (30
   * minutes), and sync jobs that need reauthorisation (1 hour). Default: in memory. Use a shared one (Redis…) when
   * running several instances, or a webhook that reaches one instance is unknown to the others.
   */
  stateStore?: StateStore;
  /** How long an exchange by reference waits for Mono's `account_connected` webhook, in ms. Default 15 000. */
  linkWait?: number;
  /**
   * Exchange codes of links this handler did not start: the connect button's `public-key` mode (Mono's classic
   * widget, no initiate). Default false: a code is exchanged only with the reference of a link started here, by
   * the customer who started it (for a reauth, whoever `authorize` allows), so a code that leaks cannot link the
   * account to anyone else.
   */
  publicKeyLinks?: boolean;
  /** Where notices and upstream failures are written (every line redacted); `false` for silence. Default `console`. */
  logger?: Partial<Logger> | false;
  /**
   * Options for the sandbox used without a secret key, or `false` to throw instead (production). With live hooks
   * (`authorize`, `customer`, `redirectUrl`, `onAccountLinked`, `onWebhook`) and no key it throws unless this is
   * given: that is a live setup whose key is missing.
   */
  sandbox?: SandboxHandlerOptions | false;
}

const DEFAULT_BASE_URL = 'https://api.withmono.com';

/** What the handler itself takes from Mono's webhooks: a hosted link's account, an account whose syncs need reauthorisation. */
async function learnFromWebhook(store: StateStore, event: MonoWebhookEvent): Promise<void> {
  if (event.type === 'account_connected' && typeof event.data.meta?.ref === 'string') {
    await recordConnected(store, event.data.meta.ref, event.accountId, event.data.customer);
  } else if (event.type === 'account_updated' && /^reauthori[sz]ation_required$/i.test(String(event.data.meta?.sync_status))) {
    if (typeof event.data.meta?.job_id === 'string') await markSyncReauth(store, event.data.meta.job_id, event.accountId);
    await markAccountReauth(store, event.accountId);
  } else if (event.type === 'reauthorisation_required') {
    await markAccountReauth(store, event.accountId);
  } else if (event.type === 'account_reauthorized') {
    await clearAccountReauth(store, event.accountId);
  }
}
/** Options that only a live handler uses. */
const LIVE_HOOKS = ['authorize', 'customer', 'redirectUrl', 'onAccountLinked', 'onWebhook'] as const;
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('createMonoHandler: baseUrl is not a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    throw new Error('createMonoHandler: baseUrl must use https (plain http is accepted only for localhost)');
  }
  if (url.username || url.password || url.search || url.hash) throw new Error('createMonoHandler: baseUrl must be an origin, optionally with a path');
  return url;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`createMonoHandler: ${name} must be a positive number`);
  return value;
}

/**
 * The host backend of the kit's HTTP contract (README, "Backend contract") as a standard `(Request) => Promise<Response>` handler (Node 20+,
 * Deno, Bun, edge runtimes; `toNodeHandler` adapts it to Node's http, Express and Connect).
 *
 * With `secretKey` it forwards each contract call to Mono's v2 API and returns Mono's JSON with these changes:
 * income records gain `monthly_credits` (the newest record's credits per month, for the income chart); paging
 * links and a statement's PDF path point at the handler; the identity's BVN keeps only its last four digits
 * unless `fullBvn`; a failed sync job reads `reauthorisation_required` when Mono's webhook said so. It needs an
 * `authorize` hook. Without a key it is the offline sandbox, and says so once in the log.
 */
export function createMonoHandler(options: MonoHandlerOptions = {}): FetchHandler {
  const basePath = normaliseBasePath(options.basePath ?? '/api/mono');
  const secretKey = typeof options.secretKey === 'string' ? options.secretKey.trim() : '';
  const webhookSecret = typeof options.webhookSecret === 'string' ? options.webhookSecret.trim() : '';
  const redact = createRedactor([secretKey, webhookSecret]);
  const log = safeLogger(options.logger, redact);

  if (secretKey === '') {
    if (options.sandbox === false) throw new Error('createMonoHandler: no Mono secret key, and the sandbox fallback is off (sandbox: false)');
    // Live hooks with no key is a live setup whose key is missing (an unset environment variable): serving fake
    // accounts to every caller, with none of the hooks asked, must be chosen, not fallen into.
    const liveHooks = LIVE_HOOKS.filter((name) => options[name] !== undefined);
    if (liveHooks.length > 0 && options.sandbox === undefined) {
      throw new Error(
        `createMonoHandler: ${liveHooks.join(', ')} ${liveHooks.length > 1 ? 'are' : 'is'} set but the secret key is empty, so this ` +
          'would be the offline sandbox (fake data for anyone, no hook asked). Set secretKey, or pass sandbox: {} to serve the sandbox on purpose.',
      );
    }
    log.info(`No Mono secret key configured: serving the offline sandbox at ${basePath || '/'} (fake data, no calls to Mono)`);
    return createSandboxHandler({ monthlyCredits: options.monthlyCredits, fullBvn: options.fullBvn, allowCrossSite: options.allowCrossSite, ...options.sandbox, basePath });
  }

  if (typeof options.authorize !== 'function') {
    throw new Error(
      'createMonoHandler: live mode needs an authorize(request, accountId) hook. Account ids travel in URLs and are ' +
        'guessable, so every account route must check that the signed-in user owns the account.',
    );
  }
  if (typeof options.redirectUrl === 'string' && !absoluteHttpUrl(options.redirectUrl)) {
    throw new Error('createMonoHandler: redirectUrl must be an absolute http(s) URL (a relative one would follow the Host header, which the caller chooses)');
  }
  if (/[\r\n\0]/.test(secretKey)) throw new Error('createMonoHandler: secretKey contains a line break or NUL');
  if (options.onWebhook && webhookSecret === '') throw new Error('createMonoHandler: onWebhook needs webhookSecret (the secret from Mono\'s dashboard)');

  const baseUrl = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  // Looked up per call, so instrumentation that patches fetch later is honoured.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const upstream = new Upstream({ baseUrl, secretKey, fetch: fetchImpl, timeout: positive(options.timeout, 15_000, 'timeout'), redact, log });
  const maxBodyBytes = positive(options.maxBodyBytes, CONTRACT.maxBodyBytes, 'maxBodyBytes');
  const pdfOrigins = [baseUrl.origin, ...(options.statementOrigins ?? []).map((origin) => new URL(origin).origin)];
  const hooks: LiveHooks = {
    authorize: options.authorize,
    customer: options.customer,
    redirectUrl: options.redirectUrl,
    onAccountLinked: options.onAccountLinked,
  };
  const store = options.stateStore ?? memoryStateStore();
  const webhooks =
    webhookSecret !== ''
      ? createWebhookReceiver({
          secret: webhookSecret,
          onWebhook: options.onWebhook,
          learn: (event) => learnFromWebhook(store, event),
          store: options.webhookStore ?? memoryWebhookStore(),
          dedupeTtlMs: positive(options.webhookDedupeTtl, 24 * 60 * 60_000, 'webhookDedupeTtl'),
          maxBodyBytes: positive(options.maxWebhookBytes, 1024 * 1024, 'maxWebhookBytes'),
          log,
        })
      : null;

  log.info(`Live mode: ${basePath || '/'} forwards to ${baseUrl.origin}${webhooks ? `; webhooks at ${basePath}/webhooks` : ''}`);
  if (options.redirectUrl === undefined) {
    log.warn("Live mode without redirectUrl: initiate goes to Mono without redirect_url, which Mono's current guide requires (an older one made it optional)");
  }
  if (typeof options.customer !== 'function') {
    log.warn('Live mode without a customer(request) hook: new links are refused (initiate answers 500); account data and reauthorisation still work');
  }
  if (!webhooks) {
    log.warn('Live mode without webhookSecret: a hosted link that returns without a code cannot complete (its account comes by the account_connected webhook)');
  }
  const linkWaitMs = positive(options.linkWait, 15_000, 'linkWait');

  return async function monoHandler(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const notFound = () => errorResponse(404, 'not-found', `Not found: ${method} ${redact(url.pathname).slice(0, 200)}`);
    if (!url.pathname.startsWith(`${basePath}/`)) return notFound();
    const relative = url.pathname.slice(basePath.length + 1);
    try {
      if (relative === 'webhooks') {
        if (method !== 'POST' || !webhooks) return notFound();
        return await webhooks(request);
      }
      const matched = matchRoute(method, relative);
      if (!matched) return notFound();
      // Fetch Metadata: a page on another site may not drive the contract (a link or an <img> there would carry
      // SameSite=Lax cookies into, say, a paid PDF job). Browsers send this header; Mono's webhooks do not.
      if (request.headers.get('sec-fetch-site') === 'cross-site' && options.allowCrossSite !== true) {
        return errorResponse(403, 'forbidden', CONTRACT.crossSite);
      }
      // Nor a navigation, an <img> or a <script> on a page of this site (a sibling subdomain): only fetch() drives it,
      // except the statement's download link, which navigates to a PDF already built.
      if (notFetch(request, relative)) return errorResponse(403, 'forbidden', CONTRACT.fetchOnly);
      return await runRoute(matched, { request, url, basePath, upstream, hooks, log, maxBodyBytes, syncVia: options.syncVia ?? 'transactions', pdfOrigins, monthlyCredits: options.monthlyCredits !== false, fullBvn: options.fullBvn === true, store, webhooks: webhooks !== null, linkWaitMs, ownerSecret: secretKey, publicKeyLinks: options.publicKeyLinks === true });
    } catch (error) {
      if (error instanceof HttpError) return error.toResponse();
      log.error(`Unexpected failure on ${method} ${url.pathname}: ${describeError(error)}`);
      return errorResponse(500, 'host-error', 'Internal error');
    }
  };
}
