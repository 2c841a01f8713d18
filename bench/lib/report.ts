// The one table `npm run bench` prints and BENCHMARKS.md shows: each figure beside its baseline, the
// ratio measured in the same run, the issue's target and whether it is met.

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

function cells(row: Row, columns = COLUMNS): string[] {
  return columns.map(([key]) => (key === 'status' ? MARK[row.status] : String(row[key] ?? '')));
}

/** Rows grouped by section, each with only the columns that hold something in that section. */
function sections(rows: Row[]): { title: string; rows: Row[]; columns: typeof COLUMNS }[] {
  const out: { title: string; rows: Row[]; columns: typeof COLUMNS }[] = [];
  for (const row of rows) {
    if (out[out.length - 1]?.title !== row.section) out.push({ title: row.section, rows: [], columns: COLUMNS });
    out[out.length - 1].rows.push(row);
  }
  for (const section of out) {
    section.columns = COLUMNS.filter(([key], i) => i === 0 || section.rows.some((r) => cells(r)[COLUMNS.findIndex(([k]) => k === key)] !== ''));
  }
  return out;
}

/** Plain text for the terminal, one block per section. */
export function textTable(rows: Row[]): string {
  const out: string[] = [];
  for (const section of sections(rows)) {
    const header = section.columns.map(([, title]) => title);
    const body = section.rows.map((r) => cells(r, section.columns));
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
    out.push('', `== ${section.title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '));
    section.rows.forEach((row, i) => {
      out.push(line(body[i]));
      if (row.note) out.push(`    ↳ ${row.note}`);
    });
  }
  return out.join('\n');
}

const escapeCell = (v: string) => v.replace(/\|/g, '\\|').replace(/</g, '&lt;');

/** Markdown, one table per section (for BENCHMARKS.md). */
export function markdownTable(rows: Row[]): string {
  const out: string[] = [];
  for (const section of sections(rows)) {
    const header = section.columns.map(([, title]) => title);
    out.push('', `**${section.title}**`, '', `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
    for (const row of section.rows) out.push(`| ${cells(row, section.columns).map(escapeCell).join(' | ')} |`);
    const notes = section.rows.filter((r) => r.note).map((r) => `- ${escapeCell(`${r.figure.trim()}: ${r.note}`)}`);
    if (notes.length) out.push('', ...notes);
  }
  return out.join('\n').trim();
}
