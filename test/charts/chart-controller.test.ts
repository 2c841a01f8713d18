import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../fixtures/wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import { ChartController, type ChartSpec, type ChartView } from '../../src/charts/chart-controller.js';
import { chartStyles, tableStyles } from '../../src/charts/chart-styles.js';
import { loadChart } from '../../src/charts/load-chart.js';
import { installThemeClasses } from '../../src/core/theme.js';
import { stateStyles, tokens } from '../../src/core/tokens.js';
import { emulate, stubMatchMedia } from '../fixtures/media.js';
import { axesLayout, legendStart } from './sandbox-helpers.js';

/** The smallest chart element: a spec property rendered through the controller. */
class ProbeChart extends LitElement {
  static override styles = [tokens, stateStyles, tableStyles, chartStyles, css`:host { display: block; inline-size: 400px; }`];
  @property({ reflect: true }) view: ChartView = 'chart';
  @property({ attribute: false }) spec: ChartSpec | null = null;
  @property() resolvedLocale = 'en-NG';
  readonly charts = new ChartController(this);
  override render() {
    const spec = this.spec;
    return this.charts.render(spec, {
      columns: ['Month', 'Value'],
      rows: spec ? spec.labels.map((label, i) => ({ header: label, cells: [spec.format(spec.series[0].data[i])] })) : [],
    });
  }
}
customElements.define('probe-chart', ProbeChart);
installThemeClasses();

const spec = (data: number[], kind: ChartSpec['kind'] = 'bar'): ChartSpec => ({
  kind,
  title: 'Probe',
  description: 'A probe chart.',
  labels: data.map((_, i) => `M${i + 1}`),
  series: [{ label: 'Value', data }],
  format: (v) => `₦${v}`,
});

let Chart: Awaited<ReturnType<typeof loadChart>>;
const live = () => Object.keys(Chart.instances).length;
const made = (el: ProbeChart) => waitUntil(() => el.charts.instance, 'chart created', { timeout: 5000 });
const frames = (n = 2) => new Promise<void>((r) => {
  const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : r());
  step(n);
});

