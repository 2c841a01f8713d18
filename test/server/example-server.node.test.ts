// examples/node-server.ts really runs: sandbox without a key, live (against the fake Mono) with one,
// where an account is visible only to the browser session that linked it.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { ACCOUNT, FAKE_KEY, startFakeMono, type FakeMono } from './fake-mono.js';

interface Running {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

async function startExample(env: Record<string, string>): Promise<Running> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'examples/node-server.ts'], {
    env: { ...process.env, PORT: '0', MONO_SECRET_KEY: '', MONO_WEBHOOK_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /listening on (http:\/\/\S+)\/api\/mono/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`example exited with ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`example did not start: ${output}`)), 20_000).unref();
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

describe('examples/node-server.ts', () => {
  let fake: FakeMono;
  before(async () => {
    fake = await startFakeMono();
  });
  after(() => fake.close());

  it('serves the sandbox without MONO_SECRET_KEY', async () => {
    const example = await startExample({});
    try {
      const res = await fetch(`${example.url}/api/mono/accounts/acc_demo`);
      assert.equal(res.status, 200);
      assert.equal((await res.json()).data.account.id, 'acc_demo');
      assert.match(example.output(), /\(sandbox\) listening/);
      assert.equal((await fetch(`${example.url}/elsewhere`)).status, 404);
    } finally {
      await example.stop();
    }
  });

  it('goes live with MONO_SECRET_KEY, loudly, and shows an account only to the session that linked it', async () => {
    const example = await startExample({ MONO_SECRET_KEY: FAKE_KEY, MONO_BASE_URL: fake.url, MONO_WEBHOOK_SECRET: 'whsec_example', MONO_REDIRECT_URL: 'https://shop.example.ng/mono/return' });
    try {
      assert.match(example.output(), /LIVE MODE/);
      assert.match(example.output(), /\(live\) listening/);
      assert.ok(!example.output().includes(FAKE_KEY));

      const first = await fetch(`${example.url}/api/mono/accounts/${ACCOUNT}`);
      assert.equal(first.status, 403);
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
      assert.match(cookie, /^demo_session=/);

      const started = await fetch(`${example.url}/api/mono/accounts/initiate`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ scope: 'auth', meta: { ref: 'example-0' } }),
      });
      assert.equal(started.status, 200);
      const exchange = await fetch(`${example.url}/api/mono/accounts/auth`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'code_example', reference: 'example-0' }),
      });
      assert.equal(exchange.status, 200);
      const mine = await fetch(`${example.url}/api/mono/accounts/${ACCOUNT}`, { headers: { cookie } });
      assert.equal(mine.status, 200);
      assert.equal((await mine.json()).data.account.id, ACCOUNT);
      assert.equal((await fetch(`${example.url}/api/mono/accounts/${ACCOUNT}`)).status, 403, 'another browser');

      const initiate = await fetch(`${example.url}/api/mono/accounts/initiate`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ scope: 'auth', meta: { ref: 'example-1' } }),
      });
      assert.equal(initiate.status, 200);
      assert.equal((fake.requests.at(-1)!.body as { redirect_url: string }).redirect_url, 'https://shop.example.ng/mono/return?reference=example-1');

      const webhook = await fetch(`${example.url}/api/mono/webhooks`, {
        method: 'POST',
        headers: { 'mono-webhook-secret': 'whsec_example' },
        body: JSON.stringify({ event: 'mono.events.account_connected', event_id: 'ex-1', data: { id: ACCOUNT } }),
      });
      assert.equal(webhook.status, 200);
      for (let i = 0; i < 100 && !/webhook account_connected/.test(example.output()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.match(example.output(), /webhook account_connected \(mono\.events\.account_connected\) for account 683d6b5ef1c2a94e7b0c3d12/);
    } finally {
      await example.stop();
    }
  });
});
