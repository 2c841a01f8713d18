import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Transaction } from '../../../src/model/transactions.js';
import { covers, normaliseFilters, toIsoDay, type NormalFilters } from '../../../src/elements/transactions/filters.js';
import { digitWidths, narrationMatcher, parseSort, TransactionIndex, columnWidths, type SortSpec } from '../../../src/elements/transactions/transaction-view.js';
import { readTransactions } from '../../../src/elements/transactions/direct-data.js';
import { run } from '../../../src/model/common.js';
import { completeTransaction, parseTransactions, plainRows, transactionList } from '../../../src/model/transactions.js';

const txn = (over: Partial<Transaction> & Pick<Transaction, 'id'>): Transaction => ({
  narration: 'POS PURCHASE',
  amount: 1000,
  type: 'debit',
  balance: 0,
  date: '2025-05-01T10:00:00.000Z',
  category: null,
  currency: 'NGN',
  ...over,
});

/** The obvious, slow definition of what a view must contain, to check the fast one against. */
function reference(rows: Transaction[], f: NormalFilters, sort: SortSpec): Transaction[] {
  const day = (iso: string) => iso.slice(0, 10);
  const out = rows
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => {
      if (f.type && t.type !== f.type) return false;
      if (f.start && day(t.date) < f.start) return false;
      if (f.end && day(t.date) > f.end) return false;
      if (f.narration && !t.narration.toLowerCase().includes(f.narration.toLowerCase())) return false;
      return true;
    });
  const key = (t: Transaction) => (sort.key === 'date' ? Date.parse(t.date) : t.type === 'credit' ? t.amount : -t.amount);
  // Rows of one time keep the source's own sequence: the later row is the newer one in rows given oldest first.
  const ordered = (by: (a: Transaction, b: Transaction) => boolean) => rows.every((t, i) => i === 0 || by(rows[i - 1], t));
  const oldestFirst = sort.key === 'date' && !ordered((a, b) => a.date >= b.date) && ordered((a, b) => a.date <= b.date);
  out.sort((a, b) => key(b.t) - key(a.t) || (oldestFirst ? b.i - a.i : a.i - b.i));
  if (sort.direction === 'asc') out.reverse();
  return out.map(({ t }) => t);
}

const row = fc.record({
  narration: fc.constantFrom('POS PURCHASE SHOPRITE', 'NIP TRANSFER TO ADA', 'Airtime MTN', 'salary may', 'uber trip', '=HYPERLINK("x")'),
  amount: fc.integer({ min: 0, max: 10_000_000 }),
  type: fc.constantFrom<'credit' | 'debit'>('credit', 'debit'),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  currency: fc.constantFrom('NGN', 'NGN', 'USD'),
});
const filters = fc.record(
  {
    start: fc.integer({ min: 1, max: 28 }).map((d) => `2025-05-${String(d).padStart(2, '0')}`),
    end: fc.integer({ min: 1, max: 28 }).map((d) => `2025-05-${String(d).padStart(2, '0')}`),
    type: fc.constantFrom<'credit' | 'debit'>('credit', 'debit'),
    narration: fc.constantFrom('pos', 'TRANSFER', 'a', 'uber', 'zzz', '='),
  },
  { requiredKeys: [] },
);
const sorts = fc.constantFrom('date-desc', 'date-asc', 'amount-desc', 'amount-asc').map(parseSort);

type RowSpec = { narration: string; amount: number; type: 'credit' | 'debit'; day: number; hour: number; currency: string };
const build = (specs: RowSpec[]) =>
  specs.map((s, i) =>
    txn({ id: `t${i}`, narration: s.narration, amount: s.amount, type: s.type, currency: s.currency, date: `2025-05-${String(s.day).padStart(2, '0')}T${String(s.hour).padStart(2, '0')}:00:00.000Z` }),
  );

