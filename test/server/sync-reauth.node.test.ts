// A real-time sync that needs the holder to sign in again: Mono says so in the account_updated webhook, and
// its job only reads failed. The live handler joins the two, so the job the browser follows says so.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jobFinished, accountUpdatedWebhookData } from '../fixtures/mono-samples.js';
import { ACCOUNT, FAKE_KEY, OTHER_ACCOUNT, SYNC_JOB, send, startFakeMono, type FakeMono } from './fake-mono.js';
import { capture, serveHandler, type LiveServer } from './live-helpers.js';

const SECRET = 'whsec_Sy9QmZ2p9Xr4Vb8Nt1cE';
let eventCount = 0;
const updated = (jobId: string, sync_status: string, account = ACCOUNT) => ({
  event: 'mono.events.account_updated',
  event_id: `upd-${++eventCount}`,
  data: { ...accountUpdatedWebhookData, account: { ...accountUpdatedWebhookData.account, _id: account }, meta: { ...accountUpdatedWebhookData.meta, sync_status: sync_status, job_id: jobId, has_new_data: false } },
});
const failedJob = (jobId: string) => ({ ...jobFinished, data: { ...jobFinished.data, id: jobId, status: 'failed' } });

describe('sync jobs that need reauthorisation (live handler)', () => {
  let fake: FakeMono;
  let live: LiveServer;
  let plain: LiveServer;

  before(async () => {
    fake = await startFakeMono();
    const options = { secretKey: FAKE_KEY, baseUrl: fake.url, authorize: (_: Request, id: string) => id === ACCOUNT || id === OTHER_ACCOUNT };
    live = await serveHandler({ ...options, webhookSecret: SECRET }, capture());
    plain = await serveHandler(options, capture());
  });
  // The jobs these tests read, as the browser's syncs started them (a job is read only under its account).
  const JOBS = [SYNC_JOB, '683d7aa0c4e1b2f9d8a60b1c', '683d7aa0c4e1b2f9d8a60b18', '683d7aa0c4e1b2f9d8a60b19', '683d7aa0c4e1b2f9d8a60b1a'];
  const PLAIN_JOB = '683d7aa0c4e1b2f9d8a60b1b';
  const start = async (server: LiveServer, jobId: string) => {
    fake.realtimeHeaders['x-job-id'] = jobId;
    const { json } = await server.call(`/accounts/${ACCOUNT}/sync`, { method: 'POST', body: '{}' });
    assert.equal(json.data.job_id, jobId);
  };
  before(async () => {
    for (const jobId of JOBS) await start(live, jobId);
    await start(plain, PLAIN_JOB);
    await start(plain, SYNC_JOB);
    fake.realtimeHeaders['x-job-id'] = SYNC_JOB;
  });

  after(async () => {
    await live.close();
    await plain.close();
    await fake.close();
  });

  const deliver = (event: unknown) => live.call('/webhooks', { method: 'POST', user: null, body: JSON.stringify(event), headers: { 'mono-webhook-secret': SECRET } });
  const answerJob = (body: unknown) => fake.script((r, res) => (r.path.includes('/jobs/') ? send(res, 200, body) : false));
  const job = (server: LiveServer, account = ACCOUNT, jobId = SYNC_JOB) => server.call(`/accounts/${account}/jobs/${jobId}`);

  it('a failed job reads reauthorisation_required once the webhook said so for that job', async () => {
    assert.equal((await deliver(updated(SYNC_JOB, 'REAUTHORISATION_REQUIRED'))).res.status, 200);
    answerJob(failedJob(SYNC_JOB));
    const { res, json } = await job(live);
    assert.equal(res.status, 200);
    assert.equal(json.data.status, 'reauthorisation_required');
    assert.deepEqual({ ...json.data, status: 'failed' }, failedJob(SYNC_JOB).data, 'the rest of Mono\'s answer is unchanged');
  });

  it('reads the webhook\'s status in any case, and a job that says error', async () => {
    const jobId = '683d7aa0c4e1b2f9d8a60b1c';
    await deliver(updated(jobId, 'reauthorisation_required'));
    answerJob({ ...failedJob(jobId), data: { ...failedJob(jobId).data, status: 'error' } });
    assert.equal((await job(live, ACCOUNT, jobId)).json.data.status, 'reauthorisation_required');
  });

  it('a state store that fails: the sync runs unfollowed (no job id) and no job is read (it fails closed), both logged', async () => {
    const seen = capture();
    const broken = await serveHandler(
      {
        secretKey: FAKE_KEY,
        baseUrl: fake.url,
        authorize: () => true,
        webhookSecret: SECRET,
        stateStore: { add: () => Promise.reject(new Error('redis down')), get: () => Promise.reject(new Error('redis down')), take: () => null },
      },
      seen,
    );
    try {
      const started = await broken.call(`/accounts/${ACCOUNT}/sync`, { method: 'POST', body: '{}' });
      assert.equal(started.res.status, 200);
      assert.equal(started.json.data.status, 'processing');
      assert.equal(started.json.data.job_id, undefined, 'a job that could not be bound to its account could not be read');
      const before = fake.requests.length;
      const { res, json } = await job(broken);
      assert.equal(res.status, 404);
      assert.equal(json.code, 'not-found');
      assert.equal(fake.requests.length, before, 'Mono not asked');
      assert.ok(seen.logs.some((line) => /stateStore failed, so sync job .* cannot be read.*redis down/.test(line)));
      assert.ok(seen.logs.some((line) => /stateStore failed, so sync job .* is refused.*redis down/.test(line)));
    } finally {
      await broken.close();
    }
  });

  it('waits a moment for a webhook that comes after the job failed', async () => {
    const jobId = '683d7aa0c4e1b2f9d8a60b18';
    answerJob(failedJob(jobId));
    const late = new Promise((resolve) => setTimeout(resolve, 400)).then(() => deliver(updated(jobId, 'REAUTHORISATION_REQUIRED')));
    const { json } = await job(live, ACCOUNT, jobId);
    await late;
    assert.equal(json.data.status, 'reauthorisation_required');
  });

  const reauthEvent = (type: 'reauthorisation_required' | 'account_reauthorized', account: string) => ({
    event: `mono.events.${type}`,
    event_id: `${type}-${++eventCount}`,
    data: { account: { _id: account } },
  });
  const sync = (account: string) => live.call(`/accounts/${account}/sync`, { method: 'POST', body: '{}' });
  const realtimeCalls = (account: string) => fake.requests.filter((r) => r.path.startsWith(`/v2/accounts/${account}/`) && r.headers['x-realtime'] === 'true').length;

  it('once Mono said an account needs reauthorisation, its syncs say so at once, without a billed call, until it is re-authorised', async () => {
    await deliver(reauthEvent('reauthorisation_required', OTHER_ACCOUNT));
    const before = realtimeCalls(OTHER_ACCOUNT);
    const { json } = await sync(OTHER_ACCOUNT);
    assert.equal(json.data.status, 'reauthorisation_required');
    assert.equal(realtimeCalls(OTHER_ACCOUNT), before, 'Mono not asked');
    await deliver(reauthEvent('account_reauthorized', OTHER_ACCOUNT));
    assert.notEqual((await sync(OTHER_ACCOUNT)).json.data.status, 'reauthorisation_required');
    assert.equal(realtimeCalls(OTHER_ACCOUNT), before + 1);
  });

  it('a link through the handler (a reauth ends in an exchange) clears the mark too', async () => {
    await deliver(reauthEvent('reauthorisation_required', ACCOUNT));
    assert.equal((await sync(ACCOUNT)).json.data.status, 'reauthorisation_required');
    const reference = 'kit-reauth-done';
    assert.equal((await live.call('/accounts/initiate', { method: 'POST', body: JSON.stringify({ scope: 'reauth', account: ACCOUNT, meta: { ref: reference } }) })).res.status, 200);
    assert.equal((await live.call('/accounts/auth', { method: 'POST', body: JSON.stringify({ code: 'code_reauth_done', reference }) })).res.status, 200);
    const before = realtimeCalls(ACCOUNT);
    await sync(ACCOUNT);
    assert.equal(realtimeCalls(ACCOUNT), before + 1, 'Mono asked again');
  });

  it('reads a job only under the account whose sync started it, and never passes on Mono\'s answer for another account', async () => {
    const before = fake.requests.length;
    const elsewhere = await job(live, OTHER_ACCOUNT);
    assert.equal(elsewhere.res.status, 404, 'a job started for another account');
    assert.equal((await job(live, ACCOUNT, '683d7aa0c4e1b2f9d8a60bff')).res.status, 404, 'a job never started here');
    assert.equal(fake.requests.length, before, 'Mono not asked');
    answerJob({ ...jobFinished, data: { ...jobFinished.data, account: OTHER_ACCOUNT } });
    const theirs = await job(live);
    assert.equal(theirs.res.status, 404);
    assert.doesNotMatch(JSON.stringify(theirs.json), new RegExp(OTHER_ACCOUNT));
  });

  it('leaves the job failed for another reason, another account\'s job, or without webhooks; a finished job is not held up', async () => {
    const jobId = '683d7aa0c4e1b2f9d8a60b19';
    await deliver(updated(jobId, 'FAILED'));
    answerJob(failedJob(jobId));
    const started = Date.now();
    assert.equal((await job(live, ACCOUNT, jobId)).json.data.status, 'failed');
    assert.ok(Date.now() - started >= 2900, 'a failed job waits for the webhook that may explain it');

    const theirs = '683d7aa0c4e1b2f9d8a60b1a';
    await deliver(updated(theirs, 'REAUTHORISATION_REQUIRED', OTHER_ACCOUNT));
    answerJob(failedJob(theirs));
    assert.equal((await job(live, ACCOUNT, theirs)).json.data.status, 'failed', 'marked for another account');

    await deliver(updated('683d7aa0c4e1b2f9d8a60b1b', 'REAUTHORISATION_REQUIRED'));
    answerJob(failedJob('683d7aa0c4e1b2f9d8a60b1b'));
    const quick = Date.now();
    assert.equal((await job(plain, ACCOUNT, PLAIN_JOB)).json.data.status, 'failed', 'no webhooks: Mono\'s answer as is');
    assert.ok(Date.now() - quick < 1000);

    const finished = Date.now();
    assert.equal((await job(live)).json.data.status, 'finished');
    assert.ok(Date.now() - finished < 1000);
  });
});
