import { isRecord, readJsonObject } from './body.js';
import { describeError, type Logger } from './redact.js';
import { HttpError, jsonBody, jsonText, headersWith, withDeclaredLength } from './respond.js';
import type { Upstream } from './upstream.js';
import { withMonthlyCredits } from '../monthly-credits.js';
import { forgetLink, LINK_PENDING, LINK_UNKNOWN, monoCustomerOf, ownerKey, releaseCode, rememberMonoCustomer, rememberStart, restoreLinked, restoreStart, startedBy, takeLinked, takeStart, useCode, type LinkStarter } from './links.js';
import type { StateStore } from './state.js';
import { accountNeedsReauth, clearAccountReauth, SYNC_REAUTH_GRACE_MS, syncNeedsReauth } from './sync-reauth.js';
import { checkId, checkQuery, CONTRACT, ID_PATTERN, readInstitution, STATEMENT_QUERY, TRANSACTION_QUERY, type QuerySpec } from './validate.js';

/** What `customer(request)` returns: an existing Mono customer, or the details to create one. */
export type MonoCustomer =
  | { id: string }
  | { name: string; email: string; identity?: { type: 'bvn'; number: string } };

export interface LiveHooks {
  authorize: (request: Request, accountId: string) => boolean | Promise<boolean>;
  customer?: (request: Request) => MonoCustomer | null | undefined | Promise<MonoCustomer | null | undefined>;
  redirectUrl?: string | ((request: Request) => string | Promise<string>);
  onAccountLinked?: (linked: { accountId: string; request: Request; response: unknown }) => void | Promise<void>;
}

export interface LiveContext {
  request: Request;
  url: URL;
  basePath: string;
  params: { id?: string; jobId?: string };
  query: URLSearchParams;
  upstream: Upstream;
  hooks: LiveHooks;
  log: Logger;
  maxBodyBytes: number;
  syncVia: 'transactions' | 'balance';
  /** Origins a statement PDF may be fetched from (Mono's own by default). */
  pdfOrigins: readonly string[];
  /** Whether income records carry `monthly_credits`. */
  monthlyCredits: boolean;
  /** Whether the identity's BVN reaches the browser whole (otherwise its last four digits). */
  fullBvn: boolean;
  /** What the handler learnt between requests (state.ts): started links, sync jobs that need reauthorisation. */
  store: StateStore;
  /** Whether webhooks are received, without which a new link cannot complete by its reference nor a sync job say it needs reauthorisation. */
  webhooks: boolean;
  /** How long an exchange by reference waits for Mono's `account_connected` webhook. */
  linkWaitMs: number;
  /** Keys the digest of a link's owner (the secret key: nobody holding the store can test guesses). */
  ownerSecret: string;
  /** Whether codes of links not started here are exchanged (the button's `public-key` mode). */
  publicKeyLinks: boolean;
}

interface Route {
  method: 'GET' | 'POST';
  segments: readonly string[];
  query?: QuerySpec;
  handle: (ctx: LiveContext) => Promise<Response>;
}

const v2 = (ctx: LiveContext, rest = '') => `/v2/accounts/${ctx.params.id}${rest}`;

/** Mono's JSON, byte for byte (upstream.json() already turned every non-2xx into an error). */
function forward(answer: { text: string; status: number }): Response {
  return jsonText(answer.text, answer.status);
}

/** A plain read: same path under `/v2`, the validated query passed on. */
function passThrough(rest: string): Route['handle'] {
  return async (ctx) => {
    return forward(await ctx.upstream.json({ method: 'GET', path: v2(ctx, rest), query: ctx.query, signal: ctx.request.signal }));
  };
}

// ---------------------------------------------------------------------------------------------
// linking

const REF = CONTRACT.ref;

function validCustomer(value: unknown): value is MonoCustomer {
  if (!isRecord(value)) return false;
  if (typeof value.id === 'string') return ID_PATTERN.test(value.id);
  return typeof value.name === 'string' && value.name.trim() !== '' && typeof value.email === 'string' && value.email.includes('@');
}

/** `value` as an absolute http(s) URL, or null. */
export function absoluteHttpUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The return URL with the link's reference on it. The browser takes a return only with the reference it stored or
 * sent (its CSRF state), and Mono documents the return's parameters for payments only: this way the return carries
 * it unless Mono replaces it (one added after it, with `&` or a second `?`, is ignored by the browser).
 */
function withReference(redirectUrl: string, reference: string): string {
  const url = new URL(redirectUrl);
  url.searchParams.set('reference', reference);
  return url.href;
}