describe('TransactionIndex', () => {
  it('filters and sorts exactly like the obvious definition, whether run at once or in tiny slices', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), filters, sorts, (specs, f, sort) => {
        const rows = build(specs);
        const expected = reference(rows, f, sort);
        const index = new TransactionIndex(rows);
        const whole = index.query(f, sort);
        assert.equal(whole.step(Infinity), true);
        assert.deepEqual(whole.result!.toArray(), expected);
        const sliced = new TransactionIndex(rows).query(f, sort);
        let steps = 0;
        while (!sliced.step(0)) steps++;
        assert.deepEqual(sliced.result!.toArray(), expected);
        if (rows.length > 4096) assert.ok(steps > 0);
      }),
    );
  });

  it('sums the totals of the shown rows per currency, filtered or not, in any order of the rows', () => {
    const naive = (rows: readonly Transaction[]) => {
      const by: Record<string, { currency: string; moneyIn: number; moneyOut: number; credits: number; debits: number }> = {};
      for (const t of rows) {
        const b = (by[t.currency] ??= { currency: t.currency, moneyIn: 0, moneyOut: 0, credits: 0, debits: 0 });
        if (t.type === 'credit') [b.moneyIn, b.credits] = [b.moneyIn + t.amount, b.credits + 1];
        else [b.moneyOut, b.debits] = [b.moneyOut + t.amount, b.debits + 1];
      }
      return by;
    };
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), fc.boolean(), fc.option(filters, { nil: {} }), sorts, (specs, newestFirst, f, sort) => {
        const rows = build(specs);
        if (newestFirst) rows.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
        const job = new TransactionIndex(rows).query(f, sort);
        job.step(Infinity);
        assert.deepEqual(Object.fromEntries(job.result!.totals.map((t) => [t.currency, t])), naive(reference(rows, f, sort)));
        const codes = job.result!.totals.map((t) => t.currency);
        assert.deepEqual(codes, [...codes].sort(), 'by currency code, whatever the rows\' order');
        assert.deepEqual(job.result!.toArray(), reference(rows, f, sort));
      }),
    );
  });

  it('keeps rows of one time in their running order when the rows come oldest first', () => {
    // A salary and a transfer at the same instant, given oldest first (a host's own rows): the balance runs 450k → 150k → 130k.
    const rows = [
      txn({ id: 'salary', type: 'credit', date: '2025-05-01T00:00:00.000Z', balance: 45000000 }),
      txn({ id: 'transfer', type: 'debit', date: '2025-05-01T00:00:00.000Z', balance: 15000000 }),
      txn({ id: 'atm', type: 'debit', date: '2025-05-02T00:00:00.000Z', balance: 13000000 }),
    ];
    const ids = (sort: SortSpec) => {
      const job = new TransactionIndex(rows).query({}, sort);
      job.step(Infinity);
      return job.result!.toArray().map((t) => t.id);
    };
    assert.deepEqual(ids(parseSort('date-desc')), ['atm', 'transfer', 'salary']);
    assert.deepEqual(ids(parseSort('date-asc')), ['salary', 'transfer', 'atm']);
  });

  it('matches a narration search as literal text, in any case, whatever characters it holds', () => {
    const narrations = ['POS PURCHASE (LEKKI) $5.00', 'Café Évasion', 'a+b*c?', 'back\\slash /path/ [x]{2}|^', 'NIP TRANSFER'];
    for (const needle of ['(lekki)', '$5.', 'CAFÉ', 'évasion', '+B*', '\\s', '/PATH/', '[X]{2}|^', '.', 'transfer', 'zz']) {
      const want = narrations.filter((n) => n.toLowerCase().includes(needle.toLowerCase()));
      assert.deepEqual(narrations.filter((n) => narrationMatcher(needle).test(n)), want, needle);
    }
  });

  it('gives the same answer when narrowing from a previous view (typing one more letter)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), filters, filters, sorts, (specs, wide, extra, sort) => {
        const rows = build(specs);
        const index = new TransactionIndex(rows);
        const first = index.query(wide, sort);
        first.step(Infinity);
        const narrow: NormalFilters = { ...wide, ...extra };
        const job = index.query(narrow, sort, first.result);
        job.step(Infinity);
        assert.deepEqual(job.result!.toArray(), reference(rows, narrow, sort));
      }),
    );
  });

  it('keeps totals per currency and never mixes them', () => {
    const rows = [
      txn({ id: 'a', type: 'credit', amount: 500, currency: 'NGN' }),
      txn({ id: 'b', type: 'debit', amount: 200, currency: 'NGN' }),
      txn({ id: 'c', type: 'credit', amount: 7, currency: 'USD' }),
      txn({ id: 'd', type: 'debit', amount: 3, currency: 'USD' }),
      txn({ id: 'e', type: 'credit', amount: 1, currency: 'NGN' }),
    ];
    const job = new TransactionIndex(rows).query({}, parseSort('date-desc'));
    job.step(Infinity);
    const byCurrency = Object.fromEntries(job.result!.totals.map((t) => [t.currency, t]));
    assert.deepEqual(byCurrency.NGN, { currency: 'NGN', moneyIn: 501, moneyOut: 200, credits: 2, debits: 1 });
    assert.deepEqual(byCurrency.USD, { currency: 'USD', moneyIn: 7, moneyOut: 3, credits: 1, debits: 1 });
  });

  it('counts the end day in full and nothing after it (ISO date-times and date-only values)', () => {
    const rows = [
      txn({ id: 'late', date: '2025-05-02T23:59:59.999Z' }),
      txn({ id: 'next', date: '2025-05-03T00:00:00.000Z' }),
      txn({ id: 'day', date: '2025-05-02' }),
      txn({ id: 'before', date: '2025-05-01T23:59:59.000Z' }),
    ];
    const job = new TransactionIndex(rows).query(normaliseFilters({ start: '02-05-2025', end: '2025-05-02' }), parseSort('date-desc'));
    job.step(Infinity);
    assert.deepEqual(
      job.result!.toArray().map((t) => t.id),
      ['late', 'day'],
    );
  });

  it('matches nothing when the start day is after the end day', () => {
    const job = new TransactionIndex([txn({ id: 'x' })]).query({ start: '2025-06-01', end: '2025-05-01' }, parseSort(''));
    job.step(Infinity);
    assert.equal(job.result!.length, 0);
  });

  it('splits the work into slices on 100k rows, and the slices add up to the full answer', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      txn({ id: `r${i}`, narration: i % 7 === 0 ? `POS PURCHASE ${i}` : `NIP TRANSFER ${i}`, type: i % 3 ? 'debit' : 'credit', date: new Date(Date.UTC(2025, 0, 1) + (100_000 - i) * 60_000).toISOString() }),
    );
    const job = new TransactionIndex(rows).query({ narration: 'pos' }, parseSort('date-desc'));
    let slices = 1;
    while (!job.step(0)) slices++;
    assert.ok(slices > 10, `expected many slices, got ${slices}`);
    assert.equal(job.result!.length, Math.ceil(100_000 / 7));
  });
});

