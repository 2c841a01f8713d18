// No Lit here, on purpose: the button alone must load at most 10 kB gzip up front with everything it needs
// bundled (Mono's own connect.js is 16.6 kB), and Lit alone is 6 kB. So it is a plain custom element: its
// own shadow root built once and updated in place, a constructed stylesheet, attributes and properties from
// one table, and the context protocol (core/context.ts, shared with the Lit elements) to find its <mono-provider>. Up front
// it has what shows the button and opens the widget inside the click (no data model, only its own part of
// the English catalogue); what runs only after an answer (the client's transport and parsers, the message
// gate, the classic widget's URL, a redirect's return) loads once the page is idle, or on the first
// pointer-enter, focus or click if that comes first, alongside the initiate request.
import { sharedCoreClient } from '../../client/connect-client.js';
import type { InitiateRequest, MonoClientCore } from '../../client/core.js';
import { MonoError, toMonoError } from '../../client/errors.js';
import { ContextConsumer, type MonoContextValue } from '../../core/context.js';
import { describeErrorWith } from '../../core/describe-error.js';
import type { ConnectMode, MonoEventDetails, MonoEventName } from '../../core/events.js';
import { whenIdle } from '../../core/idle.js';
import { resolveLocale, watchLocale } from '../../core/locale.js';
import { defineElement } from '../../core/define-element.js';
import { CONTROLS_CSS, HOST_TOKENS_CSS } from '../../core/tokens-css.js';
import { textLanguage, translator } from '../../i18n/catalogue.js';
import { connectMessages } from '../../i18n/en-connect.js';
import { errorMessages } from '../../i18n/en-errors.js';
import type { Messages } from '../../i18n/en.js';
import type { LinkPrefetch, linkKey } from '../../connect/prefetch.js';
import type { ClassicWidgetOptions } from '../../connect/classic.js';
import { newReference, parseWidgetOrigins } from '../../connect/protocol.js';
import { canRememberConnect, mayBeRedirectReturn } from '../../connect/redirect-check.js';
import { lockPageScroll } from '../../connect/scroll-lock.js';
import { ConnectSession, loadWidgetSide, type CloseReason } from '../../connect/session.js';
import { openPopup, type PopupSurface, type WidgetSurface } from '../../connect/surface.js';
import { connectButtonCss } from './mono-connect-button.styles.js';

/** What a host may pass to initiate about its customer (Mono's `customer` object). */
export interface ConnectCustomer {
  id?: string;
  name?: string;
  email?: string;
  identity?: { type: string; number: string };
}

type Phase = 'idle' | 'loading' | 'ready' | 'finishing' | 'popup' | 'redirecting';

/** What the shadow DOM shows besides the properties. */
interface ViewState {
  phase: Phase;
  frameUrl?: string;
  /** Said in the locale of each render. */
  notice?: { text: (locale: string) => string; kind: 'info' | 'error' | 'success' };
}

type Plan =
  | { kind: 'hosted'; body: Omit<InitiateRequest, 'meta'> }
  | { kind: 'classic'; options: Omit<ClassicWidgetOptions, 'reference'> };

const REDIRECT_NEEDS_STORAGE = 'Redirect mode needs sessionStorage; use modal or popup';

/** How long after a close pointer-enter and focus start no new link. */
const QUIET_AFTER_CLOSE_MS = 500;

/** The button's messages: the host's catalogues and overrides first, then English (its own keys only). */
const text = translator({ ...errorMessages, ...connectMessages });

const warmUps = new Set<() => void>();

/**
 * Once the page has loaded and is idle: the code a click needs (no initiate, no connection to Mono), for every
 * button's client, so that a tap or a key press with no pointer-enter before it does not wait for it on the
 * network. Skipped when the user asks to save data.
 */
function warmUpWhenIdle(prepareClient: () => void): void {
  if ((navigator as { connection?: { saveData?: boolean } }).connection?.saveData) return;
  if (warmUps.add(prepareClient).size > 1) return;
  const warm = () => {
    loadWidgetSide().catch(() => {}); // a failed load is reported by the session that needs it
    for (const prepare of warmUps) prepare();
    warmUps.clear();
  };
  if (document.readyState === 'complete') whenIdle(warm);
  else window.addEventListener('load', () => whenIdle(warm), { once: true });
}

/** The focused element, looking through shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/** An element with attributes and children (text is always set as text). */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name in attributes) node.setAttribute(name, attributes[name]);
  node.append(...children);
  return node;
}

