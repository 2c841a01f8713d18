// Real-time syncs that need the account holder to sign in again. Mono reports that in the account_updated
// webhook (`meta.sync_status: REAUTHORISATION_REQUIRED`, with `meta.job_id`), while the job itself only reads
// failed (MONO_API.md §9): the handler joins the two, so that the job the browser follows says so.
import type { StateStore } from './state.js';
import { ID_PATTERN } from './validate.js';

const key = (jobId: string) => `sync-reauth:${jobId}`;
const SYNC_REAUTH_TTL_MS = 60 * 60_000;
/** How long a failed job's answer waits for the webhook that may explain it: Mono sends it a moment after. */
export const SYNC_REAUTH_GRACE_MS = 3_000;

export async function markSyncReauth(store: StateStore, jobId: string, accountId: string): Promise<void> {
  if (ID_PATTERN.test(jobId)) await store.add(key(jobId), accountId, SYNC_REAUTH_TTL_MS);
}

export const syncNeedsReauth = async (store: StateStore, jobId: string, accountId: string) => (await store.get(key(jobId))) === accountId;
