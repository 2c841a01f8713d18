// The whole chain in node: the kit's MonoClient → createMonoHandler (live, behind the Node adapter) →
// a fake Mono answering with the documented samples. Every client method must parse what the handler returns.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MonoClient } from '../../src/client/index.js';
import { ACCOUNT, FAKE_KEY, OTHER_ACCOUNT, PDF_BYTES, PDF_JOB, startFakeMono, SYNC_JOB, type FakeMono } from './fake-mono.js';
import { capture, serveHandler, type LiveServer } from './live-helpers.js';

describe('MonoClient against createMonoHandler in live mode', () => {
  let fake: FakeMono;
  let live: LiveServer;
  let client: MonoClient;
  const owned = new Set<string>();

  before(async () => {
    fake = await startFakeMono();
    live = await serveHandler(
      {
        secretKey: FAKE_KEY,
        baseUrl: fake.url,
        authorize: (_, accountId) => owned.has(accountId),
        customer: () => ({ id: '683d6a2c91f0e4b8c2a1d7e3' }),
        redirectUrl: 'https://shop.example.ng/mono/return',
        onAccountLinked: ({ accountId }) => void owned.add(accountId),
      },
      capture(),
    );
    client = new MonoClient({ endpoint: `${live.url}/api/mono`, retries: 0, cacheTime: 0 });
  });
  after(async () => {
    await live.close();
    await fake.close();
  });

  it('links an account: initiate, exchange (stored by onAccountLinked)', async () => {
    const initiation = await client.initiate({ scope: 'auth', meta: { ref: 'kit-node-1' } });
    assert.equal(initiation.monoUrl, 'https://link.mono.co/ALQ7K2M9ZP4D');
    assert.equal((fake.requests.at(-1)!.body as { redirect_url: string }).redirect_url, 'https://shop.example.ng/mono/return?reference=kit-node-1');
    await assert.rejects(client.account(ACCOUNT), (e: { kind: string; status?: number }) => e.kind === 'http' && e.status === 403);
    const exchanged = await client.exchange({ code: 'code_au5w62egpzggouybo83i5spg', reference: 'kit-node-1' });
    assert.equal(exchanged.accountId, ACCOUNT);
    assert.ok(owned.has(ACCOUNT));
  });

  it('reads every resource, normalised', async () => {
    const account = await client.account(ACCOUNT);
    assert.equal(account.id, ACCOUNT);
    assert.equal(account.balance, 18452375);
    assert.equal(account.currency, 'NGN');
    const page = await client.transactions(ACCOUNT, { start: '2025-05-01', end: '2025-05-31', type: 'debit', limit: 5, page: 1 });
    assert.equal(page.transactions.length, 5);
    assert.deepEqual(fake.requests.at(-1)!.query, { end: '31-05-2025', limit: '5', page: '1', start: '01-05-2025', type: 'debit' });
    const statement = await client.statement(ACCOUNT, 3);
    assert.equal(statement.transactions.length, 2);
    const identity = await client.identity(ACCOUNT);
    assert.equal(identity.fullName, 'CHIAMAKA ADAEZE OKAFOR');
    const records = await client.incomeRecords(ACCOUNT);
    assert.ok(records.length >= 1);
    const analysis = await client.startIncomeAnalysis(ACCOUNT);
    assert.match(analysis.message, /being processed/);
    const assets = await client.assets(ACCOUNT);
    assert.equal(assets.assets.length, 2);
    const earnings = await client.earnings(ACCOUNT);
    assert.equal(earnings.length, 2);
  });

  it('builds a statement PDF and downloads it through the host', async () => {
    const job = await client.requestStatementPdf(ACCOUNT, 3);
    assert.equal(job.status, 'building');
    const polled = await client.statementJob(ACCOUNT, job.id);
    assert.equal(polled.status, 'built');
    assert.equal(new URL(polled.path!, client.endpoint).href, client.statementPdfUrl(ACCOUNT, PDF_JOB));
    const pdf = await fetch(client.statementPdfUrl(ACCOUNT, PDF_JOB));
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(new Uint8Array(await pdf.arrayBuffer()), PDF_BYTES);
  });

  it('syncs and follows the job; reauthorisation surfaces as a status', async () => {
    fake.realtimeHeaders = { 'x-has-new-data': 'true', 'x-job-id': SYNC_JOB, 'x-job-status': 'processing' };
    const started = await client.sync(ACCOUNT);
    assert.deepEqual(started, { status: 'processing', jobId: SYNC_JOB, hasNewData: true });
    const job = await client.job(ACCOUNT, SYNC_JOB);
    assert.equal(job.status, 'finished');
    fake.realtimeHeaders = { 'x-reauth-required': 'true' };
    assert.equal((await client.sync(ACCOUNT)).status, 'reauthorisation_required');
    const reauth = await client.initiate({ scope: 'reauth', account: ACCOUNT, meta: { ref: 'kit-node-2' } });
    assert.equal(reauth.monoUrl, 'https://link.mono.co/ALRH0XB41KQ8');
  });

  it('maps the handler\'s refusals to MonoError kinds', async () => {
    await assert.rejects(client.identity(OTHER_ACCOUNT), (e: { kind: string; status?: number }) => e.kind === 'http' && e.status === 403);
    fake.script((_, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '120' });
      res.end(JSON.stringify({ status: 'failed', message: 'Too many requests' }));
    });
    await assert.rejects(client.earnings(ACCOUNT), (e: { kind: string; status?: number; retryAfter?: number }) => e.status === 429 && e.retryAfter === 120);
  });
});
