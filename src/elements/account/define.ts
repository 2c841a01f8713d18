import { MonoAccount } from './mono-account.js';

MonoAccount.define('mono-account');

declare global {
  interface HTMLElementTagNameMap {
    'mono-account': MonoAccount;
  }
}
