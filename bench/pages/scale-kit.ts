// <mono-transactions>, two ways: given the host's rows directly (`.transactions`: Mono's raw v2 rows,
// which it validates and normalises itself), or fetching them itself (`paginate="false"`, through its
// client, as a page without its own data layer uses it). Same virtualised table and narration search.
import '../../src/elements/transactions/define.js';
import type { MonoTransactions } from '../../src/elements/transactions/mono-transactions.js';
import type { ScaleAdapter } from './scale-types.js';

let element: MonoTransactions | null = null;
const tableRoot = (): ShadowRoot | null => element?.shadowRoot?.querySelector('mono-transaction-table')?.shadowRoot ?? null;
const rows = (): HTMLElement[] => Array.from(tableRoot()?.querySelectorAll<HTMLElement>('tr[part~="row"]') ?? []);

function create(): MonoTransactions {
  element = document.createElement('mono-transactions');
  element.locale = 'en-NG';
  element.classList.add('kit-table');
  return element;
}

export const adapter: ScaleAdapter = {
  mount(host, rows) {
    const el = create();
    el.transactions = rows;
    host.append(el);
  },
  firstRowText: () => rows()[0]?.textContent?.trim() ?? '',
  renderedRows: () => rows().length,
  scroller: () => tableRoot()?.querySelector<HTMLElement>('[part~="viewport"]') ?? null,
  lastRowShown(lastNarration) {
    const all = rows();
    const last = all[all.length - 1];
    const viewport = adapter.scroller();
    if (!last || !viewport || !last.textContent?.includes(lastNarration)) return false;
    const box = viewport.getBoundingClientRect();
    const rect = last.getBoundingClientRect();
    return viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 2 && rect.bottom <= box.bottom + 1 && rect.top >= box.top - 1;
  },
  filterInput: () => element?.shadowRoot?.querySelector<HTMLInputElement>('[part~="search-input"]') ?? null,
};

export const fetchingAdapter: ScaleAdapter = {
  ...adapter,
  mount(host, _rows, url) {
    const el = create();
    const account = /accounts\/([^/]+)\/transactions/.exec(url)![1];
    el.endpoint = '/api/mono';
    el.accountId = account;
    el.paginate = false;
    const before = performance.getEntriesByType('resource').length;
    host.append(el);
    return () => {
      const entry = performance
        .getEntriesByType('resource')
        .slice(before)
        .find((e) => e.name.includes(`/accounts/${account}/transactions`)) as PerformanceResourceTiming | undefined;
      if (!entry) throw new Error('the element made no transactions request');
      return entry.responseEnd;
    };
  },
};
