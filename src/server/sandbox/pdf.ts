import type { Transaction } from './transactions.js';

export interface StatementPdfInput {
  holder: string;
  accountNumber: string;
  institution: string;
  currency: string;
  /** e.g. "last3months" */
  period: string;
  fromMs: number;
  toMs: number;
  openingBalance: number;
  closingBalance: number;
  /** Newest first; only the first MAX_ROWS are printed. */
  transactions: readonly Transaction[];
  generatedAtMs: number;
}

const MAX_ROWS = 30;
const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 40;

/** Formats minor units as "1,234.56". */
export function formatMinor(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const units = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${units}.${String(abs % 100).padStart(2, '0')}`;
}

function formatDay(ms: number): string {
  const date = new Date(ms);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()];
  return `${String(date.getUTCDate()).padStart(2, '0')} ${month} ${date.getUTCFullYear()}`;
}

/** PDF string literal: printable ASCII only (the standard fonts have no ₦), with the three specials escaped. */
function pdfString(text: string): string {
  return `(${text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** Width of a number in Helvetica (digits are 556/1000 em, "," and "." 278/1000), for right alignment. */
function numberWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += c === ',' || c === '.' ? 0.278 : c === '-' ? 0.333 : 0.556;
  return em * size;
}

class ContentStream {
  private readonly ops: string[] = [];

  text(x: number, y: number, value: string, size = 9, bold = false): this {
    this.ops.push(`BT /${bold ? 'F2' : 'F1'} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${pdfString(value)} Tj ET`);
    return this;
  }

  rightAligned(right: number, y: number, value: string, size = 8): this {
    return this.text(right - numberWidth(value, size), y, value, size);
  }

  gray(level: number): this {
    this.ops.push(`${level} g`);
    return this;
  }

  rule(y: number, width = 0.5): this {
    this.ops.push(`${width} w ${MARGIN} ${y} m ${PAGE_WIDTH - MARGIN} ${y} l S`);
    return this;
  }

  toString(): string {
    return this.ops.join('\n');
  }
}

function pageContent(input: StatementPdfInput): string {
  const page = new ContentStream();
  const credits = input.transactions.filter((t) => t.type === 'credit').reduce((sum, t) => sum + t.amount, 0);
  const debits = input.transactions.filter((t) => t.type === 'debit').reduce((sum, t) => sum + t.amount, 0);
  let y = PAGE_HEIGHT - 60;
  page.text(MARGIN, y, 'Account statement', 18, true);
  y -= 16;
  page.gray(0.45).text(MARGIN, y, 'Mono Connect sandbox - generated test data, not a real bank statement', 8).gray(0);
  y -= 28;
  const facts: [string, string][] = [
    ['Account holder', input.holder],
    ['Account number', input.accountNumber],
    ['Bank', input.institution],
    ['Period', `${formatDay(input.fromMs)} to ${formatDay(input.toMs)} (${input.period})`],
    ['Opening balance', `${input.currency} ${formatMinor(input.openingBalance)}`],
    ['Closing balance', `${input.currency} ${formatMinor(input.closingBalance)}`],
    ['Money in / out', `${input.currency} ${formatMinor(credits)} / ${input.currency} ${formatMinor(debits)}`],
    ['Transactions', String(input.transactions.length)],
  ];
  for (const [label, value] of facts) {
    page.text(MARGIN, y, label, 9, true).text(MARGIN + 110, y, value, 9);
    y -= 14;
  }

  y -= 12;
  const columns = { date: MARGIN, narration: MARGIN + 62, debit: 395, credit: 470, balance: PAGE_WIDTH - MARGIN };
  page.text(columns.date, y, 'Date', 8, true).text(columns.narration, y, 'Narration', 8, true);
  page.text(columns.debit - 26, y, 'Debit', 8, true).text(columns.credit - 30, y, 'Credit', 8, true).text(columns.balance - 36, y, 'Balance', 8, true);
  y -= 5;
  page.rule(y);
  y -= 12;
  const rows = input.transactions.slice(0, MAX_ROWS);
  for (const txn of rows) {
    const narration = txn.narration.length > 52 ? `${txn.narration.slice(0, 51)}...` : txn.narration;
    page.text(columns.date, y, formatDay(Date.parse(txn.date)), 8).text(columns.narration, y, narration, 7);
    page.rightAligned(txn.type === 'debit' ? columns.debit : columns.credit, y, formatMinor(txn.amount));
    page.rightAligned(columns.balance, y, formatMinor(txn.balance));
    y -= 13;
  }
  if (rows.length === 0) {
    page.text(columns.narration, y, 'No transactions in this period.', 8);
    y -= 13;
  }
  page.rule(y + 6, 0.3);
  y -= 8;
  const more = input.transactions.length - rows.length;
  if (more > 0) page.gray(0.45).text(MARGIN, y, `Showing the ${rows.length} most recent transactions; ${more} more are in the JSON statement.`, 8).gray(0);
  return page.toString();
}

function pdfDate(ms: number): string {
  return `D:${new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** Encodes a string whose characters are all < 256 one byte per character, so offsets are string indices. */
function latin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** A minimal, valid one-page PDF 1.4 statement written by hand (standard fonts, no dependencies). */
export function statementPdf(input: StatementPdfInput): Uint8Array {
  const content = pageContent(input);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfString(`Statement ${input.accountNumber} ${input.period}`)} /Producer (mono-elements sandbox) /CreationDate (${pdfDate(input.generatedAtMs)}) >>`,
  ];
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return latin1(out);
}
