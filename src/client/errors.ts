export type MonoErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'invalid-response'
  | 'reauth-required'
  | 'aborted'
  | 'popup-blocked'
  | 'widget'
  | 'config';

export interface MonoErrorInit {
  status?: number;
  /** For `invalid-response`: where in the body the shape broke, e.g. `data.account.balance`. */
  path?: string;
  /** Seconds the server asked us to wait (429/503 `Retry-After`). */
  retryAfter?: number;
  cause?: unknown;
}

/** Every failure the kit reports: one class, told apart by `kind`. */
export class MonoError extends Error {
  override readonly name = 'MonoError';
  readonly kind: MonoErrorKind;
  readonly status?: number;
  readonly path?: string;
  readonly retryAfter?: number;

  constructor(kind: MonoErrorKind, message: string, init: MonoErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.path = init.path;
    this.retryAfter = init.retryAfter;
  }

  /** Whether a GET may be tried again on its own. */
  get transient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return this.kind === 'http' && this.status !== undefined && RETRYABLE_STATUS.has(this.status);
  }
}

export const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

export const isMonoError = (e: unknown): e is MonoError => e instanceof MonoError;

/** Wraps anything thrown into a MonoError so elements deal with one type. */
export function toMonoError(e: unknown): MonoError {
  if (e instanceof MonoError) return e;
  if (e instanceof DOMException && e.name === 'AbortError') return new MonoError('aborted', 'The request was cancelled', { cause: e });
  return new MonoError('network', e instanceof Error ? e.message : 'Network error', { cause: e });
}
