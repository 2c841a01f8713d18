// Leaks: every element mounted in its full state (data loaded, chart drawn, the connect dialog open with
// the widget frame) and removed, 200 times each, after a warm-up. Heap, event listeners, DOM nodes and
// documents are read after a forced GC before and after; growth beyond noise is a leak. When something
// grows, a heap snapshot names what still holds it.
import { globalListeners, openPage } from '../lib/browser.js';
import type { BenchContext, SuiteResult } from '../lib/context.js';
import { retainers, takeSnapshot } from '../lib/retainers.js';
import type { Row } from '../lib/report.js';
import type { LeaksWindow } from '../pages/leaks.js';

export const CYCLES = 200;
const WARM_UP = 20;
/** Heap growth accepted as noise over 200 mounts (lazy caches, JIT code): about 1.3 kB a mount. */
export const HEAP_NOISE = 256 * 1024;

interface Reading {
  heap: number;
  listeners: number;
  nodes: number;
  documents: number;
  frames: number;
  global: Record<string, number>;
}

export interface LeakResult {
  tag: string;
  cycles: number;
  reachedFullState: number;
  before: Reading;
  after: Reading;
  growth: { heap: number; listeners: number; nodes: number; documents: number; frames: number; global: Record<string, number> };
  retainedBy?: Record<string, { count: number; paths: string[] }>;
}


export async function leaksSuite(ctx: BenchContext): Promise<SuiteResult<LeakResult[]>> {
  const p = await openPage(ctx.browser, `${ctx.server.url}/leaks.html`);
  const results: LeakResult[] = [];
  try {
    p.page.setDefaultTimeout(300_000);
    const tags = await p.page.evaluate(() => (window as unknown as LeaksWindow).bench.tags);
    const read = async (): Promise<Reading> => {
      const heap = await p.heapAfterGc();
      const m = await p.metrics();
      return { heap, listeners: m.JSEventListeners, nodes: m.Nodes, documents: m.Documents, frames: m.Frames, global: await globalListeners(p) };
    };
    for (const tag of tags) {
      await p.page.evaluate(([t, n]) => (window as unknown as LeaksWindow).bench.cycle(t, n), [tag, WARM_UP] as const);
      const before = await read();
      const reached = await p.page.evaluate(([t, n]) => (window as unknown as LeaksWindow).bench.cycle(t, n), [tag, CYCLES] as const);
      const after = await read();
      const keys = new Set([...Object.keys(before.global), ...Object.keys(after.global)]);
      const global = Object.fromEntries([...keys].map((k) => [k, (after.global[k] ?? 0) - (before.global[k] ?? 0)]).filter(([, v]) => v !== 0));
      const growth = {
        heap: after.heap - before.heap,
        listeners: after.listeners - before.listeners,
        nodes: after.nodes - before.nodes,
        documents: after.documents - before.documents,
        frames: after.frames - before.frames,
        global,
      };
      const result: LeakResult = { tag, cycles: CYCLES, reachedFullState: reached, before, after, growth };
      if (growth.nodes > 0 || growth.listeners > 0 || growth.heap > HEAP_NOISE) {
        // Detached custom elements show in a snapshot under their tag; the path says who holds them.
        result.retainedBy = retainers(await takeSnapshot(p.cdp), [`<${tag}>`], 2);
      }
      results.push(result);
      ctx.log(`leaks ${tag}: heap ${(growth.heap / 1024).toFixed(0)} KiB, listeners ${growth.listeners}, nodes ${growth.nodes}, ${reached}/${CYCLES} full`);
    }
    if (p.errors.length) throw new Error(p.errors.join('; '));
  } finally {
    await p.close();
  }
  const section = `Leaks (mount in full state and remove ×${CYCLES} each, after ${WARM_UP} warm-up; growth after forced GC)`;
  const rows: Row[] = results.map((r) => {
    const g = r.growth;
    const ok = g.heap <= HEAP_NOISE && g.listeners <= 0 && g.nodes <= 0 && g.documents <= 0 && g.frames <= 0 && Object.values(g.global).every((v) => v <= 0) && r.reachedFullState === r.cycles;
    const global = Object.entries(g.global).map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${v}`);
    return {
      section,
      figure: `<${r.tag}>${r.tag === 'mono-connect-button' ? ' (dialog open)' : /income|assets|earnings/.test(r.tag) ? ' (chart drawn)' : ''}`,
      kit: `heap ${g.heap >= 0 ? '+' : ''}${(g.heap / 1024).toFixed(0)} KiB, listeners ${g.listeners >= 0 ? '+' : ''}${g.listeners}, nodes ${g.nodes >= 0 ? '+' : ''}${g.nodes}, documents ${g.documents >= 0 ? '+' : ''}${g.documents}${global.length ? `, ${global.join(', ')}` : ''}`,
      target: `heap ≤ +${HEAP_NOISE / 1024} KiB; no other growth`,
      status: ok ? 'pass' : 'miss',
      note:
        r.reachedFullState !== r.cycles
          ? `only ${r.reachedFullState}/${r.cycles} mounts reached their full state`
          : r.retainedBy
            ? Object.entries(r.retainedBy)
                .filter(([, v]) => v.count)
                .map(([k, v]) => `${v.count} ${k} alive; held by ${v.paths[0]}`)
                .join('; ') || undefined
            : undefined,
    };
  });
  return { data: results, rows };
}
