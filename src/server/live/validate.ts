import { isRecord } from './body.js';
import { HttpError } from './respond.js';

/** Mono's ids are 24 hex digits; statement job ids are alphanumeric. Nothing else ever reaches a path. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What both backends, live and sandbox, refuse alike: the sandbox takes these from here so that code that works
 * against it works live.
 */
export const CONTRACT = {
  /** A link's reference (`meta.ref`, and a claim's `reference`). */
  ref: /^[A-Za-z0-9._:-]{1,128}$/,
  badRef: 'Invalid meta.ref: expected 1-128 characters from A-Z, a-z, 0-9 and "._:-"',
  reusedRef: 'meta.ref was already used: every link needs a fresh reference',
  usedCode: 'Code already used',
  signIn: 'Sign in before linking an account',
  crossSite: 'Requests from pages on another site are refused (allowCrossSite)',
  fetchOnly: 'Only fetch() requests are served here: not a navigation, an <img> or a <script>',
  maxBodyBytes: 16 * 1024,
};

/** Initiate's `institution` (`{ id, auth_method? }`, or a bare id) as Mono takes it, or what is wrong with it. */
/**
 * Whether the contract refuses `request` as not sent by fetch(): a navigation, an <img> or a <script> (Fetch Metadata),
 * except on the statement's PDF download link (`path` ending in /pdf). Requests without the header (servers) pass.
 */
export function notFetch(request: Request, path: string): boolean {
  const mode = request.headers.get('sec-fetch-mode');
  return mode !== null && mode !== 'cors' && mode !== 'same-origin' && !path.endsWith('/pdf');
}

export function readInstitution(institution: unknown): { id: string; auth_method?: string } | string {
  const id = typeof institution === 'string' ? institution : isRecord(institution) ? institution.id : undefined;
  const authMethod = isRecord(institution) ? institution.auth_method : undefined;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return 'Invalid institution: expected { id }';
  if (authMethod === undefined) return { id };
  if (authMethod !== 'internet_banking' && authMethod !== 'mobile_banking') return 'Invalid institution.auth_method: expected internet_banking or mobile_banking';
  return { id, auth_method: authMethod };
}

export function checkId(value: string, what: string): string {
  if (!ID_PATTERN.test(value)) throw new HttpError(400, 'bad-request', `Invalid ${what}: expected 1-64 characters from A-Z, a-z, 0-9, "_" and "-"`);
  return value;
}

/** Returns an error message, or null when the value is acceptable. */
type Check = (value: string) => string | null;

export interface QuerySpec {
  /** Every parameter the route accepts; anything else is refused. */
  allowed: Record<string, Check>;
  required?: readonly string[];
  /** Checks across parameters, after each passed its own. */
  together?: (query: URLSearchParams) => string | null;
}

const SAFE_NAME = /^[A-Za-z0-9_.-]{1,32}$/;

/** Validates `query` against `spec` and returns a fresh copy holding only the accepted parameters. */
export function checkQuery(query: URLSearchParams, spec: QuerySpec | undefined): URLSearchParams {
  const allowed = spec?.allowed ?? {};
  const seen = new Set<string>();
  const out = new URLSearchParams();
  for (const [name, value] of query) {
    if (!Object.hasOwn(allowed, name)) {
      throw new HttpError(400, 'bad-request', SAFE_NAME.test(name) ? `Unknown query parameter "${name}"` : 'Unknown query parameter');
    }
    if (seen.has(name)) throw new HttpError(400, 'bad-request', `Query parameter "${name}" given more than once`);
    seen.add(name);
    const problem = allowed[name](value);
    if (problem) throw new HttpError(400, 'bad-request', `Invalid ${name}: ${problem}`);
    out.set(name, value);
  }
  for (const name of spec?.required ?? []) {
    if (!seen.has(name)) throw new HttpError(400, 'bad-request', `Missing query parameter "${name}"`);
  }
  const problem = spec?.together?.(out);
  if (problem) throw new HttpError(400, 'bad-request', problem);
  return out;
}

const EARLIEST_YEAR = 1990;

/** `DD-MM-YYYY` as a UTC day in ms, or null unless it is a real calendar day in a plausible year. */
export function parseMonoDate(text: string): number | null {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < EARLIEST_YEAR || year > new Date().getUTCFullYear() + 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? ms : null;
}

export const checks = {
  date: (value: string) => (parseMonoDate(value) === null ? `expected a real date as DD-MM-YYYY from ${EARLIEST_YEAR} to next year` : null),
  oneOf:
    (...options: string[]): Check =>
    (value) =>
      options.includes(value) ? null : `expected ${options.join(' or ')}`,
  integer:
    (min: number, max: number): Check =>
    (value) =>
      /^[1-9]\d{0,8}$/.test(value) && Number(value) >= min && Number(value) <= max ? null : `expected a whole number from ${min} to ${max}`,
  /** Free text sent on to Mono: bounded, and no control characters. */
  text:
    (max: number): Check =>
    (value) =>
      value.length >= 1 && value.length <= max && !/[\u0000-\u001f\u007f]/.test(value) ? null : `expected 1 to ${max} printable characters`,
  /** `last1month` … `last12months`. */
  period: (value: string) => {
    const match = /^last(\d{1,2})months?$/.exec(value);
    const months = match ? Number(match[1]) : 0;
    return months >= 1 && months <= 12 ? null : 'expected last1month to last12months';
  },
};

export const TRANSACTION_QUERY: QuerySpec = {
  allowed: {
    start: checks.date,
    end: checks.date,
    type: checks.oneOf('debit', 'credit'),
    narration: checks.text(100),
    paginate: checks.oneOf('true', 'false'),
    limit: checks.integer(1, 1000),
    page: checks.integer(1, 100_000),
  },
  together: (query) => {
    const start = query.get('start');
    const end = query.get('end');
    if (start && end && (parseMonoDate(start) as number) > (parseMonoDate(end) as number)) return 'Invalid start: start is after end';
    return null;
  },
};

export const STATEMENT_QUERY: QuerySpec = {
  allowed: { period: checks.period, output: checks.oneOf('json', 'pdf') },
  required: ['period'],
};
