import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MonoClient } from '../../../src/client/index.js';
import { formatDate } from '../../../src/core/format.js';
import '../../../src/elements/identity/define.js';
import type { MonoIdentity } from '../../../src/elements/identity/mono-identity.js';
import type { Identity } from '../../../src/model/index.js';
import { HOSTILE, fixedClient, mount, recordingClient, shadow, sleep, textOf, uid, until } from '../account/helpers.js';

interface Options {
  reveal?: boolean;
  noReveal?: boolean;
}

const mountIdentity = (accountId: string, client = recordingClient().client, o: Options = {}) =>
  mount<MonoIdentity>(client, accountId, html`<mono-identity ?reveal=${o.reveal ?? false} ?no-reveal=${o.noReveal ?? false}></mono-identity>`, 'mono-identity');

const value = (el: MonoIdentity, field: string) => textOf(shadow(el).querySelector(`[data-field=${field}] dd`));
const loaded = (el: MonoIdentity) => until(() => shadow(el).querySelector('[part=fields]'), 'identity rendered');
const toggle = (el: MonoIdentity, field: string) => shadow(el).querySelector<HTMLButtonElement>(`button[data-field=${field}]`);

/** Every attribute value in the element's shadow tree and its light DOM. */
function allAttributes(el: Element): string {
  const values: string[] = [el.outerHTML];
  for (const node of shadow(el).querySelectorAll('*')) for (const a of node.attributes) values.push(a.value);
  return values.join(' ');
}

/**
 * A client of a host with `fullBvn: true`: the sandbox's identity (which, like the reference backend by
 * default, sends only the BVN's last four digits) with a whole 11-digit BVN.
 */
function fullBvnClient() {
  return new MonoClient({
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).endsWith('/identity')) return res;
      const json = await res.json();
      if (typeof json.data?.bvn === 'string') json.data.bvn = `2234567${json.data.bvn}`;
      return new Response(JSON.stringify(json), { status: res.status, headers: res.headers });
    },
  });
}

