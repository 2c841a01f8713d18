import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../fixtures/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/transactions/define.js';
import type { MonoTransactionTable } from '../../../src/elements/transactions/mono-transaction-table.js';
import type { Transaction } from '../../../src/model/transactions.js';
import { countElements, makeRows, nextFrame, renderedRows } from './helpers.js';
import { registerMessages } from '../../../src/i18n/index.js';
import { emulate } from '../../fixtures/media.js';
import { fr } from '../../../src/i18n/locales/fr.js';

const rows10k = makeRows(10_000);
const rows100k = makeRows(100_000);
/**
 * Rows that a narration filter cannot pass over in one 8 ms budget, however fast the engine: every other one has
 * a long narration (one shared string, so they cost no memory), which a search reads to its end. Made once.
 */
let slowRows: Transaction[] | undefined;
const LONG_NARRATION = `TRANSFER FROM ${'ACCOUNT HOLDER '.repeat(130)}REF 0001`;
const many = () => (slowRows ??= makeRows(400_000).map((t, i) => (i % 2 ? { ...t, narration: LONG_NARRATION } : t)));

async function table(rows: readonly Transaction[], extra: Partial<MonoTransactionTable> = {}): Promise<MonoTransactionTable> {
  const el = await fixture<MonoTransactionTable>(html`<mono-transaction-table locale="en-NG" .transactions=${rows}></mono-transaction-table>`);
  Object.assign(el, extra);
  await el.settled;
  return el;
}

const focusedRow = (el: MonoTransactionTable) => el.shadowRoot!.activeElement as HTMLTableRowElement | null;
const viewport = (el: MonoTransactionTable) => el.shadowRoot!.querySelector<HTMLElement>('.viewport')!;

