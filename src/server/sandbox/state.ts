import type { Transaction } from './transactions.js';

/** A Map that forgets its oldest entries, so a long-running sandbox cannot grow without bound. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.limit) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}

export interface StatementJob {
  accountId: string;
  months: number;
  period: string;
  createdAtMs: number;
  polls: number;
}

export interface SyncJob {
  accountId: string;
  polls: number;
  finished: boolean;
}

/** Mutable state of one sandbox handler: everything that is not a pure function of the account id. */
export class SandboxState {
  readonly usedCodes = new BoundedMap<string, true>(10_000);
  /** Links started by initiate (reference → the reauth's account, or null), and the accounts the fake widget linked for them. */
  readonly startedLinks = new BoundedMap<string, string | null>(10_000);
  readonly linkedRefs = new BoundedMap<string, string>(10_000);
  readonly statementJobs = new BoundedMap<string, StatementJob>(1_000);
  readonly syncJobs = new BoundedMap<string, SyncJob>(1_000);
  /** Account id → times its syncs finished; each finished sync adds a few transactions. */
  readonly syncCompletions = new BoundedMap<string, number[]>(1_000);
  /** Account id → details reads so far (for `processing*` accounts). */
  readonly detailReads = new BoundedMap<string, number>(1_000);
  /** Account id → income-records reads since the analysis was started (for `fresh*` accounts). */
  readonly incomeReads = new BoundedMap<string, number>(1_000);
  /** Transactions including those added by syncs, keyed by id, day and sync count (big lists: keep few). */
  readonly views = new BoundedMap<string, { transactions: readonly Transaction[]; balance: number }>(4);
  /** Fault key → faulted requests so far (for x-sandbox-fault-times). */
  readonly faultCounts = new BoundedMap<string, number>(10_000);
}
