// On its own page (web-test-runner gives each file one, and a module that failed to load stays failed in it): the
// code the connect button loads on pointer-enter to initiate ahead of a click cannot load, as offline. That is
// no uncaught error, and the click still initiates by itself.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../fixtures/wait.js';
import '../../../src/elements/connect-button/define.js';
import type { MonoConnectButton } from '../../../src/elements/connect-button/mono-connect-button.js';

const requested = (url: RegExp) => performance.getEntriesByType('resource').some((e) => url.test(e.name));

describe('<mono-connect-button> whose pre-initiate code cannot load', () => {
  it('raises no uncaught error on pointer-enter, and the click still initiates', async () => {
    const uncaught: string[] = [];
    const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));
    addEventListener('unhandledrejection', onRejection);
    document.cookie = 'mono-unreachable=%2Fsrc%2Fconnect%2Fprefetch; path=/';
    try {
      const button = await fixture<MonoConnectButton>(html`<mono-connect-button endpoint="/api/mono" widget-origins="self"></mono-connect-button>`);
      const trigger = button.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;
      trigger.dispatchEvent(new PointerEvent('pointerenter'));
      await waitUntil(() => requested(/\/src\/connect\/prefetch/), 'the pre-initiate code was asked for', { timeout: 5000 });
      // The failed import settles a little after its request ends.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(uncaught, 'uncaught rejections').to.deep.equal([]);
      expect(requested(/\/api\/mono\/accounts\/initiate/), 'nothing initiated ahead of the click').to.equal(false);
      const opened = oneEvent(button, 'mono-open');
      trigger.click();
      await opened;
      await waitUntil(() => requested(/\/api\/mono\/accounts\/initiate/), 'the click initiated', { timeout: 5000 });
      expect(uncaught, 'uncaught rejections').to.deep.equal([]);
      button.close();
    } finally {
      document.cookie = 'mono-unreachable=; path=/; max-age=0';
      removeEventListener('unhandledrejection', onRejection);
    }
  });
});