const setAttr = (node: Element, name: string, value: string | null) => (value === null ? node.removeAttribute(name) : node.setAttribute(name, value));

/** Every public property: `b` boolean, `r` reflected, `-` no attribute; the attribute is its name in kebab case. */
const PROPERTIES: Record<string, string> = {
  reauth: 'br',
  mode: 'r',
  widgetOrigins: '',
  publicKey: '',
  customer: '-',
  customerId: '',
  customerName: '',
  customerEmail: '',
  institution: '',
  authMethod: '',
  disabled: 'br',
  noPreinitiate: 'b',
  endpoint: '',
  accountId: '',
  locale: '',
  theme: 'r',
  messages: '-',
};

const attributeOf = (property: string) => property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

let sheet: CSSStyleSheet | undefined;

/**
 * The styles, as one constructed stylesheet shared by every button (a strict CSP allows it): every browser with
 * `light-dark()`, which the tokens need, has them. jsdom (hosts' unit tests) has none: the button works there unstyled.
 */
function adoptStyles(root: ShadowRoot): void {
  if (!root.adoptedStyleSheets) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(HOST_TOKENS_CSS + CONTROLS_CSS + connectButtonCss);
  }
  root.adoptedStyleSheets = [sheet];
}

/** Node (server rendering) has no HTMLElement: importing the module must still work there. */
const BaseElement = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * Links a customer's bank account through Mono Connect, or re-authorises one (`reauth`). On click it asks
 * your backend to initiate a session with a fresh random reference (already on pointer-enter or focus, so
 * the widget shows at once), opens Mono's widget in a native modal dialog, a popup or a full-page
 * redirect, accepts widget messages only from an allowed origin, the exact window it opened and with its
 * reference, exchanges the code (or, when a hosted link returns without one, the reference) through your
 * backend once, and reports the new account id.
 *
 * With `public-key` it opens Mono's classic widget (`https://connect.mono.co/?key=…`) as connect.js does,
 * with no initiate call; the code is still exchanged through your backend.
 *
 * @summary A button that links (or re-authorises) a bank account through Mono Connect.
 * @tag mono-connect-button
 * @slot - The button's label. Default "Link your bank account" ("Reconnect your bank account" with `reauth`).
 * @fires {CustomEvent<MonoEventDetails['mono-open']>} mono-open - The widget is opening (fired on click). detail: { mode, reference }
 * @fires {CustomEvent<MonoEventDetails['mono-widget-event']>} mono-widget-event - A message from the widget, with Mono's event name (OPENED, LOADED, INSTITUTION_SELECTED, …, SUCCESS). detail: { type, data }
 * @fires {CustomEvent<MonoEventDetails['mono-success']>} mono-success - The account is linked and exchanged by your backend; once per link. detail: { accountId, reference }
 * @fires {CustomEvent<MonoEventDetails['mono-close']>} mono-close - The widget closed; exactly once per `mono-open`. detail: { reason: 'user' | 'success' | 'error' }
 * @fires {CustomEvent<MonoEventDetails['mono-error']>} mono-error - Initiate or exchange failed, the popup was blocked, the widget failed or the element is misconfigured. detail: { error } with `error.kind` `http`, `network`, `timeout`, `invalid-response`, `popup-blocked`, `widget` or `config`
 * @csspart button - The button.
 * @csspart status - The line under the button: popup and redirect progress, errors, success.
 * @csspart dialog - The modal `<dialog>` (its `data-state` is `loading`, `ready` or `finishing`).
 * @csspart dialog-title - The dialog's heading.
 * @csspart close - The dialog's close button.
 * @csspart frame - The widget `<iframe>`.
 * @cssprop --mono-connect-dialog-width - Width of the modal (default 26rem, never wider than the viewport).
 * @cssprop --mono-connect-dialog-height - Height of the modal (default 42rem, never taller than the viewport).
 * @cssprop --mono-connect-backdrop - The modal's backdrop (default rgb(0 0 0 / 0.6)).
 */
export class MonoConnectButton extends BaseElement {
  /**
   * Registers the class under `tag` unless that tag is taken; under a second tag (a prefix chosen by the host) it
   * registers a subclass. `registry` may be a scoped `new CustomElementRegistry()` where the browser has them.
   */
  static define(tag: string, registry?: CustomElementRegistry): void {
    defineElement(this, tag, registry);
  }

