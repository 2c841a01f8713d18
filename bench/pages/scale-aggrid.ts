// AG Grid Community, client-side row model with its own row and column virtualisation, quick filter on the narration.
import { ClientSideRowModelModule, createGrid, ModuleRegistry, QuickFilterModule, type GridApi } from 'ag-grid-community';
import { formatDate, formatMoney } from '../../src/core/format.js';
import type { RawRow, ScaleAdapter } from './scale-types.js';

ModuleRegistry.registerModules([ClientSideRowModelModule, QuickFilterModule]);

let api: GridApi<RawRow> | null = null;
let root: HTMLElement | null = null;
let rowCount = 0;
const input = document.getElementById('filter') as HTMLInputElement;
input.addEventListener('input', () => api?.setGridOption('quickFilterText', input.value));

const money = (minor: number | null | undefined): string => (minor == null ? '' : formatMoney(minor, 'NGN', 'en-NG'));

const rowsInOrder = (): HTMLElement[] =>
  root ? (Array.from(root.querySelectorAll('.ag-row[row-index]')) as HTMLElement[]).sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index'))) : [];

export const adapter: ScaleAdapter = {
  mount(host, rows) {
    root = host;
    rowCount = rows.length;
    api = createGrid<RawRow>(host, {
      rowData: rows,
      // Row animation would hold the old rows for 400 ms after a filter: off, AG Grid's fastest setup.
      animateRows: false,
      getRowId: (p) => p.data.id,
      // The quick filter searches the narration only, as the kit's search does.
      columnDefs: [
        { field: 'date', headerName: 'Date', width: 130, valueFormatter: (p) => formatDate(p.value, 'en-NG'), getQuickFilterText: () => '' },
        { field: 'narration', headerName: 'Narration', flex: 1 },
        { field: 'type', headerName: 'Type', width: 90, getQuickFilterText: () => '' },
        { field: 'amount', headerName: 'Amount', width: 150, valueFormatter: (p) => money(p.value), getQuickFilterText: () => '' },
        { field: 'balance', headerName: 'Balance', width: 160, valueFormatter: (p) => money(p.value), getQuickFilterText: () => '' },
      ],
    });
  },
  firstRowText: () => rowsInOrder()[0]?.textContent?.trim() ?? '',
  renderedRows: () => rowsInOrder().length,
  // AG Grid 36 scrolls rows in .ag-grid-viewport (earlier versions: .ag-body-viewport).
  scroller: () => root?.querySelector('.ag-grid-viewport') ?? root?.querySelector('.ag-body-viewport') ?? null,
  lastRowShown(lastNarration) {
    const rows = rowsInOrder();
    const last = rows[rows.length - 1];
    if (!last || Number(last.getAttribute('row-index')) !== rowCount - 1 || !last.textContent?.includes(lastNarration)) return false;
    const box = adapter.scroller()!.getBoundingClientRect();
    const rect = last.getBoundingClientRect();
    return rect.bottom <= box.bottom + 1 && rect.top >= box.top - 1;
  },
  filterInput: () => input,
};
