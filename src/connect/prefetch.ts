/** How long a link initiated ahead of a click stays usable. Mono gives links no expiry, so keep it short. */
export const PREFETCH_TTL_MS = 60_000;

export interface PendingLink {
  /** What the link was initiated for (client, scope, account, institution, customer). */
  key: string;
  reference: string;
  /** When the initiate request was sent. */
  startedAt: number;
  /** The widget URL, once the host answers. */
  url: Promise<string>;
  /** Cancels the initiate request while it runs. */
  abort: AbortController;
}

const clientIds = new WeakMap<object, number>();
let nextClientId = 1;

/** The key a link is kept under: the client it was initiated through and what was asked for. */
export function linkKey(client: object, body: unknown): string {
  let id = clientIds.get(client);
  if (id === undefined) clientIds.set(client, (id = nextClientId++));
  return JSON.stringify([id, body]);
}

/**
 * At most one link initiated ahead of a click (on pointer-enter or focus). A link is handed out once:
 * `take()` removes it, so no link is ever shown twice. A link older than the TTL, initiated for other
 * inputs, or whose initiate failed is thrown away and the click initiates afresh. After a failure, pointer-enter
 * and focus no longer initiate for the same inputs.
 */
export class LinkPrefetch {
  #pending?: PendingLink & { failed: boolean };
  /** Inputs whose initiate ahead of a click failed: only a click asks again (a POST is never repeated on its own). */
  readonly #failedKeys = new Set<string>();
  readonly #ttl: number;
  readonly #now: () => number;

  constructor(ttl = PREFETCH_TTL_MS, now: () => number = Date.now) {
    this.#ttl = ttl;
    this.#now = now;
  }

  /** Starts initiating for `key` unless a fresh link for it is already on its way. */
  warm(key: string, reference: string, initiate: (reference: string, signal: AbortSignal) => Promise<string>): void {
    if (this.#usable(key) || this.#failedKeys.has(key)) return;
    const abort = new AbortController();
    const url = initiate(reference, abort.signal);
    const entry = { key, reference, startedAt: this.#now(), url, abort, failed: false };
    url.catch(() => {
      entry.failed = true;
      if (!abort.signal.aborted) this.#failedKeys.add(key);
    });
    this.#pending = entry;
  }

  /** The prefetched link for `key` if it is still usable; it is consumed either way. */
  take(key: string): PendingLink | undefined {
    const entry = this.#usable(key) ? this.#pending : undefined;
    this.#pending = undefined;
    return entry;
  }

  /** Drops the link not taken, and cancels its initiate request if it still runs. */
  clear(): void {
    this.#pending?.abort.abort();
    this.#pending = undefined;
  }

  #usable(key: string): boolean {
    const p = this.#pending;
    return !!p && p.key === key && !p.failed && this.#now() - p.startedAt < this.#ttl;
  }
}
