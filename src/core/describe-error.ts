// Lit-free (unlike resource-controller.ts, which re-exports describeError): the connect button uses it.
import type { MonoError } from '../client/errors.js';
import type { MessageParams } from '../i18n/catalogue.js';
import type { errorMessages } from '../i18n/en-errors.js';

/**
 * Plain-language text for an error, by kind, in the words of `text` (a `msg` bound to one locale); a network error
 * while the browser is offline says so.
 */
export function describeErrorWith(error: MonoError, text: (key: keyof typeof errorMessages, params?: MessageParams) => string): string {
  switch (error.kind) {
    case 'network':
      return text(globalThis.navigator?.onLine === false ? 'errorOffline' : 'errorNetwork');
    case 'timeout':
      return text('errorTimeout');
    case 'http':
      return text('errorHttp', { status: error.status ?? '' }) + (error.message && !/^HTTP \d+$/.test(error.message) ? ` ${error.message.replace(END_AS_SENTENCE, '$&.')}` : '');
    case 'invalid-response':
      return text('errorInvalid');
    case 'reauth-required':
      return text('errorReauth');
    case 'config':
      return `${text('errorConfig')} ${error.message.replace(END_AS_SENTENCE, '$&.')}`;
    default:
      return error.message || text('errorOther');
  }
}

/** The server's own words end as a sentence after the kit's: a full stop unless they have one. */
const END_AS_SENTENCE = /[^.!?…。]$/;
