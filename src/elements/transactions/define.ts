import { MonoTransactionTable } from './mono-transaction-table.js';
import { MonoTransactions } from './mono-transactions.js';

MonoTransactions.define('mono-transactions');
MonoTransactionTable.define('mono-transaction-table');
