import * as z from './schema.js';
import { aliased, currency, isRecord, minorUnits, optionalText, run, text, unrecognised, type ParseResult } from './common.js';

export type AccountType = 'savings' | 'current' | 'domiciliary' | 'business' | 'other';
export type DataStatus = 'AVAILABLE' | 'PARTIAL' | 'UNAVAILABLE' | 'FAILED' | 'PROCESSING' | 'UNKNOWN';

export interface Institution {
  name: string;
  bankCode: string | null;
  /** `PERSONAL_BANKING` or `BUSINESS_BANKING` as Mono sends it. */
  type: string | null;
}

export interface Account {
  id: string;
  /** Holder name as the bank reports it. */
  name: string;
  accountNumber: string;
  currency: string;
  /** Minor units (kobo for NGN). */
  balance: number;
  accountType: AccountType;
  /** The bank's own text for the type, e.g. "Tier 3 Savings Account". */
  accountTypeText: string;
  /** Mono sends only the last four digits here. */
  bvnLast4: string | null;
  institution: Institution;
  customerId: string | null;
  dataStatus: DataStatus;
  /** What the bank returned, e.g. `['identity', 'balance', 'transactions']`. */
  retrievedData: string[];
  authMethod: string | null;
  reference: string | null;
}

const DATA_STATUSES: readonly DataStatus[] = ['AVAILABLE', 'PARTIAL', 'UNAVAILABLE', 'FAILED', 'PROCESSING'];

export function normalizeDataStatus(raw: unknown): DataStatus {
  const upper = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  return (DATA_STATUSES as readonly string[]).includes(upper) ? (upper as DataStatus) : 'UNKNOWN';
}

/** Banks send free text ("SAVINGS_ACCOUNT", "Current Account - Individual", "DOMICILIARY USD"); the order matters. */
export function normalizeAccountType(raw: string, institutionType?: string | null): AccountType {
  const t = raw.toUpperCase().replace(/_/g, ' ');
  if (/\bDOM(ICILIARY)?\b|\bFCY\b|FOREIGN/.test(t)) return 'domiciliary';
  if (/BUSINESS|CORPORATE|\bSME\b|COMPANY/.test(t)) return 'business';
  if (/SAVING/.test(t)) return 'savings';
  if (/CURRENT|CHECKING|\bCA\b/.test(t)) return 'current';
  if (/BUSINESS/.test(institutionType?.toUpperCase() ?? '')) return 'business';
  return 'other';
}

const institution = aliased(
  { bankCode: 'bank_code' },
  z.object({ name: text, bank_code: optionalText, type: optionalText, auth_method: optionalText }),
);

const accountBody = aliased(
  { _id: 'id', accountNumber: 'account_number', authMethod: 'auth_method', dataStatus: 'data_status' },
  z.object({
    id: text,
    name: z.withDefault(text, ''),
    account_number: text,
    currency,
    balance: minorUnits,
    type: optionalText,
    bvn: optionalText,
    institution,
    auth_method: optionalText,
    data_status: optionalText,
  }),
);

const meta = z.nullish(
  z.object({
    data_status: optionalText,
    auth_method: optionalText,
    retrieved_data: z.nullish(z.array(z.string())),
    ref: optionalText,
  }),
);

/** v2: `data.account` + `data.customer` + `data.meta`; also the 2021 v1 body and the account_updated webhook. */
const nested = z.object({ account: accountBody, customer: z.nullish(z.union([z.object({ id: text }), text])), meta });
/** v2 in its envelope. */
const enveloped = z.pipe(z.object({ data: nested }), (body) => body.data);
/** 2023 v1: the account fields directly in `data`. */
const flat = z.pipe(z.object({ data: accountBody }), (body) => ({ account: body.data, meta: null, customer: null }));

function toAccount({ account: a, meta: m, customer }: z.infer<typeof nested>): Account {
  const typeText = a.type ?? '';
  return {
    id: a.id,
    name: a.name,
    accountNumber: a.account_number,
    currency: a.currency,
    balance: a.balance,
    accountType: normalizeAccountType(typeText, a.institution.type),
    accountTypeText: typeText,
    bvnLast4: a.bvn ? a.bvn.slice(-4) : null,
    institution: { name: a.institution.name, bankCode: a.institution.bank_code, type: a.institution.type },
    customerId: typeof customer === 'string' ? customer : isRecord(customer) ? String(customer.id) : null,
    dataStatus: normalizeDataStatus(m?.data_status ?? a.data_status),
    retrievedData: m?.retrieved_data ?? [],
    authMethod: m?.auth_method ?? a.auth_method ?? a.institution.auth_method ?? null,
    reference: m?.ref ?? null,
  };
}

export function parseAccount(body: unknown): ParseResult<Account> {
  if (!isRecord(body)) return unrecognised('account');
  const inner = isRecord(body.data) ? body.data : null;
  const shape = inner ? ('account' in inner ? enveloped : flat) : 'account' in body ? nested : null;
  if (!shape) return unrecognised('account');
  const r = run<z.infer<typeof nested>>(shape, body);
  return r.ok ? { ok: true, value: toAccount(r.value) } : r;
}
