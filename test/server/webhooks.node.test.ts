import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { memoryStateStore, memoryWebhookStore, parseWebhookEvent, type MonoWebhookEvent, type WebhookEventStore } from '../../src/server/index.js';
import { constantTimeEqual } from '../../src/server/live/webhooks.js';
import { accountUpdatedWebhookData, incomeV2Record } from '../fixtures/mono-samples.js';
import { ACCOUNT, FAKE_KEY } from './fake-mono.js';
import { capture, serveHandler, type LiveServer } from './live-helpers.js';

const SECRET = 'whsec_5cR7kQ2mZp9Lx4Vb8Nt1';

const connected = {
  event: 'mono.events.account_connected',
  event_id: 'jU4ixom09P6eX2arBA3AmeiPyYalMk4WPdCaQ',
  timestamp: '2025-06-02T09:16:39.588Z',
  data: { id: ACCOUNT, customer: '683d6a2c91f0e4b8c2a1d7e3', meta: { data_status: 'PROCESSING', auth_method: 'internet_banking', ref: 'kit-7f3a91c2' }, app: 'a', business: 'b' },
};
const updated = { event: 'mono.events.account_updated', event_id: 'tDZCfxYASzx75YtXe3zbrgNzQtohDd6AE2BwWRvKf4', timestamp: '2025-06-02T09:17:05.102Z', data: accountUpdatedWebhookData };
const reauth = { event: 'mono.events.reauthorisation_required', event_id: 'reauth-1', data: { account: { _id: ACCOUNT } } };
const jobUpdate = { event: 'mono.accounts.jobs.update', data: { account: ACCOUNT, business: 'b', app: 'a', id: '683d7aa0c4e1b2f9d8a60b17', name: 'jobs.accounts.sync_balance', status: 'failed' } };
const income = { event: 'mono.events.account_income', event_id: 'income-1', data: incomeV2Record };

