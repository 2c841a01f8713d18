// How a request starts: headers from any kind of promise, and nothing sent for a call given up before it began.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { MonoClient } from '../../src/client/index.js';

const ACCOUNT = { status: 'successful', data: { id: 'a1', name: 'ADA', currency: 'NGN', balance: 1, type: 'SAVINGS', account_number: '0123456789', bvn: null, institution: { name: 'B', bank_code: '1', type: 'PERSONAL_BANKING' } } };

function recording() {
  const sent: Array<Record<string, string>> = [];
  const fetchImpl: typeof fetch = async (_input, init) => {
    sent.push(Object.fromEntries(new Headers(init?.headers)));
    return new Response(JSON.stringify(ACCOUNT), { status: 200 });
  };
  return { sent, fetchImpl };
}

describe('the start of a request', () => {
  it('takes the headers from a promise of another window and from a library\'s thenable', async () => {
    const otherRealm = vm.runInNewContext('Promise') as PromiseConstructor;
    const thenable = { then: (ok: (h: HeadersInit) => void) => ok({ 'x-csrf-token': 't2' }) };
    for (const [headers, token] of [[() => otherRealm.resolve({ 'x-csrf-token': 't1' }), 't1'], [() => thenable, 't2']] as const) {
      const { sent, fetchImpl } = recording();
      const client = new MonoClient({ fetch: fetchImpl, retries: 0, headers: headers as () => Promise<HeadersInit> });
      await client.account('a1');
      assert.equal(sent[0]?.['x-csrf-token'], token);
    }
  });

  it('sends nothing for a call whose signal was aborted before it, a POST or a GET, and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { sent, fetchImpl } = recording();
      const client = new MonoClient({ fetch: fetchImpl, headers: { 'x-csrf-token': 't' } });
      const kinds = await Promise.all([client.sync('a1', { signal: AbortSignal.abort() }), client.account('a1', { signal: AbortSignal.abort() })].map((p) => p.then(() => 'resolved', (e: { kind: string }) => e.kind)));
      await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(kinds, ['aborted', 'aborted']);
      assert.equal(sent.length, 0);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
