import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMonoHandler } from '../../src/server/index.js';
import { createRedactor, REDACTED } from '../../src/server/live/redact.js';
import { MONTHLY_CREDITS_BUDGET_MS } from '../../src/server/live/routes.js';
import * as samples from '../fixtures/mono-samples.js';
import {
  ACCOUNT,
  FAKE_KEY,
  MISSING_ACCOUNT,
  OTHER_ACCOUNT,
  PDF_BYTES,
  PDF_JOB,
  send,
  startFakeMono,
  SYNC_JOB,
  type FakeMono,
  type Script,
} from './fake-mono.js';
import { capture, rawRequest, serveHandler, type LiveServer } from './live-helpers.js';

const REDIRECT = 'https://merchant.example.ng/mono/return';
const CUSTOMER = { name: 'Chiamaka Okafor', email: 'chiamaka.okafor@example.ng' };
const WRONG_KEY = 'live_sk_wr0ngKeyThatMonoRefuses42';

describe('createMonoHandler: configuration', () => {
  it('refuses live mode without an authorize hook, naming the hook and not the key', () => {
    assert.throws(
      () => createMonoHandler({ secretKey: FAKE_KEY, logger: false }),
      (error: Error) => /authorize\(request, accountId\)/.test(error.message) && !error.message.includes(FAKE_KEY),
    );
    assert.throws(() => createMonoHandler({ secretKey: FAKE_KEY, authorize: 'yes' as never, logger: false }), /authorize/);
  });

  it('refuses unsafe or half-done settings', () => {
    const authorize = () => true;
    assert.throws(() => createMonoHandler({ secretKey: FAKE_KEY, authorize, baseUrl: 'http://api.withmono.com', logger: false }), /https/);
    assert.throws(() => createMonoHandler({ secretKey: FAKE_KEY, authorize, baseUrl: 'not a url', logger: false }), /baseUrl/);
    assert.throws(() => createMonoHandler({ secretKey: FAKE_KEY, authorize, onWebhook: () => {}, logger: false }), /webhookSecret/);
    assert.throws(() => createMonoHandler({ secretKey: FAKE_KEY, authorize, timeout: -1, logger: false }), /timeout/);
    assert.throws(() => createMonoHandler({ sandbox: false, logger: false }), /sandbox/);
  });

  it('refuses live hooks with an empty key (a live setup whose key is missing), unless the sandbox is chosen', async () => {
    const hooks = { authorize: () => false, customer: () => null, onAccountLinked: () => {} };
    for (const secretKey of [undefined, '', '  ']) {
      assert.throws(
        () => createMonoHandler({ secretKey, ...hooks, logger: false }),
        (error: Error) => /authorize, customer, onAccountLinked are set but the secret key is empty/.test(error.message) && /sandbox: \{\}/.test(error.message),
      );
    }
    assert.throws(() => createMonoHandler({ redirectUrl: REDIRECT, logger: false }), /redirectUrl is set but the secret key is empty/);
    const chosen = createMonoHandler({ ...hooks, sandbox: {}, logger: false });
    const res = await chosen(new Request('http://localhost/api/mono/accounts/acc_demo'));
    assert.equal(res.status, 200, 'sandbox: {} serves the sandbox on purpose');
    assert.equal((await createMonoHandler({ logger: false })(new Request('http://localhost/api/mono/accounts/acc_demo'))).status, 200, 'no options: the sandbox, as before');
  });

  it('refuses a relative redirectUrl: it would follow the Host header, which the caller chooses', () => {
    assert.throws(() => createMonoHandler({ secretKey: FAKE_KEY, authorize: () => true, redirectUrl: '/mono/return', logger: false }), /absolute/);
    assert.throws(() => createMonoHandler({ secretKey: FAKE_KEY, authorize: () => true, redirectUrl: 'javascript:alert(1)', logger: false }), /absolute/);
  });

  it('falls back to the sandbox without a key, and says so once', async () => {
    for (const secretKey of [undefined, null, '', '   ']) {
      const seen = capture();
      const handler = createMonoHandler({ secretKey, logger: seen.logger });
      const res = await handler(new Request('http://host.test/api/mono/accounts/acc_demo'));
      assert.equal(res.status, 200);
      assert.equal((await res.json()).data.account.id, 'acc_demo');
      await handler(new Request('http://host.test/api/mono/accounts/acc_demo/identity'));
      assert.equal(seen.logs.length, 1);
      assert.match(seen.logs[0], /^info \[mono-elements\] No Mono secret key.*sandbox at \/api\/mono/);
    }
  });

  it('warns at start when live mode has no redirectUrl (Mono\'s current guide requires redirect_url)', () => {
    const quiet = capture();
    const customer = () => ({ id: 'cus_1' });
    createMonoHandler({ secretKey: FAKE_KEY, authorize: () => true, customer, redirectUrl: 'https://shop.test/linked', webhookSecret: 'whsec_1', logger: quiet.logger });
    assert.deepEqual(quiet.logs.filter((l) => l.startsWith('warn')), []);
    const told = capture();
    createMonoHandler({ secretKey: FAKE_KEY, authorize: () => true, customer, webhookSecret: 'whsec_1', logger: told.logger });
    assert.deepEqual(told.logs.filter((l) => l.startsWith('warn')).map((l) => /without redirectUrl/.test(l)), [true]);
  });

  it('honours basePath in the sandbox fallback', async () => {
    const handler = createMonoHandler({ basePath: '/bank/', logger: false });
    assert.equal((await handler(new Request('http://host.test/bank/accounts/acc_demo'))).status, 200);
    assert.equal((await handler(new Request('http://host.test/api/mono/accounts/acc_demo'))).status, 404);
  });
});

