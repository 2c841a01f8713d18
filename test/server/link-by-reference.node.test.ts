// A hosted link that returns without a code completes by its reference: the live handler remembers who
// started it, learns its account from Mono's account_connected webhook, and hands that account out once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMonoHandler, memoryStateStore, type MonoHandlerOptions, type StateStore } from '../../src/server/index.js';
import * as samples from '../fixtures/mono-samples.js';
import { ACCOUNT, FAKE_KEY, OTHER_ACCOUNT, send, startFakeMono, type FakeMono } from './fake-mono.js';
import { capture, serveHandler, type LiveServer } from './live-helpers.js';

const SECRET = 'whsec_Lk7QmZ2p9Xr4Vb8Nt1cD';
const CUSTOMERS: Record<string, { name: string; email: string }> = {
  chiamaka: { name: 'Chiamaka Okafor', email: 'chiamaka@example.ng' },
  emeka: { name: 'Emeka Obi', email: 'emeka@example.ng' },
};

/** The Mono customer id the fake Mono's initiate answers with (MONO_API.md §14 sample). */
const MONO_CUSTOMER = '683d6a2c91f0e4b8c2a1d7e3';
let eventCount = 0;
const connected = (ref: string, id = ACCOUNT, customer = MONO_CUSTOMER) => ({
  event: 'mono.events.account_connected',
  event_id: `evt-${++eventCount}-${ref}`,
  data: { id, customer, meta: { data_status: 'PROCESSING', auth_method: 'internet_banking', ref } },
});

