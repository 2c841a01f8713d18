import { ACCOUNT_ID_PATTERN, CAPPED_GENERATED_TRANSACTIONS, CAPPED_WHOLE_ROWS, checkAccountId, SANDBOX_ACCOUNTS, type AccountTraits } from './accounts.js';
import { DAY_MS, parseDayMonthYear, subtractMonths } from './dates.js';
import { sleep } from './faults.js';
import { failure, json, MESSAGES, success, text } from './http.js';
import { emptyIncomeRecord, incomeRecord, legacyIncome } from './income.js';
import { assetsData, earningsData } from './investments.js';
import { statementPdf } from './pdf.js';
import { fullName } from './people.js';
import { buildProfile, hasNoData, hasNoTransactions, type AccountProfile } from './profile.js';
import { fnv1a, objectIdFor, randomObjectId, randomToken } from './random.js';
import type { SandboxState } from './state.js';
import {
  filterTransactions,
  generatedAccount,
  syncedTransactions,
  type GeneratedAccount,
  type Transaction,
  type TransactionFilter,
} from './transactions.js';
import { v1Assets, v1Details, v1Identity, v1Transaction } from './v1.js';
import { WIDGET_CSP, WIDGET_CSS, WIDGET_JS, widgetHtml } from './widget-page.js';
import { isRecord, readJsonObject as readLiveJsonObject } from '../live/body.js';
import { HttpError } from '../live/respond.js';
import { LINK_PENDING, LINK_UNKNOWN } from '../live/links.js';
import { withMonthlyCredits } from '../monthly-credits.js';
import { checkQuery, CONTRACT, notFetch, readInstitution, STATEMENT_QUERY, TRANSACTION_QUERY, type QuerySpec } from '../live/validate.js';

export interface RouteContext {
  request: Request;
  /** The request URL with the sandbox switches removed. */
  url: URL;
  basePath: string;
  at: Date;
  /** Midnight UTC of `at`: generated data depends only on the id and this. */
  anchorMs: number;
  state: SandboxState;
  pollsUntilDone: number;
  monthlyCredits: boolean;
  fullBvn: boolean;
  linkReturn: 'code' | 'reference';
  allowCrossSite: boolean;
  /** The switches are off: a sandbox others can reach, where one request must stay cheap (accounts.ts). */
  capped: boolean;
}

interface LoadedAccount {
  id: string;
  traits: AccountTraits;
  generated: GeneratedAccount;
  profile: AccountProfile;
}

type Params = Record<string, string>;
type Handler = (ctx: RouteContext, params: Params) => Response | Promise<Response>;
type AccountHandler = (ctx: RouteContext, account: LoadedAccount, params: Params) => Response | Promise<Response>;

const RESERVED_IDS = new Set(['initiate', 'auth']);

// ---------------------------------------------------------------------------------------------
// helpers

/** v1 answers had no timestamp. */
function legacy(data: unknown, message: string = MESSAGES.ok): Response {
  return json({ status: 'successful', message, data });
}

/** The live server's own reader (JSON by content type, size-limited, empty as `{}`), its refusals as failures. */
async function readJsonObject(ctx: RouteContext): Promise<Record<string, unknown> | Response> {
  try {
    return await readLiveJsonObject(ctx.request, CONTRACT.maxBodyBytes);
  } catch (error) {
    if (error instanceof HttpError) return failure(ctx.at, error.status, error.message);
    throw error;
  }
}

/** A POST whose body the sandbox does not use is still read as the live server reads it. */
function withBody(handler: Handler): Handler {
  return async (ctx, params) => {
    const body = await readJsonObject(ctx);
    return body instanceof Response ? body : handler(ctx, params);
  };
}

const LISTED_IDS = new Set(SANDBOX_ACCOUNTS.map((account) => account.id));
const grouped = (n: number) => n.toLocaleString('en-GB');

