// How one request reaches the host backend: headers, credentials, a time limit, the caller's abort,
// and every failure as a MonoError. MonoClient has it up front; the connect button's MonoClientCore
// loads it with its first request (a page that only shows the button has nothing to send).
import type { CallInit, ClientSettings } from './core.js';
import { MonoError, toMonoError } from './errors.js';
import { isRecord, type SchemaIssue } from '../model/base.js';

/** Resolves with `work` unless the caller's signal aborts first; `release` runs once either way. */
export function withSignal(work: Promise<unknown>, controller: AbortController, signal?: AbortSignal, release?: () => void) {
  const done = release ?? (() => controller.abort());
  return new Promise((resolve, reject) => {
    let finished = false;
    const finish = () => {
      if (finished) return false;
      finished = true;
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const onAbort = () => {
      if (!finish()) return;
      done();
      reject(new MonoError('aborted', 'The request was cancelled'));
    };
    if (signal?.aborted) {
      work.catch(() => {}); // ended by the abort: its own failure is nobody's to hear
      return onAbort();
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        if (finish()) {
          if (release) release();
          resolve(v);
        }
      },
      (e) => {
        if (finish()) {
          if (release) release();
          reject(toMonoError(e));
        }
      },
    );
  });
}

/** A body that matches no shape the kit accepts: where it broke and why. */
export const invalidResponse = (issue: SchemaIssue, status?: number) =>
  new MonoError('invalid-response', `Unexpected response${issue.path ? ` at ${issue.path}` : ''}: ${issue.message}`, { status, path: issue.path });

/** Failures on the way of requests that must never be sent again on their own (POSTs, `once` GETs): they may have arrived. */
export const sentOnce = new WeakSet<MonoError>();

/** One attempt at one request: the answer parsed, or a `MonoError` of the right kind. */
export async function send<T>(options: ClientSettings, init: CallInit<T>, url: string, signal: AbortSignal): Promise<T> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  // The time limit and the caller's abort cover the headers too: a token fetched for the request may hang, and a
  // request given up while it was fetched must never leave the page (a POST would run with nobody waiting).
  const attemptController = new AbortController();
  const attempt = attemptController.signal;
  // The time limit is for the answer to start, then for each stall in its body, never for the whole download: on a
  // slow phone line a long answer that keeps arriving would be cut at the limit and fetched again from its start.
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restartTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      attemptController.abort();
    }, options.timeout);
  };
  restartTimer();
  const onAbort = () => attemptController.abort();
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  let response: Response;
  let text: string;
  try {
    let headers = headersOf(options, init);
    if (isThenable(headers)) headers = (await withSignal(Promise.resolve(headers), attemptController, attempt)) as Headers;
    attempt.throwIfAborted();
    // Raced with the signal, as the body is cancelled below: a host's own fetch may not pass the signal on.
    const fetching = fetchImpl(url, {
      method: init.method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: options.credentials,
      signal: attempt,
    });
    response = (await withSignal(fetching, attemptController, attempt)) as Response;
    // Each piece of the body restarts the clock; the abort cancels the body.
    const reader = response.body?.getReader?.();
    const pieces: BlobPart[] = [];
    attempt.addEventListener('abort', () => reader?.cancel().catch(() => {}));
    if (reader) for (let piece; !(piece = await reader.read()).done; restartTimer()) pieces.push(piece.value);
    attempt.throwIfAborted();
    // Decoded as Response.text() does (Blob.text() reads a UTF-16 byte-order mark in some engines, not in others).
    text = reader ? new TextDecoder().decode(await new Blob(pieces).arrayBuffer()) : await response.text();
  } catch (cause) {
    const error = timedOut
      ? new MonoError('timeout', `No answer within ${options.timeout} ms`, { cause })
      : signal.aborted
        ? new MonoError('aborted', 'The request was cancelled', { cause })
        : cause instanceof MonoError
          ? cause
          : new MonoError('network', 'The host backend could not be reached', { cause });
    if (init.method !== 'GET' || init.once) sentOnce.add(error);
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }

  let body: unknown;
  let isJson = true;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    isJson = false;
  }
  if (!response.ok) throw httpError(response, isJson ? body : null);
  if (!isJson) throw new MonoError('invalid-response', 'The response is not JSON', { status: response.status });
  const parsed = await init.parse(body);
  if (!parsed.ok) throw invalidResponse(parsed.issue, response.status);
  return parsed.value;
}

/**
 * The request's headers, at once unless the host's `headers` function answers with a promise (a request with its
 * headers at hand goes out inside the click that asked for it). The option failing is a `config` error: the host's
 * own setting, never retried.
 */
function headersOf(options: ClientSettings, init: CallInit<unknown>): Headers | PromiseLike<Headers> {
  const failed = (cause: unknown): never => {
    throw new MonoError('config', `The headers option failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  };
  const build = (given: HeadersInit | undefined) => {
    const headers = new Headers(given);
    headers.set('accept', 'application/json');
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    return headers;
  };
  try {
    const given = typeof options.headers === 'function' ? options.headers() : options.headers;
    // A thenable, not `instanceof Promise`: another window's promise, or a library's.
    return isThenable(given) ? Promise.resolve(given).then(build).catch(failed) : build(given);
  } catch (cause) {
    return failed(cause);
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

const REAUTH = /reauthori[sz]ation[ _-]?required/i;

function httpError(response: Response, body: unknown): MonoError {
  const record = isRecord(body) ? body : {};
  const message = typeof record.message === 'string' && record.message ? record.message : `HTTP ${response.status}`;
  const code = typeof record.code === 'string' ? record.code : '';
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  if (REAUTH.test(code) || REAUTH.test(message) || response.headers.get('x-reauth-required') === 'true') {
    return new MonoError('reauth-required', message, { status: response.status });
  }
  return new MonoError('http', message, { status: response.status, retryAfter });
}
