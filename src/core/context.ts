import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MonoDataClient } from '../client/data-client.js';
import type { Messages } from '../i18n/en.js';

export interface MonoContextValue {
  client: MonoDataClient;
  endpoint: string;
  accountId?: string;
  locale?: string;
  /** Host overrides of the message catalogue for every element inside. */
  messages?: Partial<Messages>;
}

/**
 * The context key, in the community context protocol that @lit/context and other libraries speak (their
 * providers and consumers interoperate with the kit's). A global symbol, so that two copies of the kit on
 * one page still find each other's provider.
 */
export const monoContext = Symbol.for('mono-elements/context') as symbol & { __context__: MonoContextValue };

export type ContextCallback = (value: MonoContextValue, unsubscribe?: () => void) => void;

/** The protocol's `context-request`: the nearest provider answers, and calls again on every change when subscribed. */
export class ContextRequestEvent extends Event {
  constructor(
    readonly context: typeof monoContext,
    readonly contextTarget: Element,
    readonly callback: ContextCallback,
    readonly subscribe: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/** The protocol's `context-provider`: a provider has appeared (defined late, or nearer than the current one). */
export class ContextProviderEvent extends Event {
  constructor(
    readonly context: typeof monoContext,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

/**
 * The consumer side, for the Lit elements (as a controller) and the vanilla connect button (calling
 * `connect`/`disconnect` itself). It subscribes to the nearest provider. Unanswered, it waits for a
 * `context-provider` announcement and asks again, so the order in which tags are defined never matters.
 */
export class ContextConsumer implements ReactiveController {
  #unsubscribe?: () => void;
  /** Where the announcement listener is (by disconnection, `ownerDocument` may already be another document). */
  #document?: Document;

  readonly #host: HTMLElement;
  readonly #onValue: (value: MonoContextValue) => void;

  constructor(host: HTMLElement, onValue: (value: MonoContextValue) => void) {
    this.#host = host;
    this.#onValue = onValue;
    (host as Partial<ReactiveControllerHost>).addController?.(this);
  }

  hostConnected(): void {
    this.#document?.removeEventListener('context-provider', this.#onProvider);
    this.#document = this.#host.ownerDocument;
    this.#document.addEventListener('context-provider', this.#onProvider);
    this.#request();
  }

  hostDisconnected(): void {
    this.#document?.removeEventListener('context-provider', this.#onProvider);
    this.#document = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #request(): void {
    this.#host.dispatchEvent(new ContextRequestEvent(monoContext, this.#host, this.#onContext, true));
  }

  /** A provider appeared: ask it, unless one answered already (a nearer one is handed over by the current one). */
  #onProvider = (event: Event): void => {
    if ((event as Partial<ContextProviderEvent>).context === monoContext && !this.#unsubscribe) this.#request();
  };

  #onContext = (value: MonoContextValue, unsubscribe?: () => void): void => {
    // A nearer provider took over (an outer one re-sends our request to it): leave the previous one.
    if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
    this.#unsubscribe = unsubscribe;
    this.#onValue(value);
  };
}

/**
 * The provider side (`<mono-provider>`): answers requests from inside, calls subscribers again when the
 * value changes, announces itself when connected, and hands its subscribers inside a nearer provider
 * that appears later over to that one.
 */
export class ContextProvider implements ReactiveController {
  #value?: MonoContextValue;
  readonly #subscribers = new Map<ContextCallback, { consumer: Element; unsubscribe: () => void }>();

  readonly #host: HTMLElement & ReactiveControllerHost;

  constructor(host: HTMLElement & ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
    host.addEventListener('context-request', this.#onRequest);
    host.addEventListener('context-provider', this.#onProvider);
  }

  get value(): MonoContextValue | undefined {
    return this.#value;
  }

  set value(value: MonoContextValue) {
    this.#value = value;
    for (const [callback, { unsubscribe }] of this.#subscribers) callback(value, unsubscribe);
  }

  hostConnected(): void {
    this.#host.dispatchEvent(new ContextProviderEvent(monoContext, this.#host));
  }

  #onRequest = (event: Event): void => {
    const request = event as ContextRequestEvent;
    const consumer = request.contextTarget ?? event.composedPath()[0];
    if (request.context !== monoContext || consumer === this.#host || !this.#value) return;
    event.stopPropagation();
    const { callback } = request;
    if (!request.subscribe) return callback(this.#value);
    let subscription = this.#subscribers.get(callback);
    if (!subscription) {
      subscription = { consumer, unsubscribe: () => this.#subscribers.delete(callback) };
      this.#subscribers.set(callback, subscription);
    }
    callback(this.#value, subscription.unsubscribe);
  };

  /**
   * A provider appeared inside this one: every subscriber asks again. Those now under the new one get its
   * answer; the others come back here and keep their subscription. (Whether an element is under it cannot be
   * told from the tree alone: slotted elements are under the provider their slot is in.)
   */
  #onProvider = (event: Event): void => {
    const announced = event as ContextProviderEvent;
    if (announced.context !== monoContext || announced.contextTarget === this.#host) return;
    this.#askAgain();
  };

  /** Removed while elements it answered stay connected (slotted into a shadow root that dropped it): they ask again. */
  hostDisconnected(): void {
    this.#askAgain(true);
  }

  #askAgain(leaving = false): void {
    for (const [callback, { consumer, unsubscribe }] of [...this.#subscribers]) {
      if (!consumer.isConnected) continue;
      if (leaving) unsubscribe();
      consumer.dispatchEvent(new ContextRequestEvent(monoContext, consumer, callback, true));
    }
  }
}
