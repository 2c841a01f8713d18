import * as z from './schema.js';
import { aliasKeys, MAX_MINOR_UNITS, normalizeCurrency, normalizeDate } from './base.js';

export { aliasKeys, dataOf, isEmptyPayload, isRecord, MAX_MINOR_UNITS, normalizeCurrency, normalizeDate, optionalFieldsRecord, tooLargeToAdd, unrecognised } from './base.js';
export type { ParseResult, SchemaIssue } from './base.js';

export { run } from './schema.js';

/** Accepts both spellings, validates with one schema and keeps precise paths. */
export const aliased = <T>(aliases: Record<string, string>, schema: z.Schema<T>) => z.pipe(aliasKeys(aliases), schema);

/** A value that must be present: reports "missing …" or "expected …, got …" in plain words. */
const required =
  <T>(expected: string, convert: (raw: unknown) => T | undefined): z.Schema<T> =>
  (raw) => {
    const value = raw === undefined ? undefined : convert(raw);
    return value === undefined ? z.mismatch(expected, raw) : value;
  };

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

export const currency = z.pipe(z.nullish(z.string()), (raw) => normalizeCurrency(raw));

/** A currency that may be left out: absent, null and blank alike are not given, so the caller's own default applies. */
export const optionalCurrency = z.pipe(z.nullish(z.string()), (raw) => (raw?.trim() ? normalizeCurrency(raw) : undefined));

export const isoDate = required('a date', normalizeDate);

/** Optional date: absent, null, or unparseable all become null (dates that only decorate a view). */
export const optionalDate: z.Schema<string | null> = (raw) => normalizeDate(raw) ?? null;

/** Optional text: absent or null become null; numbers are accepted as text (phone numbers, BVNs). */
export const optionalText: z.Schema<string | null> = (raw) => (raw === undefined || raw === null ? null : text(raw));
