// A host that is slow to answer is not silent: past `slowLoad.afterMs` the loading box (and the live region)
// says the load is taking longer than usual, and the notice goes once the answer is in.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { slowLoad } from '../../src/core/resource-controller.js';
import type { MonoProvider } from '../../src/elements/provider/mono-provider.js';
import { recordingClient, until } from '../elements/account/helpers.js';
import { recordingClient as chartClient, uid } from '../charts/sandbox-helpers.js';

const SLOW = 'Still loading… this is taking longer than usual.';
const text = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '';

describe('a slow load', () => {
  const defaultAfter = slowLoad.afterMs;
  beforeEach(() => (slowLoad.afterMs = 300));
  afterEach(() => (slowLoad.afterMs = defaultAfter));

  async function mount(tag: 'mono-account' | 'mono-transactions', latency: number) {
    const { client } = recordingClient(() => ({ 'x-sandbox-latency': String(latency) }));
    const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id="acc_demo" locale="en-NG"></mono-provider>`);
    provider.innerHTML = `<${tag}></${tag}>`;
    const el = provider.firstElementChild as HTMLElement;
    return { el, loaded: oneEvent(el, 'mono-load') };
  }

  it('says so in the loading box and the live region, and not before its time', async () => {
    const { el, loaded } = await mount('mono-account', 1500);
    await until(() => el.shadowRoot?.querySelector('[part~=loading]'));
    expect(text(el, '[part~=loading]')).to.equal('Loading…');
    await until(() => text(el, '[part~=loading]') === SLOW, 'the slow notice', 1400);
    await until(() => text(el, '[role=status]') === SLOW, 'said in the live region', 1000);
    await loaded;
    await until(() => !el.shadowRoot!.querySelector('[part~=loading]'));
    expect(el.shadowRoot!.textContent).to.not.contain('Still loading');
  });

  it('is shown below the transactions filters, over the skeleton, which has no words of its own', async () => {
    const { el, loaded } = await mount('mono-transactions', 1500);
    await until(() => el.shadowRoot?.querySelector('[part~=skeleton]'));
    const note = () => el.shadowRoot!.querySelector<HTMLElement>('[role=status]')!;
    const filtersAt = () => el.shadowRoot!.querySelector('[part~=toolbar]')!.getBoundingClientRect().top;
    const before = filtersAt();
    expect(note().className).to.equal('sr-only');
    await until(() => note().textContent === SLOW, 'the slow notice', 1400);
    expect(note().className, 'seen, not only heard').to.equal('state');
    expect(note().getBoundingClientRect().height).to.be.greaterThan(10);
    expect(filtersAt(), 'the filters, usable meanwhile, do not move').to.equal(before);
    await loaded;
    await until(() => !el.shadowRoot!.querySelector('[part~=skeleton]'));
    expect(el.shadowRoot!.textContent).to.not.contain('Still loading');
  });

  it("leaves an element's own loading words alone: an income analysis 'can take a minute'", async () => {
    const { client } = chartClient({ override: (call: { path: string }) => (/\/income-records$/.test(call.path) ? { status: 'successful', data: [] } : undefined) });
    const provider = await fixture<MonoProvider>(html`<mono-provider .client=${client} account-id=${uid('empty')} locale="en-NG"><mono-income-summary poll-interval="50" analysis-timeout="5000"></mono-income-summary></mono-provider>`);
    const el = provider.querySelector('mono-income-summary')!;
    await until(() => el.shadowRoot!.querySelector('[part~="analysing"]'), 'analysing', 5000);
    await new Promise((r) => setTimeout(r, slowLoad.afterMs * 2));
    expect(el.shadowRoot!.querySelector('[part~="analysing"]'), 'still analysing').to.exist;
    expect(el.shadowRoot!.textContent).to.not.contain('Still loading');
  });

  it('stops its clock when the element leaves the page', async () => {
    const { el } = await mount('mono-account', 1500);
    await until(() => el.shadowRoot?.querySelector('[part~=loading]'));
    const updates: number[] = [];
    const original = (el as unknown as { update: (c: unknown) => void }).update.bind(el);
    (el as unknown as { update: (c: unknown) => void }).update = (c) => (updates.push(1), original(c));
    el.remove();
    await new Promise((r) => setTimeout(r, slowLoad.afterMs * 2));
    expect(updates, 'no render after removal').to.have.length(0);
  });

  it('keeps its clock when the element is moved in the page (a host that never answers still says so)', async () => {
    const { el } = await mount('mono-account', 1500);
    await until(() => el.shadowRoot?.querySelector('[part~=loading]'));
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await until(() => text(el, '[part~=loading]').includes(SLOW), 'the slow notice after a move', 1200);
  });

  it('says nothing of it when the answer comes in time', async () => {
    const { el, loaded } = await mount('mono-account', 0);
    await loaded;
    await new Promise((r) => setTimeout(r, 450));
    expect(el.shadowRoot!.textContent).to.not.contain('Still loading');
  });
});
