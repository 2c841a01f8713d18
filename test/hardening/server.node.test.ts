// Hostile requests against the server side, over real HTTP on 127.0.0.1: path traversal (plain, encoded,
// double-encoded, backslashes, NUL), encoded separators in ids, parameter pollution, oversize and
// malformed bodies, wrong methods and content types, missing or forged webhook secrets and other users'
// accounts. Every one must be refused with the right status and none may reach the (fake) upstream.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandboxServer, type SandboxServer } from '../../src/server/sandbox/serve.js';
import { raw } from './http.js';

export interface HostileCase {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Acceptable statuses (the first is the one the contract asks for). */
  expect: number[];
  /** Text that must not appear in the answer. */
  mustNotContain?: string;
}

const figures = { sent: 0, rejected: 0 };
after(() => console.log(`hardening/server: ${figures.sent} hostile requests sent, ${figures.rejected} rejected with the expected status`));

export async function expectRejected(base: string, c: HostileCase): Promise<void> {
  figures.sent++;
  const res = await raw(base, { method: c.method, path: c.path, headers: c.headers, body: c.body });
  assert.ok(c.expect.includes(res.status), `${c.name}: got ${res.status} ${res.body.slice(0, 160)}, expected ${c.expect.join('/')}`);
  if (c.mustNotContain) assert.ok(!res.body.includes(c.mustNotContain), `${c.name}: answer leaks ${c.mustNotContain}`);
  figures.rejected++;
}

const SECRET = 'TOP-SECRET-FILE-CONTENTS-7f3a';
const MB = 1024 * 1024;

