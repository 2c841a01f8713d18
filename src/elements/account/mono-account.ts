import { html, nothing, type PropertyValues } from 'lit';
import { getAccount } from '../../client/resources.js';
import { property, state } from 'lit/decorators.js';
import { toMonoError } from '../../client/errors.js';
import { formatList, formatMoney } from '../../core/format.js';
import { MonoDataElement } from '../../core/mono-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { stateStyles, tokens } from '../../core/tokens.js';
import { accountText as msg } from '../../i18n/en-account.js';
import { codeWords, isolate } from '../../i18n/catalogue.js';
import type { accountMessages } from '../../i18n/en-account.js';
import type { Account, DataStatus } from '../../model/account.js';
import { backoffDelay, nonNegative, wait } from '../../core/poll.js';
import { accountStyles } from './mono-account.styles.js';

type MessageKey = keyof typeof accountMessages;

/** What a fully fetched account carries in `retrieved_data`; PARTIAL names what is missing from it. */
export const EXPECTED_DATA = ['identity', 'balance', 'transactions'] as const;

const AUTH_NAMES: Record<string, MessageKey> = {
  internet_banking: 'accountAuthInternetBanking',
  mobile_banking: 'accountAuthMobileBanking',
};

const MAX_POLL_DELAY = 30_000;

/** The kinds of data the bank did not return (empty when nothing is reported). */
export function missingData(account: Pick<Account, 'retrievedData'>): string[] {
  const got = new Set(account.retrievedData.map((d) => d.trim().toLowerCase()));
  return got.size === 0 ? [] : EXPECTED_DATA.filter((d) => !got.has(d));
}

/** `savings` → `Savings`, `MOBILE banking` → `Mobile banking`. */
const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();

/** Mono's `internet_banking` as words; another method as the locale's words for it, or de-underscored. */
function authMethodText(method: string | null, locale: string): string {
  if (!method) return msg(locale, 'accountNotProvided');
  const key = AUTH_NAMES[method.trim().toLowerCase()];
  return key ? msg(locale, key) : codeWords(locale, 'authMethod', method);
}

type PollState = 'idle' | 'polling' | 'gave-up';

/**
 * One linked bank account: institution, holder, masked account number, type, currency, balance, how it
 * was linked and Mono's data status as a badge in words. While the status is PROCESSING the element reads
 * the account again with growing waits (from `poll-interval`, doubling, at most `poll-limit` reads) until
 * the status settles; after that it offers "Check again".
 *
 * @summary A bank account's details, balance and data status.
 * @tag mono-account
 * @slot idle - Shown when no account id is set.
 * @fires {CustomEvent<MonoEventDetails['mono-load']>} mono-load - The account loaded, and again whenever a PROCESSING status settles. detail: { resource: 'account', data: Account }
 * @fires {CustomEvent<MonoEventDetails['mono-error']>} mono-error - Loading failed. detail: { error: MonoError }
 * @fires {CustomEvent<MonoEventDetails['mono-reauth-required']>} mono-reauth-required - The bank needs the holder to sign in again. detail: { accountId }
 * @csspart base - The card (also the one-line bar when `compact`).
 * @csspart institution - Institution name and bank code.
 * @csspart holder - The account holder's name.
 * @csspart balance - The balance.
 * @csspart details - The list of account details.
 * @csspart account-number - The masked account number.
 * @csspart type - The normalised type with the bank's own wording.
 * @csspart badge - The data status badge (its `data-status` attribute is the status).
 * @csspart check-again - The button shown when PROCESSING outlasted the polling.
 * @csspart loading - The loading state.
 * @csspart updating - A bar over the data while it reloads (a sync, Try again); shown after 0.3 s.
 * @csspart error - The error state (`data-kind` is the error kind).
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart idle - Shown when no account id is set.
 * @cssprop --mono-loading-block-size - Least height of the loading box, so the page does not jump when the data arrives (default 15rem, 1.4× that on screens under 40rem).
 * @cssprop --mono-account-padding - Inner padding of the card (default `--mono-sys-space`, 1rem).
 * @cssprop --mono-account-balance-size - Font size of the balance (default 1.75rem).
 */
export class MonoAccount extends MonoDataElement {
  static override styles = [tokens, stateStyles, accountStyles];

