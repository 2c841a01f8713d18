// The lone connect button's client: its first request loads the transport and parsers, later ones send at
// once. It must hold when the page has replaced the global Promise with a library's (the loading is then a
// native promise that is not `instanceof Promise`).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectClient } from '../../src/client/connect-client.js';

const answer = async () => new Response(JSON.stringify({ status: 'successful', data: { mono_url: 'https://connect.mono.co/x', id: 's1' } }), { status: 200, headers: { 'content-type': 'application/json' } });

describe('ConnectClient', () => {
  it('initiates before and after its transport has loaded', async () => {
    const client = new ConnectClient({ endpoint: '/api/mono', fetch: answer as typeof fetch });
    const first = await client.initiate({ scope: 'auth', meta: { ref: 'r1' } });
    const second = await client.initiate({ scope: 'auth', meta: { ref: 'r2' } });
    assert.equal(first.monoUrl, 'https://connect.mono.co/x');
    assert.equal(second.monoUrl, 'https://connect.mono.co/x');
  });

  it('initiates when the global Promise is a library that does not patch the native one', async () => {
    const NativePromise = Promise;
    class LibraryPromise<T> {
      #inner: Promise<T>;
      constructor(executor: (resolve: (v: T) => void, reject: (e: unknown) => void) => void) {
        this.#inner = new NativePromise(executor);
      }
      then(onFulfilled?: (v: T) => unknown, onRejected?: (e: unknown) => unknown) {
        return this.#inner.then(onFulfilled, onRejected);
      }
      static resolve = (v: unknown) => NativePromise.resolve(v);
      static reject = (e: unknown) => NativePromise.reject(e);
    }
    const client = new ConnectClient({ endpoint: '/api/mono', fetch: answer as typeof fetch });
    let pending: Promise<{ monoUrl: string }>;
    (globalThis as { Promise: unknown }).Promise = LibraryPromise;
    try {
      pending = client.initiate({ scope: 'auth', meta: { ref: 'r1' } });
    } finally {
      (globalThis as { Promise: unknown }).Promise = NativePromise;
    }
    assert.equal((await pending).monoUrl, 'https://connect.mono.co/x');
  });
});
