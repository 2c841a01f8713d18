import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMonoHandler, createSandboxHandler, toNodeHandler } from '../../src/server/index.js';
import { startSandboxServer } from '../../src/server/sandbox/serve.js';

async function listen(listener: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A raw request, for paths fetch() would normalise (../). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest({ host: target.hostname, port: target.port, path, method: 'GET' }, (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface RawAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
  reusedSocket: boolean;
}

/** A chunked request (no Content-Length): sends `first`, then leaves the body open until `finish()`. */
function openUpload(url: string, path: string, headers: Record<string, string>, first: string, agent?: Agent) {
  const target = new URL(url);
  const req = httpRequest({ host: target.hostname, port: target.port, path, method: 'POST', headers, agent });
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
  });
  req.write(first);
  return { req, answer, write: (chunk: string) => req.write(chunk), finish: () => req.end() };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('toNodeHandler with the sandbox on a real server', () => {
  let server: Server;
  let url: string;

  before(async () => {
    ({ server, url } = await listen(toNodeHandler(createSandboxHandler({ pollsUntilDone: 0 }), { maxBodyBytes: 2_000 })));
  });
  after(() => close(server));

  it('answers contract calls through fetch', async () => {
    const res = await fetch(`${url}/api/mono/accounts/acc_demo`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal((await res.json()).data.account.id, 'acc_demo');

    const initiated = await fetch(`${url}/api/mono/accounts/initiate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'auth', meta: { ref: 'node-1' } }),
    });
    const data = (await initiated.json()).data;
    assert.ok(data.mono_url.startsWith(`${url}/api/mono/widget?`), 'absolute URL built from the Host header');

    const next = (await (await fetch(`${url}/api/mono/accounts/acc_demo/transactions?limit=2`)).json()).meta.next;
    assert.ok(next.startsWith('/api/mono/accounts/acc_demo/transactions?'), 'a path, not built from the Host header');
  });

  it('streams binary bodies (the statement PDF)', async () => {
    const job = (await (await fetch(`${url}/api/mono/accounts/acc_demo/statement?period=last2months&output=pdf`)).json()).data;
    assert.equal((await (await fetch(`${url}/api/mono/accounts/acc_demo/statement/jobs/${job.id}`)).json()).data.status, 'BUILT');
    const pdf = await fetch(new URL(job.path, url));
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
  });

  it('surfaces a dropped body as a fetch body error', async () => {
    const res = await fetch(`${url}/api/mono/accounts/acc_demo/transactions`, { headers: { 'x-sandbox-fault': 'drop' } });
    assert.equal(res.status, 200);
    await assert.rejects(res.text());
  });

  it('passes fault headers such as Retry-After through', async () => {
    const res = await fetch(`${url}/api/mono/accounts/acc_demo?__fault=429`);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '1');
  });

  it('refuses bodies over maxBodyBytes with 413', async () => {
    const res = await fetch(`${url}/api/mono/accounts/initiate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'auth', meta: { ref: 'x' }, padding: 'x'.repeat(5_000) }),
    });
    assert.equal(res.status, 413);
    const body = await res.json();
    assert.equal(body.status, 'failed');
    assert.equal(body.code, 'payload-too-large');
  });

  it('refuses streamed bodies without a content-length once they pass the limit', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1_000)));
        controller.close();
      },
    });
    const res = await fetch(`${url}/api/mono/accounts/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal(res.headers.get('connection'), 'close');
    assert.equal((await res.json()).message, 'Request body larger than 2000 bytes');
  });
});

describe('toNodeHandler plumbing', () => {
  it('aborts the handler signal when the client disconnects', async () => {
    let sawRequest!: () => void;
    const requestSeen = new Promise<void>((resolve) => (sawRequest = resolve));
    let aborted!: (reason: unknown) => void;
    const abortSeen = new Promise<unknown>((resolve) => (aborted = resolve));
    const { server, url } = await listen(
      toNodeHandler(
        (request) =>
          new Promise<Response>((_, reject) => {
            request.signal.addEventListener('abort', () => {
              aborted(request.signal.reason);
              reject(request.signal.reason);
            });
            sawRequest();
          }),
      ),
    );
    try {
      const controller = new AbortController();
      const pending = fetch(`${url}/api/mono/accounts/acc_demo?__fault=timeout`, { signal: controller.signal });
      await requestSeen;
      controller.abort();
      await assert.rejects(pending);
      const reason = await Promise.race([abortSeen, new Promise((resolve) => setTimeout(() => resolve('no abort'), 2_000))]);
      assert.notEqual(reason, 'no abort');
    } finally {
      await close(server);
    }
  });

  it('aborts the sandbox timeout fault when the client goes away', async () => {
    const { server, url } = await listen(toNodeHandler(createSandboxHandler()));
    try {
      const started = performance.now();
      await assert.rejects(fetch(`${url}/api/mono/accounts/acc_demo?__fault=timeout`, { signal: AbortSignal.timeout(100) }));
      assert.ok(performance.now() - started < 2_000);
    } finally {
      await close(server);
    }
  });

  it('calls next() for paths outside onlyUnder, and 404s without next', async () => {
    const middleware = toNodeHandler(createSandboxHandler(), { onlyUnder: '/api/mono/' });
    const { server, url } = await listen((req, res) =>
      middleware(req, res, () => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('next');
      }),
    );
    const bare = await listen(toNodeHandler(createSandboxHandler(), { onlyUnder: '/api/mono' }));
    try {
      assert.equal(await (await fetch(`${url}/index.html`)).text(), 'next');
      assert.equal(await (await fetch(`${url}/api/monoxide`)).text(), 'next');
      assert.equal((await fetch(`${url}/api/mono/accounts/acc_demo`)).status, 200);
      const missing = await fetch(`${bare.url}/elsewhere`);
      assert.equal(missing.status, 404);
      assert.deepEqual(Object.keys(await missing.json()), ['status', 'message', 'code', 'timestamp', 'data']);
    } finally {
      await close(server);
      await close(bare.server);
    }
  });

  it('uses Express-style originalUrl and an already-parsed body', async () => {
    const middleware = toNodeHandler(createSandboxHandler());
    const { server, url } = await listen(async (req, res) => {
      // what express.json() and app.use('/api/mono', ...) leave behind
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')), originalUrl: req.url, url: req.url!.replace('/api/mono', '') });
      middleware(req, res);
    });
    try {
      const res = await fetch(`${url}/api/mono/accounts/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'code_acc_business_abcd1234' }),
      });
      assert.equal(res.status, 200);
      assert.deepEqual((await res.json()).data, { id: 'acc_business' });
    } finally {
      await close(server);
    }
  });

  it('streams multi-chunk bodies and keeps repeated set-cookie headers', async () => {
    const { server, url } = await listen(
      toNodeHandler(async () => {
        const headers = new Headers({ 'content-type': 'text/plain' });
        headers.append('set-cookie', 'a=1');
        headers.append('set-cookie', 'b=2');
        let n = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (n === 3) controller.close();
            else controller.enqueue(new TextEncoder().encode(`chunk${n++};`));
          },
        });
        return new Response(body, { status: 201, headers });
      }),
    );
    try {
      const res = await fetch(url);
      assert.equal(res.status, 201);
      assert.deepEqual(res.headers.getSetCookie(), ['a=1', 'b=2']);
      assert.equal(await res.text(), 'chunk0;chunk1;chunk2;');
    } finally {
      await close(server);
    }
  });

  it('answers 413 when the handler reads past the limit, whatever the handler then does', async () => {
    const swallow = await listen(
      toNodeHandler(
        async (request) => {
          await request.text().catch(() => {});
          return new Response('read it all');
        },
        { maxBodyBytes: 1_000 },
      ),
    );
    const rethrow = await listen(toNodeHandler(async (request) => new Response(await request.text()), { maxBodyBytes: 1_000 }));
    try {
      for (const url of [swallow.url, rethrow.url]) {
        const upload = openUpload(url, '/', {}, 'x'.repeat(600));
        upload.write('x'.repeat(600));
        upload.finish();
        const answer = await within(upload.answer, 5_000, 'over the limit');
        assert.equal(answer.status, 413);
        assert.equal(answer.headers.connection, 'close');
        assert.equal(JSON.parse(answer.body).message, 'Request body larger than 1000 bytes');
      }
    } finally {
      await close(swallow.server);
      await close(rethrow.server);
    }
  });

  it('reads no body before the handler asks: refusals arrive while the client is still sending', async () => {
    let asked = 0;
    const mono = createMonoHandler({
      secretKey: 'test_sk_lazy_body',
      authorize: () => {
        asked++;
        return false;
      },
      webhookSecret: 'whsec_lazy',
      fetch: () => Promise.reject(new Error('Mono must not be called')),
      logger: false,
    });
    const { server, url } = await listen(toNodeHandler(mono));
    const json = { 'content-type': 'application/json' };
    try {
      for (const [path, headers, status] of [
        ['/api/mono/nowhere', json, 404],
        ['/api/mono/accounts/acc_someone_else/sync', json, 403],
        ['/api/mono/webhooks', { ...json, 'mono-webhook-secret': 'wrong' }, 401],
      ] as const) {
        const upload = openUpload(url, path, headers, `{"padding":"${'x'.repeat(64 * 1024)}`);
        try {
          const answer = await within(upload.answer, 5_000, path);
          assert.equal(answer.status, status, path);
          assert.equal(upload.req.writableEnded, false, 'the body was still open');
        } finally {
          upload.req.destroy();
        }
      }
      assert.equal(asked, 1);
    } finally {
      await close(server);
    }
  });

  it('closes a connection whose body was left unread or read in part, and the next request gets a new one', async () => {
    const { server, url } = await listen(toNodeHandler(createSandboxHandler()));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const next = (code: string) => openUpload(url, '/api/mono/accounts/auth', { 'content-type': 'application/json' }, `{"code":"${code}"}`, agent);
    try {
      // never read (unknown path), then read in part (the sandbox stops at its own 16 KiB limit)
      for (const [path, status, code] of [
        ['/api/mono/nowhere', 404, 'code_acc_business_abcd1234'],
        ['/api/mono/accounts/auth', 413, 'code_acc_business_efgh5678'],
      ] as const) {
        // The body is still open when the answer comes, so the handler cannot have read it to its end.
        const upload = openUpload(url, path, { 'content-type': 'application/json' }, `{"padding":"${'x'.repeat(900 * 1024)}`, agent);
        const refused = await within(upload.answer, 5_000, path);
        assert.equal(refused.status, status, path);
        assert.equal(refused.headers.connection, 'close', path);
        upload.req.destroy();
        const after = next(code);
        after.finish();
        const answer = await within(after.answer, 5_000, `after ${path}`);
        assert.equal(answer.status, 200, `after ${path}`);
        assert.equal(answer.reusedSocket, false, `after ${path}`);
      }
    } finally {
      agent.destroy();
      await close(server);
    }
  });

  it('does not take in the rest of a body it did not read: the answer closes the connection', async () => {
    const { server, url } = await listen(toNodeHandler(createSandboxHandler()));
    const total = 8 * 1024 * 1024;
    /**
     * Over a raw socket (a client's request object reports itself closed once the answer is in): sends up to `total`
     * bytes in 64 KiB chunks, as fast as the server takes them, and reports whether the server closed the connection.
     */
    const upload = (method: string, path: string) =>
      new Promise<{ status: number; written: number; closed: boolean }>((resolve) => {
        const target = new URL(url);
        const socket = connect(Number(target.port), target.hostname);
        let answer = '';
        let written = 0;
        let finished = false;
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const done = (closed: boolean) => {
          socket.destroy();
          resolve({ status: Number(answer.match(/^HTTP\/1\.1 (\d+)/)?.[1] ?? 0), written, closed });
        };
        socket.on('data', (data) => (answer += data.toString('latin1')));
        socket.on('error', () => {});
        socket.on('close', () => done(!finished));
        // A POST's body is chunked (a declared length over the limit is refused before any reading); Node refuses a
        // chunked GET itself, so a GET's has a length.
        const chunked = method === 'POST';
        const framing = chunked ? 'transfer-encoding: chunked' : `content-length: ${total}`;
        socket.write(`${method} ${path} HTTP/1.1\r\nhost: ${target.host}\r\ncontent-type: application/json\r\n${framing}\r\n\r\n`);
        const framed = chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk;
        const pump = (): void => {
          while (written < total && !socket.destroyed) {
            written += chunk.length;
            if (!socket.write(framed)) return void socket.once('drain', pump);
          }
          if (written < total) return;
          if (chunked) socket.write('0\r\n\r\n');
          finished = true;
          // All sent and the connection still open: Node took the whole body in. A moment for a late close.
          setTimeout(() => done(false), 500);
        };
        pump();
      });
    try {
      // never read (unknown path), read in part (the sandbox stops at its 16 KiB), a GET's body (never read)
      for (const [method, path, status] of [
        ['POST', '/api/mono/nowhere', 404],
        ['POST', '/api/mono/accounts/auth', 413],
        ['GET', '/api/mono/accounts/acc_demo', 200],
      ] as const) {
        const sent = await within(upload(method, path), 20_000, path);
        assert.equal(sent.status, status, `${path}: the answer still arrives`);
        assert.ok(sent.closed, `${path}: the server closed the connection`);
        assert.ok(sent.written < total / 2, `${path}: the client sent ${sent.written} of ${total} bytes`);
      }
    } finally {
      await close(server);
    }
  });

  it('fails a body read only after the response was sent, rather than handing over an empty one', async () => {
    // Acknowledge first, process later (a webhook): the server discards a body nobody read by the time the
    // response is sent, so a late read must fail loudly, not resolve to "" as if the client had sent nothing.
    let late!: Promise<string>;
    const { server, url } = await listen(
      toNodeHandler(async (request) => {
        late = new Promise((resolve) => setTimeout(() => request.text().then((text) => resolve(`read ${text.length} bytes`), () => resolve('failed')), 100));
        return new Response('accepted', { status: 202 });
      }),
    );
    try {
      for (const size of [20, 200_000]) {
        const res = await fetch(url, { method: 'POST', body: 'x'.repeat(size) });
        assert.equal(res.status, 202);
        await res.text();
        assert.equal(await within(late, 5_000, 'late read'), 'failed', `a ${size}-byte body`);
      }
    } finally {
      await close(server);
    }
  });

  it('answers 500, not 413, for an already-parsed body that cannot be serialised', async () => {
    const middleware = toNodeHandler(async (request) => new Response(await request.text()));
    const { server, url } = await listen(async (req, res) => {
      for await (const _chunk of req);
      // what a parser that yields BigInts (json-bigint) leaves behind; a cyclic object fails the same way
      Object.assign(req, { body: { amount: 1n } });
      middleware(req, res);
    });
    try {
      const res = await fetch(url, { method: 'POST', body: '{"amount":1}' });
      assert.equal(res.status, 500);
      assert.equal((await res.json()).status, 'failed');
    } finally {
      await close(server);
    }
  });

  it('answers 500 when the handler throws', async () => {
    const { server, url } = await listen(toNodeHandler(async () => Promise.reject(new Error('boom'))));
    try {
      const res = await fetch(url);
      assert.equal(res.status, 500);
      assert.equal((await res.json()).status, 'failed');
    } finally {
      await close(server);
    }
  });
});

