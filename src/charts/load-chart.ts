import type { Chart as ChartClass, ChartComponentLike } from 'chart.js';

export type ChartKind = 'bar' | 'line' | 'doughnut';
export type ChartConstructor = typeof ChartClass;

interface LoadedChartJs {
  Chart: ChartConstructor;
  parts: Record<ChartKind, ChartComponentLike[]>;
}

let loading: Promise<LoadedChartJs> | undefined;
let loaded = false;
const registered = new Set<ChartKind>();

/**
 * chart.js is fetched the first time a chart is about to be shown, never by importing an element: a
 * page that shows no chart never pays for it. The destructured names let bundlers drop the controllers,
 * scales and plugins the kit does not use; each kind registers only its own parts.
 */
function importChartJs(): Promise<LoadedChartJs> {
  loading ??= import('chart.js').then(
    ({ Chart, BarController, BarElement, LineController, LineElement, PointElement, Filler, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend }) => {
      loaded = true;
      return {
        Chart,
        parts: {
          bar: [BarController, BarElement, CategoryScale, LinearScale, Tooltip],
          line: [LineController, LineElement, PointElement, Filler, CategoryScale, LinearScale, Tooltip],
          doughnut: [DoughnutController, ArcElement, Tooltip, Legend],
        },
      };
    },
    (error: unknown) => {
      // A failed chunk load (offline, CSP) may succeed later: let the next chart try again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The Chart class with the parts `kind` needs registered. */
export async function loadChart(kind: ChartKind): Promise<ChartConstructor> {
  const { Chart, parts } = await importChartJs();
  if (!registered.has(kind)) {
    Chart.register(...parts[kind]);
    registered.add(kind);
  }
  return Chart;
}

/** Whether chart.js has been fetched on this page (for tests and diagnostics). */
export const isChartJsLoaded = (): boolean => loaded;
