import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { Chart } from 'chart.js';
import type { ChartRuntime } from './load-chart.js';
import { insightText as msg } from '../i18n/en-insights.js';
import { loadChartRuntime, type ChartKind } from './load-chart.js';

export type ChartView = 'chart' | 'table';

export interface ChartSeries {
  label: string;
  data: number[];
}

/** What an element wants drawn; the controller turns it into a chart.js configuration with the kit's theme. */
export interface ChartSpec {
  kind: ChartKind;
  /** Shown above the chart; also the caption of the table equivalent. */
  title: string;
  /** One sentence saying what the chart shows: the canvas's accessible name. */
  description: string;
  labels: string[];
  series: ChartSeries[];
  /** Full value for tooltips, e.g. money from minor units. */
  format: (value: number) => string;
  /** A doughnut slice's share of the whole (0–1), for its tooltip. Default: none shown. */
  formatShare?: (share: number) => string;
  /** Short value for axis ticks. Default: `format`. */
  formatTick?: (value: number) => string;
  /** Anything besides the data that changes how values read (currency, locale): a change redraws. */
  unit?: string;
  /** "label: value" in the locale's punctuation, for tooltips. The controller sets it from the element's locale. */
  labelled?: (label: string, value: string) => string;
}

/**
 * Whether the locale's language is written right to left (Hausa in Ajami, `ha-Arab`, too). chart.js draws its labels
 * in the canvas's direction, which would otherwise be the page's: on a right-to-left page a French axis read
 * "k NGN 250" for "250 k NGN". The chart runtime mirrors the axes, legend and tooltip from the same `dir`.
 */
function rightToLeft(locale: string): boolean {
  try {
    return /^(Adlm|Arab|Hebr|Nkoo|Rohg|Syrc|Thaa)$/.test(new Intl.Locale(locale).maximize().script ?? '');
  } catch {
    return false;
  }
}

/** The same figures as text: the chart's accessible equivalent, and its "Show as table" view. */
export interface ChartTable {
  /** Column headers; the first names the row-header column. */
  columns: string[];
  rows: Array<{ header: string; cells: string[] }>;
  foot?: { header: string; cells: string[] };
}

/** What a chart element offers the controller. */
export interface ChartHost extends ReactiveControllerHost, HTMLElement {
  view: ChartView;
  readonly resolvedLocale: string;
}

/** Colours (and the font) resolved from the kit's custom properties, so `light-dark()`, dark mode and host themes apply. */
export interface ChartColors {
  series: string[];
  /** Axis and legend text (muted). */
  text: string;
  /** Tooltip text. */
  ink: string;
  grid: string;
  surface: string;
  font: string;
}

const PALETTE_SIZE = 8;
const SWATCHES = [...Array.from({ length: PALETTE_SIZE }, (_, i) => `c${i + 1}`), 'text', 'ink', 'grid', 'surface'];
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/**
 * One chart of a data element, with its accessible equivalent. chart.js is imported only when the canvas
 * is about to be shown (in or near the viewport, in chart view); the chart is created after the first
 * render, updated in place when the data changes, resized with its box (a ResizeObserver, since chart.js's
 * own responsive mode watches `document` and cannot see into shadow roots), recoloured when the theme
 * changes, and destroyed on disconnect. `prefers-reduced-motion` turns animation off.
 */
export class ChartController implements ReactiveController {
  #chart?: Chart;
  #runtime?: ChartRuntime;
  #chartKind?: ChartKind;
  #spec: ChartSpec | null = null;
  readonly #canvasRef = createRef<HTMLCanvasElement>();
  readonly #boxRef = createRef<HTMLDivElement>();
  readonly #swatchesRef = createRef<HTMLSpanElement>();
  #resizeObserver?: ResizeObserver;
  #intersectionObserver?: IntersectionObserver;
  #observedBox?: Element;
  #visible = false;
  #pendingCanvas?: HTMLCanvasElement;
  #generation = 0;
  #appliedKey = '';
  #motionQuery?: MediaQueryList;
  #loadFailed = false;
  #themeQueued = false;

  constructor(private readonly host: ChartHost) {
    host.addController(this);
  }

  /** The live chart.js instance, once created. */
  get instance(): Chart | undefined {
    return this.#chart;
  }

