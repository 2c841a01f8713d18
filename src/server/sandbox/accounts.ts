/**
 * Sandbox account ids. Any id matching ACCOUNT_ID_PATTERN is a valid account whose data is generated
 * deterministically from the id (and the current UTC day). Prefixes select special behaviour:
 *
 *   acc_demo          a normal personal account (the demo's default)
 *   acc_business,     a business current account (company name, business inflows, payroll, vendors)
 *   business*
 *   usd*              a domiciliary USD account (amounts in cents, remote-work salary)
 *   empty*            no transactions; data_status UNAVAILABLE, retrieved_data [], no assets or earnings,
 *                     income-records [] and an identity with only the name
 *   datafailed*       like empty, but data_status FAILED (a Mono-side failure)
 *   txns_N*           exactly N transactions (N ≤ 100000) spread over the last 12 months
 *   failing*          every request on the account answers HTTP 500 "Upstream bank timeout"
 *   reauthjob*        sync starts a job that ends reauthorisation_required (Mono's webhook, joined by the host)
 *   reauth*           sync answers reauthorisation_required (no job); reads work
 *   processing*       details report data_status PROCESSING for the first `pollsUntilDone` reads
 *   partial*          data_status PARTIAL, retrieved_data ['identity', 'balance']: balance and identity
 *                     but no transactions (transactions, statements and income are empty)
 *   fresh*            income-records is [] until POST .../income was called and income-records was then
 *                     read `pollsUntilDone` more times
 *   v1*               answers with Mono's older v1 shapes (details, transactions, identity, income, assets)
 *
 * Every other id is a normal personal account.
 */

export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_GENERATED_TRANSACTIONS = 100_000;

/**
 * With the switches off (a sandbox others can reach), what one cheap GET may cost: a `txns_N` id not in
 * SANDBOX_ACCOUNTS gets N up to this (each new id is generated afresh), and an answer lists at most
 * CAPPED_WHOLE_ROWS rows at once (100 000 rows are ~19 MB of JSON to serialise).
 */
export const CAPPED_GENERATED_TRANSACTIONS = 5_000;
export const CAPPED_WHOLE_ROWS = 10_000;

export type AccountKind =
  | 'personal'
  | 'business'
  | 'usd'
  | 'empty'
  | 'datafailed'
  | 'failing'
  | 'reauth'
  | 'reauthjob'
  | 'processing'
  | 'partial'
  | 'fresh'
  | 'v1';

export interface AccountTraits {
  kind: AccountKind;
  /** Exact transaction count for `txns_N` ids. */
  transactionCount?: number;
}

export type AccountIdCheck = { ok: true; traits: AccountTraits } | { ok: false; message: string };

const PREFIX_KINDS: readonly (readonly [string, AccountKind])[] = [
  ['acc_business', 'business'],
  ['business', 'business'],
  ['usd', 'usd'],
  ['empty', 'empty'],
  ['datafailed', 'datafailed'],
  ['failing', 'failing'],
  ['reauthjob', 'reauthjob'],
  ['reauth', 'reauth'],
  ['processing', 'processing'],
  ['partial', 'partial'],
  ['fresh', 'fresh'],
  ['v1', 'v1'],
];

export function checkAccountId(id: string): AccountIdCheck {
  if (!ACCOUNT_ID_PATTERN.test(id)) {
    return { ok: false, message: 'Invalid account id: expected 1-64 characters from A-Z, a-z, 0-9, "_" and "-"' };
  }
  const counted = /^txns_(\d+)(?:[_-]|$)/.exec(id);
  if (counted) {
    const count = Number(counted[1]);
    if (count > MAX_GENERATED_TRANSACTIONS) {
      return { ok: false, message: `Invalid account id: txns_N supports N up to ${MAX_GENERATED_TRANSACTIONS}` };
    }
    return { ok: true, traits: { kind: 'personal', transactionCount: count } };
  }
  for (const [prefix, kind] of PREFIX_KINDS) {
    if (id.startsWith(prefix)) return { ok: true, traits: { kind } };
  }
  return { ok: true, traits: { kind: 'personal' } };
}

export interface SandboxAccount {
  id: string;
  label: string;
  description: string;
}

/** The accounts the demo's account picker and the fake widget offer. */
export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [
  { id: 'acc_demo', label: 'Personal savings', description: 'A salaried personal account with a year of everyday transactions.' },
  { id: 'acc_business', label: 'Business current', description: 'A business current account: customer payments, payroll and vendors.' },
  { id: 'usd_savings', label: 'Domiciliary (USD)', description: 'A USD domiciliary account paid by a remote employer; amounts in cents.' },
  { id: 'txns_100000', label: '100,000 transactions', description: 'Exactly 100,000 transactions over 12 months, for virtual scrolling.' },
  { id: 'txns_5', label: 'Five transactions', description: 'Exactly five transactions.' },
  { id: 'empty', label: 'No data', description: 'No transactions, assets or income; data status UNAVAILABLE.' },
  { id: 'datafailed', label: 'Data fetch failed', description: 'Mono could not fetch any data; data status FAILED.' },
  { id: 'processing', label: 'Still processing', description: 'Data status PROCESSING for the first reads, then AVAILABLE.' },
  { id: 'partial', label: 'Partial data', description: 'Data status PARTIAL: balance and identity only, no transactions.' },
  { id: 'fresh', label: 'Income not analysed', description: 'No income record until an analysis is started and polled.' },
  { id: 'reauth', label: 'Needs reauthorisation', description: 'Sync answers "reauthorisation required"; reads work.' },
  { id: 'reauthjob', label: 'Reauthorisation found by the sync job', description: 'Sync starts a job that ends "reauthorisation required", as Mono\'s webhook reports it.' },
  { id: 'failing', label: 'Bank timeout', description: 'Every request answers HTTP 500 "Upstream bank timeout".' },
  { id: 'v1_legacy', label: 'Legacy v1 shapes', description: "Answers with Mono's older v1 response shapes." },
];