describe('webhook receiver', () => {
  let live: LiveServer;
  const seen = capture();
  const events: MonoWebhookEvent[] = [];
  let failNext = false;

  before(async () => {
    live = await serveHandler(
      {
        secretKey: FAKE_KEY,
        baseUrl: 'http://127.0.0.1:9',
        authorize: () => true,
        webhookSecret: SECRET,
        onWebhook: (event) => {
          if (failNext) {
            failNext = false;
            throw new Error('queue unavailable');
          }
          events.push(event);
        },
        maxWebhookBytes: 64 * 1024,
      },
      seen,
    );
  });
  after(() => live.close());

  const deliver = (body: unknown, secret: string | null = SECRET) =>
    live.call('/webhooks', {
      method: 'POST',
      user: null,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: secret === null ? {} : { 'mono-webhook-secret': secret },
    });

  it('refuses a missing, wrong or wrong-length secret with 401 and handles nothing', async () => {
    for (const secret of [null, '', 'whsec_5cR7kQ2mZp9Lx4Vb8Nt2', SECRET.slice(0, -1), `${SECRET}x`, SECRET.toUpperCase(), FAKE_KEY]) {
      const { res, json } = await deliver(connected, secret);
      assert.equal(res.status, 401, String(secret));
      assert.equal(json.code, 'unauthenticated');
    }
    assert.equal(events.length, 0);
  });

  it('hands a verified event to onWebhook, typed, with its account id', async () => {
    const { res, json } = await deliver(connected);
    assert.equal(res.status, 200);
    assert.deepEqual(json, { received: true });
    assert.equal(events.length, 1);
    const [event] = events;
    assert.equal(event.type, 'account_connected');
    assert.equal(event.event, 'mono.events.account_connected');
    assert.equal(event.eventId, connected.event_id);
    assert.equal(event.timestamp, connected.timestamp);
    assert.equal(event.accountId, ACCOUNT);
    if (event.type === 'account_connected') assert.equal(event.data.meta?.ref, 'kit-7f3a91c2');
  });

  it('de-duplicates by event_id', async () => {
    const before = events.length;
    const again = await deliver(connected);
    assert.equal(again.res.status, 200);
    assert.deepEqual(again.json, { received: true, duplicate: true });
    assert.equal(events.length, before);
  });

  it('de-duplicates deliveries without an event_id by their bytes', async () => {
    const before = events.length;
    assert.deepEqual((await deliver(jobUpdate)).json, { received: true });
    assert.deepEqual((await deliver(jobUpdate)).json, { received: true, duplicate: true });
    assert.deepEqual((await deliver({ ...jobUpdate, data: { ...jobUpdate.data, status: 'finished' } })).json, { received: true });
    assert.equal(events.length, before + 2);
    const job = events[before];
    assert.equal(job.type, 'job_update');
    assert.equal(job.accountId, ACCOUNT);
  });

  it('types every listed event, camelCase fields included', async () => {
    const before = events.length;
    for (const body of [updated, reauth, income]) assert.equal((await deliver(body)).res.status, 200);
    const [u, r, i] = events.slice(before);
    assert.equal(u.type, 'account_updated');
    if (u.type === 'account_updated') assert.equal(u.data.account.accountNumber, '0123456789');
    assert.equal(u.accountId, ACCOUNT);
    assert.equal(r.type, 'reauthorisation_required');
    assert.equal(r.accountId, ACCOUNT);
    assert.equal(i.type, 'account_income');
    assert.equal(i.accountId, ACCOUNT);
  });

  it('passes unknown events on as "unknown"', async () => {
    const before = events.length;
    await deliver({ event: 'mono.events.account_credit_worthiness', event_id: 'cw-1', data: { account: ACCOUNT } });
    await deliver({ event: 'mono.events.account_updated', event_id: 'broken-1', data: { account: {} } });
    const [credit, broken] = events.slice(before);
    assert.equal(credit.type, 'unknown');
    assert.equal(credit.accountId, ACCOUNT);
    assert.equal(broken.type, 'unknown', 'a listed event without its account id is not claimed to be typed');
  });

  it('400 for bad JSON or a body that is not an event; 413 over the size limit', async () => {
    const before = events.length;
    assert.equal((await deliver('{"event":')).res.status, 400);
    assert.equal((await deliver('[]')).res.status, 400);
    assert.equal((await deliver({ data: {} })).res.status, 400);
    assert.equal((await deliver({ event: 42 })).res.status, 400);
    assert.equal((await deliver({ event: 'x', event_id: 'big', data: { pad: 'x'.repeat(70 * 1024) } })).res.status, 413);
    assert.equal(events.length, before);
  });

  it('answers 500 when onWebhook throws, and handles Mono\'s retry', async () => {
    const before = events.length;
    failNext = true;
    const event = { event: 'mono.events.account_reauthorized', event_id: 'retry-1', data: { account: { _id: ACCOUNT } } };
    const failed = await deliver(event);
    assert.equal(failed.res.status, 500);
    assert.equal(events.length, before);
    assert.ok(seen.logs.some((line) => /Webhook mono\.events\.account_reauthorized could not be handled/.test(line)));
    const retried = await deliver(event);
    assert.deepEqual(retried.json, { received: true });
    assert.equal(events.length, before + 1);
  });

  it('only POST reaches the receiver', async () => {
    for (const method of ['GET', 'PUT']) assert.equal((await live.call('/webhooks', { method, user: null, headers: { 'mono-webhook-secret': SECRET } })).res.status, 404);
  });

  it('never logs or returns the webhook secret', () => {
    for (const text of [...seen.bodies, ...seen.logs]) assert.ok(!text.includes(SECRET));
  });
});

