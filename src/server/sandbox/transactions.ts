import { DAY_MS } from './dates.js';
import {
  commissionDraft,
  draftBookFor,
  levyDraft,
  LEVY_THRESHOLD,
  maintenanceDraft,
  payrollDraft,
  salaryDraft,
  smsChargeDraft,
  surplusTransfer,
  type Category,
  type Direction,
  type Draft,
  type DraftBook,
  type DraftContext,
} from './narrations.js';
import { buildProfile, type AccountProfile } from './profile.js';
import { Rng } from './random.js';

export interface Transaction {
  id: string;
  narration: string;
  amount: number;
  type: Direction;
  balance: number;
  date: string;
  category: Category;
}

export interface GeneratedAccount {
  profile: AccountProfile;
  /** Midnight UTC of the day the data was generated for; transactions end before it. */
  anchorMs: number;
  /** Newest first. */
  transactions: readonly Transaction[];
  /** The balance after the newest transaction (or the bare balance of an account without transactions). */
  balance: number;
}

const YEAR_MS = 365 * DAY_MS;
const MINUTE_MS = 60_000;

/** Keeps a little money back so fees that follow a debit can never push the balance below zero. */
function reserveFor(profile: AccountProfile): number {
  return profile.currency === 'USD' ? 500 : 200_000;
}

/**
 * Walks forward in time, turning drafts into transactions with a running balance. A simple
 * controller steers the balance towards the profile's target so any density (30 or 100,000
 * transactions a year) stays plausible and never goes negative.
 */
class Ledger {
  readonly out: Transaction[] = [];
  private readonly book: DraftBook;
  private readonly ctx: DraftContext;
  private readonly reserve: number;
  private readonly idTag: string;
  alertsThisMonth = 0;

  constructor(
    readonly profile: AccountProfile,
    private readonly rng: Rng,
    public balance: number,
    private readonly firstIndex: number,
  ) {
    this.book = draftBookFor(profile);
    this.ctx = { profile, scale: profile.spendingScale };
    this.reserve = reserveFor(profile);
    this.idTag = profile.seed.toString(16).padStart(8, '0');
  }

  emit(atMs: number, draft: Draft): void {
    let amount = draft.amount;
    if (draft.type === 'debit') {
      amount = Math.min(amount, this.balance);
      this.balance -= amount;
    } else {
      this.balance += amount;
    }
    const index = this.firstIndex + this.out.length;
    this.out.push({
      id: Math.floor(atMs / 1000).toString(16).padStart(8, '0') + this.idTag + index.toString(16).padStart(8, '0'),
      narration: draft.narration,
      amount,
      type: draft.type,
      balance: this.balance,
      date: new Date(atMs).toISOString(),
      category: draft.category,
    });
    this.alertsThisMonth++;
  }

  /** A random everyday transaction, its direction chosen by how far the balance is from the target. */
  everyday(): Draft {
    const { rng, profile } = this;
    const pressure = this.balance / profile.targetBalance;
    if (pressure > 1.8 && rng.chance(0.35)) {
      const surplus = (this.balance - profile.targetBalance) * rng.between(0.4, 0.9);
      return surplusTransfer(rng, this.ctx, Math.max(100, Math.round(surplus / 10_000) * 10_000));
    }
    const creditChance = Math.min(0.85, Math.max(0.04, 0.3 - 0.4 * (pressure - 1)));
    if (rng.chance(creditChance)) return this.credit();
    return this.fit(rng.weighted(this.book.debits)(rng, this.ctx));
  }

  credit(): Draft {
    return this.rng.weighted(this.book.credits)(this.rng, this.ctx);
  }

  /** Shrinks a debit to what the balance allows, or turns it into a credit when even that is too little. */
  fit(draft: Draft): Draft {
    if (draft.type === 'credit') return draft;
    const allowance = this.balance - this.reserve;
    if (draft.amount <= allowance) return draft;
    const smallest = this.profile.currency === 'USD' ? 100 : 10_000;
    if (draft.scalable && allowance >= smallest * 2) {
      const amount = Math.floor((allowance * this.rng.between(0.3, 0.8)) / smallest) * smallest;
      return { ...draft, amount };
    }
    return this.credit();
  }

  /** The charge a bank books right after a transfer, if any. */
  chargeAfter(draft: Draft): Draft | null {
    if (!draft.charged || this.profile.currency !== 'NGN') return null;
    if (draft.type === 'debit') return commissionDraft(draft.amount);
    return draft.amount >= LEVY_THRESHOLD ? levyDraft() : null;
  }
}

