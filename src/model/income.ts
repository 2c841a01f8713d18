import * as z from './schema.js';
import { monthlyCreditsOf, parseMonthlyCredits, type MonthlyIncome } from './monthly-income.js';
import { optionalCurrency, finite, isRecord, minorUnits, normalizeCurrency, optionalDate, optionalText, run, text, unrecognised, type ParseResult, type SchemaIssue } from './common.js';

export type IncomeGeneration = 'v1-confidence' | 'v1' | 'v2';

export interface IncomeStream {
  /** e.g. SALARY, WAGES. */
  type: string | null;
  /** e.g. MONTHLY, VARIABLE. */
  frequency: string | null;
  monthlyAverage: number | null;
  averageAmount: number | null;
  currency: string;
  /** 0..1; higher is steadier. */
  stability: number | null;
  firstDate: string | null;
  lastDate: string | null;
  lastAmount: number | null;
  lastDescription: string | null;
  periodsWithIncome: number | null;
  numberOfIncomes: number | null;
  numberOfMonths: number | null;
}

/** One income analysis, whatever generation of Mono's income API produced it. Amounts in minor units. */
export interface IncomeSummary {
  generation: IncomeGeneration;
  currency: string;
  averageMonthlyIncome: number | null;
  /** Regular (salary-like) monthly income. */
  estimatedSalary: number | null;
  irregularMonthlyIncome: number | null;
  yearlyIncome: number | null;
  totalIncome: number | null;
  employer: string | null;
  /** Oldest v1 only: 0..1. */
  confidence: number | null;
  sourceCount: number | null;
  streams: IncomeStream[];
  accountName: string | null;
}

export interface IncomeAnalysis {
  message: string;
}

const amount = z.nullish(minorUnits);
const ratio = z.nullish(finite);
const count = z.nullish(finite);

const stream = z.object({
  income_type: optionalText,
  frequency: optionalText,
  monthly_average: amount,
  average_income_amount: amount,
  currency: optionalCurrency,
  stability: ratio,
  first_income_date: optionalDate,
  last_income_date: optionalDate,
  last_income_amount: amount,
  last_income_description: optionalText,
  periods_with_income: count,
  number_of_incomes: count,
  number_of_months: count,
});

/** v2; `monthly_average*` are the names before Mono's 2025-03-10 rename to `aggregated_monthly_average*`. */
const v2 = z.object({
  account_name: optionalText,
  currency: optionalCurrency,
  income_summary: z.object({
    total_income: amount,
    employer: optionalText,
    aggregated_monthly_average: amount,
    aggregated_monthly_average_regular: amount,
    aggregated_monthly_average_irregular: amount,
    monthly_average: amount,
    monthly_average_regular: amount,
    monthly_average_irregular: amount,
  }),
  income_streams: z.withDefault(z.nullable(z.array(stream)), []),
  annual_income: amount,
  monthly_income: amount,
});

const v1 = z.object({
  average_income: amount,
  monthly_income: amount,
  yearly_income: amount,
  income_sources: count,
  currency: optionalCurrency,
});

const v1Confidence = z.object({
  type: text,
  amount: minorUnits,
  employer: optionalText,
  confidence: ratio,
  currency: optionalCurrency,
});

const nz = (n: number | null | undefined) => (n === undefined ? null : n);

function fromV2(r: z.infer<typeof v2>): IncomeSummary {
  const s = r.income_summary;
  const cur = r.currency ?? r.income_streams?.find((x) => x.currency)?.currency ?? 'NGN';
  const streams = (r.income_streams ?? []).map(
    (x): IncomeStream => ({
      type: x.income_type,
      frequency: x.frequency,
      monthlyAverage: nz(x.monthly_average),
      averageAmount: nz(x.average_income_amount),
      currency: x.currency ?? cur,
      stability: nz(x.stability),
      firstDate: x.first_income_date,
      lastDate: x.last_income_date,
      lastAmount: nz(x.last_income_amount),
      lastDescription: x.last_income_description,
      periodsWithIncome: nz(x.periods_with_income),
      numberOfIncomes: nz(x.number_of_incomes),
      numberOfMonths: nz(x.number_of_months),
    }),
  );
  return {
    generation: 'v2',
    currency: cur,
    averageMonthlyIncome: nz(s.aggregated_monthly_average ?? s.monthly_average ?? r.monthly_income),
    estimatedSalary: nz(s.aggregated_monthly_average_regular ?? s.monthly_average_regular),
    irregularMonthlyIncome: nz(s.aggregated_monthly_average_irregular ?? s.monthly_average_irregular),
    yearlyIncome: nz(r.annual_income),
    totalIncome: nz(s.total_income),
    employer: s.employer,
    confidence: null,
    sourceCount: streams.length,
    streams,
    accountName: r.account_name,
  };
}

