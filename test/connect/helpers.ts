// Shared by the connect tests: a fetch that records what reaches the sandbox and can bend its answers,
// a driver for the sandbox's fake widget, and small event helpers.
import { waitUntil } from '@open-wc/testing';
import type { MonoEventName } from '../../src/core/events.js';

export interface Call {
  path: string;
  method: string;
  body: any;
  signal?: AbortSignal | null;
}

export interface RecorderOptions {
  /** Rewrite the widget URL the sandbox returned from initiate (the request body is given). */
  widgetUrl?: (url: URL, body: any) => string;
  /** Answer the exchange with this HTTP status instead of asking the sandbox. */
  exchangeStatus?: number;
  /** Make initiate fail with a network error. */
  initiateNetworkError?: boolean;
  /** Extra headers for the sandbox (latency, faults). */
  headers?: Record<string, string>;
  /** Answer initiate with this `meta.ref` instead of the one sent (a backend that does not pass it through). */
  initiateRef?: string;
}

export interface Recorder {
  calls: Call[];
  fetch: typeof fetch;
  count(path: string): number;
}

/** A fetch for `<mono-provider .fetch>` that goes to the real sandbox and records every call. */
export function recorder(options: RecorderOptions = {}): Recorder {
  const calls: Call[] = [];
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const path = url.pathname.replace(/^\/api\/mono/, '');
    calls.push({ path, method: init.method ?? 'GET', body, signal: init.signal });
    if (path === '/accounts/initiate' && options.initiateNetworkError) throw new TypeError('Failed to fetch');
    if (path === '/accounts/auth' && options.exchangeStatus) {
      return new Response(JSON.stringify({ status: 'failed', message: 'Exchange refused (test)' }), { status: options.exchangeStatus, headers: { 'content-type': 'application/json' } });
    }
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(options.headers ?? {})) headers.set(k, v);
    const response = await fetch(input, { ...init, headers });
    if (path === '/accounts/initiate' && response.ok && (options.widgetUrl || options.initiateRef)) {
      const json = await response.json();
      if (options.widgetUrl) json.data.mono_url = options.widgetUrl(new URL(json.data.mono_url), body);
      if (options.initiateRef) json.data.meta = { ...json.data.meta, ref: options.initiateRef };
      return new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return response;
  };
  return { calls, fetch: fake as typeof fetch, count: (p) => calls.filter((c) => c.path === p).length };
}

/** The sandbox widget, answering at once and optionally posting its success several times. */
export const fastWidget =
  (extra: Record<string, string> = {}) =>
  (url: URL): string => {
    url.searchParams.set('link_delay', '0');
    for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
    return url.href;
  };

/** Records every mono-* event that reaches `target`, in order. */
export function eventLog(target: EventTarget, names: MonoEventName[] = ['mono-open', 'mono-widget-event', 'mono-success', 'mono-close', 'mono-error']) {
  const events: { name: string; detail: any }[] = [];
  for (const name of names) target.addEventListener(name, (e) => events.push({ name, detail: (e as CustomEvent).detail }));
  return {
    events,
    names: () => events.map((e) => (e.name === 'mono-widget-event' ? e.detail.type : e.name)),
    of: (name: string) => events.filter((e) => e.name === name),
  };
}

/** Waits until the sandbox widget in `frame` has run its script. */
export async function widgetReady(frame: () => HTMLIFrameElement | null | undefined): Promise<Document> {
  await waitUntil(() => {
    const doc = frame()?.contentDocument;
    // Deferred scripts run before readyState becomes complete.
    return !!doc && doc.readyState === 'complete' && !!doc.getElementById('banks');
  }, 'the sandbox widget did not load', { timeout: 5000 });
  return frame()!.contentDocument!;
}

/** Clicks through the sandbox widget: bank, login (and OTP when asked), account. */
export async function linkThroughWidget(doc: Document, bank = 'Access Bank', account = 'acc_business'): Promise<void> {
  const step = (id: string) => doc.getElementById(id) as HTMLFormElement;
  if (!step('step-bank').hidden) doc.querySelector<HTMLButtonElement>(`button.bank[data-name="${bank}"]`)!.click();
  (doc.getElementById('username') as HTMLInputElement).value = 'sandbox';
  (doc.getElementById('password') as HTMLInputElement).value = 'sandbox';
  step('step-login').requestSubmit();
  await waitUntil(() => !step('step-otp').hidden || !step('step-account').hidden, 'login did not finish');
  if (!step('step-otp').hidden) {
    (doc.getElementById('otp') as HTMLInputElement).value = '123456';
    step('step-otp').requestSubmit();
    await waitUntil(() => !step('step-account').hidden, 'OTP did not finish');
  }
  const choice = doc.querySelector<HTMLInputElement>(`input[name=account][value="${account}"]`);
  if (choice) choice.checked = true;
  step('step-account').requestSubmit();
}

/** Posts `data` from inside `frame`'s window, so that the message's source is that window. */
export function postFrom(frame: HTMLIFrameElement, data: unknown, targetOrigin = '*'): void {
  const realm = frame.contentWindow as unknown as typeof globalThis;
  const send = new realm.Function('data', 'origin', 'parent.postMessage(data, origin)') as (d: unknown, o: string) => void;
  send(data, targetOrigin);
}

export const nextMessageTurn = () => new Promise((r) => setTimeout(r, 30));
