import { translator } from './catalogue.js';
import { commonMessages } from './en-common.js';

/** English messages of <mono-statement> (part of `en`, see en.ts). */
export const statementMessages = {
  statementPeriod: 'Period',
  statementPeriodOne: 'Last month',
  statementPeriodMany: 'Last {n} months',
  statementCount: 'Transactions',
  statementOpening: 'Opening balance',
  statementClosing: 'Closing balance',
  statementMoneyIn: 'Money in',
  statementMoneyOut: 'Money out',
  statementUnknown: 'Unknown',
  statementNoBalances: 'The bank sent no running balances, so the opening and closing balances are unknown.',
  statementEmpty: 'No transactions in this period.',
  statementCaption: 'Transactions in this period, newest first',
  statementPdfRequest: 'Get PDF statement',
  statementPdfCancel: 'Cancel',
  statementPdfRequesting: 'Requesting the PDF statement…',
  statementPdfBuilding: 'Preparing the PDF statement…',
  statementPdfReady: 'Your PDF statement is ready.',
  statementPdfDownload: 'Download PDF statement ({period})',
  statementPdfFailed: 'The PDF statement could not be built (status: {status}).',
  statementPdfTimeout: 'The PDF statement is taking too long.',
  statementPdfUnsafe: 'The PDF address is not a web link, so it is not shown.',
  statementPdfCancelled: 'PDF request cancelled.',
};

/** The words of <mono-statement>: this part and the shared one, looked up in the host's catalogues first. */
export const statementText = /* @__PURE__ */ translator({ ...commonMessages, ...statementMessages });
