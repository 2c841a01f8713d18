import { toMonoError } from '../client/errors.js';
import type { ConnectMode, MonoEventDetails, MonoEventName } from '../core/events.js';
import type { WidgetSurface } from './surface.js';

export type CloseReason = MonoEventDetails['mono-close']['reason'];

/** How a flow ended, as the redirect helper or the return URL reports it. */
export interface RedirectOutcome {
  code: string | null;
  status: string | null;
  reason: string | null;
}

export type SessionState = 'opening' | 'open' | 'exchanging' | 'ended';

export interface SessionOptions {
  mode: ConnectMode;
  reference: string;
  /** The `id` of the button that started it, when it has one: only that button resumes it after a page load. */
  owner?: string | undefined;
  /** Allowed widget origins (`widget-origins`). */
  origins: readonly string[];
  /** Exchanges a code (or, with none, the link's reference) through the host; resolves with the account id. */
  exchange: (proof: { code?: string | undefined; reference: string }) => Promise<string>;
  /** Dispatches a `mono-*` event (the element's `emit`). */
  emit: <K extends MonoEventName>(type: K, detail: MonoEventDetails[K]) => unknown;
  /** Called once, just before `mono-close`. */
  onEnd?: (reason: CloseReason) => void;
  /** Called when the widget reported success and the exchange starts. */
  onExchanging?: () => void;
  /** Fire `mono-open` (not when resuming after a full-page redirect: that open was fired before leaving). */
  announce?: boolean;
}

/** Codes this page already exchanged or is exchanging: one code, one exchange, whatever repeats it. */
const claimedCodes = new Set<string>();

/**
 * The widget side (URL check, message gate and parser), loaded when a session starts (or earlier, on a
 * sign of intent), in parallel with the host's initiate: a page that only shows the button never loads it.
 */
let widgetSide: Promise<typeof import('./widget-side.js')> | undefined;
export const loadWidgetSide = () =>
  (widgetSide ??= import('./widget-side.js').catch((e) => {
    widgetSide = undefined;
    throw e;
  }));
export type WidgetSide = Awaited<ReturnType<typeof loadWidgetSide>>;

/**
 * One opening of the widget, from `mono-open` to its single `mono-close`. Once the widget is shown it
 * listens for widget messages through the gate (origin, window, reference; widget-side.ts translates them
 * to `mono-widget-event`), exchanges the code exactly once, and guarantees at most one `mono-success` and
 * exactly one `mono-close`.
 */
export class ConnectSession {
  state: SessionState = 'opening';
  /** The host could not confirm the link yet (a 409 to the claim by reference): a later press may claim it again. */
  unconfirmed = false;
  readonly mode: ConnectMode;
  readonly reference: string;
  readonly owner: string | undefined;
  #surface?: WidgetSurface;
  #widget?: WidgetSide;
  readonly #options: SessionOptions;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.mode = options.mode;
    this.reference = options.reference;
    this.owner = options.owner;
    if (options.announce !== false) options.emit('mono-open', { mode: this.mode, reference: this.reference });
  }

  get active(): boolean {
    return this.state !== 'ended';
  }

  attach(surface: WidgetSurface): void {
    this.#surface = surface;
  }

  /**
   * Shows the widget once the host answers initiate (or at once for a ready URL). Widget messages are
   * listened to from then on: nothing can come from a widget that is not shown yet.
   */
  async start(url: Promise<string> | string): Promise<void> {
    try {
      const [raw, widget] = await Promise.all([url, loadWidgetSide()]);
      const checked = widget.checkWidgetUrl(raw, location.origin);
      if (this.state !== 'opening') return;
      // Not refused (Mono's link host may hand over to another allowed origin), but worth a word: nothing from this origin will count.
      if (this.mode !== 'redirect' && !this.#options.origins.includes(checked.origin)) widget.warnUnlistedOrigin(checked.origin, this.#options.origins);
      this.#widget = widget;
      window.addEventListener('message', this.#onMessage);
      this.state = 'open';
      if (this.#surface?.show(checked.href) !== false) widget.shown(this, this.#options.emit);
    } catch (e) {
      this.fail(e);
    }
  }

  /**
   * Closes on the person's request (reason `user`); refused (false) while the code is being exchanged. `keep`: a
   * redirect's flow stays remembered for a return to `redirect_url` (the page came back without it, see redirect.ts).
   */
  cancel(keep?: boolean): boolean {
    if (this.state === 'exchanging') return false;
    this.#end('user', keep);
    return this.state === 'ended';
  }

  /** Reports an error and closes. */
  fail(e: unknown): void {
    if (this.state === 'ended') return;
    const error = toMonoError(e);
    this.#options.emit('mono-error', { error });
    this.#end('error');
  }

  /**
   * Exchanges the code from the widget or the redirect, once; then `mono-success` and `mono-close`. Without a
   * code (Mono's hosted link promises none) the host is given the reference, and answers with the account its
   * `account_connected` webhook reported for it.
   */
  async complete(code: string | null): Promise<void> {
    const proof = code ?? this.reference;
    if (this.state !== 'open' || claimedCodes.has(proof)) return;
    claimedCodes.add(proof);
    this.state = 'exchanging';
    this.#surface?.finishing?.();
    this.#options.onExchanging?.();
    let accountId: string;
    try {
      accountId = await this.#options.exchange({ code: code || undefined, reference: this.reference });
    } catch (e) {
      this.unconfirmed = !code && toMonoError(e).status === 409;
      this.fail(e);
      return;
    }
    this.#options.emit('mono-success', { accountId, reference: this.reference });
    this.#end('success');
  }

  /** Claims a link the host could not confirm before (`unconfirmed`) again: on a person's press, never on its own. */
  claimAgain(): void {
    claimedCodes.delete(this.reference);
    this.state = 'open';
    void this.complete(null);
  }

  /** Picks up a flow that left the page for a full-page redirect and came back with these parameters. */
  resume(result: RedirectOutcome): void {
    if (this.state === 'opening') this.state = 'open';
    loadWidgetSide().then(
      (widget) => widget.finishRedirect(this, result),
      (e) => this.fail(e),
    );
  }

  #end(reason: CloseReason, keep?: boolean): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    window.removeEventListener('message', this.#onMessage);
    this.#surface?.dispose?.();
    // A redirect or a modal remembered its flow for a return to this page (redirect.ts, loaded then too).
    if (this.mode !== 'popup' && !keep) import('./redirect.js').then((m) => m.forgetConnect(this.reference), () => {});
    this.#options.onEnd?.(reason);
    this.#options.emit('mono-close', { reason });
  }

  #onMessage = (event: MessageEvent): void => {
    const widget = this.#widget;
    if (this.state === 'ended' || !widget) return;
    const verdict = widget.checkMessage(event, {
      origins: this.#options.origins,
      source: this.#surface?.window() ?? null,
      reference: this.reference,
      pageOrigin: location.origin,
    });
    if (verdict.accepted) widget.handleMessage(this, verdict.message, this.#options.emit);
  };
}
