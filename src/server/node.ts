import type { IncomingMessage, ServerResponse } from 'node:http';
import { codeForStatus } from './live/respond.js';

export interface NodeHandlerOptions {
  /** Largest request body accepted; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Only paths under this prefix reach the handler; others call `next()` (or get 404 without one). */
  onlyUnder?: string;
}

export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

const DEFAULT_MAX_BODY = 1024 * 1024;

/** Express and Connect keep the unmounted path here. */
type MaybeRoutedRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

class BodyTooLarge extends Error {}

function isUnder(pathname: string, prefix: string): boolean {
  const base = prefix.replace(/\/+$/, '');
  return base === '' || pathname === base || pathname.startsWith(`${base}/`);
}

function requestUrl(req: MaybeRoutedRequest): URL {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? 'localhost';
  return new URL(req.originalUrl ?? req.url ?? '/', `${encrypted ? 'https' : 'http'}://${host}`);
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

/**
 * The body as a stream that reads `req` only when the handler reads it, so a request refused by routing or a hook
 * is never buffered. Past `limit` it errors and calls `onTooLarge`.
 */
function lazyBody(req: IncomingMessage, res: ServerResponse, limit: number, onTooLarge: () => void): ReadableStream<Uint8Array> {
  let size = 0;
  let reading = false;
  let settled = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const onData = (chunk: Buffer | string): void => {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk);
    size += bytes.byteLength;
    if (size > limit) {
      stop();
      onTooLarge();
      controller.error(new BodyTooLarge());
      return;
    }
    controller.enqueue(bytes);
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  const onEnd = (): void => {
    stop();
    controller.close();
  };
  const onError = (error: unknown): void => {
    stop();
    controller.error(error);
  };
  const onClose = (): void => onError(new Error('The request body was cut short'));
  // Node discards a body nobody started reading once the response is sent, not one read in part: do the same here,
  // so a keep-alive connection is not left stuck behind the unread rest.
  const stop = (): void => {
    if (settled) return;
    settled = true;
    req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    res.off('close', onClose);
    req.resume();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        if (settled) return;
        // Node discards a body still unread once the response is sent: read after that, it is gone (in whole or
        // in part), which must not pass for an empty or a shorter body.
        if (!reading && res.writableEnded) return onError(new Error('The request body was not read before the response was sent'));
        if (req.readableEnded) return onEnd();
        if (req.destroyed) return onClose();
        if (!reading) {
          reading = true;
          req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
          res.once('close', onClose);
        }
        req.resume();
      },
      cancel: stop,
    },
    // Nothing is read before the handler asks.
    { highWaterMark: 0 },
  );
}

/** The body for the handler: one a parser already read (Express) as it is, else `req` read lazily. */
function requestBody(req: MaybeRoutedRequest, res: ServerResponse, limit: number, onTooLarge: () => void): BodyInit {
  if (req.readableEnded && req.body !== undefined) {
    const parsed = req.body;
    const text = typeof parsed === 'string' ? parsed : parsed instanceof Uint8Array ? parsed : JSON.stringify(parsed);
    if ((typeof text === 'string' ? new TextEncoder().encode(text).byteLength : text.byteLength) > limit) throw new BodyTooLarge();
    return text as BodyInit;
  }
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new BodyTooLarge();
  return lazyBody(req, res, limit, onTooLarge);
}

/**
 * A body still arriving when the answer goes out was not read to its end: keeping the connection would take the
 * rest in whatever its size, so the answer says `connection: close` (Node drops what comes until it closes).
 */
function closeIfBodyUnread(res: ServerResponse): void {
  if (!res.req.complete) res.setHeader('connection', 'close');
}

function sendJson(res: ServerResponse, status: number, message: string, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  closeIfBodyUnread(res);
  const body = JSON.stringify({ status: 'failed', message, code: codeForStatus(status), timestamp: new Date().toISOString(), data: null });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': new TextEncoder().encode(body).byteLength, ...extraHeaders });
  res.end(body);
}

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function writeResponse(response: Response, res: ServerResponse, method: string): Promise<void> {
  res.statusCode = response.status;
  closeIfBodyUnread(res);
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body || method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const onClose = (): void => {
    reader.cancel().catch(() => {});
  };
  res.once('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) await waitForDrain(res);
    }
    res.end();
  } catch (error) {
    // The body failed half-way: drop the connection so the client sees a broken response, not a short one.
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  } finally {
    res.off('close', onClose);
  }
}

/**
 * Adapts a fetch-API handler to Node's `http` server, Express and Connect/Vite middleware:
 * builds a `Request` (absolute URL from Host, headers, a size-limited body read only when the handler reads it,
 * an AbortSignal that fires when the client disconnects) and streams the `Response` back.
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>, options: NodeHandlerOptions = {}): NodeMiddleware {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;

  return (req: MaybeRoutedRequest, res, next) => {
    let url: URL;
    try {
      url = requestUrl(req);
    } catch {
      sendJson(res, 400, 'Bad request URL');
      return;
    }
    if (options.onlyUnder !== undefined && !isUnder(url.pathname, options.onlyUnder)) {
      if (next) next();
      else sendJson(res, 404, `Not found: ${req.method} ${url.pathname}`);
      return;
    }

    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new DOMException('The client disconnected', 'AbortError'));
    });

    const method = (req.method ?? 'GET').toUpperCase();
    let tooLarge = false;
    const refuseTooLarge = (): void => {
      sendJson(res, 413, `Request body larger than ${maxBodyBytes} bytes`, { connection: 'close' });
      req.resume();
    };
    void (async () => {
      let body: BodyInit | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        try {
          body = requestBody(req, res, maxBodyBytes, () => (tooLarge = true));
        } catch (error) {
          // Not only the limit: a parsed body JSON.stringify refuses (a BigInt, a cycle) is the server's fault.
          if (error instanceof BodyTooLarge) refuseTooLarge();
          else if (next) next(error);
          else sendJson(res, 500, 'Internal server error');
          return;
        }
      }
      let request: Request;
      try {
        request = new Request(url, { method, headers: toHeaders(req), body, duplex: 'half', signal: controller.signal } as RequestInit);
      } catch {
        // fetch's Request refuses CONNECT, TRACE and TRACK; thrown here it would be an unhandled rejection that stops the process.
        sendJson(res, /^(CONNECT|TRACE|TRACK)$/.test(method) ? 405 : 400, `Unsupported request: ${method}`);
        return;
      }
      let response: Response;
      try {
        response = await handler(request);
      } catch (error) {
        if (controller.signal.aborted) return;
        // The handler saw the body fail at the limit, however it reacted: the answer is the limit's.
        if (tooLarge) refuseTooLarge();
        else if (next) next(error);
        else sendJson(res, 500, 'Internal server error');
        return;
      }
      if (controller.signal.aborted || tooLarge) {
        await response.body?.cancel().catch(() => {});
        if (!controller.signal.aborted) refuseTooLarge();
        return;
      }
      await writeResponse(response, res, method);
    })();
  };
}