async function redirectUrlFor(ctx: LiveContext): Promise<string | undefined> {
  const { redirectUrl } = ctx.hooks;
  if (redirectUrl === undefined) return undefined;
  const value = typeof redirectUrl === 'function' ? await redirectUrl(ctx.request) : redirectUrl;
  // Absolute only: a relative one would be resolved against this request's Host, which the caller chooses.
  const url = absoluteHttpUrl(value);
  if (!url) {
    ctx.log.error('redirectUrl did not give an absolute http(s) URL');
    throw new HttpError(500, 'host-error', 'The host backend is misconfigured (redirectUrl)');
  }
  return url.href;
}

/**
 * The browser chooses only the scope, its reference, the account to re-authorise and a bank to preselect (new links only);
 * the customer and the redirect URL come from the server (a browser could otherwise link under someone
 * else's customer or send the user anywhere afterwards).
 */
const initiate: Route['handle'] = async (ctx) => {
  const body = await readJsonObject(ctx.request, ctx.maxBodyBytes);
  const { scope, meta, institution, account } = body;
  if (scope !== 'auth' && scope !== 'reauth') throw new HttpError(400, 'bad-request', 'Invalid scope: expected "auth" or "reauth"');
  if (!isRecord(meta) || typeof meta.ref !== 'string' || !REF.test(meta.ref)) {
    throw new HttpError(400, 'bad-request', CONTRACT.badRef);
  }
  const upstreamBody: Record<string, unknown> = { scope, meta: { ref: meta.ref } };

  // Mono's reauth takes no institution: the account already has its bank.
  if (scope === 'auth' && institution !== undefined && institution !== null) {
    const read = readInstitution(institution);
    if (typeof read === 'string') throw new HttpError(400, 'bad-request', read);
    upstreamBody.institution = read;
  }

  if (scope === 'reauth') {
    if (typeof account !== 'string') throw new HttpError(400, 'bad-request', 'Invalid account: reauth needs the account id');
    await authorizeAccount(ctx, checkId(account, 'account'));
    upstreamBody.account = account;
  } else {
    if (!ctx.hooks.customer) {
      ctx.log.error('Initiate refused: createMonoHandler has no customer(request) hook');
      throw new HttpError(500, 'host-error', 'The host backend is misconfigured (no customer hook)');
    }
    const customer = await callHook(ctx, 'customer', () => ctx.hooks.customer!(ctx.request));
    if (customer === null || customer === undefined) throw new HttpError(401, 'unauthenticated', CONTRACT.signIn);
    if (!validCustomer(customer)) {
      ctx.log.error('customer(request) returned neither { id } nor { name, email }');
      throw new HttpError(500, 'host-error', 'The host backend is misconfigured (customer hook)');
    }
    upstreamBody.customer = customer;
  }
  const redirectUrl = await redirectUrlFor(ctx);
  if (redirectUrl !== undefined) upstreamBody.redirect_url = withReference(redirectUrl, meta.ref);

  // Reserved before Mono is asked: a reference names one link, so nobody can start another under it (links.ts).
  const starter: LinkStarter = scope === 'reauth' ? { account: account as string } : { owner: await ownerKey(ctx.ownerSecret, upstreamBody.customer as Record<string, unknown>) };
  // A link the store could not record could never complete: refused before Mono is asked.
  if (!(await linkStoreStep(ctx, () => rememberStart(ctx.store, meta.ref as string, starter)))) throw new HttpError(400, 'bad-request', CONTRACT.reusedRef);
  let answer;
  try {
    answer = await ctx.upstream.json({ method: 'POST', path: '/v2/accounts/initiate', body: upstreamBody, signal: ctx.request.signal });
  } catch (error) {
    await stateStoreStep(ctx, () => forgetLink(ctx.store, meta.ref as string));
    throw error;
  }
  // Only Mono's documented fields go out (initiateAnswer): an answer without its data has nothing to give.
  if (!isRecord(answer.json) || !isRecord(answer.json.data) || typeof answer.json.data.mono_url !== 'string') {
    await stateStoreStep(ctx, () => forgetLink(ctx.store, meta.ref as string));
    ctx.log.warn('Mono answered initiate without a link (data.mono_url)');
    throw new HttpError(502, 'upstream-invalid', 'Mono answered initiate without a link');
  }
  // A new link's code is checked against the Mono customer initiate answered with (accountOfLink).
  const monoCustomer = idOf(answer.json.data.customer);
  if (scope === 'auth') {
    if (typeof monoCustomer !== 'string' || monoCustomer === '') {
      await stateStoreStep(ctx, () => forgetLink(ctx.store, meta.ref as string));
      ctx.log.warn('Mono answered initiate without a customer id');
      throw new HttpError(502, 'upstream-invalid', 'Mono answered initiate without a customer id');
    }
    await linkStoreStep(ctx, () => rememberMonoCustomer(ctx.store, meta.ref as string, monoCustomer));
  }
  return initiateAnswer(answer.json, answer.json.data, answer.status);
};

