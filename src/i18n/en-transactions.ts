import { translator } from './catalogue.js';
import { commonMessages } from './en-common.js';

/** English messages of <mono-transactions> and <mono-transaction-table> (part of `en`, see en.ts). */
export const transactionMessages = {
  txnCaption: 'Transactions',
  txnDate: 'Date',
  txnNarration: 'Narration',
  txnCategory: 'Category',
  txnAmount: 'Amount',
  txnBalance: 'Balance',
  txnType: 'Type',
  txnCurrency: 'Currency',
  txnId: 'ID',
  txnCredit: 'Credit',
  txnDebit: 'Debit',
  txnNoBalance: 'Not given',
  txnUncategorised: 'Uncategorised',
  txnFilters: 'Filter transactions',
  txnFrom: 'From',
  txnTo: 'To',
  txnTypeAll: 'All',
  txnTypeCredit: 'Money in',
  txnTypeDebit: 'Money out',
  txnSearch: 'Search narration',
  txnClearFilters: 'Clear filters',
  txnExport: 'Export CSV',
  txnMoneyIn: 'Money in',
  txnMoneyOut: 'Money out',
  txnCountOne: '1 transaction',
  txnCountMany: '{count} transactions',
  txnShown: '{count} shown',
  txnEmpty: 'No transactions in this period.',
  txnNoMatch: 'No transactions match these filters.',
  txnBadRange: 'The start date is after the end date.',
  txnFiltering: 'Filtering…',
  txnUpdating: 'Updating…',
  txnPages: 'Pages',
  txnPrevious: 'Previous',
  txnNext: 'Next',
  txnPageOf: 'Page {page} of {pages}',
  txnLoadMore: 'Load more',
  txnShowingOf: 'Showing {shown} of {total}',
  txnLoadFailed: 'Some transactions could not be loaded.',
  txnInvalidData: 'The transactions given to this element are not in a shape it can read ({path}).',
};

/** The words of <mono-transactions> and <mono-transaction-table>: this part and the shared one, looked up in the host's catalogues first. */
export const transactionText = /* @__PURE__ */ translator({ ...commonMessages, ...transactionMessages });
