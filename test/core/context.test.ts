import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { ContextProviderEvent, ContextRequestEvent, monoContext, type MonoContextValue } from '../../src/core/context.js';
import { MonoDataElement } from '../../src/core/mono-element.js';
import '../../src/elements/connect-button/define.js';
import type { MonoConnectButton } from '../../src/elements/connect-button/mono-connect-button.js';
import '../../src/elements/provider/define.js';
import { MonoProvider } from '../../src/elements/provider/mono-provider.js';

/** Exposes what the element received from its provider. */
class ContextProbe extends MonoDataElement {
  get received(): MonoContextValue | undefined {
    return this.provided;
  }
}
ContextProbe.define('context-probe');

const accountOf = (el: ContextProbe | MonoConnectButton) => el.resolvedAccountId;

/** Puts its light-DOM children, through a slot, under a provider in its own shadow root (while `wrapped`). */
class SlotWrap extends LitElement {
  static override properties = { wrapped: { type: Boolean } };
  wrapped = true;
  override render() {
    return this.wrapped ? litHtml`<mono-provider account-id="inner"><slot></slot></mono-provider>` : litHtml`<slot></slot>`;
  }
}
customElements.define('context-slot-wrap', SlotWrap);

describe('the context protocol (provider ↔ elements)', () => {
  it('hands the elements inside a provider that appears later inside another over to the nearer one', async () => {
    // The inner provider's tag is defined only after its children found the outer one: it upgrades in place.
    const outer = await fixture<MonoProvider>(html`<mono-provider account-id="outer"><div><nested-late-provider account-id="inner"><context-probe></context-probe><mono-connect-button></mono-connect-button></nested-late-provider></div></mono-provider>`);
    const probe = outer.querySelector<ContextProbe>('context-probe')!;
    const button = outer.querySelector<MonoConnectButton>('mono-connect-button')!;
    expect(accountOf(probe)).to.equal('outer');
    expect(accountOf(button)).to.equal('outer');

    customElements.define('nested-late-provider', class extends MonoProvider {});
    const inner = outer.querySelector<MonoProvider>('nested-late-provider')!;
    expect(probe.isConnected && inner.contains(probe), 'nothing moved').to.equal(true);
    expect(accountOf(probe), 'the nearer provider answers').to.equal('inner');
    expect(accountOf(button), 'the connect button too').to.equal('inner');

    outer.accountId = 'outer-2';
    await outer.updateComplete;
    expect(accountOf(probe), 'the outer provider no longer calls it').to.equal('inner');
    expect(accountOf(button)).to.equal('inner');
    inner.accountId = 'inner-2';
    await inner.updateComplete;
    expect(accountOf(probe)).to.equal('inner-2');
    expect(accountOf(button)).to.equal('inner-2');
  });

  it('hands slotted elements over to a provider that a wrapper renders around its slot, and back when it goes', async () => {
    const outer = await fixture<MonoProvider>(html`<mono-provider account-id="outer"><div></div></mono-provider>`);
    // The wrapper's children connect (and find the outer provider) before the wrapper's first render.
    outer.firstElementChild!.innerHTML = '<context-slot-wrap><context-probe></context-probe><mono-connect-button></mono-connect-button></context-slot-wrap>';
    const wrap = outer.querySelector<SlotWrap>('context-slot-wrap')!;
    const probe = outer.querySelector<ContextProbe>('context-probe')!;
    const button = outer.querySelector<MonoConnectButton>('mono-connect-button')!;
    expect(accountOf(probe), 'before the wrapper renders').to.equal('outer');
    await wrap.updateComplete;
    expect(accountOf(probe), 'the provider around the slot answers').to.equal('inner');
    expect(accountOf(button)).to.equal('inner');

    wrap.wrapped = false;
    await wrap.updateComplete;
    expect(accountOf(probe), 'its provider went away, the children stayed').to.equal('outer');
    expect(accountOf(button)).to.equal('outer');
    outer.accountId = 'outer-2';
    await outer.updateComplete;
    expect(accountOf(probe), 'and the outer provider calls them again').to.equal('outer-2');
  });

  it('forgets the document it listened on when moved to another one (an iframe)', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe></iframe>`);
    const probe = document.createElement('context-probe');
    document.body.append(probe);
    frame.contentDocument!.body.append(probe);
    probe.remove();
    let requests = 0;
    probe.addEventListener('context-request', () => requests++);
    document.dispatchEvent(new ContextProviderEvent(monoContext, document.body));
    expect(requests, 'a removed element still asked').to.equal(0);
  });

  it('announces a provider connected around elements that were already waiting', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><context-probe></context-probe></div>`);
    const probe = host.querySelector<ContextProbe>('context-probe')!;
    expect(probe.received, 'no provider yet').to.equal(undefined);
    const provider = document.createElement('mono-provider') as MonoProvider;
    provider.setAttribute('account-id', 'wrapped');
    host.append(provider);
    provider.append(probe);
    expect(accountOf(probe)).to.equal('wrapped');
  });

  it('follows an element moved from one provider to another, and leaves the first', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <mono-provider id="a" account-id="a"><context-probe></context-probe></mono-provider>
      <mono-provider id="b" account-id="b"></mono-provider>
    </div>`);
    const [a, b] = root.querySelectorAll<MonoProvider>('mono-provider');
    const probe = a.querySelector<ContextProbe>('context-probe')!;
    expect(accountOf(probe)).to.equal('a');
    b.append(probe);
    expect(accountOf(probe)).to.equal('b');
    a.accountId = 'a-2';
    await a.updateComplete;
    expect(accountOf(probe), 'the first provider forgot it').to.equal('b');
  });

  it('answers a one-off request from any code that speaks the protocol, and leaves other contexts alone', async () => {
    const provider = await fixture<MonoProvider>(html`<mono-provider account-id="once"><span></span></mono-provider>`);
    const span = provider.querySelector('span')!;
    const answers: Array<[MonoContextValue, unknown]> = [];
    span.dispatchEvent(new ContextRequestEvent(monoContext, span, (value, unsubscribe) => answers.push([value, unsubscribe]), false));
    expect(answers).to.have.length(1);
    expect(answers[0][0].accountId).to.equal('once');
    expect(answers[0][1], 'no subscription').to.equal(undefined);
    expect(answers[0][0].client).to.equal(provider.sharedClient);

    let reachedDocument = false;
    const other = new ContextRequestEvent(Symbol('another-context') as typeof monoContext, span, () => expect.fail('answered another context'), true);
    const seen = () => (reachedDocument = true);
    document.addEventListener('context-request', seen);
    span.dispatchEvent(other);
    document.removeEventListener('context-request', seen);
    expect(reachedDocument, 'a request for another context passes through').to.equal(true);
  });
});
