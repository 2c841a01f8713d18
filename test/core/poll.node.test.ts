// pollWithBackoff: a check that fails on the way counts as "not yet"; one the host refused ends the poll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pollWithBackoff } from '../../src/core/poll.js';
import { MonoError } from '../../src/client/errors.js';

const options = () => ({ interval: 1, maxInterval: 5, timeout: 2000, signal: new AbortController().signal });

test('a check that fails on the network, times out or meets a 503 is tried again until the job answers', async () => {
  const failures = [new MonoError('network', 'down'), new MonoError('timeout', 'slow'), new MonoError('http', 'busy', { status: 503 })];
  let checks = 0;
  const result = await pollWithBackoff(async () => {
    checks++;
    const failure = failures.shift();
    if (failure) throw failure;
    return 'finished';
  }, options());
  assert.equal(result, 'finished');
  assert.equal(checks, 4);
});

test('a check the host refuses (400, a shape it cannot read) ends the poll with that error', async () => {
  for (const error of [new MonoError('http', 'bad', { status: 400 }), new MonoError('invalid-response', 'odd'), new MonoError('reauth-required', 'sign in')]) {
    let checks = 0;
    await assert.rejects(
      pollWithBackoff(async () => {
        checks++;
        throw error;
      }, options()),
      (e) => e === error,
    );
    assert.equal(checks, 1);
  }
});

test('checks that keep failing end at the deadline as a time-out', async () => {
  await assert.rejects(
    pollWithBackoff(async () => {
      throw new MonoError('network', 'down');
    }, { ...options(), timeout: 50 }),
    (e: MonoError) => e.kind === 'timeout',
  );
});
