// The token layer, seen through computed styles of a real element: light/dark from the page's color-scheme,
// forced by the theme attribute (element or provider), the mono-theme-* classes and --mono-color-scheme;
// --mono-sys-* tokens and the brand theme files restyle elements without touching their code.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/provider/define.js';
import '../../src/elements/account/define.js';
import '../../src/elements/transactions/define.js';
import '../../src/elements/connect-button/define.js';
import type { MonoAccount } from '../../src/elements/account/mono-account.js';
import { emulate } from '../fixtures/media.js';

const LIGHT_SURFACE = 'rgb(255, 255, 255)';
const DARK_SURFACE = 'rgb(22, 24, 29)';
const DARK = '(prefers-color-scheme: dark)';
/** The system scheme, emulated where the driver can (Chromium); false where it cannot (Firefox, WebKit). */
const system = (scheme: 'light' | 'dark') => emulate({ colorScheme: scheme }, `(prefers-color-scheme: ${scheme})`);

/** A loaded <mono-account> inside `wrapper` (a template whose only <mono-account> is the one measured). */
async function loadedAccount(template: ReturnType<typeof html>): Promise<MonoAccount> {
  const root = await fixture<HTMLElement>(template);
  const el = (root.localName === 'mono-account' ? root : root.querySelector('mono-account')) as MonoAccount;
  if (!el.shadowRoot?.querySelector('[part~=base]')) await oneEvent(el, 'mono-load');
  await el.updateComplete;
  return el;
}
const base = (el: MonoAccount) => getComputedStyle(el.shadowRoot!.querySelector('[part~=base]')!);

