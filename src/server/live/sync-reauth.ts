// Real-time syncs that need the account holder to sign in again. Mono reports that in the account_updated
// webhook (`meta.sync_status: REAUTHORISATION_REQUIRED`, with `meta.job_id`) and the reauthorisation_required
// webhook, while the job itself only reads failed (MONO_API.md §9, §10). The handler joins them: the job the
// browser follows says so, and the account's next sync says so at once, without a billed call to Mono, until
// the account is re-authorised.
import type { StateStore } from './state.js';
import { ID_PATTERN } from './validate.js';

const key = (jobId: string) => `sync-reauth:${jobId}`;
const accountKey = (accountId: string) => `reauth-needed:${accountId}`;
const SYNC_REAUTH_TTL_MS = 60 * 60_000;
/** A missed `account_reauthorized` webhook must not hold an account back for ever. */
const ACCOUNT_REAUTH_TTL_MS = 24 * 60 * 60_000;
/** How long a failed job's answer waits for the webhook that may explain it: Mono sends it a moment after. */
export const SYNC_REAUTH_GRACE_MS = 3_000;

export async function markSyncReauth(store: StateStore, jobId: string, accountId: string): Promise<void> {
  if (ID_PATTERN.test(jobId)) await store.add(key(jobId), accountId, SYNC_REAUTH_TTL_MS);
}

export const syncNeedsReauth = async (store: StateStore, jobId: string, accountId: string) => (await store.get(key(jobId))) === accountId;

export async function markAccountReauth(store: StateStore, accountId: string): Promise<void> {
  await store.add(accountKey(accountId), '1', ACCOUNT_REAUTH_TTL_MS);
}

export const accountNeedsReauth = async (store: StateStore, accountId: string) => (await store.get(accountKey(accountId))) === '1';

/** The account was re-authorised (Mono's webhook, or a link through this handler): its syncs go to Mono again. */
export const clearAccountReauth = async (store: StateStore, accountId: string) => void (await store.take(accountKey(accountId)));
