// A complete host backend on Node's own http server, serving the kit's contract at /api/mono:
//
//   node --import tsx examples/node-server.ts                                   # offline sandbox
//   MONO_SECRET_KEY=test_sk_… MONO_REDIRECT_URL=http://localhost:8787/ MONO_WEBHOOK_SECRET=… node --import tsx examples/node-server.ts   # live
//
// Also PORT (default 8787; 0 = any free port) and HOST (default 127.0.0.1). See demo-backend.ts for the
// hooks (authorize, customer, redirectUrl, onAccountLinked, onWebhook).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoBackend } from './demo-backend.js';

const backend = createDemoBackend(process.env);

const server = createServer((req, res) => {
  backend.middleware(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The Mono host backend lives under /api/mono\n');
  });
});

server.listen(Number(process.env.PORT ?? 8787), process.env.HOST || '127.0.0.1', () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`Mono host backend (${backend.mode}) listening on http://${address}:${port}/api/mono`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
