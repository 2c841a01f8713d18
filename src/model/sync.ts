import * as z from './schema.js';
import { isRecord, optionalText, run, text, unrecognised, type ParseResult } from './common.js';

export type SyncStatus = 'processing' | 'successful' | 'failed' | 'reauthorisation_required';
/** `reauthorisation_required`: the host learnt from Mono's webhook that this failed job needs the holder to sign in again. */
export type JobStatus = 'processing' | 'finished' | 'failed' | 'reauthorisation_required';

export interface SyncResult {
  status: SyncStatus;
  jobId: string | null;
  hasNewData: boolean | null;
}

export interface Job {
  id: string;
  status: JobStatus;
  statusText: string;
  name: string | null;
}

const flag = z.pipe(
  z.nullish(z.union([z.boolean(), z.string()])),
  (v) => (v === undefined || v === null ? null : v === true || String(v).toLowerCase() === 'true'),
);

function syncStatus(status: string | null, code: string | null): SyncStatus | null {
  const s = `${code ?? ''} ${status ?? ''}`.toLowerCase();
  if (/reauth/.test(s)) return 'reauthorisation_required';
  if (/processing|pending|queued|running/.test(s)) return 'processing';
  // Failure first: "unsuccessful" and "incomplete" contain the words of success.
  if (/fail|error|unsuccessful|incomplete/.test(s)) return 'failed';
  if (/successful|success|finished|complete/.test(s)) return 'successful';
  return null;
}

/** The contract's `{ data: { status, job_id?, has_new_data? } }`, or Mono's v1 `{ status, hasNewData, code }`. */
export function parseSync(body: unknown): ParseResult<SyncResult> {
  // Mono's v1 body has no `data`: an envelope with a broken one is not a success to read from its own status.
  if (!isRecord(body) || ('data' in body && !isRecord(body.data))) return unrecognised('sync');
  const v2 = isRecord(body.data);
  const r = run(
    z.object({
      status: optionalText,
      code: optionalText,
      job_id: optionalText,
      has_new_data: flag,
      hasNewData: flag,
    }),
    v2 ? body.data : body,
  );
  if (!r.ok) return r;
  const status = syncStatus(r.value.status, r.value.code);
  if (!status) return { ok: false, issue: { path: v2 ? 'data.status' : 'status', message: 'unknown sync status' } };
  return { ok: true, value: { status, jobId: r.value.job_id, hasNewData: r.value.has_new_data ?? r.value.hasNewData } };
}

export function parseJob(body: unknown): ParseResult<Job> {
  if (!isRecord(body)) return unrecognised('job');
  const r = run(z.object({ data: z.object({ id: text, status: text, name: optionalText }) }), body);
  if (!r.ok) return r;
  const { id, status, name } = r.value.data;
  const s = status.toLowerCase();
  const normalized: JobStatus = /processing|pending|queued|running/.test(s)
    ? 'processing'
    : /reauth/.test(s)
      ? 'reauthorisation_required'
      : /finished|success|complete/.test(s) && !/fail|error|unsuccessful|incomplete/.test(s)
        ? 'finished'
        : 'failed';
  return { ok: true, value: { id, status: normalized, statusText: status, name } };
}
