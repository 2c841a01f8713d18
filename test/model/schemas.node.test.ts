import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalizeAccountType,
  normalizeCurrency,
  normalizeDate,
  parseAccount,
  parseAssets,
  parseEarnings,
  parseExchange,
  parseIdentity,
  parseIncome,
  parseIncomeAnalysis,
  parseIncomeRecords,
  parseInitiation,
  parseJob,
  parseStatement,
  parseStatementJob,
  parseSync,
  parseTransactions,
  type ParseResult,
} from '../../src/model/index.js';
import * as s from '../fixtures/mono-samples.js';

function ok<T>(r: ParseResult<T>): T {
  if (!r.ok) assert.fail(`expected success, got ${r.issue.path}: ${r.issue.message}`);
  return r.value;
}
function bad<T>(r: ParseResult<T>): { path: string; message: string } {
  if (r.ok) assert.fail(`expected an invalid-response issue, got ${JSON.stringify(r.value)}`);
  return r.issue;
}
const clone = <T>(v: T): T => structuredClone(v);

describe('account', () => {
  it('normalises the v2 envelope', () => {
    const a = ok(parseAccount(s.accountV2));
    assert.equal(a.id, '683d6b5ef1c2a94e7b0c3d12');
    assert.equal(a.name, 'CHIAMAKA ADAEZE OKAFOR');
    assert.equal(a.accountNumber, '0123456789');
    assert.equal(a.balance, 18452375);
    assert.equal(a.currency, 'NGN');
    assert.equal(a.accountType, 'savings');
    assert.equal(a.accountTypeText, 'SAVINGS');
    assert.equal(a.bvnLast4, '4471');
    assert.deepEqual(a.institution, { name: 'GTBank', bankCode: '058', type: 'PERSONAL_BANKING' });
    assert.equal(a.customerId, '683d6a2c91f0e4b8c2a1d7e3');
    assert.equal(a.dataStatus, 'AVAILABLE');
    assert.deepEqual(a.retrievedData, ['identity', 'balance', 'transactions']);
    assert.equal(a.authMethod, 'internet_banking');
    assert.equal(a.reference, 'kit-7f3a91c2');
  });

  it('accepts the 2023 v1 flat shape with lower-case currency and status', () => {
    const a = ok(parseAccount(s.accountV1Flat));
    assert.equal(a.currency, 'NGN');
    assert.equal(a.dataStatus, 'AVAILABLE');
    assert.equal(a.accountType, 'savings');
    assert.equal(a.accountTypeText, 'Tier 3 Savings Account');
    assert.equal(a.authMethod, 'internet_banking');
  });

  it('accepts the 2021 v1 shape and the account_updated webhook (camelCase, _id, "Naira")', () => {
    const legacy = ok(parseAccount(s.accountV1Legacy));
    assert.equal(legacy.id, '5feec8ce95e8dc6a52e53257');
    assert.equal(legacy.accountNumber, '2001234567');
    assert.equal(legacy.currency, 'NGN');
    assert.equal(legacy.institution.bankCode, '50211');
    const hook = ok(parseAccount(s.accountUpdatedWebhookData));
    assert.equal(hook.id, '683d6b5ef1c2a94e7b0c3d12');
    assert.equal(hook.institution.bankCode, '058');
  });

  it('ignores unknown extra fields', () => {
    const body = clone(s.accountV2) as Record<string, any>;
    body.data.account.surprise = { nested: true };
    body.extra = 1;
    assert.equal(ok(parseAccount(body)).balance, 18452375);
  });

  it('names the path of a wrong type or a missing field', () => {
    const wrong = clone(s.accountV2) as Record<string, any>;
    wrong.data.account.balance = 'lots';
    assert.equal(bad(parseAccount(wrong)).path, 'data.account.balance');
    const missing = clone(s.accountV2) as Record<string, any>;
    delete missing.data.account.account_number;
    const issue = bad(parseAccount(missing));
    assert.equal(issue.path, 'data.account.account_number');
    assert.match(issue.message, /missing/);
  });

  it('rejects amounts that are not safe integers and non-objects', () => {
    const huge = clone(s.accountV2) as Record<string, any>;
    huge.data.account.balance = 1e300;
    assert.equal(bad(parseAccount(huge)).path, 'data.account.balance');
    for (const junk of [null, 42, 'x', [], { data: 'x' }, {}]) bad(parseAccount(junk));
  });

  it('maps unknown data statuses to UNKNOWN instead of failing', () => {
    const body = clone(s.accountV2) as Record<string, any>;
    body.data.meta.data_status = 'SOMETHING_NEW';
    assert.equal(ok(parseAccount(body)).dataStatus, 'UNKNOWN');
  });

  it('normalises free-text account types', () => {
    const cases: Array<[string, string]> = [
      ['SAVINGS', 'savings'],
      ['SAVINGS_ACCOUNT', 'savings'],
      ['Digital Savings Account', 'savings'],
      ['SAVINGS ACCOUNT - INDIVIDUAL', 'savings'],
      ['CURRENT', 'current'],
      ['Current Account - Individual', 'current'],
      ['DOMICILIARY USD', 'domiciliary'],
      ['DOMICILIARY_USD', 'domiciliary'],
      ['SME_CURRENT', 'business'],
      ['FCY_ACCOUNT', 'domiciliary'],
      ['BUSINESS_BANKING', 'business'],
      ['Corporate Current', 'business'],
      ['Wallet', 'other'],
      ['DOM USD', 'domiciliary'],
      ['FREEDOM ACCOUNT', 'other'],
      ['WISDOM SAVINGS', 'savings'],
    ];
    for (const [raw, want] of cases) assert.equal(normalizeAccountType(raw), want, raw);
  });
});

