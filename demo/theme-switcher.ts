// The demo's theme, brand, language and direction switches: they only set classes, CSS custom properties
// (from the brand theme files) and the provider's locale, never anything inside an element.
import '../src/themes/kente.css';
import '../src/themes/lagoon.css';
import './theme-switcher.css';
import { registerMessages } from '../src/i18n/index.js';
import { fr } from '../src/i18n/locales/fr.js';
import type { MonoProvider } from '../src/elements/provider/mono-provider.js';

registerMessages('fr', fr);

const root = document.documentElement;
const params = new URLSearchParams(location.search);
const provider = document.querySelector<MonoProvider>('#provider')!;
const layout = document.querySelector<HTMLElement>('main.layout')!;

function bind(id: string, param: string, apply: (value: string) => void): void {
  const select = document.querySelector<HTMLSelectElement>(`#${id}`);
  if (!select) return;
  const initial = params.get(param);
  if (initial !== null && [...select.options].some((o) => o.value === initial)) select.value = initial;
  const update = () => {
    apply(select.value);
    const url = new URL(location.href);
    if (select.value) url.searchParams.set(param, select.value);
    else url.searchParams.delete(param);
    history.replaceState(null, '', url);
  };
  select.addEventListener('change', update);
  apply(select.value);
}

bind('scheme', 'scheme', (scheme) => {
  root.classList.toggle('mono-theme-light', scheme === 'light');
  root.classList.toggle('mono-theme-dark', scheme === 'dark');
});
bind('brand', 'brand', (brand) => {
  for (const name of ['kente', 'lagoon']) root.classList.toggle(`mono-brand-${name}`, brand === name);
});
bind('language', 'locale', (locale) => {
  provider.locale = locale || undefined;
  root.lang = locale || 'en-NG';
});
bind('direction', 'dir', (dir) => {
  // Left to right by removing the attribute: the page's own dir (set on <html> to try a right-to-left page) then holds.
  if (dir) layout.dir = dir;
  else layout.removeAttribute('dir');
});
