import type { MonoError } from '../../client/errors.js';
import type { IncomeSummary } from '../../model/income.js';
import type { Transaction } from '../../model/transactions.js';
import { monthsBetween } from '../../charts/months.js';

/** Money in per calendar month over the analysed period (minor units of `currency`). */
export interface MonthlyIncome {
  /** `YYYY-MM`, oldest first. */
  months: string[];
  totals: number[];
  currency: string;
  /** ISO days the series covers. */
  start: string;
  end: string;
}

/** What `<mono-income-summary>` shows (and sends in `mono-load`): Mono's analysis plus the monthly bars. */
export interface IncomeView {
  accountId: string;
  summary: IncomeSummary;
  monthly: MonthlyIncome | null;
  /** Why the monthly bars are missing, when their request failed (the summary still shows). */
  monthlyError: MonoError | null;
}

export const MAX_CHART_MONTHS = 12;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthStart = (year: number, month: number) => Date.UTC(year, month, 1);

/**
 * The period the bars cover: from the first to the last income date of the streams (v2), capped to the
 * last 12 months of it; the 12 months up to `now` when the record has no streams (v1 generations).
 */
export function analysedPeriod(summary: IncomeSummary, now = Date.now()): { start: string; end: string } {
  const firsts = summary.streams.map((s) => s.firstDate).filter((d): d is string => !!d);
  const lasts = summary.streams.map((s) => s.lastDate).filter((d): d is string => !!d);
  const endMs = lasts.length ? Date.parse(`${lasts.sort().at(-1)!.slice(0, 10)}T00:00:00Z`) : now;
  const end = new Date(endMs);
  const earliest = monthStart(end.getUTCFullYear(), end.getUTCMonth() - (MAX_CHART_MONTHS - 1));
  const first = firsts.length ? Date.parse(`${firsts.sort()[0].slice(0, 10)}T00:00:00Z`) : earliest;
  const startMs = Math.max(earliest, monthStart(new Date(first).getUTCFullYear(), new Date(first).getUTCMonth()));
  return { start: isoDay(startMs), end: isoDay(endMs) };
}

/**
 * Sums credits per calendar month (UTC). Mono's income records carry no monthly breakdown, so the bars
 * show all money in over the analysed period, integer minor units added exactly.
 */
export function monthlyTotals(credits: readonly Transaction[], start: string, end: string, currency: string): MonthlyIncome {
  const months = monthsBetween(start, end);
  const index = new Map(months.map((m, i) => [m, i]));
  const totals = months.map(() => 0);
  for (const t of credits) {
    if (t.type !== 'credit') continue;
    const i = index.get(t.date.slice(0, 7));
    if (i !== undefined) totals[i] += t.amount;
  }
  return { months, totals, currency, start, end };
}

export type StabilityLevel = 'VeryStable' | 'Stable' | 'Variable' | 'Irregular';

/** Mono's 0–1 stability in plain words. */
export function stabilityLevel(stability: number): StabilityLevel {
  if (stability >= 0.8) return 'VeryStable';
  if (stability >= 0.6) return 'Stable';
  if (stability >= 0.4) return 'Variable';
  return 'Irregular';
}

/** `SALARY` → `Salary`, `business_income` → `Business income` (Mono's codes, shown as words). */
export function humanise(code: string | null): string {
  if (!code) return '';
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function isEmptyIncome(summary: IncomeSummary): boolean {
  return (
    summary.streams.length === 0 &&
    !summary.averageMonthlyIncome &&
    !summary.estimatedSalary &&
    !summary.yearlyIncome &&
    !summary.totalIncome
  );
}