  /** One line (institution, masked number, balance, status) for tight spaces. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** First wait before reading a PROCESSING account again, in ms; each later wait doubles (up to 30 s). Default 2000. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 2000;

  /** Most re-reads of a PROCESSING account before giving up and offering "Check again". Default 8. */
  @property({ type: Number, attribute: 'poll-limit' }) pollLimit = 8;

  readonly resource: ResourceController<Account> = new ResourceController<Account>(this, {
    resource: 'account',
    load: (client, accountId, _args, request) => getAccount(client, accountId, request),
  });

  /** A fresher copy of the loaded account, read while its status was PROCESSING. */
  @state() private polled?: Account;
  @state() private pollState: PollState = 'idle';
  /** The loaded value the polling belongs to; a new load (other account, retry, sync) starts over. */
  #pollBase?: Account;
  #pollAbort?: AbortController;

  /** The account as shown: the latest read, including those made while PROCESSING. */
  get account(): Account | undefined {
    const shown = this.resource.shown;
    return shown && (this.polled ?? shown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Polling stops while detached (the loop is aborted but its state kept); coming back resumes it.
    if (this.pollState === 'polling') void this.#poll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopPolling();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The account on screen: a reload of it (a sync) keeps its polled status and its polling.
    const base = this.resource.shown;
    if (base === this.#pollBase) return;
    this.#stopPolling();
    this.#pollBase = base;
    this.polled = undefined;
    this.pollState = 'idle';
    if (base?.dataStatus === 'PROCESSING' && this.isConnected) void this.#poll();
  }

  #stopPolling(): void {
    this.#pollAbort?.abort();
    this.#pollAbort = undefined;
  }

  /**
   * Reads the loaded account again (skipping the cache) with backoff until its status is no longer PROCESSING.
   * Does nothing without a loaded account and an account id. Also the "Check again" button's click handler
   * (Lit calls it on the element); it never rejects.
   */
  async #poll(): Promise<void> {
    const base = this.#pollBase;
    const accountId = this.resolvedAccountId;
    const client = this.client;
    if (!base || !accountId) return;
    this.#stopPolling();
    const controller = new AbortController();
    this.#pollAbort = controller;
    const { signal } = controller;
    this.pollState = 'polling';
    const limit = Math.floor(nonNegative(this.pollLimit, 8));
    const first = nonNegative(this.pollInterval, 2000);
    for (let attempt = 0; attempt < limit; attempt++) {
      try {
        await wait(backoffDelay(attempt, first, MAX_POLL_DELAY), signal);
        const next = await getAccount(client, accountId, { signal, fresh: true });
        if (signal.aborted) return;
        const before = (this.polled ?? base).dataStatus;
        this.polled = next;
        if (next.dataStatus !== before) this.emit('mono-load', { resource: 'account', data: next });
        if (next.dataStatus !== 'PROCESSING') {
          this.pollState = 'idle';
          return;
        }
      } catch (e) {
        // A failed re-read counts against the limit; the last good data stays on screen.
        if (signal.aborted || toMonoError(e).kind === 'aborted') return;
      }
    }
    if (!signal.aborted) this.pollState = 'gave-up';
  }

