import * as z from 'zod/mini';
import { aliasKeys, isRecord, kindOf, MAX_MINOR_UNITS, normalizeCurrency, normalizeDate, type ParseResult } from './base.js';

export { aliasKeys, dataOf, isRecord, MAX_MINOR_UNITS, normalizeCurrency, normalizeDate, unrecognised } from './base.js';
export type { ParseResult, SchemaIssue } from './base.js';

/** `z.pipe(z.transform(alias), schema)`: accept both spellings, validate with one schema and keep precise paths. */
export const aliased = <T extends z.ZodMiniType>(aliases: Record<string, string>, schema: T) =>
  z.pipe(z.transform(aliasKeys(aliases)), schema);

const fail = (ctx: { issues: unknown[] }, input: unknown, message: string): never => {
  (ctx.issues as object[]).push({ code: 'custom', message, input });
  return z.NEVER as never;
};

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

export const currency = z.pipe(z.nullish(z.string()), z.transform((raw) => normalizeCurrency(raw)));

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
    result = schema.safeParse(input, { reportInput: true });
  } catch (cause) {
    return { ok: false, issue: { path: '', message: `unreadable response: ${String(cause)}` } };
  }
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0];
  return { ok: false, issue: { path: pathOf(first.path), message: describe(first) } };
}