describe('ChartController', () => {
  before(async () => {
    Chart = await loadChart('bar');
  });

  afterEach(() => {
    fixtureCleanup();
    expect(live(), 'every test leaves no chart behind').to.equal(0);
  });

  it('creates the chart after the first render, with the data and an accessible canvas', async () => {
    const el = document.createElement('probe-chart') as ProbeChart;
    el.spec = spec([1, 2, 3]);
    expect(el.charts.instance, 'nothing before the element is on the page').to.equal(undefined);
    document.body.append(el);
    await made(el);
    const chart = el.charts.instance!;
    expect(chart.data.datasets[0].data).to.deep.equal([1, 2, 3]);
    expect(chart.data.labels).to.deep.equal(['M1', 'M2', 'M3']);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(chart.canvas).to.equal(canvas);
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.equal('A probe chart.');
    el.remove();
  });

  it('updates the same chart in place when the data changes', async () => {
    const el = await fixture<ProbeChart>(html`<probe-chart .spec=${spec([1, 2, 3])}></probe-chart>`);
    await made(el);
    const chart = el.charts.instance!;
    const id = chart.id;
    el.spec = spec([5, 6, 7, 8]);
    await el.updateComplete;
    expect(el.charts.instance).to.equal(chart);
    expect(el.charts.instance!.id).to.equal(id);
    expect(chart.data.datasets[0].data).to.deep.equal([5, 6, 7, 8]);
    expect(chart.data.labels).to.have.length(4);
    expect(live()).to.equal(1);
    el.remove();
  });

  it('destroys the chart on removal and makes a new one when the element comes back', async () => {
    const before = live();
    const el = await fixture<ProbeChart>(html`<probe-chart .spec=${spec([1, 2])}></probe-chart>`);
    await made(el);
    expect(live()).to.equal(before + 1);
    const parent = el.parentElement!;
    el.remove();
    expect(live(), 'no leaked instance').to.equal(before);
    expect(el.charts.instance).to.equal(undefined);
    parent.append(el);
    await made(el);
    expect(live()).to.equal(before + 1);
    el.remove();
    expect(live()).to.equal(before);
  });

  it('never leaks when removed while chart.js is still loading', async () => {
    const el = document.createElement('probe-chart') as ProbeChart;
    el.spec = spec([1, 2, 3], 'doughnut');
    document.body.append(el);
    await el.updateComplete;
    el.remove();
    await loadChart('doughnut');
    await frames();
    expect(el.charts.instance).to.equal(undefined);
    expect(live()).to.equal(0);
  });

  it('destroys the chart when the data goes away (loading, error states)', async () => {
    const el = await fixture<ProbeChart>(html`<probe-chart .spec=${spec([1, 2])}></probe-chart>`);
    await made(el);
    el.spec = null;
    await el.updateComplete;
    expect(el.charts.instance).to.equal(undefined);
    expect(live()).to.equal(0);
    el.spec = spec([3, 4]);
    await made(el);
    expect(el.charts.instance!.data.datasets[0].data).to.deep.equal([3, 4]);
    el.remove();
  });

  it('resizes with its element', async () => {
    const el = await fixture<ProbeChart>(html`<probe-chart .spec=${spec([1, 2])}></probe-chart>`);
    await made(el);
    const chart = el.charts.instance!;
    await waitUntil(() => chart.width === 400, `width ${chart.width}`);
    el.style.inlineSize = '260px';
    await waitUntil(() => chart.width === 260, `width after resize ${chart.width}`);
    el.style.setProperty('--mono-chart-height', '120px');
    await waitUntil(() => chart.height === 120, `height after resize ${chart.height}`);
    el.remove();
  });

  it('takes its colours from the kit’s custom properties and follows theme changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><probe-chart .spec=${spec([1, 2])}></probe-chart></div>`);
    const el = wrapper.querySelector<ProbeChart>('probe-chart')!;
    await made(el);
    const dataset = () => el.charts.instance!.data.datasets[0] as { backgroundColor: string };
    expect(dataset().backgroundColor, 'default accent (light)').to.equal('rgb(26, 86, 219)');
    wrapper.style.setProperty('--mono-sys-color-accent', 'rgb(200, 10, 20)');
    await waitUntil(() => dataset().backgroundColor === 'rgb(200, 10, 20)', `host token: ${dataset().backgroundColor}`);
    wrapper.style.removeProperty('--mono-sys-color-accent');
    wrapper.style.setProperty('--mono-color-scheme', 'dark');
    await waitUntil(() => dataset().backgroundColor === 'rgb(122, 162, 255)', `dark mode: ${dataset().backgroundColor}`);
    wrapper.style.removeProperty('--mono-color-scheme');
    wrapper.classList.add('mono-theme-light');
    await waitUntil(() => dataset().backgroundColor === 'rgb(26, 86, 219)', `light again: ${dataset().backgroundColor}`);
    wrapper.style.setProperty('--mono-chart-color-1', 'rgb(1, 2, 3)');
    await waitUntil(() => dataset().backgroundColor === 'rgb(1, 2, 3)', `chart token: ${dataset().backgroundColor}`);
    el.remove();
  });

  it('gives the tooltip, ticks and legend the elements’ surface, text and font, in dark mode too', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="--mono-sys-font: Georgia, serif; --mono-color-scheme: dark"><probe-chart .spec=${spec([1, 2])}></probe-chart></div>`);
    const el = wrapper.querySelector<ProbeChart>('probe-chart')!;
    await made(el);
    const options = el.charts.instance!.options as unknown as {
      plugins: { tooltip: { backgroundColor: string; bodyColor: string; bodyFont: { family: string } } };
      scales: { x: { ticks: { font: { family: string } } } };
    };
    expect(options.plugins.tooltip.backgroundColor, 'the dark surface, not chart.js black').to.equal('rgb(22, 24, 29)');
    expect(options.plugins.tooltip.bodyColor).to.equal('rgb(232, 234, 239)');
    expect(options.plugins.tooltip.bodyFont.family).to.contain('Georgia');
    expect(options.scales.x.ticks.font.family).to.contain('Georgia');
    el.remove();
  });

  it('recolours every drawn element of a line chart, points included', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><probe-chart .spec=${spec([1, 2, 3], 'line')}></probe-chart></div>`);
    const el = wrapper.querySelector<ProbeChart>('probe-chart')!;
    await made(el);
    const chart = el.charts.instance!;
    const point = () => (chart.getDatasetMeta(0).data[1] as unknown as { options: { backgroundColor: string } }).options.backgroundColor;
    const line = () => (chart.getDatasetMeta(0).dataset as unknown as { options: { borderColor: string } }).options.borderColor;
    await waitUntil(() => point() === 'rgb(26, 86, 219)', `point ${point()}`);
    wrapper.classList.add('mono-theme-dark');
    await waitUntil(() => line() === 'rgb(122, 162, 255)' && point() === 'rgb(122, 162, 255)', `dark: line ${line()}, point ${point()}`);
    el.spec = spec([3, 2, 1], 'line');
    await el.updateComplete;
    await frames(30);
    expect(point(), 'a later data update keeps the theme').to.equal('rgb(122, 162, 255)');
    el.remove();
  });

  it('turns animation off under prefers-reduced-motion', async () => {
    const el = await fixture<ProbeChart>(html`<probe-chart .spec=${spec([1, 2])}></probe-chart>`);
    await made(el);
    expect(el.charts.instance!.options.animation).to.not.equal(false);
    el.remove();
    const query = '(prefers-reduced-motion: reduce)';
    // Where the driver cannot emulate media (Firefox, WebKit), the controller's matchMedia reads a stub.
    const restore = (await emulate({ reducedMotion: 'reduce' }, query)) ? () => emulateMedia({ reducedMotion: 'no-preference' }) : stubMatchMedia(query);
    try {
      expect(matchMedia(query).matches).to.equal(true);
      const calm = await fixture<ProbeChart>(html`<probe-chart .spec=${spec([1, 2])}></probe-chart>`);
      await made(calm);
      expect(calm.charts.instance!.options.animation).to.equal(false);
      calm.remove();
    } finally {
      await restore();
    }
  });

  it('keeps a table equivalent: visually hidden in chart view, shown by the toggle', async () => {
    const el = await fixture<ProbeChart>(html`<probe-chart .spec=${spec([10, 20])}></probe-chart>`);
    await made(el);
    const root = el.shadowRoot!;
    const wrap = root.querySelector('.chart-table')!;
    expect(wrap.classList.contains('sr-only')).to.equal(true);
    expect([...root.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ''))).to.deep.equal(['M1₦10', 'M2₦20']);
    expect(root.querySelector('caption')!.textContent).to.equal('Probe');
    const toggle = root.querySelector<HTMLButtonElement>('[part~="view-toggle"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(el.view).to.equal('table');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(root.querySelector('.chart-table')!.classList.contains('sr-only')).to.equal(false);
    expect(root.querySelector<HTMLElement>('.chart-box')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(el.view).to.equal('chart');
    expect(root.querySelector<HTMLElement>('.chart-box')!.hidden).to.equal(false);
    el.remove();
  });

  it('creates no chart in table view', async () => {
    const el = await fixture<ProbeChart>(html`<probe-chart view="table" .spec=${spec([1])}></probe-chart>`);
    await frames(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(el.charts.instance).to.equal(undefined);
    el.view = 'chart';
    await made(el);
    el.remove();
  });

  it('waits until the chart is near the viewport', async () => {
    const el = await fixture<ProbeChart>(html`<div style="margin-top: 400vh"><probe-chart .spec=${spec([1])}></probe-chart></div>`).then(
      (d) => d.querySelector<ProbeChart>('probe-chart')!,
    );
    await frames(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(el.charts.instance, 'far below the fold').to.equal(undefined);
    el.scrollIntoView();
    await made(el);
    window.scrollTo(0, 0);
    el.remove();
  });

  for (const kind of ['bar', 'line'] as const) {
    it(`mirrors a ${kind} chart for a right-to-left locale: months flow leftwards, values on the right`, async () => {
      const el = await fixture<ProbeChart>(html`<probe-chart resolvedLocale="ar-EG" .spec=${{ ...spec([1, 2, 3], kind), series: [{ label: 'A', data: [1, 2, 3] }, { label: 'B', data: [3, 2, 1] }] }}></probe-chart>`);
      await made(el);
      const chart = el.charts.instance!;
      expect(axesLayout(chart)).to.deep.equal({ firstCategory: 'right', valueAxis: 'right' });
      expect(legendStart(chart), 'legend items from the right').to.equal('right');
      expect(chart.options.plugins!.tooltip!.rtl, 'tooltip mirrored').to.equal(true);
      el.remove();
    });
  }

  it('keeps a left-to-right locale\'s chart as it is, on a right-to-left page too', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><probe-chart .spec=${{ ...spec([1, 2, 3]), series: [{ label: 'A', data: [1, 2, 3] }, { label: 'B', data: [3, 2, 1] }] }}></probe-chart></div>`);
    const el = wrapper.querySelector<ProbeChart>('probe-chart')!;
    await made(el);
    const chart = el.charts.instance!;
    expect(axesLayout(chart)).to.deep.equal({ firstCategory: 'left', valueAxis: 'left' });
    expect(legendStart(chart)).to.equal('left');
    expect(chart.options.plugins!.tooltip!.rtl).to.not.equal(true);
    el.remove();
  });

  it('mirrors the same chart again when the locale changes direction', async () => {
    const el = await fixture<ProbeChart>(html`<probe-chart .spec=${spec([1, 2, 3], 'line')}></probe-chart>`);
    await made(el);
    const chart = el.charts.instance!;
    expect(axesLayout(chart)).to.deep.equal({ firstCategory: 'left', valueAxis: 'left' });
    el.resolvedLocale = 'he';
    await el.updateComplete;
    expect(el.charts.instance, 'the same chart').to.equal(chart);
    expect(axesLayout(chart), 'Hebrew').to.deep.equal({ firstCategory: 'right', valueAxis: 'right' });
    el.resolvedLocale = 'fr-FR';
    await el.updateComplete;
    expect(axesLayout(chart), 'French').to.deep.equal({ firstCategory: 'left', valueAxis: 'left' });
    el.remove();
  });

  it('mirrors a doughnut\'s legend, not its slices, for a right-to-left locale', async () => {
    const el = await fixture<ProbeChart>(html`<probe-chart resolvedLocale="ar-EG" .spec=${spec([1, 2, 3], 'doughnut')}></probe-chart>`);
    await made(el);
    const chart = el.charts.instance!;
    expect(Object.keys(chart.scales), 'no axes').to.deep.equal([]);
    expect(legendStart(chart)).to.equal('right');
    el.resolvedLocale = 'en-NG';
    await el.updateComplete;
    expect(legendStart(chart)).to.equal('left');
    el.remove();
  });

  it('sets no style attribute of its own (strict CSP): only chart.js styles the canvas, through CSSOM', async () => {
    const el = await fixture<ProbeChart>(html`<probe-chart .spec=${spec([1, 2])}></probe-chart>`);
    await made(el);
    const styled = [...el.shadowRoot!.querySelectorAll('[style]')].map((n) => n.localName);
    expect(styled).to.deep.equal(['canvas']);
    el.remove();
  });
});