describe('transactions', () => {
  it('normalises a v2 page with meta', () => {
    const p = ok(parseTransactions(s.transactionsV2));
    assert.equal(p.transactions.length, 5);
    assert.equal(p.total, 63);
    assert.equal(p.totalKnown, true);
    assert.equal(p.page, 1);
    assert.equal(p.hasNext, true);
    assert.equal(p.hasPrevious, false);
    const t = p.transactions[0];
    assert.deepEqual(t, {
      id: '683d6c01a7b2e94f10c3a001',
      narration: 'POS PURCHASE SHOPRITE IKEJA CITY MALL LA NG',
      amount: 1875000,
      type: 'debit',
      balance: 18452375,
      date: '2025-05-31T17:42:00.000Z',
      category: 'shopping',
      currency: 'NGN',
    });
  });

  it('gives the same page through the fast path as through the schema, and falls back for irregular rows', () => {
    const fast = ok(parseTransactions(s.transactionsV2));
    const irregular = clone(s.transactionsV2) as Record<string, any>;
    irregular.data[0].amount = '1875000';
    const slow = ok(parseTransactions(irregular));
    assert.deepEqual(slow, fast);
  });

  it('says when the host sent no total (or one below its own rows): the page then counts only its rows', () => {
    for (const total of [undefined, null, 2]) {
      const body = clone(s.transactionsV2) as Record<string, any>;
      body.meta.total = total;
      const p = ok(parseTransactions(body));
      assert.deepEqual([p.total, p.totalKnown, p.hasNext], [5, false, true], String(total));
    }
  });

  it('accepts both v1 paging shapes and `_id`', () => {
    const a = ok(parseTransactions(s.transactionsV1Paging));
    assert.equal(a.transactions[0].id, '5f171a530295e231abca1154');
    assert.equal(a.total, 2);
    const b = ok(parseTransactions(s.transactionsV1Legacy));
    assert.equal(b.transactions[0].id, '5f171a530295e231abca1156');
    assert.equal(b.transactions[0].balance, 0);
  });

  it('keeps hostile narration as plain text and tolerates missing optional fields', () => {
    const body = { data: [{ id: 'x', narration: '<img src=x onerror=alert(1)>', amount: 100, type: 'CREDIT', date: '2025-01-01T00:00:00Z' }] };
    const t = ok(parseTransactions(body)).transactions[0];
    assert.equal(t.narration, '<img src=x onerror=alert(1)>');
    assert.equal(t.type, 'credit');
    assert.equal(t.balance, null);
    assert.equal(t.category, null);
  });

  it('infers the direction from a signed amount when the type is missing', () => {
    const t = ok(parseTransactions({ data: [{ id: 'x', amount: -250, date: '2025-01-01' }] })).transactions[0];
    assert.equal(t.type, 'debit');
    assert.equal(t.amount, 250);
    // Mono's amounts are positive: a positive one with no usable type says nothing about the direction.
    for (const type of [undefined, null, 'reversal']) {
      assert.equal(bad(parseTransactions({ data: [{ id: 'x', amount: 500, date: '2025-01-01', type }] })).path, 'data[0].type', String(type));
    }
  });

  it('names the index and field of a broken row', () => {
    const body = clone(s.transactionsV2) as Record<string, any>;
    body.data[3].date = 'yesterday';
    assert.equal(bad(parseTransactions(body)).path, 'data[3].date');
    const noType = { data: [{ id: 'x', amount: 0, date: '2025-01-01', type: 'sideways' }] };
    assert.equal(bad(parseTransactions(noType)).path, 'data[0].type');
  });
});

