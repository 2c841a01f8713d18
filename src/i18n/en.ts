/** English messages; other catalogues provide the same keys. */
export const en = {
  loading: 'Loading…',
  retry: 'Try again',
  empty: 'Nothing to show yet.',
  noAccount: 'No account selected.',
  loaded: 'Loaded.',
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
  errorTimeout: 'The server took too long to answer.',
  errorHttp: 'The server answered with an error ({status}).',
  errorInvalid: 'The server sent data we could not read.',
  errorReauth: 'The bank needs the account holder to sign in again.',
  errorConfig: 'This element is not set up correctly.',
  errorOther: 'Something went wrong.',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
