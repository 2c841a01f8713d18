import { translator } from './catalogue.js';
import { commonMessages } from './en-common.js';

/** English messages of <mono-sync-button> (part of `en`, see en.ts). */
export const syncMessages = {
  syncLabel: 'Refresh data',
  syncRunning: 'Refreshing account data…',
  syncWaiting: 'Waiting for the bank…',
  syncComplete: 'Updated with new data.',
  syncNoNewData: 'Up to date: the bank had no new data.',
  syncFailed: 'The refresh failed at the bank. Try again later.',
  syncTimedOut: 'The bank is still working on the refresh. Press the button to check again.',
  syncReauth: 'The bank needs the account holder to sign in again.',
  syncReauthHandoff: 'Opening the bank sign-in…',
  syncCooldown: 'An account can be refreshed once every {period}. Try again at {time}.',
};

/** The words of <mono-sync-button>: this part and the shared one, looked up in the host's catalogues first. */
export const syncText = /* @__PURE__ */ translator({ ...commonMessages, ...syncMessages });
