// Hosted links that come back without a code. Mono's guide reports the account of a hosted link by the
// `account_connected` webhook, with the initiate's `meta.ref` (MONO_API.md §2), and does not promise a code on
// the return to `redirect_url`. So the handler remembers who started each reference, records the account the
// webhook names for it, and hands that account out once, to the customer who started it.
import type { StateStore } from './state.js';
import { ID_PATTERN } from './validate.js';
import { hex, sha256 } from './webhooks.js';

/** What a claim by reference is told when it gets nothing (the live handler and the sandbox say the same). */
export const LINK_UNKNOWN = 'No link started here has this reference, or it was already completed';
export const LINK_PENDING = 'Mono has not confirmed this link yet: if you finished linking, try again in a moment';

/** Long enough for a person in the widget (Mono's codes live 10 minutes; the kit keeps a redirect 30). */
export const LINK_TTL_MS = 30 * 60_000;
const CODE_TTL_MS = 10 * 60_000;

/**
 * Who started a link: for a new link, a keyed digest of the customer your hook gave (so the store never holds a
 * name, an email or a BVN); for a reauth, the account.
 */
export type LinkStarter = { owner: string } | { account: string };

/** The customer as the link's owner: its id, else its email, HMAC'd with the secret key. */
export async function ownerKey(secretKey: string, customer: Record<string, unknown>): Promise<string> {
  const who = typeof customer.id === 'string' ? `id:${customer.id}` : `email:${String(customer.email).trim().toLowerCase()}`;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(who));
  return hex(new Uint8Array(mac));
}

const startedKey = (ref: string) => `started:${ref}`;
const linkedKey = (ref: string) => `linked:${ref}`;
const customerKey = (ref: string) => `customer:${ref}`;

/** Claims `ref` for this starter; false when a link with that reference was already started here. */
export async function rememberStart(store: StateStore, ref: string, starter: LinkStarter): Promise<boolean> {
  return store.add(startedKey(ref), JSON.stringify(starter), LINK_TTL_MS);
}

export const startedBy = async (store: StateStore, ref: string) => readStarter(await store.get(startedKey(ref)));

/** Takes the start in one step: of two claims at once, one gets it. */
export const takeStart = async (store: StateStore, ref: string) => readStarter(await store.take(startedKey(ref)));

/** Puts a taken start back, when the host could not save the link: the person's retry finds it. */
export const restoreStart = async (store: StateStore, ref: string, starter: LinkStarter) => void (await store.add(startedKey(ref), JSON.stringify(starter), LINK_TTL_MS));

function readStarter(raw: string | null | undefined): LinkStarter | null {
  if (typeof raw !== 'string') return null;
  try {
    const starter = JSON.parse(raw) as Record<string, unknown> | null;
    if (starter && typeof starter.account === 'string') return { account: starter.account };
    if (starter && typeof starter.owner === 'string') return { owner: starter.owner };
  } catch {
    // not ours: treated as never started
  }
  return null;
}

/** The Mono customer id initiate answered with, kept beside the start. */
export const rememberMonoCustomer = async (store: StateStore, ref: string, customer: string) => void (await store.add(customerKey(ref), customer, LINK_TTL_MS));

export async function monoCustomerOf(store: StateStore, ref: string): Promise<string | null> {
  const id = await store.get(customerKey(ref));
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * Records the account Mono's `account_connected` webhook names for `ref`: only for a new link started here, and
 * not when the webhook names another Mono customer than initiate answered with (a reference reused elsewhere).
 * A webhook that names no customer is recorded; the claim asks Mono whose the account is before handing it out.
 */
export async function recordConnected(store: StateStore, ref: string, accountId: string, monoCustomer: unknown): Promise<boolean> {
  if (!ID_PATTERN.test(accountId)) return false;
  const starter = await startedBy(store, ref);
  if (!starter || !('owner' in starter)) return false;
  const expected = await monoCustomerOf(store, ref);
  const named = typeof monoCustomer === 'object' && monoCustomer !== null ? (monoCustomer as { id?: unknown }).id : monoCustomer;
  if (expected && typeof named === 'string' && named !== expected) return false;
  return store.add(linkedKey(ref), accountId, LINK_TTL_MS);
}

export const takeLinked = async (store: StateStore, ref: string) => {
  const id = await store.take(linkedKey(ref));
  return typeof id === 'string' && id !== '' ? id : null;
};

/** Puts a taken account back, when the host could not save it: the person's retry finds it. */
export const restoreLinked = async (store: StateStore, ref: string, accountId: string) => void (await store.add(linkedKey(ref), accountId, LINK_TTL_MS));

const codeKey = async (code: string) => `code:${hex(await sha256(code))}`;

/** Marks a code as exchanged here (for as long as Mono's codes live); false when it already was. */
export const useCode = async (store: StateStore, code: string) => store.add(await codeKey(code), '1', CODE_TTL_MS);

/** Mono did not take the code (a network fault, an error answer): the person may try it again. */
export const releaseCode = async (store: StateStore, code: string) => void (await store.take(await codeKey(code)));

/** Forgets a finished link, so its reference can never be claimed again. */
export async function forgetLink(store: StateStore, ref: string): Promise<void> {
  await Promise.all([store.take(startedKey(ref)), store.take(linkedKey(ref)), store.take(customerKey(ref))]);
}
