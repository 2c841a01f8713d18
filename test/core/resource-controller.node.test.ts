// reload() asks the host again (fresh) for the load it starts, and for no later one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResourceController } from '../../src/core/resource-controller.js';

test('a reload() without an account does not make a later ordinary load skip the cache', async () => {
  const freshFlags: Array<boolean | undefined> = [];
  const controllers: Array<{ hostConnected?: () => void; hostUpdate?: () => void }> = [];
  const host = {
    isConnected: true,
    hasUpdated: true,
    client: { onInvalidate: () => () => {} },
    resolvedAccountId: undefined as string | undefined,
    updateComplete: Promise.resolve(true),
    addController: (c: object) => controllers.push(c),
    requestUpdate: () => {},
    emit: () => true,
  };
  const rc = new ResourceController(host as never, {
    resource: 'account' as never,
    load: async (_c, _id, _a, request) => {
      freshFlags.push(request.fresh);
      return {} as never;
    },
  });
  rc.hostConnected();
  rc.hostUpdate();
  const reloading = rc.reload();
  rc.hostUpdate(); // the update reload() asked for: no account, nothing loads
  await reloading;
  host.resolvedAccountId = 'acc_1'; // later, the provider gives the account: an ordinary first load
  rc.hostUpdate();
  await rc.settled;
  assert.deepEqual(freshFlags, [false]);
});
