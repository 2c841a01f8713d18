// Hand-written on base.ts alone: these two parsers are all the connect button loads of the model, kept
// inside its bundle budget (10 kB gzip). Same contract, issue paths and messages as the schemas.
import { isRecord, kindOf, normalizeDate, unrecognised, type ParseResult, type SchemaIssue } from './base.js';

export interface Initiation {
  /** The hosted widget URL; only http(s) URLs are accepted. */
  monoUrl: string;
  customerId: string | null;
  reference: string | null;
  scope: string | null;
  accountId: string | null;
  createdAt: string | null;
}

export interface Exchange {
  accountId: string;
}

/** Thrown inside a parser only; the parser returns it as its issue. */
class Invalid {
  constructor(readonly issue: SchemaIssue) {}
}

const invalid = (path: string, message: string): never => {
  throw new Invalid({ path, message });
};

const wrongType = (path: string, expected: string, raw: unknown): never =>
  invalid(path, raw === undefined ? `missing ${expected}` : `expected ${expected}, got ${kindOf(raw)}`);

/** Text; numbers are accepted as text (ids). */
const asText = (raw: unknown): string | undefined =>
  typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;

const text = (raw: unknown, path: string): string => asText(raw) ?? wrongType(path, 'text', raw);

/** Absent or null → null. */
const optionalText = (raw: unknown, path: string): string | null => (raw === undefined || raw === null ? null : text(raw, path));

const object = (raw: unknown, path: string): Record<string, unknown> => (isRecord(raw) ? raw : wrongType(path, 'object', raw));

function webUrl(raw: unknown, path: string): string {
  if (typeof raw !== 'string') return wrongType(path, 'string', raw);
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    // not a URL
  }
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : invalid(path, 'expected an http(s) URL');
}

/** Mono's `customer`: its id as text, or an object with the id. */
function customerId(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  const id = asText(raw) ?? (isRecord(raw) ? asText(raw.id) : undefined);
  return id ?? invalid('data.customer', 'value matches none of the accepted shapes');
}

function parse<T>(read: () => T): ParseResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, issue: e.issue };
    return { ok: false, issue: { path: '', message: `unreadable response: ${String(e)}` } };
  }
}

/** Initiate's answer; with `sentRef` (the `meta.ref` sent), a reference echoed back must be that one. */
export function parseInitiation(body: unknown, sentRef?: string): ParseResult<Initiation> {
  if (!isRecord(body)) return unrecognised('initiate');
  return parse(() => {
    const d = object(body.data, 'data');
    const monoUrl = webUrl(d.mono_url, 'data.mono_url');
    const customer = customerId(d.customer);
    const meta = d.meta == null ? null : object(d.meta, 'data.meta');
    const reference = meta ? optionalText(meta.ref, 'data.meta.ref') : null;
    if (sentRef && reference && reference !== sentRef) invalid('data.meta.ref', 'not the meta.ref sent: the backend must pass it through');
    return {
      monoUrl,
      customerId: customer,
      reference,
      scope: optionalText(d.scope, 'data.scope'),
      accountId: optionalText(d.account, 'data.account'),
      createdAt: normalizeDate(d.created_at) ?? null,
    };
  });
}

/** v2 answers `{ id }` bare per the integration guide; wrappers see `{ data: { id } }`. Both are accepted. */
export function parseExchange(body: unknown): ParseResult<Exchange> {
  if (!isRecord(body)) return unrecognised('exchange');
  const enveloped = isRecord(body.data);
  const inner = (enveloped ? body.data : body) as Record<string, unknown>;
  return parse(() => ({ accountId: text(inner.id, enveloped ? 'data.id' : 'id') }));
}
