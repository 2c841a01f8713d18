// Preact takes the tags directly (README "Preact"): what an element declares as a property is set as one
// (functions and objects too), any other name as an attribute, and `onmono-…` props listen for the kit's events.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../fixtures/wait.js';
import { h, render } from 'preact';
import '../../src/define.js';
import type { MonoProvider } from '../../src/elements/provider/mono-provider.js';
import type { MonoEvent } from '../../src/core/events.js';

type MonoLoadEvent = MonoEvent<'mono-load'>;

describe('Preact', () => {
  it('sets declared properties as properties and the rest as attributes, and hears onmono-… events', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    const loads: MonoLoadEvent[] = [];
    let headerCalls = 0;
    const headers = () => {
      headerCalls++;
      return { 'x-from-preact': '1' };
    };
    const messages = { retry: 'Reload' };
    const app = (accountId: string) =>
      h('mono-provider', { endpoint: '/api/mono', 'account-id': accountId, headers, messages }, h('mono-account', { 'onmono-load': (e: MonoLoadEvent) => loads.push(e) }));
    try {
      render(app('acc_demo'), root);
      const provider = root.querySelector<MonoProvider>('mono-provider')!;
      expect(provider.headers, 'a function, as a property').to.equal(headers);
      expect(provider.messages, 'an object, as a property').to.equal(messages);
      expect(provider.hasAttribute('headers')).to.equal(false);
      expect(provider.getAttribute('account-id')).to.equal('acc_demo');
      expect(provider.accountId).to.equal('acc_demo');

      await waitUntil(() => loads.length === 1, 'the first mono-load reached the onmono-load prop', { timeout: 8000 });
      expect((loads[0].detail.data as { id: string }).id).to.equal('acc_demo');
      expect(headerCalls, 'requests went out with the headers function').to.be.greaterThan(0);

      render(app('acc_business'), root);
      await waitUntil(() => loads.length === 2, 'a new account-id from a re-render loads again', { timeout: 8000 });
      expect((loads[1].detail.data as { id: string }).id).to.equal('acc_business');
    } finally {
      render(null, root);
      root.remove();
    }
  });
});
