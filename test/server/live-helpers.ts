// Shared by the live-handler tests: the real handler behind the Node adapter on 127.0.0.1, a log that
// keeps every line, and a record of every response body (to prove the secret never leaves).
import { createServer, request as httpRequest, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMonoHandler, toNodeHandler, type MonoHandlerOptions } from '../../src/server/index.js';

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serve(listener: RequestListener): Promise<Served> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface Capture {
  logs: string[];
  bodies: string[];
  logger: { info(m: string): void; warn(m: string): void; error(m: string): void };
}

export function capture(): Capture {
  const logs: string[] = [];
  return {
    logs,
    bodies: [],
    logger: { info: (m) => logs.push(`info ${m}`), warn: (m) => logs.push(`warn ${m}`), error: (m) => logs.push(`error ${m}`) },
  };
}

export interface Answer {
  res: Response;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface LiveServer extends Served {
  call(path: string, init?: RequestInit & { user?: string | null }): Promise<Answer>;
}

/** createMonoHandler(options) served by toNodeHandler; `call()` sends `x-user` (default "chiamaka"). */
export async function serveHandler(options: MonoHandlerOptions, seen: Capture): Promise<LiveServer> {
  const served = await serve(toNodeHandler(createMonoHandler({ logger: seen.logger, ...options })));
  return {
    ...served,
    async call(path, init = {}) {
      const headers = new Headers(init.headers);
      const user = init.user === undefined ? 'chiamaka' : init.user;
      if (user !== null) headers.set('x-user', user);
      if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
      const res = await fetch(`${served.url}/api/mono${path}`, { ...init, headers });
      const text = await res.text();
      seen.bodies.push(text);
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { res, text, json };
    },
  };
}

/** A request with a path fetch() would normalise or reject. */
export function rawRequest(url: string, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest({ host: target.hostname, port: target.port, path, method, headers: { 'x-user': 'chiamaka' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
