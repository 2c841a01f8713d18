// A reload of what an element shows (a sync, a retry, the browser back online) keeps the data up while it runs and
// when it fails: the failure shows above the data, which is never lost. Asking for something else (another period)
// shows the loading box, not the old answer.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { MonoClient } from '../../src/client/index.js';
import type { MonoProvider } from '../../src/elements/provider/mono-provider.js';
import { until } from '../elements/account/helpers.js';
import { emulate } from '../fixtures/media.js';
import { emulateMedia } from '@web/test-runner-commands';

/** The bar over reloading data: shown from 0.3 s on (a quick reload shows nothing), over the data without moving it. */
async function expectUpdatingBar(bar: Element | null) {
  expect(bar, 'a bar says the data is reloading').to.exist;
  expect(bar!.getAttribute('aria-hidden'), 'the live region speaks for it').to.equal('true');
  // Read as it is during the delay, however late this runs (a busy machine reached it after 0.3 s, mid-sweep).
  const [sweep] = bar!.getAnimations();
  sweep?.pause();
  if (sweep) sweep.currentTime = 0;
  const style = getComputedStyle(bar!);
  expect([style.animationDelay, style.backgroundPositionX], 'off its box until the reload has lasted 0.3 s').to.deep.equal(['0.3s', '-70%']);
  sweep?.play();
  await until(() => bar!.getAnimations().some((a) => a.playState === 'running' && Number(a.currentTime) > 300), 'sweeping', 3000);
  expect(bar!.getBoundingClientRect().height, 'a visible bar').to.be.greaterThan(0);
  const next = bar!.nextElementSibling!.getBoundingClientRect();
  expect(next.top, 'over what follows, taking no room of its own').to.equal(bar!.getBoundingClientRect().top);
  const hit = (bar!.getRootNode() as ShadowRoot).elementFromPoint(next.left + next.width / 2, next.top + 1);
  expect(hit === bar, `drawn over what follows (<${hit?.localName}> is at its place)`).to.equal(true);
}

