// The ./server entry must run where only the fetch API exists (Deno, Bun, workers, edge runtimes).
// Bundle src/server/index.ts as-is and run it in a bare V8 context that has fetch-API globals and
// nothing of Node's (no process, Buffer, require, node: modules).
import assert from 'node:assert/strict';
import { createContext, runInContext } from 'node:vm';
import { describe, it, before } from 'node:test';
import { build } from 'esbuild';
import { ACCOUNT, FAKE_KEY, PDF_BYTES, PDF_JOB } from './fake-mono.js';
import { accountV2, statementPdfBuilding, statementPdfBuilt } from '../fixtures/mono-samples.js';

interface ServerModule {
  createMonoHandler: typeof import('../../src/server/index.js').createMonoHandler;
}

describe('the ./server entry in a fetch-only runtime', () => {
  let code: string;
  let server: ServerModule;
  /** Lengths of the FixedLengthStreams made, as workerd's own (see the PDF test below). */
  const fixedLengths: number[] = [];

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
      TransformStream,
      // workerd's (Cloudflare Workers): sends content-length for a streamed body and fails the response when the
      // body ends short or errors. Modelled here: the flush of a short body throws.
      FixedLengthStream: class extends TransformStream<Uint8Array, Uint8Array> {
        constructor(length: number) {
          let seen = 0;
          super({
            transform(chunk, controller) {
              seen += chunk.byteLength;
              if (seen > length) throw new Error(`FixedLengthStream: more than ${length} bytes`);
              controller.enqueue(chunk);
            },
            flush() {
              if (seen !== length) throw new Error(`FixedLengthStream: ${seen} of ${length} bytes`);
            },
          });
          fixedLengths.push(length);
        }
      },
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

  it("drops a sandbox answer (x-sandbox-fault: drop) with its whole length declared, so workerd breaks it too", async () => {
    const handler = server.createMonoHandler({ logger: false });
    const path = 'https://edge.example/api/mono/accounts/acc_demo/transactions?limit=3';
    const whole = new TextEncoder().encode(await (await handler(new Request(path))).text()).byteLength;
    fixedLengths.length = 0;
    const res = await handler(new Request(path, { headers: { 'x-sandbox-fault': 'drop' } }));
    assert.equal(res.headers.get('content-length'), String(whole));
    assert.deepEqual(fixedLengths, [whole]);
    await assert.rejects(res.arrayBuffer());
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

  // workerd ignores content-length on a streamed body and sends it chunked; when Mono's connection then drops, it
  // still ends the chunked body normally, so the browser saved a cut statement as a complete download (seen under
  // workerd 2026-04-26: 20 009 of 200 000 bytes, 200, curl exit 0; Node, Deno and Bun break the response).
  describe('a statement PDF where the runtime has FixedLengthStream (Cloudflare Workers)', () => {
    const pdfHandler = (file: () => Response) =>
      server.createMonoHandler({
        secretKey: FAKE_KEY,
        authorize: () => true,
        logger: false,
        fetch: async (input) => {
          const url = new URL(String(input));
          if (url.pathname.endsWith('/statement')) return Response.json(statementPdfBuilding);
          if (url.pathname.endsWith(`/statement/jobs/${PDF_JOB}`)) return Response.json(statementPdfBuilt);
          return file();
        },
      });
    const download = async (handler: (request: Request) => Promise<Response>) => {
      const started = await handler(new Request(`https://edge.example/api/mono/accounts/${ACCOUNT}/statement?period=last3months&output=pdf`));
      assert.equal(started.status, 200);
      return handler(new Request(`https://edge.example/api/mono/accounts/${ACCOUNT}/statement/jobs/${PDF_JOB}/pdf`));
    };

    it("streams it through a FixedLengthStream of Mono's content-length", async () => {
      fixedLengths.length = 0;
      const res = await download(pdfHandler(() => new Response(PDF_BYTES, { headers: { 'content-type': 'application/pdf', 'content-length': String(PDF_BYTES.byteLength) } })));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-length'), String(PDF_BYTES.byteLength));
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), PDF_BYTES);
      assert.deepEqual(fixedLengths, [PDF_BYTES.byteLength]);
    });

    it('fails the download when the PDF ends short of that length, instead of passing a cut file as whole', async () => {
      fixedLengths.length = 0;
      const cut = PDF_BYTES.slice(0, 20);
      const res = await download(pdfHandler(() => new Response(cut, { headers: { 'content-type': 'application/pdf', 'content-length': String(PDF_BYTES.byteLength) } })));
      assert.equal(res.status, 200);
      await assert.rejects(res.arrayBuffer(), /20 of \d+ bytes/);
    });

    it('streams it as it is when Mono sends no length', async () => {
      fixedLengths.length = 0;
      const res = await download(pdfHandler(() => new Response(PDF_BYTES, { headers: { 'content-type': 'application/pdf' } })));
      assert.equal(res.headers.get('content-length'), null);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), PDF_BYTES);
      assert.deepEqual(fixedLengths, []);
    });
  });
});
