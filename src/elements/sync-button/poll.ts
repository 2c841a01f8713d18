import { MonoError } from '../../client/errors.js';

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

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new MonoError('aborted', 'Polling was cancelled'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new MonoError('aborted', 'Polling was cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
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
