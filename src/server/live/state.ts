// The handler's memory between requests (state.ts is the store; links.ts and the sync route use it).
import type { MemoryStoreOptions } from './webhooks.js';

/**
 * What the handler learns between requests, mostly from Mono's webhooks: started links and the accounts Mono
 * reported for them, and sync jobs Mono reported as needing reauthorisation. Plug in a shared one for several
 * instances (the webhook can reach one instance and the browser another).
 */
export interface StateStore {
  /** Keeps `value` under `key` for `ttlMs` unless `key` is taken; true when it was added (Redis `SET key value NX PX ttlMs`). */
  add(key: string, value: string, ttlMs: number): boolean | Promise<boolean>;
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  /** Reads and removes `key` in one step (Redis `GETDEL`), so that something is handed out once. */
  take(key: string): string | null | undefined | Promise<string | null | undefined>;
}

/**
 * A bounded map whose entries expire: the memory behind the default link and webhook stores. When full, expired
 * entries go first; then, unless `keepUnexpired`, the oldest (with it, `set` refuses and returns false).
 */
export function expiringMap<V>(options: MemoryStoreOptions = {}, keepUnexpired = false) {
  const maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: V; expiry: number }>();
  // No entry expires before this, so a full map is swept once something can have expired, not on every set.
  let soonest = Infinity;
  const sweep = (at: number) => {
    soonest = Infinity;
    for (const [key, entry] of entries) {
      if (entry.expiry <= at) entries.delete(key);
      else soonest = Math.min(soonest, entry.expiry);
    }
  };
  return {
    get(key: string): V | undefined {
      const entry = entries.get(key);
      if (entry && entry.expiry > now()) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key: string, value: V, ttlMs: number): boolean {
      const at = now();
      entries.delete(key);
      if (entries.size >= maxEntries && at >= soonest) sweep(at);
      if (entries.size >= maxEntries) {
        if (keepUnexpired) return false;
        // Map keeps insertion order, so the first key is the oldest.
        entries.delete(entries.keys().next().value as string);
      }
      entries.set(key, { value, expiry: at + ttlMs });
      soonest = Math.min(soonest, at + ttlMs);
      return true;
    },
    delete(key: string): void {
      entries.delete(key);
    },
  };
}

/**
 * The default store: one process's memory, bounded in size (60 000 entries: three per link, one per sync job, sync mark or
 * PDF job) and time. Full, it makes room only from expired entries: dropping unexpired ones would let one user,
 * by starting links, erase what binds other users' links and PDF jobs. It then refuses to add (throws) until
 * entries expire, so rate-limit initiate (README, "Going live").
 */
export function memoryStateStore(options: MemoryStoreOptions = {}): StateStore {
  const map = expiringMap<string>({ maxEntries: 60_000, ...options }, true);
  return {
    add(key, value, ttlMs) {
      if (map.get(key) !== undefined) return false;
      if (!map.set(key, value, ttlMs)) throw new Error('memoryStateStore is full: no entry has expired yet');
      return true;
    },
    get: map.get,
    take(key) {
      const value = map.get(key);
      map.delete(key);
      return value;
    },
  };
}