function withAccount(handler: AccountHandler): Handler {
  return (ctx, params) => {
    const check = checkAccountId(params.id);
    if (!check.ok) return failure(ctx.at, 400, check.message);
    if (ctx.capped && (check.traits.transactionCount ?? 0) > CAPPED_GENERATED_TRANSACTIONS && !LISTED_IDS.has(params.id)) {
      return failure(ctx.at, 400, `Invalid account id: this sandbox serves txns_N with N up to ${grouped(CAPPED_GENERATED_TRANSACTIONS)} (and the listed txns_100000)`);
    }
    if (check.traits.kind === 'failing') return failure(ctx.at, 500, 'Upstream bank timeout');
    const generated = generatedAccount(params.id, ctx.anchorMs);
    return handler(ctx, { id: params.id, traits: check.traits, generated, profile: generated.profile }, params);
  };
}

/** The account's transactions (newest first) including those added by finished syncs, and its balance. */
function ledgerOf(ctx: RouteContext, account: LoadedAccount): { transactions: readonly Transaction[]; balance: number } {
  const { generated } = account;
  const completions = ctx.state.syncCompletions.get(account.id) ?? [];
  if (completions.length === 0 || hasNoTransactions(account.traits.kind)) {
    return { transactions: generated.transactions, balance: hasNoData(account.traits.kind) ? 0 : generated.balance };
  }
  const key = `${account.id}@${generated.anchorMs}#${completions.length}`;
  const cached = ctx.state.views.get(key);
  if (cached) return cached;
  const added = syncedTransactions(generated, completions);
  const view = { transactions: [...added, ...generated.transactions], balance: added.length > 0 ? added[0].balance : generated.balance };
  ctx.state.views.set(key, view);
  return view;
}

/** Counts this read for `processing*` accounts, which stay PROCESSING for the first `pollsUntilDone` reads. */
function dataStatus(ctx: RouteContext, account: LoadedAccount): string {
  switch (account.traits.kind) {
    case 'empty':
      return 'UNAVAILABLE';
    case 'datafailed':
      return 'FAILED';
    case 'partial':
      return 'PARTIAL';
    case 'processing': {
      const reads = (ctx.state.detailReads.get(account.id) ?? 0) + 1;
      ctx.state.detailReads.set(account.id, reads);
      return reads <= ctx.pollsUntilDone ? 'PROCESSING' : 'AVAILABLE';
    }
    default:
      return 'AVAILABLE';
  }
}

const RETRIEVED_DATA: Record<string, string[]> = {
  AVAILABLE: ['identity', 'balance', 'transactions'],
  PARTIAL: ['identity', 'balance'],
};

function pageUrl(url: URL, page: number): string {
  const next = new URL(url.href);
  next.searchParams.set('page', String(page));
  return next.pathname + next.search;
}

// ---------------------------------------------------------------------------------------------
// authorisation

interface InitiateRequest {
  scope: 'auth' | 'reauth';
  ref: string;
  /** The profile of the account being re-authorised (reauth scope). */
  reauth: AccountProfile | null;
  institutionId: string | null;
  customer: Record<string, unknown>;
  redirectUrl: string;
}

/**
 * The origin of the page that initiates: the widget page and `redirect_url` must be on it. A browser names it in
 * `Origin` on a same-origin POST; the request's URL may not, as a framework can build it from its own listening
 * address (Next.js route handlers see `localhost:<port>` whatever host the page was opened at, 127.0.0.1, a LAN
 * address or a proxy's name), and a widget on another origin is refused by the button and by the cross-site check.
 */
function pageOrigin(ctx: RouteContext): string {
  const headers = ctx.request.headers;
  const origin = headers.get('origin');
  if (origin && headers.get('sec-fetch-site') === 'same-origin') {
    try {
      const url = new URL(origin);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin) return origin;
    } catch {
      // not an origin: the request's own
    }
  }
  return ctx.url.origin;
}

