// Money in per calendar month over an income analysis's period: the income chart's bars. The reference
// backend works them out next to Mono's income records (`monthly_credits`), so the browser need not fetch
// a year of credits; the element works them out itself from a host that does not.
import type { IncomeSummary } from './income.js';
import type { Transaction } from './transactions.js';
import * as z from './schema.js';
import { isRecord, run, type ParseResult } from './common.js';
import { monthsBetween } from './months.js';

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
  // Streams may disagree (one's first income after another's last): the period never starts after its last month.
  return { start: isoDay(Math.min(startMs, monthStart(end.getUTCFullYear(), end.getUTCMonth()))), end: isoDay(endMs) };
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

export function isEmptyIncome(summary: IncomeSummary): boolean {
  return (
    summary.streams.length === 0 &&
    !summary.averageMonthlyIncome &&
    !summary.estimatedSalary &&
    !summary.yearlyIncome &&
    !summary.totalIncome
  );
}

/** `monthly_credits` as the host sends it beside Mono's income records. */
export interface MonthlyCreditsBody {
  start: string;
  end: string;
  months: Array<{ month: string; total: number }>;
}

export const monthlyCreditsBody = (m: MonthlyIncome): MonthlyCreditsBody => ({
  start: m.start,
  end: m.end,
  months: m.months.map((month, i) => ({ month, total: m.totals[i] })),
});

const MAX_MONTHS = 2 * MAX_CHART_MONTHS;
const day = z.pipe(z.string(), (s) => (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s) ? s : z.fail('expected a YYYY-MM-DD day')));
const total = z.pipe(z.number(), (n) => (Number.isSafeInteger(n) && n >= 0 ? n : z.fail('expected a whole amount, 0 or more')));
const entries = z.array(z.object({ month: z.string(), total }));
const monthlyCreditsSchema = z.pipe(
  // The length first, so a hostile host's million entries cost nothing.
  z.object({ start: day, end: day, months: (m) => (Array.isArray(m) && m.length > MAX_MONTHS ? z.fail(`expected at most ${MAX_MONTHS} months`) : entries(m)) }),
  (body) => {
    const expected = monthsBetween(body.start, body.end);
    if (body.end < body.start || expected.length > MAX_MONTHS || body.months.length !== expected.length) {
      z.fail(`expected one entry per month from start to end, at most ${MAX_MONTHS}`, ['months']);
    }
    body.months.forEach((m, i) => m.month !== expected[i] && z.fail(`expected ${expected[i]}`, ['months', i, 'month']));
    return body;
  },
);

/** The host's `monthly_credits` (amounts in `currency`), checked against its own period. */
export function parseMonthlyCredits(body: unknown, currency: string): ParseResult<MonthlyIncome> {
  const r = run(monthlyCreditsSchema, body);
  if (!r.ok) return { ok: false, issue: { ...r.issue, path: r.issue.path ? `monthly_credits.${r.issue.path}` : 'monthly_credits' } };
  const { start, end, months } = r.value;
  return { ok: true, value: { start, end, currency, months: months.map((m) => m.month), totals: months.map((m) => m.total) } };
}

/** Where the host put `monthly_credits`: beside `data` in Mono's body. */
export const monthlyCreditsOf = (body: unknown): unknown => (isRecord(body) ? body.monthly_credits : undefined);
