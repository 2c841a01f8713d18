import { fixture, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { MonoClient, type MonoClientOptions } from '../../../src/client/index.js';
import '../../../src/elements/provider/define.js';
import type { MonoProvider } from '../../../src/elements/provider/mono-provider.js';

/** A fresh sandbox id per test, so that stateful ids (processing*, jobs) never leak between tests. */
export const uid = (prefix: string) => `${prefix}_${Math.random().toString(36).slice(2, 10)}`;

export interface Recorded {
  url: string;
  signal: AbortSignal | null | undefined;
}

/**
 * A client on the real sandbox that records every request; `headersFor` may add sandbox fault or
 * latency headers per request (by its URL and index).
 */
export function recordingClient(
  headersFor: (url: string, index: number) => Record<string, string> | undefined = () => undefined,
  options: MonoClientOptions = {},
) {
  const requests: Recorded[] = [];
  const client = new MonoClient({
    retries: 0,
    ...options,
    fetch: (input, init) => {
      const url = String(input);
      const headers = new Headers(init?.headers);
      for (const [k, v] of Object.entries(headersFor(url, requests.length) ?? {})) headers.set(k, v);
      requests.push({ url, signal: init?.signal });
      return fetch(input, { ...init, headers });
    },
  });
  return { client, requests };
}

/** Mounts `inner` inside a provider that uses `client`, and returns the first element matching `tag`. */
export async function mount<T extends Element>(client: MonoClient, accountId: string, inner: TemplateResult, tag: string) {
  const root = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale="en-NG">${inner}</mono-provider>`);
  return { root, el: root.querySelector(tag) as T };
}

/** The element's rendered text with whitespace collapsed. */
export const textOf = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const shadow = (el: Element) => el.shadowRoot!;

/** Waits until `predicate` returns something truthy, and returns it. */
export async function until<T>(predicate: () => T, message?: string, timeout = 4000): Promise<NonNullable<T>> {
  await waitUntil(() => Boolean(predicate()), message, { timeout, interval: 10 });
  return predicate() as NonNullable<T>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client whose every answer is `body` (for shapes and hostile text the sandbox never sends). */
export function fixedClient(body: (url: string) => unknown) {
  return new MonoClient({
    retries: 0,
    fetch: async (input) =>
      new Response(JSON.stringify(body(String(input))), { status: 200, headers: { 'content-type': 'application/json' } }),
  });
}

export const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>&amp;"'`;

/** A client whose requests to paths matching `hang` never answer (until cancelled); the rest reach the sandbox. */
export function hangingClient(hang: RegExp): MonoClient {
  const fetchImpl: typeof fetch = (input, init) =>
    hang.test(new URL(String(input), location.href).pathname)
      ? new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))))
      : fetch(input, init);
  return new MonoClient({ fetch: fetchImpl, retryDelay: 5, maxRetryDelay: 20 });
}
