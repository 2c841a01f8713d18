// The one table `npm run bench` prints and BENCHMARKS.md shows: each figure beside its baseline, the
// ratio measured in the same run, the target and whether it is met.

export type Status = 'pass' | 'miss' | 'info' | 'skipped';

export interface Row {
  section: string;
  figure: string;
  kit: string;
  baseline?: string;
  ratio?: string;
  /** Another comparison shown alongside (the plain Lit table). */
  also?: string;
  target?: string;
  status: Status;
  note?: string;
}

export const ms = (v: number | null | undefined): string => (v == null || !Number.isFinite(v) ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const times = (r: number): string => (Number.isFinite(r) ? `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}×` : '–');

const MARK: Record<Status, string> = { pass: 'pass', miss: 'MISS', info: '', skipped: 'skipped' };

const COLUMNS: [keyof Row, string][] = [
  ['figure', 'figure'],
  ['kit', 'mono-elements'],
  ['baseline', 'baseline'],
  ['ratio', 'ratio'],
  ['also', 'plain Lit table'],
  ['target', 'target'],
  ['status', 'result'],
];

function cells(row: Row): string[] {
  return COLUMNS.map(([key]) => (key === 'status' ? MARK[row.status] : String(row[key] ?? '')));
}

/** Plain text for the terminal, one block per section. */
export function textTable(rows: Row[]): string {
  const header = COLUMNS.map(([, title]) => title);
  const body = rows.map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  const out: string[] = [];
  let section = '';
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].section !== section) {
      section = rows[i].section;
      out.push('', `== ${section}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '));
    }
    out.push(line(body[i]));
    if (rows[i].note) out.push(`    ↳ ${rows[i].note}`);
  }
  return out.join('\n');
}

const escapeCell = (v: string) => v.replace(/\|/g, '\\|').replace(/</g, '&lt;');

/** Markdown, one table per section (for BENCHMARKS.md). */
export function markdownTable(rows: Row[]): string {
  const header = COLUMNS.map(([, title]) => title);
  const out: string[] = [];
  let section = '';
  let notes: string[] = [];
  const flush = () => {
    if (notes.length) out.push('', ...notes.map((n) => `- ${escapeCell(n)}`));
    notes = [];
  };
  for (const row of rows) {
    if (row.section !== section) {
      flush();
      section = row.section;
      out.push('', `**${section}**`, '', `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
    }
    out.push(`| ${cells(row).map(escapeCell).join(' | ')} |`);
    if (row.note) notes.push(`${row.figure.trim()}: ${row.note}`);
  }
  flush();
  return out.join('\n').trim();
}