/** Against the sandbox server with a static root (what `npm start`-style hosting exposes). */
function sandboxCases(): HostileCase[] {
  const traversal = [
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/public/../../secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/index.html%00.txt',
    '/%00',
    '//etc/passwd',
    '/./../secret.txt',
  ].map((path): HostileCase => ({ name: `static traversal ${path}`, path, expect: [400, 403, 404], mustNotContain: SECRET }));

  const api = '/api/mono';
  const ids = [
    '..%2f..%2fsecret.txt',
    'acc%2Fdemo',
    'acc%5Cdemo',
    'acc_demo%00',
    '%2e%2e',
    'acc%252Fdemo',
    'a'.repeat(65),
    'acc%20demo',
    'acc_dem%C3%B6',
    '%F0%9F%92%B8',
    'txns_1000001',
    'acc_demo%0d%0aSet-Cookie:%20x=1',
  ].map((id): HostileCase => ({ name: `account id ${id.slice(0, 40)}`, path: `${api}/accounts/${id}`, expect: [400, 404], mustNotContain: SECRET }));

  return [
    ...traversal,
    ...ids,
    { name: 'api traversal past the base path to a file beside the static root', path: `${api}/accounts/../../../secret.txt`, expect: [400, 403, 404], mustNotContain: SECRET },
    { name: 'CONNECT', method: 'CONNECT', path: 'evil.example:443', expect: [-1, 400, 404, 405] },
    { name: 'api traversal out of base path', path: `${api}/../secret.txt`, expect: [400, 403, 404], mustNotContain: SECRET },
    { name: 'api encoded traversal out of base path', path: `${api}/..%2f..%2fsecret.txt`, expect: [400, 403, 404], mustNotContain: SECRET },
    { name: 'job id with encoded slash', path: `${api}/accounts/acc_demo/statement/jobs/a%2F..%2Fb`, expect: [400, 404] },
    { name: 'PUT on an account', method: 'PUT', path: `${api}/accounts/acc_demo`, body: '{}', headers: { 'content-type': 'application/json' }, expect: [404, 405] },
    { name: 'DELETE on an account', method: 'DELETE', path: `${api}/accounts/acc_demo`, expect: [404, 405] },
    { name: 'PATCH initiate', method: 'PATCH', path: `${api}/accounts/initiate`, body: '{}', expect: [404, 405] },
    { name: 'GET on a POST-only route', path: `${api}/accounts/acc_demo/sync`, expect: [404, 405] },
    { name: 'TRACE', method: 'TRACE', path: `${api}/accounts/acc_demo`, expect: [404, 405] },
    { name: 'unknown route', path: `${api}/admin`, expect: [404] },
    { name: 'oversize initiate body (2 MiB)', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'auth', meta: { ref: 'r' }, pad: 'x'.repeat(2 * MB) }), expect: [413] },
    { name: 'oversize exchange body, no content-length', method: 'POST', path: `${api}/accounts/auth`, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: JSON.stringify({ code: 'x'.repeat(2 * MB) }), expect: [413] },
    { name: 'initiate with a non-JSON body', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: 'scope=auth', expect: [400] },
    { name: 'initiate with a JSON array', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: '[]', expect: [400] },
    { name: 'initiate with a prototype-polluting body', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: '{"__proto__":{"scope":"auth"},"meta":{"ref":"r"}}', expect: [400] },
    { name: 'initiate redirect_url to another site', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'auth', meta: { ref: 'r' }, redirect_url: 'https://evil.example/steal' }), expect: [400] },
    { name: 'initiate with a 10 kB reference', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'auth', meta: { ref: 'r'.repeat(10_000) } }), expect: [400] },
    // What the live handler refuses, the sandbox refuses too.
    { name: 'initiate 17 KiB body (limit 16 KiB)', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'auth', meta: { ref: 'r' }, pad: 'x'.repeat(17 * 1024) }), expect: [413] },
    { name: 'initiate with a reference that is markup', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'auth', meta: { ref: '<script>x</script>' } }), expect: [400] },
    { name: 'initiate with an unknown auth method', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'auth', meta: { ref: 'r' }, institution: { id: '5f2d08be60b92e2888287702', auth_method: 'ussd' } }), expect: [400] },
    { name: 'initiate from a page on another site', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body: JSON.stringify({ scope: 'auth', meta: { ref: 'r' } }), expect: [403] },
    { name: 'account read from a page on another site', path: `${api}/accounts/acc_demo`, headers: { 'sec-fetch-site': 'cross-site' }, expect: [403] },
    { name: 'claim with a reference that is markup', method: 'POST', path: `${api}/accounts/auth`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: '<script>x</script>' }), expect: [400] },
    { name: 'reauth for an invalid account id', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'reauth', account: '../x', meta: { ref: 'r' } }), expect: [400] },
    { name: 'exchange without a code', method: 'POST', path: `${api}/accounts/auth`, headers: { 'content-type': 'application/json' }, body: '{}', expect: [400] },
    { name: 'exchange by a reference never started', method: 'POST', path: `${api}/accounts/auth`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: 'kit-never-started' }), expect: [404] },
    { name: 'exchange by a 10 kB reference', method: 'POST', path: `${api}/accounts/auth`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: 'r'.repeat(10_000) }), expect: [400] },
    { name: 'widget link report for a reference never started', method: 'POST', path: `${api}/widget/linked`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: 'kit-never-started', account: 'acc_demo' }), expect: [404] },
    { name: 'widget link report posted as a form', method: 'POST', path: `${api}/widget/linked`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'reference=kit-1&account=acc_demo', expect: [415] },
    { name: 'sandbox latency switch out of range', path: `${api}/accounts/acc_demo`, headers: { 'x-sandbox-latency': '999999999' }, expect: [400] },
    { name: 'sandbox fault switch unknown', path: `${api}/accounts/acc_demo`, headers: { 'x-sandbox-fault': 'rm -rf' }, expect: [400] },
    { name: 'another account’s sync job', path: `${api}/accounts/acc_other/jobs/000000000000000000000000`, expect: [404] },
    { name: 'sync posted as a cross-site form would (text/plain)', method: 'POST', path: `${api}/accounts/acc_demo/sync`, headers: { 'content-type': 'text/plain' }, body: '{}', expect: [415] },
    { name: 'initiate posted as a form', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'scope=auth', expect: [415] },
    { name: 'transactions with a polluted parameter', path: `${api}/accounts/acc_demo/transactions?limit=1&limit=1000`, expect: [400] },
    { name: 'transactions with an unknown parameter', path: `${api}/accounts/acc_demo/transactions?__proto__=1`, expect: [400] },
  ];
}

describe('hostile requests: sandbox server and its static files', () => {
  let server: SandboxServer;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mono-hardening-'));
    await mkdir(join(dir, 'public'));
    await writeFile(join(dir, 'secret.txt'), SECRET);
    await writeFile(join(dir, 'public', 'index.html'), '<!doctype html><title>ok</title>');
    server = await startSandboxServer({ staticRoot: join(dir, 'public') });
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the real page and API (the cases below are refused for their content, not because nothing works)', async () => {
    assert.equal((await raw(server.url, { path: '/index.html' })).status, 200);
    assert.equal((await raw(server.url, { path: '/api/mono/accounts/acc_demo' })).status, 200);
  });

  for (const c of sandboxCases()) it(c.name, () => expectRejected(server.url, c));
});