/** The host adds `redirect_url` from its session; the sandbox takes the body's, else the same-origin Referer, else "/". */
function redirectUrlFor(ctx: RouteContext, given: unknown): string | null {
  const origin = pageOrigin(ctx);
  if (given !== undefined) {
    try {
      const resolved = typeof given === 'string' ? new URL(given, origin) : null;
      return resolved && resolved.origin === origin ? resolved.href : null;
    } catch {
      return null;
    }
  }
  try {
    const referer = new URL(ctx.request.headers.get('referer') ?? '');
    if (referer.origin === origin) return `${referer.origin}${referer.pathname}`;
  } catch {
    // no usable Referer
  }
  return `${origin}/`;
}

function parseInitiate(ctx: RouteContext, body: Record<string, unknown>): InitiateRequest | string {
  const { scope, meta, account, institution, customer } = body;
  if (scope !== 'auth' && scope !== 'reauth') return 'Invalid scope: expected "auth" or "reauth"';
  if (!isRecord(meta) || typeof meta.ref !== 'string' || !CONTRACT.ref.test(meta.ref)) return CONTRACT.badRef;
  if (ctx.state.startedLinks.has(meta.ref)) return CONTRACT.reusedRef;
  if (customer !== undefined && !isRecord(customer)) return 'Invalid customer: expected an object';
  let institutionId: string | null = null;
  // As the live handler, a reauth's institution is ignored: the account already has its bank.
  if (scope === 'auth' && institution !== undefined && institution !== null) {
    const read = readInstitution(institution);
    if (typeof read === 'string') return read;
    institutionId = read.id;
  }
  const redirectUrl = redirectUrlFor(ctx, body.redirect_url);
  if (redirectUrl === null) return 'Invalid redirect_url: expected a path or URL on this origin';
  let reauth: AccountProfile | null = null;
  if (scope === 'reauth') {
    if (typeof account !== 'string') return 'Invalid account: reauth needs the account id';
    const check = checkAccountId(account);
    if (!check.ok) return check.message.replace('account id', 'account');
    reauth = buildProfile(account, ctx.anchorMs, check.traits);
    institutionId = reauth.institution.id;
  }
  return { scope, ref: meta.ref, reauth, institutionId, customer: customer ?? {}, redirectUrl };
}

const initiate: Handler = async (ctx) => {
  const body = await readJsonObject(ctx);
  if (body instanceof Response) return body;
  const parsed = parseInitiate(ctx, body);
  if (typeof parsed === 'string') return failure(ctx.at, 400, parsed);
  const { scope, ref, reauth, institutionId, customer, redirectUrl } = parsed;

  const monoUrl = new URL(`${pageOrigin(ctx)}${ctx.basePath}/widget`);
  monoUrl.searchParams.set('reference', ref);
  monoUrl.searchParams.set('scope', scope);
  if (reauth) monoUrl.searchParams.set('account', reauth.id);
  if (institutionId) monoUrl.searchParams.set('institution', institutionId);
  monoUrl.searchParams.set('redirect_url', redirectUrl);
  if (ctx.linkReturn === 'reference' && !reauth) monoUrl.searchParams.set('return', 'reference');
  // a fresh session per call, so a link is never reused
  monoUrl.searchParams.set('session', randomToken(16));

  const customerId = reauth
    ? reauth.customerId
    : typeof customer.id === 'string' && ACCOUNT_ID_PATTERN.test(customer.id)
      ? customer.id
      : objectIdFor(String(customer.email ?? customer.name ?? ref), 'customer', ctx.anchorMs);
  const data = reauth
    ? {
        mono_url: monoUrl.href,
        customer: customerId,
        account: reauth.id,
        meta: { ref },
        scope,
        institution: reauth.institution.id,
        auth_method: reauth.authMethod,
        redirect_url: redirectUrl,
        created_at: ctx.at.toISOString(),
      }
    : { mono_url: monoUrl.href, customer: customerId, meta: { ref }, scope, redirect_url: redirectUrl, created_at: ctx.at.toISOString() };
  ctx.state.startedLinks.set(ref, reauth ? reauth.id : null);
  return success(ctx.at, data, { message: MESSAGES.okInitiate });
};

