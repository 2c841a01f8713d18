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
  }, { ...options(), timeout: 6000 });
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

test('checks that keep failing end at the deadline with their own error, a second or more apart', async () => {
  const at: number[] = [];
  const started = Date.now();
  await assert.rejects(
    pollWithBackoff(async () => {
      at.push(Date.now() - started);
      throw new MonoError('network', 'down');
    }, { ...options(), timeout: 2500 }),
    (e: MonoError) => e.kind === 'network',
  );
  assert.equal(at.length, 3, `checks at ${at.join(', ')} ms`);
  assert.ok(at[1] - at[0] >= 990 && at[2] - at[1] >= 990, `checks at ${at.join(', ')} ms`);
});

test('a poll whose every check hangs ends at the deadline as a time-out', async () => {
  await assert.rejects(
    pollWithBackoff((_, late) => new Promise((_, reject) => late.addEventListener('abort', () => reject(new MonoError('aborted', 'gone')))), { ...options(), timeout: 50 }),
    (e: MonoError) => e.kind === 'timeout',
  );
});

test('a Retry-After is waited for, and one past the deadline ends the poll with that answer at once', async () => {
  const at: number[] = [];
  const started = Date.now();
  const busy = new MonoError('http', 'busy', { status: 503, retryAfter: 1.5 });
  const result = await pollWithBackoff(async () => {
    at.push(Date.now() - started);
    if (at.length === 1) throw busy;
    return 'finished';
  }, { ...options(), timeout: 5000 });
  assert.equal(result, 'finished');
  assert.ok(at[1] - at[0] >= 1490, `checks at ${at.join(', ')} ms`);

  const limited = new MonoError('http', 'slow down', { status: 429, retryAfter: 120 });
  let checks = 0;
  await assert.rejects(
    pollWithBackoff(async () => {
      checks++;
      throw limited;
    }, { ...options(), timeout: 3000 }),
    (e) => e === limited,
  );
  assert.equal(checks, 1);
});

test('works where AbortSignal.any is missing (Firefox before 124)', async () => {
  const any = AbortSignal.any;
  // @ts-expect-error: gone, as in those browsers
  delete AbortSignal.any;
  try {
    let checks = 0;
    const result = await pollWithBackoff(async () => {
      if (++checks === 1) throw new MonoError('network', 'down');
      return 'finished';
    }, { ...options(), timeout: 4000 });
    assert.equal(result, 'finished');
  } finally {
    AbortSignal.any = any;
  }
});

test('a wall clock that jumps ahead (the computer woke from sleep) does not end the poll at a check that failed on the way', async () => {
  // On waking, Date.now() has jumped past the deadline while the poll's timers have not run out, and the network is
  // often not back yet: that first check's failure used to end the poll at once.
  const realNow = Date.now;
  let checks = 0;
  try {
    const result = await pollWithBackoff(async () => {
      if (++checks > 1) return 'finished';
      const woke = realNow() + 30 * 60_000;
      Date.now = () => woke;
      throw new MonoError('network', 'the Wi-Fi is not back yet');
    }, { ...options(), timeout: 5000 });
    assert.equal(result, 'finished');
    assert.equal(checks, 2);
  } finally {
    Date.now = realNow;
  }
});