describe('webhooks off', () => {
  it('without webhookSecret the route does not exist', async () => {
    const live = await serveHandler({ secretKey: FAKE_KEY, authorize: () => true }, capture());
    try {
      const { res } = await live.call('/webhooks', { method: 'POST', body: JSON.stringify(connected), headers: { 'mono-webhook-secret': SECRET } });
      assert.equal(res.status, 404);
    } finally {
      await live.close();
    }
  });

  it('a shared store decides across two handlers (two instances of a host)', async () => {
    const shared = new Map<string, number>();
    const store: WebhookEventStore = {
      claim: async (key, ttl) => {
        if (shared.has(key)) return false;
        shared.set(key, ttl);
        return true;
      },
      release: async (key) => void shared.delete(key),
    };
    const handled: string[] = [];
    const make = (name: string) =>
      serveHandler({ secretKey: FAKE_KEY, authorize: () => true, webhookSecret: SECRET, webhookStore: store, onWebhook: (e) => void handled.push(`${name}:${e.eventId}`) }, capture());
    const [a, b] = await Promise.all([make('a'), make('b')]);
    try {
      const post = (server: LiveServer) => server.call('/webhooks', { method: 'POST', user: null, body: JSON.stringify(connected), headers: { 'mono-webhook-secret': SECRET } });
      assert.equal((await post(a)).res.status, 200);
      assert.deepEqual((await post(b)).json, { received: true, duplicate: true });
      assert.deepEqual(handled, [`a:${connected.event_id}`]);
      assert.equal(shared.get(`event:${connected.event_id}`), 24 * 60 * 60_000);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('memoryWebhookStore', () => {
  it('forgets keys after their TTL', () => {
    let now = 0;
    const store = memoryWebhookStore({ now: () => now });
    assert.equal(store.claim('a', 1_000), true);
    assert.equal(store.claim('a', 1_000), false);
    now = 999;
    assert.equal(store.claim('a', 1_000), false);
    now = 1_000;
    assert.equal(store.claim('a', 1_000), true);
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const store = memoryWebhookStore({ maxEntries: 3, now: () => 0 });
    for (const key of ['a', 'b', 'c', 'd']) assert.equal(store.claim(key, 1_000), true);
    assert.equal(store.claim('a', 1_000), true, 'a was evicted');
    assert.equal(store.claim('d', 1_000), false);
    assert.equal(store.claim('c', 1_000), false);
  });

  it('release forgets a key', () => {
    const store = memoryWebhookStore();
    store.claim('x', 1_000);
    store.release?.('x');
    assert.equal(store.claim('x', 1_000), true);
  });
});

describe('memoryStateStore', () => {
  it('makes room by dropping expired entries, never another\'s unexpired one: full, it refuses to add (throws)', () => {
    let now = 0;
    const store = memoryStateStore({ maxEntries: 3, now: () => now });
    assert.equal(store.add('a', 'oldest', 1_000), true);
    assert.equal(store.add('b', 'short', 10), true);
    assert.equal(store.add('c', 'newer', 1_000), true);
    now = 10;
    assert.equal(store.add('d', 'in b\'s place', 1_000), true, 'the expired entry made room, though it was not the oldest');
    assert.throws(() => store.add('e', 'one too many', 1_000), /full/);
    assert.deepEqual(['a', 'b', 'c', 'd', 'e'].map((key) => store.get(key)), ['oldest', undefined, 'newer', 'in b\'s place', undefined]);
    assert.equal(store.add('a', 'taken', 1_000), false, 'a key still taken is refused as ever');
    now = 1_000;
    assert.equal(store.add('e', 'once the others expired', 1_000), true);
    assert.equal(store.get('e'), 'once the others expired');
  });
});

describe('webhook helpers', () => {
  it('constantTimeEqual compares exactly', async () => {
    assert.equal(await constantTimeEqual(SECRET, SECRET), true);
    for (const other of ['', SECRET.slice(1), `${SECRET} `, SECRET.replace('5', '6')]) assert.equal(await constantTimeEqual(other, SECRET), false);
  });

  it('parseWebhookEvent refuses what is not an event', () => {
    for (const body of [null, 1, 'x', [], {}, { event: '' }, { event: 'x'.repeat(201) }]) assert.equal(parseWebhookEvent(body), null);
    assert.equal(parseWebhookEvent({ event: 'x', event_id: 'y'.repeat(201) })?.eventId, null);
  });
});