/** The fields of Mono's initiate answer that the browser is given (MONO_API.md §14.1–14.2). */
const INITIATE_FIELDS = ['mono_url', 'customer', 'account', 'scope', 'institution', 'auth_method', 'redirect_url', 'created_at'];
const idOf = (value: unknown) => (isRecord(value) ? value.id : value);

/**
 * Mono's initiate answer with only its documented fields, the customer and institution as their ids: were
 * Mono ever to echo the customer's details (a BVN among them), they would stay on the server.
 */
function initiateAnswer(json: Record<string, unknown>, d: Record<string, unknown>, status: number): Response {
  const data: Record<string, unknown> = {};
  for (const field of INITIATE_FIELDS) if (d[field] !== undefined) data[field] = field === 'customer' || field === 'institution' ? idOf(d[field]) : d[field];
  if (isRecord(d.meta)) data.meta = { ref: d.meta.ref };
  return jsonBody({ status: json.status, message: json.message, timestamp: json.timestamp, data }, status);
}

/** A state store call that must not stop the request: a failure is logged, and only what the store would have told is missed. */
async function stateStoreStep<T>(ctx: LiveContext, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    ctx.log.warn(`stateStore failed; what it would have told is missed (a link returning without a code, a sync needing reauthorisation): ${describeError(error)}`);
    return undefined;
  }
}

const CODE = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * A state store call that a link's safety rests on: when the store fails, the request stops (503) rather than pass
 * unchecked, and the person tries again in a moment.
 */
async function linkStoreStep<T>(ctx: LiveContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    ctx.log.error(`stateStore failed; links wait until it answers: ${describeError(error)}`);
    throw new HttpError(503, 'host-error', 'The host backend cannot check links right now: try again in a moment');
  }
}

const exchange: Route['handle'] = async (ctx) => {
  const { code, reference } = await readJsonObject(ctx.request, ctx.maxBodyBytes);
  if (reference !== undefined && code === undefined) return exchangeReference(ctx, reference);
  if (typeof code !== 'string' || !CODE.test(code)) throw new HttpError(400, 'bad-request', 'Invalid code: send { code } or { reference }');
  await requireSignIn(ctx);
  // A code completes a link started here, by whoever started it; anyone else learns nothing.
  const ref = typeof reference === 'string' && REF.test(reference) ? reference : null;
  const starter = ref ? await linkStoreStep(ctx, () => startedBy(ctx.store, ref)) : null;
  if (starter ? !(await ownsLink(ctx, ref!, starter)) : !ctx.publicKeyLinks) throw unknownLink();
  // Once here, whatever Mono would do with a second try of the same code.
  if (!(await linkStoreStep(ctx, () => useCode(ctx.store, code)))) throw new HttpError(400, 'bad-request', CONTRACT.usedCode);
  let answer;
  let id: unknown;
  let keepCode = false;
  try {
    answer = await ctx.upstream.json({ method: 'POST', path: '/v2/accounts/auth', body: { code }, signal: ctx.request.signal });
    const record = isRecord(answer.json) ? answer.json : {};
    id = isRecord(record.data) ? record.data.id : record.id;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      ctx.log.warn('Mono answered the token exchange without an account id');
      throw new HttpError(502, 'upstream-invalid', 'Mono answered the exchange without an account id');
    }
    if (starter && !(await accountOfLink(ctx, ref!, starter, id))) {
      ctx.log.warn(`The account Mono gave for a code is not the one link ${ref} was started for: refused (a code from another link)`);
      // The code stays used: whoever sent it with this reference may not try it with another.
      keepCode = true;
      throw unknownLink();
    }
  } catch (error) {
    if (!keepCode) await stateStoreStep(ctx, () => releaseCode(ctx.store, code));
    throw error;
  }
  try {
    await accountLinked(ctx, id, answer.json, true);
  } catch (error) {
    // Not saved: the person may try the code again.
    await stateStoreStep(ctx, () => releaseCode(ctx.store, code));
    throw error;
  }
  // Linked by its code: its reference (sent beside it) can no longer be claimed, and its entries go.
  if (ref && starter) await stateStoreStep(ctx, () => forgetLink(ctx.store, ref));
  return forward(answer);
};

/**
 * Whether the account Mono gave for a code is the link's: a reauth's own account, or for a new link an account of
 * the Mono customer initiate answered with (one more call to Mono). A code that leaked from someone's return URL
 * then links nothing under a reference the sender started himself.
 */
async function accountOfLink(ctx: LiveContext, ref: string, starter: LinkStarter, accountId: string): Promise<boolean> {
  if ('account' in starter) return accountId === starter.account;
  const expected = await linkStoreStep(ctx, () => monoCustomerOf(ctx.store, ref));
  if (!expected) return false;
  const details = await ctx.upstream.json({ method: 'GET', path: `/v2/accounts/${accountId}`, signal: ctx.request.signal });
  const data = isRecord(details.json) && isRecord(details.json.data) ? details.json.data : {};
  return idOf(data.customer) === expected;
}

