// The bare import stays in the .d.ts, so this entry alone brings the tag's and its events' global types.
import './mono-transactions.js';
import { MonoTransactionTable } from './mono-transaction-table.js';
import { MonoTransactions } from './mono-transactions.js';

MonoTransactions.define('mono-transactions');
MonoTransactionTable.define('mono-transaction-table');
