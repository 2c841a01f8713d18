import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toNodeHandler } from '../node.js';
import { createSandboxHandler, type SandboxHandlerOptions } from './handler.js';

export interface SandboxServerOptions extends SandboxHandlerOptions {
  /** Default: env PORT, else 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** When given, other paths are served as static files from this folder. */
  staticRoot?: string;
}

export interface SandboxServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(message);
}

/** Serves files under `root`; anything resolving outside it (../, encoded or not) is refused. */
export function staticFiles(root: string): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const base = resolve(root);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
    } catch {
      return plain(res, 400, 'Bad request');
    }
    if (pathname.includes('\0')) return plain(res, 400, 'Bad request');
    let file = resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + sep)) return plain(res, 403, 'Forbidden');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return plain(res, 404, 'Not found');
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch {
      plain(res, 404, 'Not found');
    }
  };
}

/** Starts the sandbox on a real port (for end-to-end tests and `node serve.ts`). */
export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const basePath = options.basePath ?? '/api/mono';
  const sandbox = toNodeHandler(createSandboxHandler({ ...options, basePath }), { onlyUnder: basePath });
  const files = options.staticRoot ? staticFiles(options.staticRoot) : null;
  const server = createServer((req, res) => {
    sandbox(req, res, () => {
      if (files) void files(req, res);
      else plain(res, 404, 'Not found');
    });
  });
  const port = options.port ?? Number(process.env.PORT ?? 0);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

const runAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (runAsScript) {
  const server = await startSandboxServer({ staticRoot: process.env.STATIC_ROOT || undefined });
  console.log(`Mono sandbox listening on ${server.url}/api/mono${process.env.STATIC_ROOT ? `; the page: ${server.url}/` : ''}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
