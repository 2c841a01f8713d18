import { MonoError, toMonoError } from '../client/errors.js';

/** Waits `ms`, rejecting with an `aborted` MonoError (saying `cancelled`) as soon as `signal` aborts. */
export function wait(ms: number, signal: AbortSignal, cancelled = 'The wait was cancelled'): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => new MonoError('aborted', cancelled);
    if (signal.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The wait before poll number `attempt` (0-based): `first`, doubling each time, never above `cap`. */
export const backoffDelay = (attempt: number, first: number, cap: number): number =>
  Math.min(cap, Math.max(0, first) * 2 ** Math.max(0, attempt));

/** Reads a non-negative number attribute, falling back when it is missing or nonsense. */
export const nonNegative = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

export interface PollOptions {
  /** First wait, in ms. */
  interval: number;
  /** Growth of each wait. Default 1.5. */
  factor?: number;
  /** Longest single wait, in ms. Default 15 000. */
  maxInterval?: number;
  /** Give up after this long, in ms (a `timeout` MonoError). */
  timeout: number;
  signal: AbortSignal;
}

/**
 * Waits, then calls `check`, until it returns something other than `undefined`; each wait is longer
 * than the one before (up to `maxInterval`). Used for jobs that finish on Mono's side (sync, income
 * analysis, PDF statements): only GETs are repeated here, never the POST that started the job. `check` gets a
 * signal that also aborts at the deadline, so a request that hangs cannot hold the poll past `timeout`. A check
 * that fails on the way (network, time-out, 5xx: its own retries spent) counts as "not yet", since the job goes on
 * at Mono's side while a phone passes through a tunnel; after it the poll waits at least a second, or the
 * `Retry-After` asked for. If that wait would pass the deadline, or the checks were still failing at it, the
 * failure is what the poll ends with. A deadline that comes late (the page was frozen in a background tab or the
 * back/forward cache, or the computer slept) found a job that went on unchecked: it is checked at once, and the poll
 * goes on for the timeout again (at most 10 s) before it gives up.
 */
export async function pollWithBackoff<T>(check: (attempt: number, signal: AbortSignal) => Promise<T | undefined>, options: PollOptions): Promise<T> {
  const { signal, timeout, factor = 1.5, maxInterval = 15_000 } = options;
  // The timers' clock: Date.now() jumps when the computer wakes up.
  let deadline = performance.now() + timeout;
  let grace = Math.min(timeout, 10_000);
  let end!: () => void;
  const late = new AbortController();
  const stop = () => late.abort();
  const onDeadline = () => {
    if (!grace || performance.now() - deadline < 1000) return stop();
    deadline = performance.now() + grace;
    timer = setTimeout(onDeadline, grace);
    grace = 0;
    end();
  };
  let timer = setTimeout(onDeadline, timeout);
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  let delay = Math.max(0, options.interval);
  let pause = delay;
  let failure: MonoError | undefined;
  try {
    for (let attempt = 1; ; attempt++) {
      // After a failed check, the browser coming back online ends the wait: the job may have finished meanwhile.
      // (Listened to by hand: AbortSignal.any is missing before Firefox 124.)
      const pausing = new AbortController();
      end = () => pausing.abort();
      late.signal.addEventListener('abort', end, { signal: pausing.signal });
      if (failure) globalThis.addEventListener?.('online', end, { signal: pausing.signal });
      await wait(pause, pausing.signal).catch((e) => {
        if (late.signal.aborted) throw e;
      });
      end(); // and its listeners go
      const result = await check(attempt, late.signal).then(
        (value) => ((failure = undefined), value),
        (e) => {
          if (late.signal.aborted) throw e;
          failure = toMonoError(e);
          if (!failure.transient || performance.now() + (failure.retryAfter ?? 0) * 1000 > deadline) throw failure;
        },
      );
      if (result !== undefined) return result;
      delay = Math.min(maxInterval, delay * factor);
      pause = failure ? Math.max(delay, 1000, (failure.retryAfter ?? 0) * 1000) : delay;
    }
  } catch (e) {
    if (late.signal.aborted && !signal.aborted) throw failure ?? new MonoError('timeout', `Not finished after ${timeout} ms`);
    throw e;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}