// ---------------------------------------------------------------------------------------------
// The live handler (createMonoHandler with a secret key) behind the Node adapter, with a fake Mono
// upstream that records every call. Alice (header x-user: alice) owns acc_alice; bob owns acc_bob.

const SECRET_KEY = 'test_sk_HARDENING_do_not_leak_5b1e';
const WEBHOOK_SECRET = 'whsec_hardening_7f1a9c2e4d';
const OWNERS: Record<string, string> = { acc_alice: 'alice', acc_bob: 'bob' };

function liveCases(): HostileCase[] {
  const api = '/api/mono';
  const alice = { 'x-user': 'alice' };
  const json = { ...alice, 'content-type': 'application/json' };
  const otherUsers = [
    ['GET', ''],
    ['GET', '/transactions'],
    ['GET', '/statement?period=last3months&output=json'],
    ['GET', '/statement?period=last3months&output=pdf'],
    ['GET', '/statement/jobs/job123'],
    ['GET', '/statement/jobs/job123/pdf'],
    ['GET', '/identity'],
    ['GET', '/income-records'],
    ['POST', '/income'],
    ['GET', '/assets'],
    ['GET', '/earnings'],
    ['POST', '/sync'],
    ['GET', '/jobs/job123'],
  ].map(([method, rest]): HostileCase => ({
    name: `alice asks for bob's account: ${method} ${rest || '/'}`,
    method,
    path: `${api}/accounts/acc_bob${rest}`,
    headers: method === 'POST' ? json : alice,
    body: method === 'POST' ? '{}' : undefined,
    expect: [403],
  }));
  const post = (name: string, path: string, body: string | Buffer, headers: Record<string, string>, expect: number[]): HostileCase => ({ name, method: 'POST', path: `${api}${path}`, headers, body, expect });
  const txn = (query: string, name = query) => ({ name: `transactions ${name}`, path: `${api}/accounts/acc_alice/transactions?${query}`, headers: alice, expect: [400] });
  const webhook = (name: string, headers: Record<string, string>, body = '{"event":"mono.events.account_updated","data":{}}', path = '/webhooks') =>
    post(`webhook ${name}`, path, body, { 'content-type': 'application/json', ...headers }, [401]);

  return [
    ...otherUsers,
    { name: 'no session: GET acc_alice', path: `${api}/accounts/acc_alice`, expect: [401, 403] },
    { name: 'reauth of bob’s account by alice', method: 'POST', path: `${api}/accounts/initiate`, headers: json, body: JSON.stringify({ scope: 'reauth', account: 'acc_bob', meta: { ref: 'kit-1' } }), expect: [403] },
    { name: 'initiate with no session', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'auth', meta: { ref: 'kit-1' } }), expect: [401] },

    // traversal and encoded separators
    { name: 'raw ../ to bob’s account (normalised, then refused by authorize)', path: `${api}/accounts/acc_alice/../acc_bob`, headers: alice, expect: [403] },
    { name: 'raw ../ from a sub-route to bob’s identity', path: `${api}/accounts/acc_alice/transactions/../../acc_bob/identity`, headers: alice, expect: [403] },
    ...['..%2f..%2fv1%2fadmin', 'acc_alice%2F..%2Facc_bob', 'acc_alice%2fidentity', 'acc_alice%5C..%5Cacc_bob', 'acc_alice%00', '%2e%2e', 'acc%252Falice', 'acc_alice%0d%0aX-Injected:%201', '%E2%80%AEacc_alice', 'a'.repeat(200)].map(
      (id): HostileCase => ({ name: `encoded id ${id.slice(0, 36)}`, path: `${api}/accounts/${id}`, headers: alice, expect: [400, 404] }),
    ),
    { name: 'job id with encoded traversal', path: `${api}/accounts/acc_alice/statement/jobs/..%2f..%2f..%2fv2%2fusers`, headers: alice, expect: [400, 404] },
    { name: 'sync job id with encoded traversal', path: `${api}/accounts/acc_alice/jobs/..%2F..%2Fadmin`, headers: alice, expect: [400, 404] },
    { name: 'base path prefix confusion', path: '/api/monoX/accounts/acc_alice', headers: alice, expect: [404] },
    { name: 'double slash', path: `${api}//accounts/acc_alice`, headers: alice, expect: [400, 404] },
    { name: 'upper-case base path', path: '/API/MONO/accounts/acc_alice', headers: alice, expect: [404] },
    { name: 'unknown route', path: `${api}/v2/accounts/acc_alice`, headers: alice, expect: [404] },

    // parameter pollution and query validation
    txn('page=1&page=2', 'page given twice'),
    txn('type=credit&type=debit', 'type given twice'),
    txn('limit=100000000', 'absurd limit'),
    txn('limit=-5', 'negative limit'),
    txn('page=1e3', 'exponent page'),
    txn('start=31-02-2025', 'impossible date'),
    txn('start=01-01-1800', 'date before Mono'),
    txn('start=2025-01-01', 'ISO date instead of DD-MM-YYYY'),
    txn('end=01-01-2025&start=01-06-2025', 'end before start'),
    txn('narration=%0d%0aX-Injected:%201', 'CRLF in narration'),
    txn(`narration=${'x'.repeat(5000)}`, '5 kB narration'),
    txn('type=all%27%20OR%201=1', 'SQL in type'),
    txn('admin=true', 'unknown parameter'),
    txn('__proto__=x', '__proto__ parameter'),
    txn('paginate=maybe', 'paginate not a boolean'),
    { name: 'statement period out of range', path: `${api}/accounts/acc_alice/statement?period=last13months&output=json`, headers: alice, expect: [400] },
    { name: 'statement unknown output', path: `${api}/accounts/acc_alice/statement?period=last3months&output=xml`, headers: alice, expect: [400] },
    { name: 'statement without period', path: `${api}/accounts/acc_alice/statement?output=json`, headers: alice, expect: [400] },
    { name: 'details with a query', path: `${api}/accounts/acc_alice?fields=secret`, headers: alice, expect: [400] },

    // bodies: size, type, shape
    post('initiate 2 MiB body', '/accounts/initiate', JSON.stringify({ scope: 'auth', meta: { ref: 'kit-1' }, pad: 'x'.repeat(2 * MB) }), json, [413]),
    post('initiate 17 KiB body (limit 16 KiB)', '/accounts/initiate', JSON.stringify({ scope: 'auth', meta: { ref: 'kit-1' }, pad: 'x'.repeat(17 * 1024) }), json, [413]),
    post('exchange as text/plain', '/accounts/auth', '{"code":"abc"}', { ...alice, 'content-type': 'text/plain' }, [415]),
    post('exchange as a form', '/accounts/auth', 'code=abc', { ...alice, 'content-type': 'application/x-www-form-urlencoded' }, [415]),
    post('exchange as multipart', '/accounts/auth', '--b\r\nContent-Disposition: form-data; name="code"\r\n\r\nabc\r\n--b--', { ...alice, 'content-type': 'multipart/form-data; boundary=b' }, [415]),
    post('exchange without a content type', '/accounts/auth', '{"code":"abc"}', alice, [415]),
    post('exchange with broken JSON', '/accounts/auth', '{"code":', json, [400]),
    post('exchange with a JSON array', '/accounts/auth', '["abc"]', json, [400]),
    post('exchange with a code full of control characters', '/accounts/auth', JSON.stringify({ code: 'abc\r\nX-Injected: 1' }), json, [400]),
    post('exchange with a 10 kB code', '/accounts/auth', JSON.stringify({ code: 'c'.repeat(10_000) }), json, [400]),
    post('exchange by a reference never started', '/accounts/auth', JSON.stringify({ reference: 'kit-never-started' }), json, [404]),
    post('exchange by a reference that is a path', '/accounts/auth', JSON.stringify({ reference: '../../accounts' }), json, [400]),
    post('exchange by a reference object', '/accounts/auth', JSON.stringify({ reference: { $ne: null } }), json, [400]),
    post('initiate with an unknown scope', '/accounts/initiate', JSON.stringify({ scope: 'admin', meta: { ref: 'kit-1' } }), json, [400]),
    post('initiate with a reference that is markup', '/accounts/initiate', JSON.stringify({ scope: 'auth', meta: { ref: '<script>x</script>' } }), json, [400]),
    post('initiate with an institution that is a path', '/accounts/initiate', JSON.stringify({ scope: 'auth', meta: { ref: 'kit-1' }, institution: { id: '../../v1/admin' } }), json, [400]),
    post('sync with a body of the wrong type', '/accounts/acc_alice/sync', 'not json', { ...alice, 'content-type': 'text/plain' }, [415, 400]),

    // methods
    { name: 'PUT on an account', method: 'PUT', path: `${api}/accounts/acc_alice`, headers: json, body: '{}', expect: [404, 405] },
    { name: 'DELETE on an account', method: 'DELETE', path: `${api}/accounts/acc_alice`, headers: alice, expect: [404, 405] },
    { name: 'PATCH on an account', method: 'PATCH', path: `${api}/accounts/acc_alice`, headers: json, body: '{}', expect: [404, 405] },
    { name: 'GET on initiate', path: `${api}/accounts/initiate`, headers: alice, expect: [404, 405] },
    { name: 'GET on sync', path: `${api}/accounts/acc_alice/sync`, headers: alice, expect: [404, 405] },
    { name: 'TRACE', method: 'TRACE', path: `${api}/accounts/acc_alice`, headers: alice, expect: [405] },
    { name: 'OPTIONS', method: 'OPTIONS', path: `${api}/accounts/acc_alice`, headers: alice, expect: [404, 405] },

    // webhooks
    webhook('without the secret header', {}),
    webhook('with a forged secret of the same length', { 'mono-webhook-secret': WEBHOOK_SECRET.replace(/.$/, 'X') }),
    webhook('with a secret of another length', { 'mono-webhook-secret': `${WEBHOOK_SECRET}x` }),
    webhook('with the secret in other case', { 'mono-webhook-secret': WEBHOOK_SECRET.toUpperCase() }),
    webhook('with an empty secret', { 'mono-webhook-secret': '' }),
    webhook('with the secret key instead', { 'mono-webhook-secret': SECRET_KEY }),
    webhook('with the secret in the query', {}, undefined, `/webhooks?mono-webhook-secret=${WEBHOOK_SECRET}`),
    post('webhook with the right secret but broken JSON', '/webhooks', '{"event":', { 'content-type': 'application/json', 'mono-webhook-secret': WEBHOOK_SECRET }, [400]),
    { name: 'GET on webhooks', path: `${api}/webhooks`, expect: [404, 405] },
  ];
}

