import type { Earning } from '../../model/investments.js';
import { monthsBetween } from '../../model/months.js';

export type EarningsPeriod = '3' | '6' | '12' | 'all';
export const EARNINGS_PERIODS: readonly EarningsPeriod[] = ['3', '6', '12', 'all'];

/** First ISO day of the period: the current calendar month and the N − 1 before it; null for all. */
export function periodStart(period: EarningsPeriod, now = Date.now()): string | null {
  if (period === 'all') return null;
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (Number(period) - 1), 1)).toISOString().slice(0, 10);
}

/** Earnings on or after `start` (all when null), newest first. */
export function earningsInPeriod(earnings: readonly Earning[], start: string | null): Earning[] {
  return earnings.filter((e) => start === null || e.date.slice(0, 10) >= start).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** Totals per currency, never added across currencies. */
export function totalsByCurrency(earnings: readonly Earning[]): Array<{ currency: string; amount: number; count: number }> {
  const totals = new Map<string, { currency: string; amount: number; count: number }>();
  for (const e of earnings) {
    const t = totals.get(e.currency) ?? { currency: e.currency, amount: 0, count: 0 };
    t.amount += e.amount;
    t.count++;
    totals.set(e.currency, t);
  }
  return [...totals.values()];
}

export interface CumulativeSeries {
  currency: string;
  /** `YYYY-MM`, oldest first. */
  months: string[];
  monthly: number[];
  cumulative: number[];
}

/** Earnings of one currency added up month by month, from the period's first month (or the first earning) to `now`. */
export function cumulativeByMonth(earnings: readonly Earning[], currency: string, start: string | null, now = Date.now()): CumulativeSeries {
  const mine = earnings.filter((e) => e.currency === currency);
  const end = new Date(now).toISOString().slice(0, 10);
  const first = start ?? mine.reduce((min, e) => (e.date.slice(0, 10) < min ? e.date.slice(0, 10) : min), end);
  const months = monthsBetween(first, end);
  const index = new Map(months.map((m, i) => [m, i]));
  const monthly = months.map(() => 0);
  for (const e of mine) {
    const i = index.get(e.date.slice(0, 7));
    if (i !== undefined) monthly[i] += e.amount;
  }
  let running = 0;
  const cumulative = monthly.map((m) => (running += m));
  return { currency, months, monthly, cumulative };
}
