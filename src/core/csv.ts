/**
 * CSV that is safe to open in a spreadsheet: RFC 4180 quoting, CRLF line ends, and text cells that a
 * spreadsheet would run as a formula prefixed with a `'` so they stay text: those starting with `=`, `+`,
 * `-`, `@`, tab or carriage return, also behind leading blanks or control characters (which spreadsheets
 * skip), and their full-width forms (`＝`, which Excel reads as `=` under East Asian input). Bank narrations
 * are attacker-controlled, so every text cell is treated so.
 */

export type CsvValue = string | number | null | undefined;

export interface CsvColumn {
  header: string;
  /**
   * The column holds numbers the kit wrote itself (e.g. `minorToDecimal`): a strictly numeric value such as
   * `-1500.00` is written as is, so a spreadsheet reads a number. Anything else is still neutralised.
   */
  numeric?: boolean;
}

const FORMULA_START = /^[\s\0-\x1f\x7f]*[=+\-@＝＋－＠]|^[\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** `=HYPERLINK(…)` → `'=HYPERLINK(…)`: the cell shows the text instead of running it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: neutralised unless it is a plain number in a numeric column, then quoted when needed. */
export function csvCell(value: CsvValue, numeric = false): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (!(numeric && PLAIN_NUMBER.test(text))) text = neutraliseFormula(text);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, joined with CRLF (no trailing line end). */
export function toCsv(columns: readonly CsvColumn[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c, i) => csvCell(row[i], c.numeric)).join(','));
  return lines.join('\r\n');
}

/** A file name made only of safe characters, e.g. `transactions-acc_demo-2025-06-02.csv`. */
export function csvFileName(...parts: (string | undefined)[]): string {
  const base = parts
    .map((p = '') => p.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('-');
  return `${base.slice(0, 120) || 'export'}.csv`;
}

/**
 * Offers `csv` as a download. A byte-order mark goes first so spreadsheet apps read UTF-8 (₦, accents).
 * `container` hosts the temporary link (a shadow root works); it is removed at once.
 */
export function downloadCsv(fileName: string, csv: string, container: Node & ParentNode = document.body): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