describe('hostile requests: the live handler (createMonoHandler) with a fake Mono upstream', async () => {
  const { createMonoHandler, toNodeHandler } = await import('../../src/server/index.js');
  const { createServer } = await import('node:http');
  const upstreamCalls: string[] = [];
  const webhooksReceived: unknown[] = [];
  let server: import('node:http').Server;
  let base: string;

  before(async () => {
    const handler = createMonoHandler({
      secretKey: SECRET_KEY,
      baseUrl: 'http://127.0.0.1:9', // never reached: the fake fetch answers
      authorize: (request, accountId) => request.headers.get('x-user') !== null && OWNERS[accountId] === request.headers.get('x-user'),
      customer: (request) => (request.headers.get('x-user') ? { id: `cus_${request.headers.get('x-user')}` } : null),
      redirectUrl: 'https://merchant.example.ng/mono/return',
      webhookSecret: WEBHOOK_SECRET,
      onWebhook: (event) => void webhooksReceived.push(event),
      logger: false,
      fetch: async (input, init) => {
        upstreamCalls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
        return new Response(JSON.stringify({ status: 'successful', message: 'ok', data: { account: { id: 'acc_alice' } } }), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    server = createServer(toNodeHandler(handler));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('lets the genuine owner through (so the refusals below are about the request, not a dead handler)', async () => {
    const res = await raw(base, { path: '/api/mono/accounts/acc_alice', headers: { 'x-user': 'alice' } });
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(upstreamCalls, ['GET /v2/accounts/acc_alice']);
    const hook = await raw(base, { method: 'POST', path: '/api/mono/webhooks', headers: { 'content-type': 'application/json', 'mono-webhook-secret': WEBHOOK_SECRET }, body: JSON.stringify({ event: 'mono.events.account_connected', data: { id: 'acc_alice' } }) });
    assert.ok(hook.status < 300, `${hook.status} ${hook.body}`);
    upstreamCalls.length = 0;
    webhooksReceived.length = 0;
  });

  for (const c of liveCases()) {
    it(c.name, async () => {
      await expectRejected(base, { ...c, mustNotContain: c.mustNotContain ?? SECRET_KEY });
      assert.deepEqual(upstreamCalls, [], `${c.name} reached the upstream`);
      assert.deepEqual(webhooksReceived, [], `${c.name} delivered a webhook`);
    });
  }
});
