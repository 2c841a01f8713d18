import type * as Runtime from './chart-runtime.js';

export type ChartKind = 'bar' | 'line' | 'doughnut';
export type ChartRuntime = typeof Runtime;
export type ChartConstructor = ChartRuntime['Chart'];

let loading: Promise<ChartRuntime> | undefined;
let loaded = false;

/**
 * chart.js (with the kit's chart configuration, chart-runtime.ts) is fetched the first time a chart is
 * about to be shown, never by importing an element: a page that shows no chart never pays for it. Named
 * imports there let bundlers drop the controllers, scales and plugins the kit does not use.
 */
function importRuntime(): Promise<ChartRuntime> {
  loading ??= import('./chart-runtime.js').then(
    (runtime) => {
      loaded = true;
      return runtime;
    },
    (error: unknown) => {
      // A failed chunk load (offline, CSP) may succeed later: let the next chart try again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** chart.js and the kit's configuration, with the parts `kind` needs registered. */
export async function loadChartRuntime(kind: ChartKind): Promise<ChartRuntime> {
  const runtime = await importRuntime();
  runtime.register(kind);
  return runtime;
}

/** The Chart class with the parts `kind` needs registered. */
export async function loadChart(kind: ChartKind): Promise<ChartConstructor> {
  return (await loadChartRuntime(kind)).Chart;
}

/** Whether chart.js has been fetched on this page (for tests and diagnostics). */
export const isChartJsLoaded = (): boolean => loaded;
