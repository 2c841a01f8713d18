/** English messages of <mono-connect-button> (part of `en`, see en.ts). */
export const connectMessages = {
  connectLabel: 'Link your bank account',
  connectReauthLabel: 'Reconnect your bank account',
  connectDialogTitle: 'Link your bank account',
  connectDialogReauthTitle: 'Reconnect your bank account',
  connectFrameTitle: 'Mono Connect',
  connectClose: 'Close',
  connectOpening: 'Opening Mono Connect…',
  connectFinishing: 'Linking your account…',
  connectPopupWaiting: 'Continue in the Mono Connect window.',
  connectPopupShow: 'Show the window',
  connectPopupCancel: 'Cancel',
  connectRedirecting: 'Taking you to Mono Connect…',
  connectLinked: 'Account linked.',
  connectPopupBlocked: 'Your browser blocked the Mono Connect window. Allow pop-ups for this site and try again.',
  connectWidgetError: 'Mono Connect could not finish. Try again.',
};