/** `confirmed`: Mono said the account was linked (an exchanged code, a webhook), so a reauth it needed is done. */
async function accountLinked(ctx: LiveContext, accountId: string, response: unknown, confirmed: boolean): Promise<void> {
  const hook = ctx.hooks.onAccountLinked;
  if (hook) await callHook(ctx, 'onAccountLinked', () => hook({ accountId, request: ctx.request, response }), 'The account was linked but could not be saved');
  // Linked again (a reauth ends here too): its syncs go to Mono again.
  if (confirmed) await stateStoreStep(ctx, () => clearAccountReauth(ctx.store, accountId));
}

async function requireSignIn(ctx: LiveContext): Promise<void> {
  if (ctx.hooks.customer && !(await signedInCustomer(ctx))) throw new HttpError(401, 'unauthenticated', CONTRACT.signIn);
}

const unknownLink = () => new HttpError(404, 'link-unknown', LINK_UNKNOWN);

/** The signed-in customer, from your hook; null when nobody is signed in (or there is no hook). */
async function signedInCustomer(ctx: LiveContext): Promise<Record<string, unknown> | null> {
  const customer = ctx.hooks.customer ? await callHook(ctx, 'customer', () => ctx.hooks.customer!(ctx.request)) : null;
  return isRecord(customer) ? customer : null;
}

/**
 * Whether the caller started the link: the same customer by its owner key, or by Mono's customer id once your
 * hook gives `{ id }` (a host that stored it from the webhook meanwhile); for a reauth, whoever `authorize` allows.
 */
async function ownsLink(ctx: LiveContext, reference: string, starter: LinkStarter): Promise<boolean> {
  if ('account' in starter) return (await callHook(ctx, 'authorize', () => ctx.hooks.authorize(ctx.request, starter.account))) === true;
  const customer = await signedInCustomer(ctx);
  if (!customer) return false;
  if ((await ownerKey(ctx.ownerSecret, customer)) === starter.owner) return true;
  return typeof customer.id === 'string' && customer.id === (await linkStoreStep(ctx, () => monoCustomerOf(ctx.store, reference)));
}

/**
 * A hosted link that returned without a code (links.ts): the account Mono's `account_connected` webhook
 * reported for the reference, once, to the customer who started it. A reauth's account is already known:
 * it is handed back to whoever `authorize` lets see it. Anyone else learns nothing, not even that the
 * reference exists.
 */
async function exchangeReference(ctx: LiveContext, reference: unknown): Promise<Response> {
  if (typeof reference !== 'string' || !REF.test(reference)) throw new HttpError(400, 'bad-request', 'Invalid reference');
  await requireSignIn(ctx);
  const starter = await linkStoreStep(ctx, () => startedBy(ctx.store, reference));
  if (!starter || !(await ownsLink(ctx, reference, starter))) throw unknownLink();
  if ('account' in starter) {
    // A reauth's account is known already; taken in one step, so that it is handed out once. Nothing here says the
    // person finished, so the account's syncs wait for Mono's account_reauthorized webhook (or an exchanged code).
    if (!(await linkStoreStep(ctx, () => takeStart(ctx.store, reference)))) throw unknownLink();
    try {
      await accountLinked(ctx, starter.account, { id: starter.account, reference }, false);
    } catch (error) {
      await stateStoreStep(ctx, () => restoreStart(ctx.store, reference, starter));
      throw error;
    }
    await stateStoreStep(ctx, () => forgetLink(ctx.store, reference));
    return jsonBody({ id: starter.account });
  }
  if (!ctx.webhooks) {
    ctx.log.error('A link returned without a code, and this handler receives no webhooks (webhookSecret) to learn its account from');
    throw new HttpError(500, 'host-error', 'The host backend is misconfigured (no webhookSecret to complete a link by reference)');
  }
  const id = await waitForLinked(ctx, reference);
  if (!id) throw new HttpError(409, 'link-pending', LINK_PENDING);
  // As for a code: the account must be the Mono customer's that this link was started for. A finished link's
  // reference can be started again, and the first link's webhook, late or retried, would name its own account.
  if (!(await accountOfLink(ctx, reference, starter, id))) {
    ctx.log.warn(`The account Mono's webhook named for link ${reference} belongs to another customer: refused (a reference started again)`);
    throw unknownLink();
  }
  try {
    // Mono's account_connected webhook named it: confirmed.
    await accountLinked(ctx, id, { id, reference }, true);
  } catch (error) {
    // Not saved: the account goes back, so the person's retry finds it.
    await stateStoreStep(ctx, () => restoreLinked(ctx.store, reference, id));
    throw error;
  }
  await stateStoreStep(ctx, () => forgetLink(ctx.store, reference));
  return jsonBody({ id });
}

