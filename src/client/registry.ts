import { MonoDataClient } from './data-client.js';
import { sharedClients } from './core.js';

/**
 * One client per endpoint for elements used without a provider, so that two standalone elements
 * showing the same account still share one cache and one request.
 */
export function sharedClient(endpoint = '/api/mono'): MonoDataClient {
  const existing = sharedClients.get(endpoint);
  if (existing instanceof MonoDataClient) return existing;
  // A connect button may have made a transport-only client for this endpoint first: the full one replaces it.
  const client = new MonoDataClient({ endpoint });
  sharedClients.set(endpoint, client);
  return client;
}