/** `code_<accountId>_<random>` (what the fake widget issues) maps back to the account id. */
function accountIdForCode(code: string): string {
  const rest = code.slice('code_'.length);
  const split = rest.lastIndexOf('_');
  const candidate = split > 0 ? rest.slice(0, split) : '';
  if (candidate && rest.length - split - 1 >= 4 && checkAccountId(candidate).ok) return candidate;
  return `acc_${fnv1a(code).toString(16).padStart(8, '0')}${fnv1a(`${code}#`).toString(16).padStart(8, '0')}`;
}

const exchange: Handler = async (ctx) => {
  const body = await readJsonObject(ctx);
  if (body instanceof Response) return body;
  if (body.reference !== undefined && body.code === undefined) return exchangeReference(ctx, body.reference);
  const code = typeof body.code === 'string' ? body.code.trim() : '';
  if (code === '') return failure(ctx.at, 400, 'code is required');
  if (!/^code_[A-Za-z0-9_-]{1,200}$/.test(code)) return failure(ctx.at, 400, 'Invalid code');
  if (ctx.state.usedCodes.has(code)) return failure(ctx.at, 400, 'Code already used');
  ctx.state.usedCodes.set(code, true);
  // Linked by its code: the reference sent beside it can no longer be claimed.
  if (typeof body.reference === 'string') ctx.state.startedLinks.delete(body.reference);
  return success(ctx.at, { id: accountIdForCode(code) }, { message: MESSAGES.okInitiate });
};

/**
 * A link that returned without a code, as the live handler completes it (live/links.ts): the account the fake
 * widget reported for the reference (standing in for Mono's account_connected webhook), once; a reauth's own account.
 */
const LINK_WAIT_MS = 2_000;

async function exchangeReference(ctx: RouteContext, reference: unknown): Promise<Response> {
  if (typeof reference !== 'string' || !CONTRACT.ref.test(reference)) return failure(ctx.at, 400, 'Invalid reference');
  const started = ctx.state.startedLinks.get(reference);
  if (started === undefined) return failure(ctx.at, 404, LINK_UNKNOWN, {}, 'link-unknown');
  let id = started ?? ctx.state.linkedRefs.get(reference);
  for (let waited = 0; !id && waited < LINK_WAIT_MS; waited += 100) {
    await sleep(100, ctx.request.signal);
    id = ctx.state.linkedRefs.get(reference);
  }
  if (!id) return failure(ctx.at, 409, LINK_PENDING, {}, 'link-pending');
  ctx.state.startedLinks.delete(reference);
  ctx.state.linkedRefs.delete(reference);
  return json({ id });
}

/** The fake widget's stand-in for Mono's account_connected webhook: this reference linked this account. */
const widgetLinked: Handler = async (ctx) => {
  const body = await readJsonObject(ctx);
  if (body instanceof Response) return body;
  const { reference, account } = body;
  if (typeof reference !== 'string' || ctx.state.startedLinks.get(reference) !== null) return failure(ctx.at, 404, 'No new link started here has this reference', {}, 'link-unknown');
  if (typeof account !== 'string' || !checkAccountId(account).ok) return failure(ctx.at, 400, 'Invalid account');
  ctx.state.linkedRefs.set(reference, account);
  return json({ received: true });
};

// ---------------------------------------------------------------------------------------------
// account data

