import * as z from 'zod/mini';
import { isRecord, optionalDate, optionalText, run, text, unrecognised, type ParseResult } from './common.js';

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

const webUrl = z.pipe(
  z.string(),
  z.transform((raw, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      url = undefined;
    }
    if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url.href;
    ctx.issues.push({ code: 'custom', message: 'expected an http(s) URL', input: raw });
    return z.NEVER;
  }),
);

const initiation = z.object({
  data: z.object({
    mono_url: webUrl,
    customer: z.optional(z.nullable(z.union([text, z.object({ id: text })]))),
    meta: z.optional(z.nullable(z.object({ ref: optionalText }))),
    scope: optionalText,
    account: optionalText,
    created_at: optionalDate,
  }),
});

export function parseInitiation(body: unknown): ParseResult<Initiation> {
  if (!isRecord(body)) return unrecognised('initiate');
  const r = run(initiation, body);
  if (!r.ok) return r;
  const d = r.value.data;
  return {
    ok: true,
    value: {
      monoUrl: d.mono_url,
      customerId: typeof d.customer === 'string' ? d.customer : (d.customer?.id ?? null),
      reference: d.meta?.ref ?? null,
      scope: d.scope,
      accountId: d.account,
      createdAt: d.created_at,
    },
  };
}

/** v2 answers `{ id }` bare per the integration guide; wrappers see `{ data: { id } }`. Both are accepted. */
export function parseExchange(body: unknown): ParseResult<Exchange> {
  if (!isRecord(body)) return unrecognised('exchange');
  const r = run(z.object({ id: text }), isRecord(body.data) ? body.data : body);
  if (!r.ok) return { ok: false, issue: { ...r.issue, path: isRecord(body.data) ? `data.${r.issue.path}` : r.issue.path } };
  return { ok: true, value: { accountId: r.value.id } };
}
