// A fake Mono v2 API on a real local port: answers with the MONO_API.md §14 samples, records every
// request, and runs scripted answers (errors, slow answers, real-time headers) before the defaults.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as samples from '../fixtures/mono-samples.js';

export const FAKE_KEY = 'test_sk_fAkE9x8y7z6w5v4u3t2s1r0q';
export const ACCOUNT = '683d6b5ef1c2a94e7b0c3d12';
export const OTHER_ACCOUNT = '683d6b5ef1c2a94e7b0c3d99';
export const MISSING_ACCOUNT = '683d6b5ef1c2a94e7b0c3404';
export const PDF_JOB = 'Qm3xR8tVb2LkP0aZsW1e';
export const SYNC_JOB = '683d7aa0c4e1b2f9d8a60b17';
/** A minimal PDF, sent in two chunks. */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Handles one request instead of the defaults; return false to let the defaults answer. */
export type Script = (recorded: Recorded, res: ServerResponse) => boolean | void | Promise<boolean | void>;

export interface FakeMono {
  url: string;
  requests: Recorded[];
  /** Scripts run in order, each once. */
  script(...scripts: Script[]): void;
  /** Real-time headers sent on `x-realtime: true` reads. */
  realtimeHeaders: Record<string, string>;
  close(): Promise<void>;
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startFakeMono(): Promise<FakeMono> {
  const requests: Recorded[] = [];
  const scripts: Script[] = [];
  let origin = '';
  const fake: FakeMono = {
    url: '',
    requests,
    realtimeHeaders: { 'x-has-new-data': 'true', 'x-job-id': SYNC_JOB, 'x-job-status': 'processing' },
    script: (...more) => void scripts.push(...more),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const withOrigin = (body: { data: { path: string } }) => ({ ...body, data: { ...body.data, path: `${origin}/statements/${PDF_JOB}.pdf` } });

  async function answer(recorded: Recorded, res: ServerResponse): Promise<void> {
    const script = scripts.shift();
    if (script && (await script(recorded, res)) !== false) return;

    // Mono's real 401 does not echo the key; this one does, so redaction is exercised.
    if (recorded.headers['mono-sec-key'] !== FAKE_KEY) {
      return send(res, 401, { status: 'failed', message: `Invalid secret key: ${String(recorded.headers['mono-sec-key'])}`, data: null });
    }
    const { method, path } = recorded;
    if (method === 'GET' && path === `/statements/${PDF_JOB}.pdf`) {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(PDF_BYTES.byteLength) });
      res.write(PDF_BYTES.slice(0, 10));
      setTimeout(() => res.end(PDF_BYTES.slice(10)), 5);
      return;
    }
    if (method === 'POST' && path === '/v2/accounts/initiate') {
      const body = recorded.body as { scope?: string; meta?: { ref?: string } };
      const sample = body.scope === 'reauth' ? samples.initiateReauth : samples.initiateAuth;
      return send(res, 200, { ...sample, data: { ...sample.data, meta: { ref: body.meta?.ref } } });
    }
    if (method === 'POST' && path === '/v2/accounts/auth') {
      const code = (recorded.body as { code?: string }).code;
      if (code === 'code_expired') return send(res, 400, { status: 'failed', message: 'Code has expired', data: null });
      return send(res, 200, code === 'code_envelope' ? samples.exchangeEnvelope : samples.exchangeBare);
    }
    const match = /^\/v2\/accounts\/([^/]+)(\/.*)?$/.exec(path);
    if (method !== 'GET' || !match) return send(res, 404, samples.errorNotFound);
    const [, id, rest = ''] = match;
    if (id === MISSING_ACCOUNT) return send(res, 404, samples.errorNotFound);
    const realtime = recorded.headers['x-realtime'] === 'true' ? fake.realtimeHeaders : {};
    switch (rest) {
      case '':
        return send(res, 200, samples.accountV2);
      case '/transactions':
        return send(res, 200, samples.transactionsV2, realtime);
      case '/balance':
        return send(res, 200, { status: 'successful', message: 'ok', timestamp: '2025-06-02T10:01:03.221Z', data: { id, balance: 18452375, currency: 'NGN' } }, realtime);
      case '/statement':
        return send(res, 200, recorded.query.output === 'pdf' ? withOrigin(samples.statementPdfBuilding) : samples.statementJson);
      case `/statement/jobs/${PDF_JOB}`:
        return send(res, 200, withOrigin(samples.statementPdfBuilt));
      case '/identity':
        return send(res, 200, samples.identityV2);
      case '/income':
        return send(res, 200, samples.incomeStart);
      case '/income-records':
        return send(res, 200, samples.incomeRecordsV2);
      case '/assets':
        return send(res, 200, samples.assetsV2);
      case '/earnings':
        return send(res, 200, samples.earningsV2);
      case `/jobs/${SYNC_JOB}`:
        return send(res, 200, samples.jobFinished);
      default:
        return send(res, 404, samples.errorNotFound);
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const recorded: Recorded = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: await readBody(req),
      };
      requests.push(recorded);
      await answer(recorded, res);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = origin;
  return fake;
}
