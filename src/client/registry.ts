import { MonoClient } from './client.js';
import { sharedClients } from './core.js';

/**
 * One client per endpoint for elements used without a provider, so that two standalone elements
 * showing the same account still share one cache and one request.
 */
export function sharedClient(endpoint = '/api/mono'): MonoClient {
  const existing = sharedClients.get(endpoint);
  if (existing instanceof MonoClient) return existing;
  // A connect button may have made a transport-only client for this endpoint first: the full one replaces it.
  const client = new MonoClient({ endpoint });
  sharedClients.set(endpoint, client);
  return client;
}
