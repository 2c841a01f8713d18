// The ./server entry must run where only the fetch API exists (Deno, Bun, workers, edge runtimes).
// Bundle src/server/index.ts as-is and run it in a bare V8 context that has fetch-API globals and
// nothing of Node's (no process, Buffer, require, node: modules).
import assert from 'node:assert/strict';
import { createContext, runInContext } from 'node:vm';
import { describe, it, before } from 'node:test';
import { build } from 'esbuild';
import { ACCOUNT, FAKE_KEY } from './fake-mono.js';
import { accountV2 } from '../fixtures/mono-samples.js';

interface ServerModule {
  createMonoHandler: typeof import('../../src/server/index.js').createMonoHandler;
}

describe('the ./server entry in a fetch-only runtime', () => {
  let code: string;
  let server: ServerModule;

  before(async () => {
    const result = await build({
      entryPoints: ['src/server/index.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'MonoServer',
      platform: 'neutral',
      target: 'es2022',
      logLevel: 'silent',
    });
    code = result.outputFiles[0].text;
    const logs: string[] = [];
    const context = createContext({
      Request,
      Response,
      Headers,
      URL,
      URLSearchParams,
      ReadableStream,
      TextEncoder,
      TextDecoder,
      AbortController,
      AbortSignal,
      DOMException,
      crypto: globalThis.crypto,
      setTimeout,
      clearTimeout,
      console: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m), log: () => {} },
    });
    runInContext(`${code}\nglobalThis.MonoServer = MonoServer;`, context);
    server = context.MonoServer as ServerModule;
  });

  it('bundles without Node built-ins', () => {
    assert.ok(code.length > 10_000);
    assert.doesNotMatch(code, /\bfrom\s*["']node:|require\(["']node:|\brequire\(/);
  });

  it('runs the sandbox fallback', async () => {
    const handler = server.createMonoHandler({ logger: false });
    const res = await handler(new Request('https://edge.example/api/mono/accounts/acc_demo/transactions?limit=3'));
    assert.equal(res.status, 200);
    assert.equal((await res.json()).data.length, 3);
  });

  it('runs live mode with an injected fetch', async () => {
    const seen: { url: string; key: string | null }[] = [];
    const handler = server.createMonoHandler({
      secretKey: FAKE_KEY,
      authorize: () => true,
      logger: false,
      fetch: async (input, init) => {
        seen.push({ url: String(input), key: new Headers(init?.headers).get('mono-sec-key') });
        return new Response(JSON.stringify(accountV2), { headers: { 'content-type': 'application/json' } });
      },
    });
    const res = await handler(new Request(`https://edge.example/api/mono/accounts/${ACCOUNT}`));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), accountV2);
    assert.deepEqual(seen, [{ url: `https://api.withmono.com/v2/accounts/${ACCOUNT}`, key: FAKE_KEY }]);
  });

  it('verifies webhooks with Web Crypto', async () => {
    const events: unknown[] = [];
    const handler = server.createMonoHandler({ secretKey: FAKE_KEY, authorize: () => true, logger: false, webhookSecret: 'whsec_x1', onWebhook: (e) => void events.push(e) });
    const post = (secret: string) =>
      handler(new Request('https://edge.example/api/mono/webhooks', { method: 'POST', headers: { 'mono-webhook-secret': secret }, body: JSON.stringify({ event: 'mono.events.account_connected', event_id: 'e1', data: { id: ACCOUNT } }) }));
    assert.equal((await post('whsec_x2')).status, 401);
    assert.equal((await post('whsec_x1')).status, 200);
    assert.equal(events.length, 1);
  });
});
