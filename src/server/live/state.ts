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

/** The default store: one process's memory, bounded in size (60 000 entries: three per link, one per sync mark) and time. */
export function memoryStateStore(options: MemoryStoreOptions = {}): StateStore {
  const map = expiringMap<string>({ maxEntries: 60_000, ...options });
  return {
    add(key, value, ttlMs) {
      if (map.get(key) !== undefined) return false;
      map.set(key, value, ttlMs);
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
