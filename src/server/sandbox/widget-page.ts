import { SANDBOX_ACCOUNTS } from './accounts.js';
import { INSTITUTIONS } from './institutions.js';

/** Only same-origin resources, but any site may frame it (the kit's modal uses an iframe). */
export const WIDGET_CSP = "default-src 'self'; frame-ancestors *";

/** What the fake widget accepts: shown on its login and OTP steps. */
export const SANDBOX_CREDENTIALS = { username: 'sandbox', password: 'sandbox', otp: '123456' } as const;

/** Banks whose fake login asks for a one-time code after the password. */
const OTP_BANK_CODES = new Set(['058', '057', '50211']);

/** A bank that is always "not responding", to try the widget's error path. */
export const FAILURE_BANK = { id: 'sandbox_failure_bank', name: 'Sandbox Failure Bank' } as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface WidgetPageOptions {
  basePath: string;
  scope: 'auth' | 'reauth';
  /** Account being re-authorised (reauth scope). */
  account: string | null;
  /** Pre-selected institution id. */
  institution: string | null;
}

const METHOD_NAMES: Record<string, string> = { internet_banking: 'Internet banking', mobile_banking: 'Mobile banking' };

/**
 * A bank that logs in on its own site, as some do: picked inside a frame, the widget takes the whole tab (the
 * kit's frame allows that on a click), so the flow ends with a return to `redirect_url` in the top window.
 */
export const TAB_BANK = { id: 'sandbox_tab_bank', name: 'Sandbox Own-Site Bank' } as const;

interface WidgetBank {
  id: string;
  name: string;
  methods: readonly string[];
  otp: boolean;
  fails: boolean;
  takesTab?: boolean;
}

const BANKS: readonly WidgetBank[] = [
  ...INSTITUTIONS.map((bank) => ({ id: bank.id, name: bank.name, methods: bank.authMethods, otp: OTP_BANK_CODES.has(bank.bankCode), fails: false })),
  { ...FAILURE_BANK, methods: ['internet_banking'], otp: false, fails: true },
  { ...TAB_BANK, methods: ['internet_banking'], otp: false, fails: false, takesTab: true },
];

function bankButton(bank: WidgetBank): string {
  const notes = [bank.methods.map((m) => METHOD_NAMES[m] ?? m).join(' or ')];
  if (bank.otp) notes.push('asks for a one-time code');
  if (bank.fails) notes.push('always fails to log in');
  if (bank.takesTab) notes.push('logs in on its own site, in the whole tab');
  const attributes = [
    `data-id="${escapeHtml(bank.id)}"`,
    `data-name="${escapeHtml(bank.name)}"`,
    `data-methods="${escapeHtml(bank.methods.join(' '))}"`,
    bank.otp ? 'data-otp="true"' : '',
    bank.fails ? 'data-fails="true"' : '',
    bank.takesTab ? 'data-takes-tab="true"' : '',
  ].filter(Boolean);
  return `<li><button type="button" class="bank" ${attributes.join(' ')}><span class="bank-name">${escapeHtml(bank.name)}</span> <span class="bank-note">${escapeHtml(notes.join(', '))}</span></button></li>`;
}

function accountChoice(id: string, label: string, checked: boolean): string {
  return `<label class="choice"><input type="radio" name="account" value="${escapeHtml(id)}"${checked ? ' checked' : ''}> <span>${escapeHtml(label)}</span></label>`;
}

/**
 * The fake hosted Connect page: pick a bank, log in with the sandbox credentials, a one-time code for some
 * banks, pick the account to link. It carries no inline script or style (the CSP forbids them); widget.js
 * drives the steps and posts exactly Mono's raw message types (MONO_API.md §11) to its parent or opener, or,
 * when it is the top-level page, returns to `redirect_url` with `code`, `status` and `reference`.
 */
