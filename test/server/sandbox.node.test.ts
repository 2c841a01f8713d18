import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandboxHandler, SANDBOX_ACCOUNTS } from '../../src/server/index.js';
import { INSTITUTIONS, isValidNuban, nubanCheckDigit } from '../../src/server/sandbox/institutions.js';
import { CONTRACT } from '../../src/server/live/validate.js';

const NOW = new Date('2025-06-02T09:30:00.000Z');
const ORIGIN = 'http://sandbox.test';
const BASE = `${ORIGIN}/api/mono`;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Txn {
  id: string;
  narration: string;
  amount: number;
  type: 'debit' | 'credit';
  balance: number;
  date: string;
  category: string;
}

function sandbox(options: Parameters<typeof createSandboxHandler>[0] = {}) {
  const handler = createSandboxHandler({ now: () => NOW, ...options });
  // A path from an answer (`/api/mono/…`: paging links, PDF paths) resolves against the origin, others against the base.
  const request = (path: string, init?: RequestInit) => handler(new Request(new URL(path.startsWith('/api/mono/') ? path : `${BASE}${path}`, ORIGIN), init));
  return {
    handler,
    request,
    async get(path: string, init?: RequestInit): Promise<{ res: Response; body: Json }> {
      const res = await request(path, init);
      return { res, body: await res.json() };
    },
    async post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ res: Response; body: Json }> {
      const res = await request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { res, body: await res.json() };
    },
  };
}

async function allTransactions(s: ReturnType<typeof sandbox>, id: string): Promise<Txn[]> {
  const { res, body } = await s.get(`/accounts/${id}/transactions?paginate=false`);
  assert.equal(res.status, 200);
  return body.data;
}

function signed(txn: Txn): number {
  return txn.type === 'credit' ? txn.amount : -txn.amount;
}

function assertLedgerConsistent(list: readonly Txn[]): void {
  for (let i = 0; i < list.length; i++) {
    const txn = list[i];
    assert.ok(Number.isInteger(txn.amount) && txn.amount >= 0, `amount of ${txn.id}`);
    assert.ok(Number.isInteger(txn.balance) && txn.balance >= 0, `balance of ${txn.id} never below zero`);
    if (i + 1 < list.length) {
      const older = list[i + 1];
      assert.equal(txn.balance, older.balance + signed(txn), `running balance chains at ${txn.id}`);
      assert.ok(txn.date >= older.date, 'newest first');
    }
  }
}

function dmy(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

function isIso(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value);
}

describe('sandbox: determinism', () => {
  it('answers byte-identical JSON for the same id and day, from separate handlers', async () => {
    for (const path of ['/accounts/acc_demo', '/accounts/acc_demo/transactions?paginate=false', '/accounts/acc_demo/identity', '/accounts/acc_demo/assets', '/accounts/acc_demo/earnings', '/accounts/acc_demo/income-records', '/accounts/acc_demo/statement?period=last6months']) {
      const first = await (await sandbox().request(path)).text();
      const second = await (await sandbox().request(path)).text();
      assert.equal(first, second, path);
    }
  });

  it('regenerates identical data after the account left the cache', async () => {
    const s = sandbox();
    const first = await (await s.request('/accounts/acc_demo/transactions?paginate=false')).text();
    for (const id of ['evict_1', 'evict_2', 'evict_3', 'evict_4', 'evict_5']) await s.request(`/accounts/${id}/transactions?limit=1`);
    assert.equal(await (await s.request('/accounts/acc_demo/transactions?paginate=false')).text(), first);
  });

  it('gives different ids different data', async () => {
    const s = sandbox();
    const a = (await s.get('/accounts/acc_demo')).body.data.account;
    const b = (await s.get('/accounts/someone_else')).body.data.account;
    assert.notEqual(a.account_number, b.account_number);
    assert.notDeepEqual(await allTransactions(s, 'acc_demo'), await allTransactions(s, 'someone_else'));
  });

  it('keeps the data stable through the day', async () => {
    const later = createSandboxHandler({ now: () => new Date('2025-06-02T22:59:00.000Z') });
    const early = await (await sandbox().request('/accounts/acc_demo/transactions?paginate=false')).json();
    const late = await (await later(new Request(`${BASE}/accounts/acc_demo/transactions?paginate=false`))).json();
    assert.deepEqual(late.data, early.data);
  });
});

describe('sandbox: NUBAN', () => {
  it('computes the CBN check digit (CBN worked example: First Bank 000001457 → 9)', () => {
    assert.equal(nubanCheckDigit('011', '000001457'), 9);
    assert.ok(isValidNuban('011', '0000014579'));
    assert.ok(!isValidNuban('011', '0000014578'));
  });
});

describe('sandbox: account details', () => {
  it('has the v2 envelope and shape', async () => {
    const { res, body } = await sandbox().get('/accounts/acc_demo');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(body.status, 'successful');
    assert.equal(typeof body.message, 'string');
    assert.equal(body.timestamp, NOW.toISOString());
    const { account, customer, meta } = body.data;
    assert.equal(account.id, 'acc_demo');
    assert.match(account.name, /^[A-Z]+( [A-Z]+)+$/);
    assert.match(account.account_number, /^\d{10}$/);
    assert.equal(account.currency, 'NGN');
    assert.ok(Number.isInteger(account.balance));
    assert.equal(typeof account.type, 'string');
    assert.match(account.bvn, /^\d{4}$/);
    const bank = INSTITUTIONS.find((i) => i.bankCode === account.institution.bank_code);
    assert.ok(bank, 'a known CBN code');
    assert.equal(account.institution.name, bank.name);
    assert.ok(isValidNuban(bank.bankCode, account.account_number), 'valid NUBAN');
    assert.equal(account.institution.type, 'PERSONAL_BANKING');
    assert.equal(typeof customer.id, 'string');
    assert.equal(meta.data_status, 'AVAILABLE');
    assert.ok(['internet_banking', 'mobile_banking'].includes(meta.auth_method));
    assert.deepEqual(meta.retrieved_data, ['identity', 'balance', 'transactions']);
  });

  it('serves a business current account and a USD domiciliary account', async () => {
    const s = sandbox();
    const business = (await s.get('/accounts/acc_business')).body.data.account;
    assert.equal(business.institution.type, 'BUSINESS_BANKING');
    assert.match(business.name, /LTD|CO|VENTURES|SERVICES|HUB|PRINTS|MATERIALS/);
    const usd = (await s.get('/accounts/usd_savings')).body.data.account;
    assert.equal(usd.currency, 'USD');
    assert.match(usd.type, /DOM/i);
  });

  it('lists the special accounts for the demo picker', () => {
    assert.ok(SANDBOX_ACCOUNTS.some((a) => a.id === 'acc_demo'));
    for (const account of SANDBOX_ACCOUNTS) {
      assert.match(account.id, /^[A-Za-z0-9_-]{1,64}$/);
      assert.ok(account.label && account.description);
    }
  });
});

