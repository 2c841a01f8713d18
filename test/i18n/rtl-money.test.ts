// On a right-to-left page, money in a locale that writes the currency after the number (fr: "0,71 $US",
// "20 630,40 NGN") must read as formatted in every table cell, not reordered ("US$ 0,71").
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { registerMessages } from '../../src/i18n/index.js';
import { fr } from '../../src/i18n/locales/fr.js';

/** The cell's characters in visual order, left to right (spaces dropped). */
function visual(el: Node): string {
  const out: { ch: string; x: number }[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent!;
    for (let i = 0; i < t.length; i++) {
      if (/\s/.test(t[i])) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 1);
      const b = r.getBoundingClientRect();
      if (b.width > 0) out.push({ ch: t[i], x: b.left });
    }
  }
  return out.sort((a, b) => a.x - b.x).map((c) => c.ch).join('');
}
const logical = (el: Node) => el.textContent!.replace(/\s/g, '');

async function mount(tag: string) {
  registerMessages('fr', fr);
  const wrap = await fixture<HTMLElement>(html`<div dir="rtl" lang="fr" style="inline-size: 1100px"></div>`);
  const el = document.createElement(tag);
  el.setAttribute('account-id', 'acc_demo');
  el.setAttribute('view', 'table');
  const loaded = oneEvent(el, 'mono-load');
  wrap.append(el);
  await loaded;
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el.shadowRoot!;
}

describe('money in tables on a right-to-left page', () => {
  for (const [tag, selector] of [
    ['mono-earnings', 'table.list td.num'],
    ['mono-assets', 'table.holdings td.num:not(.positive):not(.negative)'],
    ['mono-income-summary', 'table.streams td.num'],
    ['mono-income-summary', '[part=chart-table] td'],
  ]) {
    it(`${tag} ${selector}`, async () => {
      const root = await mount(tag);
      const cells = [...root.querySelectorAll(selector)].filter((c) => /\d/.test(c.textContent!));
      expect(cells, 'money cells').to.not.be.empty;
      for (const cell of cells) expect(visual(cell), `"${cell.textContent}" is displayed reordered`).to.equal(logical(cell));
    });
  }
  it('draws chart labels in the direction of the locale\'s language, not the page\'s', async () => {
    const root = await mount('mono-income-summary');
    const canvas = () => root.querySelector('canvas')!;
    const host = root.host as HTMLElement & { locale?: string; updateComplete: Promise<unknown> };
    expect(getComputedStyle(canvas()).direction, 'French on a right-to-left page').to.equal('ltr');
    host.locale = 'ar-EG';
    await host.updateComplete;
    expect(getComputedStyle(canvas()).direction, 'Arabic').to.equal('rtl');
  });

  it('<mono-transactions> balance cells', async () => {
    const root = await mount('mono-transactions');
    const table = root.querySelector('mono-transaction-table')!;
    await (table as unknown as { settled: Promise<void> }).settled;
    const cell = table.shadowRoot!.querySelector('td.col-balance')!;
    expect(visual(cell)).to.equal(logical(cell));
  });
});