const details: AccountHandler = (ctx, account) => {
  const { profile } = account;
  const status = dataStatus(ctx, account);
  const { balance } = ledgerOf(ctx, account);
  if (account.traits.kind === 'v1') return legacy(v1Details(profile, balance, status, ctx.at.getTime()));
  return success(ctx.at, {
    account: {
      id: profile.id,
      name: profile.accountName,
      account_number: profile.accountNumber,
      currency: profile.currency,
      balance,
      type: profile.accountType,
      bvn: profile.bvn.slice(-4),
      institution: { name: profile.institution.name, bank_code: profile.institution.bankCode, type: profile.institutionType },
    },
    customer: { id: profile.customerId },
    meta: { data_status: status, auth_method: profile.authMethod, retrieved_data: RETRIEVED_DATA[status] ?? [] },
  });
};

interface TransactionQuery {
  filter: TransactionFilter;
  paginate: boolean;
  limit: number;
  page: number;
}

/** The query as the route's TRANSACTION_QUERY already checked it. */
function parseTransactionQuery(params: URLSearchParams): TransactionQuery {
  const filter: TransactionFilter = {};
  const start = params.get('start');
  if (start) filter.fromIso = new Date(parseDayMonthYear(start) as number).toISOString();
  const end = params.get('end');
  if (end) filter.toIso = new Date((parseDayMonthYear(end) as number) + DAY_MS).toISOString();
  const type = params.get('type');
  if (type === 'debit' || type === 'credit') filter.type = type;
  const narration = params.get('narration');
  if (narration) filter.narration = narration;
  return { filter, paginate: params.get('paginate') !== 'false', limit: Number(params.get('limit') ?? 50), page: Number(params.get('page') ?? 1) };
}

const transactions: AccountHandler = (ctx, account) => {
  const query = parseTransactionQuery(ctx.url.searchParams);
  const matches = filterTransactions(ledgerOf(ctx, account).transactions, query.filter);
  const total = matches.length;
  const page = query.paginate ? query.page : 1;
  const rows = query.paginate ? matches.slice((page - 1) * query.limit, page * query.limit) : matches;
  if (ctx.capped && rows.length > CAPPED_WHOLE_ROWS) return tooManyRows(ctx, 'ask for pages (paginate=true)');
  const previous = query.paginate && page > 1 ? pageUrl(ctx.url, page - 1) : null;
  const next = query.paginate && page * query.limit < total ? pageUrl(ctx.url, page + 1) : null;
  if (account.traits.kind === 'v1') {
    const currency = account.profile.currency;
    return legacy({ paging: { total, page, previous, next }, transactions: rows.map((t) => v1Transaction(t, currency)) });
  }
  return success(ctx.at, rows, { message: MESSAGES.transactions, meta: { total, page, previous, next } });
};

function tooManyRows(ctx: RouteContext, instead: string): Response {
  return failure(ctx.at, 400, `This sandbox sends at most ${grouped(CAPPED_WHOLE_ROWS)} transactions in one answer: ${instead}`);
}

function statementPath(ctx: RouteContext, accountId: string, jobId: string): string {
  return `${ctx.basePath}/accounts/${encodeURIComponent(accountId)}/statement/jobs/${jobId}/pdf`;
}

const statement: AccountHandler = (ctx, account) => {
  // STATEMENT_QUERY checked both: period is last1month … last12months, output json or pdf.
  const period = ctx.url.searchParams.get('period') as string;
  const months = Number(/\d+/.exec(period)?.[0]);
  if (ctx.url.searchParams.get('output') === 'pdf') {
    const jobId = randomToken(20);
    ctx.state.statementJobs.set(jobId, { accountId: account.id, months, period, createdAtMs: ctx.at.getTime(), polls: 0 });
    return success(ctx.at, { id: jobId, status: 'BUILDING', path: statementPath(ctx, account.id, jobId) });
  }
  const fromIso = new Date(subtractMonths(ctx.at.getTime(), months)).toISOString();
  const rows = filterTransactions(ledgerOf(ctx, account).transactions, { fromIso });
  if (ctx.capped && rows.length > CAPPED_WHOLE_ROWS) return tooManyRows(ctx, 'ask for a shorter period');
  return success(ctx.at, rows, { meta: { count: rows.length } });
};

