import { expect, html, oneEvent } from '@open-wc/testing';
import { MonoClient } from '../../../src/client/index.js';
import { formatMoney } from '../../../src/core/format.js';
import '../../../src/elements/statement/define.js';
import type { MonoStatement } from '../../../src/elements/statement/mono-statement.js';
import { normalisePeriod, safeHttpUrl, summarise } from '../../../src/elements/statement/summary.js';
import type { StatementJob, Transaction } from '../../../src/model/index.js';
import { HOSTILE, fixedClient, hangingClient, mount, recordingClient, shadow, sleep, textOf, uid, until } from '../account/helpers.js';

interface Options {
  period?: number;
  pdfTimeout?: number;
}

const mountStatement = (accountId: string, client = recordingClient().client, o: Options = {}) =>
  mount<MonoStatement>(
    client,
    accountId,
    html`<mono-statement
      period=${o.period ?? 3}
      pdf-poll-interval="15"
      pdf-timeout=${o.pdfTimeout ?? 5000}
    ></mono-statement>`,
    'mono-statement',
  );

const $ = <T extends Element = HTMLElement>(el: MonoStatement, selector: string) => shadow(el).querySelector<T>(selector);
const loaded = (el: MonoStatement) => until(() => $(el, '[part=summary]'), 'statement rendered');
const summaryValue = (el: MonoStatement, name: string) => textOf($(el, `.summary .${name} dd`));
/** The rows go through the kit's shared, virtualised `<mono-transaction-table>`. */
const table = (el: MonoStatement) => $<HTMLElement & { transactions: readonly Transaction[]; updateComplete: Promise<boolean> }>(el, 'mono-transaction-table')!;
const tableRoot = (el: MonoStatement) => table(el).shadowRoot!;
const rowCount = (el: MonoStatement) => tableRoot(el).querySelectorAll('[part=row]').length;
const money = (minor: number) => formatMoney(minor, 'NGN', 'en-NG');
const isStatementJson = (url: string) => /\/statement\?/.test(url) && !url.includes('output=pdf');

const row = (id: string, type: 'credit' | 'debit', amount: number, balance: number | null, date: string): Transaction => ({
  id,
  type,
  amount,
  balance,
  date,
  narration: id,
  category: null,
  currency: 'NGN',
});

