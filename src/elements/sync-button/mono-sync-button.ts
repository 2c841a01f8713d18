import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { getJob, startSync } from '../../client/resources.js';
import { property, state } from 'lit/decorators.js';
import type { MonoDataClient } from '../../client/data-client.js';
import { MonoError, toMonoError } from '../../client/errors.js';
import { formatDate, formatNumber } from '../../core/format.js';
import { MonoDataElement } from '../../core/mono-element.js';
import { describeError } from '../../core/resource-controller.js';
import { stateStyles, tokens } from '../../core/tokens.js';
import { syncText as msg } from '../../i18n/en-sync.js';
import { pollWithBackoff } from '../../core/poll.js';
import { styles } from './mono-sync-button.styles.js';

type Phase = 'idle' | 'starting' | 'polling' | 'complete' | 'failed' | 'reauth';

const reauthRequired = () => new MonoError('reauth-required', 'The bank needs the account holder to sign in again');

/** A job the bank is still running; a later press on the same client and account follows it instead of starting another. */
interface PendingJob {
  jobId: string;
  hasNewData: boolean | null;
}

/** One press's refresh: what it shows is kept so that it can be shown again when its account is. */
interface Run {
  key: string;
  client: MonoDataClient;
  accountId: string;
  abort: AbortController;
  phase: Phase;
  status?: Words;
  alert?: Words;
}

/** A line's words, said in the locale of each render: a locale changed after the refresh ended changes them too. */
type Words = (locale: string) => string;
const say = (key: Parameters<typeof msg>[1], params?: Parameters<typeof msg>[2]): Words => (locale) => msg(locale, key, params);

/** When each account last started a refresh, by backend: Mono allows one per account per window. */
const lastRefresh = new Map<string, number>();
/**
 * Jobs whose end no button has seen (a time-out, a lost connection, a button removed meanwhile), by client and
 * account: the next press through that client, on any button, follows them instead of starting another refresh.
 * Weakly by client: a provider's client holds the provider, so a strong map kept every view left during a refresh.
 */
const pendingJobs = new WeakMap<MonoDataClient, Map<string, PendingJob>>();
function jobsOf(client: MonoDataClient): Map<string, PendingJob> {
  let jobs = pendingJobs.get(client);
  if (!jobs) pendingJobs.set(client, (jobs = new Map()));
  return jobs;
}
const refreshKey = (client: MonoDataClient, accountId: string) => `${client.endpoint} ${accountId}`;

/** What a `<mono-connect-button>` offers for the hand-off (it may not be defined yet: attributes work either way). */
interface ReauthTarget extends HTMLElement {
  open?: () => void;
}

/**
 * Refreshes an account's data from the bank on demand. A press asks your backend to start a real-time
 * sync (`POST /accounts/{id}/sync`, sent exactly once per press, never repeated on its own), follows
 * the job (`GET /accounts/{id}/jobs/{jobId}`, with backoff and a time limit) while showing progress,
 * then invalidates the shared client's cache for the account, so that every element showing it
 * re-fetches, once per resource. With `has_new_data: false` nothing is re-fetched.
 *
 * Mono allows one real-time refresh per account every 5 minutes: a press inside `cooldown` seconds of
 * the last refresh of the same account (by any sync button on the page) explains when it can run
 * again instead of calling the backend. After a time-out, the next press checks the same job again.
 *
 * When the bank needs the account holder to sign in again it fires `mono-reauth-required` and, when
 * `reauth-target` (or `connect`) names a `<mono-connect-button>` by id, sets that button's `account-id`
 * and `reauth` and calls its `open()` (in `modal` mode; a `popup` needs a fresh click).
 *
 * The button is `aria-disabled` (not `disabled`) while a refresh runs, so keyboard focus stays on it.
 *
 * @summary A button that refreshes an account from the bank and reloads every element showing it.
 * @tag mono-sync-button
 * @slot - The button's label. Default "Refresh data".
 * @fires {CustomEvent<MonoEventDetails['mono-sync']>} mono-sync - `{ status: 'started', accountId }` on a press that starts a refresh, then `{ status: 'complete', accountId, hasNewData }` or `{ status: 'failed', accountId }`.
 * @fires {CustomEvent<MonoEventDetails['mono-error']>} mono-error - The refresh could not start, its job could not be followed, it timed out or it needs reauthorisation: `{ error }` (not for a refresh the bank reported as failed: `mono-sync` says that).
 * @fires {CustomEvent<MonoEventDetails['mono-reauth-required']>} mono-reauth-required - The bank needs the account holder to sign in again: `{ accountId }`.
 * @csspart button - The button.
 * @csspart status - The progress and result line (a polite live region).
 * @csspart alert - Errors (an assertive live region).
 * @cssprop --mono-sync-button-gap - Space between the button and its status line (default 0.5rem).
 */
