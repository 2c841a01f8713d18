import * as z from './schema.js';
import { aliased, isEmptyPayload, isRecord, optionalDate, optionalFieldsRecord, optionalText, run, unrecognised, type ParseResult } from './common.js';

/** KYC fields; every one may be missing (not all banks return identity). */
export interface Identity {
  fullName: string | null;
  /** Full 11-digit BVN: sensitive, masked by default in the UI. */
  bvn: string | null;
  email: string | null;
  phone: string | null;
  gender: string | null;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  stateOfOrigin: string | null;
  lgaOfOrigin: string | null;
  maritalStatus: string | null;
  updatedAt: string | null;
}

/** Each field of an Identity and Mono's name for it (also accepted under the Identity's name). */
const fieldNames = {
  fullName: 'full_name',
  bvn: 'bvn',
  email: 'email',
  phone: 'phone',
  gender: 'gender',
  dateOfBirth: 'dob',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  stateOfOrigin: 'state_of_origin',
  lgaOfOrigin: 'lga_of_origin',
  maritalStatus: 'marital_status',
  updatedAt: 'updated_at',
} as const;
const identityShape = {
  full_name: optionalText,
  bvn: optionalText,
  email: optionalText,
  phone: optionalText,
  gender: optionalText,
  dob: optionalDate,
  address_line1: optionalText,
  address_line2: optionalText,
  state_of_origin: optionalText,
  lga_of_origin: optionalText,
  marital_status: optionalText,
  updated_at: optionalDate,
};
const identity = aliased(fieldNames, z.object(identityShape));
const identityKeys = [...Object.keys(identityShape), ...Object.keys(fieldNames)];

export function parseIdentity(body: unknown): ParseResult<Identity> {
  // Before the account's data is available Mono answers with an empty payload: an identity with nothing in it.
  const record = isRecord(body) ? (optionalFieldsRecord(body, identityKeys) ?? (isEmptyPayload(body) ? {} : undefined)) : undefined;
  if (!record) return unrecognised('identity');
  const r = run(z.object({ data: identity }), { data: record });
  if (!r.ok) return r;
  const value = {} as Record<keyof Identity, string | null>;
  for (const [field, name] of Object.entries(fieldNames)) value[field as keyof Identity] = r.value.data[name];
  return { ok: true, value };
}
