// The host backend used by the runnable examples (and usable by the demo's dev server): live against
// Mono when MONO_SECRET_KEY is set, else the offline sandbox.
//
// Environment: MONO_SECRET_KEY, MONO_WEBHOOK_SECRET, MONO_REDIRECT_URL (where Mono's hosted page returns),
// MONO_BASE_URL (default https://api.withmono.com).
//
// In your app, import from 'mono-elements/server'. The "session" here is a cookie naming an in-memory
// list of the accounts this browser linked: replace it with your own users and database.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMonoHandler, toNodeHandler, type NodeMiddleware } from '../src/server/index.js';

const SESSION_COOKIE = 'demo_session';
const SESSION_IN_COOKIE = /(?:^|;\s*)demo_session=([A-Za-z0-9_-]{16,64})/;

export interface DemoBackend {
  mode: 'live' | 'sandbox';
  /** Node/Express/Connect middleware for `basePath`; other paths go to `next()`. */
  middleware: NodeMiddleware;
}

export function createDemoBackend(env: Record<string, string | undefined> = process.env, basePath = '/api/mono'): DemoBackend {
  const linkedAccounts = new Map<string, Set<string>>(); // session id → account ids (your database)
  const sessionOf = (request: Request) => SESSION_IN_COOKIE.exec(request.headers.get('cookie') ?? '')?.[1] ?? null;

  const secretKey = env.MONO_SECRET_KEY?.trim() || undefined;
  if (secretKey && !env.MONO_REDIRECT_URL) {
    throw new Error('Live mode needs MONO_REDIRECT_URL: the absolute URL of this site that Mono returns to, e.g. http://localhost:8787/');
  }
  if (secretKey) {
    console.warn(
      [
        '',
        '  *************************************************************************',
        `  *  LIVE MODE: ${basePath} calls Mono with your secret key.`.padEnd(74) + '*',
        '  *  Live keys bill your Mono wallet; every account route asks authorize. *',
        '  *************************************************************************',
        '',
      ].join('\n'),
    );
  }

  const webhookSecret = env.MONO_WEBHOOK_SECRET?.trim() || undefined;
  const handler = createMonoHandler({
    secretKey,
    basePath,
    baseUrl: env.MONO_BASE_URL || undefined,
    // Live mode refuses to start without this: may this browser's user see this account?
    authorize: (request, accountId) => {
      const session = sessionOf(request);
      return session !== null && linkedAccounts.get(session)?.has(accountId) === true;
    },
    // The customer linking an account comes from your session, never from the browser. One per session here, so
    // that a link completed by its reference goes only to the session that started it.
    customer: (request) => {
      const session = sessionOf(request);
      return session ? { name: 'Demo Customer', email: `demo.${session.slice(0, 12)}@example.ng` } : null;
    },
    // Absolute and fixed: never built from the request, whose host the caller chooses.
    redirectUrl: env.MONO_REDIRECT_URL || undefined,
    onAccountLinked: ({ accountId, request }) => {
      const session = sessionOf(request);
      if (!session) throw new Error('no session');
      const accounts = linkedAccounts.get(session) ?? new Set<string>();
      accounts.add(accountId);
      linkedAccounts.set(session, accounts);
    },
    webhookSecret,
    // With no key, these hooks go unused: the sandbox on purpose (createMonoHandler refuses it by accident).
    sandbox: secretKey ? undefined : {},
    onWebhook: webhookSecret
      ? (event) => {
          // Acknowledge fast; hand slow work to a queue.
          console.info(`webhook ${event.type} (${event.event}) for account ${event.accountId ?? '?'}`);
        }
      : undefined,
  });
  const api = toNodeHandler(handler, { onlyUnder: `${basePath}/` });

  /** Gives each browser a session cookie before the handler reads the request. */
  function ensureSession(req: IncomingMessage, res: ServerResponse): void {
    if (SESSION_IN_COOKIE.test(req.headers.cookie ?? '')) return;
    const id = randomBytes(24).toString('base64url');
    req.headers.cookie = [req.headers.cookie, `${SESSION_COOKIE}=${id}`].filter(Boolean).join('; ');
    res.setHeader('set-cookie', `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`);
  }

  return {
    mode: secretKey ? 'live' : 'sandbox',
    middleware: (req, res, next) => {
      if (secretKey && (req.url ?? '').startsWith(`${basePath}/`)) ensureSession(req, res);
      api(req, res, next);
    },
  };
}
