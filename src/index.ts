// Classes, helpers and types; importing this registers nothing (see ./define.ts).
export * from './model/index.js';
export * from './client/index.js';
export * from './core/index.js';
export { msg, registerMessages, withMessages, type MessageKey, type Messages } from './i18n/index.js';
export { MonoProvider } from './elements/provider/mono-provider.js';
export { MonoConnectButton, type ConnectCustomer } from './elements/connect-button/mono-connect-button.js';
export { MONO_ELEMENTS, defineElements, type MonoTag, type DefineOptions } from './tags.js';
export { MonoAccount, missingData } from './elements/account/mono-account.js';
export { MonoStatement, type PdfState } from './elements/statement/mono-statement.js';
export { summarise as summariseStatement, type StatementView, type CurrencyTotals } from './elements/statement/summary.js';
export { MonoIdentity, type SensitiveField } from './elements/identity/mono-identity.js';
export { MonoTransactions, type LoadedTransactions } from './elements/transactions/mono-transactions.js';
export { MonoTransactionTable } from './elements/transactions/mono-transaction-table.js';
export { MonoIncomeSummary } from './elements/income-summary/mono-income-summary.js';
export { MonoAssets } from './elements/assets/mono-assets.js';
export { MonoEarnings } from './elements/earnings/mono-earnings.js';
export { MonoSyncButton } from './elements/sync-button/mono-sync-button.js';
export { isChartJsLoaded, type ChartView, type ChartSpec, type ChartTable } from './charts/index.js';
