import { MonoError } from '../../client/errors.js';

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