/**
 * Mono's webhook may come a moment after the person is back: look for it until `linkWaitMs` has passed. A claim
 * that lost to another (the start is gone) is a 404 at once.
 */
function waitForLinked(ctx: LiveContext, reference: string): Promise<string | null> {
  return waitForWebhook(ctx, ctx.linkWaitMs, async (first) => {
    if (!first && !(await linkStoreStep(ctx, () => startedBy(ctx.store, reference)))) throw unknownLink();
    return linkStoreStep(ctx, () => takeLinked(ctx.store, reference));
  });
}

/** Looks at what the webhooks told the store every 250 ms until `look` finds something or `ms` has passed; a caller that went away gets nothing. */
async function waitForWebhook<T>(ctx: LiveContext, ms: number, look: (first: boolean) => Promise<T | null>): Promise<T | null> {
  const deadline = Date.now() + ms;
  for (let first = true; ; first = false) {
    if (ctx.request.signal.aborted) return null;
    const found = await look(first);
    if (found !== null || Date.now() >= deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(0, deadline - Date.now()))));
  }
}

// ---------------------------------------------------------------------------------------------
// transactions: Mono's paging links point at Mono (and its docs' sample is malformed), so they become the host's

const transactions: Route['handle'] = async (ctx) => {
  const answer = await ctx.upstream.json({ method: 'GET', path: v2(ctx, '/transactions'), query: ctx.query, signal: ctx.request.signal });
  const { json } = answer;
  if (!isRecord(json)) return forward(answer);
  const v1 = isRecord(json.data) && isRecord(json.data.paging) ? json.data : null;
  const paging = isRecord(json.meta) ? json.meta : v1 ? (v1.paging as Record<string, unknown>) : null;
  if (!paging || (!paging.next && !paging.previous)) return forward(answer);
  const page = Number(paging.page) || Number(ctx.query.get('page')) || 1;
  const link = (to: unknown, n: number) => {
    if (!to) return to ?? null;
    // A path: the request's Host header is the client's to say, and wrong behind a proxy anyway.
    const url = new URL(ctx.url.href);
    url.searchParams.set('page', String(n));
    return url.pathname + url.search;
  };
  const hosted = { ...paging, previous: link(paging.previous, page - 1), next: link(paging.next, page + 1) };
  return jsonBody(v1 ? { ...json, data: { ...v1, paging: hosted } } : { ...json, meta: hosted }, answer.status);
};

// ---------------------------------------------------------------------------------------------
// statements: Mono's PDF URL never reaches the browser; the host streams the file

function hostPdfUrl(ctx: LiveContext, jobId: string): string {
  return `${ctx.basePath}/accounts/${ctx.params.id}/statement/jobs/${jobId}/pdf`;
}

/** Points `data.path` of a statement job at the host's streaming route. */
function withHostPath(ctx: LiveContext, answer: { text: string; json: unknown; status: number }): Response {
  const { json } = answer;
  if (!isRecord(json) || !isRecord(json.data) || typeof json.data.path !== 'string') return forward(answer);
  const jobId = typeof json.data.id === 'string' && ID_PATTERN.test(json.data.id) ? json.data.id : ctx.params.jobId;
  const data = { ...json.data, path: jobId ? hostPdfUrl(ctx, jobId) : null };
  return jsonBody({ ...json, data });
}

/**
 * Which account each job (a statement PDF, a sync) was started for: a job id is read under that account only,
 * whatever Mono checks. A job the store does not know (lost, or never started here) is not read at all: that
 * fails closed.
 */
type JobKind = 'pdf' | 'sync';
const jobKey = (kind: JobKind, jobId: string) => `${kind}-job:${jobId}`;
const JOB_TTL_MS: Record<JobKind, number> = { pdf: 24 * 60 * 60_000, sync: 60 * 60_000 };
const JOB_NAMES: Record<JobKind, string> = { pdf: 'Statement job', sync: 'Sync job' };

/** Binds `jobId` to the route's account; false (logged) when the store failed. */
async function bindJob(ctx: LiveContext, kind: JobKind, jobId: string): Promise<boolean> {
  try {
    await ctx.store.add(jobKey(kind, jobId), ctx.params.id as string, JOB_TTL_MS[kind]);
    return true;
  } catch (error) {
    ctx.log.error(`stateStore failed, so ${JOB_NAMES[kind].toLowerCase()} ${jobId} cannot be read: ${describeError(error)}`);
    return false;
  }
}

async function ownJob(ctx: LiveContext, kind: JobKind): Promise<void> {
  const jobId = ctx.params.jobId as string;
  let account: string | null | undefined;
  try {
    account = await ctx.store.get(jobKey(kind, jobId));
  } catch (error) {
    ctx.log.warn(`stateStore failed, so ${JOB_NAMES[kind].toLowerCase()} ${jobId} is refused: ${describeError(error)}`);
  }
  if (account !== ctx.params.id) throw new HttpError(404, 'not-found', `${JOB_NAMES[kind]} not found`);
}