describe('filters', () => {
  it('reads ISO and Mono day formats and rejects anything else', () => {
    assert.equal(toIsoDay('2025-05-02'), '2025-05-02');
    assert.equal(toIsoDay('02-05-2025'), '2025-05-02');
    assert.equal(toIsoDay('2025-02-30'), undefined);
    assert.equal(toIsoDay('yesterday'), undefined);
    assert.deepEqual(normaliseFilters({ type: 'all', narration: '  pos ' }), { narration: 'pos' });
    assert.deepEqual(normaliseFilters({ type: 'CREDIT' as never }), { type: 'credit' });
  });

  it('knows when loaded rows answer narrower filters without the host', () => {
    assert.equal(covers({}, { narration: 'pos', type: 'debit' }), true);
    assert.equal(covers({ narration: 'po' }, { narration: 'POS' }), true);
    assert.equal(covers({ narration: 'pos' }, { narration: 'po' }), false);
    assert.equal(covers({ type: 'debit' }, {}), false);
    assert.equal(covers({ start: '2025-05-01' }, { start: '2025-05-02' }), true);
    assert.equal(covers({ start: '2025-05-02' }, { start: '2025-05-01' }), false);
    assert.equal(covers({ end: '2025-05-10' }, {}), false);
    assert.equal(covers({ end: '2025-05-10' }, { end: '2025-05-09' }), true);
  });
});