const statementJob: AccountHandler = (ctx, account, params) => {
  const job = ctx.state.statementJobs.get(params.jobId);
  if (!job || job.accountId !== account.id) return failure(ctx.at, 404, 'Statement job not found');
  job.polls++;
  const status = job.polls > ctx.pollsUntilDone ? 'BUILT' : 'BUILDING';
  return success(ctx.at, { id: params.jobId, status, path: statementPath(ctx, account.id, params.jobId) });
};

const statementDownload: AccountHandler = (ctx, account, params) => {
  const job = ctx.state.statementJobs.get(params.jobId);
  if (!job || job.accountId !== account.id) return failure(ctx.at, 404, 'Statement job not found');
  if (job.polls <= ctx.pollsUntilDone) return failure(ctx.at, 409, 'Statement is still building; poll the job until it is BUILT');
  const { profile } = account;
  const ledger = ledgerOf(ctx, account);
  const fromMs = subtractMonths(job.createdAtMs, job.months);
  const fromIso = new Date(fromMs).toISOString();
  const toIso = new Date(job.createdAtMs + 1).toISOString();
  const rows = filterTransactions(ledger.transactions, { fromIso, toIso });
  const before = ledger.transactions.find((t) => t.date < fromIso);
  const oldest = rows[rows.length - 1];
  const closing = rows.length > 0 ? rows[0].balance : before?.balance ?? ledger.balance;
  const opening = oldest ? oldest.balance + (oldest.type === 'debit' ? oldest.amount : -oldest.amount) : closing;
  const pdf = statementPdf({
    holder: profile.accountName,
    accountNumber: profile.accountNumber,
    institution: profile.institution.name,
    currency: profile.currency,
    period: job.period,
    fromMs,
    toMs: job.createdAtMs,
    openingBalance: opening,
    closingBalance: closing,
    transactions: rows,
    generatedAtMs: job.createdAtMs,
  });
  return text(pdf, 'application/pdf', {
    'content-disposition': `attachment; filename="statement-${profile.accountNumber}-${job.period}.pdf"`,
    'content-length': String(pdf.byteLength),
  });
};

const identity: AccountHandler = (ctx, account) => {
  const { profile } = account;
  // Like the live handler: only the BVN's last four digits unless fullBvn.
  const bvn = ctx.fullBvn ? profile.bvn : profile.bvn.slice(-4);
  if (account.traits.kind === 'v1') return legacy({ ...v1Identity(profile), bvn });
  const linkedAt = new Date(profile.linkedAtMs).toISOString();
  const known = !hasNoData(account.traits.kind);
  return success(ctx.at, {
    full_name: fullName(profile.holder),
    bvn: known ? bvn : null,
    email: known ? profile.email : null,
    phone: known ? profile.phone : null,
    gender: known ? profile.holder.gender : null,
    dob: known ? profile.dob : null,
    address_line1: known ? profile.address : null,
    state_of_origin: known ? profile.holder.stateOfOrigin : null,
    lga_of_origin: known ? profile.lgaOfOrigin : null,
    marital_status: known ? profile.maritalStatus : null,
    created_at: linkedAt,
    updated_at: linkedAt,
  });
};