async function scrollTo(el: MonoTransactionTable, top: number) {
  viewport(el).scrollTop = top;
  viewport(el).dispatchEvent(new Event('scroll'));
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

describe('<mono-transaction-table>', () => {
  it('on its own, speaks the nearest lang (and its own locale over it)', async () => {
    registerMessages('fr', fr);
    const row: Transaction = { id: 'a', narration: 'POS', amount: 100, type: 'debit', balance: null, date: '2025-06-01T10:00:00Z', category: null, currency: 'NGN' };
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr"><mono-transaction-table .transactions=${[row]}></mono-transaction-table></div>`);
    const el = wrapper.querySelector<MonoTransactionTable>('mono-transaction-table')!;
    await el.updateComplete;
    const heading = () => el.shadowRoot!.querySelector('th.col-amount')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(heading()).to.contain(fr.txnAmount);
    expect(renderedRows(el)[0].textContent).to.contain('NGN');
    el.locale = 'en-NG';
    await el.updateComplete;
    expect(heading()).to.contain('Amount');
    expect(renderedRows(el)[0].textContent).to.contain('₦');
  });

  it('keeps the DOM the same size for 10,000 and 100,000 rows and says how many rows there are', async () => {
    const small = await table(rows10k);
    const large = await table(rows100k);
    const smallRows = renderedRows(small).length;
    const largeRows = renderedRows(large).length;
    expect(largeRows).to.be.greaterThan(5).and.lessThan(60);
    expect(largeRows).to.equal(smallRows);
    expect(countElements(large.shadowRoot!)).to.be.lessThan(1000);
    expect(countElements(large.shadowRoot!)).to.equal(countElements(small.shadowRoot!));
    expect(large.shadowRoot!.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('100001');
    expect(renderedRows(large)[0].getAttribute('aria-rowindex')).to.equal('2');
  });

  it('keeps every row of a page (up to 100) in the DOM for screen readers, and virtualises more', async () => {
    const page = await table(makeRows(50));
    expect(renderedRows(page)).to.have.length(50);
    expect(renderedRows(page).at(-1)!.getAttribute('aria-rowindex')).to.equal('51');
    expect(page.shadowRoot!.querySelector('tr.spacer'), 'no spacer rows when all are there').to.equal(null);
    const more = await table(makeRows(101));
    expect(renderedRows(more).length).to.be.below(101);
  });

  it('prints every row: all are rendered from beforeprint to afterprint, unclipped, bank text in full, dark text', async () => {
    const rows = makeRows(300).map((t, i) => (i === 7 ? { ...t, narration: LONG_NARRATION } : t));
    const el = await table(rows, { theme: 'dark' });
    await scrollTo(el, 2_000);
    const onScreen = renderedRows(el).length;
    expect(onScreen).to.be.below(100);
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect(renderedRows(el)).to.have.length(300);
    expect(renderedRows(el).map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal(rows.map((_, i) => String(i + 2)));
    expect(el.shadowRoot!.querySelector('tr.spacer'), 'no spacer rows on paper').to.equal(null);
    expect(el.shadowRoot!.querySelector('.print-note'), 'every row printed: no note').to.equal(null);
    // CSS under print media only where the driver can emulate it (Chromium); elsewhere the rows above are what is checked.
    if (await emulate({ media: 'print' }, 'print')) {
      try {
        const vp = viewport(el);
        expect(getComputedStyle(vp).overflow).to.equal('visible');
        expect(vp.scrollHeight - vp.clientHeight, 'nothing scrolls out of sight').to.be.at.most(1);
        expect(el.shadowRoot!.querySelector<HTMLElement>('.sizer')!.getBoundingClientRect().height, 'no blank pages after the rows').to.equal(0);
        const long = renderedRows(el)[7].querySelector<HTMLElement>('td.col-narration')!;
        expect(long.scrollWidth, 'the long narration wraps').to.be.at.most(long.clientWidth + 1);
        expect(long.getBoundingClientRect().height).to.be.above(renderedRows(el)[0].getBoundingClientRect().height * 3);
        const [r, g, b] = getComputedStyle(long).color.match(/\d+/g)!.map(Number);
        expect(r + g + b, `dark text on white paper under theme="dark" (${getComputedStyle(long).color})`).to.be.below(200);
      } finally {
        await emulate({ media: 'screen' }, 'screen');
      }
    }
    window.dispatchEvent(new Event('afterprint'));
    // Back to the screen's few rows once the box has its screen size again (the print media made it tall).
    await waitUntil(() => renderedRows(el).length === onScreen, `back to ${onScreen} rows on screen`);
  });

  it('prints at most 1,000 rows (100,000 held the page for a minute), and says so on the paper', async () => {
    const el = await table(makeRows(1_500));
    await scrollTo(el, 20_000);
    window.dispatchEvent(new Event('beforeprint'));
    try {
      await el.updateComplete;
      expect(renderedRows(el)).to.have.length(1_000);
      expect(renderedRows(el)[0].getAttribute('aria-rowindex'), 'from the first row, wherever the box was scrolled').to.equal('2');
      expect(el.shadowRoot!.querySelector('tr.spacer'), 'no blank space for the rows left out').to.equal(null);
      expect(el.shadowRoot!.querySelector('.print-note')?.textContent).to.equal('Only the first 1,000 of 1,500 transactions are printed.');
    } finally {
      window.dispatchEvent(new Event('afterprint'));
    }
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.print-note')).to.equal(null);
    expect(renderedRows(el).length).to.be.below(100);
  });

  it('renders the rows at the bottom when scrolled there, still few of them, with their true row index', async () => {
    const el = await table(rows100k);
    const vp = viewport(el);
    await scrollTo(el, vp.scrollHeight);
    const rendered = renderedRows(el);
    expect(rendered.length).to.be.lessThan(60);
    const last = rendered[rendered.length - 1];
    expect(last.getAttribute('aria-rowindex')).to.equal('100001');
    expect(last.textContent).to.contain('#99999');
    // The last row sits inside the scroll box, not under or past it.
    const box = vp.getBoundingClientRect();
    const r = last.getBoundingClientRect();
    expect(r.bottom).to.be.at.most(box.bottom + 1);
    expect(r.top).to.be.at.least(box.top);
  });

  it('sorts by amount and date from the header buttons, with aria-sort on the sorted column', async () => {
    const el = await table(rows10k);
    const amountHeader = el.shadowRoot!.querySelector<HTMLElement>('th.col-amount')!;
    const dateHeader = el.shadowRoot!.querySelector<HTMLElement>('th.col-date')!;
    expect(dateHeader.getAttribute('aria-sort')).to.equal('descending');
    expect(amountHeader.hasAttribute('aria-sort')).to.equal(false);
    const signed = (t: Transaction) => (t.type === 'credit' ? t.amount : -t.amount);
    const sorted = rows10k.map(signed).sort((a, b) => b - a);

    setTimeout(() => amountHeader.querySelector('button')!.click());
    await oneEvent(el, 'sort-change');
    await el.settled;
    expect(el.sort).to.equal('amount-desc');
    expect(amountHeader.getAttribute('aria-sort')).to.equal('descending');
    expect(dateHeader.hasAttribute('aria-sort')).to.equal(false);
    expect(el.shown.slice(0, 50).map(signed)).to.deep.equal(sorted.slice(0, 50));

    amountHeader.querySelector('button')!.click();
    await el.settled;
    expect(amountHeader.getAttribute('aria-sort')).to.equal('ascending');
    expect(el.shown.slice(0, 50).map(signed)).to.deep.equal(sorted.slice(-50).reverse());
    // Seen too: the sorted column's icon shows its direction's arrow in full and the other faint; others are all faint.
    const arrows = (th: HTMLElement) =>
      [...th.querySelectorAll('.sort-icon path')].map((p) => Number(getComputedStyle(p).opacity) * Number(getComputedStyle(p.parentElement!).opacity));
    expect(arrows(amountHeader), 'ascending: up arrow full, down arrow faint').to.deep.equal([1, 0.25]);
    const [up, down] = arrows(dateHeader);
    expect(up).to.equal(down);
    expect(up, 'an unsorted column').to.be.below(0.5);

    dateHeader.querySelector('button')!.click();
    await el.settled;
    expect(el.sort).to.equal('date-desc');
    expect(el.shown[0].id).to.equal('row-0');
    dateHeader.querySelector('button')!.click();
    await el.settled;
    expect(el.shown[0].id).to.equal('row-9999');
  });

  it('moves a roving focus with the arrow keys, Page Up/Down, Home and End, and selects with Enter and Space', async () => {
    const el = await table(rows10k);
    const first = renderedRows(el)[0];
    expect(first.tabIndex).to.equal(0);
    expect(renderedRows(el).filter((r) => r.tabIndex === 0)).to.have.length(1);
    first.focus();

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focusedRow(el)?.getAttribute('aria-rowindex')).to.equal('3');
    expect(focusedRow(el)?.tabIndex).to.equal(0);
    expect(first.tabIndex).to.equal(-1);

    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(focusedRow(el)?.getAttribute('aria-rowindex')).to.equal('2');

    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    const afterPage = Number(focusedRow(el)?.getAttribute('aria-rowindex'));
    expect(afterPage).to.be.greaterThan(4);

    await sendKeys({ press: 'End' });
    await el.updateComplete;
    await nextFrame();
    expect(focusedRow(el)?.getAttribute('aria-rowindex')).to.equal('10001');
    expect(focusedRow(el)?.textContent).to.contain('#9999');

    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(Number(focusedRow(el)?.getAttribute('aria-rowindex'))).to.equal(10001 - (afterPage - 2));

    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focusedRow(el)?.getAttribute('aria-rowindex')).to.equal('2');

    await sendKeys({ press: 'ArrowDown' });
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const selected = await oneEvent(el, 'mono-transaction-select');
    expect(selected.detail.transaction).to.equal(rows10k[1]);
    expect(selected.bubbles && selected.composed).to.equal(true);
    await el.updateComplete;
    expect(focusedRow(el)?.getAttribute('aria-current')).to.equal('true');

    await sendKeys({ press: 'ArrowDown' });
    setTimeout(() => void sendKeys({ press: ' ' }));
    const spaced = await oneEvent(el, 'mono-transaction-select');
    expect(spaced.detail.transaction).to.equal(rows10k[2]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[aria-current="true"]')).to.have.length(1);
  });

  it('selects a row on click', async () => {
    const el = await table(rows10k);
    const third = renderedRows(el)[2];
    setTimeout(() => third.querySelector('td')!.click());
    const event = await oneEvent(el, 'mono-transaction-select');
    expect(event.detail.transaction.id).to.equal('row-2');
  });

  it('keeps the focus in the table when the focused row scrolls away, and the keys go on from that row', async () => {
    const el = await table(rows10k);
    renderedRows(el)[1].focus();
    await scrollTo(el, 5_000 * 44);
    expect(renderedRows(el).some((r) => r.getAttribute('aria-rowindex') === '3')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(viewport(el));
    // Tabbing back in lands on a row in view.
    expect(renderedRows(el).filter((r) => r.tabIndex === 0)).to.have.length(1);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focusedRow(el)?.getAttribute('aria-rowindex')).to.equal('4');
  });

  it('filters 100,000 rows by narration, type and dates, and shows the totals of what is shown', async () => {
    const el = await table(rows100k);
    el.filters = { narration: 'uber', type: 'credit' };
    await el.settled;
    const expected = rows100k.filter((t) => t.type === 'credit' && t.narration.toLowerCase().includes('uber'));
    expect(el.shownView.length).to.equal(expected.length);
    expect(el.shown.every((t) => t.narration.includes('UBER') && t.type === 'credit')).to.equal(true);
    const [totals] = el.shownView.totals;
    expect(totals.moneyIn).to.equal(expected.reduce((s, t) => s + t.amount, 0));
    expect(totals.moneyOut).to.equal(0);
    expect(renderedRows(el).every((r) => r.textContent!.includes('UBER'))).to.equal(true);

    el.filters = { start: '2025-05-30', end: '2025-05-30' };
    await el.settled;
    expect(el.shownView.length).to.be.greaterThan(0);
    expect(el.shown.every((t) => t.date.startsWith('2025-05-30'))).to.equal(true);
  });

  it('never shows rows of the old data while new data is filtered', async () => {
    const el = await table(rows100k);
    el.filters = { narration: 'shoprite' };
    await el.settled;
    const fresh = makeRows(3).map((t) => ({ ...t, id: `fresh-${t.id}`, narration: `SHOPRITE fresh ${t.id}` }));
    el.transactions = fresh;
    await el.updateComplete;
    for (let i = 0; i < 5; i++) {
      expect(renderedRows(el).every((r) => r.textContent!.includes('fresh'))).to.equal(true);
      await nextFrame();
    }
    await el.settled;
    expect(el.shown.map((t) => t.id)).to.deep.equal(fresh.map((t) => t.id));
  });

  it('filters the new rows when the filters change while new data is still being filtered', async () => {
    const el = await table(rows10k);
    el.filters = { narration: 'shoprite' };
    await el.settled;
    const rows = many();
    el.transactions = rows;
    await el.updateComplete;
    expect(el.filtering, 'a filter pass over 400k rows runs in slices').to.equal(true);
    el.filters = { narration: 'shop' };
    await el.settled;
    const expected = rows.filter((t) => /shop/i.test(t.narration));
    expect(expected.length).to.be.greaterThan(0);
    expect(el.shownView.length, 'not narrowed from the empty table shown meanwhile').to.equal(expected.length);
  });

  it('finishes a filter pass that runs in slices when the table is moved, in the same task or later', async () => {
    const rows = many();
    const expected = rows.filter((t) => /shop/i.test(t.narration)).length;
    for (const later of [false, true]) {
      const el = await table(makeRows(100), { filters: { narration: 'shop' } });
      el.transactions = rows;
      await el.updateComplete;
      expect(el.filtering, 'a filter pass over 400k rows runs in slices').to.equal(true);
      const parent = el.parentElement!;
      el.remove();
      if (later) await new Promise((r) => setTimeout(r, 50));
      parent.append(el);
      await el.settled;
      expect(el.filtering, `moved ${later ? 'later' : 'in the same task'}: not left filtering`).to.equal(false);
      expect(el.shownView.length).to.equal(expected);
      expect(renderedRows(el).length).to.be.greaterThan(0);
    }
  });

  it('renders bank text as text only', async () => {
    const hostile = makeRows(2).map((t, i) => ({ ...t, narration: i ? '<script>window.__pwned = 1</script>' : '<img src=x onerror="window.__pwned=1">', category: '<b>bold</b>' }));
    const el = await table(hostile);
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, b')).to.equal(null);
    const cells = [...root.querySelectorAll('td.col-narration')];
    expect(cells.map((c) => c.textContent)).to.deep.equal(hostile.map((t) => t.narration));
    expect(cells[0].getAttribute('title')).to.equal(hostile[0].narration);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows a dash for a narration the bank left empty or blank', async () => {
    const el = await table(makeRows(3).map((t, i) => ({ ...t, narration: ['', '   ', 'POS'][i] })));
    expect([...el.shadowRoot!.querySelectorAll('td.col-narration')].map((c) => c.textContent)).to.deep.equal(['—', '—', 'POS']);
  });

  it('tells credit from debit with an icon, a sign and words, not only colour', async () => {
    const el = await table(makeRows(2));
    const [credit, debit] = renderedRows(el).map((r) => r.querySelector('[part~="amount"]')!);
    expect(credit.querySelector('.sr-only')!.textContent).to.equal('Credit');
    expect(debit.querySelector('.sr-only')!.textContent).to.equal('Debit');
    expect(credit.textContent).to.match(/\+\s*₦/);
    expect(debit.textContent).to.match(/[-−]\s*₦/);
    expect(credit.querySelector('svg[aria-hidden="true"] path')).to.exist;
  });

  it('shows a zero amount with no sign (a ₦0.00 debit is not "+₦0.00"); the words still say debit', async () => {
    const el = await table(makeRows(2).map((t) => ({ ...t, amount: 0 })));
    const [credit, debit] = renderedRows(el).map((r) => r.querySelector('[part~="amount"]')!);
    for (const cell of [credit, debit]) expect(cell.textContent!.replace(/\s+/g, '').replace(/Credit|Debit/, '')).to.equal('₦0.00');
    expect(debit.querySelector('.sr-only')!.textContent).to.equal('Debit');
  });

  it('on a phone moves the date under the narration and shows large amounts in full', async () => {
    const big = makeRows(30).map((t, i) => ({ ...t, amount: i % 2 ? 1_234_567_890 : 99_999_999_999, type: i % 3 ? 'debit' : 'credit' }) as Transaction);
    const wrap = await fixture<HTMLDivElement>(html`<div><mono-transaction-table locale="en-NG" .transactions=${big}></mono-transaction-table></div>`);
    const el = wrap.querySelector<MonoTransactionTable>('mono-transaction-table')!;
    const root = el.shadowRoot!;
    const layout = async (width: number) => {
      wrap.style.inlineSize = `${width}px`;
      await nextFrame();
      await el.settled;
      const [row] = renderedRows(el);
      const narration = row.querySelector<HTMLElement>('td.col-narration')!;
      return { row, narration, after: getComputedStyle(narration, '::after').content, date: getComputedStyle(row.querySelector('td.col-date')!).display };
    };

    const phone = await layout(320);
    expect(phone.date).to.equal('none');
    expect(getComputedStyle(root.querySelector('th.col-date')!).display).to.equal('none');
    // Firefox reports the declared attr() rather than the text it resolves to.
    expect([`"${phone.narration.dataset.date}"`, 'attr(data-date)']).to.include(phone.after);
    expect(phone.narration.dataset.date).to.equal('1 Jun 2025');
    expect(phone.narration.textContent).to.equal(big[0].narration);
    const amountsShowInFull = () => {
      for (const row of renderedRows(el)) {
        const cell = row.querySelector<HTMLElement>('td.col-amount')!;
        const amount = cell.querySelector<HTMLElement>('[part~="amount"]')!;
        expect(amount.textContent).to.match(/[+\-−]₦(999,999,999\.99|12,345,678\.90)/);
        expect(cell.scrollWidth, amount.textContent!).to.be.at.most(cell.clientWidth);
        const [box, money] = [cell.getBoundingClientRect(), amount.querySelector('.money')!.getBoundingClientRect()];
        expect(money.left).to.be.at.least(box.left);
        expect(money.right).to.be.at.most(box.right);
        expect(money.top).to.be.at.least(box.top);
        expect(money.bottom).to.be.at.most(box.bottom);
        // Where it wraps, it wraps after the first digit group: the sign, symbol and that group stay on one line.
        const head = amount.querySelector<HTMLElement>('.money > span')!;
        expect(head.textContent).to.match(/^[+\-−]₦\d{2,3},$/);
        expect(head.getClientRects().length).to.equal(1);
      }
    };
    amountsShowInFull();
    expect(phone.row.getBoundingClientRect().height).to.be.at.least(3.5 * parseFloat(getComputedStyle(document.documentElement).fontSize) - 0.5);
    await expect(el).to.be.accessible();
    // Narrower still: the largest amounts take two lines, still whole.
    await layout(280);
    amountsShowInFull();
    expect(renderedRows(el).some((row) => row.querySelector('.money')!.getClientRects()[0].height > 30)).to.equal(true);

    const wide = await layout(800);
    expect(wide.date).to.equal('table-cell');
    expect(wide.after).to.equal('none');
  });

  it('sizes the amount and balance columns to the rows: the largest amounts whole, usual ones leave the room to the narration', async () => {
    const cut = (cell: HTMLElement) => cell.scrollWidth > cell.clientWidth;
    const narrationWidth = async (amount: number, locale: string) => {
      const rows = makeRows(8).map((t, i) => ({ ...t, amount: i === 3 ? amount : 2_275_000, balance: i === 5 ? -amount : t.balance, type: i % 2 ? 'debit' : 'credit' }) as Transaction);
      const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size: 840px"><mono-transaction-table locale=${locale} .transactions=${rows}></mono-transaction-table></div>`);
      const el = wrap.querySelector<MonoTransactionTable>('mono-transaction-table')!;
      await el.settled;
      for (const row of renderedRows(el)) {
        for (const cell of row.querySelectorAll<HTMLElement>('td.col-amount, td.col-balance')) expect(cut(cell), `${cell.textContent!.trim()} (${locale}) whole`).to.equal(false);
        const money = row.querySelector<HTMLElement>('.money')!;
        expect(money.getClientRects().length, `${money.textContent} on one line`).to.equal(1);
        expect(money.scrollWidth).to.be.at.most(money.clientWidth);
      }
      return renderedRows(el)[0].querySelector('td.col-narration')!.getBoundingClientRect().width;
    };
    for (const locale of ['en-NG', 'fr']) {
      // -₦999,999,999,999.99 and -999 999 999 999,99 NGN: wider than the 12.5rem the column used to have.
      const huge = await narrationWidth(99_999_999_999_999, locale);
      const usual = await narrationWidth(2_275_000, locale);
      expect(usual - huge, `${locale}: the narration gains what the amount and balance do not need`).to.be.greaterThan(60);
    }
    // On a phone too, up to half the row (past that a large amount wraps, as tested above).
    const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size: 360px"><mono-transaction-table locale="en-NG" .transactions=${makeRows(8)}></mono-transaction-table></div>`);
    const el = wrap.querySelector<MonoTransactionTable>('mono-transaction-table')!;
    await el.settled;
    for (const row of renderedRows(el)) {
      const [narration, amount] = [row.querySelector<HTMLElement>('td.col-narration')!, row.querySelector<HTMLElement>('td.col-amount')!];
      expect(cut(amount), amount.textContent!.trim()).to.equal(false);
      expect(amount.querySelector('.money')!.getClientRects().length).to.equal(1);
      expect(narration.getBoundingClientRect().width, 'the narration takes more than half').to.be.greaterThan(row.getBoundingClientRect().width * 0.55);
    }
  });

  it("sizes the category column to the rows' longest category, up to a fifth of the table, after the narration's 15rem", async () => {
    const cells = async (category: string, width: number, locale = 'en-NG') => {
      const rows = makeRows(6).map((t, i) => ({ ...t, category: i === 2 ? category : i === 3 ? null : 'transfer' }) as Transaction);
      const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px"><mono-transaction-table locale=${locale} .transactions=${rows}></mono-transaction-table></div>`);
      const el = wrap.querySelector<MonoTransactionTable>('mono-transaction-table')!;
      await el.settled;
      return renderedRows(el).map((row) => ({ category: row.querySelector<HTMLElement>('td.col-category')!, narration: row.querySelector<HTMLElement>('td.col-narration')! }));
    };
    const fits = (cell: HTMLElement) => expect(cell.scrollWidth, cell.textContent!).to.be.at.most(cell.clientWidth);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    // Mono's own label, which the 9.5rem column used to cut ("Online transacti…"), where the table has the room.
    for (const { category } of await cells('online_transactions', 1100)) fits(category);
    // Sized to the words shown: French says "Crédit téléphonique" for Mono's seven-letter `airtime`.
    registerMessages('fr', fr);
    const french = await cells('airtime', 1100, 'fr');
    expect(french[2].category.textContent!.trim()).to.equal('Crédit téléphonique');
    for (const { category } of french) fits(category);
    // And again when the language's catalogue arrives after the table (a lazy import).
    const hausa = await cells('airtime', 1100, 'ha');
    registerMessages('ha', { 'category:airtime': 'Katin cajin waya' });
    await waitUntil(() => hausa[2].category.textContent!.trim() === 'Katin cajin waya', 'the catalogue reached the row');
    await nextFrame();
    for (const { category } of hausa) fits(category);
    // The demo's 840 px: the narration keeps its 15rem first; the kit's own "Uncategorised" still fits.
    const demo = await cells('online_transactions', 840);
    expect(demo[0].narration.getBoundingClientRect().width, 'the narration comes first').to.be.at.least(15 * rem - 3); // less the scroll box's borders
    fits(demo[3].category);
    const hostile = await cells('x'.repeat(300), 1100);
    expect(hostile[0].category.getBoundingClientRect().width, 'a fifth of 1100 px and a little').to.be.at.most(1100 * 0.22 + 1);
    expect(hostile[2].category.scrollWidth, 'the long one is cut, with an ellipsis').to.be.greaterThan(hostile[2].category.clientWidth);
  });

  it('keeps a French amount and its currency code on one line in a desktop row; on a phone the date sort stays in view', async () => {
    const rows = makeRows(6).map((t, i) => ({ ...t, amount: [13_000_000, 2_275_000, 99_999_999][i % 3], type: i % 2 ? 'debit' : 'credit' }) as Transaction);
    const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size: 840px"><mono-transaction-table locale="fr" .transactions=${rows}></mono-transaction-table></div>`);
    const el = wrap.querySelector<MonoTransactionTable>('mono-transaction-table')!;
    await el.settled;
    for (const row of renderedRows(el)) {
      const cell = row.querySelector<HTMLElement>('td.col-amount')!;
      const money = cell.querySelector<HTMLElement>('.money')!;
      expect(money.textContent).to.match(/NGN$/);
      const lineHeight = parseFloat(getComputedStyle(money).lineHeight);
      expect(money.getBoundingClientRect().height, `${money.textContent} on one line`).to.be.below(lineHeight * 1.5);
      expect(cell.scrollWidth, `${money.textContent} not cut`).to.be.at.most(cell.clientWidth);
      expect(money.scrollWidth, `${money.textContent} not cut`).to.be.at.most(money.clientWidth);
    }
    wrap.style.inlineSize = '320px';
    for (let i = 0; i < 3; i++) await nextFrame();
    await el.updateComplete;
    const header = el.shadowRoot!.querySelector<HTMLElement>('th.col-narration')!;
    const sort = header.querySelector<HTMLElement>('button.date-inline')!;
    const [box, button] = [header.getBoundingClientRect(), sort.getBoundingClientRect()];
    expect(button.width).to.be.greaterThan(0);
    expect(button.right, 'the date sort button is not cut off').to.be.at.most(box.right + 0.5);
    expect(button.bottom).to.be.at.most(box.bottom + 0.5);
  });

  it('shows every date in full with the text spacing of WCAG 1.4.12 (letters 0.12em, words 0.16em, lines 1.5)', async () => {
    const rows = makeRows(12).map((t, i) => ({ ...t, date: new Date(Date.UTC(2026, 11 - i, 28)).toISOString() }) as Transaction);
    for (const locale of ['en-NG', 'fr']) {
      const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size: 840px; letter-spacing: 0.12em; word-spacing: 0.16em; line-height: 1.5">
        <mono-transaction-table locale=${locale} .transactions=${rows}></mono-transaction-table>
      </div>`);
      const el = wrap.querySelector<MonoTransactionTable>('mono-transaction-table')!;
      await el.settled;
      const shown = renderedRows(el);
      expect(shown).to.have.length(12);
      for (const row of shown) {
        const [date, narration] = [row.querySelector<HTMLElement>('td.col-date')!, row.querySelector<HTMLElement>('td.col-narration')!];
        const range = document.createRange();
        range.selectNodeContents(date);
        const text = range.getBoundingClientRect();
        // Where the date stops being seen: its cell's content edge if the cell clips, else where the narration's text begins.
        const edge =
          getComputedStyle(date).overflowX === 'visible'
            ? narration.getBoundingClientRect().left + parseFloat(getComputedStyle(narration).paddingLeft)
            : date.getBoundingClientRect().right - parseFloat(getComputedStyle(date).paddingRight);
        expect(text.right, `"${date.textContent}" (${locale}) in full`).to.be.at.most(edge);
      }
    }
  });

  it('on a phone sorts by date from the narration header, which then carries aria-sort', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><mono-transaction-table locale="en-NG" .transactions=${makeRows(50)}></mono-transaction-table></div>`);
    const el = wrap.querySelector<MonoTransactionTable>('mono-transaction-table')!;
    const root = el.shadowRoot!;
    const resize = async (width: number) => {
      wrap.style.inlineSize = `${width}px`;
      // The resize is seen after a layout, acted on in the next frame, rendered after that.
      for (let i = 0; i < 3; i++) await nextFrame();
      await el.updateComplete;
    };
    const [dateHeader, narrationHeader] = [root.querySelector('th.col-date')!, root.querySelector('th.col-narration')!];
    const inline = narrationHeader.querySelector<HTMLButtonElement>('button.date-inline')!;
    expect(getComputedStyle(inline).display).to.equal('none');
    expect(dateHeader.getAttribute('aria-sort')).to.equal('descending');
    expect(narrationHeader.hasAttribute('aria-sort')).to.equal(false);

    await resize(320);
    expect(getComputedStyle(inline).display).to.equal('inline-flex');
    expect(narrationHeader.getAttribute('aria-sort')).to.equal('descending');
    expect(dateHeader.hasAttribute('aria-sort')).to.equal(false);
    inline.click();
    await el.settled;
    expect(narrationHeader.getAttribute('aria-sort')).to.equal('ascending');
    expect(renderedRows(el)[0].querySelector('td.col-narration')!.textContent).to.contain('#49');
    await expect(el).to.be.accessible();

    await resize(800);
    expect(dateHeader.getAttribute('aria-sort')).to.equal('ascending');
    expect(narrationHeader.hasAttribute('aria-sort')).to.equal(false);
  });

  it('keeps the same rows in view when a new width changes the rows\' height (a phone turned)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size: 800px"><mono-transaction-table locale="en-NG" .transactions=${rows10k}></mono-transaction-table></div>`);
    const el = wrap.querySelector<MonoTransactionTable>('mono-transaction-table')!;
    await el.settled;
    const firstInView = () => {
      const top = viewport(el).getBoundingClientRect().top + el.shadowRoot!.querySelector('thead')!.getBoundingClientRect().height;
      return Number(renderedRows(el).find((r) => r.getBoundingClientRect().bottom > top + 2)!.dataset.position);
    };
    const turn = async (width: number) => {
      wrap.style.inlineSize = `${width}px`;
      for (let i = 0; i < 4; i++) await nextFrame();
      await el.updateComplete;
    };
    await scrollTo(el, 5000 * renderedRows(el)[0].getBoundingClientRect().height);
    const before = firstInView();
    expect(before).to.be.within(4990, 5010);
    await turn(320);
    expect(firstInView()).to.be.within(before - 1, before + 1);
    await turn(800);
    expect(firstInView()).to.be.within(before - 1, before + 1);
    // And scrolling on from there goes on from those rows.
    await scrollTo(el, viewport(el).scrollTop + 500);
    expect(firstInView()).to.be.within(before + 5, before + 20);
  });

  it('keeps signed amounts and dates in reading order on a right-to-left page', async () => {
    // An overdrawn balance too: negative, like a debit's amount.
    const rows = makeRows(4).map((t) => ({ ...t, balance: -Math.abs(t.balance!), narration: `NIP TRANSFER FROM ADAEZE OKONKWO-BELLO FOR SCHOOL FEES AND UPKEEP ${t.id}` }));
    const wrap = await fixture<HTMLDivElement>(html`<div dir="rtl"><mono-transaction-table locale="en-NG" .transactions=${rows}></mono-transaction-table></div>`);
    const el = wrap.querySelector<MonoTransactionTable>('mono-transaction-table')!;
    await el.settled;
    // Where the first and the last character of an element's text are painted.
    const ends = (node: Element) => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT, { acceptNode: (t) => (t.textContent!.trim() && !t.parentElement!.closest('.sr-only') ? 1 : 2) });
      const texts: Text[] = [];
      while (walker.nextNode()) texts.push(walker.currentNode as Text);
      const at = (t: Text, i: number) => {
        const range = document.createRange();
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        return range.getBoundingClientRect().x;
      };
      const first = texts[0], last = texts[texts.length - 1];
      return { first: at(first, first.textContent!.search(/\S/)), last: at(last, last.textContent!.trimEnd().length - 1) };
    };
    const debit = renderedRows(el).find((r) => r.classList.contains('debit'))!;
    const money = debit.querySelector('.money')!;
    expect(money.textContent).to.match(/^-₦/);
    const amount = ends(money);
    expect(amount.first, 'the minus sign is left of the digits').to.be.lessThan(amount.last);
    const date = ends(debit.querySelector('td.col-date')!);
    expect(date.first, 'the day is left of the year').to.be.lessThan(date.last);
    const balanceCell = debit.querySelector('td.col-balance')!;
    expect(balanceCell.textContent!.trim()).to.match(/^-₦/);
    const balance = ends(balanceCell);
    expect(balance.first, 'the balance\'s minus sign is left of its digits').to.be.lessThan(balance.last);
    // A cut English narration keeps its start, on the left, and loses its end.
    const narration = debit.querySelector('td.col-narration')!;
    expect(narration.scrollWidth).to.be.greaterThan(narration.clientWidth);
    expect(ends(narration).first).to.be.within(narration.getBoundingClientRect().left, narration.getBoundingClientRect().left + 20);
    // A date, and a narration short enough to fit, sit at the right like their headers, though their text is left-to-right.
    const right = (cell: Element) => cell.getBoundingClientRect().right - ends(cell).last;
    expect(right(debit.querySelector('td.col-date')!), 'the date at the right of its cell').to.be.below(25);
    el.transactions = rows.map((t) => ({ ...t, narration: 'ATM WDL' }));
    await el.settled;
    expect(right(renderedRows(el)[0].querySelector('td.col-narration')!), 'a short narration at the right').to.be.below(25);
  });

  it('aligns an Arabic narration like the others in a left-to-right table', async () => {
    const rows = makeRows(2).map((t, i) => ({ ...t, narration: i ? 'POS PURCHASE' : 'تحويل بنكي' }));
    const el = await table(rows);
    const [arabic, english] = renderedRows(el).map((r) => r.querySelector('td.col-narration')!);
    const textLeft = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return range.getBoundingClientRect().left - cell.getBoundingClientRect().left;
    };
    expect(textLeft(arabic), 'at the left edge, not the right').to.be.within(0, 20);
    expect(textLeft(english)).to.be.within(0, 20);
  });

  it('cuts a narration at its own end in either direction of table, with the ellipsis there', async () => {
    // Firefox and WebKit put the ellipsis at the end of the cell's direction, not of its plaintext paragraph: an
    // Arabic narration in a left-to-right table was clipped at its end with no ellipsis (Firefox) or lost its
    // start under one (WebKit), and English in a right-to-left page the same. So the cell takes its text's
    // direction (dir=auto), the one thing a script can read of where an engine puts the ellipsis.
    const narrations = [
      'تحويل بنكي من حساب الادخار إلى حساب الشركة الجاري لدفع الرسوم المدرسية والمصاريف الشهرية للعائلة',
      'העברה בנקאית מחשבון החיסכון לחשבון העסקי עבור שכר לימוד והוצאות חודשיות של המשפחה',
      '0012 NIP TRANSFER FROM ADAEZE OKONKWO-BELLO FOR SCHOOL FEES AND UPKEEP OF THE FAMILY',
      'تحويل',
    ];
    for (const page of ['ltr', 'rtl']) {
      const rows = makeRows(narrations.length).map((t, i) => ({ ...t, narration: narrations[i] }));
      const wrap = await fixture<HTMLDivElement>(html`<div dir=${page} style="inline-size: 900px"><mono-transaction-table locale="en-NG" .transactions=${rows}></mono-transaction-table></div>`);
      const el = wrap.querySelector<MonoTransactionTable>('mono-transaction-table')!;
      await el.settled;
      const cells = renderedRows(el).map((r) => r.querySelector<HTMLElement>('td.col-narration')!);
      cells.forEach((cell, i) => {
        const own = i === 2 ? 'ltr' : 'rtl';
        const text = [...cell.childNodes].find((n): n is Text => n instanceof Text && !!n.data.trim())!;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const box = cell.getBoundingClientRect();
        const whole = range.getBoundingClientRect();
        range.setStart(text, 0);
        range.setEnd(text, 1);
        const first = range.getBoundingClientRect();
        const what = `${page} table, narration ${i}`;
        expect(getComputedStyle(cell).direction, `${what}: the cell's direction is its text's`).to.equal(own);
        if (i === 3) {
          // Short: aligned like the table, whatever its text.
          expect(page === 'rtl' ? box.right - whole.right : whole.left - box.left, `${what} at the table's side`).to.be.within(0, 20);
          return;
        }
        expect(whole.width, `${what} is cut`).to.be.greaterThan(box.width);
        // Its first character shows, at the cell's edge on the side the text starts from.
        if (own === 'rtl') expect(box.right - first.right, `${what} starts at the right`).to.be.within(0, 20);
        else expect(first.left - box.left, `${what} starts at the left`).to.be.within(0, 20);
      });
    }
  });

  it('is accessible with rows, and when empty', async () => {
    const el = await table(rows10k);
    await expect(el).to.be.accessible();
    const empty = await table([]);
    expect(empty.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.contain('No transactions to show');
    await expect(empty).to.be.accessible();
  });

  it('waits for slow filter runs without losing the latest request', async () => {
    const el = await table(rows100k);
    el.filters = { narration: 'a' };
    el.filters = { narration: 'atm' };
    await el.updateComplete;
    el.filters = { narration: 'atm withdrawal #1' };
    await el.settled;
    expect(el.shownView.length).to.equal(rows100k.filter((t) => t.narration.toLowerCase().includes('atm withdrawal #1')).length);
    await waitUntil(() => !el.filtering);
  });
});
