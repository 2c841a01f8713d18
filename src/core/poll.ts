import { MonoError } from '../client/errors.js';

/** Waits `ms`, rejecting with an `aborted` MonoError as soon as `signal` aborts. */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => new MonoError('aborted', 'The wait was cancelled');
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
 * analysis): only GETs are repeated here, never the POST that started the job.
 */
export async function pollWithBackoff<T>(check: (attempt: number) => Promise<T | undefined>, options: PollOptions): Promise<T> {
  const { signal, timeout, factor = 1.5, maxInterval = 15_000 } = options;
  const deadline = Date.now() + timeout;
  let delay = Math.max(0, options.interval);
  for (let attempt = 1; ; attempt++) {
    const left = deadline - Date.now();
    if (left <= 0) throw new MonoError('timeout', `Not finished after ${timeout} ms`);
    await wait(Math.min(delay, left), signal);
    const result = await check(attempt);
    if (result !== undefined) return result;
    delay = Math.min(maxInterval, delay * factor);
  }
}
