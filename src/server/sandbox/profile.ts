import { checkAccountId, type AccountKind, type AccountTraits } from './accounts.js';
import { DAY_MS, isoDate } from './dates.js';
import { DOMICILIARY_INSTITUTIONS, INSTITUTIONS, makeNuban, type Institution } from './institutions.js';
import {
  COMPANIES,
  EMPLOYERS,
  REMOTE_EMPLOYERS,
  STREETS,
  fullName,
  makePerson,
  makePhone,
  narrationName,
  NETWORK_NAMES,
  type Network,
  type Person,
} from './people.js';
import { objectIdFor, Rng, seedOf } from './random.js';

export type Currency = 'NGN' | 'USD';
export type AuthMethod = 'internet_banking' | 'mobile_banking';

export interface Contact {
  name: string;
  bank: string;
}

/** Everything about an account that does not change over time. Amounts in minor units. */
export interface AccountProfile {
  id: string;
  kind: AccountKind;
  seed: number;
  /** The individual: the account holder, or the director of a business account. */
  holder: Person;
  holderShortName: string;
  accountName: string;
  institution: Institution;
  institutionType: 'PERSONAL_BANKING' | 'BUSINESS_BANKING';
  accountNumber: string;
  accountType: string;
  currency: Currency;
  customerId: string;
  bvn: string;
  authMethod: AuthMethod;
  network: Network;
  phone: string;
  email: string;
  dob: string;
  address: string | null;
  maritalStatus: string | null;
  lgaOfOrigin: string | null;
  employer: string | null;
  monthlySalary: number;
  payDay: number;
  payMinuteOfDay: number;
  hasSideIncome: boolean;
  transactionCount: number;
  /** Balance the spending model steers towards. */
  targetBalance: number;
  /** Everyday amounts are multiplied by this (wealthier accounts spend more). */
  spendingScale: number;
  narrationStyle: 0 | 1;
  contacts: readonly Contact[];
  /** Staff names paid by a business account's payroll. */
  staff: readonly string[];
  linkedAtMs: number;
}

export function hasNoData(kind: AccountKind): boolean {
  return kind === 'empty' || kind === 'datafailed';
}

export function hasNoTransactions(kind: AccountKind): boolean {
  return hasNoData(kind) || kind === 'partial';
}

export function buildProfile(id: string, anchorMs: number, traits?: AccountTraits): AccountProfile {
  const resolved = traits ?? (checkAccountId(id) as { ok: true; traits: AccountTraits }).traits;
  const kind = resolved.kind;
  const rng = Rng.for(id, 'profile');
  const business = kind === 'business';
  const currency: Currency = kind === 'usd' ? 'USD' : 'NGN';

  const institution = rng.pick(currency === 'USD' ? DOMICILIARY_INSTITUTIONS : INSTITUTIONS);
  const holder = makePerson(rng);
  const accountName = business ? rng.pick(COMPANIES) : fullName(holder);
  const accountType = business
    ? rng.pick(institution.businessTypes)
    : currency === 'USD'
      ? rng.pick(['DOMICILIARY USD', 'Domiciliary Account - USD', 'DOM SAVINGS USD'])
      : rng.pick(institution.personalTypes);
  const network = rng.pick(NETWORK_NAMES);
  const phone = makePhone(rng, network);
  const emailDomain = rng.pick(['example.ng', 'example.com', 'mail.example.ng']);
  const email = business
    ? `accounts@${accountName.split(/\s+/)[0].toLowerCase().replace(/[^a-z]/g, '')}.example.ng`
    : `${holder.firstName.toLowerCase()}.${holder.lastName.toLowerCase()}@${emailDomain}`;

  const salaried = business ? false : currency === 'USD' ? true : rng.chance(0.85);
  const employer = !salaried ? null : currency === 'USD' ? rng.pick(REMOTE_EMPLOYERS) : rng.pick(EMPLOYERS);
  const monthlySalary = !salaried
    ? 0
    : currency === 'USD'
      ? Math.round(rng.logUniform(1500, 6000)) * 100
      : Math.round(rng.logUniform(120_000, 1_800_000) / 1000) * 1000 * 100;
  const spendingScale = business ? rng.between(1, 4) : salaried ? Math.min(4, Math.max(0.5, monthlySalary / 40_000_000)) : rng.between(0.6, 1.5);
  const targetBalance = business
    ? Math.round(rng.logUniform(3_000_000, 30_000_000)) * 100
    : salaried
      ? Math.round(monthlySalary * 1.5)
      : currency === 'USD'
        ? 300_000
        : Math.round(rng.logUniform(100_000, 600_000)) * 100;

  const transactionCount =
    resolved.transactionCount ?? (hasNoTransactions(kind) ? 0 : business ? rng.int(150, 600) : rng.int(30, 600));

  const contactRng = Rng.for(id, 'contacts');
  const contacts = Array.from({ length: contactRng.int(5, 10) }, () => ({
    name: narrationName(makePerson(contactRng)),
    bank: contactRng.pick(INSTITUTIONS).shortName,
  }));
  const staff = business ? Array.from({ length: contactRng.int(3, 7) }, () => narrationName(makePerson(contactRng))) : [];

  const dobMs = Date.UTC(rng.int(1965, 2003), rng.int(0, 11), rng.int(1, 28));
  return {
    id,
    kind,
    seed: seedOf(id, 'profile'),
    holder,
    holderShortName: narrationName(holder),
    accountName,
    institution,
    institutionType: business ? 'BUSINESS_BANKING' : 'PERSONAL_BANKING',
    accountNumber: makeNuban(institution, rng),
    accountType,
    currency,
    customerId: objectIdFor(id, 'customer', anchorMs - 400 * DAY_MS),
    bvn: `22${rng.digits(9)}`,
    authMethod: rng.pick(institution.authMethods),
    network,
    phone,
    email,
    dob: isoDate(dobMs),
    address: rng.chance(0.85) ? rng.pick(STREETS) : null,
    maritalStatus: rng.chance(0.6) ? rng.pick(['Single', 'Married', 'Married', 'Divorced']) : null,
    lgaOfOrigin: rng.chance(0.7) ? holder.lgaOfOrigin : null,
    employer,
    monthlySalary,
    payDay: rng.int(25, 28),
    payMinuteOfDay: rng.int(7 * 60, 11 * 60),
    hasSideIncome: !business && currency === 'NGN' && (!salaried || rng.chance(0.3)),
    transactionCount,
    targetBalance,
    spendingScale,
    narrationStyle: rng.chance(0.5) ? 0 : 1,
    contacts,
    staff,
    linkedAtMs: anchorMs - rng.int(1, 30) * DAY_MS + rng.int(8 * 3600, 20 * 3600) * 1000,
  };
}
