import { html, nothing, type PropertyValues } from 'lit';
import { getIdentity } from '../../client/resources.js';
import { property, state } from 'lit/decorators.js';
import { clip, formatDate, maskBvn, maskPhone, MONO_DAY } from '../../core/format.js';
import { MonoDataElement } from '../../core/mono-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { stateStyles, tokens } from '../../core/tokens.js';
import { codeWords } from '../../i18n/catalogue.js';
import { identityText as msg } from '../../i18n/en-identity.js';
import type { Identity } from '../../model/identity.js';
import { identityStyles } from './mono-identity.styles.js';

/** The fields masked unless revealed. */
export type SensitiveField = 'bvn' | 'phone';

type FieldName = 'fullName' | 'email' | 'phone' | 'gender' | 'dateOfBirth' | 'address' | 'stateOfOrigin' | 'lgaOfOrigin' | 'maritalStatus' | 'bvn';

/** In the order shown; each one's label is `identity` + its name (`identityDateOfBirth`). */
const FIELDS: readonly FieldName[] = ['fullName', 'email', 'phone', 'gender', 'dateOfBirth', 'address', 'stateOfOrigin', 'lgaOfOrigin', 'maritalStatus', 'bvn'];

const MASKS: Record<SensitiveField, (value: string) => string> = { bvn: maskBvn, phone: maskPhone };

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** Whether the bank returned none of the holder's details (the date they were updated is not one). */
export function isEmptyIdentity(identity: Identity): boolean {
  const { updatedAt, ...details } = identity;
  return !Object.values(details).some(present);
}

/**
 * The account holder's KYC details from the bank in a description list. BVN and phone number are masked
 * (last four shown) unless `reveal` is set; each has a "Show" toggle button (`aria-pressed`) unless
 * `no-reveal` is set. The reference backend sends only a BVN's last four digits unless its `fullBvn` option is
 * on, and a value with nothing more than its last four digits has no toggle. Revealed values live only in the
 * shadow DOM as text, never in an attribute. Fields the bank did not return read "Not provided".
 *
 * @summary The account holder's identity (KYC) details, with BVN and phone masked.
 * @tag mono-identity
 * @slot idle - Shown when no account id is set.
 * @slot empty - Shown when the bank returned no identity details at all.
 * @fires {CustomEvent<MonoEventDetails['mono-load']>} mono-load - The identity loaded. detail: { resource: 'identity', data: Identity }
 * @fires {CustomEvent<MonoEventDetails['mono-error']>} mono-error - Loading failed. detail: { error: MonoError }
 * @fires {CustomEvent<MonoEventDetails['mono-reauth-required']>} mono-reauth-required - The bank needs the holder to sign in again. detail: { accountId }
 * @csspart base - The card around the list.
 * @csspart fields - The description list.
 * @csspart value - Each value (also `value-<field>`, e.g. `value-bvn`).
 * @csspart not-provided - A value the bank did not return.
 * @csspart reveal-button - The "Show" toggle of the BVN and the phone number.
 * @csspart updated - The "Updated …" line.
 * @csspart loading - The loading state.
 * @csspart updating - A bar over the data while it reloads (a sync, Try again); shown after 0.3 s.
 * @csspart empty - The empty state.
 * @csspart error - The error state (`data-kind` is the error kind).
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart idle - Shown when no account id is set.
 * @cssprop --mono-loading-block-size - Least height of the loading box, so the page does not jump when the data arrives (default 20rem, 1.4× that on screens under 40rem).
 * @cssprop --mono-identity-padding - Inner padding of the card (default `--mono-sys-space`, 1rem).
 * @cssprop --mono-identity-label-width - Width of the label column (default 10rem).
 */
export class MonoIdentity extends MonoDataElement {
  static override styles = [tokens, stateStyles, identityStyles];

  /** Show the BVN and the phone number unmasked (as far as the host sent them: by default only a BVN's last four digits). */
  @property({ type: Boolean, reflect: true }) reveal = false;

  /** Hide the per-field "Show" toggles (values stay masked unless `reveal` is set). */
  @property({ type: Boolean, attribute: 'no-reveal', reflect: true }) noReveal = false;

