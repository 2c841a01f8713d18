import { MONTH_ABBREVIATIONS } from './dates.js';
import { INSTITUTIONS } from './institutions.js';
import { CITIES, COMPANIES, makePhone, NETWORK_NAMES, type Network } from './people.js';
import type { Rng } from './random.js';
import type { AccountProfile } from './profile.js';

export type Category =
  | 'shopping'
  | 'transfer'
  | 'airtime'
  | 'salary'
  | 'bank_charges'
  | 'bills'
  | 'online_transactions'
  | 'transport'
  | 'entertainment'
  | 'unknown';

export type Direction = 'debit' | 'credit';

/** One generated bank line before it gets a date, id and running balance. Amounts are in minor units. */
export interface Draft {
  narration: string;
  amount: number;
  type: Direction;
  category: Category;
  /** Scalable drafts may be shrunk to what the balance allows; fixed prices (Netflix, DSTV) may not. */
  scalable: boolean;
  /** Transfers attract a follow-up charge (commission on debits, the ₦50 levy on credits of ₦10,000+). */
  charged?: boolean;
}

export interface DraftContext {
  profile: AccountProfile;
  /** Multiplies everyday amounts so richer accounts spend more. */
  scale: number;
}

type Maker = (rng: Rng, ctx: DraftContext) => Draft;

const naira = (value: number): number => Math.round(value) * 100;
const roundTo = (value: number, step: number): number => Math.max(step, Math.round(value / step) * step);

const SUPERMARKETS = ['SHOPRITE IKEJA CITY MALL', 'SHOPRITE LEKKI', 'SPAR LEKKI', 'EBEANO SUPERMARKET', 'PRINCE EBEANO', 'JUST RITE SUPERSTORE', 'HUBMART VI', 'MARKET SQUARE'];
const RESTAURANTS = ['CHICKEN REPUBLIC', 'KILIMANJARO', 'DOMINOS PIZZA', 'COLD STONE CREAMERY', 'BUKKA HUT', 'THE PLACE RESTAURANT', 'SWEET SENSATION'];
const OTHER_SHOPS = ['MEDPLUS PHARMACY', 'HEALTHPLUS PHARMACY', 'SLOT SYSTEMS', 'FILMHOUSE CINEMAS', 'GAME STORES', 'MR PRICE'];
const FUEL_STATIONS = ['TOTALENERGIES', 'TOTAL ENERGIES', 'MRS OIL', 'CONOIL', 'NNPC MEGA STATION', 'ARDOVA AP'];
const ONLINE_SHOPS = ['JUMIA NIGERIA', 'KONGA ONLINE', 'JUMIA FOOD', 'CHOWDECK', 'GLOVO NG', 'ALIEXPRESS'];
const SUBSCRIPTIONS: readonly (readonly [string, number, Category])[] = [
  ['NETFLIX.COM', 7000, 'entertainment'],
  ['NETFLIX.COM', 4400, 'entertainment'],
  ['SPOTIFY', 1300, 'entertainment'],
  ['SPOTIFY P2F9A1', 1900, 'entertainment'],
  ['SHOWMAX', 2900, 'entertainment'],
  ['APPLE.COM/BILL', 1500, 'entertainment'],
  ['YOUTUBEPREMIUM', 1100, 'entertainment'],
];
const TV_PACKAGES: readonly (readonly [string, number])[] = [
  ['DSTV COMPACT', 15700],
  ['DSTV COMPACT PLUS', 25000],
  ['DSTV PREMIUM', 37000],
  ['GOTV MAX', 8500],
  ['GOTV JOLLI', 5800],
];
const DISCOS = ['IKEDC', 'EKEDC', 'AEDC', 'IBEDC', 'EEDC'];
const TRANSFER_OUT_PURPOSES = ['UPKEEP', 'FOOD STUFF', 'LOAN REPAYMENT', 'ASO EBI', 'SCHOOL FEES', 'DUES', 'BIRTHDAY', 'CONTRIBUTION', 'TRANSPORT', '', ''];
const TRANSFER_IN_PURPOSES = ['RENT CONTRIBUTION', 'REFUND', 'MY SHARE', 'LOAN', 'GIFT', 'THANK YOU', 'AJO', '', ''];
const SIDE_INCOME_PURPOSES = ['FREELANCE DESIGN JOB', 'CONSULTING FEE', 'CONTRACT PAYMENT'];
const SAVINGS_APPS = ['PIGGYVEST', 'COWRYWISE', 'RISEVEST', 'CARBON'];

