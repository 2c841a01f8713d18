import { objectIdFor, type Rng } from './random.js';

export interface Institution {
  /** Mono-style institution id (24 hex), stable per bank. */
  id: string;
  name: string;
  /** CBN code: 3 digits for deposit money banks, 5 for microfinance banks. */
  bankCode: string;
  /** How the bank names itself (and other banks) inside narrations. */
  shortName: string;
  ussd: string;
  /** Leading digits real account numbers at this bank tend to start with. */
  serialPrefixes: readonly string[];
  personalTypes: readonly string[];
  businessTypes: readonly string[];
  authMethods: readonly ('internet_banking' | 'mobile_banking')[];
}

const BANKS: Omit<Institution, 'id'>[] = [
  {
    name: 'GTBank', bankCode: '058', shortName: 'GTB', ussd: '*737#', serialPrefixes: ['0', '01', '02'],
    personalTypes: ['SAVINGS', 'SAVINGS_ACCOUNT', 'CURRENT'], businessTypes: ['BUSINESS_BANKING', 'CURRENT'],
    authMethods: ['internet_banking', 'mobile_banking'],
  },
  {
    name: 'Access Bank', bankCode: '044', shortName: 'ACCESS BANK', ussd: '*901#', serialPrefixes: ['0', '14', '15'],
    personalTypes: ['SAVINGS ACCOUNT - INDIVIDUAL', 'Current Account - Individual'], businessTypes: ['Current Account - Corporate'],
    authMethods: ['internet_banking', 'mobile_banking'],
  },
  {
    name: 'Zenith Bank', bankCode: '057', shortName: 'ZENITH BANK', ussd: '*966#', serialPrefixes: ['1', '2', '22'],
    personalTypes: ['SAVINGS', 'CURRENT', 'Tier 3 Savings Account'], businessTypes: ['CURRENT ACCOUNT - BUSINESS'],
    authMethods: ['internet_banking'],
  },
  {
    name: 'First Bank', bankCode: '011', shortName: 'FIRSTBANK', ussd: '*894#', serialPrefixes: ['30', '31', '32'],
    personalTypes: ['SAVINGS ACCOUNT', 'Current Account - Individual'], businessTypes: ['CURRENT ACCOUNT - CORPORATE'],
    authMethods: ['internet_banking', 'mobile_banking'],
  },
  {
    name: 'UBA', bankCode: '033', shortName: 'UBA', ussd: '*919#', serialPrefixes: ['10', '20', '21'],
    personalTypes: ['SAVINGS', 'Tier 3 Savings Account', 'CURRENT'], businessTypes: ['BUSINESS_BANKING'],
    authMethods: ['internet_banking', 'mobile_banking'],
  },
  {
    name: 'Fidelity Bank', bankCode: '070', shortName: 'FIDELITY BANK', ussd: '*770#', serialPrefixes: ['50', '61', '62'],
    personalTypes: ['SAVINGS_ACCOUNT', 'CURRENT'], businessTypes: ['BUSINESS_BANKING'],
    authMethods: ['internet_banking'],
  },
  {
    name: 'Stanbic IBTC', bankCode: '221', shortName: 'STANBIC IBTC', ussd: '*909#', serialPrefixes: ['00', '01'],
    personalTypes: ['SAVINGS ACCOUNT - INDIVIDUAL', 'CURRENT'], businessTypes: ['CURRENT ACCOUNT - BUSINESS'],
    authMethods: ['internet_banking'],
  },
  {
    name: 'Sterling Bank', bankCode: '232', shortName: 'STERLING BANK', ussd: '*822#', serialPrefixes: ['00', '05'],
    personalTypes: ['SAVINGS', 'Digital Savings Account'], businessTypes: ['BUSINESS_BANKING'],
    authMethods: ['internet_banking', 'mobile_banking'],
  },
  {
    name: 'ALAT by WEMA', bankCode: '035', shortName: 'WEMA BANK', ussd: '*945#', serialPrefixes: ['02', '03', '82'],
    personalTypes: ['Digital Savings Account', 'SAVINGS_ACCOUNT'], businessTypes: ['BUSINESS_BANKING'],
    authMethods: ['mobile_banking'],
  },
  {
    name: 'FCMB', bankCode: '214', shortName: 'FCMB', ussd: '*329#', serialPrefixes: ['1', '3', '5'],
    personalTypes: ['SAVINGS', 'Current Account - Individual'], businessTypes: ['CURRENT ACCOUNT - SME'],
    authMethods: ['internet_banking'],
  },
  {
    name: 'Kuda MFB', bankCode: '50211', shortName: 'KUDA MFB', ussd: '*5573#', serialPrefixes: ['20'],
    personalTypes: ['Digital Savings Account', 'SAVINGS'], businessTypes: ['BUSINESS_BANKING'],
    authMethods: ['mobile_banking'],
  },
  {
    name: 'Moniepoint MFB', bankCode: '50515', shortName: 'MONIEPOINT MFB', ussd: '*5573#', serialPrefixes: ['50', '51', '65'],
    personalTypes: ['SAVINGS', 'Tier 3 Savings Account'], businessTypes: ['BUSINESS_BANKING', 'CURRENT'],
    authMethods: ['mobile_banking'],
  },
];

export const INSTITUTIONS: readonly Institution[] = BANKS.map((bank) => ({
  ...bank,
  id: objectIdFor(bank.name, 'institution', Date.UTC(2020, 7, 7)),
}));

/** Banks that open domiciliary (USD) accounts: the deposit money banks, not the microfinance banks. */
export const DOMICILIARY_INSTITUTIONS = INSTITUTIONS.filter((bank) => bank.bankCode.length === 3);

const NUBAN_WEIGHTS = [3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3];

/**
 * CBN NUBAN check digit (the 2020 revision covering microfinance banks): the bank code padded to
 * 6 digits ("000" + 3-digit DMB code, "9" + 5-digit OFI code) followed by the 9-digit serial.
 */
export function nubanCheckDigit(bankCode: string, serial: string): number {
  const code = bankCode.length === 3 ? `000${bankCode}` : `9${bankCode}`;
  const digits = code + serial;
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += Number(digits[i]) * NUBAN_WEIGHTS[i];
  return (10 - (sum % 10)) % 10;
}

export function isValidNuban(bankCode: string, accountNumber: string): boolean {
  return /^\d{10}$/.test(accountNumber) && nubanCheckDigit(bankCode, accountNumber.slice(0, 9)) === Number(accountNumber[9]);
}

export function makeNuban(bank: Institution, rng: Rng): string {
  const prefix = rng.pick(bank.serialPrefixes);
  const serial = prefix + rng.digits(9 - prefix.length);
  return serial + nubanCheckDigit(bank.bankCode, serial);
}
