import { translator } from './catalogue.js';
import { errorMessages } from './en-errors.js';

/** English messages of every data element (loading, retry, empty, idle) (part of `en`, see en.ts). */
export const commonMessages = {
  loading: 'Loading…',
  loadingSlow: 'Still loading… this is taking longer than usual.',
  retry: 'Try again',
  empty: 'Nothing to show yet.',
  noAccount: 'No account selected.',
  loaded: 'Loaded.',
  /** After `errorOffline` in an element's error box: it reloads by itself when the browser is back online. */
  reloadWhenOnline: 'This will load again when you are back online.',
  /** A label before its value ("Period: All"); French spaces its colon. */
  labelled: '{label}: {value}',
};

/** The shared words with the error messages (the resource controller's states), the host's catalogues first. */
export const commonText = /* @__PURE__ */ translator({ ...commonMessages, ...errorMessages });
