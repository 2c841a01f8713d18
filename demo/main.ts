import '../src/define.js';
import type { MonoProvider } from '../src/elements/provider/mono-provider.js';
import type { MonoConnectButton } from '../src/elements/connect-button/mono-connect-button.js';
import { SANDBOX_ACCOUNTS } from '../src/server/sandbox/accounts.js';
import type { MonoEventName } from '../src/core/events.js';
import { getAccount, getAssets, getEarnings, getIdentity, getIncome, getTransactions } from '../src/client/resources.js';
import { formatDate, formatMoney, MONO_DAY } from '../src/core/format.js';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const provider = $<MonoProvider>('#provider');
const picker = $<HTMLSelectElement>('#account');
const fault = $<HTMLSelectElement>('#fault');
const help = $<HTMLParagraphElement>('#account-help');

const params = new URLSearchParams(location.search);
for (const account of SANDBOX_ACCOUNTS) picker.add(new Option(account.label, account.id));
picker.value = params.get('account') ?? 'acc_demo';

function selectAccount() {
  provider.accountId = picker.value;
  help.textContent = SANDBOX_ACCOUNTS.find((a) => a.id === picker.value)?.description ?? '';
  void showRaw();
}
picker.addEventListener('change', selectAccount);

// Sandbox switches travel as headers that it understands; a new header set means a new client.
const linkReturn = $<HTMLInputElement>('#link-return');
function applySwitches() {
  const value = fault.value;
  const headers: Record<string, string> = {};
  if (value === 'latency') headers['x-sandbox-latency'] = '1500';
  else if (value) headers['x-sandbox-fault'] = value;
  if (linkReturn.checked) headers['x-sandbox-link-return'] = 'reference';
  provider.headers = Object.keys(headers).length ? headers : undefined;
  void provider.updateComplete.then(showRaw);
}
fault.addEventListener('change', applySwitches);
linkReturn.addEventListener('change', applySwitches);

// Every mono-* event, newest first.
const log = $<HTMLOListElement>('#log');
const EVENTS: MonoEventName[] = [
  'mono-open',
  'mono-widget-event',
  'mono-success',
  'mono-close',
  'mono-load',
  'mono-error',
  'mono-transaction-select',
  'mono-filter-change',
  'mono-sync',
  'mono-reauth-required',
];
function summarise(detail: unknown): string {
  const text = JSON.stringify(detail, (key, value) => (key === 'data' && value && typeof value === 'object' ? '{…}' : value));
  return text && text.length > 240 ? `${text.slice(0, 240)}…` : (text ?? '');
}
for (const name of EVENTS) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.className = 'name';
    label.textContent = name;
    const source = (event.composedPath()[0] as Element)?.localName ?? '';
    item.append(label, ` from <${source}> `, summarise((event as CustomEvent).detail));
    log.prepend(item);
    while (log.children.length > 200) log.lastElementChild?.remove();
  });
}
$<HTMLButtonElement>('#clear-log').addEventListener('click', () => log.replaceChildren());

// A chosen row in full, as a host would show it (on a phone the table cuts a long narration): text only.
const details = $<HTMLDListElement>('#transaction-details');
document.addEventListener('mono-transaction-select', (event) => {
  const t = event.detail.transaction;
  const locale = provider.locale ?? 'en-NG';
  const signed = t.type === 'credit' ? t.amount : -t.amount;
  const rows: Array<[string, string]> = [
    ['Narration', t.narration || '—'],
    ['Date', formatDate(t.date, locale, MONO_DAY)],
    ['Amount', formatMoney(signed, t.currency, locale, { signDisplay: 'always' })],
    ['Balance', t.balance === null ? '—' : formatMoney(t.balance, t.currency, locale)],
    ['Category', t.category ?? '—'],
  ];
  details.replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = term;
      dd.textContent = value;
      return [dt, dd];
    }),
  );
});

// The raw view: what MonoClient returns for the selected account (rendered as text only).
const raw = $<HTMLDivElement>('#raw');
let rawRun = 0;
async function showRaw() {
  await provider.updateComplete;
  const client = provider.sharedClient!;
  const id = provider.accountId!;
  const run = ++rawRun;
  const calls: Array<[string, () => Promise<unknown>]> = [
    ['account', () => getAccount(client, id)],
    ['transactions (page 1, limit 5)', () => getTransactions(client, id, { limit: 5 })],
    ['identity', () => getIdentity(client, id)],
    ['income records (with monthly credits)', () => getIncome(client, id)],
    ['assets', () => getAssets(client, id)],
    ['earnings', () => getEarnings(client, id)],
  ];
  raw.replaceChildren(
    ...calls.map(([label, load]) => {
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = `${label}: loading…`;
      const pre = document.createElement('pre');
      details.append(summary, pre);
      load().then(
        (value) => {
          if (run !== rawRun) return;
          summary.textContent = label;
          pre.textContent = JSON.stringify(value, null, 2);
        },
        (error: Error & { kind?: string }) => {
          if (run !== rawRun) return;
          summary.textContent = `${label}: ${error.kind ?? 'error'}`;
          pre.className = 'error';
          pre.textContent = error.message;
        },
      );
      return details;
    }),
  );
}

// <mono-transactions>: how the rows come from the host (pager, "load more", or everything at once).
const transactionsMode = $<HTMLSelectElement>('#transactions-mode');
transactionsMode.addEventListener('change', () => {
  const transactions = $<HTMLElement>('#transactions');
  const mode = transactionsMode.value;
  transactions.setAttribute('paginate', mode === 'all' ? 'false' : 'true');
  transactions.setAttribute('pager', mode === 'more' ? 'more' : 'pages');
});

// <mono-connect-button>: the mode switch (kept across a redirect), and a linked account becomes the selected one.
const connectModes = document.querySelectorAll<HTMLInputElement>('input[name=connect-mode]');
function setConnectMode(mode: string) {
  for (const button of document.querySelectorAll<MonoConnectButton>('mono-connect-button')) button.mode = mode as MonoConnectButton['mode'];
  for (const radio of connectModes) radio.checked = radio.value === mode;
  sessionStorage.setItem('demo.connect-mode', mode);
}
for (const radio of connectModes) radio.addEventListener('change', () => setConnectMode(radio.value));
setConnectMode(sessionStorage.getItem('demo.connect-mode') ?? 'modal');
document.addEventListener('mono-success', (event) => {
  const { accountId } = event.detail;
  if (![...picker.options].some((option) => option.value === accountId)) picker.add(new Option(`Linked: ${accountId}`, accountId));
  picker.value = accountId;
  selectAccount();
});

selectAccount();

// Scheme, brand theme, language and direction switches (issue 7).
import './theme-switcher.js';
