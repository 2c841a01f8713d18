/** English error messages, shared by every element (part of `en`, see en.ts). */
export const errorMessages = {
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
  /** A network error while the browser says it is offline. */
  errorOffline: 'You are offline.',
  errorTimeout: 'The server took too long to answer.',
  errorHttp: 'The server answered with an error ({status}).',
  errorInvalid: 'The server sent data we could not read.',
  errorReauth: 'The bank needs the account holder to sign in again.',
  errorConfig: 'This element is not set up correctly.',
  errorOther: 'Something went wrong.',
};
