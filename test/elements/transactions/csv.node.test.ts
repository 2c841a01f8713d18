import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { csvCell, csvFileName, neutraliseFormula, toCsv } from '../../../src/core/csv.js';
import { transactionsToCsv } from '../../../src/elements/transactions/transactions-csv.js';
import type { Transaction } from '../../../src/model/transactions.js';

/** A small RFC 4180 reader, to prove that what we write reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

describe('CSV', () => {
  it('neutralises every formula trigger with a leading quote', () => {
    for (const bad of ['=1+1', '+2', '-3+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","click")']) {
      assert.equal(neutraliseFormula(bad), `'${bad}`);
    }
    assert.equal(neutraliseFormula('POS PURCHASE'), 'POS PURCHASE');
    assert.equal(neutraliseFormula("'quoted"), "'quoted");
  });

  it('neutralises a trigger behind leading spaces or control characters, and full-width triggers', () => {
    // Spreadsheets skip leading blanks before reading a formula; East Asian input methods type ＝ and Excel
    // there reads it as =.
    for (const bad of [' =1+1', '\u00a0=1', '\u3000@SUM(A1)', '\u0000=1', '\n=1', ' \t+2', '＝1+1', '＋2', '－3', '＠SUM(A1)', ' ＝1']) {
      assert.equal(neutraliseFormula(bad), `'${bad}`, JSON.stringify(bad));
    }
    for (const fine of [' POS', '\u00a0N', 'A=1', '1-2', '₦-5']) assert.equal(neutraliseFormula(fine), fine, JSON.stringify(fine));
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(' padded'), '" padded"');
    assert.equal(csvCell('=1,2'), `"'=1,2"`);
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(Number.NaN), '');
  });

  it('writes numbers bare only in numeric columns, and text that merely looks numeric there is still neutralised', () => {
    assert.equal(csvCell('-1500.00', true), '-1500.00');
    assert.equal(csvCell('-1500.00'), "'-1500.00");
    assert.equal(csvCell('-1+cmd|x', true), "'-1+cmd|x");
  });

  it('round-trips any text through a standard reader, with no cell starting a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (cells) => {
        const text = toCsv([{ header: 'a' }, { header: 'b' }], cells);
        const back = parseCsv(text);
        assert.equal(back.length, cells.length + 1);
        back.slice(1).forEach((r, i) => {
          r.forEach((cell, j) => {
            assert.equal(cell, neutraliseFormula(cells[i][j]));
            assert.doesNotMatch(cell, /^[\s\u0000-\u001f\u007f]*[=+\-@＝＋－＠]/);
          });
        });
      }),
    );
  });

  it('makes safe file names', () => {
    assert.equal(csvFileName('transactions', 'acc/../x y', '2025-06-02'), 'transactions-acc-x-y-2025-06-02.csv');
    assert.equal(csvFileName(), 'export.csv');
  });
});

describe('transactionsToCsv', () => {
  const rows: Transaction[] = [
    { id: 't1', narration: '=cmd|"/c calc"!A1', amount: 150050, type: 'debit', balance: -2500, date: '2025-05-31T17:42:00.000Z', category: 'bank_charges', currency: 'NGN' },
    { id: 't2', narration: 'SALARY, MAY', amount: 45000000, type: 'credit', balance: null, date: '2025-05-27', category: null, currency: 'NGN' },
    { id: 't3', narration: '@risk', amount: 5, type: 'credit', balance: 5, date: '2025-05-26', category: '+bad', currency: 'JPY' },
  ];

  it('writes exact signed decimals, the currency and neutralised text', () => {
    const lines = parseCsv(transactionsToCsv(rows));
    assert.deepEqual(lines[0], ['Date', 'Narration', 'Category', 'Type', 'Amount', 'Currency', 'Balance', 'ID']);
    assert.deepEqual(lines[1], ['2025-05-31T17:42:00.000Z', `'=cmd|"/c calc"!A1`, 'bank_charges', 'debit', '-1500.50', 'NGN', '-25.00', 't1']);
    assert.deepEqual(lines[2], ['2025-05-27', 'SALARY, MAY', '', 'credit', '450000.00', 'NGN', '', 't2']);
    assert.deepEqual(lines[3], ['2025-05-26', "'@risk", "'+bad", 'credit', '5', 'JPY', '5', 't3']);
  });
});