type Recurring =
  | { at: number; kind: 'salary'; month: number; year: number; amount: number }
  | { at: number; kind: 'levy' }
  | { at: number; kind: 'sms'; month: number; year: number }
  | { at: number; kind: 'maintenance'; month: number; year: number }
  | { at: number; kind: 'payroll'; month: number; year: number; staff: string; amount: number };

const PAY_WINDOW = [25, 28] as const;

/** The pay day, or the nearest weekday to it inside the 25th–28th window when it falls on a weekend. */
function payDate(year: number, month: number, day: number, minuteOfDay: number): number {
  for (const shift of [0, -1, 1, -2, 2, -3, 3]) {
    const candidate = day + shift;
    if (candidate < PAY_WINDOW[0] || candidate > PAY_WINDOW[1]) continue;
    const ms = Date.UTC(year, month, candidate, 0, minuteOfDay);
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return ms;
  }
  return Date.UTC(year, month, day, 0, minuteOfDay);
}

function eachMonth(startMs: number, endMs: number, visit: (year: number, month: number) => void): void {
  const start = new Date(startMs);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  while (Date.UTC(year, month, 1) < endMs) {
    visit(year, month);
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
}

/** Monthly events (salary, levies, SMS charges, payroll, fees), included only when the count leaves room. */
function scheduleRecurring(profile: AccountProfile, rng: Rng, startMs: number, endMs: number): Recurring[] {
  const count = profile.transactionCount;
  const events: Recurring[] = [];
  const inRange = (at: number): boolean => at > startMs && at < endMs;
  const withSalary = profile.monthlySalary > 0 && count >= 24;
  const withSalaryLevy = withSalary && profile.currency === 'NGN' && count >= 60;
  const withSms = profile.kind !== 'business' && profile.currency === 'NGN' && count >= 80;
  const withMaintenance = (profile.kind === 'business' || profile.currency === 'USD') && count >= 60;
  const withPayroll = profile.kind === 'business' && count >= profile.staff.length * 13 + 60;
  const staffPay = profile.staff.map(() => Math.round(rng.logUniform(80_000, 450_000) / 1000) * 1000 * 100);
  const raiseMonth = rng.int(0, 11);

  let monthNumber = 0;
  eachMonth(startMs, endMs, (year, month) => {
    if (withSalary) {
      const at = payDate(year, month, profile.payDay, profile.payMinuteOfDay);
      const raised = monthNumber >= raiseMonth && raiseMonth > 6;
      const amount = raised ? Math.round((profile.monthlySalary * 1.1) / 100_000) * 100_000 : profile.monthlySalary;
      if (inRange(at)) {
        events.push({ at, kind: 'salary', month, year, amount });
        if (withSalaryLevy && inRange(at + 45_000)) events.push({ at: at + 45_000, kind: 'levy' });
      }
    }
    if (withPayroll) {
      const base = payDate(year, month, 26, 10 * 60);
      profile.staff.forEach((staff, index) => {
        const at = base + index * 2 * MINUTE_MS;
        if (inRange(at)) events.push({ at, kind: 'payroll', month, year, staff, amount: staffPay[index] });
      });
    }
    const monthEnd = Date.UTC(year, month + 1, 1) - MINUTE_MS;
    if (withSms && inRange(monthEnd)) events.push({ at: monthEnd, kind: 'sms', month, year });
    if (withMaintenance && inRange(monthEnd - MINUTE_MS)) events.push({ at: monthEnd - MINUTE_MS, kind: 'maintenance', month, year });
    monthNumber++;
  });
  events.sort((a, b) => a.at - b.at);
  return events.length <= count ? events : [];
}

/** Maps a uniform time of day onto one where most activity is between 06:30 and 22:00. */
function daytime(ms: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const f = (ms - day) / DAY_MS;
  const hours = f < 0.06 ? (f / 0.06) * 6.5 : f < 0.96 ? 6.5 + ((f - 0.06) / 0.9) * 15.5 : 22 + ((f - 0.96) / 0.04) * 2;
  return day + Math.floor((hours * 3_600_000) / 1000) * 1000;
}

function generateAccount(id: string, anchorMs: number): GeneratedAccount {
  const profile = buildProfile(id, anchorMs);
  const rng = Rng.for(id, 'transactions');
  const startMs = anchorMs - YEAR_MS;
  const count = profile.transactionCount;
  const opening = Math.round(profile.targetBalance * rng.between(0.3, 1.2));
  if (count === 0) return { profile, anchorMs, transactions: [], balance: opening };

  const recurring = scheduleRecurring(profile, rng, startMs, anchorMs);
  const slots = count - recurring.length;
  const times = new Float64Array(slots);
  const span = anchorMs - startMs;
  for (let i = 0; i < slots; i++) times[i] = daytime(startMs + ((i + rng.next()) * span) / slots);

  const ledger = new Ledger(profile, rng, opening, 0);
  const ctx: DraftContext = { profile, scale: profile.spendingScale };
  let next = 0;
  let r = 0;
  while (next < slots || r < recurring.length) {
    const slotFirst = next < slots && (r >= recurring.length || times[next] < recurring[r].at);
    if (!slotFirst) {
      const event = recurring[r++];
      ledger.emit(event.at, recurringDraft(event, ledger, rng, ctx));
      continue;
    }
    const at = times[next++];
    const draft = ledger.everyday();
    ledger.emit(at, draft);
    const charge = ledger.chargeAfter(draft);
    const followerIsSlot = next < slots && (r >= recurring.length || times[next] < recurring[r].at);
    if (charge && followerIsSlot) {
      ledger.emit(Math.min(at + MINUTE_MS, times[next]), charge);
      next++;
    }
  }
  const transactions = ledger.out.reverse();
  return { profile, anchorMs, transactions, balance: ledger.balance };
}

function recurringDraft(event: Recurring, ledger: Ledger, rng: Rng, ctx: DraftContext): Draft {
  switch (event.kind) {
    case 'salary':
      return salaryDraft(ledger.profile, event.month, event.year, event.amount);
    case 'levy':
      return levyDraft();
    case 'sms': {
      const draft = smsChargeDraft(event.month, event.year, ledger.alertsThisMonth);
      ledger.alertsThisMonth = 0;
      return draft;
    }
    case 'maintenance':
      return maintenanceDraft(ledger.profile, event.month, event.year);
    case 'payroll':
      return ledger.fit(payrollDraft(rng, ctx, event.staff, event.month, event.year, event.amount));
  }
}

const CACHE_SIZE = 4;
const cache = new Map<string, GeneratedAccount>();

/** The generated account for `id` on the UTC day of `anchorMs`; the last few are kept (100k rows cost ~100 ms). */
export function generatedAccount(id: string, anchorMs: number): GeneratedAccount {
  const key = `${id}@${anchorMs}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const account = generateAccount(id, anchorMs);
  cache.set(key, account);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return account;
}

/**
 * Transactions a finished sync brings in: a few recent ones per completed sync, deterministic from
 * the id and the sync number, dated just before the sync finished. Returned newest first.
 */
export function syncedTransactions(account: GeneratedAccount, completedAt: readonly number[]): Transaction[] {
  const { profile } = account;
  if (completedAt.length === 0 || account.transactions.length === 0) return [];
  let balance = account.balance;
  let newestMs = Date.parse(account.transactions[0].date);
  let index = account.transactions.length;
  const added: Transaction[] = [];
  completedAt.forEach((finishedMs, n) => {
    const rng = Rng.for(profile.id, `sync#${n + 1}`);
    const ledger = new Ledger(profile, rng, balance, index);
    const count = rng.int(1, 3);
    const from = Math.max(newestMs + 1000, finishedMs - 2 * 3_600_000);
    for (let i = 0; i < count; i++) {
      const at = Math.max(newestMs + 1000, Math.floor((from + ((finishedMs - from) * (i + 1)) / count) / 1000) * 1000);
      ledger.emit(at, ledger.everyday());
      newestMs = at;
    }
    balance = ledger.balance;
    index += ledger.out.length;
    added.push(...ledger.out);
  });
  return added.reverse();
}

export interface TransactionFilter {
  /** Inclusive ISO lower bound. */
  fromIso?: string;
  /** Exclusive ISO upper bound. */
  toIso?: string;
  type?: Direction;
  narration?: string;
}

export function filterTransactions(list: readonly Transaction[], filter: TransactionFilter): Transaction[] {
  const needle = filter.narration?.toLowerCase();
  const { fromIso, toIso, type } = filter;
  const out: Transaction[] = [];
  for (const txn of list) {
    if (fromIso !== undefined && txn.date < fromIso) continue;
    if (toIso !== undefined && txn.date >= toIso) continue;
    if (type !== undefined && txn.type !== type) continue;
    if (needle && !txn.narration.toLowerCase().includes(needle)) continue;
    out.push(txn);
  }
  return out;
}