  protected override render() {
    return this.resource.render({ loaded: (account) => this.#renderAccount(this.polled ?? account) });
  }

  #renderAccount(a: Account) {
    const locale = this.resolvedLocale;
    const balance = formatMoney(a.balance, a.currency, locale, { wrap: true });
    const number = this.#renderAccountNumber(a, locale);
    if (this.compact) {
      return html`<div part="base" class="account compact">
        <span part="institution" class="institution">${a.institution.name}</span>
        <span part="account-number">${number}</span>
        <span part="balance"><span class="sr-only">${msg(locale, 'labelled', { label: msg(locale, 'accountBalance'), value: '' })}</span><span class="amount"><bdi>${balance}</bdi></span></span>
        ${this.#renderStatus(a, locale, true)}
      </div>`;
    }
    const typeName = msg(locale, `accountType${capitalised(a.accountType)}` as `accountType${Capitalize<Account['accountType']>}`);
    // The bank's own words under the kit's ("Tier 3 Savings Account"), unless they only repeat them ("SAVINGS_ACCOUNT").
    const raw = a.accountTypeText.trim();
    const bankText = /^\w+$/.test(raw) ? raw.replace(/_/g, ' ') : raw;
    const showBankText = bankText !== '' && bankText.toLowerCase().replace(/ account$/, '') !== typeName.toLowerCase();
    return html`<div part="base" class="account">
      <div>
        <p part="institution" class="institution">
          <bdi>${a.institution.name}</bdi>${a.institution.bankCode
            ? html` <span class="muted">(${msg(locale, 'accountBankCode', { code: isolate(a.institution.bankCode) })})</span>`
            : nothing}
        </p>
        <p part="holder" class="holder">${a.name || msg(locale, 'accountNotProvided')}</p>
      </div>
      <p part="balance" class="balance">
        <span class="label">${msg(locale, 'accountBalance')}</span>
        <span class="amount"><bdi>${balance}</bdi></span>
      </p>
      <dl part="details">
        <div>
          <dt>${msg(locale, 'accountNumber')}</dt>
          <dd part="account-number">${number}</dd>
        </div>
        <div>
          <dt>${msg(locale, 'accountType')}</dt>
          <dd part="type">${typeName}${showBankText ? html` <span class="type-text">${bankText}</span>` : nothing}</dd>
        </div>
        <div>
          <dt>${msg(locale, 'accountCurrency')}</dt>
          <dd class="currency">${a.currency}</dd>
        </div>
        <div>
          <dt>${msg(locale, 'accountAuthMethod')}</dt>
          <dd class="auth">${authMethodText(a.authMethod, locale)}</dd>
        </div>
        <div class="status">
          <dt>${msg(locale, 'accountDataStatus')}</dt>
          <dd>${this.#renderStatus(a, locale, false)}</dd>
        </div>
      </dl>
    </div>`;
  }

  #renderAccountNumber(a: Account, locale: string) {
    const last4 = a.accountNumber.slice(-4);
    if (!last4) return msg(locale, 'accountNotProvided');
    // Screen readers get "ending in 6789" instead of four bullets read out one by one.
    // An account number reads left to right on a right-to-left page too: "•••• 6789", not "6789 ••••".
    return html`<span aria-hidden="true" class="masked" dir="ltr">•••• ${last4}</span><span class="sr-only"
        >${msg(locale, 'accountEndingIn', { last4 })}</span
      >`;
  }

  #renderStatus(a: Account, locale: string, compact: boolean) {
    const status: DataStatus = a.dataStatus;
    const word = msg(locale, `accountStatus${status}` as const);
    let help: string;
    if (status === 'PARTIAL') {
      // missingData() names only EXPECTED_DATA, each of which has its words (accountDataIdentity…).
      const missing = missingData(a).map((d) => msg(locale, `accountData${capitalised(d)}` as `accountData${Capitalize<(typeof EXPECTED_DATA)[number]>}`));
      help = missing.length
        ? msg(locale, 'accountStatusHelpPARTIAL', { missing: formatList(missing, locale) })
        : msg(locale, 'accountStatusHelpPartialUnknown');
    } else {
      help = msg(locale, `accountStatusHelp${status}` as const);
    }
    const gaveUp = status === 'PROCESSING' && this.pollState === 'gave-up';
    // role=status: the change from PROCESSING to its final status is announced.
    return html`<span role="status" class="status-text">
        <span part="badge" class="badge" data-status=${status}
          >${compact ? html`<span class="sr-only">${msg(locale, 'labelled', { label: msg(locale, 'accountDataStatus'), value: '' })}</span>` : nothing}<span
            class="dot"
            aria-hidden="true"
          ></span
          >${word}</span
        >${compact
          ? status === 'PARTIAL'
            ? html` <span class="help inline">${help}</span>`
            : nothing
          : html` <span class="help">${gaveUp ? msg(locale, 'accountStillProcessing') : help}</span>`}</span
      >${gaveUp
        ? html`<span class="gave-up">
            ${compact ? html`<span class="sr-only">${msg(locale, 'accountStillProcessing')}</span>` : nothing}
            <button part="check-again" class="button secondary small" type="button" @click=${this.#poll}>
              ${msg(locale, 'accountCheckAgain')}
            </button>
          </span>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mono-account': MonoAccount;
  }
}
