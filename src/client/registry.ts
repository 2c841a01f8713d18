import { MonoClient } from './client.js';

const shared = new Map<string, MonoClient>();

/**
 * One client per endpoint for elements used without a provider, so that two standalone elements
 * showing the same account still share one cache and one request.
 */
export function sharedClient(endpoint = '/api/mono'): MonoClient {
  let client = shared.get(endpoint);
  if (!client) {
    client = new MonoClient({ endpoint });
    shared.set(endpoint, client);
  }
  return client;
}