  static readonly observedAttributes = Object.keys(PROPERTIES)
    .filter((property) => PROPERTIES[property] !== '-')
    .map(attributeOf);

  static {
    for (const property in PROPERTIES) {
      Object.defineProperty(this.prototype, property, {
        configurable: true,
        get(this: MonoConnectButton) {
          // Read on the prototype itself (by tools), there is no value.
          return #values in this ? this.#values[property] : undefined;
        },
        set(this: MonoConnectButton, value: unknown) {
          this.#values[property] = value;
          if (PROPERTIES[property].includes('r')) this.#reflect(property);
          this.requestUpdate();
        },
      });
    }
  }

  /**
   * Re-authorise `account-id` (initiate with `scope: 'reauth'`) instead of linking a new account.
   * @attr reauth
   * @reflect
   * @default false
   */
  declare reauth: boolean;

  /**
   * Where the widget opens: `modal` (default), `popup` or `redirect`.
   * @attr mode
   * @reflect
   * @default 'modal'
   */
  declare mode: ConnectMode;

  /**
   * Origins the widget may post from, space-separated; `self` is the page's own origin (the sandbox).
   * Default: Mono's, `https://connect.mono.co https://link.mono.co`.
   * @attr widget-origins
   */
  declare widgetOrigins?: string | undefined;

  /**
   * Mono public key: open the classic widget directly (in the modal only), without asking your backend to initiate.
   * @attr public-key
   */
  declare publicKey?: string | undefined;

  /** The customer, passed to initiate (your backend may also add it from its session). */
  declare customer?: ConnectCustomer | undefined;

  /**
   * Mono customer id for initiate (merged into `customer`).
   * @attr customer-id
   */
  declare customerId?: string | undefined;

  /**
   * Customer name for initiate (merged into `customer`).
   * @attr customer-name
   */
  declare customerName?: string | undefined;

  /**
   * Customer email for initiate (merged into `customer`).
   * @attr customer-email
   */
  declare customerEmail?: string | undefined;

  /**
   * Mono institution id to pre-select: the widget opens at that bank's login.
   * @attr institution
   */
  declare institution?: string | undefined;

  /**
   * With `institution`: `internet_banking` or `mobile_banking`.
   * @attr auth-method
   */
  declare authMethod?: string | undefined;

  /**
   * Turns the button off (nothing is initiated or opened).
   * @attr disabled
   * @reflect
   * @default false
   */
  declare disabled: boolean;

  /**
   * Do not initiate on pointer-enter or focus (each initiate creates a Mono session); the code a click
   * needs still loads then.
   * @attr no-preinitiate
   * @default false
   */
  declare noPreinitiate: boolean;

  /**
   * Base URL of the host backend. Default: the provider's, else `/api/mono`.
   * @attr endpoint
   */
  declare endpoint?: string | undefined;

  /**
   * The account to re-authorise with `reauth`. Default: the provider's.
   * @attr account-id
   */
  declare accountId?: string | undefined;

  /**
   * BCP 47 locale of the button's text. Default: the provider's, else the nearest `lang` (through shadow roots), else `en-NG`.
   * @attr locale
   */
  declare locale?: string | undefined;

  /**
   * Forces the light or dark colours; without it they follow the page's `color-scheme` (light unless it declares `light dark`) or the `mono-theme-*` class of an ancestor.
   * @attr theme
   * @reflect
   */
  declare theme?: 'light' | 'dark' | undefined;

  /** Your own wording for any message key (wins over the provider's `messages` and the catalogues). */
  declare messages?: Partial<Messages> | undefined;

  /** What the nearest `<mono-provider>` shares (client, endpoint, account, locale, messages). */
  protected provided?: MonoContextValue;

