import { MonoIdentity } from './mono-identity.js';

MonoIdentity.define('mono-identity');

declare global {
  interface HTMLElementTagNameMap {
    'mono-identity': MonoIdentity;
  }
}
