// The bench's own HTTP server: the built bench pages as static files plus the real sandbox at /api/mono,
// with a request log (for the network figures) and per-path latency switched from node (for connect).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxHandler, toNodeHandler } from '../../src/server/index.js';
import { staticFiles } from '../../src/server/sandbox/serve.js';

export const API_BASE = '/api/mono';

export interface LoggedRequest {
  method: string;
  /** Path under /api/mono, without the query, e.g. `accounts/acc_demo/transactions`. */
  path: string;
  query: string;
  status: number;
  /** Body bytes sent (the sandbox does not compress). */
  bytes: number;
  at: number;
}

export interface BenchServer {
  url: string;
  log: LoggedRequest[];
  /** Every request to a path matching `path` waits `ms` first (the sandbox's own latency switch). */
  setLatency(path: RegExp | null, ms?: number): void;
  close(): Promise<void>;
}

export async function startBenchServer(staticRoot: string): Promise<BenchServer> {
  const sandbox = createSandboxHandler({ basePath: API_BASE });
  const log: LoggedRequest[] = [];
  let latency: { path: RegExp; ms: number } | null = null;

  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.slice(API_BASE.length + 1);
    let forwarded = request;
    if (latency && latency.path.test(path)) {
      const headers = new Headers(request.headers);
      headers.set('x-sandbox-latency', String(latency.ms));
      forwarded = new Request(request, { headers });
    }
    const response = await sandbox(forwarded);
    const body = await response.arrayBuffer();
    log.push({ method: request.method, path, query: url.search, status: response.status, bytes: body.byteLength, at: Date.now() });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  const api = toNodeHandler(handler, { onlyUnder: API_BASE });
  const files = staticFiles(staticRoot);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    api(req, res, () => void files(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    setLatency(path, ms = 0) {
      latency = path ? { path, ms } : null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
