/** Mono's older v1 shapes (MONO_API.md §4, §5, §7, §8, §13), served for `v1*` accounts. */
import type { AssetsData } from './investments.js';
import { fullName } from './people.js';
import type { AccountProfile } from './profile.js';
import type { Transaction } from './transactions.js';

export function v1Details(profile: AccountProfile, balance: number, dataStatus: string, updatedAtMs: number) {
  return {
    id: profile.id,
    name: profile.accountName,
    type: profile.accountType,
    account_number: profile.accountNumber,
    balance,
    currency: profile.currency.toLowerCase(),
    data_status: dataStatus.toLowerCase(),
    institution: {
      name: profile.institution.name,
      type: profile.institutionType,
      bank_code: profile.institution.bankCode,
      auth_method: profile.authMethod,
    },
    created_at: new Date(profile.linkedAtMs).toISOString(),
    updated_at: new Date(updatedAtMs).toISOString(),
  };
}

export function v1Transaction(txn: Transaction, currency: string) {
  return {
    _id: txn.id,
    type: txn.type,
    amount: txn.amount,
    narration: txn.narration,
    date: txn.date,
    balance: txn.balance,
    currency,
    category: txn.category,
  };
}

function dayMonthYear(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

export function v1Identity(profile: AccountProfile) {
  return {
    fullName: fullName(profile.holder),
    email: profile.email,
    phone: profile.phone,
    gender: profile.holder.gender === 'male' ? 'Male' : 'Female',
    dob: dayMonthYear(profile.dob),
    bvn: profile.bvn,
    maritalStatus: profile.maritalStatus,
    addressLine1: profile.address,
    addressLine2: null,
  };
}

export function v1Assets(data: AssetsData) {
  return {
    _id: data.id,
    balances: data.balances,
    assets: data.assets.map((asset) => ({
      name: asset.name,
      type: asset.type,
      cost: asset.cost,
      return: asset.return,
      quantity: asset.quantity,
      currency: asset.currency,
      details: { symbol: asset.details.symbol, price: asset.details.price, currentBalance: asset.details.current_balance },
    })),
  };
}
