import { waitUntil } from '@open-wc/testing';
import { MonoClient } from '../../../src/client/index.js';
import type { MonoTransactionTable } from '../../../src/elements/transactions/mono-transaction-table.js';
import type { MonoTransactions } from '../../../src/elements/transactions/mono-transactions.js';
import type { Transaction } from '../../../src/model/transactions.js';

const WORDS = ['POS PURCHASE SHOPRITE', 'NIP TRANSFER TO ADA OKEKE', 'AIRTIME MTN', 'SALARY PAYSTACK', 'UBER TRIP LAGOS', 'DSTV SUBSCRIPTION', 'ATM WITHDRAWAL'];

/** `n` deterministic rows, newest first, one every 7 minutes back from 2025-06-01. */
export function makeRows(n: number, currency = 'NGN'): Transaction[] {
  const rows = new Array<Transaction>(n);
  const top = Date.UTC(2025, 5, 1);
  let balance = 50_000_000;
  for (let i = 0; i < n; i++) {
    const type = i % 4 === 0 ? 'credit' : 'debit';
    const amount = ((i * 7919) % 500_000) + 100;
    rows[i] = { id: `row-${i}`, narration: `${WORDS[i % WORDS.length]} #${i}`, amount, type, balance, date: new Date(top - i * 7 * 60_000).toISOString(), category: i % 3 ? 'transfer' : null, currency };
    balance += type === 'credit' ? -amount : amount;
  }
  return rows;
}

export const tableOf = (el: MonoTransactions) => el.shadowRoot!.querySelector<MonoTransactionTable>('mono-transaction-table')!;
export const renderedRows = (table: MonoTransactionTable) => [...table.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr.row')];
export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Every element in a shadow tree and the shadow trees inside it. */
export function countElements(root: Element | ShadowRoot): number {
  let n = 0;
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      n++;
      walk(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  walk(root);
  return n;
}

/** A client on the wtr sandbox that records every URL it asks for, optionally with sandbox headers per request. */
export function recordingClient(headers?: (url: URL) => Record<string, string> | undefined) {
  const urls: URL[] = [];
  const client = new MonoClient({
    retries: 0,
    fetch: (input, init) => {
      const url = new URL(String(input), location.href);
      urls.push(url);
      const extra = headers?.(url);
      if (!extra) return fetch(input, init);
      const h = new Headers(init?.headers);
      for (const [k, v] of Object.entries(extra)) h.set(k, v);
      return fetch(input, { ...init, headers: h });
    },
  });
  const transactionCalls = () => urls.filter((u) => u.pathname.endsWith('/transactions'));
  return { client, urls, transactionCalls };
}

export async function loaded(el: MonoTransactions): Promise<void> {
  await waitUntil(() => el.resource.status !== 'loading' && el.resource.status !== 'idle', 'the load never settled', { timeout: 8000 });
  await el.settled;
}

export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function typeInto(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function changeInput(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
