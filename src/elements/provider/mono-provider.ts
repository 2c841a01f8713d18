import { html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { MonoDataClient, type HeadersSource } from '../../client/data-client.js';
import { MonoElement } from '../../core/mono-element.js';
import { ContextProvider } from '../../core/context.js';
import { themeStyles } from '../../core/theme.js';
import type { Messages } from '../../i18n/en.js';

/**
 * Shares one client (cache, request de-duplication, auth headers) and the `endpoint`, `account-id` and
 * `locale` with every mono element inside it. It renders nothing of its own.
 *
 * @summary Configuration and shared client for the mono elements inside it.
 * @tag mono-provider
 * @slot - The elements that share this configuration.
 */
export class MonoProvider extends MonoElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** Base URL of the host backend. */
  @property() endpoint = '/api/mono';

  /** The account every element inside shows unless it sets its own. */
  @property({ attribute: 'account-id' }) accountId?: string | undefined;

  /** BCP 47 locale for every element inside. */
  @property() locale?: string | undefined;

  /** `fetch` replacement for the host's own auth layer. */
  @property({ attribute: false }) fetch?: typeof fetch | undefined;

  /** Extra headers for every request, or a function returning them (e.g. a CSRF token). */
  @property({ attribute: false }) headers?: HeadersSource | undefined;

  /** Fetch credentials mode. Default `same-origin`. */
  @property() credentials?: RequestCredentials | undefined;

  /** Supply a ready client instead (its endpoint wins). */
  @property({ attribute: false }) client?: MonoDataClient | undefined;

  /** Your own wording for any message key, for every element inside (e.g. `{ retry: 'Reload' }`). */
  @property({ attribute: false }) messages?: Partial<Messages> | undefined;

  /** What the elements inside receive; they are called again whenever it changes. */
  readonly #context = new ContextProvider(this);

  #ownClient?: MonoDataClient;

  override connectedCallback(): void {
    // Provide before announcing and before the first render, so that children never load through a default client.
    this.#refresh();
    super.connectedCallback();
  }

  protected override willUpdate(): void {
    this.#refresh();
  }

  #builtWith: unknown[] = [];

  #refresh(): void {
    // `fetch` and a headers function are read at each request, so a new function of the same meaning (a React
    // render's inline arrow) keeps the client and its cache; other headers are compared by their content.
    const { headers } = this;
    const headersKey = typeof headers === 'function' || headers === undefined ? typeof headers : headersContent(headers);
    const inputs = [this.endpoint, headersKey, this.credentials, this.client];
    if (!this.#ownClient || inputs.some((v, i) => v !== this.#builtWith[i])) {
      this.#builtWith = inputs;
      this.#ownClient =
        this.client ??
        new MonoDataClient({
          endpoint: this.endpoint,
          fetch: (input, init) => (this.fetch ?? fetch)(input, init),
          headers: () => (typeof this.headers === 'function' ? this.headers() : (this.headers ?? {})),
          credentials: this.credentials,
        });
    }
    const client = this.#ownClient;
    const { accountId, locale, messages } = this;
    const v = this.#context.value;
    if (v?.client === client && v.accountId === (accountId || undefined) && v.locale === (locale || undefined) && v.messages === messages) return;
    this.#context.value = { client, endpoint: client.endpoint, accountId: accountId || undefined, locale: locale || undefined, messages };
  }

  /** The client every element inside uses (for `invalidate()` after a host-side change). */
  get sharedClient(): MonoDataClient | undefined {
    return this.#ownClient;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

/** Headers compared by content; ones `Headers` refuses (a bad name) fail each request as `config`, not here. */
function headersContent(headers: HeadersInit): unknown {
  try {
    return JSON.stringify([...new Headers(headers)]);
  } catch {
    return headers;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mono-provider': MonoProvider;
  }
}
