import { accountMessages } from './en-account.js';
import { commonMessages } from './en-common.js';
import { connectMessages } from './en-connect.js';
import { errorMessages } from './en-errors.js';
import { identityMessages } from './en-identity.js';
import { insightMessages } from './en-insights.js';
import { statementMessages } from './en-statement.js';
import { syncMessages } from './en-sync.js';
import { transactionMessages } from './en-transactions.js';

/**
 * English messages; other catalogues provide the same keys. Each element translates with its own parts
 * (en-*.ts), so that a page carries the words of the elements it uses and no others.
 */
export const en = {
  ...commonMessages,
  ...errorMessages,
  ...transactionMessages,
  ...accountMessages,
  ...statementMessages,
  ...identityMessages,
  ...insightMessages,
  ...syncMessages,
  ...connectMessages,
};

export type MessageKey = keyof typeof en;

/** The kinds of Mono's codes that elements show as words (see `codeWords`). */
export const CODE_KINDS = ['category', 'incomeType', 'frequency', 'gender', 'maritalStatus', 'authMethod'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

/**
 * Words for Mono's codes, optional in every catalogue: `'category:bank_charges': 'Frais bancaires'`. The key is the
 * kind, a colon, and the code in lower case with `_` between its words. English has none: a code without an
 * entry is shown made readable ("Bank charges").
 */
export type CodeMessages = { [key: `${CodeKind}:${string}`]: string };

export type Messages = Record<MessageKey, string> & CodeMessages;
