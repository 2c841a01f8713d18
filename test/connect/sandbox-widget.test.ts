// The sandbox's fake hosted widget on its own: what it shows and exactly which of Mono's raw messages it posts.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../fixtures/wait.js';
import { widgetReady } from './helpers.js';

interface Posted {
  type: string;
  data: Record<string, any>;
}

async function openWidget(query: string) {
  const frame = document.createElement('iframe');
  const posted: Posted[] = [];
  const origins: string[] = [];
  const listener = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow) return;
    posted.push(event.data);
    origins.push(event.origin);
  };
  window.addEventListener('message', listener);
  frame.src = `/api/mono/widget?${query}`;
  document.body.append(frame);
  const doc = await widgetReady(() => frame);
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
  return {
    doc,
    $,
    posted,
    origins,
    types: () => posted.map((m) => m.type),
    visible: (id: string) => !$(id).hidden,
    login(username = 'sandbox', password = 'sandbox') {
      $<HTMLInputElement>('username').value = username;
      $<HTMLInputElement>('password').value = password;
      $<HTMLFormElement>('step-login').requestSubmit();
    },
    cleanup() {
      window.removeEventListener('message', listener);
      frame.remove();
    },
  };
}

describe('sandbox widget', () => {
  it('walks bank → login → account and posts Mono’s raw types with the reference, to this origin only', async () => {
    const w = await openWidget('reference=kit-w1&scope=auth&link_delay=0');
    await waitUntil(() => w.posted.length > 0);
    expect(w.types()).to.deep.equal(['mono.connect.widget_opened']);
    expect(w.visible('step-bank')).to.equal(true);
    expect(w.doc.querySelectorAll('button.bank').length).to.be.greaterThan(10);
    expect(w.doc.querySelector('button.bank[data-name="Sandbox Failure Bank"]')).to.exist;
    expect(w.doc.querySelector('button.bank[data-name="Sandbox Own-Site Bank"]')!.textContent).to.contain('logs in on its own site, in the whole tab');

    w.doc.querySelector<HTMLButtonElement>('button.bank[data-name="Access Bank"]')!.click();
    expect(w.visible('step-login')).to.equal(true);
    expect(w.$('step-login').textContent).to.contain('username sandbox, password sandbox');
    w.doc.querySelector<HTMLInputElement>('input[name=method][value=mobile_banking]')!.click();
    w.login();
    await waitUntil(() => w.visible('step-account'), 'account step');
    w.doc.querySelector<HTMLInputElement>('input[name=account][value=acc_business]')!.checked = true;
    w.$<HTMLFormElement>('step-account').requestSubmit();
    await waitUntil(() => w.types().includes('mono.connect.widget.account_linked'));
    expect(w.types()).to.deep.equal([
      'mono.connect.widget_opened',
      'mono.connect.institution_selected',
      'mono.connect.auth_method_switched',
      'mono.connect.login_attempt',
      'mono.connect.account_selected',
      'mono.connect.account_linked',
      'mono.connect.widget.account_linked',
    ]);
    expect(w.posted.every((m) => m.data.reference === 'kit-w1' && typeof m.data.timestamp === 'number')).to.equal(true);
    expect(w.posted[1].data).to.deep.include({ authMethod: 'internet_banking', institution: { id: w.posted[1].data.institution.id, name: 'Access Bank' } });
    expect(w.posted[2].data).to.deep.include({ prevAuthMethod: 'internet_banking', authMethod: 'mobile_banking' });
    expect(w.posted.at(-1)!.data.code).to.match(/^code_acc_business_[a-z0-9]{12}$/);
    expect(new Set(w.origins)).to.deep.equal(new Set([location.origin]));
    w.cleanup();
  });

  it('refuses wrong credentials and a wrong one-time code (ERROR), and the failure bank always fails', async () => {
    const w = await openWidget('reference=kit-w2&scope=auth&link_delay=0');
    w.doc.querySelector<HTMLButtonElement>('button.bank[data-name="GTBank"]')!.click();
    w.login('sandbox', 'wrong');
    await waitUntil(() => w.types().includes('mono.connect.error_occured'));
    expect(w.posted.find((m) => m.type === 'mono.connect.error_occured')!.data).to.deep.include({ errorType: 'INVALID_CREDENTIALS' });
    expect(w.$('login-error').textContent).to.contain('Incorrect');
    w.login();
    await waitUntil(() => w.visible('step-otp'), 'GTBank asks for a code');
    w.$<HTMLInputElement>('otp').value = '000000';
    w.$<HTMLFormElement>('step-otp').requestSubmit();
    await waitUntil(() => w.posted.filter((m) => m.type === 'mono.connect.error_occured').length === 2);
    expect(w.posted.at(-1)!.data.errorType).to.equal('INVALID_MFA');
    w.$<HTMLInputElement>('otp').value = '123456';
    w.$<HTMLFormElement>('step-otp').requestSubmit();
    await waitUntil(() => w.visible('step-account'));
    expect(w.types().filter((t) => t === 'mono.connect.mfa_submitted')).to.have.length(2);
    w.cleanup();

    const f = await openWidget('reference=kit-w3&scope=auth&link_delay=0');
    f.doc.querySelector<HTMLButtonElement>('button.bank[data-name="Sandbox Failure Bank"]')!.click();
    f.login();
    await waitUntil(() => f.types().includes('mono.connect.error_occured'));
    expect(f.posted.at(-1)!.data.errorType).to.equal('INSTITUTION_UNAVAILABLE');
    expect(f.visible('step-account')).to.equal(false);
    f.cleanup();
  });

  it('closes with EXIT (naming the page) then widget.closed', async () => {
    const w = await openWidget('reference=kit-w4&scope=auth');
    w.doc.querySelector<HTMLButtonElement>('button.bank[data-name="Zenith Bank"]')!.click();
    w.$('close').click();
    await waitUntil(() => w.types().includes('mono.connect.widget.closed'));
    expect(w.types().slice(-2)).to.deep.equal(['mono.connect.on_exit', 'mono.connect.widget.closed']);
    expect(w.posted.at(-2)!.data.pageName).to.equal('LOGIN');
    w.cleanup();
  });

  it('a bank on its own site takes the whole tab only on a click: chosen ahead by the host, it logs in in place', async () => {
    const w = await openWidget('reference=kit-w6&scope=auth&institution=sandbox_tab_bank&link_delay=0');
    expect(w.visible('step-login')).to.equal(true);
    expect(w.$('bank-name').textContent).to.equal('Sandbox Own-Site Bank');
    w.login();
    await waitUntil(() => w.visible('step-account'), 'account step, in the frame');
    w.cleanup();
  });

  it('re-authorisation opens at the account’s bank and offers only that account', async () => {
    const init = await fetch('/api/mono/accounts/initiate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'reauth', account: 'acc_demo', meta: { ref: `kit-w5-${Math.random().toString(36).slice(2)}` } }),
    }).then((r) => r.json());
    const w = await openWidget(`${new URL(init.data.mono_url).search.slice(1)}&link_delay=0`);
    expect(w.visible('step-login')).to.equal(true);
    expect(w.$('title').textContent).to.contain('Re-authorise');
    expect(w.$('back').hidden).to.equal(true);
    w.login();
    await waitUntil(() => !w.$('step-otp').hidden || w.visible('step-account'));
    if (w.visible('step-otp')) {
      w.$<HTMLInputElement>('otp').value = '123456';
      w.$<HTMLFormElement>('step-otp').requestSubmit();
      await waitUntil(() => w.visible('step-account'));
    }
    expect([...w.doc.querySelectorAll<HTMLInputElement>('input[name=account]')].map((i) => i.value)).to.deep.equal(['acc_demo']);
    w.$<HTMLFormElement>('step-account').requestSubmit();
    await waitUntil(() => w.types().includes('mono.connect.widget.account_linked'));
    expect(w.posted.at(-1)!.data.code).to.match(/^code_acc_demo_/);
    w.cleanup();
  });

  it('posts the success as many times as repeat_success asks (to test hosts against a buggy widget)', async () => {
    const w = await openWidget('reference=kit-w6&scope=auth&link_delay=0&repeat_success=3');
    w.doc.querySelector<HTMLButtonElement>('button.bank[data-name="UBA"]')!.click();
    w.login();
    await waitUntil(() => w.visible('step-account'));
    w.$<HTMLFormElement>('step-account').requestSubmit();
    await waitUntil(() => w.types().filter((t) => t === 'mono.connect.widget.account_linked').length === 3);
    const codes = new Set(w.posted.filter((m) => m.type === 'mono.connect.widget.account_linked').map((m) => m.data.code));
    expect(codes.size, 'the same code each time').to.equal(1);
    w.cleanup();
  });
});
