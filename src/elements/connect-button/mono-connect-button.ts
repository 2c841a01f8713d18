import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { InitiateRequest, MonoClient } from '../../client/client.js';
import { MonoError, toMonoError } from '../../client/errors.js';
import type { ConnectMode, MonoEventDetails, MonoEventName } from '../../core/events.js';
import { MonoDataElement } from '../../core/mono-element.js';
import { describeError } from '../../core/resource-controller.js';
import { stateStyles, tokens } from '../../core/tokens.js';
import { msg } from '../../i18n/index.js';
import { LinkPrefetch } from '../../connect/prefetch.js';
import { classicWidgetUrl, newReference, parseWidgetOrigins, type ClassicWidgetOptions } from '../../connect/protocol.js';
import { claimRedirect, forgetConnect, handOffRedirect, readRedirectResult, rememberConnect, stripRedirectParams } from '../../connect/redirect.js';
import { lockPageScroll } from '../../connect/scroll-lock.js';
import { ConnectSession, type CloseReason } from '../../connect/session.js';
import { openPopup, type PopupSurface, type WidgetSurface } from '../../connect/surface.js';
import { connectButtonStyles } from './mono-connect-button.styles.js';

/** What a host may pass to initiate about its customer (Mono's `customer` object). */
export interface ConnectCustomer {
  id?: string;
  name?: string;
  email?: string;
  identity?: { type: string; number: string };
}

type Phase = 'idle' | 'loading' | 'ready' | 'finishing' | 'popup' | 'redirecting';

type Plan =
  | { kind: 'hosted'; key: string; body: Omit<InitiateRequest, 'meta'> }
  | { kind: 'classic'; key: string; options: Omit<ClassicWidgetOptions, 'reference'> };

/** How long after a close pointer-enter and focus start no new link. */
const QUIET_AFTER_CLOSE_MS = 500;

const clientIds = new WeakMap<MonoClient, number>();
let nextClientId = 1;
const clientId = (client: MonoClient) => {
  let id = clientIds.get(client);
  if (id === undefined) clientIds.set(client, (id = nextClientId++));
  return id;
};

/** The focused element, looking through shadow roots. */
function deepActiveElement(doc: Document = document): HTMLElement | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== doc.body ? active : null;
}

