import { isRecord } from './body.js';
import { describeError, type Logger, type Redactor } from './redact.js';
import { HttpError } from './respond.js';

export interface UpstreamConfig {
  baseUrl: URL;
  secretKey: string;
  fetch: typeof fetch;
  /** Per upstream call, in ms: until the whole JSON body arrived, or until a PDF's headers arrived. */
  timeout: number;
  redact: Redactor;
  log: Logger;
}

export interface UpstreamRequest {
  method: 'GET' | 'POST';
  /** Built only from literals and validated ids, e.g. `/v2/accounts/<id>/identity`. */
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  headers?: Record<string, string>;
  /** The incoming request's signal: a client that goes away cancels the upstream call. */
  signal: AbortSignal;
}

export interface UpstreamJson {
  status: number;
  headers: Headers;
  /** Mono's body as sent (with any secret redacted). */
  text: string;
  json: unknown;
}

interface Sent {
  response: Response;
  /** Stops the timeout and unlinks the client signal. */
  release(): void;
  timedOut(): boolean;
}

const REAUTH = /reauthori[sz]ation[ _-]?required/i;
const PLAUSIBLE_CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const RETRY_AFTER = /^(?:\d{1,6}|[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT)$/;
const MAX_MESSAGE = 300;

/** Runs of ten or more digits (a BVN, an account or phone number) in Mono's words, for the browser and the log alike. */
const maskNumbers = (text: string) => text.replace(/\d{10,}/g, '[number]');
const PDF_TYPES = /^(application\/pdf|application\/octet-stream|binary\/octet-stream)\s*(;|$)/i;
const PDF_SIGNATURE = [...new TextEncoder().encode('%PDF-')];

export class Upstream {
  readonly origin: string;

  constructor(private readonly config: UpstreamConfig) {
    this.origin = config.baseUrl.origin;
  }

  url(path: string, query?: URLSearchParams): URL {
    const prefix = this.config.baseUrl.pathname.replace(/\/+$/, '');
    const url = new URL(`${prefix}${path}`, this.config.baseUrl.origin);
    if (query && [...query.keys()].length > 0) url.search = query.toString();
    return url;
  }

  /** Calls Mono and returns its JSON; any failure is an `HttpError` ready to send. */
  async json(request: UpstreamRequest): Promise<UpstreamJson> {
    const url = this.url(request.path, request.query);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const sent = await this.send(url, request.method, headers, request.body === undefined ? undefined : JSON.stringify(request.body), request.signal, true);
    let raw: string;
    try {
      raw = await sent.response.text();
    } catch (error) {
      throw this.transportError(error, request.signal, sent, url);
    } finally {
      sent.release();
    }
    const { response } = sent;
    if (!response.ok) throw this.failure(response, raw, `${request.method} ${url.pathname}`);
    const { text, json } = this.redactBody(raw);
    if (json === undefined) {
      this.config.log.warn(`Mono answered ${request.method} ${url.pathname} with HTTP ${response.status} and a body that is not JSON`);
      throw new HttpError(502, 'upstream-invalid', 'Mono answered with something that is not JSON');
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  /** A body of Mono's with every secret redacted, and its JSON (undefined when it is not JSON). */
  private redactBody(raw: string): { text: string; json: unknown } {
    let text = this.config.redact(raw);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { text, json: undefined };
    }
    if (text.includes('\\')) {
      // An escape can spell a secret that the raw text hides ("live\u005fsk_…", "whsec\/…"): redacted again once decoded.
      const decoded = JSON.stringify(json);
      const clean = this.config.redact(decoded);
      if (clean !== decoded) [text, json] = [clean, JSON.parse(clean)];
    }
    return { text, json };
  }

  /**
   * The statement PDF, its body to stream back. `withKey` sends the key (only ever to Mono's own origin). Resolves
   * once the headers and the first bytes arrived, within the timeout; the rest then streams without it. Anything
   * that does not start as a PDF does is refused: the key went with the request, and an endpoint echoing it back
   * must not reach the browser.
   */
  async pdf(url: URL, signal: AbortSignal, withKey: boolean): Promise<{ body: ReadableStream<Uint8Array>; length: string | null }> {
    const sent = await this.send(url, 'GET', { accept: 'application/pdf' }, undefined, signal, withKey && url.origin === this.origin);
    const { response } = sent;
    try {
      if (!response.ok) throw this.failure(response, await response.text(), `GET ${url.pathname}`);
      const type = response.headers.get('content-type');
      const body = type === null || PDF_TYPES.test(type) ? await pdfBody(response) : null;
      if (!body) {
        await response.body?.cancel().catch(() => {});
        this.config.log.warn(`Mono answered GET ${url.pathname} with something that is not a PDF (${type ?? 'no content type'})`);
        throw new HttpError(502, 'upstream-invalid', 'Mono did not answer with a PDF');
      }
      return { body, length: response.headers.get('content-length') };
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw this.transportError(error, signal, sent, url);
    } finally {
      sent.release();
    }
  }

  /**
   * Maps a non-2xx answer (`raw`, its body as received) to our error: Mono's message and status kept, a refused
   * key made a 502. Everything taken from the body is redacted first, as a success body is.
   */
  failure(response: Response, raw: string, what: string): HttpError {
    const { status } = response;
    // undefined for an HTML error page from a proxy, say
    const body = this.redactBody(raw).json;
    const record = isRecord(body) ? body : {};
    const given = [record.message, record.error, isRecord(record.data) ? record.data.message : undefined].find(
      (m): m is string => typeof m === 'string' && m.trim() !== '',
    );
    const message = given ? maskNumbers(this.config.redact(given.trim())).slice(0, MAX_MESSAGE) : `Mono answered HTTP ${status}`;
    // A code is copied only as Mono could have meant it: a redacted one (a key, say) is dropped, not cut.
    const monoCode = typeof record.code === 'string' && PLAUSIBLE_CODE.test(record.code) && this.config.redact(record.code) === record.code ? record.code : null;
    const reauth = response.headers.get('x-reauth-required') === 'true' || REAUTH.test(message) || (monoCode !== null && REAUTH.test(monoCode));

    if (status >= 300 && status < 400) {
      this.config.log.warn(`Mono answered ${what} with a redirect (HTTP ${status}); not followed`);
      return new HttpError(502, 'upstream-invalid', `Mono answered with an unexpected redirect (HTTP ${status})`);
    }
    // A 401 or 403 that says the holder must sign in again is about the account, not the host's key. It reaches the
    // browser as a 403: a 401 there reads as the host's own sign-in having lapsed.
    if (reauth && (status === 401 || status === 403)) {
      // Logged: a refused key whose words happened to match would otherwise pass without a trace.
      this.config.log.warn(`Mono answered ${what} with HTTP ${status}, read as reauthorisation required: ${message}`);
      return new HttpError(403, 'reauthorisation-required', message, {}, true);
    }
    if (status === 401 || status === 403) {
      this.config.log.error(`Mono refused the secret key for ${what} (HTTP ${status}): ${message}`);
      // Mono's own words stay in the log: a browser learns only that the host's key was refused.
      return new HttpError(502, 'upstream-auth', `Mono refused the host backend's credentials (HTTP ${status}); its log has the details`);
    }
    const headers: Record<string, string> = {};
    const retryAfter = response.headers.get('retry-after')?.trim();
    if ((status === 429 || status === 503) && retryAfter && RETRY_AFTER.test(retryAfter)) headers['retry-after'] = retryAfter;
    if (status >= 500) this.config.log.warn(`Mono answered ${what} with HTTP ${status}: ${message}`);
    const code = monoCode ?? (status === 429 ? 'rate-limited' : status >= 500 ? 'upstream-error' : status === 404 ? 'not-found' : 'upstream-error');
    // A failure on Mono's side is about Mono's insides (hosts, stack traces), nothing the browser can act on: its words stay in the log.
    const said = status >= 500 && !reauth ? `Mono could not answer (HTTP ${status}); the host backend's log has the details` : message;
    return new HttpError(status >= 400 && status <= 599 ? status : 502, code, said, headers, reauth);
  }

  private async send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, signal: AbortSignal, withKey: boolean): Promise<Sent> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.config.timeout);
    const onClientGone = () => controller.abort();
    if (signal.aborted) controller.abort();
    else signal.addEventListener('abort', onClientGone, { once: true });
    const sent: Sent = {
      response: undefined as unknown as Response,
      release: () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onClientGone);
      },
      timedOut: () => timedOut,
    };
    const outgoing = new Headers(headers);
    outgoing.set('user-agent', 'mono-elements');
    if (withKey) outgoing.set('mono-sec-key', this.config.secretKey);
    try {
      // Redirects are never followed: a custom header such as mono-sec-key would travel to the new host.
      sent.response = await this.config.fetch(url.href, { method, headers: outgoing, body, redirect: 'manual', signal: controller.signal });
    } catch (error) {
      throw this.transportError(error, signal, sent, url);
    }
    return sent;
  }

  private transportError(error: unknown, clientSignal: AbortSignal, sent: Sent, url: URL): HttpError {
    sent.release();
    if (sent.timedOut()) {
      this.config.log.warn(`Mono did not answer ${url.pathname} within ${this.config.timeout} ms`);
      return new HttpError(504, 'upstream-timeout', `Mono did not answer within ${this.config.timeout} ms`);
    }
    if (clientSignal.aborted) return new HttpError(499, 'bad-request', 'The client went away');
    const cause = error instanceof Error && error.cause !== undefined ? ` (${describeError(error.cause)})` : '';
    this.config.log.warn(`Mono could not be reached for ${url.pathname}: ${describeError(error)}${cause}`);
    return new HttpError(502, 'upstream-unreachable', 'Mono could not be reached');
  }
}

/**
 * The body again, if it starts with a PDF's signature, else null. Only the first chunks are read to see it (a
 * statement can be large); they are sent on ahead of the rest.
 */
async function pdfBody(response: Response): Promise<ReadableStream<Uint8Array> | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const head: Uint8Array[] = [];
  let length = 0;
  while (length < PDF_SIGNATURE.length) {
    const { done, value } = await reader.read();
    if (done) break;
    head.push(value);
    length += value.byteLength;
  }
  const start = head.flatMap((chunk) => [...chunk.subarray(0, PDF_SIGNATURE.length)]);
  if (!PDF_SIGNATURE.every((byte, i) => start[i] === byte)) {
    await reader.cancel().catch(() => {});
    return null;
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