function pickContact(rng: Rng, ctx: DraftContext): { name: string; bank: string } {
  return rng.pick(ctx.profile.contacts);
}

/** Another company than the account holder itself. */
function counterparty(rng: Rng, ctx: DraftContext): string {
  const index = Math.floor(rng.next() * COMPANIES.length);
  const name = COMPANIES[index];
  return name === ctx.profile.accountName ? COMPANIES[(index + 1) % COMPANIES.length] : name;
}

function transferOut(purposes: readonly string[], amount: number): Maker {
  return (rng, ctx) => {
    const contact = pickContact(rng, ctx);
    const purpose = rng.pick(purposes);
    const narration =
      ctx.profile.narrationStyle === 0
        ? `NIP TRANSFER TO ${contact.bank}/${contact.name}${purpose ? `/${purpose}` : ''}`
        : `TRF TO ${contact.name} ${contact.bank}${purpose ? ` ${purpose}` : ''}`;
    return { narration, amount: roundTo(naira(rng.logUniform(2000, amount) * ctx.scale), 10000), type: 'debit', category: 'transfer', scalable: true, charged: true };
  };
}

const personalDebits: readonly (readonly [Maker, number])[] = [
  [
    (rng, ctx) => {
      const shop = rng.chance(0.55) ? rng.pick(SUPERMARKETS) : rng.chance(0.6) ? rng.pick(RESTAURANTS) : rng.pick(OTHER_SHOPS);
      const city = rng.pick(CITIES);
      const narration = ctx.profile.narrationStyle === 0 ? `POS PURCHASE ${shop} ${city} LA NG` : `POS/WEB PMT ${shop} ${city} NG`;
      return { narration, amount: naira(rng.logUniform(1500, 60000) * ctx.scale), type: 'debit', category: 'shopping', scalable: true };
    },
    20,
  ],
  [
    (rng, ctx) => {
      const litres = rng.int(10, 60);
      const price = rng.pick([617, 650, 865, 935, 1030]);
      return {
        narration: `POS PURCHASE ${rng.pick(FUEL_STATIONS)} ${rng.pick(CITIES)} NG`,
        amount: litres * price * 100 * Math.max(1, Math.round(ctx.scale)),
        type: 'debit',
        category: 'transport',
        scalable: true,
      };
    },
    6,
  ],
  [
    (rng) => {
      const bolt = rng.chance(0.6);
      const ref = rng.hex(8).toUpperCase();
      return {
        narration: bolt ? `WEB PURCHASE BOLT.EU/O/${ref} TALLINN EE` : `WEB PURCHASE UBER *TRIP ${ref} LAGOS NG`,
        amount: naira(rng.int(1800, 12000)),
        type: 'debit',
        category: 'transport',
        scalable: false,
      };
    },
    5,
  ],
  [
    (rng, ctx) => {
      const own = rng.chance(0.7);
      const network: Network = own ? ctx.profile.network : rng.pick(NETWORK_NAMES);
      const phone = own ? ctx.profile.phone : makePhone(rng, network);
      const amount = naira(rng.pick([100, 200, 500, 1000, 1500, 2000, 3000, 5000]));
      const narration = ctx.profile.narrationStyle === 0 ? `AIRTIME PURCHASE ${network} ${phone}` : `AIRTIME/${network}/${phone}`;
      return { narration, amount, type: 'debit', category: 'airtime', scalable: false };
    },
    10,
  ],
  [
    (rng, ctx) => {
      const [size, price] = rng.pick([['1.5GB', 1000], ['6GB', 2500], ['10GB', 3500], ['20GB', 5500], ['40GB', 11000]] as const);
      return {
        narration: `${ctx.profile.network} DATA BUNDLE ${size} ${ctx.profile.phone}`,
        amount: naira(price),
        type: 'debit',
        category: 'airtime',
        scalable: false,
      };
    },
    4,
  ],
  [transferOut(TRANSFER_OUT_PURPOSES, 150000), 16],
  [
    (rng, ctx) => {
      const contact = pickContact(rng, ctx);
      return {
        narration: `USSD TRANSFER ${ctx.profile.institution.ussd.replace('#', '*')} TO ${contact.name} ${contact.bank}`,
        amount: roundTo(naira(rng.logUniform(1000, 50000) * ctx.scale), 10000),
        type: 'debit',
        category: 'transfer',
        scalable: true,
        charged: true,
      };
    },
    3,
  ],
  [
    (rng) => {
      const [pack, price] = rng.pick(TV_PACKAGES);
      return { narration: `${pack} SUBSCRIPTION ${rng.digits(10)} MULTICHOICE`, amount: naira(price), type: 'debit', category: 'bills', scalable: false };
    },
    1.5,
  ],
  [
    (rng) => {
      const disco = rng.pick(DISCOS);
      return {
        narration: `${disco} PREPAID TOKEN ${rng.digits(11)}`,
        amount: naira(roundTo(rng.logUniform(5000, 40000), 500)),
        type: 'debit',
        category: 'bills',
        scalable: false,
      };
    },
    3,
  ],
  [
    (rng) => {
      const [merchant, price, category] = rng.pick(SUBSCRIPTIONS);
      return { narration: `CARD WEB PURCHASE ${merchant} ${rng.digits(6)}`, amount: naira(price), type: 'debit', category, scalable: false };
    },
    3,
  ],
  [
    (rng, ctx) => ({
      narration: `WEB PURCHASE ${rng.pick(ONLINE_SHOPS)} ${rng.hex(10).toUpperCase()}`,
      amount: naira(rng.logUniform(3000, 80000) * ctx.scale),
      type: 'debit',
      category: 'online_transactions',
      scalable: true,
    }),
    6,
  ],
  [
    (rng, ctx) => ({
      narration: `ATM WDL ${ctx.profile.institution.shortName} ATM ${rng.pick(CITIES)} ${rng.digits(4)}`,
      amount: naira(rng.pick([5000, 10000, 15000, 20000])),
      type: 'debit',
      category: 'unknown',
      scalable: false,
    }),
    4,
  ],
];