export function widgetHtml(options: WidgetPageOptions): string {
  const { basePath, scope, account, institution } = options;
  const reauth = scope === 'reauth' && account !== null;
  const preselected = BANKS.some((bank) => bank.id === institution) ? institution : null;
  const accounts = reauth
    ? accountChoice(account, `The account being re-authorised (${account})`, true)
    : SANDBOX_ACCOUNTS.map((entry, index) => accountChoice(entry.id, `${entry.label} (${entry.id})`, index === 0)).join('\n          ');
  const title = reauth ? 'Re-authorise your bank account' : 'Link your bank account';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>Mono Connect (sandbox)</title>
    <link rel="stylesheet" href="${escapeHtml(basePath)}/widget.css">
    <script src="${escapeHtml(basePath)}/widget.js" defer></script>
  </head>
  <body data-scope="${reauth ? 'reauth' : 'auth'}" data-institution="${escapeHtml(preselected ?? '')}">
    <main class="card" aria-labelledby="title">
      <header class="top">
        <p class="badge">Sandbox</p>
        <button type="button" id="close" class="icon" aria-label="Close">&#215;</button>
      </header>
      <h1 id="title">${title}</h1>
      <p class="hint">A fake Mono Connect widget served by the mono-elements sandbox. No bank is contacted.</p>

      <section id="step-bank" class="step" aria-labelledby="bank-title"${preselected ? ' hidden' : ''}>
        <h2 id="bank-title" tabindex="-1">Select your bank</h2>
        <label for="search">Search banks</label>
        <input id="search" type="search" autocomplete="off">
        <ul id="banks" class="banks">
          ${BANKS.map(bankButton).join('\n          ')}
        </ul>
        <p id="no-bank" class="muted" hidden>No bank matches.</p>
        <div class="actions">
          <button type="button" id="cancel" class="secondary">Cancel</button>
        </div>
      </section>

      <form id="step-login" class="step" aria-labelledby="login-title" novalidate${preselected ? '' : ' hidden'}>
        <h2 id="login-title" tabindex="-1">Log in to <span id="bank-name"></span></h2>
        <fieldset id="methods" class="methods">
          <legend>Log in with</legend>
          <label class="choice"><input type="radio" name="method" value="internet_banking" checked> <span>Internet banking</span></label>
          <label class="choice"><input type="radio" name="method" value="mobile_banking"> <span>Mobile banking</span></label>
        </fieldset>
        <p class="credentials">Sandbox credentials: username <code>${SANDBOX_CREDENTIALS.username}</code>, password <code>${SANDBOX_CREDENTIALS.password}</code>.</p>
        <label for="username">Username</label>
        <input id="username" name="username" autocomplete="off" required>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="off" required>
        <p id="login-error" class="error" role="alert"></p>
        <div class="actions">
          <button type="button" id="back" class="secondary"${reauth ? ' hidden' : ''}>Change bank</button>
          <button type="submit" id="login-submit">Continue</button>
        </div>
      </form>

      <form id="step-otp" class="step" aria-labelledby="otp-title" novalidate hidden>
        <h2 id="otp-title" tabindex="-1">Enter the code your bank sent</h2>
        <p class="credentials">Sandbox one-time code: <code>${SANDBOX_CREDENTIALS.otp}</code>.</p>
        <label for="otp">One-time code</label>
        <input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required>
        <p id="otp-error" class="error" role="alert"></p>
        <div class="actions">
          <button type="submit" id="otp-submit">Continue</button>
        </div>
      </form>

      <form id="step-account" class="step" aria-labelledby="account-title" novalidate hidden>
        <h2 id="account-title" tabindex="-1">${reauth ? 'Confirm the account' : 'Choose the account to link'}</h2>
        <fieldset class="accounts">
          <legend class="sr-only">Accounts</legend>
          ${accounts}
        </fieldset>
        <div class="actions">
          <button type="submit" id="link">${reauth ? 'Re-authorise account' : 'Link account'}</button>
        </div>
      </form>

      <p id="status" class="status" role="status" aria-live="polite"></p>
    </main>
  </body>
</html>
`;
}

export const WIDGET_CSS = `:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: start center; background: Canvas; color: CanvasText; }
[hidden] { display: none !important; }
.card { width: min(100% - 1.5rem, 26rem); margin: 0.75rem 0; padding: 1.25rem; border: 1px solid color-mix(in srgb, CanvasText 15%, transparent); border-radius: 12px; }
.top { display: flex; align-items: center; justify-content: space-between; }
.badge { display: inline-block; margin: 0; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.75rem; font-weight: 600; text-transform: uppercase; background: #fde68a; color: #713f12; }
h1 { font-size: 1.25rem; margin: 0.75rem 0 0.25rem; }
h2 { font-size: 1rem; margin: 1rem 0 0.5rem; }
h2:focus { outline: none; }
.hint, .muted { margin: 0 0 0.5rem; font-size: 0.875rem; opacity: 0.75; }
label { display: block; margin: 0.75rem 0 0.25rem; font-weight: 600; font-size: 0.875rem; }
input[type=search], input[type=password], input:not([type]), input[inputmode] { width: 100%; padding: 0.5rem; font: inherit; border-radius: 8px; border: 1px solid color-mix(in srgb, CanvasText 35%, transparent); background: Canvas; color: CanvasText; }
.banks { list-style: none; margin: 0.75rem 0 0; padding: 0; display: grid; gap: 0.375rem; max-height: max(6rem, min(18rem, 100vh - 24rem)); overflow: auto; }
.bank { width: 100%; display: flex; flex-direction: column; align-items: flex-start; text-align: start; background: transparent; color: inherit; border-color: color-mix(in srgb, CanvasText 20%, transparent); }
.bank:hover { border-color: #182cd1; }
.bank-name { font-weight: 600; }
.bank-note { font-size: 0.8rem; opacity: 0.75; }
fieldset { border: 0; margin: 0.5rem 0 0; padding: 0; }
legend { font-weight: 600; font-size: 0.875rem; padding: 0; }
.choice { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; margin: 0.375rem 0; }
.credentials { margin: 0.75rem 0 0; padding: 0.5rem 0.75rem; border-radius: 8px; font-size: 0.875rem; background: color-mix(in srgb, #fde68a 45%, Canvas); }
.error { min-height: 1.25rem; margin: 0.5rem 0 0; font-size: 0.875rem; color: #b42318; }
.status { min-height: 1.5rem; margin: 0.5rem 0 0; font-size: 0.875rem; }
.actions { display: flex; gap: 0.5rem; justify-content: flex-end; margin-top: 1rem; }
button { font: inherit; padding: 0.5rem 1rem; border-radius: 8px; border: 1px solid transparent; cursor: pointer; background: #182cd1; color: #fff; }
button.secondary, button.icon { background: transparent; color: inherit; border-color: color-mix(in srgb, CanvasText 30%, transparent); }
button.icon { padding: 0.125rem 0.6rem; font-size: 1.25rem; line-height: 1; }
button:disabled { opacity: 0.6; cursor: progress; }
button:focus-visible, input:focus-visible { outline: 3px solid #6f7cff; outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/**
 * Plain ES2017 script (no build step, no modules) so it runs as served. Query parameters besides what
 * initiate puts in the URL, for tests: `link_delay` (ms the fake bank takes, default 300), `repeat_success`
 * (post the success message N times, like a buggy widget), `origin` (postMessage target origin), `return=reference`
 * (end like Mono's documented hosted link: report the account as its webhook would, then return to `redirect_url`
 * with no code, even inside a frame).
 */
export const WIDGET_JS = `(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var reference = params.get('reference') || '';
  var scope = document.body.getAttribute('data-scope') === 'reauth' ? 'reauth' : 'auth';
  var linkDelay = Math.min(Math.max(Number(params.has('link_delay') ? params.get('link_delay') : 300) || 0, 0), 10000);
  var repeatSuccess = Math.min(Math.max(Math.floor(Number(params.get('repeat_success')) || 1), 1), 5);
  var byReference = params.get('return') === 'reference';
  var CREDENTIALS = { username: ${JSON.stringify(SANDBOX_CREDENTIALS.username)}, password: ${JSON.stringify(SANDBOX_CREDENTIALS.password)}, otp: ${JSON.stringify(SANDBOX_CREDENTIALS.otp)} };
  var target = window.parent !== window ? window.parent : window.opener;
  var targetOrigin = embedderOrigin();
  var done = false;
  var busy = false;
  var bank = null;
  var method = 'internet_banking';
  var page = 'INSTITUTION_SELECTION';

  var $ = function (id) { return document.getElementById(id); };
  var steps = { bank: $('step-bank'), login: $('step-login'), otp: $('step-otp'), account: $('step-account') };
  var status = $('status');

  function originOf(value) {
    if (!value) return null;
    try { return new URL(value).origin; } catch (e) { return null; }
  }

  /** Who to post to: the origin that framed or opened this page, never "any page" when it can be known. */
  function embedderOrigin() {
    var given = originOf(params.get('origin'));
    if (given) return given;
    if (window.parent !== window && location.ancestorOrigins && location.ancestorOrigins.length) return location.ancestorOrigins[0];
    return originOf(document.referrer) || '*';
  }

  function post(type, extra) {
    var data = { reference: reference, timestamp: Date.now() };
    for (var key in extra) data[key] = extra[key];
    if (target) target.postMessage({ type: type, data: data }, targetOrigin);
  }

  function randomPart() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    var out = '';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] % 36).toString(36);
    return out;
  }

  /** Redirect mode: only back to a relative path or this origin, never to an arbitrary site. */
  function returnTo(extra) {
    var raw = params.get('redirect_url');
    if (!raw) return false;
    var url;
    try { url = new URL(raw, location.href); } catch (e) { return false; }
    if (url.origin !== location.origin) return false;
    for (var key in extra) url.searchParams.set(key, extra[key]);
    url.searchParams.set('reference', reference);
    location.assign(url.href);
    return true;
  }

  function show(name, pageName) {
    page = pageName;
    for (var key in steps) steps[key].hidden = key !== name;
    var heading = steps[name].querySelector('h2');
    if (heading) heading.focus();
  }

  function institution() {
    return { id: bank.id, name: bank.name };
  }

  /**
   * A bank that logs in on its own site, picked inside a frame: this page goes on in the whole tab, with the bank
   * chosen, and returns to redirect_url from there. It is told no more from here, as with Mono's own pages.
   */
  function takeTab(button) {
    var url = new URL(location.href);
    url.searchParams.set('institution', button.getAttribute('data-id'));
    try {
      // the one Location member another origin's page may set
      window.top.location.href = url.href;
      return true;
    } catch (e) {
      return false;
    }
  }

  function chooseBank(button, clicked) {
    if (clicked && button.getAttribute('data-takes-tab') === 'true' && window.top !== window && takeTab(button)) return;
    bank = {
      id: button.getAttribute('data-id'),
      name: button.getAttribute('data-name'),
      methods: (button.getAttribute('data-methods') || 'internet_banking').split(' '),
      otp: button.getAttribute('data-otp') === 'true',
      fails: button.getAttribute('data-fails') === 'true'
    };
    method = bank.methods[0];
    $('bank-name').textContent = bank.name;
    var radios = document.querySelectorAll('input[name=method]');
    for (var i = 0; i < radios.length; i++) {
      var offered = bank.methods.indexOf(radios[i].value) !== -1;
      radios[i].parentNode.hidden = !offered;
      radios[i].checked = radios[i].value === method;
    }
    $('methods').hidden = bank.methods.length < 2;
    $('login-error').textContent = '';
    post('mono.connect.institution_selected', { institution: institution(), authMethod: method });
    show('login', 'LOGIN');
  }

  function later(fn) { setTimeout(fn, linkDelay); }

  function working(text) {
    busy = true;
    status.textContent = text;
    var buttons = document.querySelectorAll('form button');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
  }

  function idle() {
    busy = false;
    status.textContent = '';
    var buttons = document.querySelectorAll('form button');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
  }

  function fail(errorType, errorMessage, where) {
    idle();
    where.textContent = errorMessage;
    post('mono.connect.error_occured', { errorType: errorType, errorMessage: errorMessage });
  }

  function finish(message) {
    done = true;
    status.textContent = message;
    for (var key in steps) steps[key].hidden = true;
    $('close').disabled = true;
  }

  $('banks').addEventListener('click', function (event) {
    var button = event.target.closest('button.bank');
    if (button && !busy) chooseBank(button, true);
  });

  $('search').addEventListener('input', function () {
    var query = this.value.trim().toLowerCase();
    var items = $('banks').children;
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var match = items[i].textContent.toLowerCase().indexOf(query) !== -1;
      items[i].hidden = !match;
      if (match) shown++;
    }
    $('no-bank').hidden = shown > 0;
  });

  $('methods').addEventListener('change', function (event) {
    var previous = method;
    method = event.target.value;
    if (method !== previous) post('mono.connect.auth_method_switched', { prevAuthMethod: previous, authMethod: method });
  });

  $('back').addEventListener('click', function () {
    if (!busy) show('bank', 'INSTITUTION_SELECTION');
  });

  steps.login.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy || done) return;
    var username = $('username').value.trim();
    var password = $('password').value;
    $('login-error').textContent = '';
    post('mono.connect.login_attempt', { institution: institution(), authMethod: method });
    working('Connecting to ' + bank.name + '\\u2026');
    later(function () {
      if (bank.fails) return fail('INSTITUTION_UNAVAILABLE', bank.name + ' is not responding. Try again later or choose another bank.', $('login-error'));
      if (username !== CREDENTIALS.username || password !== CREDENTIALS.password) {
        return fail('INVALID_CREDENTIALS', 'Incorrect username or password.', $('login-error'));
      }
      idle();
      if (bank.otp) show('otp', 'MFA');
      else show('account', 'ACCOUNT_SELECTION');
    });
  });

  steps.otp.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy || done) return;
    $('otp-error').textContent = '';
    post('mono.connect.mfa_submitted', { mfaType: 'OTP' });
    working('Checking the code\\u2026');
    var otp = $('otp').value.trim();
    later(function () {
      if (otp !== CREDENTIALS.otp) return fail('INVALID_MFA', 'That code is not right. Check it and try again.', $('otp-error'));
      idle();
      show('account', 'ACCOUNT_SELECTION');
    });
  });

  steps.account.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy || done) return;
    var chosen = steps.account.querySelector('input[name=account]:checked');
    if (!chosen) return;
    post('mono.connect.account_selected', { selectedAccountsCount: 1 });
    working('Linking your account\\u2026');
    later(function () {
      var code = 'code_' + chosen.value + '_' + randomPart();
      post('mono.connect.account_linked', { institution: institution() });
      if (byReference) {
        returnByReference(chosen.value);
      } else if (target) {
        for (var i = 0; i < repeatSuccess; i++) post('mono.connect.widget.account_linked', { code: code });
        finish('Account linked. You can close this window.');
      } else if (!returnTo({ code: code, status: 'successful' })) {
        finish('Account linked. Return to the app to continue.');
      }
    });
  });

  /**
   * Mono's documented hosted link: its account comes to the host by webhook (here the sandbox's stand-in for it),
   * and the page returns to redirect_url with status and reference but no code, even inside a frame.
   */
  function returnByReference(account) {
    var linked = new URL('widget/linked', location.href);
    fetch(linked.href, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: reference, account: account }) })
      .then(function (res) { if (!res.ok) throw new Error('HTTP ' + res.status); })
      .then(function () { if (!returnTo({ status: 'successful' })) finish('Account linked. Return to the app to continue.'); })
      .catch(function () { fail('LINK_FAILED', 'The sandbox could not record the link.', status); });
  }

  function cancel() {
    if (done) return;
    if (target) {
      post('mono.connect.on_exit', { pageName: page });
      post('mono.connect.widget.closed', {});
      finish('Closed.');
    } else if (!returnTo({ status: 'failed', reason: 'widget_closed' })) {
      finish('Closed. Return to the app.');
    }
  }

  $('cancel').addEventListener('click', cancel);
  $('close').addEventListener('click', cancel);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') cancel();
  });

  post('mono.connect.widget_opened', {});
  var preselected = document.body.getAttribute('data-institution');
  var preselectedButton = preselected ? document.querySelector('button.bank[data-id="' + preselected + '"]') : null;
  if (preselectedButton) chooseBank(preselectedButton);
  else $('search').focus();
})();
`;