const incomeRecords: AccountHandler = async (ctx, account, params) => {
  const { kind } = account.traits;
  const found = hasNoTransactions(kind) ? null : incomeRecord(account.profile, ledgerOf(ctx, account).transactions);
  // A `fresh` account, and one with no income to find, has a record only once an analysis was started and polled;
  // the latter's finds nothing, so the element says so instead of waiting.
  let record = kind === 'fresh' ? null : found;
  const reads = kind === 'fresh' || !found ? ctx.state.incomeReads.get(account.id) : undefined;
  if (reads !== undefined) {
    ctx.state.incomeReads.set(account.id, reads + 1);
    if (reads + 1 > ctx.pollsUntilDone) record = found ?? emptyIncomeRecord(account.profile);
  }
  const answer = kind === 'v1' ? legacy(legacyIncome(record)) : success(ctx.at, record ? [record] : []);
  if (!ctx.monthlyCredits) return answer;
  // As the reference backend does: the income bars' monthly credits come with the records.
  const credits = async (query: URLSearchParams) => (await transactions({ ...ctx, url: new URL(`?${query}`, ctx.url) }, account, params)).json();
  return json(await withMonthlyCredits(await answer.json(), credits, { now: ctx.at.getTime(), onError: () => {} }));
};

const startIncome: AccountHandler = (ctx, account) => {
  if (!ctx.state.incomeReads.has(account.id)) ctx.state.incomeReads.set(account.id, 0);
  return success(ctx.at, null, { message: MESSAGES.incomeProcessing });
};

const assets: AccountHandler = (ctx, account) => {
  const { profile, traits } = account;
  const data = hasNoData(traits.kind) ? { id: objectIdFor(profile.id, 'assets', profile.linkedAtMs), balances: {}, assets: [] } : assetsData(profile);
  return traits.kind === 'v1' ? legacy(v1Assets(data)) : success(ctx.at, data);
};

const earnings: AccountHandler = (ctx, account) => {
  const data = hasNoData(account.traits.kind) ? [] : earningsData(account.profile, ctx.anchorMs);
  return success(ctx.at, data);
};

const SYNC_JOB_NAME = 'jobs.accounts.sync_statement';

const sync: AccountHandler = (ctx, account) => {
  if (account.traits.kind === 'reauth') {
    return success(ctx.at, { status: 'reauthorisation_required', has_new_data: false }, { message: 'Reauthorisation required' });
  }
  const jobId = randomObjectId(ctx.at.getTime());
  ctx.state.syncJobs.set(jobId, { accountId: account.id, polls: 0, finished: false });
  return success(
    ctx.at,
    { status: 'processing', job_id: jobId, has_new_data: true },
    { message: 'Sync started', headers: { 'x-has-new-data': 'true', 'x-job-id': jobId, 'x-job-status': 'processing' } },
  );
};

const syncJob: AccountHandler = (ctx, account, params) => {
  const job = ctx.state.syncJobs.get(params.jobId);
  if (!job || job.accountId !== account.id) return failure(ctx.at, 404, 'Job not found');
  job.polls++;
  const reauth = account.traits.kind === 'reauthjob';
  if (!job.finished && job.polls > ctx.pollsUntilDone) {
    job.finished = true;
    const completions = ctx.state.syncCompletions.get(account.id) ?? [];
    if (!reauth) ctx.state.syncCompletions.set(account.id, [...completions, ctx.at.getTime()]);
  }
  // What the host answers once Mono's account_updated webhook said this job needs the holder to sign in again.
  const status = !job.finished ? 'processing' : reauth ? 'reauthorisation_required' : 'finished';
  return success(
    ctx.at,
    { id: params.jobId, status, name: SYNC_JOB_NAME, account: account.id },
    { message: job.finished ? 'Job execution completed' : 'Job is processing' },
  );
};

// ---------------------------------------------------------------------------------------------
// fake hosted widget

const widget: Handler = (ctx) => {
  const params = ctx.url.searchParams;
  const account = params.get('account');
  const institution = params.get('institution');
  const html = widgetHtml({
    basePath: ctx.basePath,
    scope: params.get('scope') === 'reauth' ? 'reauth' : 'auth',
    account: account && ACCOUNT_ID_PATTERN.test(account) ? account : null,
    institution: institution && ACCOUNT_ID_PATTERN.test(institution) ? institution : null,
  });
  return text(html, 'text/html; charset=utf-8', { 'content-security-policy': WIDGET_CSP, 'referrer-policy': 'no-referrer' });
};

