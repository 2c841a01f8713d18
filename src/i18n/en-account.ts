import { translator } from './catalogue.js';
import { commonMessages } from './en-common.js';

/** English messages of <mono-account> (part of `en`, see en.ts). */
export const accountMessages = {
  accountNumber: 'Account number',
  accountEndingIn: 'ending in {last4}',
  accountBankCode: 'bank code {code}',
  accountType: 'Type',
  accountTypeSavings: 'Savings',
  accountTypeCurrent: 'Current',
  accountTypeDomiciliary: 'Domiciliary',
  accountTypeBusiness: 'Business',
  accountTypeOther: 'Other',
  accountCurrency: 'Currency',
  accountBalance: 'Balance',
  accountAuthMethod: 'Linked with',
  accountAuthInternetBanking: 'Internet banking',
  accountAuthMobileBanking: 'Mobile banking',
  accountNotProvided: 'Not provided',
  accountDataStatus: 'Data status',
  accountStatusAVAILABLE: 'Available',
  accountStatusPARTIAL: 'Partial',
  accountStatusUNAVAILABLE: 'Unavailable',
  accountStatusFAILED: 'Failed',
  accountStatusPROCESSING: 'Processing',
  accountStatusUNKNOWN: 'Unknown',
  accountStatusHelpAVAILABLE: 'Balance and transactions were fetched.',
  accountStatusHelpPARTIAL: 'Missing: {missing}.',
  accountStatusHelpPartialUnknown: 'Some data could not be fetched.',
  accountStatusHelpUNAVAILABLE: 'The bank returned no balance or transactions.',
  accountStatusHelpFAILED: 'Mono could not fetch this account’s data.',
  accountStatusHelpPROCESSING: 'Mono is still fetching data from the bank; this updates by itself.',
  accountStatusHelpUNKNOWN: 'The data status was not reported.',
  accountStillProcessing: 'Still processing. Check again in a few minutes.',
  accountCheckAgain: 'Check again',
  accountDataIdentity: 'identity',
  accountDataBalance: 'balance',
  accountDataTransactions: 'transactions',
};

/** The words of <mono-account>: this part and the shared one, looked up in the host's catalogues first. */
export const accountText = /* @__PURE__ */ translator({ ...commonMessages, ...accountMessages });