describe('<mono-statement>', () => {
  describe('summary (pure)', () => {
    it('derives opening from the oldest row’s balance ∓ its amount, closing from the newest, in any input order', () => {
      const rows = [
        row('c', 'credit', 500, 1500, '2025-03-03T10:00:00.000Z'),
        row('b', 'debit', 200, 1000, '2025-03-02T10:00:00.000Z'),
        row('a', 'credit', 100, 1200, '2025-03-01T10:00:00.000Z'),
      ];
      for (const input of [rows, [...rows].reverse(), [rows[1], rows[2], rows[0]]]) {
        const view = summarise({ transactions: input, count: 3 }, 1, 'NGN');
        expect(view.transactions.map((t) => t.id)).to.deep.equal(['c', 'b', 'a']);
        expect(view.opening).to.equal(1100);
        expect(view.closing).to.equal(1500);
        expect(view.totals).to.deep.equal([{ currency: 'NGN', moneyIn: 600, moneyOut: 200 }]);
      }
      const debitFirst = summarise({ transactions: [row('x', 'debit', 300, 700, '2025-01-01')], count: 1 }, 1);
      expect(debitFirst.opening).to.equal(1000);
    });

    it('reports unknown balances and never adds different currencies', () => {
      const noBalance = summarise({ transactions: [row('a', 'credit', 100, null, '2025-01-01')], count: 1 }, 1, 'NGN');
      expect(noBalance.opening).to.equal(null);
      expect(noBalance.closing).to.equal(null);
      const mixed = summarise({ transactions: [row('a', 'credit', 100, 100, '2025-01-02'), { ...row('b', 'credit', 5, 5, '2025-01-01'), currency: 'USD' }], count: 2 }, 1);
      expect(mixed.totals).to.have.length(2);
      expect(mixed.opening).to.equal(null);
      // the account's currency wins over the rows' default
      expect(summarise({ transactions: [row('a', 'credit', 100, 100, '2025-01-01')], count: 1 }, 1, 'USD').totals[0].currency).to.equal('USD');
    });

    it('clamps the period and only accepts http(s) links', () => {
      expect([0, 1, 6.4, 12, 40, NaN].map(normalisePeriod)).to.deep.equal([1, 1, 6, 12, 12, 3]);
      expect(safeHttpUrl('/api/mono/x.pdf', 'https://shop.example/')).to.equal('https://shop.example/api/mono/x.pdf');
      expect(safeHttpUrl('javascript:alert(1)//x', 'https://shop.example/')).to.equal(null);
      expect(safeHttpUrl('data:application/pdf;base64,AA', 'https://shop.example/')).to.equal(null);
    });
  });

  it('renders the sandbox statement: balances that add up, totals and the rows', async () => {
    const expected = await new MonoClient().statement('acc_demo', 3);
    const { el } = await mountStatement('acc_demo');
    await loaded(el);
    const view = el.resource.value!;
    expect(view.transactions).to.have.length(expected.transactions.length);
    const moneyIn = expected.transactions.filter((t) => t.type === 'credit').reduce((s, t) => s + t.amount, 0);
    const moneyOut = expected.transactions.filter((t) => t.type === 'debit').reduce((s, t) => s + t.amount, 0);
    expect(summaryValue(el, 'in')).to.equal(money(moneyIn));
    expect(summaryValue(el, 'out')).to.equal(money(moneyOut));
    expect(view.opening! + moneyIn - moneyOut).to.equal(view.closing);
    expect(summaryValue(el, 'opening')).to.equal(money(view.opening!));
    expect(summaryValue(el, 'closing')).to.equal(money(expected.transactions[0].balance!));
    expect(summaryValue(el, 'count')).to.equal(String(expected.transactions.length));
    expect(table(el).transactions).to.have.length(expected.transactions.length);
    await until(() => rowCount(el) > 0, 'rows painted');
    expect(rowCount(el)).to.be.at.most(expected.transactions.length);
    const first = tableRoot(el).querySelector('[part=row]')!;
    expect(textOf(first.querySelector('.col-narration'))).to.equal(expected.transactions[0].narration);
    expect(textOf(first.querySelector('.amount'))).to.match(/^(Credit|Debit)\s*[+-]₦/);
    expect(tableRoot(el).querySelectorAll('thead th[scope=col]')).to.have.length(5);
    expect($(el, '.balances-missing')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fires mono-transaction-select from the statement when a row is chosen, as documented', async () => {
    const { el } = await mountStatement('acc_demo');
    await loaded(el);
    await until(() => rowCount(el) > 0, 'rows painted');
    const row = tableRoot(el).querySelector<HTMLElement>('[part=row]')!;
    const heard = new Promise<[CustomEvent, EventTarget[]]>((resolve) =>
      document.addEventListener('mono-transaction-select', (e) => resolve([e as CustomEvent, e.composedPath()]), { once: true }),
    );
    row.click();
    const [event, path] = await heard;
    expect(path).to.include(el);
    expect(event.detail.transaction.id).to.equal(el.resource.value!.transactions[0].id);
  });

  it('shows the statement, in the default currency, when the account read for its currency does not answer', async () => {
    const { el } = await mountStatement(uid('hung'), hangingClient(/^\/api\/mono\/accounts\/[^/]+$/));
    await until(() => el.resource.status === 'loaded', 'statement shown without the account', 8000);
    expect(el.resource.value!.transactions.length).to.be.greaterThan(0);
    expect(el.resource.value!.totals.map((t) => t.currency)).to.deep.equal(['NGN']);
  });

  it('keeps long French figures inside their summary cards in a desktop column', async () => {
    const { el } = await mountStatement('acc_demo');
    el.locale = 'fr';
    el.style.inlineSize = '840px';
    el.style.display = 'block';
    await loaded(el);
    await el.updateComplete;
    const figures = [...shadow(el).querySelectorAll<HTMLElement>('.summary dd')];
    expect(figures.length).to.be.greaterThan(3);
    for (const dd of figures) {
      const [card, text] = [dd.parentElement!.getBoundingClientRect(), dd.getBoundingClientRect()];
      expect(dd.scrollWidth, dd.textContent!).to.be.at.most(dd.clientWidth);
      expect(text.right, dd.textContent!).to.be.at.most(card.right);
    }
    expect(figures.some((dd) => /NGN/.test(dd.textContent!)), 'French shows the currency code').to.equal(true);
  });

  it('on a phone, a French figure wraps before its currency code, never inside it; right to left, its digits stay left of the code', async () => {
    const { root, el } = await mountStatement('acc_demo');
    el.locale = 'fr';
    el.style.inlineSize = '300px';
    el.style.display = 'block';
    await loaded(el);
    await el.updateComplete;
    const rects = (dd: HTMLElement, part: RegExp) => {
      const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode()) && !part.test(node.textContent!));
      if (!node) throw new Error(`no ${part} in "${dd.textContent}"`);
      const at = node.textContent!.search(part);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + node.textContent!.match(part)![0].length);
      return [...range.getClientRects()].filter((r) => r.width > 0);
    };
    const figures = [...shadow(el).querySelectorAll<HTMLElement>('.summary dd')].filter((dd) => /NGN/.test(dd.textContent!));
    expect(figures.length).to.be.greaterThan(3);
    for (const dd of figures) {
      expect(rects(dd, /NGN/), `"${dd.textContent}": NGN on one line`).to.have.length(1);
      expect(rects(dd, /[\d\u202f ]+,\d\d/), `"${dd.textContent}": the number on one line`).to.have.length(1);
    }
    root.dir = 'rtl';
    el.style.inlineSize = '900px';
    await el.updateComplete;
    for (const dd of figures) {
      const [number] = rects(dd, /\d[\d\u202f ]*,\d\d/);
      const [code] = rects(dd, /NGN/);
      expect(number.right, `"${dd.textContent}" reads number then NGN`).to.be.at.most(code.left);
    }
  });

  it('has a labelled period select reflecting `period`; changing it reloads for that period', async () => {
    const { el } = await mountStatement('acc_demo', undefined, { period: 1 });
    await loaded(el);
    const select = $<HTMLSelectElement>(el, 'select')!;
    expect(select.labels![0].textContent).to.equal('Period');
    expect(select.options).to.have.length(12);
    expect(select.value).to.equal('1');
    const one = el.resource.value!.transactions.length;
    select.value = '12';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.getAttribute('period')).to.equal('12');
    await until(() => el.resource.value?.months === 12 && $(el, '[part=summary]'), 'reloaded');
    const twelve = (await new MonoClient().statement('acc_demo', 12)).transactions.length;
    expect(el.resource.value!.transactions.length).to.equal(twelve);
    expect(twelve).to.be.greaterThan(one);
  });

  it('a period change aborts the older, slower load, which never overwrites the newer one', async () => {
    const id = uid('acc');
    let slowed = false;
    const { client, requests } = recordingClient((url) => {
      if (!isStatementJson(url) || slowed) return undefined;
      slowed = true;
      return { 'x-sandbox-latency': '400' };
    });
    const { el } = await mountStatement(id, client, { period: 1 });
    await until(() => requests.some((r) => isStatementJson(r.url)), 'first request sent');
    el.period = 6;
    await until(() => el.resource.value?.months === 6, 'newer period loaded');
    const first = requests.find((r) => isStatementJson(r.url))!;
    expect(first.url).to.contain('last1month');
    expect(first.signal!.aborted).to.equal(true);
    await sleep(450);
    expect(el.resource.value!.months).to.equal(6);
    expect(el.resource.value!.transactions.length).to.equal((await new MonoClient().statement(id, 6)).transactions.length);
  });

  it('PDF: BUILDING with progress, then BUILT with a link that downloads a real PDF', async () => {
    const { client, requests } = recordingClient();
    const { el } = await mountStatement(uid('acc'), client);
    await loaded(el);
    const loads: StatementJob[] = [];
    el.addEventListener('mono-load', (e) => e.detail.resource === 'statement-job' && loads.push(e.detail.data as StatementJob));
    $<HTMLButtonElement>(el, '[part=pdf-button]')!.click();
    await until(() => el.pdf.phase === 'building' && $(el, '.pdf progress'), 'building shown');
    expect(textOf($(el, '[part=pdf] [role=status]'))).to.contain('Preparing the PDF statement');
    expect($(el, '[part=pdf] [role=status] button'), 'Cancel is not read out with each status').to.equal(null);
    $<HTMLButtonElement>(el, '[part=pdf-cancel]')!.focus();
    await expect(el).to.be.accessible();
    const link = await until(() => $<HTMLAnchorElement>(el, '[part=pdf-link]'), 'link shown');
    expect(el.pdf.phase).to.equal('built');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'focus moved from the Cancel that went away to the link').to.equal(link);
    expect(link.href).to.equal(new URL(client.statementPdfUrl(el.resolvedAccountId!, (el.pdf as { jobId: string }).jobId), document.baseURI).href);
    expect(link.getAttribute('download')).to.equal('statement-last3months.pdf');
    expect(textOf(link)).to.equal('Download PDF statement (Last 3 months)');
    expect(loads.map((j) => j.status)).to.deep.equal(['built']);
    expect(requests.filter((r) => r.url.includes('/statement/jobs/')).length).to.equal(3); // BUILDING, BUILDING, BUILT
    const response = await fetch(link.href);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.contain('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).to.equal('%PDF-');
    await expect(el).to.be.accessible();
  });

  it('PDF: a new request supersedes the older job, which stops being followed', async () => {
    const { client, requests } = recordingClient();
    const { el } = await mountStatement(uid('acc'), client);
    await loaded(el);
    const older = el.requestPdf();
    await until(() => el.pdf.phase === 'building', 'older building');
    const olderJob = (el.pdf as { jobId: string }).jobId;
    const mark = requests.length;
    const newer = el.requestPdf();
    expect(await older).to.equal(null);
    const url = await newer;
    const newerJob = (el.pdf as { jobId: string }).jobId;
    expect(newerJob).to.not.equal(olderJob);
    expect(url).to.contain(newerJob);
    expect(shadow(el).querySelectorAll('[part=pdf-link]')).to.have.length(1);
    expect(requests.filter((r) => r.url.includes('output=pdf'))).to.have.length(2);
    // after the newer request, only the newer job is polled
    const polls = requests.slice(mark).filter((r) => r.url.includes('/statement/jobs/'));
    expect(polls.length).to.be.greaterThan(0);
    expect(polls.every((r) => r.url.includes(newerJob))).to.equal(true);
    const settled = requests.length;
    await sleep(100);
    expect(requests.length).to.equal(settled);
  });

  it('PDF: Cancel stops polling and returns focus to the PDF button', async () => {
    const { client, requests } = recordingClient();
    const { el } = await mountStatement(uid('acc'), client);
    await loaded(el);
    el.pdfPollInterval = 80;
    const pending = el.requestPdf();
    const cancel = await until(() => $<HTMLButtonElement>(el, '[part=pdf-cancel]'), 'cancel shown');
    cancel.focus();
    cancel.click();
    expect(await pending).to.equal(null);
    await el.updateComplete;
    expect(el.pdf.phase).to.equal('cancelled');
    expect(shadow(el).activeElement).to.equal($(el, '[part=pdf-button]'));
    const count = requests.length;
    await sleep(200);
    expect(requests.length).to.equal(count);
  });

  it('PDF: changing the period drops the job of the old period', async () => {
    const { el } = await mountStatement(uid('acc'));
    await loaded(el);
    await el.requestPdf();
    expect($(el, '[part=pdf-link]')).to.exist;
    el.period = 2;
    await el.updateComplete;
    expect(el.pdf.phase).to.equal('idle');
    expect($(el, '[part=pdf-link]')).to.equal(null);
  });

  it('PDF: moving the element in the page does not drop the PDF being built', async () => {
    const { el } = await mountStatement(uid('acc'));
    await loaded(el);
    $<HTMLButtonElement>(el, '[part=pdf-button]')!.click();
    const box = document.createElement('div');
    el.parentElement!.append(box);
    box.append(el);
    await until(() => $(el, '[part=pdf-link]'), 'built after the move');
  });

  it('PDF: a job check that hangs is cancelled at pdf-timeout, a timeout', async () => {
    // The job is asked for (its first answer: building), then every check of it hangs.
    const { el } = await mountStatement(uid('acc'), hangingClient(/\/statement\/jobs\//), { pdfTimeout: 400 });
    await loaded(el);
    const error = oneEvent(el, 'mono-error');
    $<HTMLButtonElement>(el, '[part=pdf-button]')!.click();
    // Each try of the hanging check would last the client's 20 s otherwise (the test's own limit is shorter).
    expect((await error).detail.error.kind).to.equal('timeout');
    await el.updateComplete;
    expect(textOf($(el, '.pdf.problem[role=alert]')!)).to.contain('taking too long');
  });

  it('PDF: a job that outlives pdf-timeout is a timeout with a working retry', async () => {
    const { el } = await mountStatement(uid('acc'), undefined, { pdfTimeout: 1 });
    await loaded(el);
    const error = oneEvent(el, 'mono-error');
    $<HTMLButtonElement>(el, '[part=pdf-button]')!.click();
    expect((await error).detail.error.kind).to.equal('timeout');
    await el.updateComplete;
    const alert = $(el, '.pdf.problem[role=alert]')!;
    expect(textOf(alert)).to.contain('taking too long');
    await expect(el).to.be.accessible();
    el.pdfTimeout = 5000;
    alert.querySelector('button')!.click();
    await until(() => $(el, '[part=pdf-link]'), 'built after retry');
    expect(textOf($(el, '.pdf.problem'))).to.equal('');
  });

  it('PDF: a FAILED job is shown with its status and a retry', async () => {
    let status = 'FAILED';
    const client = new MonoClient({
      retries: 0,
      fetch: async (input, init) => {
        const url = String(input);
        const reply = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
        if (url.includes('output=pdf')) return reply({ data: { id: 'job1', status: 'BUILDING' } });
        if (url.includes('/statement/jobs/job1')) return reply({ data: { id: 'job1', status } });
        return fetch(input, init);
      },
    });
    const { el } = await mountStatement('acc_demo', client);
    await loaded(el);
    $<HTMLButtonElement>(el, '[part=pdf-button]')!.click();
    await until(() => el.pdf.phase === 'failed', 'failed');
    await el.updateComplete;
    expect(textOf($(el, '.pdf.problem'))).to.contain('could not be built (status: FAILED)');
    status = 'BUILT';
    $<HTMLButtonElement>(el, '.pdf.problem button')!.click();
    await until(() => $(el, '[part=pdf-link]'), 'built after retry');
  });

  it('PDF: an HTTP error starting the job shows the error with a retry (fault 500 once)', async () => {
    const key = uid('pdf500');
    const { client } = recordingClient((url) => (url.includes('output=pdf') ? { 'x-sandbox-fault': '500', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key } : undefined));
    const { el } = await mountStatement(uid('acc'), client);
    await loaded(el);
    const error = oneEvent(el, 'mono-error');
    $<HTMLButtonElement>(el, '[part=pdf-button]')!.click();
    const e = (await error).detail.error;
    expect(e.kind).to.equal('http');
    expect(e.status).to.equal(500);
    await el.updateComplete;
    expect(textOf($(el, '.pdf.problem'))).to.contain('500');
    $<HTMLButtonElement>(el, '.pdf.problem button')!.click();
    await until(() => $(el, '[part=pdf-link]'), 'built after retry');
  });

  it('PDF: job checks that fail on the way are tried at the next poll, not ended with a second job to ask for', async () => {
    let failing = 2;
    const { client, requests } = recordingClient((url) => (url.includes('/statement/jobs/') && failing-- > 0 ? { 'x-sandbox-fault': '502' } : undefined));
    const { el } = await mountStatement(uid('acc'), client);
    await loaded(el);
    const errors: string[] = [];
    el.addEventListener('mono-error', (e) => errors.push(e.detail.error.kind));
    $<HTMLButtonElement>(el, '[part=pdf-button]')!.click();
    await until(() => $(el, '[part=pdf-link]'), 'built');
    expect(errors).to.deep.equal([]);
    expect(requests.filter((r) => r.url.includes('output=pdf')).length, 'one job asked for').to.equal(1);
    expect(requests.filter((r) => r.url.includes('/statement/jobs/')).length).to.be.greaterThan(3);
  });

  it('PDF: never renders a link that is not http(s)', async () => {
    const client = new MonoClient({
      endpoint: 'javascript:alert(1)//',
      retries: 0,
      fetch: async (input) => {
        const url = String(input);
        const body = url.includes('output=pdf') || url.includes('/jobs/')
          ? { data: { id: 'job1', status: 'BUILT' } }
          : url.includes('/statement')
            ? { data: [row('a', 'credit', 1, 1, '2025-01-01')] }
            : { data: { account: { id: 'x', account_number: '1', currency: 'NGN', balance: 1, institution: { name: 'B' } } } };
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      },
    });
    const { el } = await mountStatement('acc_x', client);
    await loaded(el);
    expect(await el.requestPdf()).to.equal(null);
    await el.updateComplete;
    expect(el.pdf.phase).to.equal('unsafe');
    expect(shadow(el).querySelector('a')).to.equal(null);
  });

  it('shows the empty state for a period without transactions (partial*)', async () => {
    const { el } = await mountStatement(uid('partial'));
    const empty = await until(() => $(el, '[part=empty]'), 'empty');
    expect(textOf(empty)).to.equal('No transactions in this period.');
    expect($(el, 'select')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says so when the bank sent no running balances', async () => {
    const client = fixedClient((url) =>
      url.includes('/statement')
        ? { data: [{ id: 'a', type: 'credit', amount: 500, narration: 'x', date: '2025-01-02', balance: null }], meta: { count: 1 } }
        : { data: { account: { id: 'x', account_number: '1', currency: 'NGN', balance: 1, institution: { name: 'B' } } } },
    );
    const { el } = await mountStatement('nobal', client);
    await loaded(el);
    expect(textOf($(el, '.balances-missing'))).to.contain('no running balances');
    expect(summaryValue(el, 'opening')).to.equal('Unknown');
    expect(summaryValue(el, 'in')).to.equal(money(500));
  });

  it('hands every row to the shared virtualised transaction table, which keeps the DOM small', async () => {
    const { el } = await mountStatement('txns_5000', undefined, { period: 12 });
    await loaded(el);
    const total = el.resource.value!.transactions.length;
    expect(total).to.be.greaterThan(1000);
    expect(table(el).transactions).to.have.length(total);
    await until(() => rowCount(el) > 0, 'rows painted');
    expect(rowCount(el)).to.be.lessThan(100);
  });

  it('renders v1 accounts (v1*) the same way, in the account’s currency', async () => {
    const id = uid('v1');
    const { el } = await mountStatement(id);
    await loaded(el);
    const view = el.resource.value!;
    expect(view.currency).to.equal('NGN');
    expect(view.transactions.length).to.be.greaterThan(0);
    expect(view.opening).to.be.a('number');
    expect(table(el).transactions).to.have.length(view.transactions.length);
    await expect(el).to.be.accessible();
  });

  it('uses the account’s currency for rows that carry none (usd*)', async () => {
    const { el } = await mountStatement(uid('usd'), undefined, { period: 1 });
    await loaded(el);
    expect(el.resource.value!.currency).to.equal('USD');
    expect(summaryValue(el, 'closing')).to.match(/^(US)?\$/);
  });

  it('shows invalid-response with a working retry (malformed statement)', async () => {
    const key = uid('malformed');
    const { client } = recordingClient((url) => (isStatementJson(url) ? { 'x-sandbox-fault': 'malformed', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key } : undefined));
    const { el } = await mountStatement(uid('acc'), client);
    const error = await until(() => $(el, '[part=error]'), 'error');
    expect(error.dataset.kind).to.equal('invalid-response');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=retry-button]')!.click();
    await loaded(el);
  });

  it('shows HTTP errors with a working retry (fault 502 once)', async () => {
    const key = uid('http');
    const { client } = recordingClient((url) => (isStatementJson(url) ? { 'x-sandbox-fault': '502', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key } : undefined));
    const { el } = await mountStatement(uid('acc'), client);
    const error = await until(() => $(el, '[part=error]'), 'error');
    expect(error.dataset.kind).to.equal('http');
    expect(textOf(error)).to.contain('502');
    $<HTMLButtonElement>(el, '[part=retry-button]')!.click();
    await loaded(el);
  });

  it('emits mono-load for the statement', async () => {
    const { client } = recordingClient();
    const root = document.createElement('mono-provider');
    root.client = client;
    root.accountId = 'acc_demo';
    root.innerHTML = '<mono-statement period="1"></mono-statement>';
    const el = root.querySelector('mono-statement')!;
    setTimeout(() => document.body.append(root));
    const event = await oneEvent(el, 'mono-load');
    expect(event.detail.resource).to.equal('statement');
    expect((event.detail.data as { months: number }).months).to.equal(1);
    root.remove();
  });

  it('renders hostile narrations as inert text', async () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const client = fixedClient((url) =>
      url.includes('/statement')
        ? { data: [{ id: HOSTILE, type: 'debit', amount: 5, narration: HOSTILE, date: '2025-01-02', balance: 10, category: HOSTILE }] }
        : { data: { account: { id: 'x', account_number: '1', currency: 'NGN', balance: 1, institution: { name: 'B' } } } },
    );
    const { el } = await mountStatement('hostile', client);
    await loaded(el);
    await sleep(20);
    await until(() => rowCount(el) > 0, 'rows painted');
    expect(tableRoot(el).querySelector('tbody img, tbody script')).to.equal(null);
    expect(textOf(tableRoot(el).querySelector('[part=row] .col-narration'))).to.equal(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
