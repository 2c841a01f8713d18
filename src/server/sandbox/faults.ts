import { withDeclaredLength } from '../live/respond.js';
import { failure, text, withCommonHeaders } from './http.js';
import type { SandboxState } from './state.js';

export const FAULT_KINDS = ['500', '502', '503', '429', 'timeout', 'malformed', 'drop', 'trickle', 'html'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Each switch can come as a request header or as a query parameter (stripped before routing). */
const SWITCHES = {
  latency: ['x-sandbox-latency', '__latency'],
  fault: ['x-sandbox-fault', '__fault'],
  times: ['x-sandbox-fault-times', '__fault_times'],
  key: ['x-sandbox-fault-key', '__fault_key'],
  linkReturn: ['x-sandbox-link-return', '__link_return'],
} as const;

export const MAX_LATENCY_MS = 120_000;
export const TIMEOUT_CAP_MS = 120_000;

export interface Switches {
  latencyMs: number;
  fault: FaultKind | null;
  times: number | null;
  key: string | null;
  /** How the fake widget ends a link started by this initiate (`SandboxHandlerOptions.linkReturn`). */
  linkReturn: 'code' | 'reference' | null;
}

function read(request: Request, url: URL, [header, param]: readonly [string, string]): string | null {
  const fromQuery = url.searchParams.get(param);
  url.searchParams.delete(param);
  return fromQuery ?? request.headers.get(header);
}

/** Reads the switches and removes their query parameters from `url`. */
export function readSwitches(request: Request, url: URL): Switches | { error: string } {
  const latency = read(request, url, SWITCHES.latency);
  const fault = read(request, url, SWITCHES.fault);
  const times = read(request, url, SWITCHES.times);
  const key = read(request, url, SWITCHES.key);
  const linkReturn = read(request, url, SWITCHES.linkReturn) || null;
  if (linkReturn !== null && linkReturn !== 'code' && linkReturn !== 'reference') return { error: 'Invalid x-sandbox-link-return: expected code or reference' };

  const latencyMs = latency === null || latency === '' ? 0 : Number(latency);
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
    return { error: `Invalid x-sandbox-latency: expected an integer from 0 to ${MAX_LATENCY_MS} (ms)` };
  }
  const kind = fault === null || fault === '' ? null : fault.trim().toLowerCase();
  if (kind !== null && !(FAULT_KINDS as readonly string[]).includes(kind)) {
    return { error: `Invalid x-sandbox-fault: expected one of ${FAULT_KINDS.join(', ')}` };
  }
  const timesValue = times === null || times === '' ? null : Number(times);
  if (timesValue !== null && (!Number.isInteger(timesValue) || timesValue < 0)) {
    return { error: 'Invalid x-sandbox-fault-times: expected a non-negative integer' };
  }
  return { latencyMs, fault: kind as FaultKind | null, times: timesValue, key: key || null, linkReturn };
}

/** With a times limit, only the first N requests sharing a key are faulted; later ones go through. */
export function faultApplies(state: SandboxState, switches: Switches, defaultKey: string): boolean {
  if (switches.fault === null) return false;
  if (switches.times === null) return true;
  const key = switches.key ?? defaultKey;
  const used = state.faultCounts.get(key) ?? 0;
  if (used >= switches.times) return false;
  state.faultCounts.set(key, used + 1);
  return true;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits `ms`, rejecting as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const FAULT_HEADER = 'x-sandbox-fault';

/** Faults answered without running the request at all. */
export function immediateFault(kind: FaultKind, at: Date): Response | null {
  const headers = { [FAULT_HEADER]: kind };
  switch (kind) {
    case '500':
      return failure(at, 500, 'Internal server error (sandbox fault)', headers);
    case '502':
      return failure(at, 502, 'Bad gateway (sandbox fault)', headers);
    case '503':
      return failure(at, 503, 'Service temporarily unavailable (sandbox fault)', { ...headers, 'retry-after': '1' });
    case '429':
      return failure(at, 429, 'Too many requests (sandbox fault)', { ...headers, 'retry-after': '1' });
    case 'html':
      return text(
        '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n',
        'text/html; charset=utf-8',
        headers,
      );
    default:
      return null;
  }
}

async function bodyText(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  const body = await response.text();
  return type.includes('json') && body.length > 1 ? body : '{"status":"successful","message":"Request was succesfully completed","data":{"id":"5f171a530295e231abca1153"}}';
}

function corruptedHeaders(response: Response, kind: FaultKind): Headers {
  const headers = withCommonHeaders({ 'content-type': 'application/json; charset=utf-8', [FAULT_HEADER]: kind });
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-type') headers.set(name, value);
  });
  return headers;
}

/** `malformed`: the real answer cut short, so it is never valid JSON. */
export async function malformed(response: Response): Promise<Response> {
  const body = await bodyText(response);
  const cut = body.slice(0, Math.max(1, Math.floor(body.length * 0.6)));
  return new Response(cut, { status: response.status, headers: corruptedHeaders(response, 'malformed') });
}

/**
 * `drop`: declares the real answer's length, sends half of it, then the body stream errors as if the connection
 * dropped (the declared length makes every runtime, workerd too, end the answer as broken).
 */
export async function dropped(response: Response): Promise<Response> {
  const whole = new TextEncoder().encode(await bodyText(response));
  const part = whole.subarray(0, Math.max(1, whole.length >> 1));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(part);
      setTimeout(() => controller.error(new Error('Connection dropped (sandbox fault)')), 25);
    },
  });
  const headers = corruptedHeaders(response, 'drop');
  headers.set('content-length', String(whole.length));
  return new Response(withDeclaredLength(stream, whole.length), { status: response.status, headers });
}

/** Pieces of a `trickle` answer, and the wait before each: a slow line's 1.5 s of download. */
export const TRICKLE = { pieces: 10, everyMs: 150 };

/** `trickle`: the real answer, whole, sent in pieces over time, as a slow phone line delivers it. */
export async function trickled(response: Response, signal: AbortSignal): Promise<Response> {
  const body = new TextEncoder().encode(await bodyText(response));
  const size = Math.ceil(body.length / TRICKLE.pieces);
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        await sleep(TRICKLE.everyMs, signal);
      } catch (reason) {
        return controller.error(reason);
      }
      controller.enqueue(body.subarray(at, (at += size)));
      if (at >= body.length) controller.close();
    },
  });
  return new Response(stream, { status: response.status, headers: corruptedHeaders(response, 'trickle') });
}