export class MonoSyncButton extends MonoDataElement {
  static override styles = [tokens, stateStyles, styles];

  /** Id of a `<mono-connect-button>` to open in reauth mode when the bank needs the holder to sign in again. */
  @property({ attribute: 'reauth-target' }) reauthTarget?: string | undefined;

  /** Same as `reauth-target` (its first name, still accepted). */
  @property() connect?: string | undefined;

  /** Seconds between refreshes of one account (Mono's real-time window). Default 300; 0 turns the check off. */
  @property({ type: Number }) cooldown = 300;

  /** First wait between job polls, in ms (then ×1.5 each time, at most 15 s). */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 1_500;

  /** How long to follow a job before giving up, in ms. */
  @property({ attribute: 'poll-timeout', type: Number }) pollTimeout = 120_000;

  /** Turns the button off (no sync can start). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private phase: Phase = 'idle';
  @state() private status?: Words;
  @state() private alert?: Words;

  /** Refreshes under way, by account. Only the one of the account shown drives the button and its lines. */
  readonly #runs = new Map<string, Run>();
  #shown?: string | undefined;

  /** Whether a refresh of the account shown is running. */
  get running(): boolean {
    return this.phase === 'starting' || this.phase === 'polling';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move in the DOM reconnects at once: only a real removal stops what the press started.
    setTimeout(() => {
      if (!this.isConnected) for (const run of this.#runs.values()) run.abort.abort();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const accountId = this.resolvedAccountId;
    const key = accountId ? refreshKey(this.client, accountId) : undefined;
    if (key === this.#shown) return;
    // Another account: the lines show its refresh, if one runs; the other account's goes on out of sight.
    this.#shown = key;
    const run = key ? this.#runs.get(key) : undefined;
    this.phase = run?.phase ?? 'idle';
    this.status = run?.status;
    this.alert = run?.alert;
  }

  /** Starts a refresh, as a press does; resolves when it has ended. */
  async sync(): Promise<void> {
    if (this.running || this.disabled) return;
    const accountId = this.resolvedAccountId;
    this.alert = undefined;
    if (!accountId) {
      this.status = say('noAccount');
      return;
    }
    const client = this.client;
    const key = refreshKey(client, accountId);
    this.#shown = key;
    const pending = jobsOf(client).get(key);
    if (pending) return this.#follow(this.#begin(client, accountId), pending);

    const last = lastRefresh.get(key);
    const until = last === undefined ? 0 : last + this.cooldown * 1000;
    if (this.cooldown > 0 && Date.now() < until) {
      // Said in whole minutes or in seconds ("90 seconds", not "2 minutes"); the time is the first whole minute
      // at which a refresh is allowed. `minutes` stays for catalogues that still use it.
      const whole = this.cooldown % 60 === 0;
      const cooldown = this.cooldown;
      this.status = (locale) =>
        msg(locale, 'syncCooldown', {
          minutes: Math.ceil(cooldown / 60),
          period: formatNumber(whole ? cooldown / 60 : cooldown, locale, { style: 'unit', unit: whole ? 'minute' : 'second', unitDisplay: 'long' }),
          time: formatDate(new Date(Math.ceil(until / 60_000) * 60_000).toISOString(), locale, { timeStyle: 'short' }),
        });
      return;
    }

    const run = this.#begin(client, accountId);
    this.#show(run, 'starting', say('syncRunning'));
    this.emit('mono-sync', { status: 'started', accountId });
    let result;
    try {
      // Not cancelled with the run: once sent, the refresh runs at the bank anyway, and its answer (the window, the
      // job to follow on the next press) is kept.
      result = await startSync(client, accountId);
    } catch (e) {
      return this.isConnected ? this.#failed(run, toMonoError(e)) : this.#show(run, 'idle');
    }
    const reauth = result.status === 'reauthorisation_required';
    if (!reauth) lastRefresh.set(key, Date.now());
    const job = result.status === 'processing' && result.jobId ? { jobId: result.jobId, hasNewData: result.hasNewData } : undefined;
    if (job) jobsOf(client).set(key, job);
    // Removed for good meanwhile: what the POST started is kept for the next press, and said to nobody (no events
    // from a detached node, no connect button opened for a view the user has left); new data still reloads the page.
    if (!this.isConnected) {
      if (result.status === 'successful' && result.hasNewData !== false) this.#invalidate(run);
      return this.#show(run, 'idle');
    }
    if (reauth) return this.#failed(run, reauthRequired());
    if (result.status === 'failed') return this.#failed(run);
    if (job) return this.#follow(run, job);
    this.#completed(run, result.hasNewData);
  }

  #begin(client: MonoDataClient, accountId: string): Run {
    const run: Run = { key: refreshKey(client, accountId), client, accountId, abort: new AbortController(), phase: 'idle' };
    this.#runs.set(run.key, run);
    return run;
  }

  /** What a run shows: on the button and its lines while its account is the one shown, and kept for when it is again. */
  #show(run: Run, phase: Phase, status?: Words, alert?: Words): void {
    Object.assign(run, { phase, status, alert });
    if (phase !== 'starting' && phase !== 'polling' && this.#runs.get(run.key) === run) this.#runs.delete(run.key);
    if (run.key !== this.#shown) return;
    this.phase = phase;
    this.status = status;
    this.alert = alert;
  }

  async #follow(run: Run, job: PendingJob): Promise<void> {
    this.#show(run, 'polling', say('syncWaiting', { polls: 0 }));
    let outcome;
    try {
      outcome = await pollWithBackoff(
        async (attempt, signal) => {
          this.#show(run, 'polling', say('syncWaiting', { polls: attempt }));
          const { status } = await getJob(run.client, run.accountId, job.jobId, { signal });
          return status === 'processing' ? undefined : status;
        },
        { interval: this.pollInterval, timeout: this.pollTimeout, signal: run.abort.signal },
      );
    } catch (e) {
      const error = toMonoError(e);
      if (error.kind === 'aborted') return this.#show(run, 'idle');
      // The job may still finish: keep it, so the next press checks it instead of starting another refresh.
      return this.#failed(run, error);
    }
    jobsOf(run.client).delete(run.key);
    if (outcome === 'finished') this.#completed(run, job.hasNewData);
    else this.#failed(run, outcome === 'reauthorisation_required' ? reauthRequired() : undefined);
  }

  #completed(run: Run, hasNewData: boolean | null): void {
    const { accountId } = run;
    this.#show(run, 'complete', say(hasNewData === false ? 'syncNoNewData' : 'syncComplete'));
    if (hasNewData !== false) this.#invalidate(run);
    this.emit('mono-sync', hasNewData === null ? { status: 'complete', accountId } : { status: 'complete', accountId, hasNewData });
  }

  /**
   * Every element showing the account reloads; identical requests share one fetch. The provider may have made a new
   * client meanwhile (new headers): its elements listen to that one.
   */
  #invalidate({ client, accountId }: Run): void {
    for (const c of new Set([client, this.client])) c.invalidate(accountId);
  }

  /** Without `error` the bank reported the refresh as failed: `mono-sync` says so, and nothing went wrong on the way. */
  #failed(run: Run, error?: MonoError): void {
    const reauth = error?.kind === 'reauth-required';
    const alert: Words = !error
      ? say('syncFailed')
      : reauth
        ? say('syncReauth')
        : error.kind === 'timeout' && jobsOf(run.client).has(run.key)
          ? say('syncTimedOut')
          : (locale) => describeError(error, locale);
    this.#show(run, reauth ? 'reauth' : 'failed', undefined, alert);
    if (error) this.emit('mono-error', { error });
    this.emit('mono-sync', { status: 'failed', accountId: run.accountId });
    if (!reauth) return;
    this.emit('mono-reauth-required', { accountId: run.accountId });
    // Only for the account on screen: a connect button opened for another would surprise.
    if (run.key === this.#shown) this.#handOff(run.accountId);
  }

  #handOff(accountId: string): void {
    const id = this.reauthTarget || this.connect;
    if (!id) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const target = (root.getElementById?.(id) ?? document.getElementById(id)) as ReauthTarget | null;
    if (!target) return;
    // Attributes reach the connect button whether or not it is upgraded yet.
    target.setAttribute('account-id', accountId);
    target.setAttribute('reauth', '');
    this.status = say('syncReauthHandoff');
    if (typeof target.open === 'function') target.open();
  }

  protected override render(): TemplateResult {
    const locale = this.resolvedLocale;
    const running = this.running;
    const unavailable = running || this.disabled || !this.resolvedAccountId;
    return html`<button
        part="button"
        class="button"
        type="button"
        aria-disabled=${unavailable ? 'true' : 'false'}
        aria-describedby="status"
        data-phase=${this.phase}
        @click=${this.sync}
      >
        ${running ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}<slot>${msg(locale, 'syncLabel')}</slot>
      </button>
      <span part="status" id="status" class="status" role="status">${this.status?.(locale)}</span>
      <span part="alert" class="alert" role="alert">${this.alert?.(locale)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mono-sync-button': MonoSyncButton;
  }
}
