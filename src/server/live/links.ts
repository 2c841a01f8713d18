// Hosted links that come back without a code. Mono's guide reports the account of a hosted link by the
// `account_connected` webhook, with the initiate's `meta.ref` (MONO_API.md §2), and does not promise a code on
// the return to `redirect_url`. So the handler remembers who started each reference, records the account the
// webhook names for it, and hands that account out once, to the customer who started it.
import type { MemoryStoreOptions } from './webhooks.js';

/** Where started links and the accounts Mono reported for them are kept; plug in a shared one for several instances. */
export interface LinkStore {
  /** Keeps `value` under `key` for `ttlMs` (Redis `SET key value PX ttlMs`). */
  set(key: string, value: string, ttlMs: number): void | Promise<void>;
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  /** Reads and removes `key` in one step (Redis `GETDEL`), so that a link is handed out once. */
  take(key: string): string | null | undefined | Promise<string | null | undefined>;
}

/** Long enough for a person in the widget (Mono's codes live 10 minutes; the kit keeps a redirect 30). */
export const LINK_TTL_MS = 30 * 60_000;

/** A bounded map whose entries expire: the memory behind the default link and webhook stores. */
export function expiringMap<V>(options: MemoryStoreOptions = {}) {
  const maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: V; expiry: number }>();
  return {
    get(key: string): V | undefined {
      const entry = entries.get(key);
      if (entry && entry.expiry > now()) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key: string, value: V, ttlMs: number): void {
      const at = now();
      entries.delete(key);
      entries.set(key, { value, expiry: at + ttlMs });
      // Map keeps insertion order, so the first keys are the oldest.
      for (const [old, entry] of entries) {
        if (entries.size <= maxEntries && entry.expiry > at) break;
        entries.delete(old);
      }
    },
    delete(key: string): void {
      entries.delete(key);
    },
  };
}

/** The default store: one process's memory, bounded in size and time. */
export function memoryLinkStore(options: MemoryStoreOptions = {}): LinkStore {
  const map = expiringMap<string>(options);
  return {
    set: map.set,
    get: map.get,
    take(key) {
      const value = map.get(key);
      map.delete(key);
      return value;
    },
  };
}

/** Who may complete a link: the customer who started it, or, for a reauth, whoever may see the account. */
export type LinkStarter = { customer: string } | { account: string };

/** The starter's customer as a digest: the store never holds a name, an email or a BVN. */
export async function customerKey(customer: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(customer)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const startedKey = (ref: string) => `started:${ref}`;
const linkedKey = (ref: string) => `linked:${ref}`;

export async function rememberStart(store: LinkStore, ref: string, starter: LinkStarter): Promise<void> {
  await store.set(startedKey(ref), JSON.stringify(starter), LINK_TTL_MS);
}

export async function startedBy(store: LinkStore, ref: string): Promise<LinkStarter | null> {
  const raw = await store.get(startedKey(ref));
  if (typeof raw !== 'string') return null;
  try {
    const starter: unknown = JSON.parse(raw);
    if (typeof starter === 'object' && starter !== null && (typeof (starter as { customer?: unknown }).customer === 'string' || typeof (starter as { account?: unknown }).account === 'string')) {
      return starter as LinkStarter;
    }
  } catch {
    // not ours: treated as never started
  }
  return null;
}

/** Records the account Mono's `account_connected` webhook names for `ref`, if this handler started that link. */
export async function recordConnected(store: LinkStore, ref: string, accountId: string): Promise<boolean> {
  if ((await startedBy(store, ref)) === null) return false;
  await store.set(linkedKey(ref), accountId, LINK_TTL_MS);
  return true;
}

export const takeLinked = async (store: LinkStore, ref: string) => {
  const id = await store.take(linkedKey(ref));
  return typeof id === 'string' && id !== '' ? id : null;
};

export const forgetStart = async (store: LinkStore, ref: string) => void (await store.take(startedKey(ref)));
