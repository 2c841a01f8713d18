// Hosts' unit tests (Jest, Vitest) often run in jsdom, which has no constructed stylesheets, ResizeObserver,
// IntersectionObserver or `part` token lists: every element must still construct, load and show its data there.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html lang="en-NG"><body></body></html>', { url: 'http://localhost/', pretendToBeVisual: true });
const GLOBALS = ['window', 'document', 'navigator', 'location', 'customElements', 'HTMLElement', 'Element', 'Node', 'Text', 'Event', 'CustomEvent', 'EventTarget', 'MutationObserver', 'ShadowRoot', 'Document', 'CSSStyleSheet', 'DocumentFragment', 'HTMLButtonElement', 'HTMLInputElement', 'HTMLDialogElement', 'HTMLIFrameElement', 'requestAnimationFrame', 'cancelAnimationFrame', 'getComputedStyle', 'matchMedia'] as const;
const saved = new Map<string, PropertyDescriptor | undefined>();
const failures: unknown[] = [];
const onFailure = (e: unknown) => failures.push(e);

before(async () => {
  const w = dom.window as unknown as Record<string, unknown>;
  for (const name of [...GLOBALS, 'addEventListener', 'removeEventListener', 'dispatchEvent', 'fetch']) saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
  for (const name of GLOBALS) Object.defineProperty(globalThis, name, { configurable: true, writable: true, value: typeof w[name] === 'function' && /^[a-z]/.test(name) ? (w[name] as () => unknown).bind(w) : w[name] });
  for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent'] as const) Object.defineProperty(globalThis, name, { configurable: true, writable: true, value: dom.window[name].bind(dom.window) });
  const { createSandboxHandler } = await import('../../src/server/index.js');
  const sandbox = createSandboxHandler();
  Object.defineProperty(globalThis, 'fetch', { configurable: true, writable: true, value: (input: RequestInfo | URL, init?: RequestInit) => sandbox(new Request(new URL(String(input), 'http://localhost/'), init)) });
  process.on('uncaughtException', onFailure);
  process.on('unhandledRejection', onFailure);
  await import('../../src/define.js');
});

after(async () => {
  document.body.replaceChildren();
  await new Promise((r) => setTimeout(r, 10)); // removals finish (their timers) while the window is still there
  process.off('uncaughtException', onFailure);
  process.off('unhandledRejection', onFailure);
  dom.window.close();
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
});

type Loaded = HTMLElement & { updateComplete: Promise<unknown> };
const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ');

/** The element, added with `attributes`, once it has loaded (or failed: the test then says why). */
async function mount(tag: string, attributes: Record<string, string> = {}): Promise<{ el: Loaded; data: unknown }> {
  const el = document.createElement(tag) as Loaded;
  for (const [name, value] of Object.entries({ 'account-id': 'acc_demo', ...attributes })) el.setAttribute(name, value);
  const outcome = new Promise<CustomEvent>((resolve) => {
    el.addEventListener('mono-load', (e) => resolve(e as CustomEvent), { once: true });
    el.addEventListener('mono-error', (e) => resolve(e as CustomEvent), { once: true });
  });
  document.body.append(el);
  const event = await outcome;
  assert.equal(event.type, 'mono-load', `${tag}: ${String((event.detail as { error?: Error }).error?.message)}`);
  await el.updateComplete;
  return { el, data: (event.detail as { data: unknown }).data };
}

describe('every element in jsdom (hosts\' unit tests)', () => {
  it('the connect button renders its button', async () => {
    const el = document.createElement('mono-connect-button') as Loaded;
    document.body.append(el);
    await el.updateComplete;
    assert.equal(el.shadowRoot!.querySelector('button')!.textContent, 'Link your bank account');
  });

  it('the account, identity and statement show what they loaded', async () => {
    const account = await mount('mono-account');
    assert.match(text(account.el.shadowRoot), new RegExp((account.data as { name: string }).name));
    const identity = await mount('mono-identity');
    assert.match(text(identity.el.shadowRoot), new RegExp((identity.data as { fullName: string }).fullName));
    const statement = await mount('mono-statement');
    assert.ok(text(statement.el.shadowRoot).includes('Opening balance'));
  });

  it('transactions show their rows, sort and page (each render writes the filter fields back)', async () => {
    const { el, data } = await mount('mono-transactions');
    const table = el.shadowRoot!.querySelector('mono-transaction-table') as Loaded;
    await table.updateComplete;
    const rows = table.shadowRoot!.querySelectorAll('[part~=row]');
    assert.equal(rows.length, (data as { transactions: unknown[] }).transactions.length);
    assert.ok(rows.length > 0);

    (table.shadowRoot!.querySelector('th.col-amount [part~=sort-button]') as HTMLButtonElement).click();
    await table.updateComplete;
    assert.equal(table.getAttribute('sort') ?? (table as unknown as { sort: string }).sort, 'amount-desc', 'sorted by amount');
    const loaded = new Promise((resolve) => el.addEventListener('mono-load', resolve, { once: true }));
    const next = [...el.shadowRoot!.querySelectorAll('[part~=pager] button')].at(-1) as HTMLButtonElement;
    next.click();
    await loaded;
    assert.equal((el as unknown as { page: number }).page, 2, 'paged on');
  });

  it('the chart elements show their figures as a table', async () => {
    for (const tag of ['mono-income-summary', 'mono-assets', 'mono-earnings']) {
      const { el } = await mount(tag, { view: 'table' });
      assert.ok(el.shadowRoot!.querySelector('[part~=chart-table] tbody tr'), tag);
    }
  });

  it('the sync button runs a refresh to its end', async () => {
    const el = document.createElement('mono-sync-button') as Loaded;
    el.setAttribute('account-id', 'sync_jsdom');
    el.setAttribute('poll-interval', '5');
    document.body.append(el);
    await el.updateComplete;
    const ended = new Promise<CustomEvent>((resolve) => el.addEventListener('mono-sync', (e) => (e as CustomEvent).detail.status !== 'started' && resolve(e as CustomEvent)));
    el.shadowRoot!.querySelector('button')!.click();
    assert.equal((await ended).detail.status, 'complete');
  });

  it('left no uncaught error behind', async () => {
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(failures, []);
  });
});
