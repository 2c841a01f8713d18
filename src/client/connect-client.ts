import { MonoClientCore, sharedClients } from './core.js';

/**
 * The client of a lone connect button: loads its transport and the initiate/exchange parsers with its
 * first request (on a pointer-enter, focus or click), so that the button's first bundle stays small.
 */
export class ConnectClient extends MonoClientCore {
  // Kept once loaded: a second import() of a loaded chunk still resolves a task later, which the click
  // would wait for before it sends initiate; the loaded transport even lets it send at once. A failed load
  // is forgotten, so the next call tries again.
  #runtime?: Promise<typeof import('./connect-runtime.js')>;
  #loaded?: typeof import('./connect-runtime.js');

  #load() {
    return (this.#runtime ??= import('./connect-runtime.js').then(
      (m) => (this.#loaded = m),
      (e) => {
        this.#runtime = undefined;
        throw e;
      },
    ));
  }

  protected override transport() {
    return this.#loaded ?? this.#load();
  }

  protected override connectParsers() {
    const parsers = this.#load();
    parsers.catch(() => {}); // a failed load is reported by the parse that awaits it
    return parsers;
  }
}

/**
 * The shared client for `endpoint` as far as the connect calls need it: the full client when a data
 * element already made one, else a `ConnectClient` (so that a lone connect button loads no data model).
 */
export function sharedCoreClient(endpoint = '/api/mono'): MonoClientCore {
  let client = sharedClients.get(endpoint);
  if (!client) sharedClients.set(endpoint, (client = new ConnectClient({ endpoint })));
  return client;
}
