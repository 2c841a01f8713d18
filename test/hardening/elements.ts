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
  /** Extra attributes when mounted (short poll intervals, so suites never wait for real-world timings). */
  attributes?: Record<string, string>;
  /** Starts its user-triggered work (e.g. clicks its main button). */
  act?: (el: HTMLElement) => Promise<void> | void;
  /** When the work `act` started has ended, judged from the element's events. */
  actDone?: (events: CustomEvent[]) => boolean;
  /** Undoes what `act` left open (a dialog). */
  cleanup?: (el: HTMLElement) => void;
  /** Adjusts an answer before it is served (e.g. point a widget URL at the sandbox's own widget page). */
  adjust?: Partial<Record<ResourceKey, (body: unknown, request: Request) => unknown | Promise<unknown>>>;
  /** Text fields `adjust` overwrites, so hostile text never travels through them for this element. */
  fixedFields?: string[];
  /** Error kinds besides `invalid-response` that a damaged answer may legitimately lead to, and why. */
  alsoLegitimate?: { kinds: string[]; why: string };
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

const ended = (resource: string) => (events: CustomEvent[]) =>
  events.some((e) => e.type === 'mono-error' || (e.type === 'mono-load' && e.detail?.resource === resource));

export const ELEMENTS: readonly ElementCase[] = [
  {
    tag: 'mono-connect-button',
    folder: 'connect-button',
    define: () => import('../../src/elements/connect-button/define.js'),
    reads: [],
    actReads: ['initiate'],
    attributes: { 'widget-origins': 'self', 'no-preinitiate': '' },
    act: clickButton('[part~="button"]'),
    actDone: (events) => events.some((e) => e.type === 'mono-error' || e.type === 'mono-close' || (e.type === 'mono-widget-event' && e.detail?.type === 'LOADED')),
    cleanup: (el) => (el as HTMLElement & { close(): void }).close(),
    adjust: {
      // The backend must echo the reference (the kit refuses another one): hostile text goes through the other fields.
      initiate: async (body, request) => {
        const { meta } = (await request.json()) as { meta: { ref: string } };
        const data = (body as { data?: { mono_url?: unknown; meta?: { ref?: unknown } } } | null)?.data;
        if (data && typeof data === 'object') {
          if (typeof data.mono_url === 'string') data.mono_url = data.mono_url.replace(/^https:\/\/link\.mono\.co\/[^?#]*/, `${location.origin}/api/mono/widget`) + `?reference=${encodeURIComponent(meta.ref)}`;
          if (data.meta && typeof data.meta === 'object' && typeof data.meta.ref === 'string') data.meta.ref = meta.ref;
        }
        return body;
      },
    },
    fixedFields: ['data.meta.ref'],
    states: false,
  },
  { tag: 'mono-account', folder: 'account', define: () => import('../../src/elements/account/define.js'), reads: ['account'], states: true },
  {
    tag: 'mono-transactions',
    folder: 'transactions',
    define: () => import('../../src/elements/transactions/define.js'),
    // The account only for its currency (shared with <mono-account> through the cache).
    reads: ['transactions', 'account'],
    states: true,
  },
  {
    tag: 'mono-statement',
    folder: 'statement',
    define: () => import('../../src/elements/statement/define.js'),
    reads: ['statement', 'account'],
    actReads: ['statementJob'],
    attributes: { 'pdf-poll-interval': '20', 'pdf-timeout': '4000' },
    act: clickButton('[part~="pdf-button"]'),
    actDone: ended('statement-job'),
    states: true,
  },
  { tag: 'mono-identity', folder: 'identity', define: () => import('../../src/elements/identity/define.js'), reads: ['identity'], states: true },
  {
    tag: 'mono-income-summary',
    folder: 'income-summary',
    define: () => import('../../src/elements/income-summary/define.js'),
    reads: ['incomeRecords', 'transactions'],
    attributes: { 'poll-interval': '20', 'analysis-timeout': '4000' },
    alsoLegitimate: { kinds: ['timeout'], why: 'a damaged record can read as "no record yet" (data null or []), so the analysis starts and, never finishing, times out' },
    states: true,
  },
  { tag: 'mono-assets', folder: 'assets', define: () => import('../../src/elements/assets/define.js'), reads: ['assets'], states: true },
  { tag: 'mono-earnings', folder: 'earnings', define: () => import('../../src/elements/earnings/define.js'), reads: ['earnings'], attributes: { period: 'all' }, states: true },
  {
    tag: 'mono-sync-button',
    folder: 'sync-button',
    define: () => import('../../src/elements/sync-button/define.js'),
    reads: [],
    actReads: ['sync', 'job'],
    attributes: { 'poll-interval': '20', 'poll-timeout': '4000', cooldown: '0' },
    act: clickButton('[part~="button"]'),
    actDone: (events) => events.some((e) => e.type === 'mono-error' || (e.type === 'mono-sync' && e.detail?.status !== 'started')),
    states: false,
  },
];

export const elementByTag = (tag: string) => ELEMENTS.find((e) => e.tag === tag);

/** Sandbox account ids that put a data element in each shared state. */
export const STATE_ACCOUNTS = {
  loaded: 'acc_demo',
  empty: 'empty_hardening',
  error: 'failing_hardening',
} as const;

export { clickButton };
