// chart.js with the kit's chart configuration (charts/chart-runtime.ts) as one ES module next to the
// script-tag build, which imports it the first time a chart is shown.
export * from '../charts/chart-runtime.js';
