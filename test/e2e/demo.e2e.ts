// The demo page, served exactly as `npm start` serves it, renders on the sandbox without page errors.
import { startDemo } from './harness.js';

const h = await startDemo();
const { page, check } = h;
try {
  await page.goto(h.url);
  await page.waitForFunction(() => customElements.get('mono-provider') !== undefined);
  check('registers <mono-provider>', true);

  await page.waitForFunction(() => document.querySelector('#raw pre')?.textContent?.includes('"accountNumber"'), null, { timeout: 15000 });
  const account = JSON.parse((await page.locator('#raw pre').first().textContent()) ?? '{}');
  check('raw view shows the normalised account from the sandbox', account.id === 'acc_demo' && Number.isInteger(account.balance), account);

  // Printing (a real print to PDF, with the browser's beforeprint and afterprint): every row of a virtualised
  // list goes on paper, and the screen keeps its few rows.
  await page.selectOption('#transactions-mode', 'all');
  const table = `document.querySelector('#transactions').shadowRoot.querySelector('mono-transaction-table')`;
  await page.waitForFunction(`${table}?.shownView.length > 100 && !${table}.filtering`, null, { timeout: 15000 });
  const [shown, onScreen] = (await page.evaluate(`(() => {
    // Read before the table's own afterprint listener brings back the screen's rows: listeners run in the order they
    // were added, so the element is moved (which keeps its rows) to add its own again after this one.
    addEventListener('afterprint', () => (window.__printedRows = ${table}.shadowRoot.querySelectorAll('tr.row').length), { once: true });
    const host = document.querySelector('#transactions');
    host.after(host);
    const t = ${table};
    return [t.shownView.length, t.shadowRoot.querySelectorAll('tr.row').length];
  })()`)) as [number, number];
  const pdf = await page.pdf({ format: 'A4' });
  const pdfPages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  const printedRows = await page.evaluate('window.__printedRows');
  const afterRows = await page.evaluate(`${table}.shadowRoot.querySelectorAll('tr.row').length`);
  check(`printing puts all ${shown} rows on paper (${printedRows}; ${onScreen} on screen before, ${afterRows} after; ${pdfPages} pages)`, printedRows === shown && onScreen < 100 && afterRows === onScreen && pdfPages > shown / 30, { shown, printedRows, onScreen, afterRows, pdfPages });
  await page.selectOption('#transactions-mode', 'pages');

  // On paper (print media, about an A4 page's width) the insight elements' charts are their tables, and no table is
  // wider than its box (paper does not scroll sideways).
  await page.waitForFunction(() => ['mono-income-summary', 'mono-assets', 'mono-earnings'].every((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('.chart-table')), null, { timeout: 15000 });
  await page.setViewportSize({ width: 720, height: 900 });
  await page.emulateMedia({ media: 'print' });
  // A string, not a function: tsx would name the inner arrow functions with a helper the page does not have.
  type Paper = { tag: string; charts: number; chartsShown: number; chartTablesShown: number; tooWide: number; tables: number };
  const paper = (await page.evaluate(`['mono-income-summary', 'mono-assets', 'mono-earnings'].map((tag) => {
    const root = document.querySelector(tag).shadowRoot;
    const shown = (el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 1;
    const tables = [...root.querySelectorAll('table')].filter(shown);
    return {
      tag,
      charts: root.querySelectorAll('.chart-box').length,
      chartsShown: [...root.querySelectorAll('.chart-box')].filter(shown).length,
      chartTablesShown: [...root.querySelectorAll('.chart-table')].filter((t) => t.getBoundingClientRect().height > 40).length,
      tooWide: tables.filter((t) => t.getBoundingClientRect().width > t.parentElement.getBoundingClientRect().width + 1).length,
      tables: tables.length,
    };
  })`)) as Paper[];
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1280, height: 900 });
  check(
    `printed, the charts are their tables and every table fits the paper (${paper.map((p) => `${p.tag}: ${p.chartTablesShown}/${p.charts} charts as tables, ${p.tables - p.tooWide}/${p.tables} tables fit`).join('; ')})`,
    paper.every((p) => p.charts > 0 && p.chartsShown === 0 && p.chartTablesShown === p.charts && p.tooWide === 0),
    paper,
  );

  const options = await page.locator('#account option').count();
  check(`account picker lists the sandbox accounts (${options})`, options >= 5);

  await page.selectOption('#account', { index: 1 });
  const picked = await page.locator('#account').inputValue();
  await page.waitForFunction((id) => document.querySelector('#raw pre')?.textContent?.includes(`"id": "${id}"`), picked, { timeout: 15000 });
  check('switching the account reloads through the provider', true);

  await page.selectOption('#scheme', 'dark');
  check('scheme switch forces dark mode', await page.evaluate(() => document.documentElement.classList.contains('mono-theme-dark')));

  // The API reference page, on a phone: its tables scroll in their own boxes, the page does not.
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(new URL('docs.html', h.url).href);
  await page.waitForSelector('section.element table');
  const [scrollWidth, clientWidth, scrollers] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.querySelectorAll('.table-scroll[role=region][tabindex="0"]').length]);
  check(`docs page at 320 px: no sideways scroll of the page (${scrollWidth} / ${clientWidth}), ${scrollers} table boxes`, scrollWidth <= clientWidth && scrollers > 0, { scrollWidth, clientWidth });

  check('no page errors', h.pageErrors.length === 0, h.pageErrors);
} catch (e) {
  check(`demo run: ${(e as Error).message}`, false);
}
await h.finish();
