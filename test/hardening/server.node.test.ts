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
    { name: 'reauth for an invalid account id', method: 'POST', path: `${api}/accounts/initiate`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'reauth', account: '../x', meta: { ref: 'r' } }), expect: [400] },
    { name: 'exchange without a code', method: 'POST', path: `${api}/accounts/auth`, headers: { 'content-type': 'application/json' }, body: '{}', expect: [400] },
    { name: 'sandbox latency switch out of range', path: `${api}/accounts/acc_demo`, headers: { 'x-sandbox-latency': '999999999' }, expect: [400] },
    { name: 'sandbox fault switch unknown', path: `${api}/accounts/acc_demo`, headers: { 'x-sandbox-fault': 'rm -rf' }, expect: [400] },
    { name: 'another account’s sync job', path: `${api}/accounts/acc_other/jobs/000000000000000000000000`, expect: [404] },
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
