import type { MonoError } from '../client/errors.js';
import type { IncomeView } from '../elements/income-summary/income-data.js';
import type { StatementView } from '../elements/statement/summary.js';
import type { LoadedTransactions } from '../elements/transactions/mono-transactions.js';
import type { Account } from '../model/account.js';
import type { Assets, Earning } from '../model/investments.js';
import type { Identity } from '../model/identity.js';
import type { StatementJob } from '../model/statement.js';
import type { Transaction } from '../model/transactions.js';

export type ConnectMode = 'modal' | 'popup' | 'redirect';
export type WidgetEventType =
  | 'LOADED'
  | 'OPENED'
  | 'INSTITUTION_SELECTED'
  | 'AUTH_METHOD_SWITCHED'
  | 'SUBMIT_CREDENTIALS'
  | 'SUBMIT_MFA'
  | 'ACCOUNT_LINKED'
  | 'ACCOUNT_SELECTED'
  | 'EXIT'
  | 'ERROR'
  | 'SUCCESS';

/** What `mono-load` carries in `data`, by the `resource` it names. */
export interface MonoLoadData {
  account: Account;
  transactions: LoadedTransactions;
  statement: StatementView;
  'statement-job': StatementJob;
  identity: Identity;
  income: IncomeView;
  assets: Assets;
  earnings: Earning[];
}

/** The resources a data element loads; `mono-load` names one of these. */
export type ResourceName = keyof MonoLoadData;

/** `mono-load`'s detail: checking `resource` narrows `data` (`if (e.detail.resource === 'account') e.detail.data.balance`). */
export type MonoLoadDetail = { [R in ResourceName]: { resource: R; data: MonoLoadData[R] } }[ResourceName];

export interface TransactionFilters {
  start?: string;
  end?: string;
  type?: 'all' | 'credit' | 'debit';
  narration?: string;
}

/** `detail` of every `mono-*` event, by name. */
export interface MonoEventDetails {
  'mono-open': { mode: ConnectMode; reference: string };
  'mono-widget-event': { type: WidgetEventType; data: Record<string, unknown> };
  'mono-success': { accountId: string; reference: string };
  'mono-close': { reason: 'user' | 'success' | 'error' };
  'mono-load': MonoLoadDetail;
  'mono-error': { error: MonoError };
  'mono-transaction-select': { transaction: Transaction };
  'mono-filter-change': { filters: TransactionFilters };
  'mono-sync': { status: 'started' | 'complete' | 'failed'; accountId: string; hasNewData?: boolean };
  'mono-reauth-required': { accountId: string };
}

export type MonoEventName = keyof MonoEventDetails;
export type MonoEvent<K extends MonoEventName> = CustomEvent<MonoEventDetails[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mono-open': MonoEvent<'mono-open'>;
    'mono-widget-event': MonoEvent<'mono-widget-event'>;
    'mono-success': MonoEvent<'mono-success'>;
    'mono-close': MonoEvent<'mono-close'>;
    'mono-load': MonoEvent<'mono-load'>;
    'mono-error': MonoEvent<'mono-error'>;
    'mono-transaction-select': MonoEvent<'mono-transaction-select'>;
    'mono-filter-change': MonoEvent<'mono-filter-change'>;
    'mono-sync': MonoEvent<'mono-sync'>;
    'mono-reauth-required': MonoEvent<'mono-reauth-required'>;
  }
}