describe('<mono-identity>', () => {
  it('shows a BVN the host sent only the last four digits of (the default) masked, with nothing to reveal', async () => {
    const sent = await new MonoClient().identity('acc_demo');
    expect(sent.bvn, 'the sandbox sends the last four digits, as the reference backend does').to.match(/^\d{4}$/);
    const { el } = await mountIdentity('acc_demo');
    await loaded(el);
    expect(value(el, 'bvn')).to.contain(`ending in ${sent.bvn}`);
    expect(value(el, 'bvn')).to.contain(`•••••••${sent.bvn}`);
    expect(toggle(el, 'bvn'), 'no toggle: there is nothing more to show').to.equal(null);
    expect(toggle(el, 'phone')).not.to.equal(null);
    const revealed = await mountIdentity('acc_demo', undefined, { reveal: true });
    await loaded(revealed.el);
    expect(value(revealed.el, 'bvn')).to.contain(`•••••••${sent.bvn}`);
  });

  it('renders the identity in a description list, BVN and phone masked', async () => {
    const client = fullBvnClient();
    const expected = await client.identity('acc_demo');
    const { el } = await mountIdentity('acc_demo', client);
    await loaded(el);
    expect(shadow(el).querySelectorAll('dl dt')).to.have.length(10);
    expect(value(el, 'fullName')).to.equal(expected.fullName);
    expect(value(el, 'email')).to.equal(expected.email);
    expect(value(el, 'gender')).to.equal(expected.gender!.charAt(0).toUpperCase() + expected.gender!.slice(1).toLowerCase());
    expect(value(el, 'dateOfBirth')).to.equal(formatDate(expected.dateOfBirth, 'en-NG', { dateStyle: 'long' }));
    expect(value(el, 'address')).to.equal(expected.addressLine1);
    expect(value(el, 'stateOfOrigin')).to.equal(expected.stateOfOrigin);
    expect(value(el, 'lgaOfOrigin')).to.equal(expected.lgaOfOrigin);
    expect(value(el, 'bvn')).to.contain(`ending in ${expected.bvn!.slice(-4)}`);
    expect(value(el, 'phone')).to.contain(`ending in ${expected.phone!.slice(-4)}`);
    const text = textOf(shadow(el));
    expect(text).not.to.contain(expected.bvn!);
    expect(text).not.to.contain(expected.phone!);
    expect(allAttributes(el)).not.to.contain(expected.bvn!.slice(0, 7));
    expect(el.innerHTML).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('keeps masked and revealed numbers in reading order on a right-to-left page', async () => {
    const { root, el } = await mountIdentity('acc_demo');
    root.dir = 'rtl';
    await loaded(el);
    // The x of a value's first and last painted character (the masked value's text is in an aria-hidden span).
    const order = (field: string) => {
      const holder = shadow(el).querySelector(`[data-field=${field}] dd .value [aria-hidden], [data-field=${field}] dd .value:not(:has([aria-hidden]))`)!;
      const text = [...holder.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')!;
      const x = (i: number) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().x;
      };
      return x(0) < x(text.length - 1);
    };
    expect(order('bvn'), 'masked BVN: bullets first, digits last').to.equal(true);
    toggle(el, 'phone')!.click();
    await el.updateComplete;
    expect(order('phone'), 'revealed phone').to.equal(true);
  });

  it('`reveal` shows BVN and phone in full, as text only and without toggles', async () => {
    const client = fullBvnClient();
    const expected = await client.identity('acc_demo');
    const { el } = await mountIdentity('acc_demo', client, { reveal: true });
    await loaded(el);
    expect(value(el, 'bvn')).to.equal(expected.bvn);
    expect(value(el, 'phone')).to.equal(expected.phone);
    expect(shadow(el).querySelector('[part=reveal-button]')).to.equal(null);
    expect(allAttributes(el)).not.to.contain(expected.bvn!);
    await expect(el).to.be.accessible();
  });

  it('per-field "Show" toggles with aria-pressed reveal one field at a time', async () => {
    const client = fullBvnClient();
    const expected = await client.identity('acc_demo');
    const { el } = await mountIdentity('acc_demo', client);
    await loaded(el);
    const bvn = toggle(el, 'bvn')!;
    expect(bvn.getAttribute('aria-pressed')).to.equal('false');
    expect(bvn.getAttribute('aria-label')).to.equal('Show BVN');
    expect(toggle(el, 'phone')!.getAttribute('aria-label')).to.equal('Show Phone');
    expect(bvn.getBoundingClientRect().height, 'a 24 px touch target at least').to.be.at.least(24);
    bvn.click();
    await el.updateComplete;
    expect(bvn.getAttribute('aria-pressed')).to.equal('true');
    expect(value(el, 'bvn')).to.contain(expected.bvn!);
    expect(value(el, 'phone')).not.to.contain(expected.phone!);
    expect(allAttributes(el)).not.to.contain(expected.bvn!);
    await expect(el).to.be.accessible();
    bvn.click();
    await el.updateComplete;
    expect(bvn.getAttribute('aria-pressed')).to.equal('false');
    expect(value(el, 'bvn')).not.to.contain(expected.bvn!);
  });

  it('forgets revealed fields when the account changes', async () => {
    const client = fullBvnClient();
    const { el, root } = await mountIdentity('acc_demo', client);
    await loaded(el);
    toggle(el, 'bvn')!.click();
    await el.updateComplete;
    expect(el.isRevealed('bvn')).to.equal(true);
    root.accountId = 'acc_business';
    await root.updateComplete;
    await el.updateComplete;
    expect(el.isRevealed('bvn')).to.equal(false);
    const other = await client.identity('acc_business');
    await until(() => value(el, 'fullName') === other.fullName, 'second account shown');
    expect(toggle(el, 'bvn')!.getAttribute('aria-pressed')).to.equal('false');
    expect(textOf(shadow(el))).not.to.contain(other.bvn!);
  });

  it('`no-reveal` removes the toggles and keeps values masked', async () => {
    const client = fullBvnClient();
    const expected = await client.identity('acc_demo');
    const { el } = await mountIdentity('acc_demo', client, { noReveal: true });
    await loaded(el);
    expect(shadow(el).querySelector('button')).to.equal(null);
    expect(textOf(shadow(el))).not.to.contain(expected.bvn!);
  });

  it('shows missing fields as "Not provided" (empty* returns only the name)', async () => {
    const { el } = await mountIdentity(uid('empty'));
    await loaded(el);
    const missing = shadow(el).querySelectorAll('[part~=not-provided]');
    expect(missing).to.have.length(9);
    for (const m of missing) expect(m.textContent).to.equal('Not provided');
    expect(value(el, 'fullName')).to.not.equal('Not provided');
    expect(shadow(el).querySelector('[part=reveal-button]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the empty state when the bank returned nothing at all', async () => {
    const client = fixedClient(() => ({ status: 'successful', data: { full_name: null, bvn: null, email: '  ' } }));
    const { el } = await mountIdentity('nothing', client);
    const empty = await until(() => shadow(el).querySelector('[part=empty]'), 'empty state');
    expect(textOf(empty)).to.equal('The bank returned no identity details.');
    await expect(el).to.be.accessible();
  });

  it('dates the details on the day Mono gives (UTC), also late in the evening in Lagos', async () => {
    const client = fixedClient(() => ({ status: 'successful', data: { full_name: 'ADA OKEKE', updated_at: '2025-04-30T23:30:00.000Z', dob: '1994-03-11T00:00:00.000Z' } }));
    const { el } = await mountIdentity('late', client);
    const updated = await until(() => shadow(el).querySelector('[part=updated]'), 'updated line');
    expect(textOf(updated)).to.contain('30 Apr 2025');
    expect(value(el, 'dateOfBirth')).to.equal('11 March 1994');
  });

  it("shows the empty state for Mono's empty payload (identity asked for before the data is available)", async () => {
    for (const data of [null, {}]) {
      const { el } = await mountIdentity('early', fixedClient(() => ({ status: 'successful', message: 'ok', data })));
      const empty = await until(() => shadow(el).querySelector('[part=empty]'), `empty state for data ${JSON.stringify(data)}`);
      expect(textOf(empty)).to.equal('The bank returned no identity details.');
    }
  });

  it('renders a v1 identity (v1*, camelCase, day-first date) the same way', async () => {
    const id = uid('v1');
    const expected = await new MonoClient().identity(id);
    const { el } = await mountIdentity(id);
    await loaded(el);
    expect(value(el, 'fullName')).to.equal(expected.fullName);
    const marital = expected.maritalStatus;
    expect(value(el, 'maritalStatus')).to.equal(marital ? marital.charAt(0).toUpperCase() + marital.slice(1).toLowerCase() : 'Not provided');
    expect(value(el, 'dateOfBirth')).to.equal(formatDate(expected.dateOfBirth, 'en-NG', { dateStyle: 'long' }));
    expect(value(el, 'dateOfBirth')).to.not.equal('Not provided');
    expect(value(el, 'bvn')).to.contain(`ending in ${expected.bvn!.slice(-4)}`);
    await expect(el).to.be.accessible();
  });

  it('emits mono-load with the normalised identity', async () => {
    const { client } = recordingClient();
    const root = document.createElement('mono-provider');
    root.client = client;
    root.accountId = 'acc_demo';
    root.innerHTML = '<mono-identity></mono-identity>';
    const el = root.querySelector('mono-identity')!;
    setTimeout(() => document.body.append(root));
    const event = await oneEvent(el, 'mono-load');
    expect(event.detail.resource).to.equal('identity');
    expect((event.detail.data as Identity).fullName).to.be.a('string');
    root.remove();
  });

  it('shows invalid-response with a working retry', async () => {
    const key = uid('malformed');
    const { client } = recordingClient(() => ({ 'x-sandbox-fault': 'malformed', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key }));
    const { el } = await mountIdentity(uid('acc'), client);
    const error = await until(() => shadow(el).querySelector<HTMLElement>('[part=error]'), 'error');
    expect(error.dataset.kind).to.equal('invalid-response');
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await loaded(el);
  });

  it('keeps keyboard focus in the element when Try again is pressed: on the retry if it fails again, else on what loaded', async () => {
    const key = uid('focus');
    const { client } = recordingClient(() => ({ 'x-sandbox-fault': '503', 'x-sandbox-fault-times': '2', 'x-sandbox-fault-key': key }));
    const { el } = await mountIdentity(uid('acc'), client);
    for (const attempt of [1, 2]) {
      const retry = await until(() => shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]'), `error ${attempt}`);
      retry.focus();
      await sendKeys({ press: 'Enter' });
      if (attempt === 1) {
        const again = await until(() => shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]') !== retry && shadow(el).querySelector('[part=retry-button]'), 'fails again');
        await el.updateComplete;
        expect(shadow(el).activeElement, 'focus is on the new Try again').to.equal(again);
      }
    }
    await loaded(el);
    await el.updateComplete;
    expect(document.activeElement, 'focus did not fall to the body').to.equal(el);
    expect(shadow(el).activeElement).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows a wrong shape as invalid-response, not as an identity with no details', async () => {
    for (const body of [{ data: '<html>oops</html>' }, { status: 'failed', message: 'boom', data: null }, {}]) {
      const { el } = await mountIdentity(uid('shape'), fixedClient(() => body));
      const error = await until(() => shadow(el).querySelector<HTMLElement>('[part=error]'), `error for ${JSON.stringify(body)}`);
      expect(error.dataset.kind).to.equal('invalid-response');
      expect(shadow(el).querySelector('[part=empty]')).to.equal(null);
      expect(shadow(el).querySelector('[part=retry-button]')).to.be.instanceOf(HTMLButtonElement);
    }
  });

  it('shows HTTP errors with a working retry (fault 503)', async () => {
    const key = uid('http');
    const { client } = recordingClient(() => ({ 'x-sandbox-fault': '503', 'x-sandbox-fault-times': '1', 'x-sandbox-fault-key': key }));
    const { el } = await mountIdentity(uid('acc'), client);
    const error = await until(() => shadow(el).querySelector<HTMLElement>('[part=error]'), 'error');
    expect(error.dataset.kind).to.equal('http');
    expect(textOf(error)).to.contain('503');
    shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await loaded(el);
  });

  it('a short phone number still has its toggle, and `reveal` shows it (the four-digit rule is the BVN\'s)', async () => {
    const client = fixedClient(() => ({ status: 'successful', data: { full_name: 'ADA OKEKE', phone: '4567', bvn: '4471' } }));
    const { el } = await mountIdentity('short', client);
    await loaded(el);
    expect(toggle(el, 'phone')).not.to.equal(null);
    expect(toggle(el, 'bvn')).to.equal(null);
    const revealed = await mountIdentity('short', client, { reveal: true });
    await loaded(revealed.el);
    expect(value(revealed.el, 'phone')).to.equal('4567');
  });

  it('renders hostile text in every field as inert text', async () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const client = fixedClient(() => ({
      data: {
        full_name: HOSTILE,
        bvn: `22345674471${HOSTILE}`,
        email: HOSTILE,
        phone: HOSTILE,
        gender: HOSTILE,
        dob: HOSTILE,
        address_line1: HOSTILE,
        address_line2: HOSTILE,
        state_of_origin: HOSTILE,
        lga_of_origin: HOSTILE,
        marital_status: HOSTILE,
      },
    }));
    const { el } = await mountIdentity('hostile', client, { reveal: true });
    await loaded(el);
    await sleep(20);
    expect(shadow(el).querySelector('img, script')).to.equal(null);
    expect(value(el, 'fullName')).to.equal(HOSTILE);
    expect(value(el, 'bvn')).to.equal(`22345674471${HOSTILE}`);
    expect(value(el, 'address')).to.equal(`${HOSTILE}, ${HOSTILE}`);
    expect(value(el, 'dateOfBirth')).to.equal('Not provided');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
