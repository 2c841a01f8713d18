// Browser-side helpers shared by the hardening suites: mount an element from the list inside its own
// provider, wait until it settles, and inspect its whole shadow-including tree.
import '../../src/define.js';
import type { MonoProvider } from '../../src/elements/provider/mono-provider.js';
import type { HeadersSource, MonoClient } from '../../src/client/client.js';
import type { ElementCase } from './elements.js';

export interface Mounted {
  provider: MonoProvider;
  el: HTMLElement;
  /** Every mono-* event the element fired, in order. */
  events: CustomEvent[];
  remove(): void;
}

const EVENT_NAMES = ['mono-load', 'mono-error', 'mono-reauth-required', 'mono-sync', 'mono-open', 'mono-close', 'mono-success', 'mono-widget-event'];

/** Registers the element through its own define module (as a host importing `mono-elements/define/<name>` does). */
export async function defineElement(c: ElementCase): Promise<boolean> {
  if (!customElements.get(c.tag)) await c.define();
  return customElements.get(c.tag) !== undefined;
}

export interface MountOptions {
  accountId?: string;
  fetch?: typeof fetch;
  headers?: HeadersSource;
  /** A ready client (its own timeout and retry settings) instead of the provider's. */
  client?: MonoClient;
  attributes?: Record<string, string>;
  /** Where to append it (default: body). */
  container?: Element;
}

export async function mount(c: ElementCase, options: MountOptions = {}): Promise<Mounted> {
  await defineElement(c);
  const provider = document.createElement('mono-provider') as MonoProvider;
  provider.endpoint = '/api/mono';
  if (options.fetch) provider.fetch = options.fetch;
  if (options.headers) provider.headers = options.headers;
  if (options.client) provider.client = options.client;
  const el = document.createElement(c.tag);
  for (const [name, value] of Object.entries({ ...c.attributes, ...options.attributes })) el.setAttribute(name, value);
  if (options.accountId) el.setAttribute('account-id', options.accountId);
  const events: CustomEvent[] = [];
  for (const name of EVENT_NAMES) el.addEventListener(name, (e) => events.push(e as CustomEvent));
  provider.append(el);
  (options.container ?? document.body).append(provider);
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  return { provider, el, events, remove: () => provider.remove() };
}

/** Every node of the element's tree, crossing open shadow roots (the element itself first). */
export function* walk(root: Node): Generator<Node> {
  yield root;
  if (root instanceof Element && root.shadowRoot) yield* walk(root.shadowRoot);
  for (let child = root.firstChild; child; child = child.nextSibling) yield* walk(child);
}

export const deepElements = (root: Node) => [...walk(root)].filter((n): n is Element => n instanceof Element);

/** The text the element shows (shadow-including, without style sheets). */
export function deepText(root: Node): string {
  let out = '';
  for (const n of walk(root)) {
    if (n.nodeType === Node.TEXT_NODE && !(n.parentElement instanceof HTMLStyleElement)) out += n.textContent;
  }
  return out;
}

/** Loading indicators the shared states and elements use. */
const BUSY = '[part~="loading"], [part~="skeleton"], .state.loading, [aria-busy="true"]';

export const isBusy = (el: Element) => deepElements(el).some((e) => e.matches(BUSY));

export const stateOf = (el: Element): 'error' | 'loading' | 'empty' | 'idle' | 'content' => {
  const all = deepElements(el);
  if (all.some((e) => e.matches('[part~="error"], .state.error'))) return 'error';
  if (all.some((e) => e.matches(BUSY))) return 'loading';
  if (all.some((e) => e.matches('[part~="empty"], .state.empty'))) return 'empty';
  if (all.some((e) => e.matches('[part~="idle"], .state.idle'))) return 'idle';
  return 'content';
};

export const errorKind = (el: Element) => deepElements(el).find((e) => e.matches('[part~="error"], .state.error'))?.getAttribute('data-kind') ?? null;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const loadedOrFailed = (events: CustomEvent[]) => events.some((e) => e.type === 'mono-load' || e.type === 'mono-error');

/** Waits until `done` holds for the element's events (default: it loaded or failed) and it shows no loading indicator. */
export async function settle(m: Mounted, done: (events: CustomEvent[]) => boolean = loadedOrFailed, timeout = 5000): Promise<boolean> {
  const until = performance.now() + timeout;
  while (performance.now() < until) {
    if (done(m.events) && !isBusy(m.el)) {
      await (m.el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
      await sleep(0);
      if (!isBusy(m.el)) return true;
    }
    await sleep(5);
  }
  return false;
}

/** Mounts the element with `answers`, waits for its own loads, runs its action (if any) and waits for that. */
export async function mountAndRun(c: ElementCase, options: MountOptions, timeout = 5000): Promise<Mounted & { settled: boolean }> {
  const m = await mount(c, options);
  let settled = true;
  if (c.reads.length) settled = await settle(m, undefined, timeout);
  if (c.act) {
    const before = m.events.length;
    await c.act(m.el);
    settled = (await settle(m, (events) => c.actDone!(events.slice(before)), timeout)) && settled;
  }
  return { ...m, settled };
}

/** Replaces script sinks a payload could reach with counters. */
export function installCanary(): { hits: () => number; reset: () => void } {
  const w = window as unknown as Record<string, unknown>;
  let count = 0;
  const hit = () => {
    count++;
  };
  w.__xss = hit;
  w.alert = hit;
  w.confirm = hit;
  w.prompt = hit;
  window.addEventListener('beforeunload', hit);
  return { hits: () => count, reset: () => (count = 0) };
}

/** Uncaught errors and unhandled rejections while `run` executes. */
export async function collectPageErrors<T>(run: () => Promise<T>): Promise<{ value: T; errors: string[] }> {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => {
    if (!/ResizeObserver loop/.test(e.message)) errors.push(e.message);
  };
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    const value = await run();
    await sleep(0);
    return { value, errors };
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}
