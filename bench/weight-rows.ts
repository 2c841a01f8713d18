// Weight figures as table rows (the measuring itself is weight.mjs, shared with bench:check).
import { kB, times, type Row } from './lib/report.js';

export interface WeightItem {
  id: string;
  label: string;
  raw?: number;
  gzip?: number;
  brotli?: number;
  missing?: string;
  note?: string;
  composition?: Record<string, number>;
  /** The connect button with the chunks it fetches once the page is idle. */
  idle?: { raw: number; gzip: number; brotli: number };
}

/** The target: the connect button at most this share of connect.js. */
export const CONNECT_SHARE = 0.6;

const both = (i: WeightItem) => `${kB(i.gzip!)} gz / ${kB(i.brotli!)} br`;

export function weightRows(items: WeightItem[], budgets: Record<string, { gzip: number; brotli: number }>): Row[] {
  const section = 'Weight (minified, every dependency bundled; gzip -9 / brotli -q 11; exact)';
  const by = new Map(items.map((i) => [i.id, i]));
  const connectJs = by.get('connect.js');
  const rows: Row[] = [];
  const budgetText = (id: string) => (budgets[id] ? `budget ${kB(budgets[id].gzip)} gz / ${kB(budgets[id].brotli)} br` : '');
  const overBudget = (i: WeightItem) => Boolean(budgets[i.id] && (i.gzip! > budgets[i.id].gzip || i.brotli! > budgets[i.id].brotli));
  for (const id of ['connect-button', 'elements', 'chart-chunk', 'unpkg', 'unpkg-chart']) {
    const item = by.get(id);
    if (!item) continue;
    if (item.missing) {
      rows.push({ section, figure: item.label, kit: item.missing, status: 'skipped' });
      continue;
    }
    if (id === 'connect-button' && connectJs?.gzip) {
      const gz = item.gzip! / connectJs.gzip;
      const br = item.brotli! / connectJs.brotli!;
      const top = Object.entries(item.composition ?? {})
        .slice(0, 6)
        .map(([k, v]) => `${k} ${kB(v)}`)
        .join(', ');
      rows.push({
        section,
        figure: item.label,
        kit: both(item),
        baseline: `connect.js ${both(connectJs)}`,
        ratio: `${times(gz)} gz / ${times(br)} br`,
        target: `≤ ${CONNECT_SHARE}× connect.js`,
        status: gz <= CONNECT_SHARE && br <= CONNECT_SHARE ? 'pass' : 'miss',
        note: gz > CONNECT_SHARE ? `minified bytes by source before compression: ${top}` : undefined,
      });
      if (item.idle) {
        // Every visitor downloads these too (unless they ask to save data): the click's code, loaded at idle
        // so that a tap does not wait for it. The price of the connect-latency figure, shown beside it.
        const [igz, ibr] = [item.idle.gzip / connectJs.gzip, item.idle.brotli / connectJs.brotli!];
        rows.push({
          section,
          figure: `${item.label}, with the click's code it fetches at idle (no click)`,
          kit: `${kB(item.idle.gzip)} gz / ${kB(item.idle.brotli)} br`,
          baseline: `connect.js ${both(connectJs)}`,
          ratio: `${times(igz)} gz / ${times(ibr)} br`,
          target: `≤ ${CONNECT_SHARE}× connect.js`,
          status: igz <= CONNECT_SHARE && ibr <= CONNECT_SHARE ? 'pass' : 'miss',
        });
      }
      continue;
    }
    rows.push({ section, figure: item.label, kit: both(item), target: budgetText(id), status: budgets[id] ? (overBudget(item) ? 'miss' : 'pass') : 'info', note: item.note });
  }
  if (connectJs && !connectJs.missing) rows.push({ section, figure: connectJs.label, kit: both(connectJs), status: 'info' });
  const txn = by.get('transactions');
  const grid = by.get('ag-grid');
  if (txn?.gzip && grid?.gzip) {
    rows.push({
      section,
      figure: '<mono-transactions> alone (for the scale figures)',
      kit: both(txn),
      baseline: `AG Grid ${both(grid)}`,
      ratio: `${times(txn.gzip / grid.gzip)} gz`,
      status: 'info',
    });
  }
  return rows;
}
