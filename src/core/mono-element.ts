import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MonoDataClient } from '../client/data-client.js';
import { sharedClient } from '../client/registry.js';
import { defineElement } from './define-element.js';
import { ContextConsumer, type MonoContextValue } from './context.js';
import type { MonoEventDetails, MonoEventName } from './events.js';
import { FocusKeeper } from './focus-keeper.js';
import { warmFormatsWhenIdle } from './format.js';
import { firstValidLocale, resolveLocale, watchLocale } from './locale.js';
import { textLanguage } from '../i18n/catalogue.js';
import type { Messages } from '../i18n/index.js';

export { firstValidLocale } from './locale.js';

const CONNECTION_CHANGE = ['online', 'offline'];

/**
 * Base of every element: a define that tolerates a second copy of the kit on the page, and a typed emit
 * (bubbling and composed, so hosts can listen on `document`).
 *
 * @cssprop --mono-color-scheme - `light` or `dark` forces a scheme, `light dark` follows the system; unset, the page's `color-scheme`.
 * @cssprop --mono-sys-surface - Card background.
 * @cssprop --mono-sys-surface-alt - Muted background (headers, loading boxes).
 * @cssprop --mono-sys-text - Body text.
 * @cssprop --mono-sys-text-muted - Secondary text.
 * @cssprop --mono-sys-border - Lines and borders.
 * @cssprop --mono-sys-control-border - Borders of fields and pickers (keep 3:1 on the surface).
 * @cssprop --mono-sys-focus-ring - The focus box-shadow.
 * @cssprop --mono-sys-color-accent - Buttons, links and highlights.
 * @cssprop --mono-sys-color-on-accent - Text on the accent.
 * @cssprop --mono-sys-color-positive - Credits and gains.
 * @cssprop --mono-sys-color-negative - Debits, losses and errors.
 * @cssprop --mono-sys-color-warning - Pending and partial states.
 * @cssprop --mono-sys-radius - Corner radius.
 * @cssprop --mono-sys-space - Base spacing unit.
 * @cssprop --mono-sys-font - Font family.
 */
export class MonoElement extends LitElement {
  /**
   * Registers the class under `tag` unless that tag is taken; under a second tag (a prefix chosen by the host) it
   * registers a subclass. `registry` may be a scoped `new CustomElementRegistry()` where the browser has them.
   */
  static define(tag: string, registry?: CustomElementRegistry): void {
    defineElement(this, tag, registry);
    warmFormatsWhenIdle(() => [firstValidLocale(document.documentElement?.lang), 'en-NG']);
  }

  constructor() {
    super();
    let unwatch: (() => void) | undefined;
    const update = () => this.requestUpdate();
    this.addController({
      hostConnected: () => {
        unwatch = watchLocale(update);
        // Words change with the connection too ("You are offline.").
        for (const type of CONNECTION_CHANGE) addEventListener(type, update);
      },
      hostDisconnected: () => {
        unwatch?.();
        for (const type of CONNECTION_CHANGE) removeEventListener(type, update);
      },
      hostUpdate: () => {
        const locale = (this as { resolvedLocale?: string }).resolvedLocale;
        if (locale) (this.renderRoot as HTMLElement).lang = textLanguage(locale);
      },
    });
  }

  /**
   * Renders into a box that carries the language of the element's words (a catalogue's, or the built-in English),
   * which need not be the page's: screen readers then read them with the right voice. What the page slots in
   * keeps the page's language.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // The provider has no words, and must take no box of its own.
    if (!('resolvedLocale' in this)) return super.createRenderRoot();
    const words = document.createElement('div');
    words.className = 'words';
    (super.createRenderRoot() as ShadowRoot).append(words);
    // Lit renders before the shadow root's first child, a <style> where stylesheets cannot be adopted (jsdom).
    this.renderOptions.renderBefore = null;
    return words;
  }

  /** Forces the light or dark colours; without it they follow the page's `color-scheme` (light unless it declares `light dark`) or the `mono-theme-*` class of an ancestor. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | undefined;

  /** @internal Dispatches a `mono-*` event, bubbling and composed: the kit's own (hosts listen, they do not emit). */
  emit<K extends MonoEventName>(type: K, detail: MonoEventDetails[K]): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

/**
 * Base of the data elements: `endpoint`, `account-id` and `locale`, each falling back to the nearest
 * `<mono-provider>` (own attributes win), and the client to load through.
 */
export class MonoDataElement extends MonoElement {
  /** Base URL of the host backend. Default: the provider's, else `/api/mono`. */
  @property() endpoint?: string | undefined;

  /** The Mono account id to show. Default: the provider's. */
  @property({ attribute: 'account-id' }) accountId?: string | undefined;

  /** BCP 47 locale for numbers and dates. Default: the provider's, else the nearest `lang` (through shadow roots), else `en-NG`. */
  @property() locale?: string | undefined;

  /** What the nearest `<mono-provider>` shares (client, endpoint, account, locale, messages). */
  @state() protected provided?: MonoContextValue;

  constructor() {
    super();
    new ContextConsumer(this, (value) => (this.provided = value));
    new FocusKeeper(this, () => this.focusFallback());
  }

  /**
   * Where focus goes when a render removes the control that had it: Try again if the load failed again,
   * else the start of what is shown now.
   */
  protected focusFallback(): HTMLElement | null {
    const root = this.renderRoot as ParentNode;
    return root.querySelector<HTMLElement>('[part~=retry-button]') ?? root.querySelector<HTMLElement>('[part]:not([part=updating])');
  }

  get client(): MonoDataClient {
    const provided = this.provided;
    if (provided && (!this.endpoint || this.endpoint === provided.endpoint)) return provided.client;
    return sharedClient(this.endpoint || provided?.endpoint || undefined);
  }

  get resolvedAccountId(): string | undefined {
    return this.accountId || this.provided?.accountId || undefined;
  }

  /** Your own wording for any message key (wins over the provider's `messages` and the catalogues). */
  @property({ attribute: false }) messages?: Partial<Messages> | undefined;

  /** The locale to format and translate with: its own `locale`, the provider's, the nearest `lang`, then `en-NG`. */
  get resolvedLocale(): string {
    return resolveLocale(this, this, this.provided);
  }
}
