// Page cost: a page whose only kit code is <mono-connect-button>. Main-thread script time (Chromium's
// ScriptDuration: compile, evaluation and callbacks) and long tasks (> 50 ms) until the button is drawn
// and the page is idle; on this machine and with the CPU slowed 4× (a mid-range phone). The same page
// with connect.js set up at load is measured beside it.
import { openPage } from '../lib/browser.js';
import type { BenchContext, SuiteResult } from '../lib/context.js';
import { median, medianRatio } from '../lib/stats.js';
import { ms, times, type Row } from '../lib/report.js';
import type { PageCostWindow } from '../pages/pagecost.js';

export const THROTTLE = 4;

export interface PageCostSample {
  scriptMs: number;
  taskMs: number;
  longTasks: number;
  longestTask: number;
}

async function sample(ctx: BenchContext, page: string, throttle: number): Promise<PageCostSample> {
  // Both pages alike; connect.js reaches for Mono's host at setup.
  const p = await openPage(ctx.browser, undefined, { abortMonoHosts: true });
  try {
    await p.page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    if (throttle > 1) await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await p.page.goto(`${ctx.server.url}/${page}`, { waitUntil: 'load' });
    await p.page.evaluate(() => (window as unknown as PageCostWindow).benchReady);
    await p.page.waitForTimeout(500);
    const m = await p.metrics();
    const longTasks = await p.page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    if (p.errors.length) throw new Error(p.errors.join('; '));
    return { scriptMs: m.ScriptDuration * 1000, taskMs: m.TaskDuration * 1000, longTasks: longTasks.length, longestTask: Math.max(0, ...longTasks) };
  } finally {
    await p.close();
  }
}

export type PageCostData = Record<string, Record<string, { runs: PageCostSample[]; median: PageCostSample }>>;

export async function pageCostSuite(ctx: BenchContext): Promise<SuiteResult<PageCostData>> {
  const pages = { kit: 'pagecost.html', 'connect.js': 'pagecost-connectjs.html' };
  const data: PageCostData = {};
  const rows: Row[] = [];
  const section = `Page cost (page with only the connect button; median of ${ctx.runs})`;
  for (const throttle of [1, THROTTLE]) {
    const label = throttle > 1 ? `CPU ${throttle}× slower` : 'this machine';
    const samples: Record<string, PageCostSample[]> = { kit: [], 'connect.js': [] };
    for (let run = 0; run < ctx.runs; run++) for (const [name, page] of Object.entries(pages)) samples[name].push(await sample(ctx, page, throttle));
    data[label] = {};
    for (const [name, runs] of Object.entries(samples)) {
      const med = (f: keyof PageCostSample) => median(runs.map((r) => r[f]));
      data[label][name] = { runs, median: { scriptMs: med('scriptMs'), taskMs: med('taskMs'), longTasks: med('longTasks'), longestTask: med('longestTask') } };
    }
    const kit = data[label].kit.median;
    const base = data[label]['connect.js'].median;
    rows.push({
      section,
      figure: `script time on the main thread (${label})`,
      kit: ms(kit.scriptMs),
      baseline: `connect.js ${ms(base.scriptMs)}`,
      ratio: times(medianRatio(samples.kit.map((r) => r.scriptMs), samples['connect.js'].map((r) => r.scriptMs))),
      status: 'info',
    });
    rows.push({
      section,
      figure: `long tasks during load (${label})`,
      kit: `${kit.longTasks}${kit.longTasks ? ` (longest ${ms(kit.longestTask)})` : ''}`,
      baseline: `connect.js ${base.longTasks}${base.longTasks ? ` (longest ${ms(base.longestTask)})` : ''}`,
      status: 'info',
    });
    ctx.log(`page cost (${label}): kit script ${ms(kit.scriptMs)}, ${kit.longTasks} long tasks; connect.js ${ms(base.scriptMs)}, ${base.longTasks}`);
  }
  return { data, rows };
}