// ---------------------------------------------------------------------------------------------
// routing

interface Route {
  method: 'GET' | 'POST';
  segments: readonly string[];
  handle: Handler;
  /** The live server's query rules, so what works here works live; `'any'` for the sandbox's own pages. */
  query?: QuerySpec | 'any';
}

function route(method: Route['method'], path: string, handle: Handler, query?: QuerySpec | 'any'): Route {
  return { method, segments: path.split('/'), handle, query };
}

const ROUTES: readonly Route[] = [
  route('POST', 'accounts/initiate', initiate),
  route('POST', 'accounts/auth', exchange),
  route('GET', 'accounts/:id', withAccount(details)),
  route('GET', 'accounts/:id/transactions', withAccount(transactions), TRANSACTION_QUERY),
  route('GET', 'accounts/:id/statement', withAccount(statement), STATEMENT_QUERY),
  route('GET', 'accounts/:id/statement/jobs/:jobId', withAccount(statementJob)),
  route('GET', 'accounts/:id/statement/jobs/:jobId/pdf', withAccount(statementDownload)),
  route('GET', 'accounts/:id/identity', withAccount(identity)),
  route('GET', 'accounts/:id/income-records', withAccount(incomeRecords)),
  route('POST', 'accounts/:id/income', withBody(withAccount(startIncome))),
  route('GET', 'accounts/:id/assets', withAccount(assets)),
  route('GET', 'accounts/:id/earnings', withAccount(earnings)),
  route('POST', 'accounts/:id/sync', withBody(withAccount(sync))),
  route('GET', 'accounts/:id/jobs/:jobId', withAccount(syncJob)),
  route('GET', 'widget', widget, 'any'),
  route('POST', 'widget/linked', widgetLinked, 'any'),
  route('GET', 'widget.js', () => text(WIDGET_JS, 'text/javascript; charset=utf-8'), 'any'),
  route('GET', 'widget.css', () => text(WIDGET_CSS, 'text/css; charset=utf-8'), 'any'),
];

function match(route: Route, segments: readonly string[]): Params | null {
  if (route.segments.length !== segments.length) return null;
  const params: Params = {};
  for (let i = 0; i < segments.length; i++) {
    const pattern = route.segments[i];
    if (pattern.startsWith(':')) {
      if (segments[i] === '' || (pattern === ':id' && RESERVED_IDS.has(segments[i]))) return null;
      params[pattern.slice(1)] = segments[i];
    } else if (pattern !== segments[i]) {
      return null;
    }
  }
  return params;
}

/** Routes `relativePath` (the path below basePath, without its leading "/"). */
export function dispatch(ctx: RouteContext, relativePath: string): Response | Promise<Response> {
  let segments: string[];
  try {
    segments = relativePath.split('/').map(decodeURIComponent);
  } catch {
    return failure(ctx.at, 400, 'Invalid percent-encoding in the path');
  }
  const method = ctx.request.method.toUpperCase();
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue;
    const params = match(candidate, segments);
    if (!params) continue;
    if (ctx.request.headers.get('sec-fetch-site') === 'cross-site' && !ctx.allowCrossSite) return failure(ctx.at, 403, CONTRACT.crossSite, {}, 'forbidden');
    // As live (the widget's own pages are navigated, so only the accounts routes).
    if (candidate.segments[0] === 'accounts' && notFetch(ctx.request, relativePath)) return failure(ctx.at, 403, CONTRACT.fetchOnly, {}, 'forbidden');
    if (candidate.query !== 'any') {
      try {
        checkQuery(ctx.url.searchParams, candidate.query);
      } catch (error) {
        if (error instanceof HttpError) return failure(ctx.at, error.status, error.message);
        throw error;
      }
    }
    return candidate.handle(ctx, params);
  }
  return failure(ctx.at, 404, `Not found: ${method} ${ctx.url.pathname}`);
}