describe('readTransactions', () => {
  it('takes normalised rows as they are and raw Mono rows through the schema', () => {
    const normalised = [txn({ id: 'n1' })];
    const a = readTransactions(normalised);
    assert.ok(a.ok && a.value === normalised);
    const raw = [{ _id: 'v1', narration: 'X', amount: '2500', type: 'CREDIT', balance: null, date: '01-05-2025', currency: 'ngn' }];
    const b = readTransactions(raw);
    assert.ok(b.ok);
    assert.deepEqual(b.value[0], { id: 'v1', narration: 'X', amount: 2500, type: 'credit', balance: null, date: '2025-05-01', category: null, currency: 'NGN' });
  });

  it('reads Mono’s v2 rows on its fast path exactly as the schema does, and leaves odd rows to the schema', () => {
    // fast-check also makes null-prototype rows (a host may too). The fast path keeps them as they are and the
    // schema builds plain objects, so rows compare by value: strict deepEqual would compare prototypes.
    const byValue = (rows: readonly object[]) => rows.map((r) => ({ ...r }));
    const raw = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer()),
        narration: fc.string(),
        amount: fc.oneof(fc.nat(), fc.integer({ min: -5, max: 5 }), fc.constant('2500'), fc.double()),
        type: fc.constantFrom('credit', 'debit', 'CREDIT', 'dr', undefined),
        balance: fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined)),
        date: fc.oneof(
          fc.date({ min: new Date('1950-01-01'), max: new Date('2150-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
          fc.constantFrom('2025-05-01', '2025-02-30', '01-05-2025', '2025-05-01T10:00:00Z', '0999-01-01T00:00:00.000Z'),
        ),
        category: fc.oneof(fc.string(), fc.constant(null), fc.constant(undefined)),
        currency: fc.constantFrom(undefined, 'NGN', 'usd'),
      },
      { requiredKeys: ['id', 'amount', 'type', 'date'] },
    );
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 6 }), (rows) => {
        const fast = readTransactions(rows);
        const schema = run(transactionList, rows);
        assert.equal(fast.ok, schema.ok);
        if (fast.ok && schema.ok) {
          assert.deepEqual(
            byValue(fast.value.map((r) => completeTransaction(r, 'NGN'))),
            schema.value,
          );
          // Rows the fast path reads come back as the same array: never copied.
          if (plainRows(rows)) assert.equal(fast.value, rows);
        }
        const parsed = parseTransactions({ data: rows });
        assert.equal(parsed.ok, schema.ok, 'the client parses the same rows the same way');
        if (parsed.ok && schema.ok) assert.deepEqual(byValue(parsed.value.transactions), schema.value);
      }),
    );
  });

  it('names the path of a row it cannot read', () => {
    const r = readTransactions([txn({ id: 'ok' }), { id: 'bad', narration: 'x', amount: 'lots', type: 'debit', date: '2025-05-01' }]);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.issue.path, /^\[1\]\.amount/);
    assert.equal(readTransactions('nope').ok, false);
  });
});

describe('columnWidths', () => {
  const money = (minor: number, currency: string, locale: string, signDisplay?: 'exceptZero') =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, signDisplay }).format(minor / 100);

  it('weighs a formatted amount in digit widths: separators and spaces less, letters and signs more', () => {
    assert.equal(digitWidths('1234567890'), 10);
    const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);
    near(digitWidths('-₦1,234.50'), 6 + 2 * 0.4 + 2 * 1.25);
    // French: "-1 560 000,00 NGN", narrow no-break spaces between the groups, a no-break space before the code.
    near(digitWidths(money(-156_000_000, 'NGN', 'fr')), 9 + 2 * 0.4 + 0.4 + 0.4 + 4 * 1.25);
  });

  it('finds the widest amount and balance of the rows as the table formats them, in every currency of the rows, and the longest category', () => {
    const rows = [
      txn({ id: 'a', amount: 99_999_999_999, balance: 12_00, category: 'transfer' }),
      txn({ id: 'b', amount: 5_00, balance: -7_500_000_00, category: 'online_transactions' }),
      txn({ id: 'c', amount: 1_00, balance: null, category: null }),
    ];
    assert.deepEqual(columnWidths(new TransactionIndex(rows, 'NGN').summary, 'en-NG'), { amount: digitWidths('-₦999,999,999.99'), balance: digitWidths('-₦7,500,000.00'), category: 'online_transactions'.length });
    // A row in another currency counts with that currency's symbol; rows that name none take the table's.
    const mixed = [{ ...rows[1], currency: undefined }, txn({ id: 'd', amount: 5_00, currency: 'USD' })];
    assert.equal(columnWidths(new TransactionIndex(mixed, 'GHS').summary, 'en-NG').balance, Math.max(digitWidths(money(-7_500_000_00, 'USD', 'en-NG')), digitWidths(money(-7_500_000_00, 'GHS', 'en-NG'))));
    assert.equal(columnWidths(new TransactionIndex(rows, 'NGN').summary, 'fr').amount, digitWidths(money(-99_999_999_999, 'NGN', 'fr', 'exceptZero')));
    assert.deepEqual(columnWidths(new TransactionIndex([], 'NGN').summary, 'en-NG'), { amount: digitWidths('₦0.00'), balance: digitWidths('₦0.00'), category: 0 });
  });
});
