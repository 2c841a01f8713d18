// Network efficiency: a page with every element for one account inside one <mono-provider>. Counts the
// requests the host (the sandbox) receives per resource at load and after a sync, and the bytes.
import { openPage } from '../lib/browser.js';
import type { BenchContext, SuiteResult } from '../lib/context.js';
import { kB, type Row } from '../lib/report.js';
import { median } from '../lib/stats.js';
import type { LoggedRequest } from '../lib/server.js';
import type { DashboardWindow } from '../pages/dashboard.js';

/** The data resources the dashboard's elements read; each should be asked for exactly once. */
export const DATA_RESOURCES = ['details', 'transactions', 'statement', 'identity', 'income-records', 'assets', 'earnings'];

export function resourceOf(path: string): string {
  const m = /^accounts\/([^/]+)(?:\/(.*))?$/.exec(path);
  if (!m) return path;
  const [, id, rest] = m;
  if (id === 'initiate') return 'initiate';
  if (id === 'auth') return 'exchange';
  if (!rest) return 'details';
  if (rest.startsWith('statement/jobs')) return 'statement job';
  if (rest.startsWith('jobs/')) return 'sync job';
  return rest.split('/')[0];
}

export interface NetworkPhase {
  requests: number;
  perResource: Record<string, number>;
  /** Same method, path and query asked more than once. */
  duplicates: string[];
  apiBytes: number;
  urls: string[];
}

export interface NetworkData {
  load: NetworkPhase & { bytesByType: Record<string, number>; loads: string[]; errors: string[]; charts: number };
  sync: NetworkPhase & { result: unknown };
  /** Layout shift at load per screen: the kit's samples, and the same page with loading boxes at their own height. */
  layoutShift: Record<string, { kit: number[]; noReserve: number[] }>;
}

/** Screens for the layout-shift figure: a laptop and a phone, each a normal window (not the tall one above). */
const SCREENS = { 'laptop 1280×800': { width: 1280, height: 800 }, 'phone 390×844': { width: 390, height: 844 } };

/** The dashboard's Cumulative Layout Shift from navigation until the host has been quiet, in a fresh page. */
async function layoutShiftOnce(ctx: BenchContext, viewport: { width: number; height: number }, query: string): Promise<number> {
  const p = await openPage(ctx.browser, undefined, { viewport });
  try {
    await p.page.goto(`${ctx.server.url}/dashboard.html${query}`);
    await p.page.evaluate(() => (window as unknown as DashboardWindow).bench.ready);
    await quiet(ctx, 1000);
    if (p.errors.length) throw new Error(p.errors.join('; '));
    return await p.page.evaluate(() => (window as unknown as DashboardWindow).bench.layoutShift());
  } finally {
    await p.close();
  }
}