describe('sandbox: transactions', () => {
  it('keeps running balances consistent and the account balance equal to the newest one', async () => {
    const s = sandbox();
    for (const id of ['acc_demo', 'acc_business', 'usd_savings', 'txns_2000', 'zz-9', 'reauth_x']) {
      const list = await allTransactions(s, id);
      assert.ok(list.length > 0, id);
      assertLedgerConsistent(list);
      const details = (await s.get(`/accounts/${id}`)).body.data.account;
      assert.equal(details.balance, list[0].balance, `${id} balance equals newest running balance`);
      assert.ok(list[0].date < NOW.toISOString() && list[list.length - 1].date > '2024-06-01', `${id} covers the last 12 months`);
    }
  });

  it('has a realistic shape, categories and narrations', async () => {
    const list = await allTransactions(sandbox(), 'acc_demo');
    assert.ok(list.length >= 30 && list.length <= 600);
    const categories = new Set(['shopping', 'transfer', 'airtime', 'salary', 'bank_charges', 'bills', 'online_transactions', 'transport', 'entertainment', 'unknown']);
    for (const txn of list) {
      assert.match(txn.id, /^[0-9a-f]{24}$/);
      assert.ok(isIso(txn.date));
      assert.ok(['debit', 'credit'].includes(txn.type));
      assert.ok(categories.has(txn.category), txn.category);
      assert.equal(typeof txn.narration, 'string');
    }
    assert.equal(new Set(list.map((t) => t.id)).size, list.length, 'unique ids');
    const salaries = list.filter((t) => t.category === 'salary');
    assert.ok(salaries.length >= 11, 'monthly salary');
    for (const salary of salaries) {
      const day = new Date(salary.date);
      assert.ok(day.getUTCDate() >= 25 && day.getUTCDate() <= 28, `paid on the 25th-28th: ${salary.date}`);
      assert.ok(day.getUTCDay() !== 0 && day.getUTCDay() !== 6, `paid on a weekday: ${salary.date}`);
    }
    assert.ok(list.some((t) => t.category === 'bank_charges'));
  });

  it('gives normal accounts 30 to 600 transactions', async () => {
    const s = sandbox();
    for (const id of ['a', 'b', 'c', 'customer-42']) {
      const { body } = await s.get(`/accounts/${id}/transactions?limit=1`);
      assert.ok(body.meta.total >= 30 && body.meta.total <= 600, `${id}: ${body.meta.total}`);
    }
  });

  it('filters by inclusive date range, type and case-insensitive narration', async () => {
    const s = sandbox();
    const all = await allTransactions(s, 'acc_demo');
    const endDay = all[Math.floor(all.length / 4)].date.slice(0, 10);
    const startDay = all[Math.floor(all.length / 2)].date.slice(0, 10);
    const { body } = await s.get(`/accounts/acc_demo/transactions?paginate=false&start=${dmy(startDay)}&end=${dmy(endDay)}`);
    const expected = all.filter((t) => t.date.slice(0, 10) >= startDay && t.date.slice(0, 10) <= endDay);
    assert.deepEqual(body.data, expected);
    assert.ok(body.data.some((t: Txn) => t.date.startsWith(startDay)) && body.data.some((t: Txn) => t.date.startsWith(endDay)), 'both ends included');

    const debits = (await s.get('/accounts/acc_demo/transactions?paginate=false&type=debit')).body.data as Txn[];
    assert.deepEqual(debits, all.filter((t) => t.type === 'debit'));
    const credits = (await s.get('/accounts/acc_demo/transactions?paginate=false&type=credit')).body;
    assert.equal(credits.meta.total + debits.length, all.length);

    const lower = (await s.get('/accounts/acc_demo/transactions?paginate=false&narration=salary')).body.data;
    const upper = (await s.get('/accounts/acc_demo/transactions?paginate=false&narration=SaLaRy')).body.data;
    assert.ok(lower.length > 0);
    assert.deepEqual(lower, upper);
    assert.deepEqual(lower, all.filter((t) => t.narration.toLowerCase().includes('salary')));
  });

  it('pages with page, limit, total, previous and next', async () => {
    const s = sandbox();
    const all = await allTransactions(s, 'acc_demo');
    const first = (await s.get('/accounts/acc_demo/transactions?limit=7&type=debit')).body;
    const debits = all.filter((t) => t.type === 'debit');
    assert.equal(first.meta.total, debits.length);
    assert.equal(first.meta.page, 1);
    assert.equal(first.meta.previous, null);
    assert.deepEqual(first.data, debits.slice(0, 7));
    assert.match(first.meta.next, /^\/api\/mono\//, 'a path: the Host header does not make it');
    const next = new URL(first.meta.next, ORIGIN);
    assert.equal(next.origin + next.pathname, `${BASE}/accounts/acc_demo/transactions`);
    assert.equal(next.searchParams.get('page'), '2');
    assert.equal(next.searchParams.get('type'), 'debit');
    assert.equal(next.searchParams.get('limit'), '7');
    const second = (await s.get(first.meta.next)).body;
    assert.deepEqual(second.data, debits.slice(7, 14));
    assert.equal(new URL(second.meta.previous, ORIGIN).searchParams.get('page'), '1');

    const lastPage = Math.ceil(debits.length / 7);
    const last = (await s.get(`/accounts/acc_demo/transactions?limit=7&type=debit&page=${lastPage}`)).body;
    assert.equal(last.meta.next, null);
    assert.deepEqual(last.data, debits.slice((lastPage - 1) * 7));
    const beyond = (await s.get(`/accounts/acc_demo/transactions?limit=7&type=debit&page=${lastPage + 1}`)).body;
    assert.deepEqual(beyond.data, []);

    const defaults = (await s.get('/accounts/acc_demo/transactions')).body;
    assert.equal(defaults.data.length, Math.min(50, all.length));
    const unpaged = (await s.get('/accounts/acc_demo/transactions?paginate=false&limit=3')).body;
    assert.equal(unpaged.data.length, all.length);
    assert.equal(unpaged.meta.total, all.length);
    assert.equal(unpaged.meta.next, null);
    assert.equal((await s.get('/accounts/acc_demo/transactions?limit=1000')).res.status, 200);
  });

  it('rejects bad parameters with a message naming the parameter', async () => {
    const s = sandbox();
    const cases: [string, string][] = [
      ['start=2025-01-01', 'start'],
      ['start=31-02-2025', 'start'],
      ['end=1-1-2025', 'end'],
      ['start=10-05-2025&end=01-05-2025', 'start'],
      ['type=refund', 'type'],
      ['paginate=maybe', 'paginate'],
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['limit=ten', 'limit'],
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['page=1.5', 'page'],
      ['page=100001', 'page'],
      ['type=DEBIT', 'type'],
      ['limit=', 'limit'],
      ['cursor=abc', 'cursor'],
      ['type=debit&type=credit', 'type'],
    ];
    for (const [query, name] of cases) {
      const { res, body } = await s.get(`/accounts/acc_demo/transactions?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(body.status, 'failed');
      assert.ok(body.message.includes(name), `${query}: ${body.message}`);
    }
  });

  it('serves exactly N transactions for txns_N, fast, and caches them', async () => {
    const s = sandbox();
    const started = performance.now();
    const { body } = await s.get('/accounts/txns_100000/transactions?limit=5');
    const firstMs = performance.now() - started;
    assert.equal(body.meta.total, 100_000);
    const again = performance.now();
    await s.get('/accounts/txns_100000/transactions?limit=5&page=3');
    const cachedMs = performance.now() - again;
    console.log(`# txns_100000: first request ${firstMs.toFixed(0)} ms (generation + filter), cached ${cachedMs.toFixed(0)} ms`);
    const all = await allTransactions(s, 'txns_100000');
    assert.equal(all.length, 100_000);
    assertLedgerConsistent(all);
    const months = new Set(all.map((t) => t.date.slice(0, 7)));
    assert.ok(months.size >= 12, 'spread over the year');

    for (const n of [0, 1, 5, 59, 61, 137]) {
      assert.equal((await s.get(`/accounts/txns_${n}/transactions?paginate=false`)).body.data.length, n, `txns_${n}`);
    }
    assert.equal((await s.get('/accounts/txns_100001/transactions')).res.status, 400);
  });
});

describe('sandbox: statements', () => {
  it('answers JSON statements for the period', async () => {
    const s = sandbox();
    const { body } = await s.get('/accounts/acc_demo/statement?period=last3months');
    assert.equal(body.status, 'successful');
    assert.equal(body.meta.count, body.data.length);
    assert.ok(body.data.length > 0);
    for (const txn of body.data) assert.ok(txn.date >= '2025-03-02T09:30:00.000Z', txn.date);
    const all = await allTransactions(s, 'acc_demo');
    assert.deepEqual(body.data, all.filter((t) => t.date >= '2025-03-02T09:30:00.000Z'));
    assert.equal((await s.get('/accounts/acc_demo/statement?period=last1month&output=json')).res.status, 200);
    const year = (await s.get('/accounts/acc_demo/statement?period=last12months')).body;
    assert.equal(year.meta.count, all.length);
    for (const bad of ['period=last13months', 'period=last0months', 'period=3months', '', 'period=last3months&output=xml']) {
      const { res, body: error } = await s.get(`/accounts/acc_demo/statement?${bad}`);
      assert.equal(res.status, 400, bad);
      assert.match(error.message, /period|output/);
    }
  });

  it('builds a PDF through a job: BUILDING, then BUILT, then a real PDF', async () => {
    const s = sandbox();
    const started = (await s.get('/accounts/acc_demo/statement?period=last6months&output=pdf')).body.data;
    assert.equal(started.status, 'BUILDING');
    assert.equal(typeof started.id, 'string');
    assert.equal(started.path, `/api/mono/accounts/acc_demo/statement/jobs/${started.id}/pdf`);

    const early = await s.request(started.path);
    assert.equal(early.status, 409);
    assert.equal((await early.json()).status, 'failed');

    const poll = async () => (await s.get(`/accounts/acc_demo/statement/jobs/${started.id}`)).body.data;
    assert.equal((await poll()).status, 'BUILDING');
    assert.equal((await poll()).status, 'BUILDING');
    const built = await poll();
    assert.deepEqual(built, { id: started.id, status: 'BUILT', path: started.path });

    const pdf = await s.request(started.path);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /^attachment; filename="statement-\d{10}-last6months\.pdf"$/);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const text = new TextDecoder('latin1').decode(bytes);
    assert.ok(text.startsWith('%PDF-1.4'));
    assert.ok(text.trimEnd().endsWith('%%EOF'));
    assert.equal(Number(pdf.headers.get('content-length')), bytes.byteLength);
    // every xref entry points at its object, and startxref at the xref table
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    assert.ok(text.startsWith('xref', startxref));
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    assert.ok(offsets.length >= 6);
    offsets.forEach((offset, index) => assert.ok(text.startsWith(`${index + 1} 0 obj`, offset), `object ${index + 1}`));
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)![1]);
    const streamStart = text.indexOf('stream\n') + 'stream\n'.length;
    assert.equal(text.slice(streamStart + length, streamStart + length + 10), '\nendstream');
    const account = (await s.get('/accounts/acc_demo')).body.data.account;
    assert.ok(text.includes(account.account_number));
    assert.ok(text.includes('Opening balance') && text.includes('Closing balance'));
  });

  it('refuses unknown jobs and jobs of another account', async () => {
    const s = sandbox();
    const job = (await s.get('/accounts/acc_demo/statement?period=last1month&output=pdf')).body.data;
    const missing = await s.request('/accounts/acc_demo/statement/jobs/nope');
    assert.equal(missing.status, 404);
    // The live handler's error envelope, `code` included.
    const body = await missing.json();
    assert.equal(body.status, 'failed');
    assert.equal(body.code, 'not-found');
    assert.equal(body.data, null);
    assert.equal((await s.request(`/accounts/other/statement/jobs/${job.id}`)).status, 404);
    assert.equal((await s.request(`/accounts/acc_demo/statement/jobs/nope/pdf`)).status, 404);
  });

  it('honours pollsUntilDone', async () => {
    const s = sandbox({ pollsUntilDone: 0 });
    const job = (await s.get('/accounts/acc_demo/statement?period=last1month&output=pdf')).body.data;
    assert.equal((await s.get(`/accounts/acc_demo/statement/jobs/${job.id}`)).body.data.status, 'BUILT');
  });
});

