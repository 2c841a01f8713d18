// The model's helpers that need no schemas: the connect path (src/model/connect.ts and the client's
// transport) imports only these, so that the schemas stay out of the connect button's bundle.

/** Where and why a response did not match any shape Mono is known to send. */
export interface SchemaIssue {
  /** Dotted path into the response body, e.g. `data.account.balance` (empty for the body itself). */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issue: SchemaIssue };

export const MAX_MINOR_UNITS = Number.MAX_SAFE_INTEGER;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Renames the keys an older generation or a webhook spells differently (`_id`, camelCase) to the v2 name. */
export function aliasKeys(aliases: Record<string, string>) {
  return (value: unknown): unknown => {
    if (!isRecord(value)) return value;
    let out: Record<string, unknown> | undefined;
    for (const from in aliases) {
      const to = aliases[from];
      if (from in value && !(to in value)) {
        out ??= { ...value };
        out[to] = value[from];
      }
    }
    return out ?? value;
  };
}

/** What a value is, in the words of an issue message (`null`, `array`, `string`…). */
export const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const CURRENCY_NAMES: Record<string, string> = { NAIRA: 'NGN', CEDI: 'GHS', CEDIS: 'GHS', SHILLING: 'KES', RAND: 'ZAR', DOLLAR: 'USD', DOLLARS: 'USD' };

/**
 * ISO 4217 code from what Mono sends: `NGN`, `ngn`, `Naira`, or the mangled `_u_s_d` key of the assets sample.
 * Anything else becomes `XXX` (ISO's "no currency") so that formatting never throws.
 */
export function normalizeCurrency(raw: unknown, fallback = 'NGN'): string {
  if (typeof raw !== 'string' || raw.trim() === '') return fallback;
  const letters = raw.replace(/[^A-Za-z]/g, '').toUpperCase();
  if (/^[A-Z]{3}$/.test(letters)) return letters;
  return CURRENCY_NAMES[letters] ?? 'XXX';
}

/** An ISO day, `YYYY-MM-DD` (year, month and day captured). */
export const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{2})[-/](\d{2})[-/](\d{4})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

const validDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= MIN_YEAR && y <= MAX_YEAR && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/**
 * Normalises a date Mono sends (ISO date-time, `YYYY-MM-DD`, or the day-first `DD-MM-YYYY` of v1) to ISO:
 * date-only values stay `YYYY-MM-DD` (no time zone to shift them), date-times become `toISOString()`.
 * Returns undefined for anything that is not a real date between 1900 and 2200.
 */
export function normalizeDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  let m = DATE_ONLY.exec(s);
  if (m) return validDay(+m[1], +m[2], +m[3]) ? s : undefined;
  m = DAY_FIRST.exec(s);
  if (m) return validDay(+m[3], +m[2], +m[1]) ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return undefined;
  // Mono's date-times are UTC; one without a zone is read as UTC too, not as the reader's local time.
  const t = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(s) ? s : `${s}Z`);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  return d.getUTCFullYear() >= MIN_YEAR && d.getUTCFullYear() <= MAX_YEAR ? d.toISOString() : undefined;
}

export const unrecognised = (what: string): ParseResult<never> => ({
  ok: false,
  issue: { path: '', message: `not a ${what} response in any known Mono shape` },
});

/**
 * The record of an answer whose fields are all optional (identity, assets): the v2 envelope's `data`, or a bare
 * v1 body. Undefined when `data` is not an object or the record has none of `keys`, which an all-optional
 * schema would otherwise read as an empty answer (an error page's JSON, Mono's failure envelope, extra nesting).
 */
/**
 * Mono's "empty payload" for data asked for before the account's data is AVAILABLE or PARTIAL: a successful
 * envelope whose `data` is null or `{}` (the exact shape is not documented; `[]` already reads as no rows).
 */
export const isEmptyPayload = (body: Record<string, unknown>): boolean =>
  /^success/i.test(String(body.status)) && (body.data === null || (isRecord(body.data) && !Object.keys(body.data).length));

export function optionalFieldsRecord(body: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> | undefined {
  const record = 'data' in body ? body.data : body;
  return isRecord(record) && keys.some((key) => key in record) ? record : undefined;
}

/**
 * Each amount is a safe integer, but their totals need not be: an answer whose amounts add up past 2^53 is
 * refused rather than shown with rounded totals (any subset a view adds up stays under the whole).
 */
export function tooLargeToAdd<T>(rows: readonly T[], amountOf: (row: T) => number, path: string): ParseResult<never> | undefined {
  let total = 0;
  for (const row of rows) total += Math.abs(amountOf(row));
  return Number.isSafeInteger(total) ? undefined : { ok: false, issue: { path, message: 'amounts too large to add exactly' } };
}

/** The body inside the v2 envelope (`data`), or the body itself for bare v1 answers. */
export const dataOf = (body: unknown): unknown => (isRecord(body) && 'data' in body ? body.data : body);