describe('a reload', () => {
  let down = false;
  let hold: Promise<void> | undefined;
  const fetchImpl: typeof fetch = async (input, init) => {
    await hold;
    return down ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
  };

  beforeEach(() => {
    down = false;
    hold = undefined;
  });

  async function mount(tag: string, accountId: string) {
    const client = new MonoClient({ fetch: fetchImpl, retries: 0 });
    const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${accountId} locale="en-NG"></mono-provider>`);
    provider.innerHTML = `<${tag}></${tag}>`;
    const el = provider.firstElementChild as HTMLElement;
    await oneEvent(el, 'mono-load');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const part = (name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
    return { el, client, part };
  }

  for (const [tag, dataPart] of [
    ['mono-account', 'balance'],
    ['mono-identity', 'fields'],
    ['mono-statement', 'summary'],
  ] as const) {
    it(`<${tag}>: keeps its data up while a sync reloads it, and under the error when that fails`, async () => {
      const { el, client, part } = await mount(tag, `kept_${tag}`);
      expect(part(dataPart), 'loaded').to.exist;
      const node = part(dataPart);
      const height = el.getBoundingClientRect().height;
      let release!: () => void;
      hold = new Promise((r) => (release = r));
      client.invalidate(`kept_${tag}`);
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(part('loading'), 'no loading box over the data').to.equal(null);
      expect(part(dataPart), 'the data stays while it reloads').to.exist;
      expect(el.getBoundingClientRect().height, 'the page does not jump').to.equal(height);
      await expectUpdatingBar(part('updating'));
      down = true;
      const failed = oneEvent(el, 'mono-error');
      release();
      await failed;
      await until(() => part('error'), 'the error box');
      expect(part(dataPart), 'the data stays under the error, the same nodes (a sort, focus, a chart kept)').to.equal(node);
      expect(part('error')!.nextElementSibling, 'the error comes first').to.exist;
      await expect(el).to.be.accessible();
      down = false;
      hold = new Promise((r) => (release = r));
      const loaded = oneEvent(el, 'mono-load');
      const retry = part('retry-button') as HTMLButtonElement;
      retry.focus();
      retry.click();
      await until(() => part('updating'), 'the bar over the reloading data');
      const focused = el.shadowRoot!.activeElement;
      expect(focused?.getAttribute('part') ?? null, 'focus stays in the element, on what it shows, not on the bar').to.be.a('string').and.not.equal('updating');
      expect(focused!.closest('[aria-hidden=true]'), 'focus on something a screen reader reads').to.equal(null);
      release();
      await loaded;
      await until(() => !part('error'), 'the error gone');
      expect(part(dataPart)).to.equal(node);
      expect(part('updating'), 'no bar once loaded').to.equal(null);
    });
  }

  it('<mono-transactions>: shows the bar over its rows while a sync reloads them', async () => {
    const { el, client, part } = await mount('mono-transactions', 'kept_rows');
    const table = part('table')!;
    const top = table.getBoundingClientRect().top;
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    client.invalidate('kept_rows');
    await until(() => part('updating'), 'the bar');
    expect(part('table'), 'the same table').to.equal(table);
    await expectUpdatingBar(part('updating'));
    expect(table.getBoundingClientRect().top, 'the rows do not move').to.equal(top);
    const loaded = oneEvent(el, 'mono-load');
    release();
    await loaded;
    await until(() => !part('updating'), 'the bar gone once loaded');
  });

  it('the bar: its own layer, sweeping the other way right to left, static but still late under reduced motion, in Highlight in forced colours (its rule)', async () => {
    const { el, client, part } = await mount('mono-identity', 'kept_bar');
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    try {
      expect(getComputedStyle(el).isolation, "a page's sticky header stays over it").to.equal('isolate');
      client.invalidate('kept_bar');
      const bar = await until(() => part('updating') as HTMLElement | null, 'the bar');
      el.parentElement!.setAttribute('dir', 'rtl');
      expect(getComputedStyle(bar).animationDirection, 'right to left').to.equal('reverse');
      el.parentElement!.removeAttribute('dir');
      const reduced = await emulate({ reducedMotion: 'reduce' }, '(prefers-reduced-motion: reduce)');
      if (reduced) {
        try {
          const [shown] = bar.getAnimations();
          expect(getComputedStyle(bar).backgroundSize, 'the whole bar, still').to.match(/^100%/);
          shown.pause();
          shown.currentTime = 100;
          expect(getComputedStyle(bar).opacity, 'unseen at 0.1 s: a quick reload does not flash').to.equal('0');
          shown.currentTime = 400;
          expect(getComputedStyle(bar).opacity, 'seen at 0.4 s').to.equal('1');
        } finally {
          await emulateMedia({ reducedMotion: 'no-preference' });
        }
      }
      // Without media emulation (Firefox and WebKit here, forced colours everywhere): the rules are there.
      const rules = (el.shadowRoot!.adoptedStyleSheets.length ? el.shadowRoot!.adoptedStyleSheets : [...el.shadowRoot!.styleSheets]).flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText));
      expect(reduced || rules.some((r) => r.includes('prefers-reduced-motion') && r.includes('.updating') && r.includes('mono-unseen')), 'reduced motion').to.equal(true);
      expect(rules.some((r) => /forced-colors/.test(r) && /\.updating[^}]*Highlight/.test(r)), 'forced colours').to.equal(true);
    } finally {
      release();
    }
  });

  it('<mono-earnings>: the bar goes below its pickers, not over them', async () => {
    const { client, part } = await mount('mono-earnings', 'kept_earnings');
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    client.invalidate('kept_earnings');
    const bar = await until(() => part('updating'), 'the bar');
    expect(bar.previousElementSibling?.getAttribute('part'), 'after the pickers').to.equal('controls');
    expect(part('controls')!.getBoundingClientRect().bottom).to.be.at.most(bar.getBoundingClientRect().top);
    release();
  });

  it("<mono-account>: a failed reload keeps the polled status and the account, and polling goes on", async () => {
    const client = new MonoClient({ fetch: fetchImpl, retries: 0 });
    const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="processing_kept_1" locale="en-NG"></mono-provider>`);
    provider.innerHTML = '<mono-account poll-interval="5"></mono-account>';
    const el = provider.firstElementChild as HTMLElement & { account?: { dataStatus: string } };
    const badge = () => el.shadowRoot!.querySelector('[part~=badge]')?.getAttribute('data-status');
    await until(() => badge() === 'AVAILABLE', 'polled to AVAILABLE', 5000);
    down = true;
    client.invalidate('processing_kept_1');
    await until(() => el.shadowRoot!.querySelector('[part~=error]'), 'the failed reload');
    expect(badge(), 'the polled status, not the first read').to.equal('AVAILABLE');
    expect(el.account?.dataStatus).to.equal('AVAILABLE');
  });

  it('shows the loading box when the provider gets another client: the old one\'s answer is not kept', async () => {
    const { el, part } = await mount('mono-identity', 'kept_client');
    const provider = el.parentElement as MonoProvider;
    provider.client = new MonoClient({ fetch: () => new Promise<Response>(() => {}), retries: 0 });
    await until(() => part('loading'), 'the loading box');
    expect(part('fields')).to.equal(null);
  });

  it('shows the loading box, not the old answer, when the element asks for something else (another period)', async () => {
    const { el, part } = await mount('mono-statement', 'kept_period');
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    el.setAttribute('period', '1');
    await until(() => part('loading'), 'the loading box');
    expect(part('summary'), 'the 3-month summary is not shown as if it were the 1-month one').to.equal(null);
    down = true;
    release();
    await until(() => part('error'), 'the error box');
    expect(part('summary'), 'nor under the error').to.equal(null);
  });
});
