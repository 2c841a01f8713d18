import { isRecord } from '../model/base.js';
import { parseIncomeRecords } from '../model/income.js';
import { analysedPeriod, isEmptyIncome, monthlyCreditsBody, monthlyTotals, parseMonthlyCredits } from '../model/monthly-income.js';
import { parseTransactions } from '../model/transactions.js';

/** Mono's day format for a query (`DD-MM-YYYY`) from an ISO day. */
const monoDay = (iso: string) => iso.split('-').reverse().join('-');

/**
 * Mono's `income-records` body with `monthly_credits` beside `data`: the credits of the newest record's
 * period summed per calendar month, so the browser draws the income bars from this one answer instead of
 * fetching a year of credits after it. `credits(query)` asks Mono (or the sandbox) for `transactions` and
 * returns its JSON. Without a record, with an empty one, or when the credits cannot be had, the body is
 * returned as it came: the element then asks for the credits itself and shows their error on its own.
 */
export async function withMonthlyCredits(
  body: unknown,
  credits: (query: URLSearchParams) => Promise<unknown>,
  options: { now: number; onError: (error: unknown) => void },
): Promise<unknown> {
  const records = parseIncomeRecords(body);
  const newest = records.ok ? records.value.at(-1) : undefined;
  if (!isRecord(body) || !newest || isEmptyIncome(newest)) return body;
  const { start, end } = analysedPeriod(newest, options.now);
  try {
    const query = new URLSearchParams({ type: 'credit', paginate: 'false', start: monoDay(start), end: monoDay(end) });
    const page = parseTransactions(await credits(query));
    if (!page.ok) throw new Error(`Mono's credits did not parse at ${page.issue.path || 'the body'}: ${page.issue.message}`);
    const monthly = monthlyCreditsBody(monthlyTotals(page.value.transactions, start, end, newest.currency));
    // Never send what the browser would refuse (a period it cannot check, a sum past 2^53).
    const check = parseMonthlyCredits(monthly, newest.currency);
    if (!check.ok) throw new Error(`The monthly credits would not parse at ${check.issue.path}: ${check.issue.message}`);
    return { ...body, monthly_credits: monthly };
  } catch (error) {
    options.onError(error);
    return body;
  }
}
