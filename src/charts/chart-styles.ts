import { css } from 'lit';

/**
 * The chart frame (title, toggle, canvas box, table equivalent) and the palette swatches the controller
 * reads colours from. Public hooks: `--mono-chart-height`, `--mono-chart-color-1` … `--mono-chart-color-8`.
 */
export const chartStyles = css`
  .chart {
    display: grid;
    /* minmax(0, …): the canvas's pixel width must never hold the column open when the element shrinks. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
    margin: 0;
  }
  .chart-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .chart-title {
    font-weight: 600;
  }
  .toggle {
    padding: 0.25rem 0.7rem;
    font-size: 0.875em;
  }
  .toggle[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .chart-box {
    position: relative;
    overflow: hidden;
    inline-size: 100%;
    block-size: var(--mono-chart-height, 16rem);
  }
  .chart-box[hidden] {
    display: none;
  }
  .chart-box canvas {
    display: block;
    inline-size: 100%;
    block-size: 100%;
  }
  .chart-note {
    margin: 0;
    color: var(--_text-muted);
  }
  .swatches {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  /* A colour change ends a (1 ms) transition: the controller's signal that the theme changed. */
  .swatch {
    transition: color 1ms;
  }
  .swatch.c1 {
    color: var(--mono-chart-color-1, var(--_accent));
  }
  .swatch.c2 {
    color: var(--mono-chart-color-2, var(--_positive));
  }
  .swatch.c3 {
    color: var(--mono-chart-color-3, var(--_warning));
  }
  .swatch.c4 {
    color: var(--mono-chart-color-4, light-dark(#7c3aed, #c4b5fd));
  }
  .swatch.c5 {
    color: var(--mono-chart-color-5, light-dark(#0e7490, #67e8f9));
  }
  .swatch.c6 {
    color: var(--mono-chart-color-6, var(--_negative));
  }
  .swatch.c7 {
    color: var(--mono-chart-color-7, light-dark(#be185d, #f9a8d4));
  }
  .swatch.c8 {
    color: var(--mono-chart-color-8, var(--_text-muted));
  }
  .swatch.text {
    color: var(--_text-muted);
  }
  .swatch.ink {
    color: var(--_text);
  }
  .swatch.grid {
    color: var(--_border);
  }
  .swatch.surface {
    color: var(--_surface);
  }
  /* On paper a chart is its table: exact figures, and none left blank because it was never scrolled into view
     (charts are drawn only near the viewport, and chart.js loads too late for a print started meanwhile). */
  @media print {
    .chart-box,
    .chart-head .toggle {
      display: none;
    }
    .toggle[aria-pressed='true'] {
      print-color-adjust: exact;
    }
    .chart-table.sr-only {
      position: static;
      width: auto;
      height: auto;
      margin: 0;
      overflow: visible;
      clip: auto;
      white-space: normal;
    }
  }
  /* Forced colours would turn every series swatch into the text colour (a solid ring): the series keep their
     palette, the axes and lines take the system's colours. */
  @media (forced-colors: active) {
    .swatches {
      forced-color-adjust: none;
    }
    .swatch.text,
    .swatch.ink {
      color: CanvasText;
    }
    .swatch.grid {
      color: GrayText;
    }
    .swatch.surface {
      color: Canvas;
    }
  }
`;

/** Tables of the insight elements (holdings, streams, earnings, chart equivalents). */
export const tableStyles = css`
  /* Scroll shadows: an edge with more table beyond it is shaded (the covers scroll with the table and hide the
     shade at its ends), so a phone shows that the columns go on. */
  /* Contained, the table's width is not the element's least width: a grid or flex item (a page's 1fr column) does
     not widen to the table on a phone, the table scrolls in its box instead. */
  .table-wrap {
    overflow-x: auto;
    contain: inline-size;
    --_shade: color-mix(in srgb, var(--_text) 22%, transparent);
    background:
      linear-gradient(to right, var(--_surface) 40%, transparent) left / 2.5rem 100% no-repeat local,
      linear-gradient(to left, var(--_surface) 40%, transparent) right / 2.5rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, var(--_shade), transparent) left / 0.9rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, var(--_shade), transparent) right / 0.9rem 100% no-repeat scroll,
      var(--_surface);
  }
  table {
    inline-size: 100%;
    /* Separate: each cell keeps its own line, which a collapsed border lets the sticky row headers paint over. */
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.4rem;
  }
  th,
  td {
    padding: 0.4rem 0.6rem;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    color: var(--_text-muted);
    font-weight: 600;
    font-size: 0.875em;
  }
  tbody th {
    font-weight: 500;
  }
  /* A table wider than its box (a phone) scrolls under its row headers, which name the rows. */
  .table-wrap :is(table:has(tbody th) thead th:first-child, tbody th, tfoot th) {
    position: sticky;
    inset-inline-start: 0;
    background: var(--_surface);
  }
  td.num,
  th.num {
    text-align: end;
    white-space: nowrap;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    border-block-end: none;
  }
  .positive {
    color: var(--_positive);
  }
  .negative {
    color: var(--_negative);
  }
  .muted {
    color: var(--_text-muted);
  }
  .chart-table td {
    text-align: end;
    white-space: nowrap;
  }
  /* Paper does not scroll sideways: the columns are made to fit. */
  @media print {
    .table-wrap {
      overflow: visible;
    }
    table {
      font-size: 0.8em;
    }
    th,
    td {
      padding-inline: 0.3rem;
    }
  }
`;

/** Pickers and total cards shared by the insight elements. */
export const controlStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-block-end: 0.75rem;
  }
  .picker {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  .totals {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    gap: calc(var(--_space) * 0.75);
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
  }
  .total {
    display: grid;
    gap: 0.2rem;
    padding: calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .total-value {
    font-size: 1.2em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
`;
