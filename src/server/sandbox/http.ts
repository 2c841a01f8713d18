import { codeForStatus, type ErrorCode } from '../live/respond.js';
/** Mono's own message texts, typo included (MONO_API.md §14.4). */
export const MESSAGES = {
  ok: 'Request was succesfully completed',
  okInitiate: 'Request was successfully completed',
  transactions: 'Transaction retrieved successfully',
  incomeProcessing: 'The income of this account is currently being processed, you will receive a webhook when it is ready',
} as const;

const COMMON_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'access-control-expose-headers': 'Retry-After, X-Sandbox-Fault, X-Has-New-Data, X-Job-Id, X-Job-Status, Content-Disposition',
};

export function withCommonHeaders(init: Record<string, string> = {}): Headers {
  const headers = new Headers(COMMON_HEADERS);
  for (const [name, value] of Object.entries(init)) headers.set(name, value);
  return headers;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: withCommonHeaders({ 'content-type': 'application/json; charset=utf-8', ...headers }),
  });
}

/** Mono's v2 success envelope. */
export function success(at: Date, data: unknown, options: { message?: string; meta?: unknown; headers?: Record<string, string> } = {}): Response {
  const body: Record<string, unknown> = {
    status: 'successful',
    message: options.message ?? MESSAGES.ok,
    timestamp: at.toISOString(),
    data,
  };
  if (options.meta !== undefined) body.meta = options.meta;
  return json(body, 200, options.headers);
}

/** The host's failure envelope, as the live handler sends it: Mono's `{ status: 'failed', message, timestamp, data: null }` plus `code`. */
export function failure(at: Date, status: number, message: string, headers: Record<string, string> = {}, code: ErrorCode = codeForStatus(status)): Response {
  return json({ status: 'failed', message, code, timestamp: at.toISOString(), data: null }, status, headers);
}

export function text(body: string | Uint8Array, contentType: string, headers: Record<string, string> = {}, status = 200): Response {
  return new Response(body as BodyInit, { status, headers: withCommonHeaders({ 'content-type': contentType, ...headers }) });
}