const statement: Route['handle'] = async (ctx) => {
  const answer = await ctx.upstream.json({ method: 'GET', path: v2(ctx, '/statement'), query: ctx.query, signal: ctx.request.signal });
  if (ctx.query.get('output') !== 'pdf') return forward(answer);
  const jobId = isRecord(answer.json) && isRecord(answer.json.data) ? answer.json.data.id : undefined;
  // Unbound, the job could never be read (ownJob): say so now rather than at every poll.
  if (typeof jobId === 'string' && ID_PATTERN.test(jobId) && !(await bindJob(ctx, 'pdf', jobId))) {
    throw new HttpError(503, 'host-error', 'The host backend cannot keep track of statement jobs at the moment');
  }
  return withHostPath(ctx, answer);
};

const statementJob: Route['handle'] = async (ctx) => {
  await ownJob(ctx, 'pdf');
  const answer = await ctx.upstream.json({ method: 'GET', path: v2(ctx, `/statement/jobs/${ctx.params.jobId}`), signal: ctx.request.signal });
  return withHostPath(ctx, answer);
};

/** Where Mono keeps statement files (MONO_API.md §6: `https://api.withmono.com/statements/<id>.pdf`). */
const STATEMENT_FILE = /^\/statements\/[A-Za-z0-9_-]{1,128}\.pdf$/;

const statementPdf: Route['handle'] = async (ctx) => {
  await ownJob(ctx, 'pdf');
  const jobId = ctx.params.jobId as string;
  const job = await ctx.upstream.json({ method: 'GET', path: v2(ctx, `/statement/jobs/${jobId}`), signal: ctx.request.signal });
  const data = isRecord(job.json) && isRecord(job.json.data) ? job.json.data : {};
  const status = typeof data.status === 'string' ? data.status.toUpperCase() : '';
  if (status !== 'BUILT') throw new HttpError(409, 'not-ready', 'The statement is not built yet; poll the job until it is BUILT');
  const source = typeof data.path === 'string' ? safePdfUrl(ctx, data.path) : null;
  if (!source) {
    ctx.log.warn(`Statement job ${jobId}: Mono's PDF path is not an allowed URL`);
    throw new HttpError(502, 'upstream-invalid', "Mono's statement path is not an allowed URL");
  }
  // Whether the file needs the key is not documented: it goes to Mono's statement files only, never to another
  // path on Mono's origin that an odd job answer might name.
  const withKey = source.origin === ctx.upstream.origin && STATEMENT_FILE.test(source.pathname);
  const file = await ctx.upstream.pdf(source, ctx.request.signal, withKey);
  const headers = headersWith({ 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="statement-${jobId}.pdf"` });
  const length = file.length !== null && /^\d{1,12}$/.test(file.length) ? file.length : null;
  if (length !== null) headers.set('content-length', length);
  return new Response(withDeclaredLength(file.body, length), { status: 200, headers });
};

/** Only https (or the configured base URL's own scheme) on an allowed origin, with no credentials in it. */
function safePdfUrl(ctx: LiveContext, path: string): URL | null {
  let url: URL;
  try {
    url = new URL(path);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const sameAsApi = url.origin === ctx.upstream.origin;
  if (url.protocol !== 'https:' && !sameAsApi) return null;
  return ctx.pdfOrigins.includes(url.origin) ? url : null;
}

// ---------------------------------------------------------------------------------------------
// income and sync

/** The most the income records wait for their monthly credits: the figures must not wait on a slow year of credits. */
export const MONTHLY_CREDITS_BUDGET_MS = 5_000;

const incomeRecords: Route['handle'] = async (ctx) => {
  const { signal } = ctx.request;
  const answer = await ctx.upstream.json({ method: 'GET', path: v2(ctx, '/income-records'), signal });
  if (!ctx.monthlyCredits) return forward(answer);
  const creditsSignal = AbortSignal.any([signal, AbortSignal.timeout(MONTHLY_CREDITS_BUDGET_MS)]);
  const credits = async (query: URLSearchParams) => (await ctx.upstream.json({ method: 'GET', path: v2(ctx, '/transactions'), query, signal: creditsSignal })).json;
  const onError = (error: unknown) => {
    if (signal.aborted) return; // nobody is waiting for the answer
    const why = creditsSignal.aborted ? `Mono's credits took over ${MONTHLY_CREDITS_BUDGET_MS} ms` : describeError(error);
    ctx.log.warn(`Income records of ${ctx.params.id} sent without monthly credits: ${why}`);
  };
  const body = await withMonthlyCredits(answer.json, credits, { now: Date.now(), onError });
  return body === answer.json ? forward(answer) : jsonBody(body, answer.status);
};

const startIncome: Route['handle'] = async (ctx) => {
  await readJsonObject(ctx.request, ctx.maxBodyBytes);
  return forward(await ctx.upstream.json({ method: 'GET', path: v2(ctx, '/income'), signal: ctx.request.signal }));
};

type SyncStatus = 'processing' | 'successful' | 'failed' | 'reauthorisation_required';

function syncAnswer(status: SyncStatus, jobId: string | null, hasNewData: boolean | null, message: string): Response {
  const data: Record<string, unknown> = { status };
  if (jobId !== null) data.job_id = jobId;
  if (hasNewData !== null) data.has_new_data = hasNewData;
  return jsonBody({ status: 'successful', message, timestamp: new Date().toISOString(), data });
}

/** Mono's real-time headers → the contract's `{ data: { status, job_id?, has_new_data? } }`. */
export function syncFromHeaders(headers: Headers): { status: SyncStatus; jobId: string | null; hasNewData: boolean | null } {
  const flag = (name: string) => {
    const value = headers.get(name)?.trim().toLowerCase();
    return value === 'true' ? true : value === 'false' ? false : null;
  };
  const rawJob = headers.get('x-job-id')?.trim() ?? '';
  const jobId = ID_PATTERN.test(rawJob) ? rawJob : null;
  const jobStatus = headers.get('x-job-status')?.trim().toLowerCase() ?? '';
  let status: SyncStatus;
  if (flag('x-reauth-required') === true || /reauth/.test(jobStatus)) status = 'reauthorisation_required';
  else if (/^(processing|pending|queued|running|started)$/.test(jobStatus)) status = 'processing';
  else if (/^(finished|successful|success|complete|completed)$/.test(jobStatus)) status = 'successful';
  else if (/^(failed|error)$/.test(jobStatus)) status = 'failed';
  else status = jobId !== null ? 'processing' : 'successful';
  return { status, jobId, hasNewData: flag('x-has-new-data') };
}

const SYNC_MESSAGES: Record<SyncStatus, string> = {
  processing: 'Sync started',
  successful: 'Sync complete',
  failed: 'Sync failed',
  reauthorisation_required: 'Reauthorisation required',
};

/**
 * The identity and the account details, as Mono answers them, but with only the BVN's last four digits (as Mono's
 * account details give it) unless `fullBvn`: the whole number is not the browser's business (MONO_API.md §7).
 * Wherever it sits (v2 under `data`, a bare v1 answer at the top, any depth, any case of `bvn`) and whatever its
 * type, nothing longer goes out.
 */
function withBvnCut(rest: string): Route['handle'] {
  return async (ctx) => {
    const answer = await ctx.upstream.json({ method: 'GET', path: v2(ctx, rest), signal: ctx.request.signal });
    return ctx.fullBvn ? forward(answer) : jsonBody(cutBvns(answer.json), answer.status);
  };
}

function cutBvns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cutBvns);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, /^bvn$/i.test(key) ? lastFourOfBvn(item) : cutBvns(item)]));
}

