/** Why a request failed; also the `code` field of every error body, so hosts and the kit can branch on it. */
export type ErrorCode =
  | 'not-found'
  | 'bad-request'
  | 'unauthenticated'
  | 'forbidden'
  | 'method-not-allowed'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'not-ready'
  | 'rate-limited'
  | 'upstream-auth'
  | 'upstream-error'
  | 'upstream-invalid'
  | 'upstream-timeout'
  | 'upstream-unreachable'
  | 'host-error'
  | 'link-unknown'
  | 'link-pending'
  | 'reauthorisation-required';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'not-ready',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  502: 'upstream-error',
  503: 'upstream-error',
  504: 'upstream-timeout',
};

/** The `code` of an error answer that has no more precise one (the Node adapter's own, the sandbox's). */
export const codeForStatus = (status: number): ErrorCode => CODE_BY_STATUS[status] ?? (status >= 500 ? 'host-error' : 'bad-request');

const BASE_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function headersWith(extra: Record<string, string> = {}): Headers {
  const headers = new Headers(BASE_HEADERS);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return headers;
}

/** A JSON body that is already text (Mono's answer, forwarded byte for byte). */
export function jsonText(text: string, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: headersWith({ 'content-type': 'application/json; charset=utf-8', ...extra }) });
}

export function jsonBody(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return jsonText(JSON.stringify(body), status, extra);
}

/** The failure envelope Mono uses (`{ status: 'failed', message, timestamp, data: null }`) plus our `code`. */
export function errorResponse(status: number, code: string, message: string, extra: Record<string, string> = {}): Response {
  return jsonBody({ status: 'failed', message, code, timestamp: new Date().toISOString(), data: null }, status, extra);
}

/** Thrown inside the live handler and turned into `errorResponse` at the top. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** An `ErrorCode`, or Mono's own `code` when an upstream error carried a plausible one. */
    readonly code: ErrorCode | (string & {}),
    message: string,
    readonly headers: Record<string, string> = {},
    /** Mono said the account needs reauthorisation (message, code or `x-reauth-required`). */
    readonly reauth = false,
  ) {
    super(message);
  }

  toResponse(): Response {
    // The code says it across origins too (a response header needs Access-Control-Expose-Headers there).
    return this.reauth
      ? errorResponse(this.status, 'reauthorisation-required', this.message, { ...this.headers, 'x-reauth-required': 'true' })
      : errorResponse(this.status, this.code, this.message, this.headers);
  }
}

type FixedLengthStreamClass = new (length: number) => TransformStream<Uint8Array, Uint8Array>;

/**
 * The body as one of `length` bytes where the runtime needs telling: workerd (Cloudflare Workers) ignores
 * content-length on a streamed body and sends it chunked, and when the stream then fails (Mono's connection drops
 * half-way) it still ends the chunked body normally, so the browser would save a cut statement as a whole one.
 * Its FixedLengthStream sends the length and breaks the response when fewer bytes come, as Node, Deno and Bun do.
 */
export function withDeclaredLength(body: ReadableStream<Uint8Array>, length: string | number | null): ReadableStream<Uint8Array> {
  const Fixed = (globalThis as { FixedLengthStream?: FixedLengthStreamClass }).FixedLengthStream;
  if (length === null || typeof Fixed !== 'function') return body;
  return body.pipeThrough(new Fixed(Number(length)));
}
