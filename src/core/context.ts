import { createContext } from '@lit/context';
import type { MonoClient } from '../client/client.js';
import type { Messages } from '../i18n/en.js';

export interface MonoContextValue {
  client: MonoClient;
  endpoint: string;
  accountId?: string;
  locale?: string;
  /** Host overrides of the message catalogue for every element inside. */
  messages?: Partial<Messages>;
}

/** A global symbol, so that two copies of the kit on one page still find each other's provider. */
export const monoContext = createContext<MonoContextValue>(Symbol.for('mono-elements/context'));
