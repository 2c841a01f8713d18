import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { MonoDataClient } from '../client/data-client.js';
import type { RequestOptions } from '../client/core.js';
import { MonoError, toMonoError } from '../client/errors.js';
import { sentOnce } from '../client/transport.js';
import { commonText as msg } from '../i18n/en-common.js';
import { describeErrorWith } from './describe-error.js';
import { SettledText } from './settled-text.js';
import type { MonoLoadData, MonoLoadDetail } from './events.js';
import type { MonoDataElement } from './mono-element.js';

export type ResourceStatus = 'idle' | 'loading' | 'empty' | 'error' | 'loaded';

/** The resources whose `mono-load` data a `T` is. */
type ResourceOf<T> = { [R in keyof MonoLoadData]: T extends MonoLoadData[R] ? R : never }[keyof MonoLoadData];

export interface ResourceOptions<T, A extends readonly unknown[]> {
  resource: ResourceOf<T>;
  /** Extra inputs besides client and account id (filters, period); a change reloads and aborts the older load. */
  args?: () => A;
  /** `request` goes to the client as it is: the load's signal, and `fresh` for a `reload()` that skips the cache. */
  load: (client: MonoDataClient, accountId: string, args: A, request: LoadRequest) => Promise<T>;
  isEmpty?: (value: T) => boolean;
}

export type LoadRequest = RequestOptions & { signal: AbortSignal };

export interface RenderStates<T> {
  loaded: (value: T) => unknown;
  /** The empty state's text (default: the generic "Nothing to show" message). */
  emptyText?: string;
  loading?: () => unknown;
  /** `loaded` places the reload bar itself (below controls at the data's top), else it goes over the data. */
  ownBar?: boolean;
}

/** How long a load runs before its box says it is taking longer than usual; a host may set `afterMs` (for every element). */
export const slowLoad = { afterMs: 10_000 };

/** Plain-language text for an error, by kind; a network error while the browser is offline says so. */
export const describeError = (error: MonoError, locale: string): string => describeErrorWith(error, (key, params) => msg(locale, key, params));

const isOffline = (error?: MonoError) => error?.kind === 'network' && globalThis.navigator?.onLine === false;

/** `describeError` for a failed load, which says when it will load again by itself. */
export const describeLoadError = (error: MonoError, locale: string) =>
  describeError(error, locale) + (isOffline(error) && !sentOnce.has(error) ? ` ${msg(locale, 'reloadWhenOnline')}` : '');

/** Over data that reloads (a sync, Try again): seen only if the reload lasts, and taking no room (see STATE_BOX_CSS). */
export const updatingBar = html`<div part="updating" class="updating" aria-hidden="true"></div>`;

/**
 * Loads one resource for a data element through the client: aborts the older load whenever the account,
 * client or args change (so an old answer never overwrites a newer one), reloads when the client is
 * invalidated for the account (after a sync), emits `mono-load` / `mono-error`, and renders the
 * loading / empty / error (with retry) / loaded states.
 */
export class ResourceController<T, A extends readonly unknown[] = []> implements ReactiveController {
  #state: 'initial' | 'pending' | 'complete' | 'error' = 'initial';
  #current?: T;
  #failure?: unknown;
  /** The inputs of the latest load: client, account id, retry generation, then the element's args. */
  #inputs?: readonly unknown[];
  #latest = 0;
  #abort?: AbortController;
  #whenSettled?: { promise: Promise<void>; resolve: () => void };
  #generation = 0;
  #fresh = false;
  #unsubscribe?: () => void;
  #subscribedTo?: MonoDataClient;
  /** Where the client's invalidations stood when the element left the page. */
  #left?: { client: MonoDataClient; mark: number };
  /** The client, account and args the current value was loaded for. */
  #valueFor?: readonly unknown[];
  /** A reload's "Loading…" is said only if it lasts: after a sync every element reloads at once. */
  readonly #spoken: SettledText;
  #slowTimer?: ReturnType<typeof setTimeout>;
  #leaving?: ReturnType<typeof setTimeout>;
  /** The current load has run past `slowLoad.afterMs`: a host that never answers (up to ~80 s with the retries) is not silent. */
  slow = false;

  readonly #host: MonoDataElement;
  readonly #options: ResourceOptions<T, A>;

  constructor(host: MonoDataElement, options: ResourceOptions<T, A>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#spoken = new SettledText(host);
  }

  /** The browser came back online during the current load: if it fails on the way, it is tried again at once. */
  #cameOnline = false;
  /** The last load failed while the browser was offline: back in the page and online, it is tried again. */
  #failedOffline = false;

