// Registration: twice never throws, a class can be registered again under another name (a prefix or a
// subclass), and a scoped CustomElementRegistry gets its own copy where the browser has them.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../fixtures/wait.js';
import '../../src/define.js';
import { MonoAccount } from '../../src/elements/account/mono-account.js';
import { MONO_ELEMENTS, defineElements } from '../../src/tags.js';

/** Rendered with the sandbox's data (cached answers can arrive before a listener would be attached). */
const loaded = (el: Element) => waitUntil(() => el.shadowRoot?.querySelector('[part~=balance]'), `<${el.localName}> did not render the account`, { timeout: 8000 });

describe('registration', () => {
  it('registers every tag once and tolerates registering again', () => {
    for (const [tag, element] of Object.entries(MONO_ELEMENTS)) {
      expect(customElements.get(tag), tag).to.equal(element);
      expect(() => element.define(tag)).not.to.throw();
      expect(customElements.get(tag), tag).to.equal(element);
    }
    expect(() => defineElements()).not.to.throw();
    expect(() => customElements.define('mono-account', class extends MonoAccount {}), 'the platform itself would throw').to.throw();
  });

  it('registers under a prefix (as an anonymous subclass), twice without throwing', async () => {
    defineElements({ prefix: 'acme' });
    defineElements({ prefix: 'acme' });
    for (const tag of Object.keys(MONO_ELEMENTS)) {
      const Prefixed = customElements.get(tag.replace(/^mono-/, 'acme-'));
      expect(Prefixed, tag).to.exist;
      expect(Prefixed!.prototype).to.be.instanceOf(MONO_ELEMENTS[tag as keyof typeof MONO_ELEMENTS]);
    }
    const el = await fixture(html`<acme-account account-id="acc_demo"></acme-account>`);
    expect(el).to.be.instanceOf(MonoAccount);
    await loaded(el);
  });

  it('registers a host subclass under its own name', async () => {
    class BankAccount extends MonoAccount {
      override compact = true;
    }
    BankAccount.define('bank-account');
    expect(customElements.get('bank-account')).to.equal(BankAccount);
    const el = await fixture<BankAccount>(html`<bank-account account-id="acc_demo"></bank-account>`);
    await loaded(el);
    expect(el.hasAttribute('compact')).to.equal(true);
  });

  it('fills a scoped CustomElementRegistry, leaving the global one alone', async () => {
    let registry: CustomElementRegistry | undefined;
    try {
      registry = new CustomElementRegistry();
    } catch (error) {
      // Firefox and WebKitGTK cannot construct scoped registries (WebKitGTK has `initialize` but not the
      // constructor), so a host cannot hand one over; the documented fallback (no registry option) fills
      // the global registry.
      expect(error, 'the platform refuses a scoped registry').to.be.instanceOf(TypeError);
      expect(() => defineElements({ registry, prefix: 'unscoped' })).not.to.throw();
      expect(customElements.get('unscoped-account')!.prototype).to.be.instanceOf(MonoAccount);
      const el = await fixture(html`<unscoped-account account-id="acc_demo"></unscoped-account>`);
      expect(el).to.be.instanceOf(MonoAccount);
      await loaded(el);
      return;
    }
    defineElements({ registry, prefix: 'scoped' });
    expect(registry.get('scoped-account')).to.exist;
    expect(customElements.get('scoped-account'), 'not in the global registry').to.equal(undefined);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open', customElementRegistry: registry } as ShadowRootInit);
    // Parsed into the shadow root, so its registry (not the global one) creates the element.
    root.setHTMLUnsafe('<scoped-account account-id="acc_demo"></scoped-account>');
    const el = root.querySelector('scoped-account')!;
    expect(el).to.be.instanceOf(MonoAccount);
    await loaded(el);
  });
});
