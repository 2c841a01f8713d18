import * as z from 'zod/mini';

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

/** `z.pipe(z.transform(alias), schema)`: accept both spellings, validate with one schema and keep precise paths. */
export const aliased = <T extends z.ZodMiniType>(aliases: Record<string, string>, schema: T) =>
  z.pipe(z.transform(aliasKeys(aliases)), schema);

const fail = (ctx: { issues: unknown[] }, input: unknown, message: string): never => {
  (ctx.issues as object[]).push({ code: 'custom', message, input });
  return z.NEVER as never;
};

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A value that must be present: reports "missing …" or "expected …, got …" in plain words. */
const required = <T>(expected: string, convert: (raw: unknown) => T | undefined) =>
  z.pipe(
    z.unknown(),
    z.transform((raw, ctx) => {
      if (raw === undefined) return fail(ctx, raw, `missing ${expected}`);
      const value = convert(raw);
      return value === undefined ? fail(ctx, raw, `expected ${expected}, got ${kindOf(raw)}`) : value;
    }),
  );

const toNumber = (raw: unknown) =>
  typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;

/** An integer amount in the currency's minor unit (kobo for NGN). Numeric strings are accepted; fractions are rounded. */
export const minorUnits = required('an amount in minor units', (raw) => {
  const n = Math.round(toNumber(raw));
  return Number.isFinite(n) && Math.abs(n) <= MAX_MINOR_UNITS ? n : undefined;
});

/** A plain finite number (quantities, prices, stability ratios). */
export const finite = required('a number', (raw) => {
  const n = toNumber(raw);
  return Number.isFinite(n) && Math.abs(n) <= 1e15 ? n : undefined;
});

/** Text; numbers are accepted as text (ids, phone numbers, BVNs). */
export const text = required('text', (raw) => (typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined));

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

export const currency = z.pipe(z.nullish(z.string()), z.transform((raw) => normalizeCurrency(raw)));

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{2})[-/](\d{2})[-/](\d{4})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

const validDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= MIN_YEAR && y <= MAX_YEAR && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

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
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  return d.getUTCFullYear() >= MIN_YEAR && d.getUTCFullYear() <= MAX_YEAR ? d.toISOString() : undefined;
}

export const isoDate = required('a date', normalizeDate);

/** Optional date: absent, null, or unparseable all become null (dates that only decorate a view). */
export const optionalDate = z.pipe(
  z.optional(z.unknown()),
  z.transform((raw) => normalizeDate(raw) ?? null),
);

/** Optional text: absent or null become null; numbers are accepted as text (phone numbers, BVNs). */
export const optionalText = z.pipe(
  z.optional(z.unknown()),
  z.transform((raw, ctx): string | null => {
    if (raw === undefined || raw === null) return null;
    if (typeof raw === 'string') return raw;
    if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
    return fail(ctx, raw, `expected text, got ${kindOf(raw)}`);
  }),
);

/** Mono's v2 envelope, or a bare v1 body. Extra fields are ignored. */
export const envelope = <T extends z.ZodMiniType>(data: T) =>
  z.object({ status: z.optional(z.string()), message: z.optional(z.nullable(z.string())), data });

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const got = (issue as { input?: unknown }).input;
    const kind = got === null ? 'null' : Array.isArray(got) ? 'array' : typeof got;
    return got === undefined ? `missing ${issue.expected}` : `expected ${issue.expected}, got ${kind}`;
  }
  if (issue.code === 'invalid_union') return 'value matches none of the accepted shapes';
  if (issue.code === 'invalid_value') return `unexpected value (allowed: ${issue.values.map(String).join(', ')})`;
  return issue.message;
}

const pathOf = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

/** Runs a schema and turns the first failure into a path and a sentence; never throws. */
export function run<T>(schema: z.ZodMiniType<T>, input: unknown): ParseResult<T> {
  let result;
  try {
    result = schema.safeParse(input);
  } catch (cause) {
    return { ok: false, issue: { path: '', message: `unreadable response: ${String(cause)}` } };
  }
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0];
  return { ok: false, issue: { path: pathOf(first.path), message: describe(first) } };
}

export const unrecognised = (what: string): ParseResult<never> => ({
  ok: false,
  issue: { path: '', message: `not a ${what} response in any known Mono shape` },
});

/** The body inside the v2 envelope (`data`), or the body itself for bare v1 answers. */
export const dataOf = (body: unknown): unknown => (isRecord(body) && 'data' in body ? body.data : body);