function lastFourOfBvn(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  return String(value).replace(/\D/g, '').slice(-4) || null;
}

/**
 * A sync job, as Mono answers it, except that a failed job whose account_updated webhook said the holder must
 * sign in again reads `reauthorisation_required` (sync-reauth.ts); the webhook may come a moment after the job fails.
 */
const syncJob: Route['handle'] = async (ctx) => {
  const { id, jobId } = ctx.params as { id: string; jobId: string };
  await ownJob(ctx, 'sync');
  const answer = await ctx.upstream.json({ method: 'GET', path: v2(ctx, `/jobs/${jobId}`), signal: ctx.request.signal });
  const { json } = answer;
  // Bound here, but Mono answering for another account would still say whose job it is: not passed on.
  if (isRecord(json) && isRecord(json.data) && typeof json.data.account === 'string' && json.data.account !== id) {
    ctx.log.warn(`Mono answered sync job ${jobId} of account ${id} with another account's job: refused`);
    throw new HttpError(404, 'not-found', 'Sync job not found');
  }
  if (!ctx.webhooks || !isRecord(json) || !isRecord(json.data) || !/fail|error/i.test(String(json.data.status))) return forward(answer);
  // A store that fails leaves Mono's answer as it is.
  const reauth = await stateStoreStep(ctx, () => waitForWebhook(ctx, SYNC_REAUTH_GRACE_MS, async () => ((await syncNeedsReauth(ctx.store, jobId, id)) ? true : null)));
  return reauth ? jsonBody({ ...json, data: { ...json.data, status: 'reauthorisation_required' } }, answer.status) : forward(answer);
};