function phase(log: LoggedRequest[]): NetworkPhase {
  const perResource: Record<string, number> = {};
  const seen = new Map<string, number>();
  for (const r of log) {
    const resource = r.method === 'GET' ? resourceOf(r.path) : `${resourceOf(r.path)} (${r.method})`;
    perResource[resource] = (perResource[resource] ?? 0) + 1;
    const url = `${r.method} ${r.path}${r.query}`;
    seen.set(url, (seen.get(url) ?? 0) + 1);
  }
  return {
    requests: log.length,
    perResource,
    duplicates: [...seen].filter(([url, n]) => n > 1 && !/jobs\//.test(url)).map(([url, n]) => `${url} ×${n}`),
    apiBytes: log.reduce((sum, r) => sum + r.bytes, 0),
    urls: log.map((r) => `${r.method} ${r.path}${r.query}`),
  };
}

/** Resolves when the host has seen no request for `quietMs`. */
async function quiet(ctx: BenchContext, quietMs = 1500): Promise<void> {
  let count = -1;
  while (count !== ctx.server.log.length) {
    count = ctx.server.log.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}


export async function networkSuite(ctx: BenchContext): Promise<SuiteResult<NetworkData>> {
  // Tall enough that every chart is on screen (charts load when scrolled to).
  const p = await openPage(ctx.browser, undefined, { viewport: { width: 1280, height: 6000 } });
  const bytesByType: Record<string, number> = {};
  p.page.on('requestfinished', (request) => {
    void request.sizes().then((s) => {
      const type = request.resourceType();
      bytesByType[type] = (bytesByType[type] ?? 0) + s.responseBodySize + s.responseHeadersSize;
    });
  });
  let data: NetworkData;
  try {
    const start = ctx.server.log.length;
    await p.page.goto(`${ctx.server.url}/dashboard.html`);
    await p.page.evaluate(() => (window as unknown as DashboardWindow).bench.ready);
    await quiet(ctx);
    const load = phase(ctx.server.log.slice(start));
    // The load's bytes, before the sync adds its own.
    const loadBytes = { ...bytesByType };
    const [loads, errors, charts] = await p.page.evaluate(() => [(window as unknown as DashboardWindow).bench.loads, (window as unknown as DashboardWindow).bench.errors, (window as unknown as DashboardWindow).bench.charts()] as const);
    const before = ctx.server.log.length;
    const result = await p.page.evaluate(() => (window as unknown as DashboardWindow).bench.sync());
    await quiet(ctx);
    const sync = phase(ctx.server.log.slice(before));
    if (p.errors.length) throw new Error(p.errors.join('; '));
    data = { load: { ...load, bytesByType: loadBytes, loads: [...loads], errors: [...errors], charts }, sync: { ...sync, result }, layoutShift: {} };
  } finally {
    await p.close();
  }
  for (const [screen, viewport] of Object.entries(SCREENS)) {
    const samples = { kit: [] as number[], noReserve: [] as number[] };
    for (let run = 0; run < ctx.runs; run++) {
      samples.kit.push(await layoutShiftOnce(ctx, viewport, ''));
      samples.noReserve.push(await layoutShiftOnce(ctx, viewport, '?reserve=0'));
    }
    data.layoutShift[screen] = samples;
  }

  const section = 'Network efficiency (dashboard: every element for one account in one provider)';
  const rows: Row[] = [];
  const countRow = (when: string, ph: NetworkPhase): Row[] =>
    DATA_RESOURCES.map((resource) => {
      const n = ph.perResource[resource] ?? 0;
      const queries = ph.urls.filter((u) => resourceOf(u.split(' ')[1].split('?')[0]) === resource && u.startsWith('GET'));
      return {
        section,
        figure: `${when}: requests for ${resource}`,
        kit: String(n),
        target: '1',
        status: n === 1 ? 'pass' : 'miss',
        note: n > 1 ? queries.join(', ') : undefined,
      } satisfies Row;
    });
  rows.push(...countRow('at load', data.load));
  rows.push({
    section,
    figure: 'at load: all requests; same request twice',
    kit: `${data.load.requests}; ${data.load.duplicates.length ? data.load.duplicates.join(', ') : 'none'}`,
    target: 'no duplicate',
    status: data.load.duplicates.length ? 'miss' : 'pass',
  });
  const scripts = data.load.bytesByType.script ?? 0;
  rows.push({
    section,
    figure: 'at load: bytes (API JSON uncompressed; scripts as served)',
    kit: `API ${kB(data.load.apiBytes)}; scripts ${kB(scripts)}; everything ${kB(Object.values(data.load.bytesByType).reduce((a, b) => a + b, 0))}`,
    status: 'info',
  });
  rows.push(...countRow('after a sync', data.sync));
  const syncOwn = Object.entries(data.sync.perResource)
    .filter(([r]) => !DATA_RESOURCES.includes(r))
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  rows.push({
    section,
    figure: 'after a sync: the sync itself; same request twice',
    kit: `${syncOwn}; ${data.sync.duplicates.length ? data.sync.duplicates.join(', ') : 'none'}`,
    target: 'no duplicate',
    status: data.sync.duplicates.length ? 'miss' : 'pass',
  });
  for (const [screen, { kit, noReserve }] of Object.entries(data.layoutShift)) {
    const cls = median(kit);
    rows.push({
      section,
      figure: `at load: layout shift (CLS), ${screen}`,
      kit: cls.toFixed(3),
      baseline: `loading boxes at their own height ${median(noReserve).toFixed(3)}`,
      target: '≤ 0.1 (good)',
      status: cls <= 0.1 ? 'pass' : 'miss',
    });
  }
  return { data, rows };
}