  // `#` members: private, and the minifier shortens their names (this element counts its bytes).
  #values: Record<string, unknown> = { reauth: false, mode: 'modal', disabled: false, noPreinitiate: false };
  #reflecting = false;
  #reflectedOnce = false;
  #pending?: Promise<boolean>;
  #unwatchLocale?: () => void;
  /** The nearest provider's value arrives in `provided`, and again whenever it changes. */
  #context = new ContextConsumer(this, (value) => {
    this.provided = value;
    this.requestUpdate();
  });

  #state: ViewState = { phase: 'idle' };
  #session?: ConnectSession;
  /** The reference of a link the host could not confirm yet: the next press claims it again instead of starting another. */
  #unconfirmed?: string | undefined;
  #popup?: PopupSurface;
  /** The link initiated ahead of a click, and how links are keyed (loaded on the first pointer-enter or focus). */
  #prefetch?: { links: LinkPrefetch; key: typeof linkKey };
  #releaseScroll?: () => void;
  #returnFocusTo?: HTMLElement | null;
  #frameLoads = 0;
  #restoringFocus = false;
  /**
   * Until when pointer-enter and focus start no link: right after a close the pointer is usually over the
   * button again (the browser fires pointer-enter once the dialog is gone), which is no sign of intent.
   */
  #quietUntil = 0;

  #words: HTMLDivElement;
  #trigger: HTMLButtonElement;
  #label = new Text();
  #status: HTMLDivElement;
  #statusText: HTMLSpanElement;
  #popupLinks?: HTMLButtonElement[];
  /** Cancels the open session's initiate request while it runs. */
  #initiating?: AbortController;
  #dialog: HTMLDialogElement;
  #dialogTitle: HTMLHeadingElement;
  #closeButton: HTMLButtonElement;
  #body: HTMLDivElement;
  #progressText = new Text();
  #progress: HTMLParagraphElement;
  #frame?: HTMLIFrameElement;

  constructor() {
    super();
    // Properties set before the element was upgraded (a framework's, or a script's) move behind the accessors.
    const own = this as unknown as Record<string, unknown>;
    for (const property in PROPERTIES) {
      if (Object.hasOwn(this, property)) {
        this.#values[property] = own[property];
        delete own[property];
      }
    }
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);

    // addEventListener, not `this.#trigger.onclick = …`: the manifest's analyzer would list onclick & co. as fields of the element.
    this.#trigger = h('button', { part: 'button', class: 'button', type: 'button', 'aria-describedby': 'status' }, h('slot', {}, this.#label));
    this.#trigger.addEventListener('click', () => this.open());
    this.#trigger.addEventListener('pointerenter', this.#warm);
    this.#trigger.addEventListener('focus', this.#warm);

    this.#statusText = h('span', { role: 'status', id: 'status' });
    this.#status = h('div', { part: 'status' }, this.#statusText);

    this.#closeButton = h('button', { part: 'close', class: 'close', type: 'button' }, '×');
    this.#closeButton.addEventListener('click', () => this.close());
    this.#dialogTitle = h('h2', { id: 'dialog-title', part: 'dialog-title' });
    // Focused while the code is exchanged (the widget's frame, which had focus, is gone): read out, and focus stays in the dialog.
    this.#progress = h('p', { class: 'progress', tabindex: '-1' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), this.#progressText);
    this.#body = h('div', { class: 'body' });
    this.#dialog = h('dialog', { part: 'dialog', 'aria-labelledby': 'dialog-title' }, h('div', { class: 'bar' }, this.#dialogTitle, this.#closeButton), this.#body);
    this.#dialog.addEventListener('cancel', this.#onCancel);
    this.#dialog.addEventListener('close', this.#onDialogClose);

    // The words' language, as in the Lit elements (mono-element.ts); the slotted label keeps the page's.
    root.append((this.#words = h('div', { class: 'words' }, this.#trigger, this.#status, this.#dialog)));
  }

  /** Resolves once the shadow DOM shows the current state (after property changes, as Lit's does). */
  get updateComplete(): Promise<boolean> {
    return this.#pending ?? Promise.resolve(true);
  }

  /** Schedules one update of the shadow DOM (changes in one task are batched). */
  requestUpdate(): void {
    this.#pending ??= Promise.resolve().then(() => {
      this.#pending = undefined;
      this.#update();
      return true;
    });
  }

  /** @internal Dispatches a `mono-*` event, bubbling and composed: the kit's own (hosts listen, they do not emit). */
  emit<K extends MonoEventName>(type: K, detail: MonoEventDetails[K]): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** The client to initiate and exchange through: the provider's, else one shared per endpoint. */
  get client(): MonoClientCore {
    const provided = this.provided;
    if (provided && (!this.endpoint || this.endpoint === provided.endpoint)) return provided.client;
    return sharedCoreClient(this.endpoint || provided?.endpoint || undefined);
  }

  get resolvedAccountId(): string | undefined {
    return this.accountId || this.provided?.accountId || undefined;
  }

  /** The locale to translate with: its own `locale`, the provider's, the nearest `lang`, then `en-NG`. */
  get resolvedLocale(): string {
    return resolveLocale(this, this, this.provided);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (this.#reflecting) return;
    const property = name.replace(/-(.)/g, (_, c: string) => c.toUpperCase());
    this.#values[property] = PROPERTIES[property].includes('b') ? value !== null : value;
    this.requestUpdate();
  }

  /** Opens the widget, as a click does. Call it from a click handler in popup mode, or the browser blocks the window. */
  open(): void {
    if (this.disabled || !this.isConnected) return;
    if (this.#session?.active) {
      this.#popup?.focus();
      return;
    }
    const mode = this.#mode;
    const unconfirmed = this.#unconfirmed;
    if (unconfirmed) {
      this.#unconfirmed = undefined;
      this.#startSession(mode, unconfirmed).claimAgain();
      return;
    }
    let plan: Plan;
    try {
      plan = this.#plan(mode);
    } catch (e) {
      this.#report(e);
      return;
    }
    this.#set({ notice: undefined });
    const prefetched = plan.kind === 'hosted' ? this.#prefetch?.links.take(this.#prefetch.key(this.client, plan.body)) : undefined;
    this.#prefetch?.links.clear();
    const reference = prefetched?.reference ?? newReference();
    if (mode === 'redirect' && !canRememberConnect()) {
      this.#report(new MonoError('config', REDIRECT_NEEDS_STORAGE));
      return;
    }

    // Popup: opened now, inside the click, or blockers refuse it.
    let popup: PopupSurface | null = null;
    if (mode === 'popup') {
      popup = openPopup(text(this.resolvedLocale, 'connectOpening'), this.#words.lang);
      if (!popup) {
        this.#report(new MonoError('popup-blocked', 'The browser blocked the Mono Connect window'));
        return;
      }
    }

    let url: Promise<string>;
    if (plan.kind === 'hosted') {
      const abort = (this.#initiating = prefetched?.abort ?? new AbortController());
      url = prefetched?.url ?? this.#initiate(plan.body, reference, abort.signal);
    }
    else {
      const { options } = plan;
      // The classic widget's URL builder loads only for buttons that use it.
      url = import('../../connect/classic.js').then((m) => m.classicWidgetUrl({ ...options, reference }));
    }
    const session = this.#startSession(mode, reference);
    if (popup) {
      this.#popup = popup;
      session.attach(popup);
      popup.watchClosed(() => session.cancel());
      this.#set({ phase: 'popup' });
    } else if (mode === 'redirect') {
      session.attach(this.#redirectSurface(session));
      this.#set({ phase: 'redirecting' });
    } else {
      session.attach(this.#modalSurface(session));
      this.#showModal();
    }
    void session.start(url);
  }

  #startSession(mode: ConnectMode, reference: string, announce?: boolean): ConnectSession {
    const session: ConnectSession = new ConnectSession({
      mode,
      reference,
      owner: this.id || undefined,
      origins: this.#origins,
      announce,
      exchange: (proof) => this.client.exchange(proof).then((r) => r.accountId),
      emit: this.#relay,
      onEnd: (reason) => this.#ended(session, reason),
      onExchanging: () => {
        if (this.#session === session) this.#set({ phase: 'finishing' });
      },
    });
    return (this.#session = session);
  }

  /** Closes the widget (`mono-close` with reason `user`). Ignored while the code is being exchanged. */
  close(): void {
    this.#session?.cancel();
  }

  connectedCallback(): void {
    if (!this.#reflectedOnce) {
      // Values set before the upgrade become attributes, as Lit does on the first update; defaults do not (Lit's
      // `useDefault`): a framework hydrating server-rendered HTML finds the attributes it rendered, no more. The
      // other defaults (false, undefined) write nothing; the default mode would write mode="modal".
      this.#reflectedOnce = true;
      for (const property in PROPERTIES) if (PROPERTIES[property].includes('r') && this.#values[property] !== 'modal') this.#reflect(property);
    }
    this.#context.hostConnected();
    this.#unwatchLocale = watchLocale(() => this.requestUpdate());
    this.requestUpdate();
    warmUpWhenIdle(() => this.isConnected && this.client.prepare());
    void this.updateComplete.then(() => {
      if (!this.isConnected) return;
      if (this.#session?.active && this.#session.mode === 'modal') this.#showModal();
      else this.#resumeRedirect();
    });
  }

  disconnectedCallback(): void {
    this.#context.hostDisconnected();
    this.#unwatchLocale?.();
    this.#prefetch?.links.clear();
    // Moved in the DOM (or a framework's double mount) keeps the session; removed for good ends it, and its initiate
    // request: against a slow host it would hold one of the browser's few connections to it, and this element.
    const session = this.#session;
    const initiating = this.#initiating;
    if (session?.active) {
      setTimeout(() => {
        if (this.isConnected) return;
        session.cancel();
        initiating?.abort();
      });
    }
  }

  /** Leaves the page for the widget (redirect mode). */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  #reflect(property: string): void {
    const value = this.#values[property];
    const attribute = attributeOf(property);
    this.#reflecting = true;
    if (PROPERTIES[property].includes('b')) this.toggleAttribute(attribute, !!value);
    else setAttr(this, attribute, value === undefined || value === null ? null : String(value));
    this.#reflecting = false;
  }

  #set(state: Partial<ViewState>): void {
    this.#state = { ...this.#state, ...state };
    this.requestUpdate();
  }

  get #mode(): ConnectMode {
    return this.mode === 'popup' || this.mode === 'redirect' ? this.mode : 'modal';
  }

  get #origins(): string[] {
    return parseWidgetOrigins(this.widgetOrigins, window.location.origin);
  }

  /** What to open, checked before anything opens; throws a `config` error when the attributes do not add up. */
  #plan(mode: ConnectMode): Plan {
    const account = this.reauth ? this.resolvedAccountId : undefined;
    if (this.reauth && !account) throw new MonoError('config', 'reauth needs an account-id (on the button or its provider)');
    const institution = this.institution ? { id: this.institution, ...(this.authMethod ? { auth_method: this.authMethod } : {}) } : undefined;
    const customer: ConnectCustomer = { ...this.customer };
    if (this.customerId) customer.id = this.customerId;
    if (this.customerName) customer.name = this.customerName;
    if (this.customerEmail) customer.email = this.customerEmail;
    const hasCustomer = Object.keys(customer).length > 0;
    if (this.publicKey) {
      // The classic widget posts to its parent frame (connect.js frames it): from a popup or a page of its own, nothing would arrive.
      if (mode !== 'modal') throw new MonoError('config', 'public-key (the classic widget) works only in the modal');
      // Its v2 requires a customer, and no name or email goes in its URL: Mono's customer id, for a new link.
      if (!account && !customer.id) throw new MonoError('config', 'public-key needs customer-id');
      const options = { key: this.publicKey, account, institution: account ? undefined : institution, customerId: customer.id, referrer: window.location.origin };
      return { kind: 'classic', options };
    }
    const body: Omit<InitiateRequest, 'meta'> = account
      ? { scope: 'reauth', account }
      : { scope: 'auth', ...(institution ? { institution } : {}), ...(hasCustomer ? { customer: customer as InitiateRequest['customer'] } : {}) };
    return { kind: 'hosted', body };
  }

  #initiate(body: Omit<InitiateRequest, 'meta'>, reference: string, signal: AbortSignal): Promise<string> {
    // The client refuses an answer whose meta.ref is another reference (`invalid-response` at data.meta.ref).
    return this.client.initiate({ ...body, meta: { ref: reference } }, { signal }).then((initiation) => initiation.monoUrl);
  }

  /**
   * Pointer-enter or focus: initiate now, so that the click only has to show the widget (and load what
   * shows it, meanwhile).
   */
  #warm = (): void => {
    if (this.#restoringFocus || this.disabled || this.#session?.active || this.#unconfirmed || !this.isConnected) return;
    if (performance.now() < this.#quietUntil) return;
    // The code a click needs loads on any sign of intent; `no-preinitiate` only keeps the initiate for the click.
    loadWidgetSide().then((widget) => widget.preconnect(this.#origins), () => {}); // a failed load is reported by the session that needs it
    this.client.prepare();
    if (this.noPreinitiate) return;
    void import('../../connect/prefetch.js').then((m) => {
      let plan: Plan;
      try {
        plan = this.#plan(this.#mode);
      } catch {
        return; // reported on click
      }
      // A click may have come first, and initiated on its own.
      if (plan.kind !== 'hosted' || this.#session?.active || !this.isConnected) return;
      const { body } = plan;
      this.#prefetch ??= { links: new m.LinkPrefetch(), key: m.linkKey };
      this.#prefetch.links.warm(m.linkKey(this.client, body), newReference(), (reference, signal) => this.#initiate(body, reference, signal));
    }).catch(() => {}); // a head start only: offline, the click initiates (and says why it cannot)
  };

  /** Session events go out as they are; errors also show under the button. */
  #relay = <K extends MonoEventName>(type: K, detail: MonoEventDetails[K]): void => {
    if (type === 'mono-error') this.#showError((detail as MonoEventDetails['mono-error']).error);
    this.emit(type, detail);
  };

  #report(e: unknown): void {
    this.#relay('mono-error', { error: toMonoError(e) });
  }

  #showError(error: MonoError): void {
    const own = ({ 'popup-blocked': 'connectPopupBlocked', widget: 'connectWidgetError' } as const)[error.kind as 'widget'];
    this.#set({ notice: { text: (locale) => (own ? text(locale, own) : describeErrorWith(error, (key, params) => text(locale, key, params))), kind: 'error' } });
  }

  #ended(session: ConnectSession, reason: CloseReason): void {
    if (this.#session !== session) return;
    this.#unconfirmed = session.unconfirmed ? session.reference : undefined;
    this.#quietUntil = performance.now() + QUIET_AFTER_CLOSE_MS;
    this.#session = undefined;
    this.#popup = undefined;
    this.#set({ phase: 'idle', frameUrl: undefined });
    if (reason === 'success') this.#set({ notice: { text: (locale) => text(locale, 'connectLinked'), kind: 'success' } });
    if (session.mode === 'modal') this.#hideModal();
  }

  #modalSurface(session: ConnectSession): WidgetSurface {
    // The widget is done (`finishing`: the session's onExchanging shows the progress): remove it, so nothing more
    // can arrive from it while the code is exchanged.
    const removeFrame = () => this.#set({ frameUrl: undefined });
    return {
      window: () => this.#frame?.contentWindow ?? null,
      show: (url) => {
        if (this.#session !== session) return false;
        this.#frameLoads = 0;
        this.#set({ frameUrl: url, phase: 'loading' });
      },
      finishing: removeFrame,
      dispose: removeFrame,
    };
  }

  /**
   * Leaves the page for the widget, once the flow is remembered for the return (the only mode that needs
   * it: the page Mono sends back to must find the reference it verifies).
   */
  #redirectSurface(session: ConnectSession): WidgetSurface {
    return {
      window: () => null,
      show: (url) => {
        import('../../connect/redirect.js').then(
          (m) => {
            if (m.rememberConnect(session)) {
              // Back from the widget, the browser may restore this page from its back/forward cache as it left it:
              // disabled, "Taking you to Mono Connect…", for good. A new load shows a fresh button; so does a restore:
              // the flow ends there as the person's choice (mono-close, `user`) and, as after a new load, stays
              // remembered, so that a return from that widget (Forward) still finishes it.
              addEventListener('pageshow', (event) => event.persisted && session.cancel(true), { once: true });
              this.navigate(url);
            } else session.fail(new MonoError('config', REDIRECT_NEEDS_STORAGE));
          },
          (e) => session.fail(e),
        );
      },
    };
  }

  #showModal(): void {
    const dialog = this.#dialog;
    if (!this.isConnected) return;
    if (dialog.open && dialog.matches(':modal')) return;
    if (this.#state.phase === 'idle') this.#set({ phase: 'loading' });
    this.#returnFocusTo ??= deepActiveElement() ?? this.#trigger;
    // Re-inserted while open (a framework's double mount): the dialog kept `open` but left the top layer.
    if (dialog.open) dialog.close();
    dialog.showModal();
    this.#releaseScroll ??= lockPageScroll();
  }

  #hideModal(): void {
    // Focus coming back after a close (the dialog's own restore, or ours) is not a sign of intent: no new link for it.
    this.#restoringFocus = true;
    try {
      this.#dialog.close();
      this.#releaseScroll?.();
      this.#releaseScroll = undefined;
      const target = this.#returnFocusTo?.isConnected ? this.#returnFocusTo : this.#trigger;
      this.#returnFocusTo = undefined;
      target.focus();
    } finally {
      this.#restoringFocus = false;
    }
  }

  /** Escape: close like the close button, except while the code is exchanged. */
  #onCancel = (event: Event): void => {
    event.preventDefault();
    this.#session?.cancel();
  };

  /** The dialog closed some other way (the browser's own close request): end the session with it. */
  #onDialogClose = (): void => {
    if (this.#dialog.open) return;
    const session = this.#session;
    if (session?.active && session.mode === 'modal') session.cancel();
  };

  #onFrameLoad = (): void => {
    if (!this.#state.frameUrl) return;
    this.#set({ phase: 'ready' });
    // Keyboard users land in the widget, as connect.js does: shown first (not at the batched update), as a
    // hidden (pending) frame takes no focus.
    this.#update();
    this.#frame?.focus();
    // Last: a host may close on LOADED.
    if (this.#frameLoads++ === 0) this.#relay('mono-widget-event', { type: 'LOADED', data: {} });
  };

  /** After a full-page redirect: finish the flow this button started before the page left (that code loads only then). */
  #resumeRedirect(): void {
    if (!mayBeRedirectReturn()) return;
    void import('../../connect/redirect-return.js').then((m) => {
      const result = m.readRedirectResult();
      if (!result || !this.isConnected || this.#session?.active || m.handOffRedirect() !== 'resume') return;
      if (!m.claimRedirect(result.reference, this.id || undefined)) return;
      m.stripRedirectParams();
      this.#set({ phase: 'finishing' });
      this.#startSession('redirect', result.reference, false).resume(result);
    });
  }

  /** Brings the shadow DOM in line with the state; nodes are updated in place (the iframe is never moved or re-created while shown). */
  #update(): void {
    const locale = this.resolvedLocale;
    this.#words.lang = textLanguage(locale);
    const { phase, frameUrl, notice } = this.#state;
    // Finishing outside the dialog (a popup's, a redirect's, or a link claimed again) shows on the button.
    const finishingHere = phase === 'finishing' && !this.#dialog.open;
    const busy = phase === 'redirecting' || finishingHere;

    const trigger = this.#trigger;
    trigger.disabled = this.disabled || busy;
    trigger.ariaBusy = busy ? 'true' : null;
    trigger.ariaHasPopup = this.#mode === 'modal' ? 'dialog' : null;
    this.#label.data = text(locale, this.reauth ? 'connectReauthLabel' : 'connectLabel');

    this.#status.className = `status ${notice?.kind ?? 'none'}`;
    this.#statusText.textContent =
      phase === 'popup'
        ? text(locale, 'connectPopupWaiting')
        : phase === 'redirecting'
          ? text(locale, 'connectRedirecting')
          : finishingHere
            ? text(locale, 'connectFinishing')
            : (notice?.text(locale) ?? '');
    if (phase === 'popup') {
      this.#popupLinks ??= [h('button', { class: 'link', type: 'button' }), h('button', { class: 'link', type: 'button' })];
      const [show, cancel] = this.#popupLinks;
      show.onclick = () => this.#popup?.focus();
      cancel.onclick = () => this.close();
      show.textContent = text(locale, 'connectPopupShow');
      cancel.textContent = text(locale, 'connectPopupCancel');
      if (!show.isConnected) this.#status.append(show, cancel);
    } else {
      this.#popupLinks?.forEach((link) => link.remove());
    }

    this.#dialog.dataset.state = phase === 'ready' || phase === 'finishing' ? phase : 'loading';
    this.#dialogTitle.textContent = text(locale, this.reauth ? 'connectDialogReauthTitle' : 'connectDialogTitle');
    this.#closeButton.ariaLabel = text(locale, 'connectClose');
    this.#closeButton.disabled = phase === 'finishing';
    if (phase === 'loading' || phase === 'finishing') {
      this.#progressText.data = text(locale, phase === 'finishing' ? 'connectFinishing' : 'connectOpening');
      if (!this.#progress.isConnected) this.#body.prepend(this.#progress);
    } else {
      this.#progress.remove();
    }
    let frame = this.#frame;
    if (frameUrl) {
      if (!frame) {
        frame = this.#frame = h('iframe', {
          part: 'frame',
          sandbox: 'allow-forms allow-scripts allow-same-origin allow-popups allow-top-navigation-by-user-activation',
          allow: 'clipboard-write; camera',
          referrerpolicy: 'origin',
        });
        frame.onload = this.#onFrameLoad;
      }
      frame.className = phase === 'ready' ? '' : 'pending';
      frame.title = text(locale, 'connectFrameTitle');
      if (frame.getAttribute('src') !== frameUrl) frame.setAttribute('src', frameUrl);
      if (frame.parentNode !== this.#body) this.#body.append(frame);
    } else if (frame) {
      frame.remove();
      this.#frame = undefined;
    }
    if (phase === 'finishing' && this.#dialog.open) this.#progress.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mono-connect-button': MonoConnectButton;
  }
}
