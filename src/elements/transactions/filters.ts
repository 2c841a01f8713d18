import { normalizeDate } from '../../model/common.js';
import type { TransactionFilters } from '../../core/events.js';

export type TypeFilter = 'all' | 'credit' | 'debit';

/**
 * Filters in one canonical form: ISO calendar days (`YYYY-MM-DD`, inclusive, UTC as Mono's own
 * `start`/`end` are), a direction, and a trimmed narration needle. Absent means "no limit".
 */
export interface NormalFilters {
  start?: string;
  end?: string;
  type?: 'credit' | 'debit';
  narration?: string;
}

/** Mono's narration filter accepts at most this many characters. */
export const MAX_NARRATION = 100;

/** An ISO day from `YYYY-MM-DD` or Mono's `DD-MM-YYYY`; undefined for anything else. */
export function toIsoDay(value: string | null | undefined): string | undefined {
  return normalizeDate(value)?.slice(0, 10);
}

export function toTypeFilter(value: unknown): TypeFilter {
  const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return v === 'credit' || v === 'debit' ? v : 'all';
}

export function normaliseFilters(f: TransactionFilters): NormalFilters {
  const out: NormalFilters = {};
  const start = toIsoDay(f.start);
  const end = toIsoDay(f.end);
  if (start) out.start = start;
  if (end) out.end = end;
  const type = toTypeFilter(f.type);
  if (type !== 'all') out.type = type;
  const narration = (f.narration ?? '').trim();
  if (narration) out.narration = narration;
  return out;
}

/** A start day after the end day matches nothing, and Mono rejects it. */
export const isBadRange = (f: NormalFilters): boolean => f.start !== undefined && f.end !== undefined && f.start > f.end;

export function sameFilters(a: NormalFilters, b: NormalFilters): boolean {
  return a.start === b.start && a.end === b.end && a.type === b.type && (a.narration ?? '').toLowerCase() === (b.narration ?? '').toLowerCase();
}

/**
 * Whether every row matching `wanted` is among the rows matching `loaded`, so that filtering the loaded
 * rows locally gives the full answer and the host need not be asked again.
 */
export function covers(loaded: NormalFilters, wanted: NormalFilters): boolean {
  if (loaded.type && wanted.type !== loaded.type) return false;
  if (loaded.start && !(wanted.start && wanted.start >= loaded.start)) return false;
  if (loaded.end && !(wanted.end && wanted.end <= loaded.end)) return false;
  if (loaded.narration && !(wanted.narration ?? '').toLowerCase().includes(loaded.narration.toLowerCase())) return false;
  return true;
}

/** The day after an ISO day, as an exclusive upper bound that compares correctly with ISO date-times. */
export function dayAfter(isoDay: string): string {
  const t = Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