describe("Mono's empty payloads (data asked for before it is AVAILABLE)", () => {
  const empty = (data: unknown) => ({ status: 'successful', message: 'Data retrieved successfully', data });

  it('are an empty identity, statement and transactions page, not an invalid response', () => {
    for (const data of [null, {}]) {
      const id = ok(parseIdentity(empty(data)));
      assert.ok(Object.values(id).every((v) => v === null), JSON.stringify(id));
    }
    assert.deepEqual(ok(parseStatement(empty(null))), { transactions: [], count: 0 });
    const page = ok(parseTransactions(empty(null)));
    assert.deepEqual([page.transactions, page.total, page.hasNext], [[], 0, false]);
  });

  it('only from a successful envelope', () => {
    for (const body of [{ status: 'failed', data: null }, { data: null }, { status: 'successful' }]) {
      assert.equal(parseStatement(body).ok, false, JSON.stringify(body));
      assert.equal(parseTransactions(body).ok, false, JSON.stringify(body));
    }
    assert.equal(parseIdentity({ status: 'failed', data: {} }).ok, false);
  });
});

describe('statement', () => {
  it('parses statement JSON and PDF jobs', () => {
    const st = ok(parseStatement(s.statementJson));
    assert.equal(st.count, 2);
    assert.equal(st.transactions[1].category, 'airtime');
    assert.equal(ok(parseStatementJob(s.statementPdfBuilding)).status, 'building');
    const built = ok(parseStatementJob(s.statementPdfBuilt));
    assert.equal(built.status, 'built');
    assert.match(built.path!, /\.pdf$/);
  });

  it('treats any status other than BUILDING and BUILT as a failed job', () => {
    const body = clone(s.statementPdfBuilt);
    body.data.status = 'COMPLETE';
    const job = ok(parseStatementJob(body));
    assert.equal(job.status, 'failed');
    assert.equal(job.statusText, 'COMPLETE');
  });
});

describe('identity', () => {
  it('parses v2 with nulls kept as missing', () => {
    const id = ok(parseIdentity(s.identityV2));
    assert.equal(id.fullName, 'CHIAMAKA ADAEZE OKAFOR');
    assert.equal(id.bvn, '22345674471');
    assert.equal(id.dateOfBirth, '1994-03-11');
    assert.equal(id.lgaOfOrigin, null);
    assert.equal(id.maritalStatus, null);
  });

  it('parses bare v1 camelCase with a day-first date of birth', () => {
    const id = ok(parseIdentity(s.identityV1));
    assert.equal(id.fullName, 'EMEKA NWOSU');
    assert.equal(id.dateOfBirth, '1990-09-02');
    assert.equal(id.addressLine2, 'Enugu');
    assert.equal(id.maritalStatus, 'single');
  });

  it('rejects a field of the wrong type', () => {
    assert.equal(bad(parseIdentity({ data: { full_name: { first: 'x' } } })).path, 'data.full_name');
  });

  it('does not read a wrong shape as an identity with no details (every field is optional)', () => {
    for (const body of [{}, { data: '<html>oops</html>' }, { data: 5 }, { data: [] }, { data: true }, { status: 'failed', message: 'boom', data: null }, { data: { data: s.identityV2.data } }, { data: { id: 'x' } }]) {
      assert.equal(parseIdentity(body).ok, false, JSON.stringify(body));
    }
    // Null details are still details the bank did not give.
    assert.equal(ok(parseIdentity({ data: { full_name: null, bvn: null } })).fullName, null);
  });
});