function fromV1(r: z.infer<typeof v1>): IncomeSummary {
  return {
    generation: 'v1',
    currency: r.currency ?? 'NGN',
    averageMonthlyIncome: nz(r.average_income ?? r.monthly_income),
    estimatedSalary: nz(r.monthly_income),
    irregularMonthlyIncome: null,
    yearlyIncome: nz(r.yearly_income),
    totalIncome: null,
    employer: null,
    confidence: null,
    sourceCount: nz(r.income_sources),
    streams: [],
    accountName: null,
  };
}

function fromV1Confidence(r: z.infer<typeof v1Confidence>): IncomeSummary {
  const average = r.type.toUpperCase() === 'AVG_INCOME';
  return {
    generation: 'v1-confidence',
    currency: r.currency ?? normalizeCurrency(undefined),
    averageMonthlyIncome: r.amount,
    estimatedSalary: average ? null : r.amount,
    irregularMonthlyIncome: null,
    yearlyIncome: null,
    totalIncome: null,
    employer: r.employer,
    confidence: nz(r.confidence),
    sourceCount: null,
    streams: [],
    accountName: null,
  };
}

function parseRecord(record: unknown, path: string): ParseResult<IncomeSummary> {
  const prefix = (r: ParseResult<never>) =>
    r.ok ? r : { ok: false as const, issue: { ...r.issue, path: r.issue.path ? `${path}.${r.issue.path}` : path } };
  if (!isRecord(record)) return prefix(unrecognised('income'));
  if ('income_summary' in record || 'income_streams' in record) {
    const r = run(v2, record);
    return r.ok ? { ok: true, value: fromV2(r.value) } : prefix(r);
  }
  if ('confidence' in record || ('type' in record && 'amount' in record)) {
    const r = run(v1Confidence, record);
    return r.ok ? { ok: true, value: fromV1Confidence(r.value) } : prefix(r);
  }
  if ('average_income' in record || 'yearly_income' in record || 'monthly_income' in record) {
    const r = run(v1, record);
    return r.ok ? { ok: true, value: fromV1(r.value) } : prefix(r);
  }
  return prefix(unrecognised('income'));
}

/** `income-records` (a list), or a single record of any generation; `data: null` or `[]` means no record yet. */
export function parseIncomeRecords(body: unknown): ParseResult<IncomeSummary[]> {
  if (!isRecord(body)) return unrecognised('income records');
  const data = 'data' in body ? body.data : body;
  if (data === null || data === undefined) {
    // "No record yet" starts a (billed) analysis: never read it from an answer that says it failed.
    if (/fail|error/i.test(String(body.status))) return { ok: false, issue: { path: 'status', message: 'says it failed' } };
    return { ok: true, value: [] };
  }
  const items = Array.isArray(data) ? data : [data];
  const out: IncomeSummary[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = parseRecord(items[i], Array.isArray(data) ? `data[${i}]` : 'data');
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

/** `income-records` as the host answers it: Mono's records, and the host's monthly credits when it sent them. */
export interface IncomeRecords {
  /** In the order Mono made them (the last is the newest); empty until an analysis has finished. */
  records: IncomeSummary[];
  /** Money in per month over the newest record's period (`monthly_credits`); null when the host sent none. */
  monthlyCredits: MonthlyIncome | null;
  /** Why the host's `monthly_credits` were refused: only the bars fail, the records stand. */
  monthlyCreditsIssue?: SchemaIssue;
}

export function parseIncome(body: unknown): ParseResult<IncomeRecords> {
  const records = parseIncomeRecords(body);
  if (!records.ok) return records;
  const raw = monthlyCreditsOf(body);
  const newest = records.value.at(-1);
  const income: IncomeRecords = { records: records.value, monthlyCredits: null };
  if (raw === undefined || raw === null || !newest) return { ok: true, value: income };
  const monthly = parseMonthlyCredits(raw, newest.currency);
  if (monthly.ok) income.monthlyCredits = monthly.value;
  else income.monthlyCreditsIssue = monthly.issue;
  return { ok: true, value: income };
}

export function parseIncomeAnalysis(body: unknown): ParseResult<IncomeAnalysis> {
  if (!isRecord(body)) return unrecognised('income analysis');
  const r = run(z.object({ message: optionalText }), body);
  return r.ok ? { ok: true, value: { message: r.value.message ?? '' } } : r;
}