describe('createMonoHandler: live mode against a fake Mono', () => {
  let fake: FakeMono;
  let live: LiveServer;
  const seen = capture();
  const linked: { accountId: string; user: string | null; response: unknown }[] = [];
  const owned = new Set([ACCOUNT]);
  let authorizeCalls: string[] = [];

  before(async () => {
    fake = await startFakeMono();
    live = await serveHandler(
      {
        secretKey: FAKE_KEY,
        baseUrl: fake.url,
        authorize: (request, accountId) => {
          authorizeCalls.push(accountId);
          if (request.headers.get('x-user') === 'broken') throw new Error(`database down, key ${FAKE_KEY}`);
          return request.headers.get('x-user') === 'chiamaka' && owned.has(accountId);
        },
        customer: (request) => (request.headers.get('x-user') === 'chiamaka' ? CUSTOMER : null),
        redirectUrl: REDIRECT,
        onAccountLinked: ({ accountId, request, response }) => {
          if (request.headers.get('x-fail-store') === '1') throw new Error('disk full');
          linked.push({ accountId, user: request.headers.get('x-user'), response });
        },
        // The exchange tests here are about Mono's answers, with bare codes (the button's public-key mode);
        // link-by-reference.node.test.ts covers the default, codes bound to a link started here.
        publicKeyLinks: true,
        timeout: 5_000,
      },
      seen,
    );
  });
  after(async () => {
    await live.close();
    await fake.close();
  });

  const last = () => fake.requests[fake.requests.length - 1];

  describe('route mapping', () => {
    const reads: [string, string, unknown][] = [
      [`/accounts/${ACCOUNT}`, `/v2/accounts/${ACCOUNT}`, samples.accountV2],
      [`/accounts/${ACCOUNT}/assets`, `/v2/accounts/${ACCOUNT}/assets`, samples.assetsV2],
      [`/accounts/${ACCOUNT}/earnings`, `/v2/accounts/${ACCOUNT}/earnings`, samples.earningsV2],
      [`/accounts/${ACCOUNT}/jobs/${SYNC_JOB}`, `/v2/accounts/${ACCOUNT}/jobs/${SYNC_JOB}`, samples.jobFinished],
      [`/accounts/${ACCOUNT}/statement?period=last3months&output=json`, `/v2/accounts/${ACCOUNT}/statement`, samples.statementJson],
    ];
    it('GET /accounts/{id}/identity → Mono\'s identity with only the BVN\'s last four digits (fullBvn sends it whole)', async () => {
      const { res, json } = await live.call(`/accounts/${ACCOUNT}/identity`);
      assert.equal(res.status, 200);
      assert.equal(last().path, `/v2/accounts/${ACCOUNT}/identity`);
      assert.match(samples.identityV2.data.bvn, /^\d{11}$/);
      assert.deepEqual(json, { ...samples.identityV2, data: { ...samples.identityV2.data, bvn: samples.identityV2.data.bvn.slice(-4) } });
      const whole = await serveHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, fullBvn: true }, capture());
      try {
        assert.deepEqual((await whole.call(`/accounts/${ACCOUNT}/identity`)).json, samples.identityV2);
        fake.script((_, r) => send(r, 200, { fullName: 'ADA', bvn: '22345674471' }));
        assert.equal((await live.call(`/accounts/${ACCOUNT}/identity`)).json.bvn, '4471', 'a bare v1 answer too');
        fake.script((_, r) => send(r, 200, { bvn: 22345674471, data: { ...samples.identityV2.data, bvn: 22345674471 } }));
        const numeric = (await live.call(`/accounts/${ACCOUNT}/identity`)).json;
        assert.deepEqual([numeric.bvn, numeric.data.bvn], ['4471', '4471'], 'a number, and a bvn beside data, are cut too');
        fake.script((_, r) => send(r, 200, { data: { ...samples.identityV2.data, bvn: { number: '22345674471' } } }));
        assert.equal((await live.call(`/accounts/${ACCOUNT}/identity`)).json.data.bvn, null, 'anything else goes out as null');
        // Shapes Mono has not sent, but might: deeper, in a list, in capitals, in the account details.
        fake.script((_, r) => send(r, 200, { data: [{ identity: { BVN: '22345674471' } }], meta: { bvn: '22345674471' } }));
        const deep = await live.call(`/accounts/${ACCOUNT}/identity`);
        assert.ok(!deep.text.includes('22345674471'), deep.text);
        assert.deepEqual(deep.json, { data: [{ identity: { BVN: '4471' } }], meta: { bvn: '4471' } });
        fake.script((_, r) => send(r, 200, { ...samples.accountV2, data: { ...samples.accountV2.data, account: { ...samples.accountV2.data.account, bvn: '22345674471' } } }));
        const details = await live.call(`/accounts/${ACCOUNT}`);
        assert.equal(details.json.data.account.bvn, '4471', 'the account details too');
        assert.ok(!details.text.includes('22345674471'));
      } finally {
        await whole.close();
      }
    });

    for (const [path, upstreamPath, sample] of reads) {
      it(`GET ${path.replace(ACCOUNT, '{id}')} → GET ${upstreamPath.replace(ACCOUNT, '{id}')}, Mono's JSON unchanged`, async () => {
        // A sync job is read only under the account whose sync started it.
        if (path.includes('/jobs/')) assert.equal((await live.call(`/accounts/${ACCOUNT}/sync`, { method: 'POST', body: '{}' })).json.data.job_id, SYNC_JOB);
        const { res, json } = await live.call(path);
        assert.equal(res.status, 200);
        assert.deepEqual(json, sample);
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        const sent = last();
        assert.equal(sent.method, 'GET');
        assert.equal(sent.path, upstreamPath);
        assert.equal(sent.headers['mono-sec-key'], FAKE_KEY);
        assert.equal(sent.headers.accept, 'application/json');
        assert.equal(sent.headers['x-realtime'], undefined);
        assert.equal(sent.headers['x-user'], undefined, 'browser headers are not forwarded');
        assert.equal(sent.headers.cookie, undefined);
      });
    }

    it('GET /accounts/{id}/transactions → GET /v2/accounts/{id}/transactions, paging links pointing at the host, not Mono', async () => {
      const { res, json } = await live.call(`/accounts/${ACCOUNT}/transactions?limit=5`);
      assert.equal(res.status, 200);
      assert.equal(last().path, `/v2/accounts/${ACCOUNT}/transactions`);
      const { meta, ...rest } = json as { meta: Record<string, unknown> };
      const { meta: monoMeta, ...monoRest } = samples.transactionsV2 as unknown as { meta: Record<string, unknown> };
      assert.deepEqual(rest, monoRest, 'the rows are Mono\'s, unchanged');
      assert.match(String(monoMeta.next), /^https:\/\/api\.withmono\.com\//);
      assert.deepEqual(meta, { ...monoMeta, previous: null, next: `/api/mono/accounts/${ACCOUNT}/transactions?limit=5&page=2` });
      // v1's paging, in data.paging, the same way.
      fake.script((_, r) => send(r, 200, { status: 'successful', data: { paging: { total: 30, page: 2, previous: 'https://api.withmono.com/x?page=1', next: 'https://api.withmono.com/x?page=3' }, transactions: [] } }));
      const v1 = (await live.call(`/accounts/${ACCOUNT}/transactions?page=2`)).json as { data: { paging: Record<string, unknown> } };
      assert.deepEqual(v1.data.paging, { total: 30, page: 2, previous: `/api/mono/accounts/${ACCOUNT}/transactions?page=1`, next: `/api/mono/accounts/${ACCOUNT}/transactions?page=3` });
    });

    it('forwards exactly the validated transaction query', async () => {
      const query = 'start=01-05-2025&end=31-05-2025&type=debit&narration=POS%20SHOPRITE&paginate=true&limit=5&page=2';
      const { res } = await live.call(`/accounts/${ACCOUNT}/transactions?${query}`);
      assert.equal(res.status, 200);
      assert.deepEqual(last().query, { start: '01-05-2025', end: '31-05-2025', type: 'debit', narration: 'POS SHOPRITE', paginate: 'true', limit: '5', page: '2' });
    });

    it('forwards the statement period and output', async () => {
      await live.call(`/accounts/${ACCOUNT}/statement?period=last1month`);
      assert.deepEqual(last().query, { period: 'last1month' });
      await live.call(`/accounts/${ACCOUNT}/statement?period=last12months&output=json`);
      assert.deepEqual(last().query, { period: 'last12months', output: 'json' });
    });

    it('GET /accounts/{id}/income-records adds the monthly credits of the record\'s period, asked of Mono after the records', async () => {
      const before = fake.requests.length;
      const { res, json } = await live.call(`/accounts/${ACCOUNT}/income-records`);
      assert.equal(res.status, 200);
      const [records, credits] = fake.requests.slice(before);
      assert.equal(records.path, `/v2/accounts/${ACCOUNT}/income-records`);
      // The record's streams run from 27 Dec 2024 to 27 May 2025.
      assert.equal(credits.path, `/v2/accounts/${ACCOUNT}/transactions`);
      assert.deepEqual(credits.query, { type: 'credit', paginate: 'false', start: '01-12-2024', end: '27-05-2025' });
      assert.equal(credits.headers['mono-sec-key'], FAKE_KEY);
      const { monthly_credits: monthly, ...rest } = json as Record<string, unknown>;
      assert.deepEqual(rest, samples.incomeRecordsV2, "Mono's body is otherwise unchanged");
      // The fake's credits: ₦50,000 and ₦450,000 in May 2025.
      assert.deepEqual(monthly, {
        start: '2024-12-01',
        end: '2025-05-27',
        months: ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05'].map((month) => ({ month, total: month === '2025-05' ? 50000000 : 0 })),
      });
    });

    it('sends the income records without monthly credits when Mono fails the credits, and logs why', async () => {
      fake.script(
        () => false,
        (_, res) => send(res, 500, { status: 'failed', message: 'bank timeout', data: null }),
      );
      const logged = seen.logs.length;
      const { res, json } = await live.call(`/accounts/${ACCOUNT}/income-records`);
      assert.equal(res.status, 200);
      assert.deepEqual(json, samples.incomeRecordsV2);
      assert.ok(seen.logs.slice(logged).some((line) => /^warn .*sent without monthly credits/.test(line)), seen.logs.slice(logged).join('\n'));
    });

    it('sends Mono\'s income records alone, with one call to Mono, when monthlyCredits is false', async () => {
      const plain = await serveHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, monthlyCredits: false }, seen);
      try {
        const before = fake.requests.length;
        const { res, json } = await plain.call(`/accounts/${ACCOUNT}/income-records`);
        assert.equal(res.status, 200);
        assert.deepEqual(json, samples.incomeRecordsV2);
        assert.deepEqual(fake.requests.slice(before).map((r) => r.path), [`/v2/accounts/${ACCOUNT}/income-records`]);
      } finally {
        await plain.close();
      }
    });

    it('does not hold the income records past its budget for the credits, and does not log a client that went away', async () => {
      let upstreamClosed!: () => void;
      const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
      fake.script(
        () => false,
        (_, r) => {
          const timer = setTimeout(() => send(r, 200, samples.transactionsV2), 30_000);
          r.on('close', () => {
            clearTimeout(timer);
            upstreamClosed();
          });
        },
      );
      const logged = seen.logs.length;
      const started = Date.now();
      const { res, json } = await live.call(`/accounts/${ACCOUNT}/income-records`);
      const took = Date.now() - started;
      assert.equal(res.status, 200);
      assert.deepEqual(json, samples.incomeRecordsV2);
      assert.ok(took >= MONTHLY_CREDITS_BUDGET_MS && took < MONTHLY_CREDITS_BUDGET_MS + 2_000, `answered after ${took} ms`);
      await closed; // the credits call was abandoned, not left running
      assert.deepEqual(seen.logs.slice(logged).filter((l) => /monthly credits/.test(l)), [`warn [mono-elements] Income records of ${ACCOUNT} sent without monthly credits: Mono's credits took over ${MONTHLY_CREDITS_BUDGET_MS} ms`]);

      fake.script(
        () => false,
        (_, r) => void setTimeout(() => send(r, 200, samples.transactionsV2), 300),
      );
      const gone = new AbortController();
      setTimeout(() => gone.abort(), 100);
      const quietFrom = seen.logs.length;
      await live.call(`/accounts/${ACCOUNT}/income-records`, { signal: gone.signal }).catch(() => {});
      await new Promise((r) => setTimeout(r, 400));
      assert.deepEqual(seen.logs.slice(quietFrom).filter((l) => /monthly credits/.test(l)), [], 'nothing to say when nobody waits');
    });

    it('POST income starts Mono\'s analysis with GET /v2/accounts/{id}/income', async () => {
      const { res, json } = await live.call(`/accounts/${ACCOUNT}/income`, { method: 'POST', body: '{}' });
      assert.equal(res.status, 200);
      assert.deepEqual(json, samples.incomeStart);
      assert.equal(last().method, 'GET');
      assert.equal(last().path, `/v2/accounts/${ACCOUNT}/income`);
    });
  });

  describe('authorize', () => {
    const accountRoutes: [string, string, string?][] = [
      ['GET', `/accounts/{id}`],
      ['GET', `/accounts/{id}/transactions?limit=5`],
      ['GET', `/accounts/{id}/statement?period=last3months&output=pdf`],
      ['GET', `/accounts/{id}/statement/jobs/${PDF_JOB}`],
      ['GET', `/accounts/{id}/statement/jobs/${PDF_JOB}/pdf`],
      ['GET', `/accounts/{id}/identity`],
      ['GET', `/accounts/{id}/income-records`],
      ['POST', `/accounts/{id}/income`, '{}'],
      ['GET', `/accounts/{id}/assets`],
      ['GET', `/accounts/{id}/earnings`],
      ['POST', `/accounts/{id}/sync`, '{}'],
      ['GET', `/accounts/{id}/jobs/${SYNC_JOB}`],
    ];

    it('is asked on every account route; a "no" is a 403 and Mono is never called', async () => {
      for (const [method, template, body] of accountRoutes) {
        for (const [account, user] of [
          [OTHER_ACCOUNT, 'chiamaka'],
          [ACCOUNT, 'mallory'],
          [ACCOUNT, null],
        ] as const) {
          authorizeCalls = [];
          const before = fake.requests.length;
          const { res, json } = await live.call(template.replace('{id}', account), { method, body, user });
          assert.equal(res.status, 403, `${method} ${template} as ${user} on ${account}`);
          assert.equal(json.code, 'forbidden');
          assert.deepEqual(authorizeCalls, [account]);
          assert.equal(fake.requests.length, before, 'no upstream call');
        }
      }
    });

    it('lets the owner through on every account route', async () => {
      for (const [method, template, body] of accountRoutes) {
        authorizeCalls = [];
        const { res } = await live.call(template.replace('{id}', ACCOUNT), { method, body });
        assert.equal(res.status, 200, `${method} ${template}`);
        assert.deepEqual(authorizeCalls, [ACCOUNT]);
      }
    });

    it('fails closed with a 500 when authorize throws, and logs it redacted', async () => {
      const before = fake.requests.length;
      const { res, json } = await live.call(`/accounts/${ACCOUNT}`, { user: 'broken' });
      assert.equal(res.status, 500);
      assert.equal(json.code, 'host-error');
      assert.equal(fake.requests.length, before);
      assert.ok(seen.logs.some((line) => /authorize hook threw: Error: database down, key \[redacted\]/.test(line)));
    });

    it('only a literal true allows', async () => {
      const fakeAuthorize = await serveHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: (() => 'yes') as never }, capture());
      try {
        assert.equal((await fakeAuthorize.call(`/accounts/${ACCOUNT}`)).res.status, 403);
      } finally {
        await fakeAuthorize.close();
      }
    });
  });

  describe('paths and methods', () => {
    it('answers 404 for anything outside the contract, without calling Mono', async () => {
      const before = fake.requests.length;
      const cases: [string, string][] = [
        ['GET', '/'],
        ['GET', ''],
        ['GET', '/accounts'],
        ['GET', '/accounts/'],
        ['GET', `/accounts/${ACCOUNT}/`],
        ['GET', '/accounts/initiate'],
        ['GET', '/accounts/auth'],
        ['DELETE', `/accounts/${ACCOUNT}`],
        ['PUT', `/accounts/${ACCOUNT}`],
        ['POST', `/accounts/${ACCOUNT}`],
        ['GET', `/accounts/${ACCOUNT}/sync`],
        ['GET', `/accounts/${ACCOUNT}/income`],
        ['POST', `/accounts/${ACCOUNT}/identity`],
        ['GET', `/accounts/${ACCOUNT}/unlink`],
        ['POST', `/accounts/${ACCOUNT}/unlink`],
        ['GET', `/accounts/${ACCOUNT}/balance`],
        ['GET', `/accounts/${ACCOUNT}/statement/jobs`],
        ['GET', `/accounts/${ACCOUNT}/statement/insights`],
        ['GET', '/widget'],
        ['GET', '/v2/accounts/initiate'],
        ['GET', '/webhooks'],
        ['POST', '/webhooks'],
        ['HEAD', `/accounts/${ACCOUNT}`],
        ['OPTIONS', `/accounts/${ACCOUNT}`],
      ];
      for (const [method, path] of cases) {
        const { res, json } = await live.call(path, { method, body: method === 'POST' ? '{}' : undefined });
        assert.equal(res.status, 404, `${method} ${path}`);
        if (method !== 'HEAD') assert.equal(json.code, 'not-found');
      }
      const outside = await fetch(`${live.url}/api/monoxide/accounts/${ACCOUNT}`);
      assert.equal(outside.status, 404);
      assert.equal(fake.requests.length, before);
    });

    it('rejects traversal and encoded separators before they reach a path', async () => {
      const before = fake.requests.length;
      const raw: [string, number][] = [
        [`/api/mono/accounts/../../v2/accounts/${ACCOUNT}`, 404],
        [`/api/mono/accounts/${ACCOUNT}/../${OTHER_ACCOUNT}`, 403],
        [`/api/mono/accounts/%2e%2e/%2e%2e/identity`, 404],
        [`/api/mono/accounts/${OTHER_ACCOUNT}%2F..%2F${ACCOUNT}`, 400],
        [`/api/mono/accounts/..%2f..%2fv1%2faccounts/identity`, 400],
        [`/api/mono/accounts/${ACCOUNT}/statement/jobs/..%2F..%2Fidentity/pdf`, 400],
        [`/api/mono/accounts/${ACCOUNT}/jobs/%00`, 400],
        [`/api/mono/accounts/${ACCOUNT}%3Fx=1`, 400],
        [`/api/mono/accounts/${'a'.repeat(65)}`, 400],
        [`/api/mono/accounts/acc%20demo`, 400],
        [`/api/mono/accounts/${ACCOUNT}%23/identity`, 400],
      ];
      for (const [path, status] of raw) {
        const res = await rawRequest(live.url, 'GET', path);
        assert.equal(res.status, status, path);
        assert.doesNotThrow(() => JSON.parse(res.body));
      }
      assert.equal(fake.requests.length, before);
    });
  });

  describe('query validation', () => {
    const bad: string[] = [
      'foo=1',
      '__fault=500',
      'start=2025-05-01',
      'start=31-02-2025',
      'start=00-01-2025',
      'start=01-13-2025',
      'start=01-01-0001',
      'end=01-01-9999',
      'start=1-5-2025',
      'start=01-05-2025&end=01-04-2025',
      'start=01-05-2025&start=02-05-2025',
      'type=all',
      'type=DEBIT',
      'narration=' + 'x'.repeat(101),
      'narration=a%0Ab',
      'narration=',
      'paginate=yes',
      'limit=0',
      'limit=1001',
      'limit=100000',
      'limit=1e3',
      'limit=-5',
      'limit=5.5',
      'limit=05',
      'page=0',
      'page=100001',
      'page=99999999999999999999',
      'page=%201',
    ];
    for (const query of bad) {
      it(`400 for transactions?${query.slice(0, 40)}`, async () => {
        const before = fake.requests.length;
        const { res, json } = await live.call(`/accounts/${ACCOUNT}/transactions?${query}`);
        assert.equal(res.status, 400);
        assert.equal(json.code, 'bad-request');
        assert.equal(json.status, 'failed');
        assert.equal(fake.requests.length, before);
      });
    }

    it('400 for bad statement queries and for queries on routes that take none', async () => {
      const before = fake.requests.length;
      for (const path of [
        `/accounts/${ACCOUNT}/statement`,
        `/accounts/${ACCOUNT}/statement?output=pdf`,
        `/accounts/${ACCOUNT}/statement?period=last0months`,
        `/accounts/${ACCOUNT}/statement?period=last13months`,
        `/accounts/${ACCOUNT}/statement?period=3`,
        `/accounts/${ACCOUNT}/statement?period=last3months&output=xml`,
        `/accounts/${ACCOUNT}/statement?period=last3months&limit=5`,
        `/accounts/${ACCOUNT}?x-realtime=true`,
        `/accounts/${ACCOUNT}/identity?fields=bvn`,
        `/accounts/${ACCOUNT}/jobs/${SYNC_JOB}?page=1`,
      ]) {
        const { res } = await live.call(path);
        assert.equal(res.status, 400, path);
      }
      assert.equal(fake.requests.length, before);
    });

    it('does not echo a hostile parameter name', async () => {
      const { res, text } = await live.call(`/accounts/${ACCOUNT}/transactions?%3Cscript%3E=1`);
      assert.equal(res.status, 400);
      assert.ok(!text.includes('<script>'));
    });
  });

  describe('initiate and exchange', () => {
    it('initiate adds the server-side customer and redirect_url and drops the browser\'s', async () => {
      const { res, json } = await live.call('/accounts/initiate', {
        method: 'POST',
        body: JSON.stringify({
          scope: 'auth',
          meta: { ref: 'kit-7f3a91c2', extra: 'dropped' },
          institution: { id: '5f2d08be60b92e2888287702', auth_method: 'mobile_banking' },
          customer: { id: '000000000000000000000bad', name: 'Mallory', email: 'mallory@example.com' },
          redirect_url: 'https://evil.example/steal',
          check_account_match: true,
          account: OTHER_ACCOUNT,
        }),
      });
      assert.equal(res.status, 200);
      assert.equal(json.data.mono_url, samples.initiateAuth.data.mono_url);
      const sent = last();
      assert.equal(sent.method, 'POST');
      assert.equal(sent.path, '/v2/accounts/initiate');
      assert.equal(sent.headers['mono-sec-key'], FAKE_KEY);
      assert.match(String(sent.headers['content-type']), /^application\/json/);
      assert.deepEqual(sent.body, {
        scope: 'auth',
        meta: { ref: 'kit-7f3a91c2' },
        institution: { id: '5f2d08be60b92e2888287702', auth_method: 'mobile_banking' },
        customer: CUSTOMER,
        // The link's reference rides on the return URL, so the return carries the kit's CSRF state whatever Mono adds.
        redirect_url: `${REDIRECT}?reference=kit-7f3a91c2`,
      });
    });

    it('initiate puts the reference on a redirectUrl that has a query of its own, once', async () => {
      const seen = capture();
      const withQuery = await serveHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, customer: () => CUSTOMER, redirectUrl: `${REDIRECT}?app=web&reference=stale` }, seen);
      try {
        await withQuery.call('/accounts/initiate', { method: 'POST', body: JSON.stringify({ scope: 'auth', meta: { ref: 'kit-q1' } }) });
        assert.equal((last().body as { redirect_url: string }).redirect_url, `${REDIRECT}?app=web&reference=kit-q1`);
      } finally {
        await withQuery.close();
      }
    });

    it('initiate gives the browser only the documented fields of Mono\'s answer, customer and institution as ids', async () => {
      const reauth = samples.initiateReauth.data;
      fake.script((_, r) =>
        send(r, 200, {
          ...samples.initiateReauth,
          extra: 'top',
          data: { ...reauth, customer: { id: reauth.customer, name: 'ADA', bvn: '22345674471' }, institution: { id: reauth.institution, name: 'GTBank' }, meta: { ref: 'kit-doc-1', note: 'x' }, internal: { key: 'y' } },
        }),
      );
      const { res, json } = await live.call('/accounts/initiate', { method: 'POST', body: JSON.stringify({ scope: 'auth', meta: { ref: 'kit-doc-1' } }) });
      assert.equal(res.status, 200);
      assert.deepEqual(json, {
        status: samples.initiateReauth.status,
        message: samples.initiateReauth.message,
        timestamp: samples.initiateReauth.timestamp,
        data: { ...reauth, customer: reauth.customer, institution: reauth.institution, meta: { ref: 'kit-doc-1' } },
      });
      assert.ok(!JSON.stringify(json).includes('22345674471'));
      // Mono's documented answer passes unchanged.
      const plain = await live.call('/accounts/initiate', { method: 'POST', body: JSON.stringify({ scope: 'auth', meta: { ref: 'kit-doc-2' } }) });
      assert.deepEqual(plain.json, { ...samples.initiateAuth, data: { ...samples.initiateAuth.data, meta: { ref: 'kit-doc-2' } } });

      // An answer without its data (or without the link in it) has nothing documented to give: a 502, and nothing of it goes out.
      for (const [i, body] of [{ status: 'successful', customer: { name: 'ADA', bvn: '22345674471' } }, { status: 'successful', data: { customer: { bvn: '22345674471' } } }].entries()) {
        fake.script((_, r) => send(r, 200, body));
        const bare = await live.call('/accounts/initiate', { method: 'POST', body: JSON.stringify({ scope: 'reauth', account: ACCOUNT, meta: { ref: `kit-doc-bare-${i}` } }) });
        assert.equal(bare.res.status, 502);
        assert.equal(bare.json.code, 'upstream-invalid');
        assert.ok(!bare.text.includes('22345674471'));
      }
    });

    it('initiate refuses a redirectUrl hook that gives a relative URL (500, Mono not called)', async () => {
      const handler = createMonoHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, customer: () => CUSTOMER, redirectUrl: () => '/mono/return', logger: false });
      const before = fake.requests.length;
      const res = await handler(
        new Request('http://attacker.example/api/mono/accounts/initiate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'auth', meta: { ref: 'kit-rel-1' } }) }),
      );
      assert.equal(res.status, 500);
      assert.equal(((await res.json()) as { code: string }).code, 'host-error');
      assert.equal(fake.requests.length, before);
    });

    it('initiate without a signed-in customer is a 401, and Mono is not called', async () => {
      const before = fake.requests.length;
      const { res, json } = await live.call('/accounts/initiate', { method: 'POST', user: null, body: JSON.stringify({ scope: 'auth', meta: { ref: 'r1' } }) });
      assert.equal(res.status, 401);
      assert.equal(json.code, 'unauthenticated');
      assert.equal(fake.requests.length, before);
    });

    it('reauth asks authorize for the account and sends no customer', async () => {
      // A preselected bank is dropped: Mono's reauth takes none.
      const body = (account: string) => JSON.stringify({ scope: 'reauth', account, meta: { ref: 'kit-reauth-22b8' }, institution: { id: '5f2d08be60b92e2888287702' } });
      authorizeCalls = [];
      const denied = await live.call('/accounts/initiate', { method: 'POST', body: body(OTHER_ACCOUNT) });
      assert.equal(denied.res.status, 403);
      assert.deepEqual(authorizeCalls, [OTHER_ACCOUNT]);
      const { res, json } = await live.call('/accounts/initiate', { method: 'POST', body: body(ACCOUNT) });
      assert.equal(res.status, 200);
      assert.equal(json.data.scope, 'reauth');
      assert.deepEqual(last().body, { scope: 'reauth', meta: { ref: 'kit-reauth-22b8' }, account: ACCOUNT, redirect_url: `${REDIRECT}?reference=kit-reauth-22b8` });
      assert.equal((await live.call('/accounts/initiate', { method: 'POST', body: body('../x') })).res.status, 400);
    });

    it('initiate validates scope, ref and institution', async () => {
      const before = fake.requests.length;
      for (const body of [
        { meta: { ref: 'r' } },
        { scope: 'payments', meta: { ref: 'r' } },
        { scope: 'auth' },
        { scope: 'auth', meta: { ref: '' } },
        { scope: 'auth', meta: { ref: 'x'.repeat(129) } },
        { scope: 'auth', meta: { ref: 'a b' } },
        { scope: 'auth', meta: { ref: 'r' }, institution: { id: '../x' } },
        { scope: 'auth', meta: { ref: 'r' }, institution: { id: 'abc', auth_method: 'telepathy' } },
        { scope: 'reauth', meta: { ref: 'r' } },
      ]) {
        const { res } = await live.call('/accounts/initiate', { method: 'POST', body: JSON.stringify(body) });
        assert.equal(res.status, 400, JSON.stringify(body));
      }
      assert.equal(fake.requests.length, before);
    });

    it('exchange calls Mono, then onAccountLinked with the account and the request', async () => {
      linked.length = 0;
      const { res, json } = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code: 'code_au5w62egpzggouybo83i5spg' }) });
      assert.equal(res.status, 200);
      assert.deepEqual(json, samples.exchangeBare);
      assert.equal(last().path, '/v2/accounts/auth');
      assert.deepEqual(last().body, { code: 'code_au5w62egpzggouybo83i5spg' });
      assert.deepEqual(linked, [{ accountId: ACCOUNT, user: 'chiamaka', response: samples.exchangeBare }]);

      const enveloped = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code: 'code_envelope' }) });
      assert.deepEqual(enveloped.json, samples.exchangeEnvelope);
      assert.equal(linked.length, 2);
      assert.equal(linked[1].accountId, ACCOUNT);
    });

    it('exchange: a refused code keeps Mono\'s status and message, and nothing is linked', async () => {
      linked.length = 0;
      const { res, json } = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code: 'code_expired' }) });
      assert.equal(res.status, 400);
      assert.equal(json.message, 'Code has expired');
      assert.equal(json.status, 'failed');
      assert.equal(linked.length, 0);
    });

    it('exchange: a bad code never reaches Mono; a failing onAccountLinked is a 500', async () => {
      const before = fake.requests.length;
      for (const code of ['', '../accounts', 'a'.repeat(257), 42]) {
        assert.equal((await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code }) })).res.status, 400);
      }
      assert.equal(fake.requests.length, before);
      const failed = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code: 'code_ok' }), headers: { 'x-fail-store': '1' } });
      assert.equal(failed.res.status, 500);
      assert.equal(failed.json.message, 'The account was linked but could not be saved');
      assert.ok(seen.logs.some((line) => /onAccountLinked hook threw: Error: disk full/.test(line)));
    });

    it('exchange without an account id in Mono\'s answer is a 502', async () => {
      fake.script((_, res) => send(res, 200, { status: 'successful', data: {} }));
      linked.length = 0;
      const { res, json } = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code: 'code_x' }) });
      assert.equal(res.status, 502);
      assert.equal(json.code, 'upstream-invalid');
      assert.equal(linked.length, 0);
    });
  });

  describe('request bodies', () => {
    it('refuses bodies over the limit with 413, non-JSON types with 415, bad JSON with 400', async () => {
      const before = fake.requests.length;
      const big = JSON.stringify({ scope: 'auth', meta: { ref: 'r' }, padding: 'x'.repeat(17 * 1024) });
      assert.equal((await live.call('/accounts/initiate', { method: 'POST', body: big })).res.status, 413);
      const streamed = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
          controller.close();
        },
      });
      const chunked = await live.call(`/accounts/${ACCOUNT}/sync`, { method: 'POST', body: streamed, duplex: 'half' } as RequestInit);
      assert.equal(chunked.res.status, 413);
      const form = await live.call(`/accounts/${ACCOUNT}/sync`, { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(form.res.status, 415);
      const empty = await live.call(`/accounts/${ACCOUNT}/sync`, { method: 'POST', headers: { 'content-type': 'text/plain' } });
      assert.equal(empty.res.status, 415, 'a cross-site form post cannot start a sync');
      assert.equal((await live.call('/accounts/initiate', { method: 'POST', body: '{"scope":' })).res.status, 400);
      assert.equal((await live.call('/accounts/initiate', { method: 'POST', body: '[1,2]' })).res.status, 400);
      assert.equal(fake.requests.length, before);
    });
  });

  describe('sync', () => {
    const sync = () => live.call(`/accounts/${ACCOUNT}/sync`, { method: 'POST', body: '{}' });

    it('asks Mono for real-time transactions and maps x-job-* to the contract', async () => {
      fake.realtimeHeaders = { 'x-has-new-data': 'true', 'x-job-id': SYNC_JOB, 'x-job-status': 'processing' };
      const { res, json } = await sync();
      assert.equal(res.status, 200);
      assert.deepEqual(json.data, { status: 'processing', job_id: SYNC_JOB, has_new_data: true });
      assert.equal(json.status, 'successful');
      const sent = last();
      assert.equal(sent.method, 'GET');
      assert.equal(sent.path, `/v2/accounts/${ACCOUNT}/transactions`);
      assert.deepEqual(sent.query, { limit: '1' });
      assert.equal(sent.headers['x-realtime'], 'true');
      assert.equal(sent.headers['x-real-time'], 'true', 'the other spelling of Mono\'s docs');
      assert.equal(sent.headers['mono-sec-key'], FAKE_KEY);
    });

    const cases: [Record<string, string>, Record<string, unknown>][] = [
      [{ 'x-has-new-data': 'false', 'x-job-id': SYNC_JOB, 'x-job-status': 'finished' }, { status: 'successful', job_id: SYNC_JOB, has_new_data: false }],
      [{ 'x-job-id': SYNC_JOB, 'x-job-status': 'failed' }, { status: 'failed', job_id: SYNC_JOB }],
      [{ 'x-reauth-required': 'true', 'x-has-new-data': 'false' }, { status: 'reauthorisation_required', has_new_data: false }],
      [{ 'x-job-id': SYNC_JOB, 'x-job-status': 'reauthorisation_required' }, { status: 'reauthorisation_required', job_id: SYNC_JOB }],
      [{ 'x-job-id': SYNC_JOB }, { status: 'processing', job_id: SYNC_JOB }],
      [{ 'x-has-new-data': 'true' }, { status: 'successful', has_new_data: true }],
      [{ 'x-job-id': '../../x', 'x-job-status': 'processing' }, { status: 'processing' }],
    ];
    for (const [headers, expected] of cases) {
      it(`maps ${JSON.stringify(headers)}`, async () => {
        fake.realtimeHeaders = headers;
        const { json } = await sync();
        assert.deepEqual(json.data, expected);
      });
    }

    it('turns Mono\'s reauthorisation error into the contract\'s reauthorisation_required', async () => {
      fake.script((_, res) => send(res, 400, { status: 'failed', message: 'Reauthorisation required for this account', data: null }));
      const { res, json } = await sync();
      assert.equal(res.status, 200);
      assert.equal(json.data.status, 'reauthorisation_required');
      fake.script((_, res) => send(res, 400, { status: 'failed', message: 'Bad request', data: null }, { 'x-reauth-required': 'true' }));
      assert.equal((await sync()).json.data.status, 'reauthorisation_required');
      fake.script((_, res) => send(res, 400, { status: 'failed', message: 'Something else', data: null }));
      assert.equal((await sync()).res.status, 400);
    });

    it('can sync through the real-time balance instead', async () => {
      const other = await serveHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, syncVia: 'balance' }, seen);
      try {
        fake.realtimeHeaders = { 'x-has-new-data': 'true', 'x-job-id': SYNC_JOB, 'x-job-status': 'processing' };
        const { json } = await other.call(`/accounts/${ACCOUNT}/sync`, { method: 'POST', body: '{}' });
        assert.equal(json.data.job_id, SYNC_JOB);
        assert.equal(last().path, `/v2/accounts/${ACCOUNT}/balance`);
        assert.deepEqual(last().query, {});
        assert.equal(last().headers['x-realtime'], 'true');
      } finally {
        await other.close();
      }
    });
  });

  describe('statement PDF', () => {
    const hostPdf = () => `/api/mono/accounts/${ACCOUNT}/statement/jobs/${PDF_JOB}/pdf`;

    it('the job answers point at the host\'s streaming route, never at Mono', async () => {
      const started = await live.call(`/accounts/${ACCOUNT}/statement?period=last3months&output=pdf`);
      assert.equal(started.json.data.status, 'BUILDING');
      assert.equal(started.json.data.path, hostPdf());
      assert.equal(started.json.message, samples.statementPdfBuilding.message);
      const polled = await live.call(`/accounts/${ACCOUNT}/statement/jobs/${PDF_JOB}`);
      assert.deepEqual(polled.json, { ...samples.statementPdfBuilt, data: { ...samples.statementPdfBuilt.data, path: hostPdf() } });
      assert.ok(!polled.text.includes(fake.url));
    });

    it('reads a job only under the account it was started for, before Mono is asked', async () => {
      await live.call(`/accounts/${ACCOUNT}/statement?period=last3months&output=pdf`);
      owned.add(MISSING_ACCOUNT);
      try {
        const before = fake.requests.length;
        for (const path of [`/accounts/${MISSING_ACCOUNT}/statement/jobs/${PDF_JOB}`, `/accounts/${MISSING_ACCOUNT}/statement/jobs/${PDF_JOB}/pdf`]) {
          const { res, json } = await live.call(path);
          assert.equal(res.status, 404, path);
          assert.equal(json.message, 'Statement job not found');
        }
        assert.equal(fake.requests.length, before, 'Mono is not asked');
      } finally {
        owned.delete(MISSING_ACCOUNT);
      }
    });

    it('refuses (404) a job id the state store does not know, or that it cannot read, before Mono is asked', async () => {
      const before = fake.requests.length;
      for (const path of [`/accounts/${ACCOUNT}/statement/jobs/NeverStartedHere1`, `/accounts/${ACCOUNT}/statement/jobs/NeverStartedHere1/pdf`]) {
        const { res, json } = await live.call(path);
        assert.equal(res.status, 404, path);
        assert.equal(json.message, 'Statement job not found');
      }
      assert.equal(fake.requests.length, before, 'Mono is not asked');

      const local = capture();
      const broken = await serveHandler(
        {
          secretKey: FAKE_KEY,
          baseUrl: fake.url,
          authorize: () => true,
          stateStore: {
            add: () => {
              throw new Error('redis down');
            },
            get: () => Promise.reject(new Error('redis down')),
            take: () => null,
          },
        },
        local,
      );
      try {
        const job = await broken.call(`/accounts/${ACCOUNT}/statement/jobs/${PDF_JOB}`);
        assert.equal(job.res.status, 404);
        assert.ok(local.logs.some((line) => /^warn .*stateStore.*redis down/.test(line)), local.logs.join('\n'));
        const started = await broken.call(`/accounts/${ACCOUNT}/statement?period=last3months&output=pdf`);
        assert.equal(started.res.status, 503, 'a job that could not be bound could never be read');
        assert.equal(started.json.code, 'host-error');
      } finally {
        seen.bodies.push(...local.bodies);
        seen.logs.push(...local.logs);
        await broken.close();
      }
    });

    it('streams the built PDF through the host', async () => {
      const res = await fetch(`${live.url}${hostPdf()}`, { headers: { 'x-user': 'chiamaka' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="statement-${PDF_JOB}.pdf"`);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), PDF_BYTES);
      const [job, file] = fake.requests.slice(-2);
      assert.equal(job.path, `/v2/accounts/${ACCOUNT}/statement/jobs/${PDF_JOB}`);
      assert.equal(file.path, `/statements/${PDF_JOB}.pdf`);
      assert.equal(file.headers['mono-sec-key'], FAKE_KEY, 'Mono\'s own origin gets the key');
    });

    it('409 while the job is still building', async () => {
      fake.script((_, res) => send(res, 200, samples.statementPdfBuilding));
      const res = await fetch(`${live.url}${hostPdf()}`, { headers: { 'x-user': 'chiamaka' } });
      assert.equal(res.status, 409);
      assert.equal((await res.json()).code, 'not-ready');
    });

    it('refuses a PDF path outside Mono\'s origin or over plain http', async () => {
      for (const path of ['https://evil.example/statement.pdf', 'http://169.254.169.254/latest/meta-data', 'file:///etc/passwd', `${fake.url.replace('127.0.0.1', 'user:pw@127.0.0.1')}/statements/${PDF_JOB}.pdf`, 'not a url']) {
        fake.script((_, res) => send(res, 200, { ...samples.statementPdfBuilt, data: { ...samples.statementPdfBuilt.data, path } }));
        const before = fake.requests.length;
        const res = await fetch(`${live.url}${hostPdf()}`, { headers: { 'x-user': 'chiamaka' } });
        assert.equal(res.status, 502, path);
        assert.equal((await res.json()).code, 'upstream-invalid');
        assert.equal(fake.requests.length, before + 1, 'only the job was fetched');
      }
    });

    it('maps a failing download and refuses a body that is not a PDF', async () => {
      fake.script(
        () => false,
        (_, res) => send(res, 404, { status: 'failed', message: 'Statement not found', data: null }),
      );
      const missing = await fetch(`${live.url}${hostPdf()}`, { headers: { 'x-user': 'chiamaka' } });
      assert.equal(missing.status, 404);
      assert.equal((await missing.json()).message, 'Statement not found');
      fake.script(
        () => false,
        (_, res) => send(res, 200, '<html>login</html>'),
      );
      const html = await fetch(`${live.url}${hostPdf()}`, { headers: { 'x-user': 'chiamaka' } });
      assert.equal(html.status, 502);
    });

    it('streams nothing but a PDF: the body must start with %PDF-, whatever its content type says', async () => {
      const file = `${fake.url}/statements/${PDF_JOB}.pdf`;
      const built: Script = (_, res) => send(res, 200, { ...samples.statementPdfBuilt, data: { ...samples.statementPdfBuilt.data, path: file } });
      const answer = (type: string | null, body: string | Uint8Array): Script => (_, res) => {
        res.writeHead(200, type === null ? {} : { 'content-type': type });
        res.end(body);
      };
      const cases: [string, Script, number][] = [
        ['an echo of the request\'s headers, with no content type', (recorded, res) => answer(null, JSON.stringify({ headers: recorded.headers }))(recorded, res), 502],
        ['application/pdf that is not one', answer('application/pdf', '<html>login</html>'), 502],
        ['an empty application/pdf', answer('application/pdf', ''), 502],
        ['a PDF with no content type', answer(null, PDF_BYTES), 200],
        ['a PDF as application/octet-stream', answer('application/octet-stream', PDF_BYTES), 200],
      ];
      for (const [what, script, status] of cases) {
        fake.script(built, script);
        const res = await fetch(`${live.url}${hostPdf()}`, { headers: { 'x-user': 'chiamaka' } });
        const body = new Uint8Array(await res.arrayBuffer());
        seen.bodies.push(new TextDecoder().decode(body));
        assert.equal(res.status, status, what);
        if (status === 200) assert.deepEqual(body, PDF_BYTES, what);
        else assert.equal(JSON.parse(new TextDecoder().decode(body)).code, 'upstream-invalid', what);
      }
    });

    it('reads only the first bytes of a PDF before the answer starts, however they are split', async () => {
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      fake.script(
        () => false,
        (_, res) => {
          res.writeHead(200, { 'content-type': 'application/pdf' });
          res.write(PDF_BYTES.slice(0, 2));
          setTimeout(() => res.write(PDF_BYTES.slice(2, 7)), 5);
          void finished.then(() => res.end(PDF_BYTES.slice(7)));
        },
      );
      // Resolves with the headers: the rest of the file has not been sent yet.
      const res = await fetch(`${live.url}${hostPdf()}`, { headers: { 'x-user': 'chiamaka' } });
      assert.equal(res.status, 200);
      finish();
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), PDF_BYTES);
    });

    it('sends the key only to Mono\'s statement files (/statements/….pdf on its origin), not to other paths there', async () => {
      const pdf: Script = (_, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(PDF_BYTES);
      };
      for (const [path, keyed] of [
        [`/statements/${PDF_JOB}.pdf`, true],
        ['/debug/echo', false],
        [`/v2/statements/${PDF_JOB}.pdf`, false],
        [`/statements/${PDF_JOB}.pdf/../../debug`, false],
      ] as const) {
        fake.script((_, res) => send(res, 200, { ...samples.statementPdfBuilt, data: { ...samples.statementPdfBuilt.data, path: `${fake.url}${path}` } }), pdf);
        const res = await fetch(`${live.url}${hostPdf()}`, { headers: { 'x-user': 'chiamaka' } });
        assert.equal(res.status, 200, path);
        await res.arrayBuffer();
        assert.equal(last().headers['mono-sec-key'], keyed ? FAKE_KEY : undefined, path);
      }
    });
  });

  describe('upstream errors', () => {
    it('keeps Mono\'s status, and its message but for a failure on its side (logged) and long numbers in it', async () => {
      const { res, json } = await live.call(`/accounts/${MISSING_ACCOUNT}`);
      assert.equal(res.status, 403, 'not owned: authorize first');
      owned.add(MISSING_ACCOUNT);
      try {
        const found = await live.call(`/accounts/${MISSING_ACCOUNT}`);
        assert.equal(found.res.status, 404);
        assert.equal(found.json.message, 'Account not found');
        assert.equal(found.json.status, 'failed');
      } finally {
        owned.delete(MISSING_ACCOUNT);
      }
      assert.equal(json.status, 'failed');
      fake.script((_, r) => send(r, 500, { status: 'failed', message: 'ECONNREFUSED 10.12.4.7:27017 reading BVN 22345674471', data: null }));
      const failing = await live.call(`/accounts/${ACCOUNT}/identity`);
      assert.equal(failing.res.status, 500);
      assert.equal(failing.json.message, "Mono could not answer (HTTP 500); the host backend's log has the details");
      assert.equal(failing.json.code, 'upstream-error');
      assert.ok(seen.logs.some((line) => line.includes('HTTP 500: ECONNREFUSED 10.12.4.7:27017 reading BVN [number]')), 'Mono\'s words are logged, the number masked');
      assert.ok(!seen.logs.some((line) => line.includes('22345674471')));
      fake.script((_, r) => send(r, 400, { status: 'failed', message: 'No account 0123456789 for BVN 22345674471', data: null }));
      const refused = await live.call(`/accounts/${ACCOUNT}/identity`);
      assert.equal(refused.res.status, 400);
      assert.equal(refused.json.message, 'No account [number] for BVN [number]');
      fake.script((_, r) => send(r, 402, { status: 'failed', message: 'Insufficient wallet balance', code: 'WALLET_LOW', data: null }));
      const payment = await live.call(`/accounts/${ACCOUNT}/identity`);
      assert.equal(payment.res.status, 402);
      assert.equal(payment.json.code, 'WALLET_LOW');
    });

    it('serves only fetch(): a navigation, an <img> or a <script> from a page of this site is refused, but for the PDF download link', async () => {
      // Called directly: Node's fetch would send its own sec-fetch-mode.
      let asked = 0;
      const handler = createMonoHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => (++asked, true), logger: false });
      const call = async (path: string, site: string, mode: string) => {
        const res = await handler(new Request(`http://shop.example.ng/api/mono${path}`, { headers: { 'sec-fetch-site': site, 'sec-fetch-mode': mode } }));
        return { res, json: (await res.json()) as { code: string; message: string } };
      };
      const before = fake.requests.length;
      for (const mode of ['navigate', 'no-cors']) {
        for (const site of ['same-site', 'same-origin', 'none']) {
          const { res, json } = await call(`/accounts/${ACCOUNT}/statement?period=last3months&output=pdf`, site, mode);
          assert.equal(res.status, 403, `${site} ${mode}`);
          assert.match(json.message, /Only fetch\(\) requests/);
        }
      }
      assert.equal(fake.requests.length, before, 'Mono is not called');
      assert.equal(asked, 0, 'no hook is asked');
      for (const mode of ['cors', 'same-origin']) assert.equal((await call(`/accounts/${ACCOUNT}`, 'same-origin', mode)).res.status, 200, mode);
      // The download link navigates: it reaches the route (a job never started here is its own 404).
      const download = await call(`/accounts/${ACCOUNT}/statement/jobs/683d7aa0c4e1b2f9d8a60bff/pdf`, 'same-origin', 'navigate');
      assert.equal(download.res.status, 404);
      assert.equal(download.json.code, 'not-found');
    });

    it('refuses requests a browser marks as coming from another site (a link or <img> there), before any hook or Mono', async () => {
      const before = fake.requests.length;
      const calls = authorizeCalls.length;
      for (const mode of ['navigate', 'no-cors', 'cors']) {
        const { res, json } = await live.call(`/accounts/${ACCOUNT}/statement?period=last3months&output=pdf`, { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': mode } });
        assert.equal(res.status, 403, mode);
        assert.equal(json.code, 'forbidden');
      }
      assert.equal(fake.requests.length, before, 'Mono is not called');
      assert.equal(authorizeCalls.length, calls, 'no hook is asked');
      for (const site of ['same-origin', 'same-site', 'none']) {
        const { res } = await live.call(`/accounts/${ACCOUNT}`, { headers: { 'sec-fetch-site': site } });
        assert.equal(res.status, 200, site);
      }
      const open = await serveHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, allowCrossSite: true }, seen);
      try {
        assert.equal((await open.call(`/accounts/${ACCOUNT}`, { headers: { 'sec-fetch-site': 'cross-site' } })).res.status, 200, 'allowCrossSite');
      } finally {
        await open.close();
      }
    });

    it('a refused key (401/403 from Mono) is a 502 upstream-auth, never the user\'s 401', async () => {
      const wrong = await serveHandler({ secretKey: WRONG_KEY, baseUrl: fake.url, authorize: () => true }, seen);
      try {
        const { res, json, text } = await wrong.call(`/accounts/${ACCOUNT}`);
        assert.equal(res.status, 502);
        assert.equal(json.code, 'upstream-auth');
        assert.match(json.message, /refused the host backend's credentials \(HTTP 401\)/);
        assert.ok(!text.includes('Invalid secret key'), 'Mono\'s own words stay in the log');
        assert.ok(seen.logs.some((line) => /^error .*Invalid secret key: \[redacted\]/.test(line)), 'the log has them, key redacted');
        assert.ok(!text.includes(WRONG_KEY));
        assert.ok(!seen.logs.some((line) => line.includes(WRONG_KEY)));
        assert.equal(last().headers['mono-sec-key'], WRONG_KEY, 'the fake did echo it');
      } finally {
        await wrong.close();
      }
      fake.script((_, r) => send(r, 403, { status: 'failed', message: 'Key lacks permission', data: null }));
      const forbidden = await live.call(`/accounts/${ACCOUNT}`);
      assert.equal(forbidden.res.status, 502);
      assert.equal(forbidden.json.code, 'upstream-auth');
    });

    it('says when Mono wants the holder to sign in again, by its header, code or words, even on a 401 or 403', async () => {
      const answers: [number, unknown, Record<string, string>][] = [
        [400, { status: 'failed', message: 'Account cannot be refreshed', data: null }, { 'x-reauth-required': 'true' }],
        [403, { status: 'failed', message: 'Reauthorisation required for this account', data: null }, {}],
        [401, { status: 'failed', message: 'Not allowed', code: 'REAUTHORISATION_REQUIRED', data: null }, {}],
      ];
      for (const [status, body, headers] of answers) {
        fake.script((_, r) => send(r, status, body, headers));
        const { res, json } = await live.call(`/accounts/${ACCOUNT}/transactions`);
        assert.equal(res.headers.get('x-reauth-required'), 'true', `HTTP ${status}`);
        assert.match(json.code, /^reauthori[sz]ation[-_]required$/i, `HTTP ${status}`);
        assert.ok(res.status === 400 || res.status === 403, `a 4xx the host's own sign-in does not take for its own, not ${res.status}`);
      }
      assert.ok(seen.logs.some((line) => /^warn .*HTTP 403, read as reauthorisation required/.test(line)), 'a 401/403 read that way is logged');
      fake.script((_, r) => send(r, 400, { status: 'failed', message: 'Invalid date range', data: null }));
      const plain = await live.call(`/accounts/${ACCOUNT}/transactions`);
      assert.equal(plain.res.headers.get('x-reauth-required'), null, 'other errors are not marked');
    });

    it('passes 429 and Retry-After through', async () => {
      fake.script((_, r) => send(r, 429, { status: 'failed', message: 'Too many requests', data: null }, { 'retry-after': '7' }));
      const { res, json } = await live.call(`/accounts/${ACCOUNT}/transactions`);
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '7');
      assert.equal(json.message, 'Too many requests');
      assert.equal(json.code, 'rate-limited');
      fake.script((_, r) => send(r, 429, { message: 'slow down' }, { 'retry-after': '7\r\nx: y'.replace(/\r\n.*/, ';evil') }));
      const odd = await live.call(`/accounts/${ACCOUNT}/transactions`);
      assert.equal(odd.res.status, 429);
      assert.equal(odd.res.headers.get('retry-after'), null, 'an odd Retry-After is dropped');
    });

    it('turns non-JSON answers and redirects into 502s, without following the redirect', async () => {
      fake.script((_, r) => send(r, 502, '<html><body>Bad gateway</body></html>'));
      const html = await live.call(`/accounts/${ACCOUNT}`);
      assert.equal(html.res.status, 502);
      assert.equal(html.json.message, "Mono could not answer (HTTP 502); the host backend's log has the details");
      fake.script((_, r) => send(r, 200, '<html>maintenance</html>'));
      const notJson = await live.call(`/accounts/${ACCOUNT}`);
      assert.equal(notJson.res.status, 502);
      assert.equal(notJson.json.code, 'upstream-invalid');
      fake.script((_, r) => {
        r.writeHead(302, { location: `${fake.url}/elsewhere` });
        r.end();
      });
      const before = fake.requests.length;
      const redirected = await live.call(`/accounts/${ACCOUNT}`);
      assert.equal(redirected.res.status, 502);
      assert.equal(fake.requests.length, before + 1, 'the redirect was not followed');
    });

    it('redacts a key that Mono echoes in a success body', async () => {
      fake.script((_, r) => send(r, 200, { status: 'successful', message: `debug ${FAKE_KEY}`, data: samples.identityV2.data }));
      const { res, text, json } = await live.call(`/accounts/${ACCOUNT}/identity`);
      assert.equal(res.status, 200);
      assert.ok(!text.includes(FAKE_KEY));
      assert.equal(json.message, 'debug [redacted]');
    });

    it('redacts a key that Mono\'s success body spells with JSON escapes, on forwarded and rebuilt answers', async () => {
      // "test\u005fsk_…": no key in the raw text, the key itself once a browser parses it.
      const escaped = JSON.stringify({ status: 'successful', message: `debug ${FAKE_KEY}`, data: samples.identityV2.data }).replace(FAKE_KEY, FAKE_KEY.replace('_', '\\u005f'));
      for (const path of [`/accounts/${ACCOUNT}`, `/accounts/${ACCOUNT}/identity`]) {
        fake.script((_, r) => {
          r.writeHead(200, { 'content-type': 'application/json' });
          r.end(escaped);
        });
        const { res, json } = await live.call(path);
        assert.equal(res.status, 200, path);
        assert.equal(json.message, 'debug [redacted]', path);
      }
    });

    it('redacts a webhook secret that a success body spells with JSON escapes (\\/, \\")', async () => {
      // The raw text spells the secret differently, and a browser parsing the body gets the secret itself.
      const cases = [
        { secret: 'whsec/with/slashes', inBody: (text: string, secret: string) => text.replace(secret, secret.replaceAll('/', '\\/')) },
        { secret: 'whsec"quoted\\', inBody: (text: string) => text },
      ];
      for (const { secret, inBody } of cases) {
        const own = await serveHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, webhookSecret: secret, onWebhook: () => {} }, seen);
        try {
          const body = inBody(JSON.stringify({ status: 'successful', message: `debug ${secret}`, data: samples.identityV2.data }), secret);
          fake.script((_, r) => {
            r.writeHead(200, { 'content-type': 'application/json' });
            r.end(body);
          });
          const { res, json } = await own.call(`/accounts/${ACCOUNT}/identity`);
          assert.equal(res.status, 200, secret);
          assert.equal(json.message, 'debug [redacted]', secret);
        } finally {
          await own.close();
        }
      }
    });

    it('never copies the key into an error\'s code: Mono\'s JSON escapes, or a PDF download\'s error body', async () => {
      // "test\u005fsk_…" in the code: no key in the raw text, the key itself once parsed.
      const spelt = FAKE_KEY.replaceAll('_', '\\u005f');
      fake.script((_, r) => {
        r.writeHead(400, { 'content-type': 'application/json' });
        r.end(`{"status":"failed","message":"Bad request ${spelt}","code":"${spelt}","data":null}`);
      });
      const read = await live.call(`/accounts/${ACCOUNT}/identity`);
      assert.equal(read.res.status, 400);
      assert.equal(read.json.code, 'upstream-error');
      assert.equal(read.json.message, 'Bad request [redacted]');

      await live.call(`/accounts/${ACCOUNT}/statement?period=last3months&output=pdf`);
      fake.script(
        () => false,
        (recorded, r) => send(r, 400, { status: 'failed', message: `Bad key ${String(recorded.headers['mono-sec-key'])}`, code: String(recorded.headers['mono-sec-key']), data: null }),
      );
      const pdf = await live.call(`/accounts/${ACCOUNT}/statement/jobs/${PDF_JOB}/pdf`);
      assert.equal(last().headers['mono-sec-key'], FAKE_KEY, 'the fake did echo it');
      assert.equal(pdf.res.status, 400);
      assert.equal(pdf.json.code, 'upstream-error');
      assert.equal(pdf.json.message, 'Bad key [redacted]');
      for (const text of [read.text, pdf.text]) assert.ok(!text.includes(FAKE_KEY.slice('test_sk_'.length)), text);
    });

    it('redacts the key echoed percent-encoded, in base64, without its prefix or with HTML entities, in error and success bodies', async () => {
      const random = FAKE_KEY.slice('test_sk_'.length);
      const echoes = [
        encodeURIComponent(FAKE_KEY).replaceAll('_', '%5F'),
        btoa(FAKE_KEY),
        random,
        FAKE_KEY.replaceAll('_', '&#95;'),
      ];
      for (const echo of echoes) {
        fake.script((_, r) => {
          r.writeHead(400, { 'content-type': 'application/json' });
          r.end(`{"status":"failed","message":"Bad key ${echo}","data":null}`);
        });
        const failed = await live.call(`/accounts/${ACCOUNT}/identity`);
        assert.equal(failed.json.message, 'Bad key [redacted]', echo);
        fake.script((_, r) => {
          r.writeHead(200, { 'content-type': 'application/json' });
          r.end(`{"status":"successful","message":"ok","data":{"echo":"${echo}"}}`);
        });
        const echoed = await live.call(`/accounts/${ACCOUNT}/assets`);
        assert.deepEqual(echoed.json.data, { echo: REDACTED }, echo);
      }
    });

    it('times out slow upstream calls with 504', async () => {
      const slow = await serveHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, timeout: 150 }, seen);
      try {
        let upstreamClosed!: () => void;
        const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
        fake.script((_, r) => {
          const timer = setTimeout(() => send(r, 200, samples.accountV2), 10_000);
          r.on('close', () => {
            clearTimeout(timer);
            upstreamClosed();
          });
        });
        const { res, json } = await slow.call(`/accounts/${ACCOUNT}`);
        assert.equal(res.status, 504);
        assert.equal(json.code, 'upstream-timeout');
        await closed; // the upstream request was abandoned, not left running
      } finally {
        await slow.close();
      }
    });

    it('502 when Mono cannot be reached', async () => {
      const unreachable = await serveHandler({ secretKey: FAKE_KEY, baseUrl: 'http://127.0.0.1:9', authorize: () => true }, seen);
      try {
        const { res, json } = await unreachable.call(`/accounts/${ACCOUNT}`);
        assert.equal(res.status, 502);
        assert.equal(json.code, 'upstream-unreachable');
      } finally {
        await unreachable.close();
      }
    });

    it('redacts the key from transport errors in the log', async () => {
      const local = capture();
      const handler = createMonoHandler({
        secretKey: FAKE_KEY,
        authorize: () => true,
        logger: local.logger,
        fetch: async () => {
          throw new TypeError(`Invalid header value for mono-sec-key: ${FAKE_KEY}`, { cause: new Error(`socket ${FAKE_KEY}`) });
        },
      });
      const res = await handler(new Request(`http://host.test/api/mono/accounts/${ACCOUNT}`));
      const text = await res.text();
      seen.bodies.push(text);
      seen.logs.push(...local.logs);
      assert.equal(res.status, 502);
      assert.ok(local.logs.some((line) => line.includes('Invalid header value for mono-sec-key: [redacted]') && line.includes('socket [redacted]')));
    });
  });

  it('never put the secret key in a response body or a log line', () => {
    assert.ok(seen.bodies.length > 100, `checked ${seen.bodies.length} bodies`);
    assert.ok(seen.logs.length > 5, `checked ${seen.logs.length} log lines`);
    for (const text of [...seen.bodies, ...seen.logs]) {
      for (const secret of [FAKE_KEY, WRONG_KEY]) assert.ok(!text.includes(secret), text.slice(0, 200));
      assert.ok(!/_sk_[A-Za-z0-9]/.test(text), text.slice(0, 200));
    }
  });
});