  readonly resource: ResourceController<Identity> = new ResourceController<Identity>(this, {
    resource: 'identity',
    load: (client, accountId, _args, request) => getIdentity(client, accountId, request),
    isEmpty: isEmptyIdentity,
  });

  /** Fields the user revealed with their toggle; forgotten when the account changes. */
  @state() private revealed: ReadonlySet<SensitiveField> = new Set();
  #revealedFor?: string;

  /** Whether `field` is currently shown unmasked. */
  isRevealed(field: SensitiveField): boolean {
    return this.reveal || (!this.noReveal && this.revealed.has(field));
  }

  /** Flips one field's toggle (what the "Show" button does). */
  toggleReveal(field: SensitiveField): void {
    const next = new Set(this.revealed);
    if (next.has(field)) next.delete(field);
    else next.add(field);
    this.revealed = next;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const accountId = this.resolvedAccountId;
    if (accountId !== this.#revealedFor) {
      this.#revealedFor = accountId;
      if (this.revealed.size) this.revealed = new Set();
    }
  }

  protected override render() {
    const locale = this.resolvedLocale;
    return this.resource.render({
      loaded: (identity) => this.#renderIdentity(identity, locale),
      emptyText: msg(locale, 'identityEmpty'),
    });
  }

  #renderIdentity(identity: Identity, locale: string) {
    return html`<div part="base" class="identity">
      <dl part="fields">
        ${FIELDS.map(
          (name) => {
            const label = msg(locale, `identity${name.charAt(0).toUpperCase()}${name.slice(1)}` as `identity${Capitalize<FieldName>}`);
            return html`<div class="field" data-field=${name}>
              <dt>${label}</dt>
              <dd>${this.#renderValue(name, label, identity, locale)}</dd>
            </div>`;
          },
        )}
      </dl>
      ${identity.updatedAt
        ? html`<p part="updated" class="updated">${msg(locale, 'identityUpdated', { date: formatDate(identity.updatedAt, locale, MONO_DAY) })}</p>`
        : nothing}
    </div>`;
  }

  #renderValue(name: FieldName, label: string, identity: Identity, locale: string) {
    const whole = this.#fieldValue(name, identity, locale);
    const value = whole && clip(whole);
    if (!present(value)) {
      return html`<span part="value not-provided" class="not-provided">${msg(locale, 'identityNotProvided')}</span>`;
    }
    if (name !== 'bvn' && name !== 'phone') return html`<span part=${`value value-${name}`} class="value" dir="auto">${value}</span>`;
    const clean = value.trim();
    const digits = clean.replace(/\D/g, '');
    const last4 = digits.slice(-4);
    // A BVN of only its last four digits (what the reference backend sends by default) has nothing more to show.
    const hidden = name !== 'bvn' || digits.length > 4;
    const shown = hidden && this.isRevealed(name);
    return html`<span part=${`value value-${name}`} class="value secret" dir="auto"
        >${shown
          ? clean
          : html`<span aria-hidden="true">${MASKS[name](clean)}</span
              ><span class="sr-only">${msg(locale, 'identityEndingIn', { last4 })}</span>`}</span
      >${this.reveal || this.noReveal || !hidden
        ? nothing
        : html`<button
            part="reveal-button"
            class="reveal"
            type="button"
            data-field=${name}
            aria-label=${msg(locale, 'identityShow', { field: label })}
            aria-pressed=${String(this.revealed.has(name))}
            @click=${() => this.toggleReveal(name)}
          >
            ${msg(locale, 'identityReveal')}
          </button>`}`;
  }

  #fieldValue(name: FieldName, identity: Identity, locale: string): string | null {
    switch (name) {
      case 'address':
        return [identity.addressLine1, identity.addressLine2].filter(present).join(', ');
      case 'dateOfBirth':
        return formatDate(identity.dateOfBirth, locale, { dateStyle: 'long', timeZone: 'UTC' });
      case 'gender':
      case 'maritalStatus':
        return codeWords(locale, name, identity[name]);
      default:
        return identity[name];
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mono-identity': MonoIdentity;
  }
}
