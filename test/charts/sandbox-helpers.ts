// Shared by the chart and insight element tests: unique sandbox accounts, a recording fetch, answer rewrites.
import { waitUntil } from '@open-wc/testing';
import { MonoClient, type MonoClientOptions } from '../../src/client/index.js';

/** A fresh sandbox account id with a behaviour prefix (`fresh`, `empty`, `reauth`, `v1`, …); sandbox state is per id. */
export const uid = (prefix: string) => `${prefix}_${Math.random().toString(36).slice(2, 10)}`;

/**
 * A fresh account id whose sandbox data has income to analyse. By design about one random id in 2,500 has
 * none (no salary credits), which a test of the income figures must not meet by chance.
 */
export async function uidWithIncome(prefix: string, minMonths = 1): Promise<string> {
  for (;;) {
    const id = uid(prefix);
    const { records, monthlyCredits } = await new MonoClient().income(id);
    // A v1 account with nothing found still answers one record, of zeros; some accounts' income spans one month only.
    if (records.some((r) => (r.averageMonthlyIncome ?? 0) > 0) && (monthlyCredits?.months.length ?? 0) >= minMonths) return id;
  }
}

export interface Call {
  method: string;
  path: string;
}

/** What to answer instead of the sandbox, for one request (return undefined to let it through). */
export type Override = (call: Call, init: RequestInit | undefined) => unknown | undefined;

/** Changes the sandbox's JSON answer to one request (return undefined to keep it). */
export type Rewrite = (call: Call, body: unknown) => unknown | undefined;

/**
 * A client on the real sandbox that records every request and can replace chosen answers with a JSON
 * body (Mono shapes the sandbox does not serve), rewrite the sandbox's own answers, or add sandbox fault
 * headers to chosen requests.
 */
export function recordingClient(
  options: { override?: Override; rewrite?: Rewrite; fault?: (call: Call) => Record<string, string> | undefined } & MonoClientOptions = {},
) {
  const calls: Call[] = [];
  const { override, rewrite, fault, ...clientOptions } = options;
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input), location.href);
    const call = { method: init?.method ?? 'GET', path: url.pathname + url.search };
    calls.push(call);
    const replaced = override?.(call, init);
    if (replaced !== undefined) {
      return new Response(JSON.stringify(replaced), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    const headers = new Headers(init?.headers);
    for (const [k, v] of Object.entries(fault?.(call) ?? {})) headers.set(k, v);
    const response = await fetch(input, { ...init, headers });
    if (!rewrite || !response.ok) return response;
    const rewritten = rewrite(call, await response.clone().json());
    return rewritten === undefined ? response : new Response(JSON.stringify(rewritten), { status: response.status, headers: response.headers });
  };
  const client = new MonoClient({ retryDelay: 5, maxRetryDelay: 20, ...clientOptions, fetch: fetchImpl });
  const count = (method: string, path: RegExp) => calls.filter((c) => c.method === method && path.test(c.path)).length;
  return { client, calls, count };
}

/** Text of a shadow root with runs of white space collapsed. */
export const textOf = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for a chart element's chart; a timeout says what the element was doing (its state, its view, where its
 * canvas was against the window), so a rare miss on a loaded machine can be read from CI's output.
 */
export async function chartDrawn(el: HTMLElement & { chart?: unknown; view?: string; resource?: { status: string } }, what = 'chart', timeout = 8000): Promise<void> {
  await waitUntil(() => el.chart, undefined, { timeout }).catch(() => {
    const canvas = el.shadowRoot?.querySelector('canvas');
    const box = canvas?.getBoundingClientRect();
    const where = box ? `canvas at y ${Math.round(box.top)}, ${Math.round(box.width)}×${Math.round(box.height)}` : 'no canvas';
    throw new Error(
      `no ${what} after ${timeout} ms: status ${el.resource?.status}, view ${el.view}, ${where}, window ${innerWidth}×${innerHeight} scrolled ${Math.round(scrollY)}, page ${document.visibilityState}`,
    );
  });
}

/** The parts of a chart.js instance that say which way it reads (the legend's hit boxes are internal to chart.js's types). */
interface DrawnChart {
  chartArea: { left: number; right: number };
  data: { labels?: unknown[] };
  scales: Record<string, { left: number; right: number; getPixelForValue(value: number): number } | undefined>;
  legend?: { legendHitBoxes: Array<{ left: number; top: number }> };
}

/**
 * Which way a drawn chart reads, from its pixels: where the first category (month) sits against the last, and on
 * which side of the plot area the value axis stands. A chart with axes needs two categories or more.
 */
export function axesLayout(instance: object): { firstCategory: 'left' | 'right'; valueAxis: 'left' | 'right' | 'inside' } {
  const chart = instance as DrawnChart;
  const { x, y } = chart.scales;
  const last = (chart.data.labels?.length ?? 0) - 1;
  if (!x || !y || last < 1) throw new Error(`no axes to read (${last + 1} categories)`);
  const area = chart.chartArea;
  return {
    firstCategory: x.getPixelForValue(0) < x.getPixelForValue(last) ? 'left' : 'right',
    valueAxis: y.right <= area.left ? 'left' : y.left >= area.right ? 'right' : 'inside',
  };
}

/** Which side of the legend's first row its first item takes (the first two items must share that row). */
export function legendStart(instance: object): 'left' | 'right' {
  const [first, second] = (instance as DrawnChart).legend?.legendHitBoxes ?? [];
  if (!first || !second || first.top !== second.top) throw new Error('no legend row of two items to read');
  return first.left < second.left ? 'left' : 'right';
}