describe('linking by reference (live handler)', () => {
  let fake: FakeMono;
  let live: LiveServer;
  let options: MonoHandlerOptions;
  const seen = capture();
  const linked: { accountId: string; user: string | null; response: unknown }[] = [];
  const webhooks: string[] = [];
  const stored: string[] = [];

  before(async () => {
    fake = await startFakeMono();
    const memory = memoryStateStore();
    const store: StateStore = {
      add: (key, value, ttl) => {
        stored.push(value);
        return memory.add(key, value, ttl);
      },
      get: memory.get,
      take: memory.take,
    };
    options = {
      secretKey: FAKE_KEY,
      baseUrl: fake.url,
      authorize: (request, accountId) => request.headers.get('x-user') === 'chiamaka' && accountId === ACCOUNT,
      customer: (request) => (request.headers.get('x-user') === 'chiamaka-by-id' ? { id: MONO_CUSTOMER } : (CUSTOMERS[request.headers.get('x-user') ?? ''] ?? null)),
      redirectUrl: 'https://shop.example.ng/mono/return',
      onAccountLinked: ({ accountId, request, response }) => {
        if (request.headers.get('x-fail-store') === '1') throw new Error('disk full');
        linked.push({ accountId, user: request.headers.get('x-user'), response });
      },
      webhookSecret: SECRET,
      onWebhook: (event) => void webhooks.push(event.event),
      stateStore: store,
      linkWait: 600,
    };
    live = await serveHandler(options, seen);
  });
  after(async () => {
    await live.close();
    await fake.close();
  });

  const start = (ref: string, user = 'chiamaka', body: Record<string, unknown> = { scope: 'auth' }) =>
    live.call('/accounts/initiate', { method: 'POST', user, body: JSON.stringify({ ...body, meta: { ref } }) });
  const deliver = (event: unknown) => live.call('/webhooks', { method: 'POST', user: null, body: JSON.stringify(event), headers: { 'mono-webhook-secret': SECRET } });
  const claim = (reference: unknown, user = 'chiamaka') => live.call('/accounts/auth', { method: 'POST', user, body: JSON.stringify({ reference }) });

  it('hands the account from account_connected to the customer who started the link, once', async () => {
    linked.length = 0;
    assert.equal((await start('kit-ref-once')).res.status, 200);
    const hook = await deliver(connected('kit-ref-once'));
    assert.deepEqual(hook.json, { received: true });
    assert.ok(webhooks.includes('mono.events.account_connected'), 'onWebhook still gets the event');

    const before = fake.requests.length;
    const { res, json } = await claim('kit-ref-once');
    assert.equal(res.status, 200);
    assert.deepEqual(json, { id: ACCOUNT });
    assert.deepEqual(
      fake.requests.slice(before).map((r) => `${r.method} ${r.path}`),
      [`GET /v2/accounts/${ACCOUNT}`],
      'Mono is asked once whose the account is, as for a code',
    );
    assert.deepEqual(linked, [{ accountId: ACCOUNT, user: 'chiamaka', response: { id: ACCOUNT, reference: 'kit-ref-once' } }]);

    const again = await claim('kit-ref-once');
    assert.equal(again.res.status, 404);
    assert.equal(again.json.code, 'link-unknown');
    assert.equal(linked.length, 1);
  });

  it('waits for a webhook that comes a moment after the person is back', async () => {
    await start('kit-ref-late');
    const started = Date.now();
    const late = new Promise((resolve) => setTimeout(resolve, 250)).then(() => deliver(connected('kit-ref-late', OTHER_ACCOUNT)));
    const { res, json } = await claim('kit-ref-late');
    await late;
    assert.equal(res.status, 200);
    assert.deepEqual(json, { id: OTHER_ACCOUNT });
    assert.ok(Date.now() - started >= 250);
  });

  it('answers 409 link-pending when the webhook has not come within linkWait, and the link stays claimable', async () => {
    await start('kit-ref-slow');
    const started = Date.now();
    const pending = await claim('kit-ref-slow');
    assert.equal(pending.res.status, 409);
    assert.equal(pending.json.code, 'link-pending');
    assert.ok(Date.now() - started >= 550, `waited ${Date.now() - started} ms`);
    await deliver(connected('kit-ref-slow'));
    assert.deepEqual((await claim('kit-ref-slow')).json, { id: ACCOUNT });
  });

  it('another customer, a reference never started here, or a malformed one gets nothing', async () => {
    await start('kit-ref-theirs');
    await deliver(connected('kit-ref-theirs'));
    const other = await claim('kit-ref-theirs', 'emeka');
    assert.equal(other.res.status, 404, 'answered like an unknown reference');
    assert.equal(other.json.code, 'link-unknown');
    assert.equal((await claim('kit-ref-theirs', null as never)).res.status, 401);

    const foreign = await deliver(connected('order-1234'));
    assert.equal(foreign.res.status, 200, 'a link started elsewhere is still a delivered webhook');
    assert.equal((await claim('order-1234')).res.status, 404);

    for (const bad of ['', '../x', 'a'.repeat(129), 42, null]) assert.equal((await claim(bad)).res.status, 400, String(bad));
    // The rightful customer still gets it.
    assert.deepEqual((await claim('kit-ref-theirs')).json, { id: ACCOUNT });
  });

  it('a reauth by reference gives back its own account to whoever authorize lets see it, with no webhook', async () => {
    assert.equal((await start('kit-ref-reauth', 'chiamaka', { scope: 'reauth', account: ACCOUNT })).res.status, 200);
    assert.equal((await claim('kit-ref-reauth', 'emeka')).res.status, 404, 'answered like an unknown reference');
    assert.deepEqual((await claim('kit-ref-reauth')).json, { id: ACCOUNT });
  });

  it('a reference names one link: nobody can start another under it (no takeover of a known reference)', async () => {
    assert.equal((await start('kit-ref-taken')).res.status, 200);
    const before = fake.requests.length;
    const squat = await start('kit-ref-taken', 'emeka');
    assert.equal(squat.res.status, 400);
    assert.match(squat.json.message, /already used/);
    assert.equal(fake.requests.length, before, 'Mono is not asked');
    await deliver(connected('kit-ref-taken'));
    assert.equal((await claim('kit-ref-taken', 'emeka')).res.status, 404);
    assert.deepEqual((await claim('kit-ref-taken')).json, { id: ACCOUNT });
  });

  it('a reference started again after its link finished never hands out the first link’s account, whatever its late webhook names', async () => {
    // Chiamaka's link finishes by its code; Emeka (who learnt the reference from her return URL) starts a link under it.
    for (const [i, customer] of [undefined, { id: MONO_CUSTOMER }, MONO_CUSTOMER].entries()) {
      const ref = `kit-ref-again-${i}`;
      await start(ref);
      assert.equal((await live.call('/accounts/auth', { method: 'POST', user: 'chiamaka', body: JSON.stringify({ code: `code_again_${i}`, reference: ref }) })).res.status, 200);
      // Mono gives his link his own Mono customer.
      fake.script((r, res) => {
        if (r.path !== '/v2/accounts/initiate') return false;
        const ok = samples.initiateAuth;
        send(res, 200, { ...ok, data: { ...ok.data, customer: '683d6a2c91f0e4b8c2a1d000', meta: { ref } } });
      });
      assert.equal((await start(ref, 'emeka')).res.status, 200);
      // Her link's account_connected comes late (or again): without a customer, or with it as an object or a string.
      const event = connected(ref);
      if (customer === undefined) delete (event.data as { customer?: unknown }).customer;
      else (event.data as { customer: unknown }).customer = customer;
      await deliver(event);
      linked.length = 0;
      const stolen = await claim(ref, 'emeka');
      assert.notEqual(stolen.res.status, 200, `customer ${JSON.stringify(customer)}: ${JSON.stringify(stolen.json)}`);
      assert.notDeepEqual(stolen.json, { id: ACCOUNT });
      assert.deepEqual(linked, [], 'nothing linked for him');
    }
  });

  it('ignores a webhook for the reference that names another Mono customer, or an account id that is not an id', async () => {
    await start('kit-ref-foreign');
    await deliver(connected('kit-ref-foreign', ACCOUNT, '683d6a2c91f0e4b8c2a1d000'));
    await deliver(connected('kit-ref-foreign', '../../x?y'));
    assert.equal((await claim('kit-ref-foreign')).json.code, 'link-pending');
    await deliver(connected('kit-ref-foreign'));
    assert.deepEqual((await claim('kit-ref-foreign')).json, { id: ACCOUNT });
  });

  it('a host that could not save the account gets it again on the retry', async () => {
    linked.length = 0;
    await start('kit-ref-save');
    await deliver(connected('kit-ref-save'));
    const failed = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ reference: 'kit-ref-save' }), headers: { 'x-fail-store': '1' } });
    assert.equal(failed.res.status, 500);
    assert.deepEqual((await claim('kit-ref-save')).json, { id: ACCOUNT });
    assert.equal(linked.length, 1);
  });

  it('of two claims at once, one gets the account and the other a 404 without waiting out linkWait', async () => {
    // A long linkWait of its own: a loser that waited it out would take 20 s, a busy machine answers in under 1 s.
    const patient = await serveHandler({ ...options, linkWait: 20_000 }, seen);
    try {
      const claimThere = () => patient.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ reference: 'kit-ref-race' }) });
      await patient.call('/accounts/initiate', { method: 'POST', body: JSON.stringify({ scope: 'auth', meta: { ref: 'kit-ref-race' } }) });
      const started = Date.now();
      const claims = Promise.all([claimThere(), claimThere()]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await patient.call('/webhooks', { method: 'POST', user: null, body: JSON.stringify(connected('kit-ref-race')), headers: { 'mono-webhook-secret': SECRET } });
      const answers = (await claims).map((a) => a.res.status).sort();
      assert.deepEqual(answers, [200, 404]);
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    } finally {
      await patient.close();
    }
  });

  it('a link completed by its code (the reference beside it) can no longer be claimed by reference', async () => {
    linked.length = 0;
    await start('kit-ref-code');
    const byCode = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code: 'code_au5w62egpzggouybo83i5spg', reference: 'kit-ref-code' }) });
    assert.equal(byCode.res.status, 200);
    await deliver(connected('kit-ref-code'));
    assert.equal((await claim('kit-ref-code')).res.status, 404);
    assert.equal(linked.length, 1, 'saved once');
  });

  it('a code sent with a reference that another customer started is refused before Mono is asked', async () => {
    linked.length = 0;
    await start('kit-ref-steal');
    const before = fake.requests.length;
    const stolen = await live.call('/accounts/auth', { method: 'POST', user: 'emeka', body: JSON.stringify({ code: 'code_stolen1', reference: 'kit-ref-steal' }) });
    assert.equal(stolen.res.status, 404);
    assert.equal(stolen.json.code, 'link-unknown');
    assert.equal(fake.requests.length, before, 'Mono is not asked');
    assert.equal(linked.length, 0);
    // The customer who started it still completes it with that code.
    const own = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code: 'code_stolen1', reference: 'kit-ref-steal' }) });
    assert.equal(own.res.status, 200);
    assert.equal(linked.length, 1);
  });

  it("a code that leaked from someone else's link links nothing under a reference of the sender's own", async () => {
    linked.length = 0;
    // The victim's code names an account of another Mono customer than emeka's link was started for.
    const victimAccount = { ...samples.accountV2, data: { ...samples.accountV2.data, customer: { id: '683d6a2c91f0e4b8c2a1d000' } } };
    await start('kit-ref-thief', 'emeka');
    fake.script(
      (r, res) => void send(res, 200, { id: OTHER_ACCOUNT }),
      (r, res) => (r.path === `/v2/accounts/${OTHER_ACCOUNT}` ? void send(res, 200, victimAccount) : false),
    );
    const stolen = await live.call('/accounts/auth', { method: 'POST', user: 'emeka', body: JSON.stringify({ code: 'code_leaked1', reference: 'kit-ref-thief' }) });
    assert.equal(stolen.res.status, 404);
    assert.equal(stolen.json.code, 'link-unknown');
    assert.equal(linked.length, 0, 'onAccountLinked is not called');
    // Nor with another reference of his: the code stays used here.
    await start('kit-ref-thief2', 'emeka');
    const again = await live.call('/accounts/auth', { method: 'POST', user: 'emeka', body: JSON.stringify({ code: 'code_leaked1', reference: 'kit-ref-thief2' }) });
    assert.equal(again.json.message, 'Code already used');
    // A reauth's reference takes only a code for the account being re-authorised.
    await start('kit-ref-thief-reauth', 'chiamaka', { scope: 'reauth', account: ACCOUNT });
    fake.script((r, res) => void send(res, 200, { id: OTHER_ACCOUNT }));
    const reauth = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code: 'code_leaked2', reference: 'kit-ref-thief-reauth' }) });
    assert.equal(reauth.res.status, 404);
    assert.equal(linked.length, 0);
    // The customer's own code still links: the account's Mono customer is the one initiate answered with.
    await start('kit-ref-honest', 'emeka');
    const own = await live.call('/accounts/auth', { method: 'POST', user: 'emeka', body: JSON.stringify({ code: 'code_honest1', reference: 'kit-ref-honest' }) });
    assert.equal(own.res.status, 200);
    assert.deepEqual(linked.map((l) => [l.accountId, l.user]), [[ACCOUNT, 'emeka']]);
  });

  it('a new link whose initiate answer names no Mono customer is refused at once (its code could not be checked)', async () => {
    fake.script((r, res) => void send(res, 200, { ...samples.initiateAuth, data: { ...samples.initiateAuth.data, customer: undefined } }));
    const { res, json } = await start('kit-ref-no-customer');
    assert.equal(res.status, 502);
    assert.equal(json.code, 'upstream-invalid');
    // Its reference is free again for a retry.
    assert.equal((await start('kit-ref-no-customer')).res.status, 200);
  });

  it('a code with no reference started here is refused before Mono is asked (the default, without publicKeyLinks)', async () => {
    const before = fake.requests.length;
    for (const body of [{ code: 'code_bare1' }, { code: 'code_bare1', reference: 'kit-ref-never-started' }]) {
      const { res, json } = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify(body) });
      assert.equal(res.status, 404, JSON.stringify(body));
      assert.equal(json.code, 'link-unknown', 'answered like another customer\'s reference: nobody learns which');
    }
    assert.equal((await live.call('/accounts/auth', { method: 'POST', user: null, body: JSON.stringify({ code: 'code_bare1' }) })).res.status, 401);
    assert.equal(fake.requests.length, before, 'Mono is not asked');
  });

  it('a code is exchanged once here, whatever Mono would do with it again; one Mono did not take can be tried again', async () => {
    linked.length = 0;
    const exchange = (code: string, reference: string) => live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code, reference }) });
    for (const ref of ['kit-ref-once-a', 'kit-ref-once-b', 'kit-ref-expired']) await start(ref);
    const exchanges = () => fake.requests.filter((r) => r.path === '/v2/accounts/auth').length;
    const before = exchanges();
    assert.equal((await exchange('code_once1', 'kit-ref-once-a')).res.status, 200);
    const replay = await exchange('code_once1', 'kit-ref-once-b');
    assert.equal(replay.res.status, 400);
    assert.equal(replay.json.message, 'Code already used');
    assert.equal(exchanges(), before + 1, 'Mono is asked once');
    assert.equal(linked.length, 1);
    // Mono refused it (expired): nothing was used up here, so a retry reaches Mono again.
    assert.equal((await exchange('code_expired', 'kit-ref-expired')).res.status, 400);
    assert.equal((await exchange('code_expired', 'kit-ref-expired')).res.status, 400);
    assert.equal(exchanges(), before + 3);
  });

  it('a reauth claimed by reference is handed out once, and its syncs still wait for Mono to say the reauth is done', async () => {
    await start('kit-ref-reauth2', 'chiamaka', { scope: 'reauth', account: ACCOUNT });
    await deliver({ event: 'mono.events.reauthorisation_required', event_id: `evt-${++eventCount}-reauth`, data: { account: { _id: ACCOUNT } } });
    const answers = (await Promise.all([claim('kit-ref-reauth2'), claim('kit-ref-reauth2')])).map((a) => a.res.status).sort();
    assert.deepEqual(answers, [200, 404]);
    const before = fake.requests.length;
    const sync = await live.call(`/accounts/${ACCOUNT}/sync`, { method: 'POST', body: '{}' });
    assert.equal(sync.json.data.status, 'reauthorisation_required', 'nothing said the person finished');
    assert.equal(fake.requests.length, before, 'no billed call to Mono');
    await deliver({ event: 'mono.events.account_reauthorized', event_id: `evt-${++eventCount}-reauthorized`, data: { account: { _id: ACCOUNT } } });
    await live.call(`/accounts/${ACCOUNT}/sync`, { method: 'POST', body: '{}' });
    assert.equal(fake.requests.length, before + 1, 'Mono said so: syncs go to Mono again');
  });

  it('the same customer is recognised when the hook now gives the Mono customer id', async () => {
    await start('kit-ref-id');
    await deliver(connected('kit-ref-id'));
    assert.deepEqual((await claim('kit-ref-id', 'chiamaka-by-id')).json, { id: ACCOUNT });
  });

  it('nobody signed in is a 401 whether or not the reference exists', async () => {
    await start('kit-ref-anon');
    assert.equal((await claim('kit-ref-anon', null as never)).res.status, 401);
    assert.equal((await claim('kit-ref-nothing', null as never)).res.status, 401);
  });

  it('keeps no name, email or BVN in the store: the owner is keyed with the secret key', async () => {
    assert.ok(stored.length > 0);
    for (const value of stored) assert.doesNotMatch(value, /@|Chiamaka|Emeka/);
    const { createHash } = await import('node:crypto');
    const plain = createHash('sha256').update('email:chiamaka@example.ng').digest('hex');
    assert.ok(!stored.some((value) => value.includes(plain)), 'not a plain digest anyone could recompute');
  });
});

