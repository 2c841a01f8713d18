import { ContextRoot, createContext } from '@lit/context';
import type { MonoDataClient } from '../client/data-client.js';
import type { Messages } from '../i18n/en.js';

export interface MonoContextValue {
  client: MonoDataClient;
  endpoint: string;
  accountId?: string;
  locale?: string;
  /** Host overrides of the message catalogue for every element inside. */
  messages?: Partial<Messages>;
}

/** A global symbol, so that two copies of the kit on one page still find each other's provider. */
export const monoContext = createContext<MonoContextValue>(Symbol.for('mono-elements/context'));

const ROOT_ATTACHED = Symbol.for('mono-elements/context-root');

/**
 * An element upgraded before its `<mono-provider>` asks for the context before anyone can answer. A
 * ContextRoot on the document keeps such requests and replays them when a provider appears, so the
 * order in which tags are defined (or bundles reorder define modules) never matters. Attached once per page.
 */
export function ensureContextRoot(): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement as HTMLElement & { [ROOT_ATTACHED]?: boolean };
  if (root[ROOT_ATTACHED]) return;
  root[ROOT_ATTACHED] = true;
  new ContextRoot().attach(root);
}