const personalCredits: readonly (readonly [Maker, number])[] = [
  [
    (rng, ctx) => {
      const contact = pickContact(rng, ctx);
      const purpose = rng.pick(TRANSFER_IN_PURPOSES);
      const narration =
        ctx.profile.narrationStyle === 0
          ? `NIP TRANSFER FROM ${contact.name}/${contact.bank}${purpose ? `/${purpose}` : ''}`
          : `TRANSFER FROM ${contact.name}${purpose ? ` ${purpose}` : ''}`;
      return { narration, amount: roundTo(naira(rng.logUniform(2000, 150000) * ctx.scale), 10000), type: 'credit', category: 'transfer', scalable: true, charged: true };
    },
    10,
  ],
  [
    (rng) => ({
      narration: `REVERSAL POS PURCHASE ${rng.pick(SUPERMARKETS)} ${rng.digits(6)}`,
      amount: naira(rng.logUniform(1000, 20000)),
      type: 'credit',
      category: 'unknown',
      scalable: false,
    }),
    0.6,
  ],
];

/** Irregular income the income analysis recognises by SIDE_INCOME_PATTERN. */
const sideIncome: Maker = (rng, ctx) => ({
  narration: `NIP TRANSFER FROM ${counterparty(rng, ctx)}/${rng.pick(INSTITUTIONS).shortName}/${rng.pick(SIDE_INCOME_PURPOSES)}`,
  amount: roundTo(naira(rng.logUniform(50000, 400000) * ctx.scale), 500000),
  type: 'credit',
  category: 'transfer',
  scalable: true,
  charged: true,
});

export const SIDE_INCOME_PATTERN = /FREELANCE DESIGN JOB|CONSULTING FEE|CONTRACT PAYMENT/;
export const BUSINESS_INCOME_PATTERN = /\/INV-\d+|SETTLEMENT/;

const businessDebits: readonly (readonly [Maker, number])[] = [
  [
    (rng, ctx) => ({
      narration: `NIP TRANSFER TO ${counterparty(rng, ctx)}/${rng.pick(INSTITUTIONS).shortName}/SUPPLIES ${rng.digits(4)}`,
      amount: roundTo(naira(rng.logUniform(50000, 2500000) * ctx.scale), 100000),
      type: 'debit',
      category: 'transfer',
      scalable: true,
      charged: true,
    }),
    14,
  ],
  [
    (rng) => ({
      narration: `POS PURCHASE ${rng.pick(FUEL_STATIONS)} DIESEL ${rng.pick(CITIES)} NG`,
      amount: rng.int(50, 400) * rng.pick([1050, 1200, 1350]) * 100,
      type: 'debit',
      category: 'transport',
      scalable: true,
    }),
    5,
  ],
  [
    (rng) => ({
      narration: rng.pick(['FIRS VAT REMITTANCE', 'LIRS PAYE REMITTANCE', 'LAWMA WASTE BILL', 'IKEDC POSTPAID BILL']) + ` ${rng.digits(8)}`,
      amount: naira(roundTo(rng.logUniform(15000, 900000), 1000)),
      type: 'debit',
      category: 'bills',
      scalable: false,
    }),
    3,
  ],
  [
    (rng, ctx) => ({
      narration: `WEB PURCHASE ${rng.pick(['GOOGLE *WORKSPACE', 'ZOHO CORP', 'CANVA', 'AWS EMEA', 'JUMIA NIGERIA'])} ${rng.hex(8).toUpperCase()}`,
      amount: naira(rng.logUniform(5000, 150000) * ctx.scale),
      type: 'debit',
      category: 'online_transactions',
      scalable: true,
    }),
    4,
  ],
  [transferOut(['LOGISTICS', 'REFUND', 'COMMISSION', 'DIRECTOR DRAWINGS'], 400000), 6],
];