describe('linking by reference: setups', () => {
  it('without webhookSecret a new link cannot complete by reference: a clear 500, and a warning at start', async () => {
    const fake = await startFakeMono();
    const seen = capture();
    const live = await serveHandler(
      { secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, customer: () => CUSTOMERS.chiamaka, redirectUrl: 'https://shop.example.ng/r' },
      seen,
    );
    try {
      assert.ok(seen.logs.some((line) => /^warn .*Live mode without webhookSecret/.test(line)));
      await live.call('/accounts/initiate', { method: 'POST', body: JSON.stringify({ scope: 'auth', meta: { ref: 'kit-no-hooks' } }) });
      const { res, json } = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ reference: 'kit-no-hooks' }) });
      assert.equal(res.status, 500);
      assert.match(json.message, /webhookSecret/);
    } finally {
      await live.close();
      await fake.close();
    }
  });

  it('without a customer hook, says at start that new links are refused, and initiate is a clear 500', async () => {
    const fake = await startFakeMono();
    const seen = capture();
    const live = await serveHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, redirectUrl: 'https://shop.example.ng/r', webhookSecret: SECRET }, seen);
    try {
      assert.ok(seen.logs.some((line) => /^warn .*without a customer\(request\) hook: new links are refused/.test(line)), seen.logs.join('\n'));
      const { res, json } = await live.call('/accounts/initiate', { method: 'POST', body: JSON.stringify({ scope: 'auth', meta: { ref: 'kit-no-customer' } }) });
      assert.equal(res.status, 500);
      assert.match(json.message, /no customer hook/);
    } finally {
      await live.close();
      await fake.close();
    }
  });

  it('webhookSecret alone (no onWebhook) receives webhooks for linking', () => {
    assert.doesNotThrow(() => createMonoHandler({ secretKey: FAKE_KEY, authorize: () => true, webhookSecret: SECRET, logger: false }));
  });

  it('a failing link store stops a link before Mono is asked (it could not be checked), and says so', async () => {
    const fake = await startFakeMono();
    const seen = capture();
    const down = () => Promise.reject(new Error('redis down'));
    const broken: StateStore = { add: down, get: down, take: down };
    const live = await serveHandler({ secretKey: FAKE_KEY, baseUrl: fake.url, authorize: () => true, customer: () => CUSTOMERS.chiamaka, webhookSecret: SECRET, stateStore: broken }, seen);
    try {
      const started = await live.call('/accounts/initiate', { method: 'POST', body: JSON.stringify({ scope: 'auth', meta: { ref: 'kit-broken' } }) });
      assert.equal(started.res.status, 503);
      assert.equal(started.json.code, 'host-error');
      // A made-up reference got further than none while the store was down: the code was exchanged unchecked.
      const exchanged = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code: 'code_unchecked1', reference: 'kit-made-up' }) });
      assert.equal(exchanged.res.status, 503);
      // A return without a code (a hosted link, a reauth) is claimed by its reference alone.
      const claimed = await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ reference: 'kit-made-up' }) });
      assert.equal(claimed.res.status, 503, claimed.text);
      assert.equal(claimed.json.code, 'host-error');
      assert.equal(fake.requests.length, 0, 'Mono is not asked');
      assert.ok(seen.logs.some((line) => /^error .*stateStore failed.*redis down/.test(line)));
    } finally {
      await live.close();
      await fake.close();
    }
  });
});
