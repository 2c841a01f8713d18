import { MonoProvider } from './mono-provider.js';

MonoProvider.define('mono-provider');

declare global {
  interface HTMLElementTagNameMap {
    'mono-provider': MonoProvider;
  }
}
