import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../fixtures/wait.js';
import { LitElement } from 'lit';
import { SettledText } from '../../src/core/settled-text.js';

/** A polite live region whose text settles, as the data elements' status lines do. */
class SettlingRegion extends LitElement {
  readonly spoken = new SettledText(this, 100);
  next = '';
  override render() {
    return html`<p role="status">${this.spoken.text(this.next)}</p>`;
  }
}
customElements.define('settling-region', SettlingRegion);

const said = (el: SettlingRegion) => el.shadowRoot!.querySelector('p')!.textContent;

describe('SettledText', () => {
  it('says the text once it stopped changing', async () => {
    const el = await fixture<SettlingRegion>(html`<settling-region></settling-region>`);
    el.next = 'Updating…';
    el.requestUpdate();
    await el.updateComplete;
    el.next = '12 transactions';
    el.requestUpdate();
    await el.updateComplete;
    expect(said(el), 'held back while it changes').to.equal('');
    await waitUntil(() => said(el) === '12 transactions', 'settled on the outcome', { timeout: 2000 });
  });

  it('still settles when its element is moved in the page while the text waits', async () => {
    const el = await fixture<SettlingRegion>(html`<div><settling-region></settling-region><section></section></div>`).then((d) => d.querySelector<SettlingRegion>('settling-region')!);
    el.next = '0 transactions';
    el.requestUpdate();
    await el.updateComplete;
    el.parentElement!.querySelector('section')!.append(el);
    await waitUntil(() => said(el) === '0 transactions', 'settled after the move', { timeout: 2000 });
  });
});
