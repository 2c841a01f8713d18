// Every resource of the host-backend contract: how its request looks, a valid answer (Mono's v2 shape,
// from test/fixtures), the parser the client runs on it, and the paths of its free-text fields (the ones a
// bank or broker fills in, so the ones hostile text arrives through).
import {
  parseAccount,
  parseAssets,
  parseEarnings,
  parseExchange,
  parseIdentity,
  parseIncome,
  parseIncomeAnalysis,
  parseInitiation,
  parseJob,
  parseStatement,
  parseStatementJob,
  parseSync,
  parseTransactions,
  type ParseResult,
} from '../../src/model/index.js';
import * as s from '../fixtures/mono-samples.js';

export type ResourceKey =
  | 'initiate'
  | 'exchange'
  | 'account'
  | 'transactions'
  | 'statement'
  | 'statementJob'
  | 'identity'
  | 'incomeRecords'
  | 'incomeAnalysis'
  | 'assets'
  | 'earnings'
  | 'sync'
  | 'job';

export interface ResourceSpec {
  key: ResourceKey;
  method: 'GET' | 'POST';
  /** Matches the path relative to the endpoint (and the query, where two resources share a path). */
  matches: (path: string, query: URLSearchParams) => boolean;
  /** Valid answers in every generation the kit accepts; the first is Mono's current v2 shape. */
  samples: unknown[];
  parse: (body: unknown) => ParseResult<unknown>;
  /** Free-text fields of samples[0]; `[]` means every element of that array. */
  textFields: string[];
}

const ID = '[^/]+';
const under = (suffix: string) => new RegExp(`^/accounts/${ID}${suffix}$`);

