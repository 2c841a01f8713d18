import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withMonthlyCredits } from '../../src/server/monthly-credits.js';
import { parseIncome } from '../../src/model/income.js';
import * as samples from '../fixtures/mono-samples.js';

const NOW = Date.UTC(2025, 5, 2);
const credit = (date: string, amount: number) => ({ id: `t${date}${amount}`, narration: 'NIP TRANSFER FROM ADA', amount, type: 'credit', balance: 0, date, category: 'transfer' });
const records = (streams: Record<string, unknown>[]) => ({ status: 'successful', data: [{ ...samples.incomeRecordsV2.data[0], income_streams: streams }] });
const stream = (first: string | null, last: string | null) => ({ ...samples.incomeRecordsV2.data[0].income_streams[0], first_income_date: first, last_income_date: last });

async function attach(body: unknown, rows: unknown[] | Error) {
  const queries: string[] = [];
  const errors: unknown[] = [];
  const out = await withMonthlyCredits(
    body,
    async (query) => {
      queries.push(query.toString());
      if (rows instanceof Error) throw rows;
      return { status: 'successful', data: rows, meta: { total: rows.length, page: 1, previous: null, next: null } };
    },
    { now: NOW, onError: (e) => errors.push(e) },
  );
  return { out: out as Record<string, unknown>, queries, errors };
}

describe('withMonthlyCredits (the reference backend\'s income bars)', () => {
  it('asks for the credits of the period and sums them per month, in a shape the browser accepts', async () => {
    const { out, queries } = await attach(records([stream('2025-01-27', '2025-03-27')]), [credit('2025-03-27T09:00:00Z', 700), credit('2025-01-05T09:00:00Z', 50), credit('2025-01-27T09:00:00Z', 450)]);
    assert.deepEqual(queries, ['type=credit&paginate=false&start=01-01-2025&end=27-03-2025']);
    assert.deepEqual(out.monthly_credits, { start: '2025-01-01', end: '2025-03-27', months: [{ month: '2025-01', total: 500 }, { month: '2025-02', total: 0 }, { month: '2025-03', total: 700 }] });
    const parsed = parseIncome(out);
    assert.ok(parsed.ok && parsed.value.monthlyCredits?.totals.join() === '500,0,700');
  });

  it('keeps a period that starts before it ends when the streams disagree', async () => {
    // One stream's last income is before the other's first.
    const { out } = await attach(records([stream(null, '2025-03-10'), stream('2025-05-02', null)]), [credit('2025-03-01T00:00:00Z', 5)]);
    assert.deepEqual(out.monthly_credits, { start: '2025-03-01', end: '2025-03-10', months: [{ month: '2025-03', total: 5 }] });
    assert.ok(parseIncome(out).ok);
  });

  it('sends the records as they came when the credits fail, or would not add up exactly', async () => {
    const body = records([stream('2025-01-27', '2025-03-27')]);
    const failed = await attach(body, new Error('bank timeout'));
    assert.equal(failed.out, body);
    assert.match(String(failed.errors[0]), /bank timeout/);
    const huge = await attach(body, [credit('2025-01-05T00:00:00Z', Number.MAX_SAFE_INTEGER), credit('2025-02-05T00:00:00Z', 2)]);
    assert.equal(huge.out, body, 'a sum past 2^53 is never sent');
    assert.equal(huge.errors.length, 1);
  });

  it('asks nothing for no record, or for an analysis that found no income', async () => {
    for (const body of [{ status: 'successful', data: [] }, { status: 'successful', data: null }, { data: { average_income: 0, monthly_income: 0, yearly_income: 0, income_sources: 0 } }, 'not json']) {
      const { out, queries } = await attach(body, []);
      assert.equal(out, body);
      assert.deepEqual(queries, []);
    }
  });
});