  /** A load that failed on its way to the host, with nothing sent that must not be sent twice (the income analysis' POST). */
  #retryable(): boolean {
    const error = this.error;
    return (error?.kind === 'network' || error?.kind === 'timeout') && !sentOnce.has(error);
  }

  /** Back online: a load that failed on the way loads again by itself; one still running does when it fails. */
  readonly #onOnline = () => {
    this.#cameOnline = true;
    if (this.#retryable()) this.retry();
  };

  hostConnected(): void {
    globalThis.addEventListener?.('online', this.#onOnline);
    if (this.#failedOffline && this.#retryable() && globalThis.navigator?.onLine !== false) this.retry();
    clearTimeout(this.#leaving);
    const left = this.#left;
    this.#left = undefined;
    this.#subscribe();
    // Back in the page: load what changed while it was out (a sync of its account), or what its removal stopped.
    if (left && left.client === this.#host.client && left.client.invalidatedSince(left.mark, this.#host.resolvedAccountId)) this.retry();
    else if (this.#host.hasUpdated) this.#host.requestUpdate();
    if (this.#state === 'pending' && !this.slow) this.#watchSlow();
  }

  /** Before each render in the page: a change of client, account, retry generation or args starts a new load. */
  hostUpdate(): void {
    const host = this.#host;
    const options = this.#options;
    if (!host.isConnected) return;
    if (this.#subscribedTo !== host.client) this.#subscribe();
    const inputs = [host.client, host.resolvedAccountId, this.#generation, ...(options.args?.() ?? [])];
    const previous = this.#inputs;
    if (previous && previous.length === inputs.length && inputs.every((value, i) => Object.is(value, previous[i]))) return;
    this.#inputs = inputs;
    void this.#load(inputs[0] as MonoDataClient, inputs[1] as string | undefined, inputs.slice(3) as unknown as A);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.#onOnline);
    clearTimeout(this.#slowTimer);
    const client = this.#subscribedTo;
    if (client) this.#left = { client, mark: client.invalidations };
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
    // A removed element stops its load: against a slow host it would hold one of the browser's few connections
    // to it through every retry, ahead of the page's new requests. One that is only moved keeps its load.
    this.#leaving = setTimeout(() => {
      if (this.#host.isConnected) return;
      // A finished load may still have a read beside it (the account's currency for the rows): it goes too.
      this.#abort?.abort();
      if (this.#state !== 'pending') return;
      this.#latest++; // its answer, aborted now, is dropped unseen: nothing renders or fires off the page
      this.#inputs = undefined;
      this.#state = 'initial';
      this.#settle();
    });
  }

  async #load(client: MonoDataClient, accountId: string | undefined, args: A): Promise<void> {
    const older = this.#abort;
    const call = ++this.#latest;
    const fresh = this.#fresh;
    this.#fresh = false;
    clearTimeout(this.#slowTimer);
    this.slow = false;
    if (!accountId) {
      older?.abort();
      this.#state = 'initial';
      return this.#settle();
    }
    const abort = (this.#abort = new AbortController());
    this.#cameOnline = false;
    this.#state = 'pending';
    this.#host.requestUpdate();
    this.#watchSlow();
    let value: T | undefined;
    let failure: unknown;
    let outcome: 'complete' | 'error' = 'complete';
    try {
      const loading = this.#options.load(client, accountId, args, { signal: abort.signal, fresh });
      // The older load ends once this one has asked for what it needs: a request both want (the account read for
      // the rows' currency, a page already on its way) goes on rather than starting over.
      older?.abort();
      value = await loading;
    } catch (e) {
      older?.abort();
      outcome = 'error';
      failure = e;
    }
    // A newer load started meanwhile: this answer is old, whatever it is.
    if (call !== this.#latest) return;
    clearTimeout(this.#slowTimer);
    this.slow = false;
    this.#failure = failure;
    if (outcome === 'error') this.#failed(failure);
    else {
      this.#current = value;
      this.#valueFor = [client, accountId, ...args];
      this.#host.emit('mono-load', { resource: this.#options.resource, data: value } as MonoLoadDetail);
    }
    this.#state = outcome;
    this.#failedOffline = outcome === 'error' && globalThis.navigator?.onLine === false;
    this.#settle();
    this.#host.requestUpdate();
    if (this.#cameOnline && this.#retryable()) this.retry();
  }

  /** Says the load is slow once it has run `slowLoad.afterMs` in the page (a move restarts the clock). */
  #watchSlow(): void {
    clearTimeout(this.#slowTimer);
    this.#slowTimer = setTimeout(() => {
      this.slow = true;
      this.#host.requestUpdate();
    }, slowLoad.afterMs);
  }

  #failed(e: unknown): void {
    const error = toMonoError(e);
    if (error.kind === 'aborted') return;
    this.#host.emit('mono-error', { error });
    const accountId = this.#host.resolvedAccountId;
    if (error.kind === 'reauth-required' && accountId) this.#host.emit('mono-reauth-required', { accountId });
  }

  #settle(): void {
    this.#whenSettled?.resolve();
    this.#whenSettled = undefined;
  }

  get status(): ResourceStatus {
    switch (this.#state) {
      case 'initial':
        return this.#host.resolvedAccountId ? 'loading' : 'idle';
      case 'pending':
        return 'loading';
      case 'error':
        return this.error?.kind === 'aborted' ? 'loading' : 'error';
      case 'complete':
        return this.#options.isEmpty?.(this.#current as T) ? 'empty' : 'loaded';
    }
  }

  /** The last loaded value (kept while a reload runs, and when it fails). */
  get value(): T | undefined {
    return this.#current;
  }

  /** Whether the value was loaded for what the element asks now: the same client, account and args. */
  #valueIsCurrent(): boolean {
    const now = [this.#host.client, this.#host.resolvedAccountId, ...(this.#options.args?.() ?? [])];
    return this.#valueFor?.length === now.length && now.every((v, i) => Object.is(v, this.#valueFor![i]));
  }

  /** The loaded value while the same thing reloads (a retry, a sync) or after such a reload failed, unless it was empty. */
  #keptValue(): T | undefined {
    const value = this.#current;
    return value === undefined || !this.#valueIsCurrent() || this.#options.isEmpty?.(value) ? undefined : value;
  }

  /** The value on screen: the loaded one, or the one kept while the same thing reloads or after that reload failed. */
  get shown(): T | undefined {
    return this.status === 'loaded' ? this.#current : this.#keptValue();
  }

  get error(): MonoError | undefined {
    return this.#state === 'error' ? toMonoError(this.#failure) : undefined;
  }

  /** Loads again, skipping nothing cached (errors are never cached). */
  retry = (): void => {
    this.#generation++;
    this.#host.requestUpdate();
  };

  /** Re-runs the load now, asking the host again rather than the cache, and returns when it settles. */
  async reload(): Promise<void> {
    this.#fresh = true;
    this.retry();
    await this.#host.updateComplete;
    await this.settled;
  }

  /** Settles when the current load does, the newest one if loads replaced each other (never rejects). */
  get settled(): Promise<void> {
    if (this.#state !== 'pending') return Promise.resolve();
    if (!this.#whenSettled) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.#whenSettled = { promise, resolve };
    }
    return this.#whenSettled.promise;
  }

  /** The element's body for the current state; `loaded` renders the data. */
  render(states: RenderStates<T>): TemplateResult {
    const locale = this.#host.resolvedLocale;
    const status = this.status;
    // A reload of the same thing shows what was loaded (a chart updates in place, the page does not jump), and so
    // does its failure, under the error; else an element's own loading state (the income analysis: "This can take
    // a minute") says its own words.
    const kept = status === 'loading' || status === 'error' ? this.#keptValue() : undefined;
    const custom = status === 'loading' && kept === undefined ? states.loading?.() : undefined;
    const loadingText = msg(locale, this.slow && custom === undefined ? 'loadingSlow' : 'loading');
    const announce = status === 'loading' ? loadingText : status === 'empty' ? (states.emptyText ?? msg(locale, 'empty')) : '';
    // The data always sits in the same place of one template, after the state's box, so that Lit keeps its nodes
    // (a table's sort, focus in it, a drawn chart) from loaded to reloading to a failed reload and back.
    let box: unknown = nothing;
    let data: unknown = nothing;
    switch (status) {
      case 'idle':
        box = html`<div part="idle" class="state idle"><slot name="idle">${msg(locale, 'noAccount')}</slot></div>`;
        break;
      case 'loading':
        if (kept !== undefined) {
          if (!states.ownBar) box = updatingBar;
          data = states.loaded(kept);
        } else box = custom ?? html`<div part="loading" class="state loading"><span class="spinner" aria-hidden="true"></span>${loadingText}</div>`;
        break;
      case 'error': {
        const error = this.error!;
        box = html`<div part="error" class="state error ${kept === undefined ? '' : 'kept'}" role="alert" data-kind=${error.kind}>
          <p>${describeLoadError(error, locale)}</p>
          <button part="retry-button" class="button secondary" type="button" @click=${this.retry}>${msg(locale, 'retry')}</button>
        </div>`;
        if (kept !== undefined) data = states.loaded(kept);
        break;
      }
      case 'empty':
        box = html`<div part="empty" class="state empty"><slot name="empty">${states.emptyText ?? msg(locale, 'empty')}</slot></div>`;
        break;
      case 'loaded':
        data = states.loaded(this.#current as T);
        break;
    }
    const reload = status === 'loading' && this.#current !== undefined && this.#valueIsCurrent();
    return html`<div class="sr-only" role="status" aria-live="polite">${reload ? this.#spoken.text(announce) : this.#spoken.at(announce)}</div>${box}${data}`;
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    const client = this.#host.client;
    this.#subscribedTo = client;
    this.#unsubscribe = client.onInvalidate((accountId) => {
      if (accountId === undefined || accountId === this.#host.resolvedAccountId) this.retry();
    });
  }
}