export const RESOURCES: Record<ResourceKey, ResourceSpec> = {
  initiate: {
    key: 'initiate',
    method: 'POST',
    matches: (p) => p === '/accounts/initiate',
    samples: [s.initiateAuth, s.initiateReauth],
    parse: parseInitiation,
    textFields: ['data.customer', 'data.meta.ref', 'data.scope'],
  },
  exchange: {
    key: 'exchange',
    method: 'POST',
    matches: (p) => p === '/accounts/auth',
    samples: [s.exchangeEnvelope, s.exchangeBare],
    parse: parseExchange,
    textFields: ['data.id'],
  },
  account: {
    key: 'account',
    method: 'GET',
    matches: (p) => under('').test(p) && !/^\/accounts\/(initiate|auth)$/.test(p),
    samples: [s.accountV2, s.accountV1Flat, s.accountV1Legacy],
    parse: parseAccount,
    textFields: [
      'data.account.name',
      'data.account.account_number',
      'data.account.type',
      'data.account.bvn',
      'data.account.institution.name',
      'data.account.institution.bank_code',
      'data.account.institution.type',
      'data.customer.id',
      'data.meta.auth_method',
      'data.meta.data_status',
      'data.meta.ref',
    ],
  },
  transactions: {
    key: 'transactions',
    method: 'GET',
    matches: (p) => under('/transactions').test(p),
    samples: [s.transactionsV2, s.transactionsV1Paging, s.transactionsV1Legacy],
    parse: parseTransactions,
    textFields: ['data[].id', 'data[].narration', 'data[].category'],
  },
  statement: {
    key: 'statement',
    method: 'GET',
    matches: (p, q) => under('/statement').test(p) && q.get('output') !== 'pdf',
    samples: [s.statementJson],
    parse: parseStatement,
    textFields: ['data[].id', 'data[].narration', 'data[].category'],
  },
  statementJob: {
    key: 'statementJob',
    method: 'GET',
    matches: (p, q) => (under('/statement').test(p) && q.get('output') === 'pdf') || under(`/statement/jobs/${ID}`).test(p),
    samples: [s.statementPdfBuilt, s.statementPdfBuilding],
    parse: parseStatementJob,
    textFields: ['data.id', 'data.status', 'data.path'],
  },
  identity: {
    key: 'identity',
    method: 'GET',
    matches: (p) => under('/identity').test(p),
    samples: [s.identityV2, s.identityV1],
    parse: parseIdentity,
    textFields: [
      'data.full_name',
      'data.bvn',
      'data.email',
      'data.phone',
      'data.gender',
      'data.address_line1',
      'data.address_line2',
      'data.state_of_origin',
      'data.lga_of_origin',
      'data.marital_status',
    ],
  },
  incomeRecords: {
    key: 'incomeRecords',
    method: 'GET',
    matches: (p) => under('/income-records').test(p),
    samples: [s.incomeRecordsV2, s.incomeRecordsV2PreRename, { data: s.incomeV1Confidence }, { data: s.incomeV1 }, s.incomeRecordsWithMonthlyCredits],
    parse: parseIncome,
    textFields: [
      'data[].account_name',
      'data[].income_summary.employer',
      'data[].income_streams[].income_type',
      'data[].income_streams[].frequency',
      'data[].income_streams[].last_income_description',
    ],
  },
  incomeAnalysis: {
    key: 'incomeAnalysis',
    method: 'POST',
    matches: (p) => under('/income').test(p),
    samples: [s.incomeStart],
    parse: parseIncomeAnalysis,
    textFields: ['message'],
  },
  assets: {
    key: 'assets',
    method: 'GET',
    matches: (p) => under('/assets').test(p),
    samples: [s.assetsV2, s.assetsV1],
    parse: parseAssets,
    textFields: ['data.id', 'data.assets[].name', 'data.assets[].type', 'data.assets[].details.symbol'],
  },
  earnings: {
    key: 'earnings',
    method: 'GET',
    matches: (p) => under('/earnings').test(p),
    samples: [s.earningsV2],
    parse: parseEarnings,
    textFields: ['data[].id', 'data[].narration', 'data[].asset.name', 'data[].asset.symbol'],
  },
  sync: {
    key: 'sync',
    method: 'POST',
    matches: (p) => under('/sync').test(p),
    samples: [s.syncProcessing, s.syncReauth, s.syncV1, s.syncV1Reauth],
    parse: parseSync,
    textFields: ['data.job_id'],
  },
  job: {
    key: 'job',
    method: 'GET',
    matches: (p) => under(`/jobs/${ID}`).test(p),
    samples: [s.jobFinished],
    parse: parseJob,
    textFields: ['data.id', 'data.name'],
  },
};

export const RESOURCE_KEYS = Object.keys(RESOURCES) as ResourceKey[];

/** Which resource a request to the host backend asks for (path relative to the endpoint). */
export function resourceFor(method: string, path: string, query: URLSearchParams): ResourceKey | undefined {
  return RESOURCE_KEYS.find((k) => RESOURCES[k].method === method.toUpperCase() && RESOURCES[k].matches(path, query));
}

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Sets `value` at a dotted path (`a.b[].c`) in place, on every element of each `[]` array. */
export function setPath(target: unknown, path: string, value: unknown): void {
  const walk = (node: unknown, parts: string[]): void => {
    if (node === null || typeof node !== 'object') return;
    const [head, ...rest] = parts;
    const each = head.endsWith('[]');
    const key = each ? head.slice(0, -2) : head;
    const record = node as Record<string, unknown>;
    if (each) {
      const list = record[key];
      if (!Array.isArray(list)) return;
      if (rest.length === 0) list.fill(value);
      else for (const item of list) walk(item, rest);
      return;
    }
    if (rest.length === 0) record[key] = value;
    else walk(record[key], rest);
  };
  walk(target, path.split('.'));
}

/** A copy of the resource's v2 sample with `text` in every free-text field. */
export function withText(key: ResourceKey, text: string): unknown {
  const body = clone(RESOURCES[key].samples[0]);
  for (const field of RESOURCES[key].textFields) setPath(body, field, text);
  return body;
}