/**
 * Links a customer's bank account through Mono Connect, or re-authorises one (`reauth`). On click it asks
 * your backend to initiate a session with a fresh random reference (already on pointer-enter or focus, so
 * the widget shows at once), opens Mono's widget in a native modal dialog, a popup or a full-page
 * redirect, accepts widget messages only from an allowed origin, the exact window it opened and with its
 * reference, exchanges the code through your backend once, and reports the new account id.
 *
 * With `public-key` it opens Mono's classic widget (`https://connect.mono.co/?key=…`) as connect.js does,
 * with no initiate call; the code is still exchanged through your backend.
 *
 * @summary A button that links (or re-authorises) a bank account through Mono Connect.
 * @tag mono-connect-button
 * @slot - The button's label. Default "Link your bank account" ("Reconnect your bank account" with `reauth`).
 * @fires mono-open - The widget is opening (fired on click). detail: { mode, reference }
 * @fires mono-widget-event - A message from the widget, with Mono's event name (OPENED, LOADED, INSTITUTION_SELECTED, …, SUCCESS). detail: { type, data }
 * @fires mono-success - The account is linked and exchanged by your backend; once per link. detail: { accountId, reference }
 * @fires mono-close - The widget closed; exactly once per `mono-open`. detail: { reason: 'user' | 'success' | 'error' }
 * @fires mono-error - Initiate or exchange failed, the popup was blocked, the widget failed or the element is misconfigured. detail: { error } with `error.kind` `http`, `network`, `timeout`, `invalid-response`, `popup-blocked`, `widget` or `config`
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
export class MonoConnectButton extends MonoDataElement {
  static override styles = [tokens, stateStyles, connectButtonStyles];

  /** Re-authorise `account-id` (initiate with `scope: 'reauth'`) instead of linking a new account. */
  @property({ type: Boolean, reflect: true }) reauth = false;

  /** Where the widget opens: `modal` (default), `popup` or `redirect`. */
  @property({ reflect: true }) mode: ConnectMode = 'modal';

  /**
   * Origins the widget may post from, space-separated; `self` is the page's own origin (the sandbox).
   * Default: Mono's, `https://connect.mono.co https://link.mono.co`.
   */
  @property({ attribute: 'widget-origins' }) widgetOrigins?: string;

  /** Mono public key: open the classic widget directly, without asking your backend to initiate. */
  @property({ attribute: 'public-key' }) publicKey?: string;

  /** The customer, passed to initiate (your backend may also add it from its session). */
  @property({ attribute: false }) customer?: ConnectCustomer;

  /** Mono customer id for initiate (merged into `customer`). */
  @property({ attribute: 'customer-id' }) customerId?: string;

  /** Customer name for initiate (merged into `customer`). */
  @property({ attribute: 'customer-name' }) customerName?: string;

  /** Customer email for initiate (merged into `customer`). */
  @property({ attribute: 'customer-email' }) customerEmail?: string;

  /** Mono institution id to pre-select: the widget opens at that bank's login. */
  @property() institution?: string;

  /** With `institution`: `internet_banking` or `mobile_banking`. */
  @property({ attribute: 'auth-method' }) authMethod?: string;

  /** Turns the button off (nothing is initiated or opened). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Do not initiate on pointer-enter or focus (each initiate creates a Mono session). */
  @property({ type: Boolean, attribute: 'no-preinitiate' }) noPreinitiate = false;

  @state() private phase: Phase = 'idle';
  @state() private frameUrl?: string;
  @state() private notice?: { text: string; kind: 'info' | 'error' | 'success' };

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('iframe') private frame?: HTMLIFrameElement;
  @query('button[part~="button"]') private trigger?: HTMLButtonElement;

  private session?: ConnectSession;
  private popup?: PopupSurface;
  private readonly prefetch = new LinkPrefetch();
  private releaseScroll?: () => void;
  private returnFocusTo?: HTMLElement | null;
  private frameLoads = 0;
  private restoringFocus = false;
  /**
   * Until when pointer-enter and focus start no link: right after a close the pointer is usually over the
   * button again (the browser fires pointer-enter once the dialog is gone), which is no sign of intent.
   */
  private quietUntil = 0;

  /** Opens the widget, as a click does. Call it from a click handler in popup mode, or the browser blocks the window. */
  open(): void {
    if (this.disabled || !this.isConnected) return;
    if (this.session?.active) {
      this.popup?.focus();
      return;
    }
    const mode = this.resolvedMode;
    let plan: Plan;
    try {
      plan = this.plan(mode);
    } catch (e) {
      this.report(e);
      return;
    }
    this.notice = undefined;
    const prefetched = plan.kind === 'hosted' ? this.prefetch.take(plan.key) : undefined;
    this.prefetch.clear();
    const reference = prefetched?.reference ?? newReference();
    const stored = rememberConnect({ reference, mode, createdAt: Date.now(), owner: this.id || undefined });
    if (!stored && mode === 'redirect') {
      this.report(new MonoError('config', 'Redirect mode needs sessionStorage to verify the return; use modal or popup'));
      return;
    }

    // Popup: opened now, inside the click, or blockers refuse it.
    let popup: PopupSurface | null = null;
    if (mode === 'popup') {
      popup = openPopup(msg(this.resolvedLocale, 'connectOpening'));
      if (!popup) {
        forgetConnect(reference);
        this.report(new MonoError('popup-blocked', 'The browser blocked the Mono Connect window'));
        return;
      }
    }

    const url =
      plan.kind === 'classic'
        ? classicWidgetUrl({ ...plan.options, reference })
        : (prefetched?.url ?? this.initiate(plan.body, reference));
    const session = new ConnectSession({
      mode,
      reference,
      origins: this.origins,
      exchange: (code) => this.client.exchange(code).then((r) => r.accountId),
      emit: this.relay,
      onEnd: (reason) => this.ended(session, reason),
      onExchanging: () => {
        if (this.session === session) this.phase = 'finishing';
      },
    });
    this.session = session;

    if (popup) {
      this.popup = popup;
      session.attach(popup);
      popup.watchClosed(() => session.cancel('user'));
      this.phase = 'popup';
    } else if (mode === 'redirect') {
      session.attach(this.redirectSurface());
      this.phase = 'redirecting';
    } else {
      session.attach(this.modalSurface(session));
      if (this.dialog) this.showModal();
      else void this.updateComplete.then(() => this.session === session && this.showModal());
    }
    void session.start(url);
  }

  /** Closes the widget (`mono-close` with reason `user`). Ignored while the code is being exchanged. */
  close(): void {
    this.session?.cancel('user');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => {
      if (!this.isConnected) return;
      if (this.session?.active && this.session.mode === 'modal') this.showModal();
      else this.resumeRedirect();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.prefetch.clear();
    // Moved in the DOM (or a framework's double mount) keeps the session; removed for good ends it.
    if (this.session?.active) {
      const session = this.session;
      setTimeout(() => {
        if (!this.isConnected) session.cancel('user');
      });
    }
  }

  private get resolvedMode(): ConnectMode {
    return this.mode === 'popup' || this.mode === 'redirect' ? this.mode : 'modal';
  }

  private get origins(): string[] {
    return parseWidgetOrigins(this.widgetOrigins, window.location.origin);
  }

  private get resolvedCustomer(): ConnectCustomer | undefined {
    const customer: ConnectCustomer = { ...this.customer };
    if (this.customerId) customer.id = this.customerId;
    if (this.customerName) customer.name = this.customerName;
    if (this.customerEmail) customer.email = this.customerEmail;
    return Object.keys(customer).length > 0 ? customer : undefined;
  }

  /** What to open, checked before anything opens; throws a `config` error when the attributes do not add up. */
  private plan(mode: ConnectMode): Plan {
    const account = this.reauth ? this.resolvedAccountId : undefined;
    if (this.reauth && !account) throw new MonoError('config', 'reauth needs an account-id (on the button or its provider)');
    const institution = this.institution ? { id: this.institution, ...(this.authMethod ? { auth_method: this.authMethod } : {}) } : undefined;
    const customer = this.resolvedCustomer;
    if (this.publicKey) {
      if (mode === 'redirect') throw new MonoError('config', 'public-key opens the classic widget, which cannot redirect: use modal or popup');
      const options = { key: this.publicKey, account, institution: account ? undefined : institution, customerId: customer?.id, referrer: window.location.origin };
      return { kind: 'classic', key: JSON.stringify(options), options };
    }
    const body: Omit<InitiateRequest, 'meta'> = account
      ? { scope: 'reauth', account }
      : { scope: 'auth', ...(institution ? { institution } : {}), ...(customer ? { customer: customer as InitiateRequest['customer'] } : {}) };
    return { kind: 'hosted', key: JSON.stringify([clientId(this.client), body]), body };
  }

  private initiate(body: Omit<InitiateRequest, 'meta'>, reference: string): Promise<string> {
    return this.client.initiate({ ...body, meta: { ref: reference } }).then((initiation) => {
      if (initiation.reference && initiation.reference !== reference) {
        throw new MonoError('config', 'The backend answered initiate with another meta.ref; it must pass the reference through');
      }
      return initiation.monoUrl;
    });
  }

  /** Pointer-enter or focus: initiate now, so that the click only has to show the widget. */
  private warm = (): void => {
    if (this.noPreinitiate || this.restoringFocus || this.disabled || this.session?.active || !this.isConnected) return;
    if (performance.now() < this.quietUntil) return;
    let plan: Plan;
    try {
      plan = this.plan(this.resolvedMode);
    } catch {
      return; // reported on click
    }
    if (plan.kind !== 'hosted') return;
    const { body } = plan;
    this.prefetch.warm(plan.key, newReference(), (reference) => this.initiate(body, reference));
  };

  /** Session events go out as they are; errors also show under the button. */
  private relay = <K extends MonoEventName>(type: K, detail: MonoEventDetails[K]): void => {
    if (type === 'mono-error') this.showError((detail as MonoEventDetails['mono-error']).error);
    this.emit(type, detail);
  };

  private report(e: unknown): void {
    const error = toMonoError(e);
    this.showError(error);
    this.emit('mono-error', { error });
  }

  private showError(error: MonoError): void {
    const locale = this.resolvedLocale;
    const text =
      error.kind === 'popup-blocked'
        ? msg(locale, 'connectPopupBlocked')
        : error.kind === 'widget'
          ? msg(locale, 'connectWidgetError')
          : describeError(error, locale);
    this.notice = { text, kind: 'error' };
  }

  private ended(session: ConnectSession, reason: CloseReason): void {
    if (this.session !== session) return;
    this.quietUntil = performance.now() + QUIET_AFTER_CLOSE_MS;
    const wasModal = session.mode === 'modal';
    this.session = undefined;
    this.popup = undefined;
    this.phase = 'idle';
    this.frameUrl = undefined;
    if (reason === 'success') this.notice = { text: msg(this.resolvedLocale, 'connectLinked'), kind: 'success' };
    if (wasModal) this.hideModal();
  }

  private modalSurface(session: ConnectSession): WidgetSurface {
    return {
      window: () => this.frame?.contentWindow ?? null,
      show: (url) => {
        if (this.session !== session) return;
        this.frameLoads = 0;
        this.frameUrl = url;
        this.phase = 'loading';
      },
      finishing: () => {
        // The widget is done: remove it, so nothing more can arrive from it while the code is exchanged.
        this.frameUrl = undefined;
        this.phase = 'finishing';
      },
      dispose: () => {
        this.frameUrl = undefined;
      },
    };
  }

  /** Leaves the page for the widget (redirect mode). */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  private redirectSurface(): WidgetSurface {
    return {
      window: () => null,
      show: (url) => this.navigate(url),
      finishing: () => {},
      dispose: () => {},
    };
  }

  private showModal(): void {
    const dialog = this.dialog;
    if (!dialog || !this.isConnected) return;
    if (dialog.open && dialog.matches(':modal')) return;
    if (this.phase === 'idle') this.phase = 'loading';
    this.returnFocusTo ??= deepActiveElement() ?? this.trigger ?? null;
    // Re-inserted while open (a framework's double mount): the dialog kept `open` but left the top layer.
    if (dialog.open) dialog.close();
    dialog.showModal();
    this.releaseScroll ??= lockPageScroll();
  }

  private hideModal(): void {
    // Focus coming back after a close (the dialog's own restore, or ours) is not a sign of intent: no new link for it.
    this.restoringFocus = true;
    try {
      this.dialog?.close();
      this.releaseScroll?.();
      this.releaseScroll = undefined;
      const target = this.returnFocusTo?.isConnected ? this.returnFocusTo : this.trigger;
      this.returnFocusTo = undefined;
      target?.focus();
    } finally {
      this.restoringFocus = false;
    }
  }

  /** Escape: close like the close button, except while the code is exchanged. */
  private onCancel = (event: Event): void => {
    event.preventDefault();
    this.session?.cancel('user');
  };

  /** The dialog closed some other way (the browser's own close request): end the session with it. */
  private onDialogClose = (): void => {
    if (this.dialog?.open) return;
    const session = this.session;
    if (session?.active && session.mode === 'modal') session.cancel('user');
  };

  private onFrameLoad = (): void => {
    if (!this.frameUrl) return;
    if (this.frameLoads++ === 0) this.relay('mono-widget-event', { type: 'LOADED', data: {} });
    this.phase = 'ready';
    // Keyboard users land in the widget, as connect.js does.
    this.frame?.focus();
  };

  /** After a full-page redirect: finish the flow this button started before the page left. */
  private resumeRedirect(): void {
    const result = readRedirectResult();
    if (!result || handOffRedirect() !== 'resume') return;
    const pending = claimRedirect(result.reference, this.id || undefined);
    if (!pending) return;
    stripRedirectParams();
    const session = new ConnectSession({
      mode: 'redirect',
      reference: result.reference,
      origins: [],
      announce: false,
      exchange: (code) => this.client.exchange(code).then((r) => r.accountId),
      emit: this.relay,
      onEnd: (reason) => this.ended(session, reason),
    });
    this.session = session;
    this.phase = 'finishing';
    session.resume(result);
  }

  protected override render() {
    const locale = this.resolvedLocale;
    const modal = this.session?.mode === 'modal';
    const busy = this.phase === 'redirecting' || (this.phase === 'finishing' && !modal);
    const label = msg(locale, this.reauth ? 'connectReauthLabel' : 'connectLabel');
    const title = msg(locale, this.reauth ? 'connectDialogReauthTitle' : 'connectDialogTitle');
    const dialogState = this.phase === 'ready' || this.phase === 'finishing' ? this.phase : 'loading';
    return html`
      <button
        part="button"
        class="button"
        type="button"
        ?disabled=${this.disabled || busy}
        aria-busy=${busy ? 'true' : nothing}
        aria-haspopup=${this.resolvedMode === 'modal' ? 'dialog' : nothing}
        @click=${this.open}
        @pointerenter=${this.warm}
        @focus=${this.warm}
      >
        <slot>${label}</slot>
      </button>
      <div part="status" class=${classMap({ status: true, [this.notice?.kind ?? 'none']: true })}>${this.renderStatus(locale, modal)}</div>
      <dialog part="dialog" aria-labelledby="dialog-title" data-state=${dialogState} @cancel=${this.onCancel} @close=${this.onDialogClose}>
        <div class="bar">
          <h2 id="dialog-title" part="dialog-title">${title}</h2>
          <button part="close" class="close" type="button" aria-label=${msg(locale, 'connectClose')} ?disabled=${this.phase === 'finishing'} @click=${this.close}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3 3l10 10M13 3L3 13" /></svg>
          </button>
        </div>
        <div class="body">
          ${this.phase === 'loading' || this.phase === 'finishing'
            ? html`<p class="progress"><span class="spinner" aria-hidden="true"></span>${msg(locale, this.phase === 'finishing' ? 'connectFinishing' : 'connectOpening')}</p>`
            : nothing}
          ${this.frameUrl
            ? html`<iframe
                part="frame"
                class=${this.phase === 'ready' ? '' : 'pending'}
                title=${msg(locale, 'connectFrameTitle')}
                src=${this.frameUrl}
                sandbox="allow-forms allow-scripts allow-same-origin allow-popups allow-top-navigation-by-user-activation"
                allow="clipboard-write; camera"
                referrerpolicy="origin"
                @load=${this.onFrameLoad}
              ></iframe>`
            : nothing}
        </div>
      </dialog>
    `;
  }

  private renderStatus(locale: string, modal: boolean) {
    let text: string | undefined = this.notice?.text;
    if (this.phase === 'popup') text = msg(locale, 'connectPopupWaiting');
    else if (this.phase === 'redirecting') text = msg(locale, 'connectRedirecting');
    else if (this.phase === 'finishing' && !modal) text = msg(locale, 'connectFinishing');
    return html`<span role="status">${text ?? ''}</span>${this.phase === 'popup'
        ? html`<button class="link" type="button" @click=${() => this.popup?.focus()}>${msg(locale, 'connectPopupShow')}</button>
            <button class="link" type="button" @click=${this.close}>${msg(locale, 'connectPopupCancel')}</button>`
        : nothing}`;
  }
}
