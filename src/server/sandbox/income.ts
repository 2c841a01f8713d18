import { BUSINESS_INCOME_PATTERN, SIDE_INCOME_PATTERN } from './narrations.js';
import type { AccountProfile } from './profile.js';
import type { Transaction } from './transactions.js';

export interface IncomeStream {
  income_type: string;
  frequency: 'MONTHLY' | 'VARIABLE';
  monthly_average: number;
  average_income_amount: number;
  currency: string;
  stability: number;
  first_income_date: string;
  last_income_date: string;
  last_income_amount: number;
  last_income_description: string;
  periods_with_income: number;
  number_of_incomes: number;
  number_of_months: number;
}

/** Mirrors the data of Mono's `mono.events.account_income` webhook (MONO_API.md §8). */
export interface IncomeRecord {
  account: string;
  account_name: string;
  account_number: string;
  income_summary: {
    total_income: number;
    employer: string | null;
    aggregated_monthly_average: number;
    aggregated_monthly_average_regular: number;
    aggregated_monthly_average_irregular: number;
  };
  income_streams: IncomeStream[];
  annual_income: number;
  monthly_income: number;
}

/** Mono's later-v1 income shape (a single object). */
export interface LegacyIncome {
  average_income: number;
  monthly_income: number;
  yearly_income: number;
  income_sources: number;
}

function monthsBetween(firstIso: string, lastIso: string): number {
  const [fy, fm] = [Number(firstIso.slice(0, 4)), Number(firstIso.slice(5, 7))];
  const [ly, lm] = [Number(lastIso.slice(0, 4)), Number(lastIso.slice(5, 7))];
  return (ly - fy) * 12 + (lm - fm) + 1;
}

/** Builds one stream from credits (newest first), or null when there are none. */
function stream(incomeType: string, frequency: IncomeStream['frequency'], credits: Transaction[], currency: string): IncomeStream | null {
  if (credits.length === 0) return null;
  const newest = credits[0];
  const oldest = credits[credits.length - 1];
  const months = monthsBetween(oldest.date, newest.date);
  const perMonth = new Map<string, number>();
  let total = 0;
  for (const credit of credits) {
    total += credit.amount;
    const key = credit.date.slice(0, 7);
    perMonth.set(key, (perMonth.get(key) ?? 0) + credit.amount);
  }
  const mean = total / months;
  let squares = 0;
  for (let i = 0; i < months; i++) {
    const date = new Date(Date.UTC(Number(oldest.date.slice(0, 4)), Number(oldest.date.slice(5, 7)) - 1 + i, 1));
    const value = perMonth.get(date.toISOString().slice(0, 7)) ?? 0;
    squares += (value - mean) ** 2;
  }
  const variation = mean > 0 ? Math.sqrt(squares / months) / mean : 1;
  return {
    income_type: incomeType,
    frequency,
    monthly_average: Math.round(mean),
    average_income_amount: Math.round((total / credits.length) * 100) / 100,
    currency,
    stability: Math.round(Math.max(0, Math.min(1, 1 - variation)) * 100) / 100,
    first_income_date: oldest.date.slice(0, 10),
    last_income_date: newest.date.slice(0, 10),
    last_income_amount: newest.amount,
    last_income_description: newest.narration,
    periods_with_income: perMonth.size,
    number_of_incomes: credits.length,
    number_of_months: months,
  };
}

/** The income analysis of an account's credits, consistent with its salary transactions; null when it has no income. */
export function incomeRecord(profile: AccountProfile, transactions: readonly Transaction[]): IncomeRecord | null {
  const salary: Transaction[] = [];
  const irregular: Transaction[] = [];
  const businessPattern = profile.kind === 'business' ? BUSINESS_INCOME_PATTERN : null;
  for (const txn of transactions) {
    if (txn.type !== 'credit') continue;
    if (txn.category === 'salary') salary.push(txn);
    else if (SIDE_INCOME_PATTERN.test(txn.narration) || businessPattern?.test(txn.narration)) irregular.push(txn);
  }
  const streams = [
    stream('SALARY', 'MONTHLY', salary, profile.currency),
    stream(profile.kind === 'business' ? 'BUSINESS' : 'WAGES', 'VARIABLE', irregular, profile.currency),
  ].filter((s): s is IncomeStream => s !== null);
  if (streams.length === 0) return null;

  const regular = streams.filter((s) => s.frequency === 'MONTHLY').reduce((sum, s) => sum + s.monthly_average, 0);
  const other = streams.filter((s) => s.frequency !== 'MONTHLY').reduce((sum, s) => sum + s.monthly_average, 0);
  const totalIncome = [...salary, ...irregular].reduce((sum, t) => sum + t.amount, 0);
  const monthly = regular + other;
  return {
    account: profile.id,
    account_name: profile.accountName,
    account_number: profile.accountNumber,
    income_summary: {
      total_income: totalIncome,
      employer: profile.employer,
      aggregated_monthly_average: monthly,
      aggregated_monthly_average_regular: regular,
      aggregated_monthly_average_irregular: other,
    },
    income_streams: streams,
    annual_income: monthly * 12,
    monthly_income: monthly,
  };
}

/** What an analysis that found no income answers [Inferred]: zero figures and no streams ("No income was found"). */
export function emptyIncomeRecord(profile: AccountProfile): IncomeRecord {
  return {
    account: profile.id,
    account_name: profile.accountName,
    account_number: profile.accountNumber,
    income_summary: { total_income: 0, employer: null, aggregated_monthly_average: 0, aggregated_monthly_average_regular: 0, aggregated_monthly_average_irregular: 0 },
    income_streams: [],
    annual_income: 0,
    monthly_income: 0,
  };
}

export function legacyIncome(record: IncomeRecord | null): LegacyIncome {
  return {
    average_income: record?.income_summary.aggregated_monthly_average ?? 0,
    monthly_income: record?.monthly_income ?? 0,
    yearly_income: record?.annual_income ?? 0,
    income_sources: record?.income_streams.length ?? 0,
  };
}