/** WCAG relative luminance contrast of two `rgb(…)`/`rgba(…)` colours; an alpha below 1 counts as a failure. */
function contrast(a: string, b: string): number {
  const parse = (c: string) => {
    const [r, g, bl, alpha = 1] = c.match(/[\d.]+/g)!.map(Number);
    if (alpha < 1) return NaN;
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [x, y] = [parse(a), parse(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

async function addStylesheet(href: string): Promise<HTMLLinkElement> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
  return link;
}

describe('theming', () => {
  afterEach(async () => {
    await system('light');
    document.documentElement.style.colorScheme = '';
    document.documentElement.classList.remove('mono-theme-dark', 'mono-theme-light', 'mono-brand-kente', 'mono-brand-lagoon');
  });

  it("follows the page's color-scheme: light on a page that declares none, the system's on one that declares both", async () => {
    const emulated = await system('dark');
    const prefersDark = emulated || matchMedia(DARK).matches;
    const el = await loadedAccount(html`<mono-account account-id="acc_demo"></mono-account>`);
    // Light text on the host's white page would be unreadable: a page that says nothing about dark stays light.
    expect(base(el).backgroundColor, `a light-only page on a system that prefers ${prefersDark ? 'dark' : 'light'}`).to.equal(LIGHT_SURFACE);
    expect(contrast(getComputedStyle(el).color, LIGHT_SURFACE)).to.be.greaterThan(7);

    document.documentElement.style.colorScheme = 'light dark';
    expect(base(el).backgroundColor, 'the page declares light dark').to.equal(prefersDark ? DARK_SURFACE : LIGHT_SURFACE);
    if (emulated) {
      expect(base(el).color).to.equal('rgb(232, 234, 239)');
      await system('light');
      expect(base(el).backgroundColor, 'the system turned light').to.equal(LIGHT_SURFACE);
    }
    document.documentElement.style.colorScheme = '';
    el.style.setProperty('--mono-color-scheme', 'light dark');
    const darkAgain = (await system('dark')) || matchMedia(DARK).matches;
    expect(base(el).backgroundColor, '--mono-color-scheme: light dark follows the system on any page').to.equal(darkAgain ? DARK_SURFACE : LIGHT_SURFACE);
  });

  it('forces a scheme with the theme attribute, on the element or on the provider', async () => {
    await system('light');
    const el = await loadedAccount(html`<mono-account account-id="acc_demo" theme="dark"></mono-account>`);
    expect(base(el).backgroundColor).to.equal(DARK_SURFACE);
    el.theme = 'light';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('light');
    // Without emulation (Firefox, WebKit) this is whatever the engine prefers; theme wins either way.
    const onDark = (await system('dark')) || matchMedia(DARK).matches;
    expect(base(el).backgroundColor, `light stays light on a ${onDark ? 'dark' : 'light'} system`).to.equal(LIGHT_SURFACE);

    await system('light');
    const inner = await loadedAccount(html`<mono-provider theme="dark" account-id="acc_demo"><div><mono-account></mono-account></div></mono-provider>`);
    expect(base(inner).backgroundColor).to.equal(DARK_SURFACE);
  });

  it('forces a scheme with the mono-theme-dark / mono-theme-light classes on any ancestor', async () => {
    const el = await loadedAccount(html`<div class="mono-theme-dark"><mono-account account-id="acc_demo"></mono-account></div>`);
    expect(base(el).backgroundColor).to.equal(DARK_SURFACE);
    await system('dark');
    el.parentElement!.className = 'mono-theme-light';
    expect(base(el).backgroundColor).to.equal(LIGHT_SURFACE);
    el.parentElement!.className = '';
    document.documentElement.classList.add('mono-theme-light');
    expect(base(el).backgroundColor, 'on <html>').to.equal(LIGHT_SURFACE);
  });

  it('applies the --mono-sys-* tokens set by the host', async () => {
    const el = await loadedAccount(html`<div id="host-theme"><mono-account account-id="acc_demo"></mono-account></div>`);
    const wrapper = el.parentElement!;
    const before = base(el);
    expect(before.borderTopLeftRadius).to.equal('8px');
    wrapper.style.setProperty('--mono-sys-surface', 'rgb(1, 2, 3)');
    wrapper.style.setProperty('--mono-sys-radius', '3px');
    wrapper.style.setProperty('--mono-sys-font', 'monospace');
    wrapper.style.setProperty('--mono-sys-border', 'rgb(9, 8, 7)');
    expect(base(el).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(base(el).borderTopLeftRadius).to.equal('3px');
    expect(base(el).borderTopColor).to.equal('rgb(9, 8, 7)');
    expect(getComputedStyle(el).fontFamily).to.equal('monospace');
    // A light-dark() pair follows the scheme.
    wrapper.style.setProperty('--mono-sys-surface', 'light-dark(rgb(10, 10, 10), rgb(20, 20, 20))');
    expect(base(el).backgroundColor).to.equal('rgb(10, 10, 10)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(base(el).backgroundColor).to.equal('rgb(20, 20, 20)');
  });

  it('spaces the cards by --mono-sys-space (an element\'s own padding property still wins)', async () => {
    const el = await loadedAccount(html`<div style="--mono-sys-space: 2rem"><mono-account account-id="acc_demo"></mono-account></div>`);
    expect(base(el).paddingTop).to.equal('32px');
    el.style.setProperty('--mono-account-padding', '5px');
    expect(base(el).paddingTop).to.equal('5px');
  });

  it('restyles an element with a brand theme file, in both schemes', async () => {
    const link = await addStylesheet('/src/themes/kente.css');
    try {
      const el = await loadedAccount(html`<div class="mono-brand-kente"><mono-account account-id="acc_demo"></mono-account></div>`);
      expect(base(el).backgroundColor).to.equal('rgb(255, 250, 240)');
      expect(base(el).borderTopLeftRadius).to.equal('14px');
      expect(getComputedStyle(el).fontFamily).to.contain('Trebuchet MS');
      el.theme = 'dark';
      await el.updateComplete;
      expect(base(el).backgroundColor).to.equal('rgb(29, 26, 18)');
    } finally {
      link.remove();
    }
  });

  for (const brand of ['', 'kente', 'lagoon']) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`keeps the focus ring and field borders at 3:1 on the surface (${brand || 'default'} theme, ${scheme})`, async () => {
        const link = brand ? await addStylesheet(`/src/themes/${brand}.css`) : undefined;
        try {
          const root = await fixture<HTMLElement>(
            html`<div class=${brand ? `mono-brand-${brand}` : ''}><mono-transactions account-id=${`acc_focus_${brand}_${scheme}`} theme=${scheme}></mono-transactions></div>`,
          );
          const el = root.querySelector('mono-transactions')!;
          await el.settled;
          await el.updateComplete;
          const search = el.shadowRoot!.querySelector<HTMLInputElement>('[part~=search-input]')!;
          const surface = getComputedStyle(search).backgroundColor;
          expect(contrast(getComputedStyle(search).borderTopColor, surface), 'field border').to.be.at.least(3);
          search.focus();
          await sendKeys({ press: 'Tab' });
          const focused = el.shadowRoot!.activeElement as HTMLElement;
          expect(focused, 'Tab moves to the next control').to.exist.and.not.equal(search);
          const rings = getComputedStyle(focused).boxShadow.match(/rgba?\([^)]*\)/g) ?? [];
          expect(rings.length, getComputedStyle(focused).boxShadow).to.be.greaterThan(0);
          const best = Math.max(...rings.map((c) => contrast(c, surface)).filter((n) => !Number.isNaN(n)), 0);
          expect(best, `focus ring ${getComputedStyle(focused).boxShadow} on ${surface}`).to.be.at.least(3);
        } finally {
          link?.remove();
        }
      });
    }
  }

  it('styles the retry button with the accent token, and its ::part from outside', async () => {
    const el = await fixture<MonoAccount>(html`<mono-account account-id="failing_theme"></mono-account>`);
    await oneEvent(el, 'mono-error');
    await el.updateComplete;
    const retry = el.shadowRoot!.querySelector<HTMLElement>('[part~=retry-button]')!;
    expect(retry, 'the error state has a retry button part').to.exist;
    el.style.setProperty('--mono-sys-color-accent', 'rgb(200, 0, 100)');
    expect(getComputedStyle(retry).color).to.equal('rgb(200, 0, 100)');
    expect(getComputedStyle(retry).borderTopColor).to.equal('rgb(200, 0, 100)');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('mono-account::part(retry-button) { outline: 4px solid rgb(0, 128, 0); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      expect(getComputedStyle(retry).outlineColor).to.equal('rgb(0, 128, 0)');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('sets every button in one type: the connect button and a data element\'s buttons alike', async () => {
    const wrap = await fixture<HTMLElement>(html`<div><mono-connect-button></mono-connect-button><mono-account account-id="failing_weight"></mono-account></div>`);
    const account = wrap.querySelector<MonoAccount>('mono-account')!;
    await oneEvent(account, 'mono-error');
    await account.updateComplete;
    const connect = getComputedStyle(wrap.querySelector('mono-connect-button')!.shadowRoot!.querySelector('[part~=button]')!);
    const retry = getComputedStyle(account.shadowRoot!.querySelector('[part~=retry-button]')!);
    expect([retry.fontWeight, retry.fontFamily, retry.fontSize]).to.deep.equal([connect.fontWeight, connect.fontFamily, connect.fontSize]);
  });
});
