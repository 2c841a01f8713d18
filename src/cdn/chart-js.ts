// chart.js as one ES module next to the script-tag build, which imports it the first time a chart is shown.
export * from 'chart.js';