const businessCredits: readonly (readonly [Maker, number])[] = [
  [
    (rng, ctx) => ({
      narration: `NIP TRANSFER FROM ${counterparty(rng, ctx)}/${rng.pick(INSTITUTIONS).shortName}/INV-${rng.int(1000, 9999)}`,
      amount: roundTo(naira(rng.logUniform(100000, 5000000) * ctx.scale), 100000),
      type: 'credit',
      category: 'transfer',
      scalable: true,
      charged: true,
    }),
    10,
  ],
  [
    (rng, ctx) => ({
      narration: `${rng.pick(['PAYSTACK', 'FLUTTERWAVE', 'MONIEPOINT POS'])} SETTLEMENT ${rng.hex(10).toUpperCase()}`,
      amount: naira(rng.logUniform(50000, 2000000) * ctx.scale),
      type: 'credit',
      category: 'transfer',
      scalable: true,
      charged: true,
    }),
    6,
  ],
];

const USD_CARD_MERCHANTS: readonly (readonly [string, number, number])[] = [
  ['AMAZON.COM', 12, 320],
  ['AMZN MKTP US', 8, 150],
  ['APPLE.COM/BILL', 2.99, 2.99],
  ['NETFLIX.COM', 15.49, 15.49],
  ['SPOTIFY USA', 11.99, 11.99],
  ['UDEMY', 12.99, 89.99],
  ['GITHUB INC', 4, 21],
];

const usdDebits: readonly (readonly [Maker, number])[] = [
  [
    (rng, ctx) => ({
      narration: `FX SALE TO NGN ACCOUNT ${ctx.profile.institution.shortName} RATE ${rng.int(1450, 1620)}`,
      amount: roundTo(Math.round(rng.logUniform(100, 1500) * 100 * ctx.scale), 1000),
      type: 'debit',
      category: 'transfer',
      scalable: true,
    }),
    6,
  ],
  [
    (rng) => {
      const [merchant, low, high] = rng.pick(USD_CARD_MERCHANTS);
      return {
        narration: `CARD WEB PURCHASE ${merchant} ${rng.digits(6)}`,
        amount: Math.round(rng.logUniform(low, high) * 100),
        type: 'debit',
        category: 'online_transactions',
        scalable: low !== high,
      };
    },
    8,
  ],
  [
    (rng) => ({
      narration: `SWIFT OUTWARD TRANSFER ${rng.pick(['TUITION UNIVERSITY OF LEEDS', 'VISA APPLICATION FEE', 'FAMILY SUPPORT UK', 'CONFERENCE FEE'])}`,
      amount: roundTo(Math.round(rng.logUniform(200, 3000) * 100), 100),
      type: 'debit',
      category: 'transfer',
      scalable: true,
    }),
    1.5,
  ],
];

const usdCredits: readonly (readonly [Maker, number])[] = [
  [
    (rng) => ({
      narration: `INWARD SWIFT TRANSFER FROM ${rng.pick(['UPWORK GLOBAL INC', 'PAYONEER INC', 'FAMILY GIFT USA', 'FIVERR INTL'])} REF ${rng.hex(8).toUpperCase()}`,
      amount: roundTo(Math.round(rng.logUniform(100, 2500) * 100), 100),
      type: 'credit',
      category: 'transfer',
      scalable: true,
    }),
    5,
  ],
];

export interface DraftBook {
  debits: readonly (readonly [Maker, number])[];
  credits: readonly (readonly [Maker, number])[];
}