describe('startSandboxServer', () => {
  let root: string;
  let outside: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'mono-sandbox-static-'));
    await mkdir(join(root, 'sub'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>demo</title>');
    await writeFile(join(root, 'app.js'), 'export const x = 1;');
    await writeFile(join(root, 'sub', 'style.css'), 'body{}');
    outside = `${root}-secret.txt`;
    await writeFile(outside, 'secret');
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { force: true });
  });

  it('serves the contract and static files with content types, refusing traversal', async () => {
    const sandbox = await startSandboxServer({ port: 0, staticRoot: root });
    try {
      assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await fetch(`${sandbox.url}/api/mono/accounts/acc_demo`)).status, 200);
      const index = await fetch(`${sandbox.url}/`);
      assert.equal(index.status, 200);
      assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
      assert.match((await fetch(`${sandbox.url}/app.js`)).headers.get('content-type') ?? '', /^text\/javascript/);
      assert.match((await fetch(`${sandbox.url}/sub/style.css`)).headers.get('content-type') ?? '', /^text\/css/);
      assert.equal((await fetch(`${sandbox.url}/missing.js`)).status, 404);
      const secretName = outside.slice(outside.lastIndexOf('/') + 1);
      for (const path of [`/..%2f${secretName}`, `/sub/..%2f..%2f${secretName}`, `/%2e%2e/${secretName}`, `/../${secretName}`]) {
        const res = await rawGet(sandbox.url, path);
        assert.ok(res.status === 403 || res.status === 404, `${path} → ${res.status}`);
        assert.ok(!res.body.includes('secret'), path);
      }
    } finally {
      await sandbox.close();
    }
  });

  it('404s other paths without a static root, and closes with hanging requests', async () => {
    const sandbox = await startSandboxServer();
    const hanging = fetch(`${sandbox.url}/api/mono/accounts/acc_demo?__fault=timeout`).catch((error: unknown) => error);
    assert.equal((await fetch(`${sandbox.url}/index.html`)).status, 404);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sandbox.close();
    assert.ok((await hanging) instanceof Error);
  });
});
