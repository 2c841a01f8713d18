import { expect } from '@open-wc/testing';
import { MonoClient, MonoError, type MonoClientOptions } from '../../src/client/index.js';

/** The real fetch to the sandbox, counted. */
function counting() {
  const calls: Array<{ url: string; method: string; signal?: AbortSignal | null }> = [];
  const fetchImpl: typeof fetch = (input, init) => {
    calls.push({ url: String(input), method: init?.method ?? 'GET', signal: init?.signal });
    return fetch(input, init);
  };
  return { calls, fetchImpl };
}

const faultKey = () => `k${Math.random().toString(36).slice(2)}`;

function client(options: MonoClientOptions = {}) {
  const c = counting();
  return { ...c, client: new MonoClient({ retryDelay: 10, maxRetryDelay: 40, ...options, fetch: options.fetch ?? c.fetchImpl }) };
}

async function rejection(p: Promise<unknown>): Promise<MonoError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(MonoError);
    return e as MonoError;
  }
  throw new Error('expected the promise to reject');
}

describe('MonoClient', () => {
  it('loads and normalises through the sandbox', async () => {
    const { client: c } = client();
    const account = await c.account('acc_demo');
    expect(account.id).to.equal('acc_demo');
    expect(account.balance).to.be.a('number');
    expect(account.currency).to.equal('NGN');
  });

  it('de-duplicates concurrent identical requests into one', async () => {
    const { client: c, calls } = client();
    const [a, b] = await Promise.all([c.account('dedupe_1'), c.account('dedupe_1')]);
    expect(calls).to.have.length(1);
    expect(a).to.equal(b);
  });

  it('serves repeats from the cache until invalidated, and tells listeners', async () => {
    const { client: c, calls } = client();
    await c.identity('cache_1');
    await c.identity('cache_1');
    expect(calls).to.have.length(1);
    await c.identity('cache_1', { fresh: true });
    expect(calls).to.have.length(2);
    const heard: Array<string | undefined> = [];
    c.onInvalidate((id) => heard.push(id));
    c.invalidate('cache_1');
    await c.identity('cache_1');
    expect(calls).to.have.length(3);
    expect(heard).to.deep.equal(['cache_1']);
  });

  it('drops answers past their cache time as new ones come in, so a long-lived client does not grow without end', async () => {
    const { client: c } = client({ cacheTime: 60 });
    const cached = () => (c as unknown as { entries: Map<string, unknown> }).entries.size;
    await Promise.all(['prune_1', 'prune_2', 'prune_3'].map((id) => c.account(id)));
    expect(cached()).to.equal(3);
    await new Promise((r) => setTimeout(r, 100));
    await c.account('prune_4');
    expect(cached(), 'only the new answer is kept').to.equal(1);
  });

  it('keys the cache by query, so different filters are different requests', async () => {
    const { client: c, calls } = client();
    await c.transactions('query_1', { type: 'debit', limit: 5 });
    await c.transactions('query_1', { limit: 5, type: 'debit' });
    await c.transactions('query_1', { type: 'credit', limit: 5 });
    expect(calls).to.have.length(2);
    expect(calls[0].url).to.contain('limit=5').and.contain('type=debit');
  });

  it('converts ISO days to the DD-MM-YYYY Mono expects', async () => {
    const { client: c, calls } = client();
    await c.transactions('dates_1', { start: '2025-01-31', end: '2025-03-01' });
    expect(decodeURIComponent(calls[0].url)).to.contain('start=31-01-2025').and.contain('end=01-03-2025');
  });

  it('aborts only the caller that aborts while others still get the answer', async () => {
    const { client: c, calls } = client({ headers: { 'x-sandbox-latency': '150' } });
    const gone = new AbortController();
    const first = c.account('abort_1', { signal: gone.signal });
    const second = c.account('abort_1');
    gone.abort();
    expect((await rejection(first)).kind).to.equal('aborted');
    expect((await second).id).to.equal('abort_1');
    expect(calls).to.have.length(1);
    expect(calls[0].signal!.aborted).to.equal(false);
  });

  it('cancels the request itself when every caller aborts', async () => {
    const { client: c, calls } = client({ headers: { 'x-sandbox-latency': '300' } });
    const ctl = new AbortController();
    const p = c.account('abort_2', { signal: ctl.signal });
    await new Promise((r) => setTimeout(r, 20));
    ctl.abort();
    expect((await rejection(p)).kind).to.equal('aborted');
    expect(calls[0].signal!.aborted).to.equal(true);
    // A later call starts afresh rather than reusing the cancelled one.
    await c.account('abort_2');
    expect(calls).to.have.length(2);
  });

  it('retries a GET after transient 503s and recovers', async () => {
    const key = faultKey();
    const { client: c, calls } = client({ headers: { 'x-sandbox-fault': '503', 'x-sandbox-fault-times': '2', 'x-sandbox-fault-key': key } });
    // 503 carries Retry-After: 1, so allow it.
    const account = await c.account('retry_1');
    expect(account.id).to.equal('retry_1');
    expect(calls).to.have.length(3);
  });

  it('retries with growing backoff and gives up after `retries`', async () => {
    const key = faultKey();
    const { client: c, calls } = client({ retries: 2, headers: { 'x-sandbox-fault': '500', 'x-sandbox-fault-times': '10', 'x-sandbox-fault-key': key } });
    const error = await rejection(c.account('retry_2'));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    expect(calls).to.have.length(3);
  });

  it('never repeats a POST on its own', async () => {
    const key = faultKey();
    const { client: c, calls } = client({ headers: { 'x-sandbox-fault': '502', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key } });
    const error = await rejection(c.sync('post_1'));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(502);
    expect(calls).to.have.length(1);
    expect(calls[0].method).to.equal('POST');
  });

  it('never repeats on its own the GET that starts a PDF statement (each answer is a new job at Mono)', async () => {
    const key = faultKey();
    const { client: c, calls } = client({ headers: { 'x-sandbox-fault': '502', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key } });
    const error = await rejection(c.requestStatementPdf('pdf_1', 6));
    expect(error.status).to.equal(502);
    expect(calls).to.have.length(1);
    // Asked again (a person pressing again), it goes out again: nothing is cached.
    const job = await c.requestStatementPdf('pdf_1', 6);
    expect(job.id).to.be.a('string');
    expect(calls).to.have.length(2);
    expect(calls.every((call) => call.method === 'GET' && call.url.includes('output=pdf'))).to.equal(true);
  });

  it('honours Retry-After on 429 and surfaces it when it is longer than allowed', async () => {
    const key = faultKey();
    const { client: c, calls } = client({ maxRetryAfter: 500, headers: { 'x-sandbox-fault': '429', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key } });
    const error = await rejection(c.account('ra_1'));
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(1);
    expect(calls).to.have.length(1);

    const key2 = faultKey();
    const patient = client({ headers: { 'x-sandbox-fault': '429', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key2 } });
    const started = performance.now();
    await patient.client.account('ra_2');
    expect(patient.calls).to.have.length(2);
    expect(performance.now() - started).to.be.greaterThan(900);
  });

  it('times out a request that never answers', async () => {
    const { client: c } = client({ timeout: 150, retries: 0, headers: { 'x-sandbox-fault': 'timeout' } });
    expect((await rejection(c.account('slow_1'))).kind).to.equal('timeout');
  });

  it('lets a slow answer that keeps arriving finish past the timeout, in one request', async () => {
    // The sandbox's trickle sends the answer in pieces 150 ms apart, about 1.5 s in all: each wait is under the
    // limit, the whole download far over it.
    const { client: c, calls } = client({ timeout: 600, retries: 2, headers: { 'x-sandbox-fault': 'trickle' } });
    const started = performance.now();
    const page = await c.transactions('trickle_1');
    expect(performance.now() - started).to.be.greaterThan(1000);
    expect(page.transactions.length).to.be.greaterThan(0);
    expect(calls).to.have.length(1);
  });

  it("times out, and cancels, through a host's fetch that drops the signal", async () => {
    const deaf: typeof fetch = () => new Promise<Response>(() => {});
    const { client: c } = client({ timeout: 150, retries: 0, fetch: deaf });
    expect((await rejection(c.account('deaf_1'))).kind).to.equal('timeout');
    const cancelled = new AbortController();
    const pending = rejection(client({ fetch: deaf }).client.account('deaf_2', { signal: cancelled.signal }));
    cancelled.abort();
    expect((await pending).kind).to.equal('aborted');
  });

  it('decodes a body that arrives in pieces as one UTF-8 text, whatever the engine', async () => {
    const inPieces = (bytes: Uint8Array, size: number): typeof fetch => async () => {
      let at = 0;
      const body = new ReadableStream<Uint8Array>({
        pull: (controller) => {
          controller.enqueue(bytes.slice(at, (at += size)));
          if (at >= bytes.length) controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    };
    const account = { status: 'successful', data: { account: { id: 'a1', name: 'Ọlá Adébáyọ̀ ₦ 💸', currency: 'NGN', balance: 100, type: 'SAVINGS', account_number: '0123456789', bvn: null, institution: { name: 'Test Bank', bank_code: '000', type: 'PERSONAL_BANKING' } }, meta: { data_status: 'AVAILABLE' } } };
    const utf8 = new TextEncoder().encode('\uFEFF' + JSON.stringify(account));
    const read = await client({ fetch: inPieces(utf8, 1) }).client.account('a1');
    expect(read.name, 'characters split across pieces, a UTF-8 byte-order mark dropped').to.equal('Ọlá Adébáyọ̀ ₦ 💸');
    // UTF-16 with its byte-order mark is not UTF-8: Response.text() reads it as nonsense in every engine, and so must the kit.
    const json = JSON.stringify({ ...account, data: { ...account.data, account: { ...account.data.account, name: 'Ada' } } });
    const utf16 = new Uint8Array(2 + json.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < json.length; i++) utf16[2 + 2 * i] = json.charCodeAt(i); // ASCII: each high byte is 0
    expect((await rejection(client({ fetch: inPieces(utf16, 2), retries: 0 }).client.account('a2'))).kind).to.equal('invalid-response');
  });

  it('times out a body that stops arriving', async () => {
    let cancelled = false;
    const stalled: typeof fetch = async () => {
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode('{"data":[')),
        cancel: () => void (cancelled = true),
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    };
    const { client: c } = client({ timeout: 150, retries: 0, fetch: stalled });
    expect((await rejection(c.account('stalled_1'))).kind).to.equal('timeout');
    expect(cancelled, 'the stalled body is cancelled').to.equal(true);
  });

  it('reports a connection dropped mid-body as a network error after retrying', async () => {
    const { client: c, calls } = client({ retries: 1, headers: { 'x-sandbox-fault': 'drop' } });
    const error = await rejection(c.account('drop_1'));
    // The fault sends half the body chunked (no content-length), then kills the connection. Chromium and
    // Firefox fail the body read; WebKit resolves it with the bytes that arrived, so the client can only
    // see JSON cut short, which is indistinguishable from a malformed answer. Accept that only in an engine
    // shown (by the same request, made directly) to hand back truncated bodies.
    const truncatedBodiesDelivered = await fetch(calls[0].url, { headers: { 'x-sandbox-fault': 'drop' } })
      .then((response) => response.text())
      .then(() => true, () => false);
    if (truncatedBodiesDelivered) {
      expect(error.kind).to.equal('invalid-response');
      expect(calls).to.have.length.within(1, 2);
    } else {
      expect(error.kind).to.equal('network');
      expect(calls).to.have.length(2);
    }
  });

  it('reports an unreachable host as network', async () => {
    const { client: c } = client({ endpoint: 'http://127.0.0.1:9/api/mono', retries: 0 });
    expect((await rejection(c.account('x'))).kind).to.equal('network');
  });

  it('reports a body that is not JSON, or JSON of the wrong shape, as invalid-response', async () => {
    const { client: c } = client({ headers: { 'x-sandbox-fault': 'malformed' } });
    expect((await rejection(c.account('bad_1'))).kind).to.equal('invalid-response');
    const shaped = new MonoClient({ fetch: async () => new Response(JSON.stringify({ data: { account: { id: 'x' } } })) });
    const error = await rejection(shaped.account('x'));
    expect(error.kind).to.equal('invalid-response');
    expect(error.path).to.equal('data.account.account_number');
  });

  it('keeps the status and Mono message of an HTTP error', async () => {
    const { client: c } = client();
    const error = await rejection(c.account('not a valid id!'));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(400);
    expect(error.message).to.not.equal('');
  });

  it('recognises reauthorisation required', async () => {
    const c = new MonoClient({
      fetch: async () => new Response(JSON.stringify({ status: 'failed', code: 'REAUTHORISATION_REQUIRED', message: 'Reauthorisation required' }), { status: 400 }),
    });
    expect((await rejection(c.account('x'))).kind).to.equal('reauth-required');
  });

  it('refuses an empty account id as a config error without a request', async () => {
    const { client: c, calls } = client();
    expect(() => c.account('')).to.throw(MonoError);
    expect(calls).to.have.length(0);
  });

  it('sends the host auth hooks: header function and credentials', async () => {
    let seen: RequestInit | undefined;
    let token = 0;
    const c = new MonoClient({
      credentials: 'include',
      headers: () => ({ 'x-csrf-token': `t${++token}` }),
      fetch: async (input, init) => {
        seen = init;
        return fetch(input, init);
      },
    });
    await c.account('hooks_1');
    expect(new Headers(seen!.headers).get('x-csrf-token')).to.equal('t1');
    expect(seen!.credentials).to.equal('include');
  });

  it('reports a headers function that throws, or a header the browser refuses, as config, without a request or retries', async () => {
    let asked = 0;
    const throwing = client({
      headers: () => {
        asked++;
        throw new Error('no session token');
      },
    });
    const e = await rejection(throwing.client.account('hooks_2'));
    expect([e.kind, e.message, asked, throwing.calls.length]).to.deep.equal(['config', 'The headers option failed: no session token', 1, 0]);

    const badName = client({ headers: { 'bad header': 'x' } });
    const bad = await rejection(badName.client.account('hooks_3'));
    expect([bad.kind, badName.calls.length]).to.deep.equal(['config', 0]);
    expect(bad.message).to.match(/^The headers option failed: /);
  });

  it('sends nothing once the caller gave up while an async headers function ran, a POST or a GET', async () => {
    const slowToken = async () => {
      await new Promise((r) => setTimeout(r, 50));
      return { 'x-csrf-token': 't' };
    };
    for (const call of [(c: MonoClient, signal: AbortSignal) => c.sync('abort_1', { signal }), (c: MonoClient, signal: AbortSignal) => c.account('abort_2', { signal })]) {
      const { client: c, calls } = client({ headers: slowToken, retries: 0 });
      const controller = new AbortController();
      const pending = rejection(call(c, controller.signal));
      setTimeout(() => controller.abort(), 10);
      expect((await pending).kind).to.equal('aborted');
      await new Promise((r) => setTimeout(r, 100));
      expect(calls, 'requests that left the page after the abort').to.deep.equal([]);
    }
  });

  it('counts the time a headers function takes against the attempt\'s timeout, then retries a GET', async () => {
    let asked = 0;
    // The limit holds the hung first attempt, and must let the retry's real request through on a busy machine (at
    // 100 ms, it timed out too once, with another test file running beside it).
    const { client: c, calls } = client({
      timeout: 1000,
      retries: 1,
      headers: () => (++asked === 1 ? new Promise<HeadersInit>(() => {}) : {}),
    });
    const account = await c.account('hung_headers_1');
    expect([account.id, asked, calls.length]).to.deep.equal(['hung_headers_1', 2, 1]);
    const never = client({ timeout: 100, retries: 0, headers: () => new Promise<HeadersInit>(() => {}) });
    expect((await rejection(never.client.account('hung_headers_2'))).kind).to.equal('timeout');
  });

  it('encodes ids so that no path can be built from them', async () => {
    const { client: c, calls } = client({ retries: 0 });
    await rejection(c.account('../../admin'));
    expect(calls[0].url).to.contain('/accounts/..%2F..%2Fadmin');
  });

  it('refuses `.` and `..` as ids (a URL reads them as steps up to other routes), without a request', async () => {
    const { client: c, calls } = client({ retries: 0 });
    for (const id of ['.', '..']) {
      expect(() => c.account(id)).to.throw(MonoError).with.property('kind', 'config');
      expect(() => c.sync(id)).to.throw(MonoError).with.property('kind', 'config');
    }
    expect(() => c.statementJob('acc_1', '..')).to.throw(MonoError).with.property('kind', 'config');
    expect(calls).to.have.length(0);
    // Dots inside an id are only text.
    await c.account('acc.1..2').catch(() => undefined);
    expect(calls[0].url).to.contain('/accounts/acc.1..2');
  });
});