export function draftBookFor(profile: AccountProfile): DraftBook {
  if (profile.kind === 'business') return { debits: businessDebits, credits: businessCredits };
  if (profile.currency === 'USD') return { debits: usdDebits, credits: usdCredits };
  const credits = profile.hasSideIncome ? [...personalCredits, [sideIncome, 3] as const] : personalCredits;
  return { debits: personalDebits, credits };
}

/** A large move of surplus money (rent, savings apps, investments) used when the balance runs high. */
export function surplusTransfer(rng: Rng, ctx: DraftContext, amount: number): Draft {
  const { profile } = ctx;
  if (profile.currency === 'USD') {
    return { narration: `FX SALE TO NGN ACCOUNT ${profile.institution.shortName} RATE ${rng.int(1450, 1620)}`, amount, type: 'debit', category: 'transfer', scalable: true };
  }
  if (profile.kind === 'business') {
    return { narration: `NIP TRANSFER TO ${counterparty(rng, ctx)}/${rng.pick(INSTITUTIONS).shortName}/BULK SUPPLIES`, amount, type: 'debit', category: 'transfer', scalable: true, charged: true };
  }
  const narration = rng.chance(0.5)
    ? `NIP TRANSFER TO ${rng.pick(SAVINGS_APPS)}/${profile.holderShortName}/SAVINGS`
    : `NIP TRANSFER TO ${pickContact(rng, ctx).bank}/${rng.pick(['ESTATE AGENT', 'LANDLORD', 'SCHOOL'])}/${rng.pick(['RENT', 'SCHOOL FEES', 'SERVICE CHARGE'])}`;
  return { narration, amount, type: 'debit', category: 'transfer', scalable: true, charged: true };
}

export function salaryDraft(profile: AccountProfile, monthIndex: number, year: number, amount: number): Draft {
  const month = MONTH_ABBREVIATIONS[monthIndex];
  const narration =
    profile.currency === 'USD'
      ? `INWARD SWIFT ${profile.employer} SALARY ${month} ${year}`
      : profile.narrationStyle === 0
        ? `SALARY ${month} ${year} ${profile.employer}`
        : `${profile.employer} SALARY FOR ${month} ${year}`;
  return { narration, amount, type: 'credit', category: 'salary', scalable: false, charged: profile.currency === 'NGN' };
}

export function payrollDraft(rng: Rng, ctx: DraftContext, staffName: string, monthIndex: number, year: number, amount: number): Draft {
  return {
    narration: `NIP TRANSFER TO ${pickContact(rng, ctx).bank}/${staffName}/SALARY ${MONTH_ABBREVIATIONS[monthIndex]} ${year}`,
    amount,
    type: 'debit',
    category: 'transfer',
    scalable: true,
  };
}

export const LEVY_THRESHOLD = 1_000_000; // ₦10,000 in kobo
export const LEVY_AMOUNT = 5_000; // ₦50

export function levyDraft(): Draft {
  return { narration: 'ELECTRONIC MONEY TRANSFER LEVY', amount: LEVY_AMOUNT, type: 'debit', category: 'bank_charges', scalable: false };
}

/** NIP commission by the CBN bands: ₦10.75 up to ₦5,000, ₦26.88 up to ₦50,000, ₦53.75 above. */
export function commissionDraft(transferAmount: number): Draft {
  const amount = transferAmount <= 500_000 ? 1_075 : transferAmount <= 5_000_000 ? 2_688 : 5_375;
  return { narration: 'NIP TRANSFER COMMISSION + VAT', amount, type: 'debit', category: 'bank_charges', scalable: false };
}

export function smsChargeDraft(monthIndex: number, year: number, alerts: number): Draft {
  return {
    narration: `SMS ALERT CHARGES ${MONTH_ABBREVIATIONS[monthIndex]} ${year}`,
    amount: Math.min(Math.max(alerts, 1) * 400, 100_000),
    type: 'debit',
    category: 'bank_charges',
    scalable: false,
  };
}

export function maintenanceDraft(profile: AccountProfile, monthIndex: number, year: number): Draft {
  const usd = profile.currency === 'USD';
  return {
    narration: usd ? `ACCOUNT MAINTENANCE FEE ${MONTH_ABBREVIATIONS[monthIndex]} ${year}` : `COT CHARGES ${MONTH_ABBREVIATIONS[monthIndex]} ${year}`,
    amount: usd ? 200 : 150_000 + (profile.seed % 5) * 25_000,
    type: 'debit',
    category: 'bank_charges',
    scalable: false,
  };
}