  hostConnected(): void {
    // Moved in the DOM: disconnect destroyed the chart, the next update makes a new one.
    if (this.#spec) this.host.requestUpdate();
    if (this.#loadFailed) addEventListener('online', this.#onOnline, { once: true });
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#onOnline);
    this.#generation++;
    this.#pendingCanvas = undefined;
    this.#destroyChart();
    this.#resizeObserver?.disconnect();
    this.#intersectionObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#intersectionObserver = undefined;
    this.#observedBox = undefined;
    this.#visible = false;
  }

  /** The chart figure: title, "Show as table" toggle, canvas, and the table (visually hidden in chart view). */
  render(spec: ChartSpec | null, table: ChartTable): TemplateResult | typeof nothing {
    const locale = this.host.resolvedLocale;
    this.#spec = spec && { ...spec, labelled: (label, value) => msg(locale, 'labelled', { label, value }) };
    if (!spec) return nothing;
    const tableView = this.host.view === 'table' || this.#loadFailed;
    return html`<div part="chart" class="chart" role="group" aria-labelledby="chart-title">
      <div class="chart-head">
        <span id="chart-title" class="chart-title">${spec.title}</span>
        <button
          part="view-toggle"
          class="button secondary toggle"
          type="button"
          aria-pressed=${this.host.view === 'table' ? 'true' : 'false'}
          @click=${this.#toggleView}
        >
          ${msg(locale, 'chartShowTable')}
        </button>
      </div>
      ${this.#loadFailed ? html`<p class="chart-note">${msg(locale, 'chartUnavailable')}</p>` : nothing}
      <div part="chart-box" class="chart-box" ${ref(this.#boxRef)} ?hidden=${tableView}>
        <canvas ${ref(this.#canvasRef)} role="img" aria-label=${spec.description} dir=${rightToLeft(this.host.resolvedLocale) ? 'rtl' : 'ltr'}></canvas>
      </div>
      <div
        class=${tableView ? 'chart-table table-wrap' : 'chart-table sr-only'}
        tabindex=${tableView ? 0 : nothing}
        role=${tableView ? 'region' : nothing}
        aria-labelledby=${tableView ? 'chart-title' : nothing}
      >
        <table part="chart-table">
          <caption>${spec.title}</caption>
          <thead>
            <tr>${table.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr>
          </thead>
          <tbody>
            ${table.rows.map((r) => html`<tr><th scope="row">${r.header}</th>${r.cells.map((c) => html`<td><bdi>${c}</bdi></td>`)}</tr>`)}
          </tbody>
          ${table.foot
            ? html`<tfoot><tr><th scope="row">${table.foot.header}</th>${table.foot.cells.map((c) => html`<td><bdi>${c}</bdi></td>`)}</tr></tfoot>`
            : nothing}
        </table>
      </div>
      <span class="swatches" aria-hidden="true" ${ref(this.#swatchesRef)} @transitionend=${this.#onThemeChange}>
        ${SWATCHES.map((name) => html`<span class="swatch ${name}"></span>`)}
      </span>
    </div>`;
  }

  #toggleView = (): void => {
    this.host.view = this.host.view === 'table' ? 'chart' : 'table';
  };

  #sync(): void {
    const canvas = this.#canvasRef.value;
    const box = this.#boxRef.value;
    const spec = this.#spec;
    if (this.#chart && (!spec || this.#chart.canvas !== canvas || this.#chartKind !== spec.kind)) this.#destroyChart();
    this.#observe(box?.isConnected ? box : undefined);
    if (!spec || !canvas || !canvas.isConnected || this.host.view === 'table' || this.#loadFailed) return;
    if (this.#chart) this.#applyIfChanged();
    else if (this.#visible && this.#pendingCanvas !== canvas) void this.#create(canvas, spec.kind);
  }

  #observe(box: Element | undefined): void {
    if (box === this.#observedBox) return;
    this.#resizeObserver?.disconnect();
    this.#intersectionObserver?.disconnect();
    this.#observedBox = box;
    this.#visible = false;
    // Without the observers (jsdom, in hosts' unit tests) no chart is drawn; the table equivalent still is.
    if (!box || typeof IntersectionObserver == 'undefined' || typeof ResizeObserver == 'undefined') return;
    this.#resizeObserver ??= new ResizeObserver((entries) => {
      const { width, height } = entries[entries.length - 1].contentRect;
      if (this.#chart && width > 0 && height > 0) this.#chart.resize(Math.floor(width), Math.floor(height));
    });
    // "About to be shown": within a screen's height of the viewport.
    this.#intersectionObserver ??= new IntersectionObserver(
      (entries) => {
        this.#visible = entries[entries.length - 1].isIntersecting;
        if (this.#visible) this.#sync();
      },
      { rootMargin: '100% 0px' },
    );
    this.#resizeObserver.observe(box);
    this.#intersectionObserver.observe(box);
  }

  async #create(canvas: HTMLCanvasElement, kind: ChartKind): Promise<void> {
    const generation = ++this.#generation;
    this.#pendingCanvas = canvas;
    let runtime: ChartRuntime;
    try {
      runtime = await loadChartRuntime(kind);
    } catch (error) {
      // For the developer: the script tag's chart file (mono-elements.chart.js, or data-chart-src) is often what is missing.
      console.warn('mono-elements: chart.js did not load; the chart shows its table.', error);
      if (generation !== this.#generation) return;
      this.#pendingCanvas = undefined;
      this.#loadFailed = true;
      this.host.requestUpdate();
      addEventListener('online', this.#onOnline, { once: true });
      return;
    }
    if (generation !== this.#generation) return;
    this.#pendingCanvas = undefined;
    const spec = this.#spec;
    if (this.#chart || !spec || spec.kind !== kind || this.#canvasRef.value !== canvas || !canvas.isConnected) return;
    const colors = this.#readColors();
    this.#runtime = runtime;
    this.#chart = runtime.createChart(canvas, spec, colors, this.#reducedMotion());
    this.#chartKind = kind;
    this.#appliedKey = this.#keyOf(spec, colors);
    const box = this.#boxRef.value;
    if (box && box.clientWidth > 0 && box.clientHeight > 0) this.#chart.resize(box.clientWidth, box.clientHeight);
    this.#motionQuery = matchMedia(REDUCED_MOTION);
    this.#motionQuery.addEventListener('change', this.#onMotionChange);
  }

  // Offline, the chart's code may load once the browser is back: the chart is tried again then (while on the page).
  readonly #onOnline = () => {
    this.#loadFailed = false;
    this.host.requestUpdate();
  };

  #destroyChart(): void {
    this.#motionQuery?.removeEventListener('change', this.#onMotionChange);
    this.#motionQuery = undefined;
    this.#chart?.destroy();
    this.#chart = undefined;
    this.#appliedKey = '';
  }

  #onMotionChange = (): void => this.#applyIfChanged();

  /** The swatches' colour transition ends whenever a token they read changes (theme class, color-scheme, host CSS). */
  #onThemeChange = (): void => {
    if (this.#themeQueued) return;
    this.#themeQueued = true;
    requestAnimationFrame(() => {
      this.#themeQueued = false;
      this.#applyIfChanged();
    });
  };

  #applyIfChanged(): void {
    const chart = this.#chart;
    const spec = this.#spec;
    const runtime = this.#runtime;
    if (!chart || !spec || !runtime) return;
    const colors = this.#readColors();
    const key = this.#keyOf(spec, colors);
    if (key === this.#appliedKey) return;
    this.#appliedKey = key;
    runtime.updateChart(chart, spec, colors, this.#reducedMotion());
  }

  #keyOf(spec: ChartSpec, colors: ChartColors): string {
    return JSON.stringify([spec.kind, spec.title, spec.labels, spec.series, spec.unit, this.host.resolvedLocale, colors, this.#reducedMotion()]);
  }

  #reducedMotion(): boolean {
    return typeof matchMedia === 'function' && matchMedia(REDUCED_MOTION).matches;
  }

  #readColors(): ChartColors {
    const swatches = this.#swatchesRef.value;
    const read = (name: string) => (swatches ? getComputedStyle(swatches.querySelector(`.${name}`)!).color : '');
    return {
      series: Array.from({ length: PALETTE_SIZE }, (_, i) => read(`c${i + 1}`)),
      text: read('text'),
      ink: read('ink'),
      grid: read('grid'),
      surface: read('surface'),
      font: swatches ? getComputedStyle(swatches).fontFamily : '',
    };
  }
}
