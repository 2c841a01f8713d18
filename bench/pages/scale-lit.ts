// A plain, non-virtualised Lit table: every row is a <tr> in the DOM. The baseline that shows why
// virtualisation matters; the driver stops it at sizes where it no longer finishes in reasonable time.
import { LitElement, css, html } from 'lit';
import { formatDate, formatMoney } from '../../src/core/format.js';
import type { RawRow, ScaleAdapter } from './scale-types.js';

const money = (minor: number | null | undefined): string => (minor == null ? '' : formatMoney(minor, 'NGN', 'en-NG'));

class PlainTable extends LitElement {
  static properties = { rows: { attribute: false }, filter: { attribute: false } };
  static styles = css`
    :host { display: block; overflow: auto; }
    table { border-collapse: collapse; width: 100%; }
    td, th { padding: 4px 8px; border-bottom: 1px solid #ddd; text-align: start; }
    .num { text-align: end; font-variant-numeric: tabular-nums; }
  `;
  rows: RawRow[] = [];
  filter = '';

  render() {
    const needle = this.filter.trim().toLowerCase();
    const shown = needle ? this.rows.filter((r) => r.narration.toLowerCase().includes(needle)) : this.rows;
    return html`<table>
      <thead><tr><th>Date</th><th>Narration</th><th>Type</th><th class="num">Amount</th><th class="num">Balance</th></tr></thead>
      <tbody>
        ${shown.map(
          (r) => html`<tr>
            <td>${formatDate(r.date, 'en-NG')}</td><td>${r.narration}</td><td>${r.type}</td>
            <td class="num">${money(r.amount)}</td><td class="num">${money(r.balance)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
customElements.define('plain-table', PlainTable);

let table: PlainTable | null = null;
const input = document.getElementById('filter') as HTMLInputElement;
input.addEventListener('input', () => {
  if (table) table.filter = input.value;
});
const bodyRows = (): NodeListOf<HTMLTableRowElement> | [] => table?.shadowRoot?.querySelectorAll('tbody tr') ?? [];

export const adapter: ScaleAdapter = {
  mount(host, rows) {
    table = document.createElement('plain-table') as PlainTable;
    table.rows = rows;
    host.append(table);
  },
  firstRowText: () => table?.shadowRoot?.querySelector('tbody tr')?.textContent?.trim() ?? '',
  renderedRows: () => bodyRows().length,
  scroller: () => table,
  lastRowShown(lastNarration) {
    const rows = bodyRows();
    const last = rows[rows.length - 1];
    if (!last || !last.textContent?.includes(lastNarration) || !table) return false;
    const box = table.getBoundingClientRect();
    const rect = last.getBoundingClientRect();
    return rect.bottom <= box.bottom + 1 && rect.top >= box.top - 1;
  },
  filterInput: () => input,
};