describe('sandbox: identity, income, assets, earnings', () => {
  it('serves identity with the BVN\'s last four digits, like the live handler (the whole 11 with fullBvn)', async () => {
    const short = (await sandbox().get('/accounts/acc_demo/identity')).body.data;
    assert.match(short.bvn, /^\d{4}$/);
    assert.match((await sandbox().get('/accounts/v1_x/identity')).body.data.bvn, /^\d{4}$/, 'v1 too');
    const { body } = await sandbox({ fullBvn: true }).get('/accounts/acc_demo/identity');
    const data = body.data;
    assert.equal(data.bvn.slice(-4), short.bvn);
    assert.deepEqual(Object.keys(data).sort(), ['address_line1', 'bvn', 'created_at', 'dob', 'email', 'full_name', 'gender', 'lga_of_origin', 'marital_status', 'phone', 'state_of_origin', 'updated_at']);
    assert.match(data.bvn, /^\d{11}$/);
    assert.match(data.dob, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(data.phone, /^0[789]0\d{8}$|^0[789]1\d{8}$/);
    assert.ok(['male', 'female'].includes(data.gender));
    assert.ok(isIso(data.created_at) && isIso(data.updated_at));
    const details = (await sandbox().get('/accounts/acc_demo')).body.data.account;
    assert.equal(data.full_name, details.name);
    assert.equal(data.bvn.slice(-4), details.bvn);
    const nulls = new Set<string>();
    for (const id of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']) {
      const identity = (await sandbox().get(`/accounts/${id}/identity`)).body.data;
      for (const [key, value] of Object.entries(identity)) if (value === null) nulls.add(key);
    }
    assert.ok(nulls.size > 0, 'some fields are null for some accounts');
  });

  it('derives the income record from the salary transactions', async () => {
    const s = sandbox();
    const { body } = await s.get('/accounts/acc_demo/income-records');
    assert.equal(body.data.length, 1);
    const record = body.data[0];
    const account = (await s.get('/accounts/acc_demo')).body.data.account;
    assert.equal(record.account, 'acc_demo');
    assert.equal(record.account_name, account.name);
    assert.equal(record.account_number, account.account_number);
    const salaries = (await allTransactions(s, 'acc_demo')).filter((t) => t.category === 'salary');
    const stream = record.income_streams.find((x: Json) => x.income_type === 'SALARY');
    assert.ok(stream);
    for (const key of ['income_type', 'frequency', 'monthly_average', 'average_income_amount', 'currency', 'stability', 'first_income_date', 'last_income_date', 'last_income_amount', 'last_income_description', 'periods_with_income', 'number_of_incomes', 'number_of_months']) {
      assert.ok(key in stream, key);
    }
    assert.equal(stream.frequency, 'MONTHLY');
    assert.equal(stream.number_of_incomes, salaries.length);
    assert.equal(stream.last_income_amount, salaries[0].amount);
    assert.equal(stream.last_income_description, salaries[0].narration);
    assert.equal(stream.last_income_date, salaries[0].date.slice(0, 10));
    assert.equal(stream.first_income_date, salaries[salaries.length - 1].date.slice(0, 10));
    assert.ok(stream.stability >= 0 && stream.stability <= 1);
    assert.equal(record.income_summary.employer, salaries[0].narration.replace(/^SALARY \w{3} \d{4} /, '').replace(/ SALARY FOR \w{3} \d{4}$/, ''));
    assert.equal(record.monthly_income, record.income_summary.aggregated_monthly_average);
    assert.equal(record.annual_income, record.monthly_income * 12);
    assert.ok(record.income_summary.total_income >= salaries.reduce((sum, t) => sum + t.amount, 0));
  });

  it('sends the monthly credits of the record\'s period beside the records, as the reference backend does', async () => {
    for (const id of ['acc_demo', 'v1_legacy']) {
      const s = sandbox();
      const { body } = await s.get(`/accounts/${id}/income-records`);
      const monthly = body.monthly_credits;
      assert.ok(monthly, id);
      const stream = Array.isArray(body.data) ? body.data[0].income_streams[0] : null;
      if (stream) assert.equal(monthly.end, stream.last_income_date, 'the period ends on the last income');
      else assert.equal(monthly.end, NOW.toISOString().slice(0, 10), 'a v1 record: the 12 months up to today');
      assert.match(monthly.start, /^\d{4}-\d{2}-01$/);
      assert.ok(monthly.months.length >= 1 && monthly.months.length <= 12);
      const dmy = (iso: string) => iso.split('-').reverse().join('-');
      const credits = (await s.get(`/accounts/${id}/transactions?type=credit&paginate=false&start=${dmy(monthly.start)}&end=${dmy(monthly.end)}`)).body;
      const rows: Txn[] = Array.isArray(credits.data) ? credits.data : credits.data.transactions;
      const expected = new Map<string, number>();
      for (const t of rows) expected.set(t.date.slice(0, 7), (expected.get(t.date.slice(0, 7)) ?? 0) + t.amount);
      for (const { month, total } of monthly.months) assert.equal(total, expected.get(month) ?? 0, `${id} ${month}`);
      assert.ok(monthly.months.some((m: Json) => m.total > 0), 'some money came in');
    }
    assert.equal((await sandbox().get('/accounts/fresh_1/income-records')).body.monthly_credits, undefined, 'no record, no bars');
    const plain = (await sandbox({ monthlyCredits: false }).get('/accounts/acc_demo/income-records')).body;
    assert.equal(plain.data.length, 1);
    assert.equal('monthly_credits' in plain, false, 'monthlyCredits: false, as in live mode');
  });

  it('starts an income analysis and makes fresh accounts wait for it', async () => {
    const s = sandbox();
    assert.deepEqual((await s.get('/accounts/fresh_1/income-records')).body.data, []);
    assert.deepEqual((await s.get('/accounts/fresh_1/income-records')).body.data, []);
    const started = await s.post('/accounts/fresh_1/income');
    assert.equal(started.res.status, 200);
    assert.deepEqual(
      { status: started.body.status, message: started.body.message, data: started.body.data },
      { status: 'successful', message: 'The income of this account is currently being processed, you will receive a webhook when it is ready', data: null },
    );
    assert.deepEqual((await s.get('/accounts/fresh_1/income-records')).body.data, []);
    assert.deepEqual((await s.get('/accounts/fresh_1/income-records')).body.data, []);
    const ready = (await s.get('/accounts/fresh_1/income-records')).body.data;
    assert.equal(ready.length, 1);
    assert.equal(ready[0].account, 'fresh_1');
    assert.equal((await s.post('/accounts/acc_demo/income')).body.status, 'successful');
  });

  it('serves assets with NGN and USD holdings', async () => {
    const { body } = await sandbox().get('/accounts/acc_demo/assets');
    const { id, balances, assets } = body.data;
    assert.equal(typeof id, 'string');
    assert.equal(typeof balances.USD, 'number');
    assert.ok(assets.length >= 3);
    const currencies = new Set(assets.map((a: Json) => a.currency));
    assert.ok(currencies.has('USD') && currencies.has('NGN'));
    for (const asset of assets) {
      assert.equal(typeof asset.name, 'string');
      assert.ok(['Stocks', 'ETFs', 'Mixed'].includes(asset.type));
      assert.ok(Number.isInteger(asset.cost) && Number.isInteger(asset.return));
      assert.ok(asset.quantity === null || typeof asset.quantity === 'number');
      assert.ok('symbol' in asset.details && 'price' in asset.details);
      assert.equal(asset.details.current_balance, asset.return);
      if (asset.type === 'Mixed') assert.equal(asset.quantity, null);
    }
    const usdTotal = assets.filter((a: Json) => a.currency === 'USD').reduce((sum: number, a: Json) => sum + a.details.current_balance, 0);
    assert.equal(balances.USD, usdTotal);
  });

  it('serves earnings newest first over the last ~18 months', async () => {
    const { body } = await sandbox().get('/accounts/acc_demo/earnings');
    assert.ok(body.data.length > 0);
    for (let i = 0; i < body.data.length; i++) {
      const earning = body.data[i];
      assert.equal(typeof earning.id, 'string');
      assert.ok(Number.isInteger(earning.amount) && earning.amount > 0);
      assert.ok(isIso(earning.date) && earning.date < NOW.toISOString() && earning.date > '2023-11-01');
      assert.ok(['USD', 'NGN'].includes(earning.currency));
      assert.deepEqual(Object.keys(earning.asset).sort(), ['name', 'quantity_sold', 'sale_price', 'symbol']);
      if (i > 0) assert.ok(body.data[i - 1].date >= earning.date);
    }
  });
});

describe('sandbox: sync', () => {
  it('runs a sync job to finished and adds recent transactions', async () => {
    const s = sandbox();
    const before = await allTransactions(s, 'acc_demo');
    const { res, body } = await s.post('/accounts/acc_demo/sync');
    assert.equal(res.status, 200);
    assert.equal(body.data.status, 'processing');
    assert.equal(body.data.has_new_data, true);
    assert.equal(typeof body.data.job_id, 'string');
    assert.equal(res.headers.get('x-job-id'), body.data.job_id);
    const poll = async () => (await s.get(`/accounts/acc_demo/jobs/${body.data.job_id}`)).body.data;
    const first = await poll();
    assert.deepEqual(first, { id: body.data.job_id, status: 'processing', name: 'jobs.accounts.sync_statement', account: 'acc_demo' });
    assert.equal((await poll()).status, 'processing');
    assert.equal(await allTransactions(s, 'acc_demo').then((l) => l.length), before.length, 'nothing new before it finishes');
    assert.equal((await poll()).status, 'finished');
    assert.equal((await poll()).status, 'finished');

    const after = await allTransactions(s, 'acc_demo');
    const added = after.length - before.length;
    assert.ok(added >= 1 && added <= 3, `added ${added}`);
    assert.deepEqual(after.slice(added), before);
    assertLedgerConsistent(after);
    const account = (await s.get('/accounts/acc_demo')).body.data.account;
    assert.equal(account.balance, after[0].balance);

    // the same sync number adds the same transactions in a fresh handler
    const other = sandbox();
    const job = (await other.post('/accounts/acc_demo/sync')).body.data.job_id;
    for (let i = 0; i < 3; i++) await other.get(`/accounts/acc_demo/jobs/${job}`);
    assert.deepEqual(await allTransactions(other, 'acc_demo'), after);
  });

  it('reauthjob accounts start a job that ends reauthorisation_required (as the host answers after Mono\'s webhook)', async () => {
    const s = sandbox({ pollsUntilDone: 1 });
    const { body } = await s.post('/accounts/reauthjob_1/sync');
    assert.equal(body.data.status, 'processing');
    const poll = () => s.get(`/accounts/reauthjob_1/jobs/${body.data.job_id}`);
    assert.equal((await poll()).body.data.status, 'processing');
    assert.equal((await poll()).body.data.status, 'reauthorisation_required');
  });

  it('answers reauthorisation_required for reauth accounts, whose reads still work', async () => {
    const s = sandbox();
    const { body } = await s.post('/accounts/reauth_demo/sync');
    assert.equal(body.status, 'successful');
    assert.equal(body.data.status, 'reauthorisation_required');
    assert.ok(!('job_id' in body.data));
    assert.equal((await s.get('/accounts/reauth_demo')).res.status, 200);
    assert.equal((await s.get('/accounts/reauth_demo/transactions')).res.status, 200);
  });

  it('404s unknown sync jobs and jobs of another account', async () => {
    const s = sandbox();
    const job = (await s.post('/accounts/acc_demo/sync')).body.data.job_id;
    assert.equal((await s.request('/accounts/acc_demo/jobs/unknown')).status, 404);
    assert.equal((await s.request(`/accounts/other/jobs/${job}`)).status, 404);
  });
});

describe('sandbox: initiate and exchange', () => {
  it('initiates an auth link pointing at the fake widget, with a fresh session each time', async () => {
    const s = sandbox();
    const { res, body } = await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-7f3a91c2' }, customer: { name: 'Ada', email: 'ada@example.ng' } });
    assert.equal(res.status, 200);
    const data = body.data;
    assert.deepEqual(Object.keys(data), ['mono_url', 'customer', 'meta', 'scope', 'redirect_url', 'created_at']);
    assert.deepEqual(data.meta, { ref: 'kit-7f3a91c2' });
    assert.equal(data.scope, 'auth');
    assert.equal(data.created_at, NOW.toISOString());
    assert.equal(typeof data.customer, 'string');
    const url = new URL(data.mono_url);
    assert.equal(`${url.origin}${url.pathname}`, `${BASE}/widget`);
    assert.equal(url.searchParams.get('reference'), 'kit-7f3a91c2');
    assert.equal(url.searchParams.get('scope'), 'auth');
    assert.ok(url.searchParams.get('session'));
    assert.equal(new URL(data.redirect_url).origin, ORIGIN);
    const again = (await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-7f3a91c3' } })).body.data;
    assert.notEqual(new URL(again.mono_url).searchParams.get('session'), url.searchParams.get('session'));

    const withBank = (await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'r2' }, institution: { id: INSTITUTIONS[0].id, auth_method: 'internet_banking' }, redirect_url: '/mono/return' })).body.data;
    assert.equal(new URL(withBank.mono_url).searchParams.get('institution'), INSTITUTIONS[0].id);
    assert.equal(withBank.redirect_url, `${ORIGIN}/mono/return`);
  });

  it("puts the widget and redirect_url on the calling page's origin, not on a request URL that names another host", async () => {
    // Next.js route handlers get `http://localhost:<port>/…` whatever host the page was opened at: a page at
    // 127.0.0.1 (or a LAN address) then got a widget on localhost, which the button ignores and the cross-site check refuses.
    const s = sandbox();
    const page = 'http://127.0.0.1:3000';
    const sameOrigin = { origin: page, 'sec-fetch-site': 'same-origin', referer: `${page}/bank` };
    const { data } = (await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-page-origin' } }, sameOrigin)).body;
    assert.equal(`${new URL(data.mono_url).origin}${new URL(data.mono_url).pathname}`, `${page}/api/mono/widget`);
    assert.equal(data.redirect_url, `${page}/bank`);
    assert.equal(new URL(data.mono_url).searchParams.get('redirect_url'), `${page}/bank`);
    const given = (await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-page-origin-2' }, redirect_url: '/mono/return' }, sameOrigin)).body.data;
    assert.equal(given.redirect_url, `${page}/mono/return`);
    // Without a browser's word that the caller is on the same origin, the request's own origin, as before.
    const others: Record<string, string>[] = [{ origin: page }, { origin: page, 'sec-fetch-site': 'same-site' }, { origin: 'null', 'sec-fetch-site': 'same-origin' }];
    for (const headers of others) {
      const other = (await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: `kit-${Math.random().toString(36).slice(2)}` } }, headers)).body.data;
      assert.equal(new URL(other.mono_url).origin, ORIGIN, JSON.stringify(headers));
      assert.equal(new URL(other.redirect_url).origin, ORIGIN, JSON.stringify(headers));
    }
  });

  it('refuses what the live handler refuses: a reused or malformed reference, an unknown auth method, a big body, another site', async () => {
    const s = sandbox();
    const initiate = (body: Record<string, unknown>, headers: Record<string, string> = {}) => s.post('/accounts/initiate', body, headers);
    assert.equal((await initiate({ scope: 'auth', meta: { ref: 'kit-once' } })).res.status, 200);
    const reused = await initiate({ scope: 'auth', meta: { ref: 'kit-once' } });
    assert.deepEqual([reused.res.status, reused.body.message], [400, 'meta.ref was already used: every link needs a fresh reference']);
    assert.equal((await initiate({ scope: 'auth', meta: { ref: 'kit ref/1' } })).res.status, 400);
    assert.equal((await initiate({ scope: 'auth', meta: { ref: 'kit-2' }, institution: { id: INSTITUTIONS[0].id, auth_method: 'ussd' } })).res.status, 400);
    assert.equal((await initiate({ scope: 'auth', meta: { ref: 'kit-3' }, pad: 'x'.repeat(17 * 1024) })).res.status, 413);
    const crossSite = await initiate({ scope: 'auth', meta: { ref: 'kit-4' } }, { 'sec-fetch-site': 'cross-site' });
    assert.deepEqual([crossSite.res.status, crossSite.body.code], [403, 'forbidden']);
    assert.equal((await s.request(`/accounts/${'acc_demo'}`, { headers: { 'sec-fetch-site': 'cross-site' } })).status, 403);
    assert.equal((await s.request(`/accounts/${'acc_demo'}`, { headers: { 'sec-fetch-site': 'same-site' } })).status, 200);
    assert.equal((await s.post('/accounts/auth', { reference: '<b>x</b>' })).res.status, 400);
    // Only fetch(): a navigation, an <img> or a <script> of a page of this site is refused, but for the PDF download link.
    for (const mode of ['navigate', 'no-cors']) {
      const refused = await s.request('/accounts/acc_demo/transactions', { headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': mode } });
      assert.deepEqual([refused.status, ((await refused.json()) as { message: string }).message], [403, CONTRACT.fetchOnly], mode);
    }
    assert.equal((await s.request('/accounts/acc_demo', { headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' } })).status, 200);
    const download = await s.request('/accounts/acc_demo/statement/jobs/job_none/pdf', { headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate' } });
    assert.equal(download.status, 404, 'the download link reaches its route');
    assert.equal((await s.request('/widget', { headers: { 'sec-fetch-mode': 'navigate' } })).status, 200, 'the widget page is navigated to');
    // Both backends opt in the same way.
    const open = sandbox({ allowCrossSite: true });
    assert.equal((await open.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-4' } }, { 'sec-fetch-site': 'cross-site' })).res.status, 200);
  });

  it('initiates a reauth link for an account', async () => {
    const { body } = await sandbox().post('/accounts/initiate', { scope: 'reauth', account: 'acc_demo', meta: { ref: 'kit-reauth' } });
    const data = body.data;
    assert.equal(data.account, 'acc_demo');
    assert.equal(data.scope, 'reauth');
    assert.equal(new URL(data.mono_url).searchParams.get('account'), 'acc_demo');
    assert.equal(typeof data.institution, 'string');
    assert.ok(['internet_banking', 'mobile_banking'].includes(data.auth_method));
  });

  it('refuses what the live server refuses: unknown query parameters and bodies that are not JSON', async () => {
    const s = sandbox();
    for (const path of ['/accounts/acc_demo?fresh=1', '/accounts/acc_demo/identity?x=1', '/accounts/acc_demo/statement?period=last1month&format=csv', '/accounts/acc_demo/statement']) {
      const { res, body } = await s.get(path);
      assert.equal(res.status, 400, path);
      assert.equal(body.code, 'bad-request', path);
    }
    for (const path of ['/accounts/initiate', '/accounts/acc_demo/sync', '/accounts/acc_demo/income']) {
      const form = await s.request(path, { method: 'POST', body: '{}' });
      assert.equal(form.headers.get('content-type')?.startsWith('application/json'), true);
      assert.equal(form.status, 415, `${path} as text/plain`);
      assert.equal((await form.json()).code, 'unsupported-media-type');
    }
    assert.equal((await s.post('/accounts/acc_demo/sync')).res.status, 200, 'an empty JSON body counts as {}');
    assert.equal((await s.post('/accounts/acc_demo/income', '[]')).res.status, 400);
    assert.equal((await s.request('/widget?scope=auth&reference=r&session=s')).status, 200, "the sandbox's own widget page takes its own parameters");
  });

  it('validates the initiate body', async () => {
    const s = sandbox();
    const bad: unknown[] = [
      'not json',
      '[1,2]',
      { meta: { ref: 'x' } },
      { scope: 'payments', meta: { ref: 'x' } },
      { scope: 'auth' },
      { scope: 'auth', meta: { ref: 42 } },
      { scope: 'auth', meta: { ref: 'x'.repeat(129) } },
      { scope: 'reauth', meta: { ref: 'x' } },
      { scope: 'reauth', account: 'bad id!', meta: { ref: 'x' } },
      { scope: 'auth', meta: { ref: 'x' }, redirect_url: 'https://evil.example/steal' },
      { scope: 'auth', meta: { ref: 'x' }, customer: 'someone' },
    ];
    for (const body of bad) {
      const { res, body: error } = await s.post('/accounts/initiate', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(error.status, 'failed');
    }
    assert.equal((await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'x'.repeat(128) } })).res.status, 200);
  });

  it('exchanges widget codes once, mapping them back to the account', async () => {
    const s = sandbox();
    const { res, body } = await s.post('/accounts/auth', { code: 'code_acc_demo_x8f3k2m9' });
    assert.equal(res.status, 200);
    assert.equal(body.status, 'successful');
    assert.deepEqual(body.data, { id: 'acc_demo' });
    const reused = await s.post('/accounts/auth', { code: 'code_acc_demo_x8f3k2m9' });
    assert.equal(reused.res.status, 400);
    assert.deepEqual({ status: reused.body.status, message: reused.body.message }, { status: 'failed', message: 'Code already used' });
    assert.deepEqual((await s.post('/accounts/auth', { code: 'code_txns_100000_abcd1234' })).body.data, { id: 'txns_100000' });
  });

  it('maps other well-formed codes to a deterministic id and rejects bad ones', async () => {
    const a = (await sandbox().post('/accounts/auth', { code: 'code_au5w62egpzggouybo83i5spg' })).body.data.id;
    const b = (await sandbox().post('/accounts/auth', { code: 'code_au5w62egpzggouybo83i5spg' })).body.data.id;
    const c = (await sandbox().post('/accounts/auth', { code: 'code_zzzzzzzzzzzz' })).body.data.id;
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.match(a, /^[A-Za-z0-9_-]{1,64}$/);
    assert.equal((await sandbox().get(`/accounts/${a}`)).res.status, 200);
    const s = sandbox();
    for (const body of [{}, { code: '' }, { code: '   ' }, { code: 42 }, { code: 'token_123' }, { code: 'code_<script>' }]) {
      const { res } = await s.post('/accounts/auth', body);
      assert.equal(res.status, 400, JSON.stringify(body));
    }
  });
});

describe('sandbox: switches off (a sandbox others can reach)', () => {
  it('ignores latency, faults and the link-return switch, in headers and query parameters, and still answers', async () => {
    const s = sandbox({ switches: false });
    const started = Date.now();
    const slow = await s.get('/accounts/acc_demo?__latency=5000', { headers: { 'x-sandbox-latency': '5000' } });
    assert.equal(slow.res.status, 200);
    assert.ok(Date.now() - started < 1000, 'no latency');
    assert.equal((await s.get('/accounts/acc_demo', { headers: { 'x-sandbox-fault': 'timeout' } })).res.status, 200);
    assert.equal((await s.get('/accounts/acc_demo?__fault=500')).res.status, 200);
    const link = await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-off-1' } }, { 'x-sandbox-link-return': 'reference' });
    assert.equal(new URL(link.body.data.mono_url).searchParams.get('return'), null);
    assert.equal((await s.get('/accounts/acc_demo?__latency=forever')).res.status, 200, 'a malformed switch is ignored too');
    assert.equal((await sandbox().get('/accounts/acc_demo?__fault=500')).res.status, 500, 'on by default');
  });

  it('caps what one request can cost: txns_N over 5,000 only for the listed txns_100000, and at most 10,000 rows sent whole', async () => {
    const s = sandbox({ switches: false });
    for (const id of ['txns_100000_x1', 'txns_5001', 'txns_99999-b']) {
      const { res, body } = await s.get(`/accounts/${id}/transactions?limit=1`);
      assert.equal(res.status, 400, id);
      assert.match(body.message, /5,000/);
    }
    assert.equal((await s.get('/accounts/txns_5000_x1/transactions?paginate=false')).body.data.length, 5_000);
    assert.equal((await s.get('/accounts/txns_100000/transactions?limit=5')).body.meta.total, 100_000, 'the demo\'s account still works');
    assert.equal((await s.get('/accounts/txns_100000/transactions?limit=1000&page=100')).body.data.length, 1_000);
    const whole = await s.get('/accounts/txns_100000/transactions?paginate=false');
    assert.equal(whole.res.status, 400);
    assert.match(whole.body.message, /10,000/);
    assert.equal((await s.get('/accounts/txns_100000/statement?period=last12months')).res.status, 400);
    assert.equal((await s.get('/accounts/txns_100000/statement?period=last1month')).res.status, 200);
    const on = sandbox();
    assert.equal((await on.get('/accounts/txns_6000_x1/transactions?paginate=false')).body.data.length, 6_000, 'not capped with switches on');
  });
});

describe('sandbox: links completed by reference (Mono\'s hosted link returns no code)', () => {
  it('hands out the account the fake widget reported for a started link, once; waits, then 409 link-pending', async () => {
    const s = sandbox();
    assert.equal((await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-sbx-1' } })).res.status, 200);
    assert.equal((await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-sbx-2' } })).res.status, 200);
    assert.deepEqual((await s.post('/widget/linked', { reference: 'kit-sbx-1', account: 'txns_5' })).body, { received: true });
    const claimed = await s.post('/accounts/auth', { reference: 'kit-sbx-1' });
    assert.equal(claimed.res.status, 200);
    assert.deepEqual(claimed.body, { id: 'txns_5' });
    const again = await s.post('/accounts/auth', { reference: 'kit-sbx-1' });
    assert.deepEqual([again.res.status, again.body.code], [404, 'link-unknown']);

    const started = Date.now();
    const pending = await s.post('/accounts/auth', { reference: 'kit-sbx-2' });
    assert.deepEqual([pending.res.status, pending.body.code], [409, 'link-pending']);
    assert.ok(Date.now() - started >= 1900, 'it waited for the report');
    await s.post('/widget/linked', { reference: 'kit-sbx-2', account: 'acc_demo' });
    assert.deepEqual((await s.post('/accounts/auth', { reference: 'kit-sbx-2' })).body, { id: 'acc_demo' });
  });

  it('linkReturn: reference sends the fake widget down that flow (new links only)', async () => {
    const s = sandbox({ linkReturn: 'reference' });
    const auth = await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-sbx-lr' } });
    assert.equal(new URL(auth.body.data.mono_url).searchParams.get('return'), 'reference');
    const reauth = await s.post('/accounts/initiate', { scope: 'reauth', account: 'acc_demo', meta: { ref: 'kit-sbx-lr2' } });
    assert.equal(new URL(reauth.body.data.mono_url).searchParams.get('return'), null);
    const plain = await sandbox().post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-sbx-lr3' } });
    assert.equal(new URL(plain.body.data.mono_url).searchParams.get('return'), null);
    const switched = await sandbox().post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-sbx-lr4' } }, { 'x-sandbox-link-return': 'reference' });
    assert.equal(new URL(switched.body.data.mono_url).searchParams.get('return'), 'reference', 'per request, by the sandbox switch');
    const back = await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-sbx-lr5' } }, { 'x-sandbox-link-return': 'code' });
    assert.equal(new URL(back.body.data.mono_url).searchParams.get('return'), null, 'the switch overrides the option');
    assert.equal((await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-sbx-lr6' } }, { 'x-sandbox-link-return': 'maybe' })).res.status, 400);
  });

  it('refuses reports and claims for links it never started, bad accounts and bad references; a reauth gets its own account', async () => {
    const s = sandbox();
    assert.equal((await s.post('/widget/linked', { reference: 'kit-never', account: 'acc_demo' })).res.status, 404);
    assert.equal((await s.post('/accounts/auth', { reference: 'kit-never' })).res.status, 404);
    await s.post('/accounts/initiate', { scope: 'auth', meta: { ref: 'kit-sbx-3' } });
    assert.equal((await s.post('/widget/linked', { reference: 'kit-sbx-3', account: '../x' })).res.status, 400);
    for (const reference of ['', 42, 'r'.repeat(500)]) assert.equal((await s.post('/accounts/auth', { reference })).res.status, 400, String(reference));
    await s.post('/accounts/initiate', { scope: 'reauth', account: 'acc_demo', meta: { ref: 'kit-sbx-reauth' } });
    assert.equal((await s.post('/widget/linked', { reference: 'kit-sbx-reauth', account: 'acc_other' })).res.status, 404, 'a reauth keeps its account');
    assert.deepEqual((await s.post('/accounts/auth', { reference: 'kit-sbx-reauth' })).body, { id: 'acc_demo' });
  });
});

describe('sandbox: fake widget', () => {
  it('serves the widget page with a strict CSP and no inline script or style', async () => {
    const s = sandbox();
    const res = await s.request('/widget?reference=kit-1&scope=auth&session=abc');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(res.headers.get('content-security-policy'), "default-src 'self'; frame-ancestors *");
    const html = await res.text();
    assert.ok(html.includes('<script src="/api/mono/widget.js" defer></script>'));
    assert.ok(html.includes('href="/api/mono/widget.css"'));
    assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'no inline script');
    assert.ok(!/<style|\sstyle=|\son[a-z]+=/.test(html), 'no inline style or handlers');
    assert.ok(html.includes('Continue') && html.includes('Cancel'));
    for (const bank of INSTITUTIONS) assert.ok(html.includes(bank.name.replace('&', '&#38;')), bank.name);

    const js = await s.request('/widget.js');
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    const source = await js.text();
    for (const type of ['mono.connect.widget_opened', 'mono.connect.institution_selected', 'mono.connect.login_attempt', 'mono.connect.widget.account_linked', 'mono.connect.widget.closed', 'mono.connect.on_exit']) {
      assert.ok(source.includes(type), type);
    }
    assert.doesNotThrow(() => new Function(source), 'widget.js parses');
    const css = await s.request('/widget.css');
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  });

  it('shows the account being re-authorised and escapes what it echoes', async () => {
    const html = await (await sandbox().request('/widget?scope=reauth&account=acc_demo&reference=r')).text();
    assert.ok(html.includes('Re-authorise'));
    assert.ok(html.includes('value="acc_demo"'));
    const hostile = await (await sandbox().request('/widget?scope=reauth&account=%3Cimg%20src%3Dx%3E')).text();
    assert.ok(!hostile.includes('<img'));
  });
});

describe('sandbox: special accounts', () => {
  it('empty accounts have no data', async () => {
    const s = sandbox();
    const details = (await s.get('/accounts/empty_1')).body.data;
    assert.equal(details.meta.data_status, 'UNAVAILABLE');
    assert.deepEqual(details.meta.retrieved_data, []);
    assert.equal(details.account.balance, 0);
    const txns = (await s.get('/accounts/empty_1/transactions')).body;
    assert.deepEqual(txns.data, []);
    assert.equal(txns.meta.total, 0);
    assert.deepEqual((await s.get('/accounts/empty_1/assets')).body.data.assets, []);
    assert.deepEqual((await s.get('/accounts/empty_1/earnings')).body.data, []);
    assert.deepEqual((await s.get('/accounts/empty_1/income-records')).body.data, []);
    // Once an analysis is started and polled, it finds no income: a record of zeros, not an endless wait.
    assert.equal((await s.post('/accounts/empty_1/income', {})).res.status, 200);
    const polls = [];
    for (let i = 0; i < 3; i++) polls.push((await s.get('/accounts/empty_1/income-records')).body.data);
    assert.deepEqual(polls.slice(0, 2), [[], []]);
    assert.equal(polls[2].length, 1);
    assert.deepEqual([polls[2][0].income_streams, polls[2][0].income_summary.total_income, polls[2][0].monthly_income], [[], 0, 0]);
    assert.deepEqual((await s.get('/accounts/empty_1/statement?period=last3months')).body.meta, { count: 0 });
    const identity = (await s.get('/accounts/empty_1/identity')).body.data;
    assert.equal(identity.bvn, null);
    assert.equal(typeof identity.full_name, 'string');
    assert.equal((await s.get('/accounts/datafailed')).body.data.meta.data_status, 'FAILED');
  });

  it('partial accounts report PARTIAL with identity and balance only', async () => {
    const s = sandbox();
    const details = (await s.get('/accounts/partial_x')).body.data;
    assert.equal(details.meta.data_status, 'PARTIAL');
    assert.deepEqual(details.meta.retrieved_data, ['identity', 'balance']);
    assert.ok(details.account.balance > 0);
    assert.deepEqual((await s.get('/accounts/partial_x/transactions')).body.data, []);
    assert.match((await s.get('/accounts/partial_x/identity')).body.data.bvn, /^\d{4}$/);
  });

  it('processing accounts report PROCESSING for the first reads', async () => {
    const s = sandbox();
    const status = async () => (await s.get('/accounts/processing_1')).body.data.meta.data_status;
    assert.equal(await status(), 'PROCESSING');
    assert.equal(await status(), 'PROCESSING');
    assert.equal(await status(), 'AVAILABLE');
    assert.equal(await status(), 'AVAILABLE');
  });

  it('failing accounts answer 500 Upstream bank timeout', async () => {
    const s = sandbox();
    for (const path of ['', '/transactions', '/identity', '/assets', '/earnings', '/income-records', '/statement?period=last1month']) {
      const { res, body } = await s.get(`/accounts/failing_1${path}`);
      assert.equal(res.status, 500, path);
      assert.deepEqual({ status: body.status, message: body.message }, { status: 'failed', message: 'Upstream bank timeout' });
    }
  });

  it('v1 accounts answer in Mono v1 shapes', async () => {
    const s = sandbox();
    const details = (await s.get('/accounts/v1_legacy')).body;
    assert.equal(details.status, 'successful');
    assert.equal(details.data.id, 'v1_legacy');
    assert.equal(details.data.currency, 'ngn');
    assert.equal(details.data.data_status, 'available');
    assert.ok('auth_method' in details.data.institution && 'bank_code' in details.data.institution);
    assert.ok(!('account' in details.data));

    const txns = (await s.get('/accounts/v1_legacy/transactions?limit=3')).body.data;
    assert.deepEqual(Object.keys(txns.paging).sort(), ['next', 'page', 'previous', 'total']);
    assert.equal(txns.transactions.length, 3);
    assert.ok('_id' in txns.transactions[0] && txns.transactions[0].currency === 'NGN');

    const identity = (await s.get('/accounts/v1_legacy/identity')).body.data;
    assert.ok('fullName' in identity && 'maritalStatus' in identity && 'addressLine1' in identity);
    assert.match(identity.dob, /^\d{2}-\d{2}-\d{4}$/);

    const income = (await s.get('/accounts/v1_legacy/income-records')).body.data;
    assert.deepEqual(Object.keys(income).sort(), ['average_income', 'income_sources', 'monthly_income', 'yearly_income']);

    const assets = (await s.get('/accounts/v1_legacy/assets')).body.data;
    assert.ok('_id' in assets && typeof assets.balances.USD === 'number');
    assert.ok('currentBalance' in assets.assets[0].details);
  });
});

describe('sandbox: fault and latency switches', () => {
  it('answers 500 and 502 with a failure envelope', async () => {
    const s = sandbox();
    for (const code of ['500', '502']) {
      const { res, body } = await s.get(`/accounts/acc_demo?__fault=${code}`);
      assert.equal(res.status, Number(code));
      assert.equal(body.status, 'failed');
      assert.equal(typeof body.message, 'string');
    }
  });

  it('answers 503 and 429 with Retry-After: 1', async () => {
    const s = sandbox();
    for (const code of ['503', '429']) {
      const res = await s.request('/accounts/acc_demo/transactions', { headers: { 'x-sandbox-fault': code } });
      assert.equal(res.status, Number(code));
      assert.equal(res.headers.get('retry-after'), '1');
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      assert.equal((await res.json()).status, 'failed');
    }
  });

  it('answers an HTML error page with 200', async () => {
    const res = await sandbox().request('/accounts/acc_demo?__fault=html');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    await assert.rejects(res.clone().json());
    assert.match(await res.text(), /<html/);
  });

  it('answers malformed JSON that does not parse', async () => {
    const res = await sandbox().request('/accounts/acc_demo?__fault=malformed');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /json/);
    const body = await res.text();
    assert.ok(body.length > 10);
    assert.throws(() => JSON.parse(body));
  });

  it('drops the connection mid-body', async () => {
    const res = await sandbox().request('/accounts/acc_demo/transactions', { headers: { 'x-sandbox-fault': 'drop' } });
    assert.equal(res.status, 200);
    await assert.rejects(res.text());
  });

  it('trickles the whole answer in timed pieces', async () => {
    const whole = await (await sandbox().request('/accounts/acc_demo/transactions')).text();
    const res = await sandbox().request('/accounts/acc_demo/transactions', { headers: { 'x-sandbox-fault': 'trickle' } });
    assert.equal(res.headers.get('x-sandbox-fault'), 'trickle');
    const reader = res.body!.getReader();
    const arrivals: number[] = [];
    const bytes: Uint8Array[] = [];
    const started = performance.now();
    for (let piece; !(piece = await reader.read()).done; ) {
      arrivals.push(performance.now() - started);
      bytes.push(piece.value);
    }
    assert.equal(Buffer.concat(bytes).toString(), whole);
    assert.ok(arrivals.length >= 5, `${arrivals.length} pieces`);
    assert.ok(arrivals.at(-1)! >= 1000, `the last piece came after ${arrivals.at(-1)} ms`);
  });

  it('never answers on timeout until the request is aborted', async () => {
    const s = sandbox();
    const controller = new AbortController();
    const started = performance.now();
    const pending = s.request('/accounts/acc_demo?__fault=timeout', { signal: controller.signal });
    let settled = false;
    pending.then(() => (settled = true), () => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(settled, false);
    controller.abort();
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
    assert.ok(performance.now() - started < 1000);
  });

  it('faults only the first N requests of a key, then recovers', async () => {
    const s = sandbox();
    const headers = { 'x-sandbox-fault': '503', 'x-sandbox-fault-times': '2', 'x-sandbox-fault-key': 'retry-test' };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await s.request('/accounts/acc_demo', { headers })).status);
    assert.deepEqual(statuses, [503, 503, 200, 200]);
    const viaQuery = [];
    for (let i = 0; i < 3; i++) viaQuery.push((await s.request('/accounts/acc_demo?__fault=500&__fault_times=1&__fault_key=q')).status);
    assert.deepEqual(viaQuery, [500, 200, 200]);
  });

  it('delays answers, and stops waiting when the request aborts', async () => {
    const s = sandbox();
    let started = performance.now();
    assert.equal((await s.request('/accounts/acc_demo?__latency=150')).status, 200);
    assert.ok(performance.now() - started >= 140);
    started = performance.now();
    assert.equal((await s.request('/accounts/acc_demo', { headers: { 'x-sandbox-latency': '60' } })).status, 200);
    assert.ok(performance.now() - started >= 55);

    const controller = new AbortController();
    started = performance.now();
    const pending = s.request('/accounts/acc_demo?__latency=5000', { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(pending);
    assert.ok(performance.now() - started < 1000);
  });

  it('strips the switches before processing and rejects bad values', async () => {
    const s = sandbox();
    const { body } = await s.get('/accounts/acc_demo/transactions?limit=2&__latency=1&__fault_key=k');
    assert.ok(!body.meta.next.includes('__'));
    for (const query of ['__fault=teapot', '__latency=-5', '__latency=soon', '__fault=500&__fault_times=x']) {
      const { res, body: error } = await s.get(`/accounts/acc_demo?${query}`);
      assert.equal(res.status, 400, query);
      assert.match(error.message, /x-sandbox/);
    }
  });
});

describe('sandbox: routing', () => {
  it('404s unknown paths and methods with a failure envelope', async () => {
    const s = sandbox();
    const cases: [string, string][] = [
      ['GET', '/unknown'],
      ['GET', '/accounts'],
      ['GET', '/accounts/acc_demo/balance'],
      ['GET', '/accounts/acc_demo/transactions/extra'],
      ['POST', '/accounts/acc_demo'],
      ['DELETE', '/accounts/acc_demo'],
      ['PUT', '/accounts/initiate'],
      ['GET', '/accounts/initiate'],
      ['GET', '/accounts/auth'],
      ['POST', '/widget'],
      ['GET', `${ORIGIN}/elsewhere`],
      ['GET', `${ORIGIN}/api/monoxide/accounts/acc_demo`],
    ];
    for (const [method, path] of cases) {
      const res = await s.request(path, { method });
      assert.equal(res.status, 404, `${method} ${path}`);
      const body = await res.json();
      assert.equal(body.status, 'failed');
      assert.equal(typeof body.message, 'string');
    }
  });

  it('400s invalid account ids', async () => {
    const s = sandbox();
    for (const id of ['bad%24id', 'a'.repeat(65), 'has%20space', '%E2%82%A6']) {
      const { res, body } = await s.get(`/accounts/${id}`);
      assert.equal(res.status, 400, id);
      assert.match(body.message, /account id/);
    }
    assert.equal((await s.request('/accounts/%E0%A4%A/transactions')).status, 400);
  });

  it('mounts under a custom basePath', async () => {
    const handler = createSandboxHandler({ basePath: '/mono/', now: () => NOW });
    assert.equal((await handler(new Request(`${ORIGIN}/mono/accounts/acc_demo`))).status, 200);
    assert.equal((await handler(new Request(`${ORIGIN}/api/mono/accounts/acc_demo`))).status, 404);
    const initiated = await (
      await handler(
        new Request(`${ORIGIN}/mono/accounts/initiate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ scope: 'auth', meta: { ref: 'r' } }),
        }),
      )
    ).json();
    assert.ok(initiated.data.mono_url.startsWith(`${ORIGIN}/mono/widget?`));
  });
});