describe('income', () => {
  it('reads v2 records (current names)', () => {
    const [r] = ok(parseIncomeRecords(s.incomeRecordsV2));
    assert.equal(r.generation, 'v2');
    assert.equal(r.averageMonthlyIncome, 45000000);
    assert.equal(r.estimatedSalary, 45000000);
    assert.equal(r.yearlyIncome, 540000000);
    assert.equal(r.totalIncome, 270000000);
    assert.equal(r.employer, 'PAYSTACK PAYMENTS LTD');
    assert.equal(r.streams.length, 1);
    assert.equal(r.streams[0].stability, 0.94);
    assert.equal(r.streams[0].firstDate, '2024-12-27');
  });

  it('reads v2 records from before the 2025-03-10 rename', () => {
    const [r] = ok(parseIncomeRecords(s.incomeRecordsV2PreRename));
    assert.equal(r.averageMonthlyIncome, 44000000);
    assert.equal(r.estimatedSalary, 43000000);
    assert.equal(r.irregularMonthlyIncome, 1000000);
  });

  it('reads both v1 generations, bare or enveloped', () => {
    const [oldest] = ok(parseIncomeRecords(s.incomeV1Confidence));
    assert.equal(oldest.generation, 'v1-confidence');
    assert.equal(oldest.confidence, 0.95);
    assert.equal(oldest.employer, 'PAYSTACK PAYMENTS LTD');
    const [later] = ok(parseIncomeRecords({ status: 'successful', data: s.incomeV1 }));
    assert.equal(later.generation, 'v1');
    assert.equal(later.yearlyIncome, 540000000);
    assert.equal(later.sourceCount, 1);
  });

  it('treats no records as an empty list and reads the start answer', () => {
    assert.deepEqual(ok(parseIncomeRecords({ status: 'successful', data: [] })), []);
    assert.deepEqual(ok(parseIncomeRecords({ status: 'successful', data: null })), []);
    // A failure said with a 200 is not "no record yet", which would start a billed analysis.
    assert.equal(bad(parseIncomeRecords({ status: 'failed', message: 'Upstream unavailable', data: null })).path, 'status');
    assert.deepEqual(ok(parseIncomeRecords(s.incomeStart)), []);
    assert.match(ok(parseIncomeAnalysis(s.incomeStart)).message, /being processed/);
  });

  it('names the record and field that broke', () => {
    const body = clone(s.incomeRecordsV2) as Record<string, any>;
    body.data[0].income_streams[0].monthly_average = 'a lot';
    assert.equal(bad(parseIncomeRecords(body)).path, 'data[0].income_streams[0].monthly_average');
  });
});

describe('income records with the host\'s monthly credits', () => {
  const months = (list: string[], total = (i: number) => i * 100) => list.map((month, i) => ({ month, total: total(i) }));
  const withMonthly = (monthly: unknown) => ({ ...clone(s.incomeRecordsV2), monthly_credits: monthly });
  const good = { start: '2024-12-01', end: '2025-02-27', months: months(['2024-12', '2025-01', '2025-02']) };

  it('reads them in the newest record\'s currency, beside the records', () => {
    const income = ok(parseIncome(withMonthly(good)));
    assert.equal(income.records.length, 1);
    assert.deepEqual(income.monthlyCredits, { start: '2024-12-01', end: '2025-02-27', currency: 'NGN', months: ['2024-12', '2025-01', '2025-02'], totals: [0, 100, 200] });
  });

  it('is null when the host sent none, or when there is no record to go with them', () => {
    assert.equal(ok(parseIncome(s.incomeRecordsV2)).monthlyCredits, null);
    assert.equal(ok(parseIncome(withMonthly(null))).monthlyCredits, null);
    assert.deepEqual(ok(parseIncome({ status: 'successful', data: [], monthly_credits: good })), { records: [], monthlyCredits: null });
  });

  it('refuses months that do not match their own period, and amounts that are not whole and positive; the records stand', () => {
    const cases: [unknown, string][] = [
      [{ ...good, months: months(['2024-12', '2025-02', '2025-01']) }, 'monthly_credits.months[1].month'],
      [{ ...good, months: months(['2024-12', '2025-01']) }, 'monthly_credits.months'],
      [{ ...good, months: months(['2024-12', '2025-01', '2025-02'], () => -5) }, 'monthly_credits.months[0].total'],
      [{ ...good, months: months(['2024-12', '2025-01', '2025-02'], () => 1.5) }, 'monthly_credits.months[0].total'],
      [{ ...good, start: '01-12-2024' }, 'monthly_credits.start'],
      [{ ...good, end: '2024-11-30' }, 'monthly_credits.months'],
      [{ start: '2020-01-01', end: '2025-02-27', months: [] }, 'monthly_credits.months'],
      ['12 bars', 'monthly_credits'],
      [{ start: '2024-13-01', end: '2025-01-31', months: months(['2024-13', '2025-01']) }, 'monthly_credits.start'],
      [{ ...good, months: new Array(1_000_000).fill({ month: '2024-12', total: 0 }) }, 'monthly_credits.months'],
    ];
    for (const [monthly, path] of cases) {
      const income = ok(parseIncome(withMonthly(monthly)));
      assert.equal(income.monthlyCreditsIssue?.path, path, JSON.stringify(monthly).slice(0, 200));
      assert.equal(income.monthlyCredits, null);
      assert.equal(income.records.length, 1);
    }
  });
});

