// The one list every hardening suite enumerates: each element of the kit, the contract resources it reads
// on its own, the ones it reads only after a user action, and how to mount and drive it. A new element
// gets one entry here and is then covered by the hostile-text, malformed-response, fault, CSP and
// accessibility suites. Plain data plus small browser-side functions: safe to import in node.
import type { ResourceKey } from './resources.js';

export interface ElementCase {
  tag: string;
  /** `src/elements/<folder>/define.ts` registers it. */
  folder: string;
  /** Imports that define module (browser only). */
  define: () => Promise<unknown>;
  /** Resources it loads as soon as it has an account id. */
  reads: ResourceKey[];
  /** Resources it loads only once `act` ran (a click on its button). */
  actReads?: ResourceKey[];
  /** Extra attributes when mounted. */
  attributes?: Record<string, string>;
  /** Starts its user-triggered work (e.g. clicks its main button); resolves once started. */
  act?: (el: HTMLElement) => Promise<void> | void;
  /** Whether it shows the shared loading / empty / error states on mount (buttons do not). */
  states: boolean;
}

/** Deepest match through open shadow roots. */
export function deepQuery<T extends Element = HTMLElement>(root: Element | ShadowRoot, selector: string): T | null {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deepQuery<T>(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return (root as Element).shadowRoot ? deepQuery<T>((root as Element).shadowRoot!, selector) : null;
}

const clickButton = (selector: string) => (el: HTMLElement) => {
  const button = deepQuery<HTMLButtonElement>(el, selector);
  if (!button) throw new Error(`<${el.localName}> has no ${selector}`);
  button.click();
};

export const ELEMENTS: readonly ElementCase[] = [
  { tag: 'mono-account', folder: 'account', define: () => import('../../src/elements/account/define.js'), reads: ['account'], states: true },
  { tag: 'mono-identity', folder: 'identity', define: () => import('../../src/elements/identity/define.js'), reads: ['identity'], states: true },
];

export const elementByTag = (tag: string) => ELEMENTS.find((e) => e.tag === tag);

/** Sandbox account ids that put a data element in each shared state. */
export const STATE_ACCOUNTS = {
  loaded: 'acc_demo',
  empty: 'empty_hardening',
  error: 'failing_hardening',
} as const;

export { clickButton };
