// On its own page (web-test-runner gives each file one): the connect button loads the code a click needs
// once the page is idle, with no initiate and no pointer-enter, so a tap or key press does not wait for it.
// The first test's button stands alone: a <mono-provider> would bring the transport up front (the last test
// imports it).
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../fixtures/wait.js';
import '../../../src/elements/connect-button/define.js';
import type { MonoConnectButton } from '../../../src/elements/connect-button/mono-connect-button.js';

const loaded = (url: RegExp) => performance.getEntriesByType('resource').some((e) => url.test(e.name));
const CLICK_CODE = [/\/src\/connect\/widget-side\.ts/, /\/src\/client\/transport\.ts/, /\/src\/model\/connect\.ts/];

describe('<mono-connect-button> idle warm-up', () => {
  it('loads the widget side, the transport and the parsers when the page is idle, and sends nothing', async () => {
    for (const module of CLICK_CODE) expect(loaded(module), `${module} before any button`).to.equal(false);
    const button = await fixture<MonoConnectButton>(html`<mono-connect-button endpoint="/api/mono"></mono-connect-button>`);
    await waitUntil(() => CLICK_CODE.every(loaded), 'the click code was not loaded at idle', { timeout: 5000 });
    expect(loaded(/\/api\/mono\//), 'no request to the backend').to.equal(false);
    expect(button.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
  });

  it('then sends initiate within the click, before the dialog lays the page out', async () => {
    const button = await fixture<MonoConnectButton>(html`<mono-connect-button endpoint="/api/mono" no-preinitiate></mono-connect-button>`);
    await waitUntil(() => CLICK_CODE.every(loaded), 'the click code was not loaded at idle', { timeout: 5000 });
    // Fetched is not yet run (Firefox evaluates a little later): the same import settles after the client's.
    await import('../../../src/client/connect-runtime.js');
    await new Promise((resolve) => setTimeout(resolve));
    const sent: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      sent.push(`${init?.method ?? 'GET'} ${new URL(String(input), location.href).pathname}`);
      return realFetch(input, init);
    };
    try {
      button.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
      expect(sent, 'sent before click() returned').to.deep.equal(['POST /api/mono/accounts/initiate']);
      expect(button.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    } finally {
      window.fetch = realFetch;
      button.close();
    }
  });

  it('prepares the client of every button on the page, not only the first one', async () => {
    await import('../../../src/elements/provider/define.js');
    const page = await fixture<HTMLElement>(html`<div>
      <mono-provider endpoint="/api/mono"><mono-connect-button no-preinitiate></mono-connect-button></mono-provider>
      <mono-connect-button endpoint="/api/other" no-preinitiate></mono-connect-button>
    </div>`);
    const lone = page.querySelectorAll<MonoConnectButton>('mono-connect-button')[1];
    // WebKit has no requestIdleCallback; the button then warms up from a timer.
    const idle = (window.requestIdleCallback ?? setTimeout) as (callback: () => void) => void;
    await new Promise<void>((resolve) => idle(() => setTimeout(resolve, 50)));
    await new Promise<void>((resolve) => idle(resolve));
    const sent: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      sent.push(new URL(String(input), location.href).pathname);
      return realFetch(input, init);
    };
    try {
      lone.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
      expect(sent, 'the lone button (its own client) sent within the click').to.deep.equal(['/api/other/accounts/initiate']);
    } finally {
      window.fetch = realFetch;
      lone.close();
    }
  });
});