describe('assets and earnings', () => {
  it('reads v2 assets with the mangled currency key', () => {
    const a = ok(parseAssets(s.assetsV2));
    assert.deepEqual(a.balances, [{ amount: 152340, currency: 'USD' }]);
    const apple = a.assets[0];
    assert.equal(apple.symbol, 'AAPL');
    assert.equal(apple.value, 112540);
    assert.equal(apple.gain, 112540 - 98000);
    assert.ok(Math.abs(apple.gainPercent! - 14.8367) < 0.001);
    assert.equal(a.assets[1].quantity, null);
    assert.equal(a.assets[1].price, null);
  });

  it('reads v1 assets (`_id`, `currentBalance`)', () => {
    const a = ok(parseAssets(s.assetsV1));
    assert.equal(a.id, '5f171a530295e231abca1199');
    assert.equal(a.assets[0].value, 112540);
  });

  it('does not read a wrong shape as an account with no investments (every field is optional)', () => {
    for (const body of [{}, { data: 'x' }, { data: 5 }, { data: [] }, { status: 'failed', message: 'boom', data: null }, { data: { data: s.assetsV2.data } }]) {
      assert.equal(parseAssets(body).ok, false, JSON.stringify(body));
    }
    assert.deepEqual(ok(parseAssets({ data: { assets: [] } })).assets, []);
  });

  it('refuses answers whose amounts add up past 2^53, rather than show rounded totals', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    const txs = clone(s.transactionsV2) as Record<string, any>;
    txs.data = [txs.data[0], { ...txs.data[0], id: 'second' }].map((t: Record<string, unknown>) => ({ ...t, amount: big }));
    assert.match(bad(parseTransactions(txs)).message, /too large to add/);
    txs.data[1].amount = 1;
    assert.equal(parseTransactions(txs).ok, true, 'a safe total still reads');
    const earnings = clone(s.earningsV2) as Record<string, any>;
    earnings.data[0].amount = big;
    earnings.data[1].amount = big;
    assert.match(bad(parseEarnings(earnings)).message, /too large to add/);
    const statement = clone(s.statementJson) as Record<string, any>;
    statement.data = statement.data.map((t: Record<string, unknown>) => ({ ...t, amount: big }));
    assert.match(bad(parseStatement(statement)).message, /too large to add/);
  });

  it('reads earnings', () => {
    const e = ok(parseEarnings(s.earningsV2));
    assert.equal(e.length, 2);
    assert.equal(e[0].asset.symbol, 'AAPL');
    assert.equal(e[1].asset.symbol, null);
    assert.equal(e[0].amount, 4250);
  });

  it('reads a currency given as null like one left out: the default applies, not NGN', () => {
    const earning = s.earningsV2.data[0];
    assert.equal(ok(parseEarnings({ data: [{ ...earning, currency: null }] }))[0].currency, 'USD');
    assert.equal(ok(parseEarnings({ data: [{ ...earning, currency: ' ' }] }))[0].currency, 'USD');
    const record = s.incomeRecordsV2.data[0];
    const [stream] = record.income_streams;
    const usd = { ...record, currency: null, income_streams: [{ ...stream, currency: 'USD' }, { ...stream, currency: null }] };
    const [r] = ok(parseIncomeRecords({ data: [usd] }));
    assert.equal(r.currency, 'USD', "the record's currency comes from its streams");
    assert.deepEqual(r.streams.map((x) => x.currency), ['USD', 'USD'], "a stream without one takes the record's");
  });
});