// Mono's real-time page spells the header both ways; sending both costs nothing.
const sync: Route['handle'] = async (ctx) => {
  await readJsonObject(ctx.request, ctx.maxBodyBytes);
  // Mono already said this account needs the holder to sign in again: say so without a billed real-time call.
  if (ctx.webhooks && (await stateStoreStep(ctx, () => accountNeedsReauth(ctx.store, ctx.params.id!)))) {
    return syncAnswer('reauthorisation_required', null, false, SYNC_MESSAGES.reauthorisation_required);
  }
  const [rest, query] = ctx.syncVia === 'balance' ? ['/balance', undefined] : ['/transactions', new URLSearchParams({ limit: '1' })];
  try {
    const answer = await ctx.upstream.json({ method: 'GET', path: v2(ctx, rest), query, headers: { 'x-realtime': 'true', 'x-real-time': 'true' }, signal: ctx.request.signal });
    const { status, jobId, hasNewData } = syncFromHeaders(answer.headers);
    // A job the store could not bind could not be read (ownJob): the refresh runs at Mono all the same, unfollowed.
    const followed = jobId !== null && (await bindJob(ctx, 'sync', jobId)) ? jobId : null;
    return syncAnswer(status, followed, hasNewData, SYNC_MESSAGES[status]);
  } catch (error) {
    if (error instanceof HttpError && error.reauth) return syncAnswer('reauthorisation_required', null, false, SYNC_MESSAGES.reauthorisation_required);
    throw error;
  }
};

// ---------------------------------------------------------------------------------------------
// hooks

async function callHook<T>(ctx: LiveContext, name: string, run: () => T | Promise<T>, publicMessage = 'The host backend failed'): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    ctx.log.error(`${name} hook threw: ${describeError(error)}`);
    throw new HttpError(500, 'host-error', publicMessage);
  }
}

/** Fails closed: only a literal `true` lets the request through. */
async function authorizeAccount(ctx: LiveContext, accountId: string): Promise<void> {
  const allowed = await callHook(ctx, 'authorize', () => ctx.hooks.authorize(ctx.request, accountId));
  if (allowed !== true) throw new HttpError(403, 'forbidden', 'This account is not available to you');
}

// ---------------------------------------------------------------------------------------------
// routing

function route(method: Route['method'], path: string, handle: Route['handle'], query?: QuerySpec): Route {
  return { method, segments: path.split('/'), handle, query };
}

const ROUTES: readonly Route[] = [
  route('POST', 'accounts/initiate', initiate),
  route('POST', 'accounts/auth', exchange),
  route('GET', 'accounts/:id', withBvnCut('')),
  route('GET', 'accounts/:id/transactions', transactions, TRANSACTION_QUERY),
  route('GET', 'accounts/:id/statement', statement, STATEMENT_QUERY),
  route('GET', 'accounts/:id/statement/jobs/:jobId', statementJob),
  route('GET', 'accounts/:id/statement/jobs/:jobId/pdf', statementPdf),
  route('GET', 'accounts/:id/identity', withBvnCut('/identity')),
  route('GET', 'accounts/:id/income-records', incomeRecords),
  route('POST', 'accounts/:id/income', startIncome),
  route('GET', 'accounts/:id/assets', passThrough('/assets')),
  route('GET', 'accounts/:id/earnings', passThrough('/earnings')),
  route('POST', 'accounts/:id/sync', sync),
  route('GET', 'accounts/:id/jobs/:jobId', syncJob),
];

/** `initiate` and `auth` are routes of their own, never account ids. */
const RESERVED = new Set(['initiate', 'auth']);

export interface Matched {
  route: Route;
  params: { id?: string; jobId?: string };
}

/**
 * Finds the route for `relative` (the raw, still percent-encoded path below basePath). Segments are never
 * decoded: an encoded slash or dot stays inside one segment, which then fails the id pattern.
 */
export function matchRoute(method: string, relative: string): Matched | null {
  const segments = relative.split('/');
  for (const candidate of ROUTES) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const params: Matched['params'] = {};
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) {
      const pattern = candidate.segments[i];
      if (pattern === ':id' || pattern === ':jobId') {
        if (segments[i] === '' || (pattern === ':id' && RESERVED.has(segments[i]))) ok = false;
        else params[pattern === ':id' ? 'id' : 'jobId'] = segments[i];
      } else if (pattern !== segments[i]) {
        ok = false;
      }
    }
    if (ok) return { route: candidate, params };
  }
  return null;
}

/** Validates ids, asks `authorize` for account routes, validates the query, then runs the route. */
export async function runRoute(matched: Matched, ctx: Omit<LiveContext, 'params' | 'query'>): Promise<Response> {
  const { id, jobId } = matched.params;
  if (id !== undefined) checkId(id, 'account id');
  if (jobId !== undefined) checkId(jobId, 'job id');
  const full: LiveContext = { ...ctx, params: matched.params, query: new URLSearchParams() };
  if (id !== undefined) await authorizeAccount(full, id);
  full.query = checkQuery(ctx.url.searchParams, matched.route.query);
  return matched.route.handle(full);
}
