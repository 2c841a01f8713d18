// What loads with chart.js, the first time a chart is about to be shown: the chart.js parts each kind needs
// and the kit's chart configuration (datasets, colours, axes, tooltips). The controller (chart-controller.ts)
// stays up front; a page that shows no chart never loads this.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartComponentLike,
  type ChartConfiguration,
  type ChartDataset,
  type TooltipItem,
} from 'chart.js';
import type { ChartColors, ChartSpec } from './chart-controller.js';
import type { ChartKind } from './load-chart.js';

export { Chart };

const PARTS: Record<ChartKind, ChartComponentLike[]> = {
  bar: [BarController, BarElement, CategoryScale, LinearScale, Tooltip],
  line: [LineController, LineElement, PointElement, Filler, CategoryScale, LinearScale, Tooltip],
  doughnut: [DoughnutController, ArcElement, Tooltip, Legend],
};
const registered = new Set<ChartKind>();

/** Registers the parts `kind` needs (once). */
export function register(kind: ChartKind): void {
  if (registered.has(kind)) return;
  Chart.register(...PARTS[kind]);
  registered.add(kind);
}

/** `rgb(1, 2, 3)` → `rgba(1, 2, 3, alpha)`; other notations are returned as they are. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color);
  return m ? `rgba(${m[1]}, ${m[2]}, ${m[3]}, ${alpha})` : color;
}

/**
 * Whether the chart reads right to left: the controller gives the canvas `dir="rtl"` when the locale's language is
 * written right to left (its `rightToLeft`), and the axes follow that one rule rather than a second copy of it.
 */
const rtlCanvas = (canvas: HTMLCanvasElement): boolean => canvas.dir == 'rtl';

/** A new chart on `canvas`, mirrored when the canvas reads right to left. */
export function createChart(canvas: HTMLCanvasElement, spec: ChartSpec, colors: ChartColors, reducedMotion: boolean): Chart {
  return new Chart(canvas, chartConfig(spec, colors, reducedMotion, rtlCanvas(canvas)));
}

/** A new chart's configuration; `rtl` mirrors its axes, legend and tooltip. */
export function chartConfig(spec: ChartSpec, colors: ChartColors, reducedMotion: boolean, rtl = false): ChartConfiguration {
  return { type: spec.kind, data: data(spec, colors), options: options(spec, colors, reducedMotion, rtl) } as ChartConfiguration;
}

/**
 * Always a full update: chart.js's 'none' mode keeps stale shared element options (old point colours). A locale
 * change that turns the canvas's direction mirrors the chart again.
 */
export function updateChart(chart: Chart, spec: ChartSpec, colors: ChartColors, reducedMotion: boolean): void {
  const next = data(spec, colors);
  chart.data.labels = next.labels;
  const datasets = chart.data.datasets;
  next.datasets.forEach((dataset, i) => {
    if (datasets[i]) Object.assign(datasets[i], dataset);
    else datasets.push(dataset);
  });
  datasets.splice(next.datasets.length);
  chart.options = options(spec, colors, reducedMotion, rtlCanvas(chart.canvas));
  chart.update();
}

function data(spec: ChartSpec, colors: ChartColors): { labels: string[]; datasets: ChartDataset[] } {
  const color = (i: number) => colors.series[i % colors.series.length];
  const datasets = spec.series.map((s, i): ChartDataset => {
    switch (spec.kind) {
      case 'bar':
        return { label: s.label, data: [...s.data], backgroundColor: color(i), borderRadius: 4, maxBarThickness: 48 } as ChartDataset<'bar'>;
      case 'line':
        return {
          label: s.label,
          data: [...s.data],
          borderColor: color(i),
          backgroundColor: withAlpha(color(i), 0.15),
          pointBackgroundColor: color(i),
          pointRadius: s.data.length > 40 ? 0 : 3,
          fill: 'origin',
          // Monotone curves never overshoot: a running total must not appear to dip between months.
          cubicInterpolationMode: 'monotone',
        } as ChartDataset<'line'>;
      case 'doughnut':
        return {
          label: s.label,
          data: [...s.data],
          backgroundColor: s.data.map((_, j) => color(j)),
          borderColor: colors.surface,
          borderWidth: 2,
        } as ChartDataset<'doughnut'>;
    }
  });
  return { labels: [...spec.labels], datasets };
}

function options(spec: ChartSpec, colors: ChartColors, reducedMotion: boolean, rtl: boolean): NonNullable<ChartConfiguration['options']> {
  const format = spec.format;
  const formatTick = spec.formatTick ?? format;
  const doughnut = spec.kind === 'doughnut';
  const labelled = spec.labelled ?? ((name: string, value: string) => `${name}: ${value}`);
  const label = (item: TooltipItem<ChartKind>) => {
    const value = Number(doughnut ? item.parsed : (item.parsed as { y: number }).y);
    if (!doughnut) return labelled(item.dataset.label ?? '', format(value));
    const total = (item.dataset.data as number[]).reduce((sum, v) => sum + Math.max(0, v), 0);
    const share = total > 0 && spec.formatShare ? ` (${spec.formatShare(value / total)})` : '';
    return labelled(item.label, format(value) + share);
  };
  // The elements' font and surface, not chart.js's Helvetica and black tooltip.
  const font = { family: colors.font || undefined };
  return {
    // Sized by our ResizeObserver; chart.js's responsive mode observes `document` and misses shadow roots.
    responsive: false,
    maintainAspectRatio: false,
    animation: reducedMotion ? false : { duration: 400 },
    plugins: {
      // Mirrored for right-to-left: legend items from the right, their colour box after the text; the tooltip's too.
      legend: { display: doughnut || spec.series.length > 1, position: 'bottom', rtl, labels: { color: colors.text, font } },
      tooltip: {
        rtl,
        callbacks: { label },
        backgroundColor: colors.surface,
        titleColor: colors.ink,
        bodyColor: colors.ink,
        borderColor: colors.grid,
        borderWidth: 1,
        titleFont: { ...font, weight: 'bold' },
        bodyFont: font,
      },
    },
    ...(doughnut
      ? { cutout: '60%' }
      : {
          // Room for the last point's radius, which the plot area would cut in half (that point is at the left when mirrored).
          layout: { padding: rtl ? { left: 8, right: 4 } : { right: 8, left: 4 } },
          // Right to left, time flows leftwards (the first month at the right) and the values sit on the right.
          // The kit draws no horizontal bars (indexAxis 'y'); they would grow leftwards instead.
          scales: {
            x: { reverse: rtl, ticks: { color: colors.text, font }, grid: { display: false }, border: { color: colors.grid } },
            y: {
              position: rtl ? 'right' : 'left',
              beginAtZero: true,
              ticks: { color: colors.text, font, callback: (v: string | number) => formatTick(Number(v)) },
              grid: { color: colors.grid },
              border: { display: false },
            },
          },
        }),
  } as NonNullable<ChartConfiguration['options']>;
}
