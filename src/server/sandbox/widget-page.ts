import { SANDBOX_ACCOUNTS } from './accounts.js';
import { INSTITUTIONS } from './institutions.js';

/** Only same-origin resources, but any site may frame it (the kit's modal uses an iframe). */
export const WIDGET_CSP = "default-src 'self'; frame-ancestors *";

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

/**
 * The fake hosted Connect page. It carries no inline script or style (the CSP forbids them);
 * widget.js reads the query string and speaks Mono's postMessage protocol (MONO_API.md §11).
 */
export function widgetHtml(options: WidgetPageOptions): string {
  const { basePath, scope, account, institution } = options;
  const reauth = scope === 'reauth' && account !== null;
  const banks = INSTITUTIONS.map(
    (bank) =>
      `<option value="${escapeHtml(bank.id)}" data-name="${escapeHtml(bank.name)}" data-auth-method="${bank.authMethods[0]}"${bank.id === institution ? ' selected' : ''}>${escapeHtml(bank.name)}</option>`,
  ).join('\n            ');
  const accounts = reauth
    ? `<option value="${escapeHtml(account)}" selected>${escapeHtml(account)}</option>`
    : SANDBOX_ACCOUNTS.map(
        (entry, index) =>
          `<option value="${escapeHtml(entry.id)}"${index === 0 ? ' selected' : ''}>${escapeHtml(entry.label)} (${escapeHtml(entry.id)})</option>`,
      ).join('\n            ');
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
  <body>
    <main class="card">
      <p class="badge">Sandbox</p>
      <h1>${reauth ? 'Re-authorise your bank account' : 'Link your bank account'}</h1>
      <p class="hint">A fake Mono Connect widget served by the mono-elements sandbox. No bank is contacted and no credentials are asked for.</p>
      <form id="link-form" novalidate>
        <label for="institution">Bank</label>
        <select id="institution" name="institution"${reauth ? ' disabled' : ''}>
            ${banks}
        </select>
        <label for="account">Sandbox account</label>
        <select id="account" name="account"${reauth ? ' disabled' : ''}>
            ${accounts}
        </select>
        <p id="status" class="status" role="status" aria-live="polite"></p>
        <div class="actions">
          <button type="button" id="cancel" class="secondary">Cancel</button>
          <button type="submit" id="continue">Continue</button>
        </div>
      </form>
    </main>
  </body>
</html>
`;
}

export const WIDGET_CSS = `:root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
.card { width: min(100% - 2rem, 26rem); padding: 1.5rem; border: 1px solid color-mix(in srgb, CanvasText 15%, transparent); border-radius: 12px; }
.badge { display: inline-block; margin: 0; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.75rem; font-weight: 600; text-transform: uppercase; background: #fde68a; color: #713f12; }
h1 { font-size: 1.25rem; margin: 0.75rem 0 0.25rem; }
.hint { margin: 0 0 1rem; font-size: 0.875rem; opacity: 0.75; }
label { display: block; margin: 0.75rem 0 0.25rem; font-weight: 600; font-size: 0.875rem; }
select { width: 100%; padding: 0.5rem; font: inherit; border-radius: 8px; }
.status { min-height: 1.5rem; font-size: 0.875rem; }
.actions { display: flex; gap: 0.5rem; justify-content: flex-end; margin-top: 1rem; }
button { font: inherit; padding: 0.5rem 1rem; border-radius: 8px; border: 1px solid transparent; cursor: pointer; background: #182cd1; color: #fff; }
button.secondary { background: transparent; color: inherit; border-color: color-mix(in srgb, CanvasText 30%, transparent); }
button:disabled { opacity: 0.6; cursor: progress; }
button:focus-visible, select:focus-visible { outline: 3px solid #6f7cff; outline-offset: 2px; }
`;

/** Plain ES2017 script (no build step, no modules) so it runs as served. */
export const WIDGET_JS = `(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var reference = params.get('reference') || '';
  var scope = params.get('scope') === 'reauth' ? 'reauth' : 'auth';
  var linkDelay = Math.min(Math.max(Number(params.get('link_delay')) || 300, 0), 10000);
  var target = window.parent !== window ? window.parent : window.opener;
  var targetOrigin = originOf(params.get('origin')) || '*';
  var done = false;

  var form = document.getElementById('link-form');
  var bank = document.getElementById('institution');
  var account = document.getElementById('account');
  var status = document.getElementById('status');
  var continueButton = document.getElementById('continue');
  var cancelButton = document.getElementById('cancel');

  function originOf(value) {
    if (!value) return null;
    try { return new URL(value).origin; } catch (e) { return null; }
  }

  function post(type, extra) {
    var data = { reference: reference, timestamp: Date.now() };
    for (var key in extra) data[key] = extra[key];
    if (target) target.postMessage({ type: type, data: data }, targetOrigin);
  }

  function selectedInstitution() {
    var option = bank.options[bank.selectedIndex];
    return { id: option.value, name: option.getAttribute('data-name') || option.textContent };
  }

  function authMethod() {
    return bank.options[bank.selectedIndex].getAttribute('data-auth-method') || 'internet_banking';
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

  function finish(message) {
    done = true;
    continueButton.disabled = true;
    cancelButton.disabled = true;
    status.textContent = message;
  }

  bank.addEventListener('change', function () {
    post('mono.connect.institution_selected', { institution: selectedInstitution(), authMethod: authMethod() });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (done) return;
    done = true;
    continueButton.disabled = true;
    var institution = selectedInstitution();
    status.textContent = 'Connecting to ' + institution.name + '\\u2026';
    post('mono.connect.login_attempt', { institution: institution, authMethod: authMethod() });
    setTimeout(function () {
      var code = 'code_' + account.value + '_' + randomPart();
      if (target) {
        post('mono.connect.widget.account_linked', { code: code });
        finish('Account linked. You can close this window.');
      } else if (!returnTo({ code: code, status: 'successful' })) {
        finish('Account linked. Return to the app to continue.');
      }
    }, linkDelay);
  });

  function cancel() {
    if (done) return;
    if (target) {
      post('mono.connect.on_exit', { pageName: scope === 'reauth' ? 'REAUTH' : 'INSTITUTION_SELECTION' });
      post('mono.connect.widget.closed', {});
      finish('Closed.');
    } else if (!returnTo({ status: 'failed', reason: 'widget_closed' })) {
      finish('Closed. Return to the app.');
    }
  }

  cancelButton.addEventListener('click', cancel);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') cancel();
  });

  post('mono.connect.widget_opened', {});
  bank.focus();
})();
`;
