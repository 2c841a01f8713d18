// Builds test/hardening/page with Vite (a production build, as a host would ship it) and serves it next to
// the sandbox host backend, with the strict Content-Security-Policy a careful merchant would send.
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { createSandboxHandler, toNodeHandler } from '../../src/server/index.js';

/** What the README tells hosts to send: the kit needs nothing beyond 'self' plus Mono's widget frames. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  "frame-src 'self' https://connect.mono.co https://link.mono.co",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

export interface HardeningServer {
  url: string;
  close(): Promise<void>;
}

/** `csp: false` serves the same page without the header (for axe-core, which is injected); `policy` replaces STRICT_CSP. */
export async function startHardeningServer(options: { csp?: boolean; policy?: string } = {}): Promise<HardeningServer> {
  const root = resolve('test/hardening/page');
  const outDir = await mkdtemp(join(tmpdir(), 'mono-hardening-page-'));
  await build({
    configFile: false,
    root,
    base: '/',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, modulePreload: { polyfill: false }, reportCompressedSize: false },
  });
  const api = toNodeHandler(createSandboxHandler({ basePath: '/api/mono' }), { onlyUnder: '/api/mono' });
  const axe = await readFile(resolve('node_modules/axe-core/axe.min.js'));
  const server: Server = createServer((req, res) => {
    api(req, res, async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/axe.min.js') {
        res.writeHead(200, { 'content-type': TYPES['.js'] }).end(axe);
        return;
      }
      const file = resolve(outDir, `.${path === '/' ? '/index.html' : decodeURIComponent(path)}`);
      if (!file.startsWith(outDir + sep)) {
        res.writeHead(403).end();
        return;
      }
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (options.csp !== false) headers['content-security-policy'] = options.policy ?? STRICT_CSP;
      res.writeHead(200, headers).end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