describe('connect, sync and jobs', () => {
  it('reads initiate answers and refuses non-web URLs', () => {
    const auth = ok(parseInitiation(s.initiateAuth));
    assert.equal(auth.monoUrl, 'https://link.mono.co/ALQ7K2M9ZP4D');
    assert.equal(auth.reference, 'kit-7f3a91c2');
    assert.equal(ok(parseInitiation(s.initiateReauth)).accountId, '683d6b5ef1c2a94e7b0c3d12');
    const evil = clone(s.initiateAuth);
    evil.data.mono_url = 'javascript:alert(1)';
    assert.equal(bad(parseInitiation(evil)).path, 'data.mono_url');
    // The reference the kit sent must come back as it went (or not at all): another one is another link.
    assert.equal(ok(parseInitiation(s.initiateAuth, 'kit-7f3a91c2')).reference, 'kit-7f3a91c2');
    assert.equal(bad(parseInitiation(s.initiateAuth, 'kit-other')).path, 'data.meta.ref');
    const bare = clone(s.initiateAuth);
    Reflect.deleteProperty(bare.data, 'meta');
    assert.equal(ok(parseInitiation(bare, 'kit-other')).reference, null);
  });

  it('reads the exchange answer bare or enveloped', () => {
    assert.equal(ok(parseExchange(s.exchangeBare)).accountId, '683d6b5ef1c2a94e7b0c3d12');
    assert.equal(ok(parseExchange(s.exchangeEnvelope)).accountId, '683d6b5ef1c2a94e7b0c3d12');
    assert.equal(bad(parseExchange({ data: { nope: 1 } })).path, 'data.id');
  });

  it('reads sync answers of both generations', () => {
    assert.deepEqual(ok(parseSync(s.syncProcessing)), { status: 'processing', jobId: '683d7aa0c4e1b2f9d8a60b17', hasNewData: true });
    assert.equal(ok(parseSync(s.syncReauth)).status, 'reauthorisation_required');
    assert.deepEqual(ok(parseSync(s.syncV1)), { status: 'successful', jobId: null, hasNewData: true });
    assert.equal(ok(parseSync(s.syncV1Reauth)).status, 'reauthorisation_required');
    assert.equal(bad(parseSync({ data: { status: 'dancing' } })).path, 'data.status');
    // An envelope whose data is not an object is not Mono's v1 body, whatever its own status says.
    for (const data of [null, [], 'x', 0]) assert.match(bad(parseSync({ status: 'successful', data })).message, /not a sync response/, JSON.stringify(data));
  });

  it('reads job status', () => {
    const job = ok(parseJob(s.jobFinished));
    assert.equal(job.status, 'finished');
    assert.equal(job.name, 'jobs.accounts.sync_statement');
    const status = (value: string) => ok(parseJob({ data: { ...s.jobFinished.data, status: value } })).status;
    assert.deepEqual(
      ['processing', 'failed', 'reauthorisation_required', 'FAILED', 'unsuccessful', 'incomplete', 'completed'].map(status),
      ['processing', 'failed', 'reauthorisation_required', 'failed', 'failed', 'failed', 'finished'],
    );
    assert.equal(ok(parseSync({ data: { status: 'unsuccessful' } })).status, 'failed', 'not read as success');
  });
});

describe('primitives', () => {
  it('normalises currencies', () => {
    assert.equal(normalizeCurrency('ngn'), 'NGN');
    assert.equal(normalizeCurrency('Naira'), 'NGN');
    assert.equal(normalizeCurrency('_u_s_d'), 'USD');
    assert.equal(normalizeCurrency(undefined), 'NGN');
    assert.equal(normalizeCurrency('<script>'), 'XXX');
  });

  it('normalises dates and refuses impossible ones', () => {
    assert.equal(normalizeDate('2025-05-31T17:42:00.000Z'), '2025-05-31T17:42:00.000Z');
    assert.equal(normalizeDate('2025-05-31T18:42:00+01:00'), '2025-05-31T17:42:00.000Z');
    // No zone: UTC, as Mono's other date-times, whatever the reader's time zone.
    assert.equal(normalizeDate('2025-05-31T23:30:00'), '2025-05-31T23:30:00.000Z');
    assert.equal(normalizeDate('2025-05-31T23:30:00.000'), '2025-05-31T23:30:00.000Z');
    assert.equal(normalizeDate('02-09-1990'), '1990-09-02');
    assert.equal(normalizeDate('2025-02-30'), undefined);
    assert.equal(normalizeDate('9999-01-01'), undefined);
    assert.equal(normalizeDate('tomorrow'), undefined);
  });
});
