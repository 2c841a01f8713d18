export { ChartController, type ChartHost, type ChartSeries, type ChartSpec, type ChartTable, type ChartView } from './chart-controller.js';
export { chartStyles, controlStyles, tableStyles } from './chart-styles.js';
export { isChartJsLoaded, loadChart, type ChartKind } from './load-chart.js';
export { monthLabel } from './months.js';
export { monthsBetween } from '../model/months.js';