describe('createRedactor', () => {
  const KEY = 'test_sk_Zq7Lr2Vx9Kp4Wm8Tn3Bc6Hd1';
  const HOOK = 'whsec_9f8e7d6c5b4a3f2e1d0c';
  const redact = createRedactor([KEY, HOOK]);
  const bytes = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));
  const base64 = (text: string) => btoa(bytes(text));

  it('redacts each secret percent-encoded (any case of hex, partly or fully), with HTML entities for "_", and by its random part alone', () => {
    const full = (s: string, hex: (h: string) => string) => [...new TextEncoder().encode(s)].map((b) => `%${hex(b.toString(16).padStart(2, '0'))}`).join('');
    for (const secret of [KEY, HOOK]) {
      const random = secret.replace(/^(?:test_sk_|whsec_)/, '');
      const forms = [
        secret.replaceAll('_', '%5F'),
        secret.replaceAll('_', '%5f'),
        full(secret, (h) => h.toUpperCase()),
        full(secret, (h) => h),
        secret.replaceAll('_', '&#95;'),
        secret.replaceAll('_', '&#x5F;'),
        secret.replaceAll('_', '&#x5f;'),
        secret.replaceAll('_', '&lowbar;'),
        secret.replaceAll('_', '&UnderBar;'),
        random,
      ];
      for (const form of forms) assert.equal(redact(`a "${form}" b`), `a "${REDACTED}" b`, form);
    }
  });

  it('redacts each secret in base64 and base64url, at any of the three alignments inside a longer encoded text', () => {
    for (const secret of [KEY, HOOK]) {
      for (const before of ['', 'x', 'xy']) {
        for (const after of ['', 'z', 'zw', 'zwv']) {
          const encoded = base64(`${before}${secret}${after}`);
          for (const form of [encoded, encoded.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')]) {
            const [left, right] = redact(form).split(REDACTED);
            assert.ok(right !== undefined, form);
            // Left: only the characters that encode the neighbouring bytes, and the one each shares with the secret.
            assert.ok(left.length <= Math.ceil((before.length * 4) / 3) + 1, `${form}: ${left}`);
            assert.ok(right.replace(/=+$/, '').length <= Math.ceil((after.length * 4) / 3) + 1, `${form}: ${right}`);
          }
        }
      }
    }
  });

  it('leaves everything else byte for byte, including text that shares a secret\'s prefix or parts of it', () => {
    const others = [
      JSON.stringify(samples),
      'test_skipped whsec_ %5F &#95; &lowbar; 50% off M&S &amp; &#8358;1,000',
      KEY.slice(8, 18),
      HOOK.slice(0, 10),
      base64('an unrelated string of some length'),
      encodeURIComponent('https://merchant.example.ng/mono/return?ref=kit_7f3a'),
    ];
    for (const text of others) assert.equal(redact(text), text, text.slice(0, 80));
  });

  it('still redacts any text shaped like a Mono key, ours or not, also percent-encoded or with entities', () => {
    for (const foreign of ['live_sk_someoneElsesKey123', 'test%5Fsk%5FsomeoneElsesKey123', 'live&#95;sk&#95;someoneElsesKey123']) {
      assert.equal(redact(`key ${foreign}.`), `key ${REDACTED}.`, foreign);
    }
  });
});
